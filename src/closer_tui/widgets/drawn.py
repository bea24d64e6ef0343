"""What a widget that draws its own lines shares: its parts' styles at hand, a line centred.

The countdown panel and the breathing guide draw their rows with Textual's
line API (``render_line``) and repaint only the cells that change, a few times
a second at most. Working out a part's style is not cheap, so each is worked
out once and kept until the styles change (a theme, a class such as
``-pulse``) or the whole widget is repainted.
"""

from __future__ import annotations

from typing import Self

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget


class DrawnWidget(Widget):
    """A widget drawn line by line, its parts' styles worked out once (see :meth:`part_style`)."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        self._palette: dict[str, Style] = {}
        super().__init__(id=id, classes=classes)

    def part_style(self, name: str) -> Style:
        """A component class's style, or the widget's own for ``"blank"``; kept once worked out."""
        style = self._palette.get(name)
        if style is None:
            style = self.rich_style if name == "blank" else self.get_component_rich_style(name)
            self._palette[name] = style
        return style

    def notify_style_update(self) -> None:
        self._palette.clear()  # another theme, another class: work the styles out afresh
        super().notify_style_update()

    def refresh(
        self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False
    ) -> Self:
        if not regions:
            # The whole widget, as after a change around it: work the styles out afresh.
            self._palette.clear()
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)


def centred(segments: list[Segment], width: int, blank: Style) -> Strip:
    """``segments`` in the middle of a line ``width`` cells wide, cut if they are wider."""
    used = Segment.get_line_length(segments)
    if used >= width:
        return Strip(segments).crop(0, width)
    left = (width - used) // 2
    return Strip(
        [Segment(" " * left, blank), *segments, Segment(" " * (width - used - left), blank)],
        width,
    )

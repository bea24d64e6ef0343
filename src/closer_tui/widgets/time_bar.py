"""A thin progress line for timers: it repaints only when a cell fills."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget


class TimeBar(Widget):
    """How much of something has passed, from 0.0 to 1.0.

    Textual's ProgressBar carries percentage and ETA widgets a timer never
    shows and repaints on every change; a thirty-minute talk moves this line
    by one cell every forty-five seconds, so that is how often it repaints.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"time-bar--done", "time-bar--left"}

    DEFAULT_CSS = """
    TimeBar { height: 1; }
    TimeBar > .time-bar--done { color: $accent; }
    TimeBar > .time-bar--left { color: $foreground 20%; }
    """

    fraction: reactive[float] = reactive(0.0, repaint=False)

    def _filled(self, fraction: float) -> int:
        return round(min(max(fraction, 0.0), 1.0) * self.content_size.width)

    def watch_fraction(self, old: float, new: float) -> None:
        if self._filled(old) != self._filled(new):
            self.refresh()

    def render(self) -> Text:
        filled = self._filled(self.fraction)
        return Text.assemble(
            ("━" * filled, self.get_component_rich_style("time-bar--done")),
            (
                "━" * (self.content_size.width - filled),
                self.get_component_rich_style("time-bar--left"),
            ),
        )

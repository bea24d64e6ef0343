"""OptionList, with the highlighted row marked in text."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Generic, Self, TypeVar

from rich.console import (
    Console,
    ConsoleOptions,
    ConsoleRenderable,
    RenderableType,
    RenderResult,
    RichCast,
)
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.visual import RenderOptions, Visual, VisualType
from textual.widgets.option_list import Option, OptionDoesNotExist

from closer_tui.mends.option_list import PageSafeOptionList

ThingT = TypeVar("ThingT")

HIGHLIGHT_MARK = "▸"
"""Where the highlight is, in text: colour alone is lost on a monochrome terminal, with
NO_COLOR set, or to a colour-blind partner."""


@dataclass(frozen=True)
class Hanging:
    """A short lead (a mark, a key, a tick) and words that wrap under themselves, not
    under the lead. ``str()`` is the words alone, as a plain prompt's would be."""

    lead: str
    body: RenderableType
    lead_width: int
    gap_right: int = 0
    """Cells kept empty at the right: the words stay off a scrollbar."""

    def grid(self) -> Table:
        grid = Table.grid(expand=True, padding=(0, self.gap_right, 0, 0))
        grid.add_column(width=self.lead_width, no_wrap=True)
        grid.add_column(ratio=1)
        grid.add_row(Text(self.lead, style="bold"), self.body)
        return grid

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        # Laid out as ``grid`` lays it out, without a rich Table: home's list is
        # a Hanging inside a Hanging for each of its places, and nested tables
        # measured and rendered them over a thousand times before home's first
        # frame (tests/ui/test_hanging.py checks it is the grid, line for line).
        lead_width = self.lead_width + self.gap_right
        body_width = options.max_width - lead_width
        if body_width < 1:
            yield self.grid()  # too narrow: rich shares out what room there is
            return
        cells = [
            console.render_lines(
                Padding(Text(self.lead, style="bold"), (0, self.gap_right, 0, 0)),
                options.update(width=lead_width, no_wrap=True, **_AS_A_GRID_CELL),
                style=Style.null(),
            ),
            console.render_lines(
                Padding(self.body, 0),
                options.update(width=body_width, no_wrap=False, **_AS_A_GRID_CELL),
                style=Style.null(),
            ),
        ]
        height = max(len(lines) for lines in cells)
        lead, body = (
            Segment.set_shape(lines, width, height, style=Style.null())
            for lines, width in zip(cells, (lead_width, body_width), strict=True)
        )
        new_line = Segment.line()
        for lead_line, body_line in zip(lead, body, strict=True):
            yield from lead_line
            yield from body_line
            yield new_line

    def __str__(self) -> str:
        return str(self.body)

    def visualize(self) -> Visual | Hanging:
        """How Textual draws it: with its own Content where the words are plain Text.

        Drawn by rich, home's thirty rows were rendered twice before its first
        frame (their heights, then their lines), half of what that frame cost;
        Textual's Content lays the same words out several times faster.
        Anything else (a table, markup in a str) is drawn by rich, as before.
        """
        body = _as_content(self.body)
        return self if body is None else HangingVisual(self, body)


def _as_content(body: RenderableType) -> Content | HangingVisual | None:
    """``body`` as Textual draws it without rich; None where only rich would draw it the same."""
    if isinstance(body, Hanging):
        visual = body.visualize()
        return visual if isinstance(visual, HangingVisual) else None
    if isinstance(body, Text) and not (body.justify or body.overflow or body.no_wrap):
        return Content.from_rich_text(body)
    return None


class HangingVisual(Visual):
    """A :class:`Hanging` laid out by Textual: the lead, then the words wrapped in their column.

    Cell for cell what the rich grid draws (tests/ui/test_hanging.py), but for
    a wide character that just fits, which rich cuts; the words' wrapping is
    worked out once for each width.
    """

    def __init__(self, hanging: Hanging, body: Content | HangingVisual) -> None:
        lead = Content(hanging.lead)
        # Bold to the column's edge, as rich pads a bold cell.
        self.lead = lead.pad_right(hanging.lead_width - lead.cell_length).stylize(
            VisualStyle(bold=True)
        )
        self.lead_width = hanging.lead_width
        self.gap_right = hanging.gap_right
        self.body = body
        self._wrapped: dict[int, list[Content]] = {}

    def _body_width(self, width: int) -> int:
        return width - self.lead_width - self.gap_right

    def _lines(self, width: int) -> list[Content]:
        assert isinstance(self.body, Content)
        if (lines := self._wrapped.get(width)) is None:
            lines = self._wrapped[width] = self.body.wrap(width, overflow="ellipsis")
        return lines

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        words = self.body.get_optimal_width(rules, container_width)
        return self.lead_width + self.gap_right + words

    def get_height(self, rules: RulesMap, width: int) -> int:
        body_width = self._body_width(width)
        if body_width < 1:
            return 1
        if isinstance(self.body, HangingVisual):
            return self.body.get_height(rules, body_width)
        return len(self._lines(body_width))

    def render_strips(
        self, width: int, height: int | None, style: VisualStyle, options: RenderOptions
    ) -> list[Strip]:
        blank = style.rich_style
        lead = Strip(self.lead.render_segments(style)).crop_extend(0, self.lead_width, blank)
        body_width = self._body_width(width)
        if body_width < 1:
            return [lead.crop_extend(0, width, blank)]
        if isinstance(self.body, HangingVisual):
            body = self.body.render_strips(body_width, None, style, options)
        else:
            body = [Strip(line.render_segments(style)) for line in self._lines(body_width)]
        gap = Strip.blank(self.gap_right, blank)
        under = Strip.blank(self.lead_width, blank)
        strips = [
            Strip.join([lead if row == 0 else under, gap, line.crop_extend(0, body_width, blank)])
            for row, line in enumerate(body)
        ]
        return strips[:height] if height is not None else strips


_AS_A_GRID_CELL: dict[str, Any] = {
    "justify": "left",
    "overflow": "ellipsis",
    "height": None,
    "highlight": False,
}
"""How a rich grid's column (``rich.table.Column``'s defaults) renders each cell."""


def with_mark(prompt: VisualType, marked: bool) -> Hanging:
    """``prompt`` behind the mark (or room for it): nothing moves when the highlight does."""
    body = prompt if isinstance(prompt, ConsoleRenderable | RichCast | str) else str(prompt)
    return Hanging(HIGHLIGHT_MARK if marked else " ", body, lead_width=2, gap_right=1)


class CalmOptionList(PageSafeOptionList):
    """An OptionList whose highlighted option carries ``▸`` (and whose page keys wait for
    room to draw: :mod:`closer_tui.mends.option_list`)."""

    def __init__(self, *content: Option | VisualType | None, **kwargs: object) -> None:
        self._plain: dict[Option, VisualType] = {}
        """Each option's prompt as given, before the mark's column was put in front."""
        self._marked: Option | None = None
        super().__init__(*content, **kwargs)  # type: ignore[arg-type]

    def add_options(self, new_options: Iterable[Option | VisualType | None]) -> Self:
        return super().add_options(self._with_room(option) for option in new_options)

    def clear_options(self) -> Self:
        self._plain.clear()
        self._marked = None
        return super().clear_options()

    def replace_option_prompt(self, option_id: str, prompt: VisualType) -> Self:
        return self.replace_option_prompt_at_index(self.get_option_index(option_id), prompt)

    def replace_option_prompt_at_index(self, index: int, prompt: VisualType) -> Self:
        option = self.get_option_at_index(index)
        self._plain[option] = prompt
        return super().replace_option_prompt_at_index(
            index, with_mark(prompt, option is self._marked)
        )

    def _with_room(self, option: Option | VisualType | None) -> Option | None:
        if option is None:
            return None
        if not isinstance(option, Option):
            option = Option(option)
        roomy = Option(with_mark(option.prompt, False), id=option.id, disabled=option.disabled)
        self._plain[roomy] = option.prompt
        return roomy

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        self._mark(highlighted)

    def _mark(self, highlighted: int | None) -> None:
        previous, self._marked = self._marked, None
        if previous is not None:
            self._set_mark(previous, False)
        if highlighted is None:
            return
        try:
            option = self.get_option_at_index(highlighted)
        except OptionDoesNotExist:
            return
        if not option.disabled:
            self._marked = option
            self._set_mark(option, True)

    def _set_mark(self, option: Option, marked: bool) -> None:
        if option not in self._plain or option not in self.options:
            return  # no longer in the list
        index = self.options.index(option)
        super().replace_option_prompt_at_index(index, with_mark(self._plain[option], marked))


Row = tuple[ThingT, VisualType] | Option | None
"""A page list's row: a thing and its line, or between them a heading (a disabled
``Option``) or a gap (None)."""


class PageList(CalmOptionList, Generic[ThingT]):
    """The one list that fills a page (the favourites shelf, the letters), each option
    standing for one of the couple's things: a soft border that brightens while the
    list has the keys."""

    DEFAULT_CSS = """
    PageList { height: 1fr; margin: 1 2; border: round $primary 40%; }
    PageList:focus { border: round $primary; }
    """

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self.things: list[ThingT] = []
        """What the options stand for: an option's id is its thing's place here."""

    def fill(self, rows: Iterable[Row[ThingT]], *, empty: str) -> None:
        """Show ``rows``, the first thing highlighted, and take the keys.

        With no thing at all, the calm ``empty`` words sit in the list itself,
        so the keys still have a place to go.
        """
        self.clear_options()
        self.things = []
        options: list[Option | None] = []
        first: int | None = None
        for row in rows:
            if isinstance(row, tuple):
                thing, line = row
                first = len(options) if first is None else first
                options.append(Option(line, id=str(len(self.things))))
                self.things.append(thing)
            else:
                options.append(row)
        if not self.things:
            options = [Option(Text(empty, style="dim"), disabled=True)]
        self.add_options(options)
        if first is not None:
            self.highlighted = first
        self.focus()

    def thing(self, option: Option | None) -> ThingT | None:
        """The thing ``option`` stands for; None for a heading, a gap or the empty words."""
        if option is None or option.id is None:
            return None
        return self.things[int(option.id)]

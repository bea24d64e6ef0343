"""The history's rows, drawn only as they scroll into view.

Ten years is about 4,200 sessions. ``DataTable`` measures every cell and
``OptionList`` sizes every option before the first paint: both took over two
seconds here to show that many. This list uses Textual's line API instead:
filling it is O(1), and each frame formats only the rows on screen.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.text import Text
from textual.binding import Binding
from textual.events import Click, Resize
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from closer_tui.core.insights import recorded_seconds
from closer_tui.core.models import SessionRecord
from closer_tui.core.words import duration_words, steps_words
from closer_tui.screens.base import NARROW  # a narrow row drops the weekday
from closer_tui.screens.history_detail import when_words
from closer_tui.widgets.option_list import HIGHLIGHT_MARK

GAP = "  "


LONG_WIDTH = 6
"""Room for "45 s" or "31 min"; a rare "1 h 05 min" takes a little of the title's."""
STEPS_WIDTH = 8
"""Room for "12 steps"."""


def row_text(when: str, what: str, long: str, steps: str, width: int) -> Text:
    """One row in columns: when, what (takes the room left), how long, and a plan's steps."""
    narrow = width < NARROW
    when_width = 17 if narrow else 21
    long_width = max(LONG_WIDTH, len(long))
    what_width = max(8, width - when_width - long_width - STEPS_WIDTH - 3 * len(GAP) - 1)
    what = what if len(what) <= what_width else what[: what_width - 1] + "…"
    return Text.assemble(
        " ",
        when.ljust(when_width),
        GAP,
        what.ljust(what_width),
        GAP,
        long.rjust(long_width),
        GAP,
        (steps, "dim"),
    )


def session_row(record: SessionRecord, width: int) -> Text:
    narrow = width < NARROW
    when = when_words(record.started_at)
    if narrow:
        when = when.split(" ", 1)[1]  # without the weekday
    long = duration_words(recorded_seconds(record))
    return row_text(when, record.title, long, steps_words(record.steps), width)


def header_row(width: int) -> Text:
    return row_text("When", "What", "Time", "", width)


class SessionList(ScrollView, can_focus=True):
    """Sessions, one line each, with a cursor; enter or a click opens one."""

    BINDINGS: ClassVar = [
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
        Binding("home", "jump(0)", show=False),
        Binding("end", "jump(-1)", show=False),
        Binding("enter", "open", "Open", show=False),
    ]

    COMPONENT_CLASSES: ClassVar = {"session-list--cursor"}

    DEFAULT_CSS = """
    SessionList {
        height: 1fr;
        overflow-x: hidden;
        scrollbar-size-vertical: 1;
        background: $surface;
    }
    SessionList > .session-list--cursor {
        color: $foreground;
        background: $block-cursor-blurred-background;
    }
    SessionList:focus > .session-list--cursor {
        color: $block-cursor-foreground;
        background: $block-cursor-background;
        text-style: $block-cursor-text-style;
    }
    """

    cursor: reactive[int] = reactive(0)

    class Selected(Message):
        """The couple chose a session to look at."""

        def __init__(self, record: SessionRecord) -> None:
            super().__init__()
            self.record = record

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.records: list[SessionRecord] = []
        self._rows: dict[int, Text] = {}

    # -- what it shows -----------------------------------------------------------

    def show(self, records: list[SessionRecord]) -> None:
        """Show these sessions (already newest first); the cursor goes to the top."""
        self.records = records
        self._rows.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(records))
        self.set_reactive(SessionList.cursor, 0)
        self.scroll_to(0, 0, animate=False, immediate=True)
        self.refresh()

    def drop(self, record_id: str) -> None:
        """Take one session out, keeping the cursor where it was."""
        self.records = [record for record in self.records if record.id != record_id]
        self._rows.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.records))
        self.cursor = min(self.cursor, max(len(self.records) - 1, 0))
        self.refresh()

    @property
    def current(self) -> SessionRecord | None:
        if 0 <= self.cursor < len(self.records):
            return self.records[self.cursor]
        return None

    def on_resize(self, event: Resize) -> None:
        self._rows.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.records))

    # -- drawing -----------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = self.scroll_offset.y + y
        base = self.rich_style
        if index >= len(self.records):
            return Strip.blank(width, base)
        row = self._rows.get(index)
        if row is None:
            row = self._rows[index] = session_row(self.records[index], width)
        segments = list(Segment.apply_style(row.render(self.app.console), base))
        strip = Strip(segments).adjust_cell_length(width, base)
        if index == self.cursor:
            cursor = self.get_component_rich_style("session-list--cursor")
            # The row's leading space holds the mark: the cursor reads without colour too.
            strip = Strip.join([Strip([Segment(HIGHLIGHT_MARK, base)]), strip.crop(1)])
            strip = Strip(Segment.apply_style(strip, post_style=cursor), width)
        return strip

    def watch_cursor(self, old: int, new: int) -> None:
        self.scroll_to_region(
            Region(0, new, self.scrollable_content_region.width, 1),
            animate=False,
            force=True,
            immediate=True,
        )
        self.refresh()

    # -- keys and mouse --------------------------------------------------------------

    def _go(self, index: int) -> None:
        if self.records:
            self.cursor = max(0, min(index, len(self.records) - 1))

    def action_move(self, step: int) -> None:
        self._go(self.cursor + step)

    def action_page(self, direction: int) -> None:
        self._go(self.cursor + direction * max(1, self.scrollable_content_region.height - 1))

    def action_jump(self, index: int) -> None:
        self._go(index if index >= 0 else len(self.records) - 1)

    def action_open(self) -> None:
        if self.current is not None:
            self.post_message(self.Selected(self.current))

    def on_click(self, event: Click) -> None:
        index = self.scroll_offset.y + event.y
        if 0 <= index < len(self.records):
            self.cursor = index
            self.action_open()

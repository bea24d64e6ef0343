"""A thin progress line for timers: it repaints only when a cell fills."""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

BAR = "━"
BAR_LEFT = "─"
"""The part still to come is a thinner line, so the bar reads without colour too (NO_COLOR)."""


def filled_cells(fraction: float, width: int) -> int:
    """How many of ``width`` cells a bar ``fraction`` of the way along fills."""
    return round(min(max(fraction, 0.0), 1.0) * width)


def bar_segments(filled: int, width: int, done: Style, left: Style) -> list[Segment]:
    """One bar line: ``filled`` cells in ``done``, the rest of ``width`` in ``left``."""
    return [Segment(BAR * filled, done), Segment(BAR_LEFT * (width - filled), left)]


class TimeBar(Widget):
    """How much of something has passed, from 0.0 to 1.0.

    Textual's ProgressBar carries percentage and ETA widgets a timer never
    shows and repaints on every change; a thirty-minute talk moves this line
    by one cell every forty-five seconds, so that is how often it repaints.
    It draws its one line directly, with Textual's line API.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"time-bar--done", "time-bar--left"}

    DEFAULT_CSS = """
    TimeBar { height: 1; }
    TimeBar > .time-bar--done { color: $accent; }
    TimeBar > .time-bar--left { color: $foreground 20%; }
    """

    fraction: reactive[float] = reactive(0.0, repaint=False)

    def watch_fraction(self, old: float, new: float) -> None:
        width = self.size.width
        if filled_cells(old, width) != filled_cells(new, width):
            self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        done = self.get_component_rich_style("time-bar--done")
        left = self.get_component_rich_style("time-bar--left")
        return Strip(bar_segments(filled_cells(self.fraction, width), width, done, left), width)

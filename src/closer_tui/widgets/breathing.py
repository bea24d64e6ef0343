"""A paced-breathing guide: a bar that fills as you breathe in and empties as you breathe out.

About six breaths a minute (five seconds in, five out, from ``calm.toml``).
Where the couple chose reduced motion, the bar gives way to a plain count of
the seconds left in each breath. Either way the phase is read from the
clock, never counted in ticks, and the guide repaints only when what it shows
changes: a few times a second for the bar, once a second for the count.
"""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from rich.segment import Segment
from textual.geometry import Region
from textual.strip import Strip
from textual.timer import Timer

from closer_tui.core.clock import Clock
from closer_tui.core.content import Breathing
from closer_tui.widgets.drawn import DrawnWidget, centred

BAR_CELLS = 30
EIGHTHS = " ▏▎▍▌▋▊▉█"
"""A cell filled by eighths: the bar moves smoothly at a few frames a second."""
MOVING_FRAME = 0.5
"""Two frames a second: a calm, visible rhythm (a breath in is ten frames), and a laptop's
battery barely notices; at four, a break cost three times a bare clock (benchmarks/timer.py)."""
STILL_FRAME = 1.0


class Breath(NamedTuple):
    """Where a breath is: in or out, how full the lungs (0 to 1), whole seconds left of it."""

    breathing_in: bool
    fullness: float
    seconds_left: int


def breath_at(elapsed: float, in_seconds: float, out_seconds: float) -> Breath:
    """The breath ``elapsed`` seconds after the guide began."""
    into = elapsed % (in_seconds + out_seconds)
    if into < in_seconds:
        left = in_seconds - into
        return Breath(True, into / in_seconds, max(1, -int(-left // 1)))
    out = into - in_seconds
    left = out_seconds - out
    return Breath(False, 1 - out / out_seconds, max(1, -int(-left // 1)))


def bar(fullness: float, cells: int = BAR_CELLS) -> tuple[str, str]:
    """``fullness`` of a bar ``cells`` wide, in eighths of a cell: (the filled part, the rest)."""
    eighths = round(max(0.0, min(fullness, 1.0)) * cells * 8)
    whole, part = divmod(eighths, 8)
    drawn = "█" * whole + (EIGHTHS[part] if part else "")
    return drawn, "░" * (cells - len(drawn))


class BreathingGuide(DrawnWidget):
    """Breathe in as the bar fills, out as it empties; or, held still, a plain count.

    Two rows, drawn with Textual's line API: the words, and the bar. A frame
    repaints only the row that changed (the bar, mostly; the words when the
    breath turns), on a screen that draws only what changes, so a twenty-minute
    break costs a laptop little more than its countdown.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"breathing--words", "breathing--rest"}

    DEFAULT_CSS = """
    BreathingGuide { height: 2; width: 1fr; }
    BreathingGuide.-still { height: 1; }
    BreathingGuide > .breathing--words { text-style: bold; }
    BreathingGuide > .breathing--rest { color: $foreground 25%; }
    """

    def __init__(
        self, words: Breathing, *, clock: Clock, still: bool = False, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.words = words
        self.clock = clock
        self.still = still
        self.set_class(still, "-still")
        self._began = clock()
        self._timer: Timer | None = None
        self._shown = self.frame()

    def on_mount(self) -> None:
        self._timer = self.set_interval(
            STILL_FRAME if self.still else MOVING_FRAME, self.look, name="breathing"
        )

    def breath(self) -> Breath:
        words = self.words
        return breath_at(self.clock() - self._began, words.in_seconds, words.out_seconds)

    def frame(self) -> tuple[bool, int]:
        """What is drawn, and no more: a repaint happens only when this changes."""
        breath = self.breath()
        if self.still:
            return breath.breathing_in, breath.seconds_left
        return breath.breathing_in, round(breath.fullness * BAR_CELLS * 8)

    def look(self) -> None:
        """Read the clock; repaint only the row that would look different."""
        frame = self.frame()
        if frame == self._shown:
            return
        turned = frame[0] != self._shown[0]
        self._shown = frame
        width = self.content_size.width
        rows = [0] if self.still or turned else []
        if not self.still:
            rows.append(1)
        self.refresh(*(Region(0, row, width, 1) for row in rows))

    def render_line(self, y: int) -> Strip:
        width = self.content_size.width
        blank = self.part_style("blank")
        breath = self.breath()
        words = self.words
        said = words.breathe_in if breath.breathing_in else words.breathe_out
        if y == 0:
            if self.still:
                said = f"{said} · {breath.seconds_left}"
            return centred([Segment(said, self.part_style("breathing--words"))], width, blank)
        if y == 1 and not self.still:
            filled, rest = bar(breath.fullness)
            return centred(
                [Segment(filled, blank), Segment(rest, self.part_style("breathing--rest"))],
                width,
                blank,
            )
        return Strip.blank(width, blank)

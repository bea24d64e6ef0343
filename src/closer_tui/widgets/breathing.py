"""A paced-breathing guide: a bar that fills as you breathe in and empties as you breathe out.

About six breaths a minute (five seconds in, five out, from ``calm.toml``).
Where the couple chose reduced motion, the bar gives way to a plain count of
the seconds left in each breath. Either way the phase is read from the
clock, never counted in ticks, and the guide repaints only when what it shows
changes: a few times a second for the bar, once a second for the count.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.text import Text
from textual.timer import Timer
from textual.widget import Widget

from closer_tui.core.clock import Clock
from closer_tui.core.content import Breathing

BAR_CELLS = 30
EIGHTHS = " ▏▎▍▌▋▊▉█"
"""A cell filled by eighths: the bar moves smoothly at a few frames a second."""
MOVING_FRAME = 0.25
"""Four frames a second: slow enough for a laptop's battery, smooth with eighth cells."""
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


class BreathingGuide(Widget):
    """Breathe in as the bar fills, out as it empties; or, held still, a plain count."""

    DEFAULT_CSS = """
    BreathingGuide { height: auto; width: 1fr; content-align: center middle; text-align: center; }
    """

    def __init__(
        self, words: Breathing, *, clock: Clock, still: bool = False, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.words = words
        self.clock = clock
        self.still = still
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
        """Read the clock; repaint only if the guide would look different."""
        frame = self.frame()
        if frame != self._shown:
            self._shown = frame
            self.refresh()

    def render(self) -> Text:
        breath = self.breath()
        words = self.words
        said = words.breathe_in if breath.breathing_in else words.breathe_out
        if self.still:
            text = Text(f"{said} · {breath.seconds_left}\n\n", style="bold")
            text.append(words.note_still, style="dim")
            return text
        text = Text(f"{said}\n", style="bold")
        filled, rest = bar(breath.fullness)
        text.append(filled, style="not bold")
        text.append(f"{rest}\n", style="not bold dim")
        text.append(words.note, style="dim")
        return text

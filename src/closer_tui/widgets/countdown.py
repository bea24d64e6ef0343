"""The countdown every timed practice shares: large digits, a bar, pause, +1 minute, end early."""

from __future__ import annotations

from functools import lru_cache
from typing import ClassVar, NamedTuple

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.geometry import Region
from textual.message import Message
from textual.reactive import reactive
from textual.renderables.digits import Digits
from textual.strip import Strip
from textual.timer import Timer

from closer_tui.core.clock import Clock, Countdown, Phase, format_mmss, until_next_second
from closer_tui.widgets.drawn import DrawnWidget, centred
from closer_tui.widgets.time_bar import bar_segments, filled_cells

EXTEND_SECONDS = 60
PULSE_SECONDS = 0.45
BAR_WIDTH = 40
DIGIT_ROWS = range(3)
BLANK_ROW, BAR_ROW, STATUS_ROW = 3, 4, 5


class CountdownPanel(DrawnWidget, can_focus=True):
    """Shows a :class:`Countdown` and ends it on time.

    Remaining time is always read from the countdown's clock. A first timer
    waits for the moment the shown second changes; from there one drift-free
    interval ticks on each whole second, which is also when the end falls.

    The panel draws its own lines (large digits, a bar, a status line) with
    Textual's line API and repaints only when what they show changes: a tick
    then costs one widget's repaint, not one for each of its parts, which
    keeps a timer that runs for half an hour light on a laptop's battery.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "countdown--digits",
        "countdown--done",
        "countdown--left",
        "countdown--status",
        "countdown--caption",
    }

    DEFAULT_CSS = """
    CountdownPanel { height: 6; padding: 0 1; }
    CountdownPanel.-compact { height: 1; }
    CountdownPanel > .countdown--done { color: $accent; }
    CountdownPanel > .countdown--left { color: $foreground 20%; }
    CountdownPanel > .countdown--status { color: $warning; }
    CountdownPanel > .countdown--caption { color: $text-muted; }
    CountdownPanel.-pulse { background: $accent 15%; }
    CountdownPanel.-pulse > .countdown--digits { color: $accent; text-style: bold; }
    CountdownPanel.-compact > .countdown--status { color: $text-muted 60%; }
    CountdownPanel.-compact.-pulse > .countdown--status { color: $accent; text-style: bold; }
    """

    BINDINGS = [
        Binding("p", "pause", "Pause"),
        Binding("plus,equals_sign", "extend", "1 min", key_display="+"),
        Binding("e", "end", "End early"),
    ]

    paused: reactive[bool] = reactive(False)
    caption: reactive[str] = reactive("", init=False, repaint=False)
    """What the time counts down, said under the bar ("left of your talk"): for a screen
    that shows another time too, so each clock has one meaning."""
    shown: reactive[str] = reactive("", init=False, repaint=False)
    """The time as shown: what is left ("2:59"), once a second, for anyone to watch; once
    over, the time spent."""

    class Ended(Message):
        """The countdown is over, by running out or by ``e``. Sent exactly once."""

        def __init__(self, panel: CountdownPanel) -> None:
            super().__init__()
            self.panel = panel

        @property
        def countdown(self) -> Countdown:
            return self.panel.countdown

    def __init__(
        self,
        seconds: float,
        *,
        clock: Clock,
        bell: bool = True,
        pulse: bool = True,
        compact: bool = False,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """``compact`` shows only a small, dim time: for exercises where a big timer distracts."""
        self._width = 0
        """The width the bar was measured for."""
        super().__init__(id=id, classes=classes)
        self.compact = compact
        self.set_class(compact, "-compact")
        self.countdown = Countdown(seconds, clock)
        self.bell = bell
        self.pulse = pulse
        self._timer: Timer | None = None
        self.held = False
        """Held by its host: the host's line says so, and the host's key carries on."""
        self._held_running = False
        self._phase = self.countdown.phase
        self._look_now = self._looks()

    # -- driving ---------------------------------------------------------------

    def start(self) -> None:
        self.countdown.start()
        self.focus()
        self.sync()

    def sync(self) -> None:
        """Re-read the clock now: after the laptop wakes, or when a test moves its clock."""
        if self._look():
            self._align_ticks()

    def hold(self, held: bool) -> None:
        """Held by the host (a guided session on hold): paused, and ``p`` cannot carry on.

        Released, it runs again only if the hold was what paused it.
        """
        if held == self.held:
            return
        self.held = held
        running = self.countdown.phase is Phase.RUNNING
        if held:
            self._held_running = running
            if running:
                self.countdown.pause()
        elif self._held_running:
            self.countdown.resume()
        self.sync()
        self._show()

    def action_pause(self) -> None:
        if self.held:
            self.notify("Everything is on hold: ctrl+t carries on.", timeout=4)
            return
        self.countdown.toggle_pause()
        self.sync()

    def extend(self, seconds: float) -> None:
        self.countdown.extend(seconds)
        self.sync()

    def action_extend(self) -> None:
        self.extend(EXTEND_SECONDS)

    def action_end(self) -> None:
        if self.countdown.phase is not Phase.READY:
            self.countdown.end_early()
            self.sync()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("pause", "extend", "end"):
            # Only offered while there is a countdown to act on.
            return self.countdown.phase in (Phase.RUNNING, Phase.PAUSED)
        return True

    def _look(self) -> bool:
        """Show the countdown as it is now; False once it has ended."""
        ended = self.countdown.poll()
        phase = self.countdown.phase
        if phase is not self._phase:
            self._phase = phase
            self.refresh_bindings()
        self.paused = phase is Phase.PAUSED
        self._show()
        if ended:
            self._stop_ticks()
            self._finish()
        return not ended

    def _align_ticks(self) -> None:
        """Wait for the next change of the shown second, then tick once a second."""
        self._stop_ticks()
        if self.countdown.phase is not Phase.RUNNING:
            return
        remaining = self.countdown.remaining
        # Whole seconds are shown rounded up: the display next changes when
        # ``remaining`` crosses the integer below it.
        delay = max(until_next_second(remaining), 0.001)
        self._timer = self.set_timer(delay, self._on_boundary, name="countdown")

    def _on_boundary(self) -> None:
        if self._look() and self.countdown.phase is Phase.RUNNING:
            self._timer = self.set_interval(1.0, self._look, name="countdown")

    def _stop_ticks(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    # -- showing ---------------------------------------------------------------

    def watch_caption(self) -> None:
        self._show()

    def _looks(self) -> Looks:
        """What the panel shows now.

        Once over, however it ended, it shows the time the couple really spent,
        never the time that was left: a stopped clock still reading "2:55"
        looks as if something were still to come.
        """
        countdown = self.countdown
        phase = countdown.phase
        if phase is Phase.FINISHED:
            digits = format_mmss(round(countdown.elapsed))
            status = f"{digits} together" if self.compact else "time together"
        else:
            digits = format_mmss(countdown.remaining)
            if phase is Phase.PAUSED:
                # Held, the host's own line says how to carry on: one message, not two.
                paused_line = "" if self.held else "Paused. Press p to carry on."
                status = f"{digits} · paused" if self.compact else paused_line
            else:
                status = digits if self.compact else self.caption
        return Looks(digits, status, filled_cells(countdown.progress, self._bar_width))

    @property
    def _bar_width(self) -> int:
        return min(BAR_WIDTH, self.content_size.width)

    def _show(self) -> None:
        looks = self._looks()
        if looks != self._look_now:
            before, self._look_now = self._look_now, looks
            # Only the rows that changed, usually the digits, now and then the
            # bar, and of those only the columns that did: Textual keeps the
            # rest as it was drawn, and sends the terminal nothing for it.
            self.refresh(*self._changed(before, looks))
        self.shown = looks.digits

    def _changed(self, before: Looks, now: Looks) -> list[Region]:
        """Where on the panel ``now`` differs from ``before``: the digits' and the bar's spans."""
        width, left = self.content_size.width, self.styles.gutter.left
        regions = []
        for row in before.rows_changed(now, compact=self.compact):
            if self.compact:
                used = [width]  # its one line: the time and what it is, in words
            elif row in DIGIT_ROWS:
                style = self.part_style("countdown--digits")
                used = [big_digits(d, style)[0].cell_length for d in (before.digits, now.digits)]
            elif row == BAR_ROW:
                used = [self._bar_width]
            else:
                used = [width]
            # Centred as ``centred`` centres them: the wider of the two, old and new.
            start = min((width - u) // 2 for u in used)
            end = max((width - u) // 2 + u for u in used)
            regions.append(Region(left + start, row, max(end - start, 1), 1))
        return regions

    def _finish(self) -> None:
        if self.bell:
            self.app.bell()
        if self.pulse:
            self.add_class("-pulse")
            self.set_timer(PULSE_SECONDS, lambda: self.remove_class("-pulse"))
        self.post_message(self.Ended(self))

    def on_unmount(self) -> None:
        self._stop_ticks()

    # -- drawing ---------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        # Called only for rows Textual has no drawing of: after a refresh, or a resize.
        width = self.content_size.width
        if width != self._width:
            self._width = width
            self._look_now = self._looks()  # the bar has another length
        return self._draw(y, width)

    def _draw(self, y: int, width: int) -> Strip:
        looks, blank = self._look_now, self.part_style("blank")
        if self.compact:
            y = STATUS_ROW if y == 0 else BLANK_ROW
        if y in DIGIT_ROWS:
            return centred(
                [big_digits(looks.digits, self.part_style("countdown--digits"))[y]], width, blank
            )
        if y == BAR_ROW:
            done, left = self.part_style("countdown--done"), self.part_style("countdown--left")
            return centred(bar_segments(looks.filled, self._bar_width, done, left), width, blank)
        if y == STATUS_ROW:
            # A pause is news and stands out; a caption only says what the time is.
            part = "countdown--status" if self.compact or self.paused else "countdown--caption"
            status = Segment(looks.status, self.part_style(part))
            return centred([status], width, blank)
        return Strip.blank(width, blank)


class Looks(NamedTuple):
    """What a countdown panel shows: the digits, the status line, and the bar's filled cells."""

    digits: str
    status: str
    filled: int

    def rows_changed(self, new: Looks, *, compact: bool) -> list[int]:
        if compact:
            return [0] if new.status != self.status else []
        rows = list(DIGIT_ROWS) if new.digits != self.digits else []
        if new.filled != self.filled:
            rows.append(BAR_ROW)
        if new.status != self.status:
            rows.append(STATUS_ROW)
        return rows


@lru_cache(maxsize=4)
def big_digits(time: str, style: Style) -> list[Segment]:
    """``time`` in Textual's three-row digits: one segment for each row."""
    pieces = Digits(time).render(style)
    return [piece for piece in pieces if isinstance(piece, Segment) and piece.text != "\n"]

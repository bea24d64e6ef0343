"""The countdown every timed practice shares: large digits, a bar, pause, +1 minute, end early."""

from __future__ import annotations

import math

from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Digits, Static

from closer_tui.core.clock import Clock, Countdown, Phase, format_mmss
from closer_tui.widgets.time_bar import TimeBar

EXTEND_SECONDS = 60
PULSE_SECONDS = 0.45


class CountdownPanel(Widget, can_focus=True):
    """Shows a :class:`Countdown` and ends it on time.

    Remaining time is always read from the countdown's clock. A first timer
    waits for the moment the shown second changes; from there one drift-free
    interval ticks on each whole second, which is also when the end falls.
    Each tick repaints only what changed: the digits, and the bar when a
    cell fills.
    """

    DEFAULT_CSS = """
    CountdownPanel { height: auto; padding: 0 1; }
    CountdownPanel Digits { width: 100%; text-align: center; margin: 0 0 1 0; }
    CountdownPanel TimeBar { width: 40; max-width: 100%; margin: 0 0 0 0; }
    CountdownPanel #countdown-bar-row { height: 1; width: 100%; align-horizontal: center; }
    CountdownPanel #countdown-status {
        width: 100%; text-align: center; color: $warning; height: 1;
    }
    CountdownPanel.-pulse Digits { color: $accent; text-style: bold; }
    CountdownPanel.-pulse { background: $accent 15%; }
    CountdownPanel.-compact Digits, CountdownPanel.-compact #countdown-bar-row { display: none; }
    CountdownPanel.-compact #countdown-status { color: $text-muted 60%; }
    CountdownPanel.-compact.-pulse #countdown-status { color: $accent; text-style: bold; }
    """

    BINDINGS = [
        Binding("p", "pause", "Pause"),
        Binding("plus,equals_sign", "extend", "+1 min", key_display="+"),
        Binding("e", "end", "End early"),
    ]

    paused: reactive[bool] = reactive(False)
    shown: reactive[str] = reactive("", init=False, repaint=False)
    """The remaining time as shown ("2:59"): changes once a second, for anyone to watch."""

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
        super().__init__(id=id, classes=classes)
        self.compact = compact
        self.set_class(compact, "-compact")
        self.countdown = Countdown(seconds, clock)
        self.bell = bell
        self.pulse = pulse
        self._timer: Timer | None = None
        self._shown = ("", "")
        self._phase = self.countdown.phase

    def compose(self) -> ComposeResult:
        from textual.containers import Horizontal

        yield Digits(format_mmss(self.countdown.remaining))
        with Horizontal(id="countdown-bar-row"):
            yield TimeBar()
        yield Static("", id="countdown-status")

    # -- driving ---------------------------------------------------------------

    def start(self) -> None:
        self.countdown.start()
        self.focus()
        self.sync()

    def sync(self) -> None:
        """Re-read the clock now: after the laptop wakes, or when a test moves its clock."""
        if self._look():
            self._align_ticks()

    def action_pause(self) -> None:
        self.countdown.toggle_pause()
        self.sync()

    def action_extend(self) -> None:
        self.countdown.extend(EXTEND_SECONDS)
        self.sync()

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
        delay = max(remaining - (math.ceil(remaining) - 1), 0.001)
        self._timer = self.set_timer(delay, self._on_boundary, name="countdown")

    def _on_boundary(self) -> None:
        if self._look() and self.countdown.phase is Phase.RUNNING:
            self._timer = self.set_interval(1.0, self._look, name="countdown")

    def _stop_ticks(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    # -- showing ---------------------------------------------------------------

    def _show(self) -> None:
        countdown = self.countdown
        digits = format_mmss(countdown.remaining)
        paused = countdown.phase is Phase.PAUSED
        if self.compact:
            status = f"{digits} · paused" if paused else digits
        else:
            status = "Paused. Press p to carry on." if paused else ""
        if (digits, status) != self._shown:
            shown_digits, shown_status = self._shown
            if digits != shown_digits and not self.compact:
                self.query_one(Digits).update(digits)
            if status != shown_status:
                self.query_one("#countdown-status", Static).update(status)
            self._shown = (digits, status)
            self.shown = digits
        self.query_one(TimeBar).fraction = countdown.progress

    def _finish(self) -> None:
        if self.bell:
            self.app.bell()
        if self.pulse:
            self.add_class("-pulse")
            self.set_timer(PULSE_SECONDS, lambda: self.remove_class("-pulse"))
        self.post_message(self.Ended(self))

    def on_unmount(self) -> None:
        self._stop_ticks()

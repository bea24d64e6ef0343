"""The countdown every timed practice shares: large digits, a bar, pause, +1 minute, end early."""

from __future__ import annotations

import math

from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Digits, ProgressBar, Static

from closer_tui.core.clock import Clock, Countdown, Phase, format_mmss

EXTEND_SECONDS = 60
PULSE_SECONDS = 0.45


class CountdownPanel(Widget, can_focus=True):
    """Shows a :class:`Countdown` and ends it on time.

    There is no polling interval: one timer is set for the moment the shown
    second changes (or the end arrives), so the screen repaints once a second
    and the end is noticed when it happens, not at the next tick.
    """

    DEFAULT_CSS = """
    CountdownPanel {
        height: auto;
        align-horizontal: center;
        padding: 0 1;
    }
    CountdownPanel Digits { width: 100%; text-align: center; margin: 0 0 1 0; }
    CountdownPanel ProgressBar { width: auto; }
    CountdownPanel #countdown-status {
        width: 100%; text-align: center; color: $warning; height: 1;
    }
    CountdownPanel.-pulse Digits { color: $accent; text-style: bold; }
    CountdownPanel.-pulse { background: $accent 15%; }
    """

    BINDINGS = [
        Binding("p", "pause", "Pause"),
        Binding("plus,equals_sign", "extend", "+1 min", key_display="+"),
        Binding("e", "end", "End early"),
    ]

    paused: reactive[bool] = reactive(False)

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
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.countdown = Countdown(seconds, clock)
        self.bell = bell
        self.pulse = pulse
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Digits(format_mmss(self.countdown.remaining))
        yield ProgressBar(total=self.countdown.duration, show_eta=False, show_percentage=False)
        yield Static("", id="countdown-status")

    # -- driving ---------------------------------------------------------------

    def start(self) -> None:
        self.countdown.start()
        self.focus()
        self._after_change()

    def action_pause(self) -> None:
        self.countdown.toggle_pause()
        self._after_change()

    def action_extend(self) -> None:
        self.countdown.extend(EXTEND_SECONDS)
        self._after_change()

    def action_end(self) -> None:
        if self.countdown.phase is Phase.READY:
            return
        self.countdown.end_early()
        self._after_change()

    def sync(self) -> None:
        """Re-read the clock now: after the laptop wakes, or when a test moves its clock."""
        self._after_change()

    def _after_change(self) -> None:
        self.paused = self.countdown.phase is Phase.PAUSED
        self._refresh_display()
        if self.countdown.poll():
            self._finish()
            return
        self._schedule()

    def _schedule(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.countdown.phase is not Phase.RUNNING:
            return
        remaining = self.countdown.remaining
        # The display shows whole seconds rounded up: it next changes when
        # ``remaining`` crosses the integer below it.
        delay = remaining - (math.ceil(remaining) - 1) if remaining > 0 else 0.0
        self._timer = self.set_timer(max(delay, 0.001), self._after_change, name="countdown")

    # -- showing ---------------------------------------------------------------

    def _refresh_display(self) -> None:
        countdown = self.countdown
        self.query_one(Digits).update(format_mmss(countdown.remaining))
        self.query_one(ProgressBar).update(total=countdown.duration, progress=countdown.elapsed)
        paused = countdown.phase is Phase.PAUSED
        self.query_one("#countdown-status", Static).update(
            "Paused. Press p to carry on." if paused else ""
        )

    def _finish(self) -> None:
        if self.bell:
            self.app.bell()
        if self.pulse:
            self.add_class("-pulse")
            self.set_timer(PULSE_SECONDS, lambda: self.remove_class("-pulse"))
        self.post_message(self.Ended(self))

    def on_unmount(self) -> None:
        if self._timer is not None:
            self._timer.stop()

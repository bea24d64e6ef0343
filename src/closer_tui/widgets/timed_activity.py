"""The flow every timed practice shares: a gate, a countdown, and what comes after.

The couple passes a gate (both ready, or the phones-away check), the time runs
on the shared countdown panel, and when it ends the round is reported and the
screen shows what comes next ("again", or the way on). The hug, eye gazing,
just listen, the unplugged evening, settling in and the stress-reducing talk
are this flow; each says only what its screen shows at each stage.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar, Literal

from textual.binding import Binding
from textual.reactive import reactive
from textual.widget import Widget

from closer_tui.core.clock import Countdown
from closer_tui.core.models import Outcome, PartnerKey
from closer_tui.widgets.activity import Activity
from closer_tui.widgets.both_ready import BothReady
from closer_tui.widgets.countdown import CountdownPanel
from closer_tui.widgets.minutes_choice import MinutesChoice

Running = Literal["hugging", "gazing", "listening", "settling", "unplugged", "talking"]
"""What the couple is doing while the time runs, in each practice's own word."""

Stage = Literal["phones", "ready", "after"] | Running
"""``phones`` (the phones-away check), ``ready`` (the gate is up), running, or ``after``."""


class TimedActivity(Activity):
    """One timed round after another: gate → countdown → after.

    A subclass sets ``RUNNING`` and ``TITLE`` and fills in the stages:
    :meth:`show_gate`, :meth:`make_room` (where the countdown goes),
    :meth:`show_running` and :meth:`show_after`. ``a`` ("again") shows the
    gate once more.
    """

    RUNNING: ClassVar[Running]
    TITLE: ClassVar[str]

    KEEPS_A_PART: ClassVar[bool] = True
    """Whether a round left before its end is kept as far as it went (see :meth:`pending`)."""

    COMPACT: ClassVar[bool] = False
    """The countdown in its small, quiet form."""

    stage: reactive[Stage] = reactive("ready", init=False, bindings=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._started_at: datetime | None = None
        self._ready: list[PartnerKey] = []

    @property
    def seconds(self) -> float:
        """How long the next round runs."""
        raise NotImplementedError

    @property
    def title(self) -> str:
        """The round's title in the history."""
        return self.TITLE

    # -- the stages, as each practice shows them ----------------------------------------

    async def show_gate(self) -> None:
        """Put the gate up for a new round (and set ``stage``)."""
        raise NotImplementedError

    def show_gate_once_painted(self) -> None:
        """Put the first gate up just after the activity is painted, unless it is gone or
        going by then: a session can move on to its next step in between (a crash's pick-up
        did), and the gate would look for parts already taken down."""
        self.call_after_refresh(self._show_gate_if_here)

    async def _show_gate_if_here(self) -> None:
        # Textual's ``display`` is False too while a node is being taken down (8.2.8).
        if self.is_attached and self.display:
            await self.show_gate()

    async def make_room(self) -> Widget:
        """Clear what the gate showed; the widget returned holds the countdown."""
        raise NotImplementedError

    async def show_running(self, panel: CountdownPanel) -> None:
        """What shows beside the countdown while the time runs."""

    async def show_after(self, outcome: Outcome) -> None:
        """What shows once the round is reported."""

    def stop_running(self) -> None:
        """The time is over, or the round dropped: stop what ran beside the countdown."""

    def round_data(self, countdown: Countdown) -> dict[str, Any]:
        """What this practice keeps of a round besides its time."""
        return {}

    # -- the flow ---------------------------------------------------------------------

    async def on_both_ready_started(self, event: BothReady.Started) -> None:
        event.stop()
        await self.begin_round(event.ready)

    async def begin_round(self, ready: list[PartnerKey]) -> None:
        """The gate is through: the time starts now."""
        seconds = self.seconds  # read while the choice of minutes is still on screen
        self._ready = ready
        room = await self.make_room()
        self._started_at = self.closer.now()
        panel = await self.start_countdown(room, seconds, compact=self.COMPACT)
        self.stage = self.RUNNING
        await self.show_running(panel)

    def _outcome(self, countdown: Countdown) -> Outcome:
        return self.timed_outcome(
            countdown, self.title, self._ready, data=self.round_data(countdown)
        )

    async def on_countdown_panel_ended(self, event: CountdownPanel.Ended) -> None:
        event.stop()
        self.stop_running()
        outcome = self._outcome(event.countdown)
        assert self._started_at is not None
        self.report(outcome, self._started_at)
        self._started_at = None
        self.stage = "after"
        await self.show_after(outcome)

    async def action_again(self) -> None:
        if self.stage == "after":
            await self.show_gate()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "again":
            return self.stage == "after"
        return True

    def pending(self) -> tuple[Outcome, datetime] | None:
        if not self.KEEPS_A_PART or self.stage != self.RUNNING or self._started_at is None:
            return None
        return self._outcome(self.query_one(CountdownPanel).countdown), self._started_at

    def forget(self) -> None:
        """A dropped round never ends: its countdown goes, and the gate comes back."""
        self.stop_running()
        self._started_at = None
        if self.stage == self.RUNNING:
            for panel in self.query(CountdownPanel):
                panel.remove()
            self.stage = "after"
            self.call_later(self.show_gate)


class MinutesGate(TimedActivity):
    """A timed practice whose gate offers a choice of minutes: ← and → change it."""

    BINDINGS = [
        Binding("left", "minutes(-1)", "Shorter", key_display="←"),
        Binding("right", "minutes(1)", "Longer", key_display="→"),
    ]

    def action_minutes(self, by: int) -> None:
        self.query_one(MinutesChoice).step(by)

"""The base of every interactive core: the hug, the question deck, the DTR…

An activity is a widget, not a screen, so the same core runs alone (hosted by
a practice screen, which saves each outcome as a session) and as one step of
a guided session (which gathers the outcomes of all its steps into one).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual.message import Message
from textual.widget import Widget

from closer_tui.core.clock import Countdown
from closer_tui.core.models import Outcome, PartnerKey

if TYPE_CHECKING:
    from closer_tui.app import CloserApp
    from closer_tui.widgets.countdown import CountdownPanel


class Activity(Widget):
    """One interactive core. Subclasses set ``KIND`` and report with :meth:`report`."""

    KIND: ClassVar[str]

    DEFAULT_CSS = """
    Activity { height: auto; width: 1fr; }
    """

    class Done(Message):
        """The couple finished (or ended) one round of this activity."""

        def __init__(self, activity: Activity, outcome: Outcome, started_at: datetime) -> None:
            super().__init__()
            self.activity = activity
            self.outcome = outcome
            self.started_at = started_at

    def __init__(
        self,
        *,
        planned_seconds: float | None = None,
        options: dict[str, Any] | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.planned_seconds = planned_seconds
        self.options = dict(options or {})

    @property
    def closer(self) -> CloserApp:
        return cast("CloserApp", self.app)

    async def start_countdown(
        self, stage: Widget, seconds: float, *, compact: bool = False
    ) -> CountdownPanel:
        """Put a running countdown on ``stage`` (replacing what was there).

        It rings and pulses at the end as the couple chose in settings.
        """
        from closer_tui.widgets.countdown import CountdownPanel

        prefs = self.closer.couple.preferences
        panel = CountdownPanel(
            seconds, clock=self.closer.clock, bell=prefs.bell, pulse=prefs.pulse, compact=compact
        )
        await stage.remove_children()
        await stage.mount(panel)
        panel.start()
        return panel

    def timed_outcome(
        self, countdown: Countdown, title: str, ready: list[PartnerKey], **fields: Any
    ) -> Outcome:
        """The outcome of a timed round: honest seconds, and whether it ran to its end."""
        return Outcome(
            kind=self.KIND,
            title=title,
            planned_seconds=countdown.planned,
            actual_seconds=round(countdown.elapsed, 3),
            # Asked for mid-round (to keep a partial round), it is not completed yet.
            completed=countdown.is_over and countdown.ran_its_time,
            ready=ready,
            **fields,
        )

    def untimed_outcome(self, title: str, started_at: datetime, **fields: Any) -> Outcome:
        """The outcome of an activity without a timer: time together by the wall clock."""
        seconds = (self.closer.now() - started_at).total_seconds()
        return Outcome(
            kind=self.KIND,
            title=title,
            planned_seconds=self.planned_seconds or 0.0,
            actual_seconds=max(seconds, 0.0),
            **fields,
        )

    def report(self, outcome: Outcome, started_at: datetime) -> None:
        self.post_message(self.Done(self, outcome, started_at))

    def pending(self) -> tuple[Outcome, datetime] | None:
        """What would be saved if the couple left now; None when nothing is unsaved.

        Hosts ask before leaving, so "don't save this one" is always a choice
        and never an accident.
        """
        return None

    def forget(self) -> None:
        """Drop unsaved work after the couple chose not to save it."""

    def keep_pending(self) -> bool:
        """Report what is pending as one finished round, then start afresh.

        False, and nothing reported, when there is nothing to keep.
        """
        pending = self.pending()
        if pending is None:
            return False
        self.report(*pending)
        self.forget()
        return True

    def advance(self) -> bool:
        """A guided session's "next": move on within this activity if it has parts.

        Returns False when there is nothing more inside, so the session moves
        on to its next step. One key means "next" everywhere.
        """
        return False

    def hold(self, paused: bool) -> None:
        """Pause or resume this activity's timers, when its host pauses everything."""
        from closer_tui.widgets.countdown import CountdownPanel

        for panel in self.query(CountdownPanel):
            if panel.paused != paused:
                panel.action_pause()

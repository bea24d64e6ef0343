"""The base of every interactive core: the hug, the question deck, the DTR…

An activity is a widget, not a screen, so the same core runs alone (hosted by
a practice screen, which saves each outcome as a session) and as one step of
a guided session (which gathers the outcomes of all its steps into one).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, runtime_checkable

from textual.widget import Widget
from textual.widgets import Input, TextArea
from textual.widgets.text_area import Document

from closer_tui.core.clock import Countdown
from closer_tui.core.models import Outcome, PartnerKey
from closer_tui.widgets.in_closer import InCloser

if TYPE_CHECKING:
    from closer_tui.widgets.countdown import CountdownPanel


Typing = dict[str, str]
"""What is typed but not yet said, saved or revealed: each box's text, by the box's id."""


@runtime_checkable
class KeepsWork(Protocol):
    """A host that keeps an activity's work on disk as it goes (a guided session)."""

    def keep_committed(self) -> None:
        """Write down at once what the couple has just committed."""

    def keep_round(self, outcome: Outcome) -> None:
        """Take one finished round, and write it down at once."""


class Activity(InCloser, Widget):
    """One interactive core. Subclasses set ``KIND`` and report with :meth:`report`."""

    KIND: ClassVar[str]

    DEFAULT_CSS = """
    Activity { height: auto; width: 1fr; }
    """

    last_round_kept = False
    """Whether the last round reported is kept: on disk, or in the guided session's draft.

    False when the disk refused it; closer then asked the couple what to do with it
    (the save-failed dialog), so nothing here may say "Saved."
    """

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

    def report(self, outcome: Outcome, started_at: datetime) -> bool:
        """One round is finished: keep it now, and say whether it is kept.

        A guided session keeps it as a round of its step; a practice on its own
        saves it as a new session. Both by a direct call, never a message: a
        message would leave a moment in which the round is neither in the
        activity (which forgets it after reporting) nor on disk, and the words
        "Saved." on screen before the file is.
        """
        host = self._keeper()
        if host is not None:
            host.keep_round(outcome)
            self.last_round_kept = True
        else:
            self.last_round_kept = self.closer.save_round(outcome, started_at)
        return self.last_round_kept

    def saved_then(self, words: str) -> str:
        """``words`` after "Saved. " once the last round is kept; ``words`` alone if not."""
        return f"Saved. {words}" if self.last_round_kept else words

    def _keeper(self) -> KeepsWork | None:
        return next((node for node in self.ancestors if isinstance(node, KeepsWork)), None)

    def committed(self) -> None:
        """The couple did something they cannot take back: a said turn, a revealed answer…

        A host that keeps work as it goes writes it down now, before the next
        key is handled: a direct call rather than a message, which would wait
        in a queue behind that key.
        """
        host = self._keeper()
        if host is not None:
            host.keep_committed()

    def _boxes(self) -> list[Input | TextArea]:
        """The boxes the couple types into, private answers left out.

        A masked answer is for one partner's eyes: it is never written to a
        draft, and never shown back in a box the other might be typing in.
        """
        return [
            box
            for box in self.query("Input, TextArea")
            if isinstance(box, Input | TextArea)
            and box.id
            and not (isinstance(box, Input) and box.password)
        ]

    def typing(self) -> Typing:
        """The text of each box that holds some, by the box's id."""
        typed = {}
        for box in self._boxes():
            text = box.text if isinstance(box, TextArea) else box.value
            if text.strip() and box.id:
                typed[box.id] = text
        return typed

    def holds_boxes(self, typing: Typing) -> bool:
        """Whether every box ``typing`` names is here to hold its words again."""
        return set(typing) <= {box.id for box in self._boxes()}

    def restore_typing(self, typing: Typing) -> bool:
        """Put half-typed words back where they were; False if a box is not there to hold them."""
        boxes = {box.id: box for box in self._boxes()}
        if not self.holds_boxes(typing):
            return False
        for box_id, text in typing.items():
            box = boxes[box_id]
            if isinstance(box, TextArea):
                box.load_text(text)
                box.move_cursor(box.document.end)
            else:
                box.value = text
                box.cursor_position = len(text)
        return True

    @contextmanager
    def _boxes_read_empty(self) -> Iterator[None]:
        """For a moment, every box reads as empty: nothing is redrawn, no event is sent.

        Each box's own document or value is put back untouched (cursor, undo
        history and all) before anything else runs.
        """
        kept: list[tuple[Input | TextArea, Any]] = []
        for box in self._boxes():
            if isinstance(box, TextArea):
                kept.append((box, box.document))
                box.document = Document("")
            else:
                kept.append((box, box.value))
                box.set_reactive(Input.value, "")
        try:
            yield
        finally:
            for box, held in kept:
                if isinstance(box, TextArea):
                    box.document = held
                else:
                    box.set_reactive(Input.value, held)

    def settled(self) -> tuple[Outcome, datetime] | None:
        """What :meth:`pending` holds without the words still being typed.

        A draft keeps this and :meth:`typing` apart, so that on pick-up the
        boxes are filled again and nothing is counted twice.
        """
        with self._boxes_read_empty():
            return self.pending()

    def pick_up(self, kept: Outcome) -> bool:
        """Carry on from ``kept``, what this step had settled before an interruption.

        False when this activity cannot take it back as its own: the host then
        keeps it as a finished round, and the activity starts afresh.
        """
        return False

    def extend(self, seconds: float) -> None:
        """A guided session gave this step more time: its own countdown gets it too.

        Only a countdown as long as the step itself: a turn's timer, or the
        hug's twenty seconds, keep their own length.
        """
        from closer_tui.widgets.countdown import CountdownPanel

        if self.planned_seconds is None:
            return
        for panel in self.query(CountdownPanel):
            if panel.countdown.duration == self.planned_seconds:
                panel.extend(seconds)
        self.planned_seconds += seconds

    def refresh_bindings(self) -> None:
        """Only while on a screen. Textual 8.2.8 asks ``self.screen`` of a widget that
        was mounted and has since been removed, and raises NoScreen: a step skipped
        just as its activity began changed a reactive afterwards and ended the app."""
        if self.is_attached:
            super().refresh_bindings()

    def pending(self) -> tuple[Outcome, datetime] | None:
        """What would be saved if the couple left now; None when nothing is unsaved.

        Hosts ask before leaving, so "don't save this one" is always a choice
        and never an accident.
        """
        return None

    def forget(self) -> None:
        """Drop unsaved work after the couple chose not to save it."""

    def report_pending(self) -> bool:
        """Report what is pending as one finished round, then start afresh (a "save" key).

        The round is kept as :meth:`report` keeps any (a practice on its own as a
        new session, a guided session into its draft). False, and nothing
        reported, when there is nothing to save; whether it is on disk is
        :attr:`last_round_kept`.
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

    def hold(self, held: bool) -> None:
        """Hold or release this activity's timers, when its host holds everything.

        While held, a timer cannot be carried on by its own key: one hold, one way out.
        """
        from closer_tui.widgets.countdown import CountdownPanel

        for panel in self.query(CountdownPanel):
            panel.hold(held)

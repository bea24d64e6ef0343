"""What every activity answered privately does the same way: reflections, checks, feelings.

Each partner answers unseen in a :class:`PrivateRound`, with the safety note
shown once before anyone answers. At the reveal the answers become the
activity's, and a host that keeps work as it goes writes them down at once;
what comes after the reveal stays hidden until then.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from textual.reactive import reactive

from closer_tui.core.models import PartnerKey
from closer_tui.widgets.activity import Activity
from closer_tui.widgets.private_round import Answer, Ask, PrivateRound

Answers = dict[PartnerKey, dict[str, Answer]]
"""Each partner's answers, by the ask's id."""


class PrivateActivity(Activity):
    """A private round, then what its reveal leads to; subclasses say what is asked
    (:meth:`asks`) and what the reveal shows (:meth:`show_revealed`)."""

    AFTER: ClassVar[str]
    """The selector of what shows only once the answers are revealed (``"#rf-after"``)."""

    SAFETY_NOTE: ClassVar[bool] = True
    """Whether the round opens with the safety note (not where the step before showed it)."""

    stage: reactive[str] = reactive("answering", init=False)
    """Where the round is; ``revealed`` from the reveal until the couple save or drop it."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.answers: Answers | None = None
        """The revealed answers; None before the reveal, and once saved or dropped."""
        self._started_at: datetime | None = None

    def asks(self) -> list[Ask]:
        """What each partner answers, in order."""
        raise NotImplementedError

    def show_revealed(self, answers: Answers) -> None:
        """Show what follows the reveal (the answers are already kept)."""
        raise NotImplementedError

    def private_round(self) -> PrivateRound:
        # The safety note once, before anyone answers: not on every question or reveal.
        note = self.closer.library.safety.short if self.SAFETY_NOTE else ""
        return PrivateRound(self.closer.couple, self.asks(), clock=self.closer.clock, note=note)

    def on_mount(self) -> None:
        self._started_at = self.closer.now()
        self.query_one(self.AFTER).display = False

    def on_private_round_revealed(self, event: PrivateRound.Revealed) -> None:
        event.stop()
        self.answers = event.answers
        self.stage = "revealed"
        self.committed()  # revealed answers are the couple's now: on disk before the next key
        self.show_revealed(event.answers)

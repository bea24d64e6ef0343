"""The emotional-safety self-check: each rates the week alone, then both answers appear together.

Nothing is added up into a verdict and nothing is kept before the reveal. After
the reveal the couple chooses: save it, or don't save this one.
"""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import reactive
from textual.widgets import Static

from closer_tui.core.models import PARTNER_KEYS, Entry, Outcome, PartnerKey
from closer_tui.widgets.private_activity import Answers, PrivateActivity
from closer_tui.widgets.private_round import Ask, PrivateRound

TITLE = "Emotional safety self-check"


def rounded_average(scores: list[int]) -> int | None:
    """The middle of a partner's answers, for a trend; None when every line was passed."""
    if not scores:
        return None
    return int(sum(scores) / len(scores) + 0.5)  # half rounds up, not to even


class SafetyCheckActivity(PrivateActivity):
    """A private round over the self-check items, then save (d) or don't save (x)."""

    KIND = "safety_check"
    AFTER = "#sc-after"

    DEFAULT_CSS = """
    SafetyCheckActivity { padding: 0 2; }
    SafetyCheckActivity #sc-intro { height: auto; margin: 0 0 1 0; }
    SafetyCheckActivity #sc-after { height: auto; margin: 0 0 1 0; }
    """

    BINDINGS = [
        Binding("d", "save", "Save"),
        Binding("x", "discard", "Don't save"),
        Binding("r", "again", "Again"),
    ]

    stage: reactive[str] = reactive("private", init=False)
    """``private`` (answering, nothing kept), ``revealed``, ``saved`` or ``discarded``."""

    def asks(self) -> list[Ask]:
        check = self.closer.library.safety_check
        return [Ask(f"item-{n}", item, tuple(check.scale)) for n, item in enumerate(check.items, 1)]

    def compose(self) -> ComposeResult:
        check = self.closer.library.safety_check
        yield Static(check.intro, id="sc-intro")
        # Above the round, so the reveal opens with how to read it, not with numbers.
        yield Static("", id="sc-after")
        yield self.private_round()

    def show_revealed(self, answers: Answers) -> None:
        self.query_one("#sc-intro").display = False
        after = self.query_one("#sc-after", Static)
        after.update(
            Text.assemble(
                self.closer.library.safety_check.reveal,
                ("\n\nd saves this check · x doesn't save it", "dim"),
            )
        )
        after.display = True
        self.can_focus = True
        self.focus()
        self.refresh_bindings()

    def action_save(self) -> None:
        if not self.report_pending():
            return
        self._after(self.saved_then("For the two of you to look back on. Press r to do it again."))
        self.stage = "saved"

    def action_discard(self) -> None:
        if self.stage != "revealed":
            return
        self.forget()
        self._after("Not saved. It was only for this moment. Press r to do it again.")
        self.stage = "discarded"

    def _after(self, message: str) -> None:
        self.query_one("#sc-after", Static).update(message)
        self.refresh_bindings()

    async def action_again(self) -> None:
        if self.stage not in ("saved", "discarded"):
            return
        await self.query_one(PrivateRound).remove()
        private = self.private_round()
        await self.mount(private, after=self.query_one("#sc-after"))
        private.focus()
        self.stage = "private"
        self.answers = None
        self._started_at = self.closer.now()
        self.query_one("#sc-intro").display = True
        self.query_one("#sc-after").display = False
        self.can_focus = False
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("save", "discard"):
            return self.stage == "revealed"
        if action == "again":
            return self.stage in ("saved", "discarded")
        return True

    def pending(self) -> tuple[Outcome, datetime] | None:
        # Before the reveal nothing exists to save: private answers stay in the round.
        if self.stage != "revealed" or self.answers is None or self._started_at is None:
            return None
        scale = self.closer.library.safety_check.scale
        entries: list[Entry] = []
        ratings: dict[PartnerKey, int] = {}
        for key in PARTNER_KEYS:
            scores: list[int] = []
            for ask in self.asks():
                answer = self.answers.get(key, {}).get(ask.id)
                if isinstance(answer, int):
                    scores.append(answer)
                    entries.append(
                        Entry(
                            who=key,
                            prompt=ask.prompt,
                            text=scale[answer - 1],
                            parts={"score": str(answer)},
                        )
                    )
                else:
                    entries.append(Entry(who=key, prompt=ask.prompt, passed=True))
            average = rounded_average(scores)
            if average is not None:
                ratings[key] = average
        outcome = self.untimed_outcome(
            TITLE,
            self._started_at,
            entries=entries,
            ratings=ratings,
            data={"scale": list(scale)},
        )
        return outcome, self._started_at

    def forget(self) -> None:
        self.answers = None

"""Private reflections revealed together: the connection check and the attachment quiz.

Both are conversation starters, not tests. Each partner answers unseen; the
answers appear side by side; then the couple chooses to save them or not.
Nothing is kept (or offered for saving) before the reveal.
"""

from __future__ import annotations

from datetime import datetime
from statistics import mean
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import reactive
from textual.widgets import Static

from closer_tui.core.models import PARTNER_KEYS, Entry, Outcome, PartnerKey
from closer_tui.core.words import and_words
from closer_tui.widgets.partner import named
from closer_tui.widgets.private_activity import Answers, PrivateActivity
from closer_tui.widgets.private_round import Answer, Ask, PrivateRound


class PrivateReflection(PrivateActivity):
    """A private round of scale questions, a reveal, then save or don't save."""

    TITLE: ClassVar[str]
    AFTER = "#rf-after"

    DEFAULT_CSS = """
    PrivateReflection { padding: 0 1; }
    PrivateReflection .intro { margin: 1 1 0 1; height: auto; }
    PrivateReflection .lead { text-style: bold; }
    PrivateReflection .muted { color: $text-muted; }
    PrivateReflection #rf-after { margin: 1 1 0 1; height: auto; }
    """

    BINDINGS = [
        Binding("s", "save", "Save"),
        Binding("x", "discard", "Don't save"),
        Binding("a", "again", "Again"),
    ]

    stage: reactive[str] = reactive("answering", init=False)
    """``answering`` (nothing to save yet), ``revealed``, then ``saved`` or ``dropped``."""

    def before(self) -> ComposeResult:
        """What is shown above the private round."""
        yield from ()

    def after(self, answers: Answers) -> Text:
        """What is shown below the side-by-side answers."""
        raise NotImplementedError

    def kept(self, answers: Answers) -> dict[str, Any]:
        """What is saved of the revealed answers: the outcome's entries, ratings, data."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        yield from self.before()
        yield self.private_round()
        yield Static("", id="rf-after")

    def show_revealed(self, answers: Answers) -> None:
        after = self.query_one("#rf-after", Static)
        text = self.after(answers)
        text.append("\n\ns saves these answers; x doesn't save them.", style="italic")
        after.update(text)
        after.display = True
        self.refresh_bindings()

    def pending(self) -> tuple[Outcome, datetime] | None:
        if self.answers is None or self._started_at is None:
            return None
        outcome = self.untimed_outcome(self.TITLE, self._started_at, **self.kept(self.answers))
        return outcome, self._started_at

    def forget(self) -> None:
        self.answers = None

    def action_save(self) -> None:
        if not self.report_pending():
            return
        self._finish("saved", self.saved_then("Press a to do it again another time."))

    def action_discard(self) -> None:
        if self.answers is None:
            return
        self.forget()
        self._finish("dropped", "Not saved: these answers are gone. Press a to start again.")

    def _finish(self, stage: str, line: str) -> None:
        self.stage = stage
        self.notify(line.split(".")[0] + ".", timeout=3)
        after = self.query_one("#rf-after", Static)
        text = Text.assemble(line)
        after.update(text)
        self.refresh_bindings()

    async def action_again(self) -> None:
        if self.stage not in {"saved", "dropped"}:
            return
        await self.query_one(PrivateRound).remove()
        await self.mount(self.private_round(), before=self.query_one("#rf-after"))
        self.query_one("#rf-after").display = False
        self._started_at = self.closer.now()
        self.stage = "answering"
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"save", "discard"}:
            return self.stage == "revealed"
        if action == "again":
            return self.stage in {"saved", "dropped"}
        return True


def scale_text(scale: list[str], answer: Answer) -> str:
    return scale[answer - 1] if isinstance(answer, int) else ""


class ConnectionCheckActivity(PrivateReflection):
    """Signs of strong and of low connection, rated privately, kept for a trend."""

    KIND = "connection_check"
    TITLE = "Connection check"

    def _signs(self) -> list[tuple[str, str, str]]:
        """(ask id, sign kind, text) for the strong signs, then the low ones."""
        check = self.closer.library.connection_check
        return [(f"strong-{i}", "strong", t) for i, t in enumerate(check.strong, 1)] + [
            (f"low-{i}", "low", t) for i, t in enumerate(check.low, 1)
        ]

    def asks(self) -> list[Ask]:
        scale = tuple(self.closer.library.connection_check.scale)
        return [Ask(ask_id, text, scale) for ask_id, _, text in self._signs()]

    def before(self) -> ComposeResult:
        yield Static("A conversation starter, not a test.", classes="intro lead", id="cc-lead")
        yield Static(self.closer.library.connection_check.intro, classes="intro muted")

    def averages(self, answers: Answers) -> dict[PartnerKey, float]:
        """Each partner's average agreement with the strong signs (1–5), low signs reversed."""
        found: dict[PartnerKey, float] = {}
        for key in PARTNER_KEYS:
            values = []
            for ask_id, sign, _ in self._signs():
                value = answers.get(key, {}).get(ask_id)
                if isinstance(value, int):
                    values.append(value if sign == "strong" else 6 - value)
            if values:
                found[key] = round(mean(values), 2)
        return found

    def after(self, answers: Answers) -> Text:
        text = Text(self.closer.library.connection_check.after)
        text.append(
            "\nIf you save, closer keeps this check beside your earlier ones, "
            "so you can see in history how it moves over months."
        )
        return text

    def kept(self, answers: Answers) -> dict[str, Any]:
        scale = self.closer.library.connection_check.scale
        entries = [
            Entry(
                who=key,
                prompt=text,
                text=scale_text(scale, answers[key].get(ask_id)),
                passed=answers[key].get(ask_id) is None,
                parts={"sign": sign, "rating": str(answers[key].get(ask_id) or "")},
            )
            for key in PARTNER_KEYS
            for ask_id, sign, text in self._signs()
        ]
        averages = self.averages(answers)
        return {
            "entries": entries,
            "ratings": {key: round(value) for key, value in averages.items()},
            "data": {"average": averages, "scale": "1-5, low signs reversed"},
        }


LEAN_AT = 3.5
"""Agreeing on average (above "not sure") before we say the answers lean somewhere."""


class AttachmentQuizActivity(PrivateReflection):
    """The short reflection quiz: leanings in gentle words, never a label on a person."""

    KIND = "attachment_quiz"
    TITLE = "Attachment reflection"

    def asks(self) -> list[Ask]:
        attachment = self.closer.library.attachment
        scale = tuple(attachment.scale)
        return [Ask(item.id, item.text, scale) for item in attachment.quiz]

    def before(self) -> ComposeResult:
        attachment = self.closer.library.attachment
        yield Static(attachment.disclaimer, classes="intro lead", id="aq-disclaimer")
        yield Static(
            "Each of you rates the same statements, privately; you'll see both together.",
            classes="intro muted",
        )

    def leanings(self, answers: Answers) -> dict[PartnerKey, dict[str, float]]:
        """Each partner's average agreement with each style's statements (1–5)."""
        quiz = self.closer.library.attachment.quiz
        found: dict[PartnerKey, dict[str, float]] = {}
        for key in PARTNER_KEYS:
            by_style: dict[str, list[int]] = {}
            for item in quiz:
                value = answers.get(key, {}).get(item.id)
                if isinstance(value, int):
                    by_style.setdefault(item.leans, []).append(value)
            found[key] = {style: round(mean(vs), 2) for style, vs in by_style.items()}
        return found

    def _leaning_line(self, key: PartnerKey, scores: dict[str, float]) -> Text:
        styles = {s.id: s for s in self.closer.library.attachment.styles}
        text = Text.assemble(named(self.closer.couple.partner(key)))
        top = max(scores.values(), default=0.0)
        leaning = [sid for sid, score in scores.items() if score == top and score >= LEAN_AT]
        if not leaning:
            text.append("'s answers don't lean strongly any one way. That's common.")
            return text
        names = and_words([styles[sid].name.split(" (")[0].lower() for sid in leaning])
        text.append(f"'s answers lean most towards the {names} description")
        text.append("s" if len(leaning) > 1 else "")
        for sid in leaning:
            text.append(f":\n  {styles[sid].description}", style="italic")
        return text

    def after(self, answers: Answers) -> Text:
        attachment = self.closer.library.attachment
        text = Text(attachment.disclaimer, style="bold")
        for key, scores in self.leanings(answers).items():
            text.append("\n\n")
            text.append_text(self._leaning_line(key, scores))
        text.append("\n\nA loop many couples know\n", style="bold")
        text.append(attachment.cycle)
        text.append("\n\n")
        text.append(attachment.after)
        return text

    def kept(self, answers: Answers) -> dict[str, Any]:
        attachment = self.closer.library.attachment
        entries = [
            Entry(
                who=key,
                prompt=item.text,
                text=scale_text(attachment.scale, answers[key].get(item.id)),
                passed=answers[key].get(item.id) is None,
                parts={"leans": item.leans, "rating": str(answers[key].get(item.id) or "")},
            )
            for key in PARTNER_KEYS
            for item in attachment.quiz
        ]
        return {"entries": entries, "data": {"leanings": self.leanings(answers)}}

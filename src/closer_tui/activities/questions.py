"""Ask better questions: one card a night, and a little deeper if you both want more.

The depths escalate the way Aron's fast-friends procedure does: light first,
then deeper, then deep. A card is not repeated until its depth is used up.
"""

from __future__ import annotations

from datetime import datetime
from typing import get_args

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from closer_tui.core.content import Depth, Question
from closer_tui.core.deck import DeckMemory, draw, love, tonights_card
from closer_tui.core.models import Entry, Outcome
from closer_tui.core.sessions import done_with
from closer_tui.widgets.activity import Activity

DEPTHS: tuple[Depth, ...] = get_args(Depth)
DECK = "questions"


class QuestionActivity(Activity):
    """Options: ``depth`` to start at (default: tonight's light card)."""

    KIND = "question"

    DEFAULT_CSS = """
    QuestionActivity { padding: 1 2; }
    QuestionActivity #q-depth { color: $text-muted; }
    QuestionActivity #q-card {
        border: round $primary; padding: 1 2; margin: 1 0; text-style: bold; height: auto;
    }
    QuestionActivity #q-hint { color: $text-muted; }
    """

    BINDINGS = [
        Binding("n", "deeper", "Deeper"),
        Binding("s", "skip", "Pass"),
        Binding("l", "love", "Loved it"),
        Binding("d", "done", "Save"),
    ]

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.card: Question | None = None
        """The card on screen; it stays after saving, so the evening can go on."""
        self.asked: list[tuple[Question, bool]] = []  # (card, passed), not yet saved
        self.loved: list[str] = []
        self._started_at: datetime | None = None
        self._shown_at: datetime | None = None
        self.can_focus = True

    @property
    def memory(self) -> DeckMemory:
        return DeckMemory.from_keepsake(self.closer.recall_keepsake("decks", DECK))

    def compose(self) -> ComposeResult:
        yield Static("", id="q-depth")
        yield Static("", id="q-card")
        yield Static(
            "Take turns answering. There is no right answer, and passing is always fine.",
            id="q-hint",
        )

    def on_mount(self) -> None:
        self._started_at = self.closer.now()
        memory = self.memory
        depth = self.options.get("depth")
        if depth in DEPTHS:
            card = draw(self._cards(str(depth)), memory, self.closer.rng)
        else:
            today = self.closer.now().astimezone().date()
            card = tonights_card(self._cards("light"), memory, today, self.closer.rng)
        self._save_memory(memory)
        self._show(card)
        self.focus()

    def _cards(self, depth: str) -> list[Question]:
        return [q for q in self.closer.library.questions if q.depth == depth]

    def _show(self, card: Question) -> None:
        self.card = card
        self._shown_at = self.closer.now()
        self.asked.append((card, False))
        level = DEPTHS.index(card.depth) + 1
        self.query_one("#q-depth", Static).update(
            Text.assemble(("●" * level + "○" * (len(DEPTHS) - level), "bold"), f"  {card.depth}")
        )
        self.query_one("#q-card", Static).update(card.text)

    def _save_memory(self, memory: DeckMemory) -> None:
        self.closer.save_keepsake("decks", DECK, memory.to_keepsake())

    def _draw(self, depth: str) -> None:
        memory = self.memory
        card = draw(self._cards(depth), memory, self.closer.rng)
        self._save_memory(memory)
        self._show(card)

    def action_deeper(self) -> None:
        if self.card is not None:
            index = DEPTHS.index(self.card.depth)
            self._draw(DEPTHS[min(index + 1, len(DEPTHS) - 1)])

    def action_skip(self) -> None:
        card = self.card
        if card is None:
            return
        # The card on screen is passed: marked so in tonight's record.
        self.asked = [(c, passed or c is card) for c, passed in self.asked] or [(card, True)]
        self._draw(card.depth)
        self.notify("Passed. Here's another at the same depth.", timeout=3)

    def action_love(self) -> None:
        card = self.card
        if card is None:
            return
        memory = self.memory
        love(memory, card.id)
        self._save_memory(memory)
        if card.id not in self.loved:
            self.loved.append(card.id)
        self.notify("Kept among the ones you loved.", timeout=3)

    def _outcome(self, asked: list[tuple[Question, bool]]) -> tuple[Outcome, datetime] | None:
        if not asked or self._started_at is None:
            return None
        entries = [
            Entry(who="both", prompt=card.text, passed=passed, parts={"depth": card.depth})
            for card, passed in asked
        ]
        outcome = self.untimed_outcome(
            "Ask better questions",
            self._started_at,
            entries=entries,
            data={"cards": [card.id for card, _ in asked], "loved": self.loved},
        )
        return outcome, self._started_at

    def pending(self) -> tuple[Outcome, datetime] | None:
        """Only cards they did something with: opening the deck to look asks nothing."""
        acted = bool(self.asked) and (self.asked[-1][1] or self.asked[-1][0].id in self.loved)
        cards = done_with(
            self.asked, acted_on_last=acted, shown_at=self._shown_at, now=self.closer.now()
        )
        return self._outcome(cards)

    def forget(self) -> None:
        self.asked.clear()
        self.loved.clear()

    def action_done(self) -> None:
        # Saving by hand keeps the card on screen too: they chose to.
        kept = self._outcome(self.asked)
        if kept is not None:
            self.report(*kept)
            self.forget()
            self._started_at = self.closer.now()
            self.query_one("#q-hint", Static).update("Saved. Thank you for asking.")

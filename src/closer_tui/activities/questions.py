"""Ask better questions: one card a night, and a little deeper if you both want more.

The depths escalate the way Aron's fast-friends procedure does: light first,
then deeper, then deep. A card is not repeated until its depth is used up.
"""

from __future__ import annotations

from typing import Any, get_args

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from closer_tui.core.content import Depth, Question
from closer_tui.core.models import Entry
from closer_tui.widgets.card_deck import LOVED, PASS, SAVE, CardDeck, CardFace

DEPTHS: tuple[Depth, ...] = get_args(Depth)

Play = tuple[Question, bool]
"""A card asked tonight, and whether it was passed."""


class QuestionActivity(CardDeck[Play]):
    """Options: ``depth`` to start at (default: tonight's light card)."""

    KIND = "question"
    DECK = "questions"
    TITLE = "Ask better questions"

    DEFAULT_CSS = "QuestionActivity { padding: 1 2; }"

    BINDINGS = [
        Binding("n", "deeper", "Deeper"),
        PASS,
        LOVED,
        SAVE,
    ]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.card: Question | None = None
        """The card on screen; it stays after saving, so the evening can go on."""
        self.asked: list[Play] = []  # not yet saved

    def compose(self) -> ComposeResult:
        yield Static("", id="q-depth", classes="aside")
        yield CardFace("", id="q-card")
        yield Static(
            "Take turns answering. There is no right answer, and passing is always fine.",
            id="q-hint",
            classes="aside",
        )

    def first_card(self) -> None:
        depth = self.options.get("depth")
        if depth in DEPTHS:
            card = self.deck.draw(self._cards(depth))
        else:
            today = self.closer.now().astimezone().date()
            card = self.deck.tonights(self._cards("light"), today)
        self._show(card)
        self.focus()

    def plays(self) -> list[Play]:
        return self.asked

    def card_of(self, play: Play) -> Question:
        return play[0]

    def card_on_screen(self) -> Question | None:
        return self.card

    def passed(self, play: Play) -> bool:
        return play[1]

    def _show(self, card: Question) -> None:
        self.card = card
        self.shown()
        self.asked.append((card, False))
        level = DEPTHS.index(card.depth) + 1
        self.query_one("#q-depth", Static).update(
            Text.assemble(("●" * level + "○" * (len(DEPTHS) - level), "bold"), f"  {card.depth}")
        )
        self.query_one("#q-card", Static).update(card.text)

    def _cards(self, depth: Depth) -> list[Question]:
        return self.drawable_now(self.closer.library.session_questions(depth))

    def _draw(self, depth: Depth) -> None:
        self._show(self.deck.draw(self._cards(depth)))

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

    def entries(self, plays: list[Play]) -> list[Entry]:
        return [
            Entry(who="both", prompt=card.text, passed=passed, parts={"depth": card.depth})
            for card, passed in plays
        ]

    def saved(self) -> None:
        self.query_one("#q-hint", Static).update(self.saved_then("Thank you for asking."))

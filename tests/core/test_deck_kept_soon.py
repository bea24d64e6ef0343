"""A deck's place held for a moment, read back at once, kept when flushed (core/deck.py)."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from closer_tui.core.deck import Deck, KeptSoon


class Keeper:
    def __init__(self) -> None:
        self.kept: dict[tuple[str, str], Any] = {}
        self.writes = 0

    def recall_keepsake(self, section: str, key: str) -> Any:
        return self.kept.get((section, key))

    def save_keepsake(self, section: str, key: str, value: Any) -> None:
        self.writes += 1
        self.kept[section, key] = value


class Card:
    def __init__(self, id: str) -> None:
        self.id = id


def test_a_draw_is_held_until_flushed_and_read_back_at_once() -> None:
    keeper, later = Keeper(), list[Callable[[], None]]()
    soon = KeptSoon(keeper, later.append)
    deck = Deck("questions", soon, random.Random(1))
    cards = [Card("a"), Card("b")]
    first = deck.draw(cards)
    assert keeper.writes == 0 and soon.holding
    assert len(later) == 1, "one flush asked for, however much is held"
    second = deck.draw(cards)
    assert {first.id, second.id} == {"a", "b"}, "the held place is read: no repeat"
    assert len(later) == 1
    later[0]()
    assert keeper.writes == 1 and not soon.holding
    assert keeper.kept["decks", "questions"]["seen"] == [first.id, second.id]


def test_a_flush_with_nothing_held_writes_nothing() -> None:
    keeper = Keeper()
    soon = KeptSoon(keeper, lambda run: None)
    soon.flush()
    assert keeper.writes == 0
    keeper.kept["decks", "x"] = {"seen": ["a"]}
    assert soon.recall_keepsake("decks", "x") == {"seen": ["a"]}

"""A deck, without a terminal: no repeats until used up, per deck, across days, loved cards."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

import pytest
from helpers import Keepsakes

from closer_tui.core.deck import SECTION, Deck, DeckMemory, draw


@dataclass(frozen=True)
class Card:
    id: str


CARDS = [Card(f"c-{n}") for n in range(6)]


def test_no_card_comes_back_until_the_deck_is_used_up() -> None:
    deck = Deck("questions", Keepsakes(), random.Random(1))
    first_round = [deck.draw(CARDS).id for _ in CARDS]
    assert sorted(first_round) == sorted(card.id for card in CARDS)
    second_round = [deck.draw(CARDS).id for _ in CARDS]
    assert sorted(second_round) == sorted(first_round), "a new round, again without repeats"


def test_the_place_is_kept_across_days_and_windows() -> None:
    kept = Keepsakes()
    monday = [Deck("questions", kept, random.Random(2)).draw(CARDS).id for _ in range(3)]
    tuesday = Deck("questions", kept, random.Random(3))  # closer opened again
    rest = [tuesday.draw(CARDS).id for _ in range(3)]
    assert set(monday).isdisjoint(rest)


def test_each_deck_keeps_its_own_place() -> None:
    kept = Keepsakes()
    Deck("questions", kept, random.Random(4)).draw(CARDS)
    assert DeckMemory.from_keepsake(kept.recall_keepsake(SECTION, "love-maps")).seen == []
    assert len(Deck("questions", kept, random.Random(4)).memory.seen) == 1


def test_drawing_from_part_of_a_deck_leaves_the_rest_in_place() -> None:
    memory = DeckMemory(seen=["c-0", "c-1", "c-4"])
    light = CARDS[:2]  # every light card seen: a new round of light cards only
    assert draw(light, memory, random.Random(5)).id in {"c-0", "c-1"}
    assert "c-4" in memory.seen


def test_tonights_card_stays_all_evening_and_changes_the_next() -> None:
    deck = Deck("questions", Keepsakes(), random.Random(6))
    tonight = deck.tonights(CARDS, date(2026, 11, 24))
    assert deck.tonights(CARDS, date(2026, 11, 24)) == tonight
    assert deck.tonights(CARDS, date(2026, 11, 25)) != tonight, "not repeated the next day"


def test_loved_cards_are_kept_once_in_the_order_loved() -> None:
    deck = Deck("inner-world", Keepsakes(), random.Random(7))
    for card_id in ("c-3", "c-1", "c-3"):
        deck.love(card_id)
    assert deck.memory.loved == ["c-3", "c-1"]


@pytest.mark.parametrize("raw", [None, [], "seen", {"seen": "c-1", "tonight": {"date": 3}}])
def test_a_damaged_memory_starts_the_deck_afresh(raw: object) -> None:
    kept = Keepsakes()
    kept.kept[(SECTION, "questions")] = raw
    deck = Deck("questions", kept, random.Random(8))
    assert deck.memory == DeckMemory()
    assert deck.draw(CARDS) in CARDS


def test_an_empty_deck_says_so() -> None:
    with pytest.raises(ValueError, match="empty deck"):
        Deck("questions", Keepsakes(), random.Random(9)).draw([])

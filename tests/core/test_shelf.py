"""The chooser's decks, the ways a card is played, what a draw may reach, and the opt-in
deck's consent, without a terminal."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from typing import Any

from helpers import Keepsakes

from closer_tui.core.content import DateIdea, IntimacyCard, Pick, Question, ScaleCard, library
from closer_tui.core.deck import Deck, drawable, feel_tense, tense_tonight, ways_for
from closer_tui.core.shelf import (
    INTIMACY,
    OPT_IN_SECTION,
    both_said_yes,
    close_intimacy,
    intimacy_is_open,
    shelves,
)

TODAY = date(2026, 12, 1)


def question(card_id: str, **fields: Any) -> Question:
    return Question.model_validate({"id": card_id, "depth": "light", "text": "Hi?"} | fields)


def test_the_card_says_which_ways_fit_it() -> None:
    pick = Pick(id="p", text="Tea or coffee?", options=("Tea", "Coffee"))
    scale = ScaleCard(id="s", text="Plans change…", ends=("Thrown", "Fine"))
    date_idea = DateIdea(id="d", text="Cook.", where="home", cost="low", minutes=60)
    assert ways_for(pick) == ("pick", "talk")
    assert ways_for(scale) == ("stand", "talk")
    assert ways_for(date_idea) == ("talk",)
    assert ways_for(question("q")) == ("talk", "private", "guess")
    assert ways_for(question("r", risky=True)) == ("talk", "private"), "never guessed"
    close = IntimacyCard(id="c", depth="light", text="What helps you feel wanted?")
    assert ways_for(close) == ("talk", "private"), "the opt-in deck is never a guessing game"


def test_a_tense_evening_draws_gentle_cards_and_a_guided_session_no_risky_one() -> None:
    cards = [question("a", gentle=True), question("b"), question("c", risky=True)]
    assert [c.id for c in drawable(cards)] == ["a", "b", "c"]
    assert [c.id for c in drawable(cards, guided=True)] == ["a", "b"]
    assert [c.id for c in drawable(cards, tense=True)] == ["a"]
    assert [c.id for c in drawable(cards, tense=True, guided=True)] == ["a"]


def test_tense_tonight_lasts_until_the_day_ends() -> None:
    kept = Keepsakes()
    assert not tense_tonight(kept, TODAY)
    feel_tense(kept, TODAY, True)
    assert tense_tonight(kept, TODAY)
    assert not tense_tonight(kept, date(2026, 12, 2)), "a new day starts untense"
    feel_tense(kept, TODAY, False)
    assert not tense_tonight(kept, TODAY)


def test_what_is_left_counts_down_then_the_deck_starts_over() -> None:
    @dataclass(frozen=True)
    class Card:
        id: str

    cards = [Card(f"c{n}") for n in range(3)]
    deck = Deck("topic-x", Keepsakes(), random.Random(1))
    assert deck.left(cards) == 3
    deck.draw(cards)
    deck.draw(cards)
    assert deck.left(cards) == 1
    deck.draw(cards)
    assert deck.left(cards) == 3, "all seen: the next draw starts a new round"


def test_the_chooser_lists_depths_topics_quick_ways_kinds_and_only_then_the_opt_in() -> None:
    found = shelves(library())
    groups = [shelf.group for shelf in found]
    assert groups == sorted(groups, key=["depth", "topic", "play", "kind", "opt-in"].index)
    ids = [shelf.id for shelf in found]
    assert ids[:3] == ["light", "deeper", "deep"]
    assert len([s for s in found if s.group == "topic"]) == 12
    assert INTIMACY not in ids
    assert shelves(library(), intimacy_open=True)[-1].id == INTIMACY
    assert len({shelf.memory for shelf in found if shelf.group == "topic"}) == 12


def test_only_two_yeses_are_ever_kept_and_closing_keeps_nothing_of_them() -> None:
    kept = Keepsakes()
    assert not intimacy_is_open(kept)
    both_said_yes(kept, TODAY)
    assert intimacy_is_open(kept)
    close_intimacy(kept)
    assert not intimacy_is_open(kept)
    assert kept.kept == {(OPT_IN_SECTION, INTIMACY): None}

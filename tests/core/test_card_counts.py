"""Enough cards for a year, counted and printed: issue 12's targets, held by a test.

Run with ``-s`` to see the counts. Until the card writers' files are merged these
targets are not reached, and this test says by how much.
"""

from __future__ import annotations

from collections import Counter

from closer_tui.core.content import BUILTIN_DECKS, TOPIC_DECKS, library

LIB = library()


def counts() -> dict[str, int]:
    dates = LIB.dates
    found = {
        "cards in all": len(list(LIB.all_cards())) + len(LIB.intimacy),
        "questions": len(LIB.questions),
        "questions light": len(LIB.questions_at("light")),
        "questions deeper": len(LIB.questions_at("deeper")),
        "questions deep": len(LIB.questions_at("deep")),
        "love maps safe to guess": len(LIB.guessable_love_maps()),
        "inner-world cards": len(LIB.inner_world),
        "touch ideas": len(LIB.affection),
        "dates": len(dates),
        "dates at home": sum(d.where == "home" for d in dates),
        "dates out": sum(d.where == "out" for d in dates),
        "dates free": sum(d.cost == "free" for d in dates),
        "dates under an hour": sum(d.minutes < 60 for d in dates),
        "dates for a tired evening": sum(d.tired for d in dates),
        "this or that": len(LIB.this_or_that),
        "where do you stand": len(LIB.scales),
        "opt-in deck": len(LIB.intimacy),
    }
    for deck in BUILTIN_DECKS:
        found[f"deck {deck}"] = len(LIB.deck_cards(deck))
    return found


TARGETS = {
    "cards in all": 1000,
    "questions": 365,
    "love maps safe to guess": 100,
    "inner-world cards": 60,
    "touch ideas": 60,
    "dates": 80,
    "dates at home": 30,
    "dates out": 30,
    "dates free": 30,
    "dates under an hour": 20,
    "dates for a tired evening": 20,
    **{f"deck {deck}": 20 for deck in TOPIC_DECKS},
}
"""Issue 12: 1,000 cards, 12 topic decks of 20 or more, 365 questions, 100 Love Maps
safe to guess, 60 inner-world cards, 60 touch ideas, 80 dates with their mix."""


def test_the_decks_reach_a_year_of_cards() -> None:
    found = counts()
    print("\n" + "\n".join(f"{name:>28}  {count}" for name, count in found.items()))
    short = {
        name: f"{found[name]} of {want}" for name, want in TARGETS.items() if found[name] < want
    }
    assert not short, f"not enough cards yet: {short}"


def test_every_built_in_card_is_in_a_built_in_deck() -> None:
    decks = Counter(card.deck for card in LIB.all_cards())
    assert None not in decks, f"{decks[None]} cards name no deck"
    assert set(decks) <= set(BUILTIN_DECKS)
    assert len([deck for deck in TOPIC_DECKS if decks[deck]]) >= 12


def test_quick_picks_and_scales_live_in_their_own_decks() -> None:
    assert {card.deck for card in LIB.this_or_that} <= {"quick-picks"}
    assert {card.deck for card in LIB.scales} <= {"where-we-stand"}
    assert all(card.deck not in ("quick-picks", "where-we-stand") for card in LIB.questions)

"""Every card, in every deck, held to the same standard: not a near-duplicate of another,
inclusive, short enough to fit 80x24 with its buttons, and no claim without a source."""

from __future__ import annotations

import re
import textwrap
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from rapidfuzz import fuzz, process, utils
from test_content import ASSUMING

from closer_tui.core.content import CARD_CHARACTERS, library

LIB = library()
CARDS: list[Any] = [*LIB.all_cards(), *LIB.intimacy]
"""Every built-in card: the topic decks' sections and the opt-in deck."""

ALLOWED_FILE = Path(__file__).parent / "near_duplicates_allowed.toml"

NEAR_DUPLICATE = 85
"""rapidfuzz's token_set_ratio (after its default processing: lower case, no punctuation)
at or above which two cards count as the same card.

Why this scorer: near-duplicates are usually written by keeping a card's words and
adding a clause or moving a phrase ("What small thing made you smile today?" and
"What's a small thing that made you smile today at work?"). token_set_ratio scores a
card whose words are all in the other near 100 whatever the order, where ratio and
token_sort_ratio let such a pair through. Why 85: on the thousand written cards the
closest pairs that are truly different cards share only a frame, such as "What does
a good day between us look like for you?" and "What does real rest look like for you?"
or "When I'm worried, I tend to…" and "When I'm cross, I tend to…", and score 80 to
84; the rewrites the writers found and reworded scored 85 and above. Comparing
content words only (stop words removed) was tried and rejected: it scores 100 for a
two-word quick pick against every question that mentions a book or a film."""


def _allowed() -> dict[frozenset[str], str]:
    data = tomllib.loads(ALLOWED_FILE.read_text("utf-8"))
    allowed: dict[frozenset[str], str] = {}
    for row in data.get("allowed", []):
        allowed[frozenset((row["a"], row["b"]))] = row["why"]
    return allowed


def near_duplicates(cards: list[Any]) -> list[tuple[float, str, str]]:
    """Every pair of cards scoring at least :data:`NEAR_DUPLICATE`, the closest first."""
    texts = [utils.default_process(card.text) for card in cards]
    found = []
    for i, text in enumerate(texts):
        later = texts[i + 1 :]
        for _, score, j in process.extract(
            text, later, scorer=fuzz.token_set_ratio, score_cutoff=NEAR_DUPLICATE, limit=None
        ):
            found.append((score, cards[i].id, cards[i + 1 + j].id))
    return sorted(found, reverse=True)


def test_no_two_cards_in_any_deck_are_near_duplicates() -> None:
    allowed = _allowed()
    by_id = {card.id: card.text for card in CARDS}
    found = [pair for pair in near_duplicates(CARDS) if frozenset(pair[1:]) not in allowed]
    report = "\n".join(f"  {s:.0f}  {a}: {by_id[a]}\n       {b}: {by_id[b]}" for s, a, b in found)
    assert not found, f"near-duplicate cards (reword one, or allow the pair with why):\n{report}"


def test_the_near_duplicate_check_would_catch_a_reworded_card() -> None:
    @dataclass(frozen=True)
    class Card:
        id: str
        text: str

    pair = [
        Card("a", "What small thing made you smile today?"),
        Card("b", "What's a small thing that made you smile today at work?"),
        Card("c", "What does real rest look like for you?"),
        Card("d", "What does a good day between us look like for you?"),
    ]
    assert [ids for _, *ids in near_duplicates(pair)] == [["a", "b"]]


def test_every_allowed_pair_exists_still_scores_high_and_says_why() -> None:
    by_id = {card.id: card for card in CARDS}
    for pair, why in _allowed().items():
        a, b = sorted(pair)
        assert a in by_id and b in by_id, f"{a} / {b}: no such card any more"
        score = fuzz.token_set_ratio(by_id[a].text, by_id[b].text, processor=utils.default_process)
        assert score >= NEAR_DUPLICATE, f"{a} / {b} no longer look alike: remove the pair"
        assert len(why.split()) >= 5, f"{a} / {b}: say why they differ"


# --- every shown sentence -------------------------------------------------------------


def shown(card: Any) -> list[str]:
    """What a card puts on screen: its words, and its two options or ends."""
    return [card.text, *getattr(card, "options", ()), *getattr(card, "ends", ())]


ASSUMED_LIFE = re.compile(
    r"\b(our|your) (kids?|children|son|daughter|wedding|anniversary of marriage)\b", re.I
)
"""Beyond gender and marriage (test_content's ASSUMING): no children assumed."""

CLAIM = re.compile(
    r"\b(research|studies|a study|evidence|science|experts?) (shows?|suggests?|finds?|found|says?)"
    r"|\b(scientists?|scientifically|proven|percent|statistically|on average)\b|\d+ ?%",
    re.I,
)
"""A factual claim: a card has no source to cite, so it makes none."""


@pytest.mark.parametrize("card", CARDS, ids=lambda card: card.id)
def test_every_card_is_inclusive_short_and_claims_nothing(card: Any) -> None:
    for sentence in shown(card):
        assert not ASSUMING.search(sentence), f"{card.id} assumes: {sentence}"
        assert not ASSUMED_LIFE.search(sentence), f"{card.id} assumes a life: {sentence}"
        assert not CLAIM.search(sentence), f"{card.id} makes a claim without a source"
    assert len(card.text) <= CARD_CHARACTERS
    # The card's frame is 70 columns inside at 80x24 and 50 at 60x20: three lines at
    # most there keeps the card, its way of playing and its keys on one screen.
    assert len(textwrap.wrap(card.text, 50)) <= 3, f"{card.id} is too long for 60x20"


def test_the_checks_would_catch_a_claim_and_an_assumed_child() -> None:
    assert CLAIM.search("Studies show a hug helps.") and CLAIM.search("Half of us (50%)…")
    assert not CLAIM.search("What's a part of your work or studies you'd enjoy showing me?")
    assert ASSUMED_LIFE.search("What do you hope our kids remember?")
    assert not ASSUMED_LIFE.search("If you have children, what do you hope they remember?")

"""The shape every card has (CARDS.md): decks, gentle and risky, the new sections, and
a couple's own decks and cards loading beside the built-in ones."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from closer_tui.core.content import (
    BUILTIN_DECKS,
    CARD_SECTIONS,
    DateIdea,
    Library,
    Pick,
    Question,
    ScaleCard,
    library,
    load_library,
)

SAMPLES = Path(__file__).parent / "card_samples"
LIB = library()


def own(tmp_path: Path, name: str = "topic_cards.toml") -> Path:
    path = tmp_path / "my-content.toml"
    shutil.copy(SAMPLES / name, path)
    return path


def pick(**changes: Any) -> dict[str, Any]:
    return {
        "id": "pick-x",
        "text": "Tea or coffee?",
        "options": ["Tea", "Coffee"],
        "deck": "quick-picks",
        "gentle": True,
    } | changes


def test_the_built_in_decks_are_the_fourteen_of_cards_md() -> None:
    assert [deck.id for deck in LIB.decks] == list(BUILTIN_DECKS)
    assert len(BUILTIN_DECKS) == 14


def test_a_card_without_a_deck_or_gentle_still_loads() -> None:
    card = Question.model_validate({"id": "q", "depth": "light", "text": "Hello?"})
    assert card.deck is None and card.gentle is False and card.risky is False


@pytest.mark.parametrize(
    "bad",
    [
        {"options": ["Tea", "Coffee", "Water"]},
        {"options": ["Tea"]},
        {"options": ["Tea", "x" * 33]},
        {"text": "x" * 141},
        {"risky": True, "gentle": True},
        {"deck": "Not A Slug"},
        {"colour": "blue"},
    ],
)
def test_a_malformed_pick_is_refused(bad: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        Pick.model_validate(pick(**bad))


def test_a_pick_has_exactly_two_options_and_a_scale_two_ends() -> None:
    assert Pick.model_validate(pick()).options == ("Tea", "Coffee")
    scale = {"id": "s", "text": "Plans change…", "ends": ["Thrown", "Fine"], "deck": "play"}
    assert ScaleCard.model_validate(scale).ends == ("Thrown", "Fine")
    with pytest.raises(ValidationError):
        ScaleCard.model_validate(scale | {"ends": ["Thrown", "Fine", "Great"]})


@pytest.mark.parametrize(
    "bad", [{"where": "moon"}, {"cost": "lots"}, {"minutes": 45}, {"minutes": "an hour"}]
)
def test_a_date_says_where_what_it_costs_and_roughly_how_long(bad: dict[str, Any]) -> None:
    date = {
        "id": "d",
        "text": "Cook something new together.",
        "where": "home",
        "cost": "low",
        "minutes": 60,
        "tired": True,
        "deck": "play",
        "gentle": True,
    }
    assert DateIdea.model_validate(date).tired
    with pytest.raises(ValidationError):
        DateIdea.model_validate(date | bad)


def test_a_card_naming_an_unknown_deck_is_refused() -> None:
    merged = {name: getattr(LIB, name) for name in Library.model_fields}
    stray = Question(id="stray-1", depth="light", text="Hi?", deck="no-such-deck")
    merged["questions"] = [*LIB.questions, stray]
    with pytest.raises(ValidationError, match="unknown deck"):
        Library.model_validate(merged)


def test_two_sections_cannot_share_a_card_id() -> None:
    merged = {name: getattr(LIB, name) for name in Library.model_fields}
    twin = LIB.questions[0]
    merged["this_or_that"] = [Pick.model_validate(pick(id=twin.id))]
    with pytest.raises(ValidationError, match="cards repeats"):
        Library.model_validate(merged)


def test_a_couples_own_deck_and_cards_in_every_section_load(tmp_path: Path) -> None:
    lib, problems = load_library(own(tmp_path))
    assert problems == []
    assert lib.deck_info("our-sundays").title == "Our Sundays"
    sundays = lib.deck_cards("our-sundays")
    assert {type(card).__name__ for card in sundays} == {"Question", "DateIdea"}
    assert [c.id for c in lib.deck_cards("quick-picks")][-1] == "my-pick-1"
    assert lib.deck_cards("where-we-stand")[-1].ends == ("I feel a bit lost", "I feel free")  # type: ignore[attr-defined]
    assert lib.intimacy[-1].id == "my-close-1"


def test_an_own_deck_needs_an_id_written_by_hand(tmp_path: Path) -> None:
    path = tmp_path / "my-content.toml"
    path.write_text('[[decks]]\ntitle = "Ours"\n', "utf-8")
    lib, problems = load_library(path)
    assert lib is LIB
    assert "[[decks]] item 1, line 1" in problems[0] and "id" in problems[0]


def test_the_opt_in_deck_is_in_no_topic_deck(tmp_path: Path) -> None:
    lib, _ = load_library(own(tmp_path))
    assert "intimacy" not in CARD_SECTIONS
    intimate = {card.id for card in lib.intimacy}
    assert intimate and not intimate & {card.id for card in lib.all_cards()}
    for deck in lib.decks:
        assert not intimate & {card.id for card in lib.deck_cards(deck.id)}


def test_an_unknown_deck_is_simply_empty() -> None:
    assert LIB.deck_cards("no-such-deck") == []

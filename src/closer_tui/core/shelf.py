"""The decks a couple picks from: the depths, the topic decks, and the decks of a kind.

One list for the chooser, the benchmark and the CLI: each shelf names its
cards in the library and the deck memory (core/deck.py) that keeps its place,
so "how many are left before it starts over" and the draw agree. The opt-in
deck is on the shelf only once both partners said yes (:func:`shelves`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from closer_tui.core.deck import Keeper

if TYPE_CHECKING:
    from closer_tui.core.content import Library

Group = Literal["depth", "topic", "play", "kind", "opt-in"]

GROUP_TITLES: dict[Group, str] = {
    "depth": "By depth, light to deep",
    "topic": "By topic",
    "play": "Quick ways to play",
    "kind": "Decks of a kind",
    "opt-in": "Just for the two of you",
}

INTIMACY = "intimacy"
"""The opt-in deck's shelf id, memory and keepsake name."""


@dataclass(frozen=True)
class Shelf:
    """One deck on the chooser: its words, its cards, and where its place is kept."""

    id: str
    title: str
    about: str
    group: Group
    memory: str
    """The deck memory's name in keepsakes.json (core/deck.py's Deck)."""
    cards: Callable[[Library], Sequence[Any]]


def _depth(depth: str) -> Callable[[Library], Sequence[Any]]:
    return lambda library: library.questions_at(depth)  # type: ignore[arg-type]


def _topic(deck_id: str) -> Callable[[Library], Sequence[Any]]:
    return lambda library: library.deck_cards(deck_id)


DEPTH_SHELVES = [
    Shelf("light", "Light questions", "Easy ones to start an evening.", "depth", "questions",
          _depth("light")),
    Shelf("deeper", "Deeper questions", "A little further in.", "depth", "questions",
          _depth("deeper")),
    Shelf("deep", "Deep questions", "For when you both have room.", "depth", "questions",
          _depth("deep")),
]  # fmt: skip
"""The three depths share the question deck's memory with tonight's question."""

KIND_SHELVES = [
    Shelf("love-maps", "Love Maps", "Know each other's world as it is now.", "kind",
          "love-maps", lambda library: library.love_maps),
    Shelf("inner-world", "Inner world", "Sentence starters to finish aloud.", "kind",
          "inner-world", lambda library: library.inner_world),
    Shelf("touch-ideas", "Touch ideas", "Small, everyday, non-sexual closeness.", "kind",
          "touch-ideas", lambda library: library.affection),
    Shelf("dates", "Dates and rituals", "At home or out, free or not, short or long.", "kind",
          "dates", lambda library: library.dates),
]  # fmt: skip

INTIMACY_SHELF = Shelf(
    INTIMACY,
    "Desire and closeness",
    "The deck you both said yes to. Warm, never explicit.",
    "opt-in",
    INTIMACY,
    lambda library: library.intimacy,
)

PLAY_DECKS = ("quick-picks", "where-we-stand")


def shelves(library: Library, *, intimacy_open: bool = False) -> list[Shelf]:
    """Every deck a couple can pick tonight, in the chooser's order.

    The topic decks come from the library (a couple's own ``[[decks]]`` too);
    the opt-in deck only when ``intimacy_open``.
    """
    topics = [
        Shelf(
            deck.id,
            deck.title,
            deck.about,
            "play" if deck.id in PLAY_DECKS else "topic",
            f"topic-{deck.id}",
            _topic(deck.id),
        )
        for deck in library.decks
    ]
    found = [
        *DEPTH_SHELVES,
        *(s for s in topics if s.group == "topic"),
        *(s for s in topics if s.group == "play"),
        *KIND_SHELVES,
    ]
    if intimacy_open:
        found.append(INTIMACY_SHELF)
    return found


def shelf(library: Library, shelf_id: str, *, intimacy_open: bool = False) -> Shelf:
    """The shelf with this id (KeyError if there is none tonight)."""
    for found in shelves(library, intimacy_open=intimacy_open):
        if found.id == shelf_id:
            return found
    raise KeyError(shelf_id)


# --- The opt-in deck: open only when both said yes ----------------------------------


OPT_IN_SECTION = "opt-in"


def intimacy_is_open(keeper: Keeper) -> bool:
    """Whether both partners said yes to the opt-in deck (and neither closed it since)."""
    kept = keeper.recall_keepsake(OPT_IN_SECTION, INTIMACY)
    return isinstance(kept, dict) and kept.get("open") is True


def open_shelves(library: Library, keeper: Keeper) -> list[Shelf]:
    """The decks a couple can pick tonight: the opt-in deck only once both said yes."""
    return shelves(library, intimacy_open=intimacy_is_open(keeper))


def both_said_yes(keeper: Keeper, today: date) -> None:
    """Open the opt-in deck. Only ever called with two yeses: a single yes is never kept."""
    keeper.save_keepsake(OPT_IN_SECTION, INTIMACY, {"open": True, "since": today.isoformat()})


def close_intimacy(keeper: Keeper) -> None:
    """Either partner closes the opt-in deck again; asking again starts from nothing."""
    keeper.save_keepsake(OPT_IN_SECTION, INTIMACY, None)


NOT_NOW = (
    "Not this time: the deck stays closed, and that is fine. "
    "Either of you can ask again another day."
)
"""What both see unless both said yes: the same words whoever said no, so nobody learns it."""

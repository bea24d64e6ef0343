"""Card decks that never repeat a card until every card has been seen.

A deck's memory (which cards were seen, which the couple loved, and tonight's
card) is kept in ``keepsakes.json``, under "decks", so it holds across days.
:class:`Deck` is how every deck is played: the questions, Love Maps, the
inner-world cards, and any deck to come.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal, Protocol, TypeVar


class Card(Protocol):
    @property
    def id(self) -> str: ...


CardT = TypeVar("CardT", bound=Card)

SECTION = "decks"
"""The keepsakes section every deck's memory lives under, by the deck's name."""


class Keeper(Protocol):
    """Where a deck's memory is kept between evenings (the app keeps it in keepsakes.json)."""

    def recall_keepsake(self, section: str, key: str) -> Any: ...

    def save_keepsake(self, section: str, key: str, value: Any) -> None: ...


class KeptSoon:
    """A keeper that holds what a deck keeps for a moment, then keeps it (:meth:`flush`).

    So a card is painted before its place is written (an fsync): the host
    flushes just after the frame that shows the card, and when the deck is
    left. Reads see what is held at once, so the next draw never repeats a card.
    """

    def __init__(self, keeper: Keeper, soon: Callable[[Callable[[], None]], object]) -> None:
        self._keeper = keeper
        self._soon = soon
        """Runs a callable a moment later: after the next frame, for the app."""
        self._held: dict[tuple[str, str], Any] = {}

    def recall_keepsake(self, section: str, key: str) -> Any:
        if (section, key) in self._held:
            return self._held[section, key]
        return self._keeper.recall_keepsake(section, key)

    def save_keepsake(self, section: str, key: str, value: Any) -> None:
        if not self._held:
            self._soon(self.flush)
        self._held[section, key] = value

    @property
    def holding(self) -> bool:
        return bool(self._held)

    def flush(self) -> None:
        """Keep now whatever is held."""
        held, self._held = self._held, {}
        for (section, key), value in held.items():
            self._keeper.save_keepsake(section, key, value)


@dataclass
class DeckMemory:
    """What a deck remembers between evenings."""

    seen: list[str] = field(default_factory=list)
    loved: list[str] = field(default_factory=list)
    tonight: dict[str, str] = field(default_factory=dict)
    """``{"date": "2026-11-24", "card": id}``: the card chosen for that evening."""

    @classmethod
    def from_keepsake(cls, raw: Any) -> DeckMemory:
        """Read leniently: anything malformed simply starts the deck afresh."""
        if not isinstance(raw, dict):
            return cls()

        def ids(key: str) -> list[str]:
            value = raw.get(key)
            return [x for x in value if isinstance(x, str)] if isinstance(value, list) else []

        tonight = raw.get("tonight")
        if not (isinstance(tonight, dict) and all(isinstance(v, str) for v in tonight.values())):
            tonight = {}
        return cls(seen=ids("seen"), loved=ids("loved"), tonight=dict(tonight))

    def to_keepsake(self) -> dict[str, Any]:
        return {"seen": self.seen, "loved": self.loved, "tonight": self.tonight}


def draw(cards: Sequence[CardT], memory: DeckMemory, rng: random.Random) -> CardT:
    """A card from ``cards`` not yet seen; once all are seen, a new round begins.

    Only ``cards`` take part, so a caller can draw from one depth or theme and
    the rest of the deck keeps its place.
    """
    if not cards:
        raise ValueError("an empty deck has no cards to draw")
    ids = {card.id for card in cards}
    seen = set(memory.seen)
    unseen = [card for card in cards if card.id not in seen]
    if not unseen:
        memory.seen = [card_id for card_id in memory.seen if card_id not in ids]
        unseen = list(cards)
    card = rng.choice(unseen)
    memory.seen.append(card.id)
    return card


def tonights_card(
    cards: Sequence[CardT], memory: DeckMemory, today: date, rng: random.Random
) -> CardT:
    """The same card all evening: drawn once a day, remembered for the rest of it."""
    by_id = {card.id: card for card in cards}
    if memory.tonight.get("date") == today.isoformat() and memory.tonight.get("card") in by_id:
        return by_id[memory.tonight["card"]]
    card = draw(cards, memory, rng)
    memory.tonight = {"date": today.isoformat(), "card": card.id}
    return card


def left(cards: Sequence[Card], memory: DeckMemory) -> int:
    """How many of ``cards`` are still to come before the deck starts over."""
    seen = set(memory.seen)
    unseen = sum(card.id not in seen for card in cards)
    return unseen or len(cards)  # all seen: the next draw starts a new round of them all


def love(memory: DeckMemory, card_id: str) -> None:
    if card_id not in memory.loved:
        memory.loved.append(card_id)


@dataclass(frozen=True)
class Deck:
    """One deck, played: each draw or "we loved this one" is kept at once.

    The memory is read afresh for every change, so what another window kept
    in the meantime is built on rather than written over.
    """

    name: str
    keeper: Keeper
    rng: random.Random

    @property
    def memory(self) -> DeckMemory:
        return DeckMemory.from_keepsake(self.keeper.recall_keepsake(SECTION, self.name))

    def _keep(self, memory: DeckMemory) -> None:
        self.keeper.save_keepsake(SECTION, self.name, memory.to_keepsake())

    def draw(self, cards: Sequence[CardT]) -> CardT:
        """A card of ``cards`` not seen yet (see :func:`draw`)."""
        memory = self.memory
        card = draw(cards, memory, self.rng)
        self._keep(memory)
        return card

    def tonights(self, cards: Sequence[CardT], today: date) -> CardT:
        """Tonight's card of ``cards`` (see :func:`tonights_card`)."""
        memory = self.memory
        card = tonights_card(cards, memory, today, self.rng)
        self._keep(memory)
        return card

    def left(self, cards: Sequence[Card]) -> int:
        """Cards of ``cards`` still to come in this round (see :func:`left`)."""
        return left(cards, self.memory)

    def love(self, card_id: str) -> None:
        """Keep a card among the ones the couple loved."""
        memory = self.memory
        love(memory, card_id)
        self._keep(memory)


# --- Which cards may be drawn, and how a card is played ---------------------------


Way = Literal["talk", "private", "guess", "pick", "stand"]
"""The five ways to play a card: talk it through; answer privately and reveal together;
one answers privately and the other guesses; this or that; where do you stand (1 to 5)."""

WAY_NAMES: dict[Way, str] = {
    "talk": "Talk",
    "private": "Answer privately",
    "guess": "Guess my answer",
    "pick": "This or that",
    "stand": "Where do you stand?",
}


def ways_for(card: Card) -> tuple[Way, ...]:
    """The ways a card can be played, the one it is made for first.

    Each kind of card says (its ``PLAYS``): a card with two options is a
    this-or-that, one with two ends a scale, a touch or date idea something to
    do; a question can be talked, answered privately, or guessed, unless a
    wrong guess could hurt (a risky card is never a guessing game).
    """
    plays: tuple[Way, ...] = getattr(card, "PLAYS", ("talk", "private", "guess"))
    if getattr(card, "risky", False):
        return tuple(way for way in plays if way != "guess")
    return plays


def drawable(cards: Sequence[CardT], *, tense: bool = False, guided: bool = False) -> list[CardT]:
    """The cards a draw may reach tonight.

    ``tense``: the couple said things feel tense tonight, so only gentle cards.
    ``guided``: a guided session draws no risky card (a complaint about the
    partner, or a big disclosure with no support around it).
    """
    if tense:
        return [card for card in cards if getattr(card, "gentle", False)]
    if guided:
        return [card for card in cards if not getattr(card, "risky", False)]
    return list(cards)


EVENING_SECTION = "evening"
TENSE_KEY = "tense"


def tense_tonight(keeper: Keeper, today: date) -> bool:
    """Whether the couple said, this evening, that things feel tense: gentle cards only."""
    kept = keeper.recall_keepsake(EVENING_SECTION, TENSE_KEY)
    return isinstance(kept, dict) and kept.get("date") == today.isoformat()


def feel_tense(keeper: Keeper, today: date, tense: bool) -> None:
    """Say (or take back) that things feel tense tonight; it lasts until the day ends."""
    keeper.save_keepsake(EVENING_SECTION, TENSE_KEY, {"date": today.isoformat()} if tense else None)

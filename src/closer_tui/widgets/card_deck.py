"""What every card deck does the same way, whatever the deck and however it is played.

A deck activity draws without repeats (:class:`~closer_tui.core.deck.Deck`),
keeps "we loved this one", and on leaving offers only the cards the couple did
something with (:func:`~closer_tui.core.sessions.done_with`). Each deck says
what one play of a card is (``PlayT``), how it reads in the history, and what
it shows.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar, Generic, TypeVar

from textual.widgets import Static

from closer_tui.core.deck import Card, Deck
from closer_tui.core.models import Entry, Outcome
from closer_tui.core.sessions import done_with
from closer_tui.widgets.activity import Activity
from closer_tui.widgets.turn_banner import TurnBanner

PlayT = TypeVar("PlayT")
"""One card drawn this visit and what the couple did with it (passed, who shared…)."""


class CardFace(Static):
    """The card itself: its words in a frame, the one thing on screen to read aloud."""

    DEFAULT_CSS = """
    CardFace {
        border: round $primary; padding: 1 2; margin: 1 0; text-style: bold; height: auto;
    }
    """


class CardDeck(Activity, Generic[PlayT]):
    """A deck played card by card; subclasses name the deck and what a play is.

    Around the :class:`CardFace`, what the deck says of the card (its depth,
    theme or way of playing) and what to do next are ``aside``: quieter.
    """

    DEFAULT_CSS = """
    CardDeck .aside { color: $text-muted; }
    """

    DECK: ClassVar[str]
    """The deck's name in keepsakes.json: its place and its loved cards."""

    TITLE: ClassVar[str]
    """The title of a saved visit in the history."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.loved: list[str] = []
        """Cards loved this visit, saved with it."""
        self._started_at: datetime | None = None
        self._shown_at: datetime | None = None
        self.can_focus = True

    @property
    def deck(self) -> Deck:
        return Deck(self.DECK, self.closer, self.closer.rng)

    @property
    def banner(self) -> TurnBanner:
        return self.query_one(TurnBanner)

    def on_mount(self) -> None:
        self._started_at = self.closer.now()
        self.first_card()

    # -- what each deck says ---------------------------------------------------------

    def first_card(self) -> None:
        """Put the visit's first card on screen."""
        raise NotImplementedError

    def plays(self) -> list[PlayT]:
        """This visit's plays, not yet saved; the last one's card is on screen."""
        raise NotImplementedError

    def card_of(self, play: PlayT) -> Card:
        raise NotImplementedError

    def passed(self, play: PlayT) -> bool:
        raise NotImplementedError

    def acted_on(self, play: PlayT) -> bool:
        """Whether the couple did something with this card, not only looked at it."""
        return self.passed(play) or self.card_of(play).id in self.loved

    def card_on_screen(self) -> Card | None:
        """The card "we loved this one" is about."""
        plays = self.plays()
        return self.card_of(plays[-1]) if plays else None

    def entries(self, plays: list[PlayT]) -> list[Entry]:
        """How the plays read in the history."""
        raise NotImplementedError

    def saved(self) -> None:
        """Say thank you once the couple saved by hand."""

    # -- the same for every deck -----------------------------------------------------

    def shown(self) -> None:
        """A new card is on screen: how long it stays decides whether it was talked about."""
        self._shown_at = self.closer.now()

    def action_love(self) -> None:
        card = self.card_on_screen()
        if card is None:
            return
        self.deck.love(card.id)
        if card.id not in self.loved:
            self.loved.append(card.id)
        self.notify("Kept among the ones you loved.", timeout=3)

    def data(self, plays: list[PlayT]) -> dict[str, Any]:
        """What a saved visit keeps beside its entries."""
        return {"cards": [self.card_of(play).id for play in plays], "loved": list(self.loved)}

    def done_with(self) -> list[PlayT]:
        """Plays the couple did something with: a card only looked at is not one."""
        plays = self.plays()
        acted = bool(plays) and self.acted_on(plays[-1])
        return done_with(plays, acted_on_last=acted, shown_at=self._shown_at, now=self.closer.now())

    def kept(self) -> list[PlayT]:
        """Plays that saving by hand keeps."""
        return list(self.plays())

    def _outcome(self, plays: list[PlayT]) -> tuple[Outcome, datetime] | None:
        if not plays or self._started_at is None:
            return None
        outcome = self.untimed_outcome(
            self.TITLE, self._started_at, entries=self.entries(plays), data=self.data(plays)
        )
        return outcome, self._started_at

    def pending(self) -> tuple[Outcome, datetime] | None:
        """Only what they did: opening a deck to look asks nothing on leaving."""
        return self._outcome(self.done_with())

    def forget(self) -> None:
        self.plays().clear()
        self.loved.clear()

    def action_done(self) -> None:
        # Saving by hand keeps the card on screen too: they chose to.
        kept = self._outcome(self.kept())
        if kept is None:
            return
        self.report(*kept)
        self.forget()
        self._started_at = self.closer.now()
        self.saved()

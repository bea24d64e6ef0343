"""What every card deck does the same way, whatever the deck and however it is played.

A deck activity draws without repeats (:class:`~closer_tui.core.deck.Deck`),
keeps "we loved this one", and on leaving offers only the cards the couple did
something with (:func:`~closer_tui.core.sessions.done_with`). Each deck says
what one play of a card is (``PlayT``), how it reads in the history, and what
it shows.
"""

from __future__ import annotations

from collections.abc import Awaitable
from datetime import datetime
from typing import Any, ClassVar, Generic, TypeVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from closer_tui.core.clock import Clock
from closer_tui.core.deck import Card, CardT, Deck, KeptSoon, drawable, tense_tonight
from closer_tui.core.models import PARTNER_KEYS, Couple, Entry, Outcome, PartnerKey
from closer_tui.core.sessions import done_with
from closer_tui.widgets.partner import badge, named
from closer_tui.widgets.private_round import HANDOVER_SECONDS
from closer_tui.widgets.turn_banner import TurnBanner
from closer_tui.widgets.untimed_activity import UntimedActivity

PlayT = TypeVar("PlayT")
"""One card drawn this visit and what the couple did with it (passed, who shared…)."""


# The keys every deck shares, declared once so a key means the same in each deck.
NEXT_CARD = Binding("n", "next", "Next")
PASS = Binding("s", "skip", "Pass")
LOVED = Binding("l", "love", "Loved it")
SAVE = Binding("d", "done", "Save")


class CardFace(Static):
    """The card itself: its words in a frame, the one thing on screen to read aloud."""

    DEFAULT_CSS = """
    CardFace {
        border: round $primary; padding: 1 2; margin: 1 0; text-style: bold; height: auto;
    }
    """


class CardDeck(UntimedActivity, Generic[PlayT]):
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
        self._shown_at: datetime | None = None
        self.can_focus = True
        self._place: KeptSoon | None = None

    @property
    def place(self) -> KeptSoon:
        """Where the deck's place is kept: written just after the frame that shows a card
        (the card is not kept waiting for the disk), and when the deck is left."""
        if self._place is None:
            self._place = KeptSoon(self.closer, self.call_after_refresh)
        return self._place

    @property
    def deck(self) -> Deck:
        return Deck(self.DECK, self.place, self.closer.rng)

    def on_unmount(self) -> None:
        if self._place is not None:
            self._place.flush()

    @property
    def banner(self) -> TurnBanner:
        return self.query_one(TurnBanner)

    def begin(self) -> None:
        self.first_card()

    @property
    def guided(self) -> bool:
        """Part of a guided session: it never draws a risky card."""
        return self._keeper() is not None

    def tense(self) -> bool:
        """The couple said things feel tense tonight (the deck chooser's ``t``)."""
        return tense_tonight(self.closer, self.closer.now().astimezone().date())

    def drawable_now(self, cards: list[CardT]) -> list[CardT]:
        """The cards a draw may reach now: no risky one in a guided session, and only
        gentle ones on a tense evening (all of them, if a deck has none marked gentle)."""
        return drawable(cards, tense=self.tense(), guided=self.guided) or drawable(
            cards, guided=self.guided
        )

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


class TurnDeck(CardDeck[PlayT]):
    """A deck played in turns around one card, with a stage for a round played privately.

    From the top: the turn banner, a quiet line saying what the card is, the
    card, the stage (a private round, then what it revealed) and a hint.
    """

    DEFAULT_CSS = """
    TurnDeck { padding: 0 2; }
    TurnDeck #deck-top { margin: 1 0 0 0; }
    TurnDeck #deck-card { margin: 1 0 0 0; }
    TurnDeck #deck-stage { height: auto; }
    TurnDeck #deck-hint { margin: 1 0 0 0; }
    """

    ROLES: ClassVar[tuple[str, str]]
    """What the turn banner says the two partners do, until a card says otherwise."""

    def compose(self) -> ComposeResult:
        speaks, listens = self.ROLES
        yield TurnBanner(self.closer.couple, speaks=speaks, listens=listens)
        yield Static("", id="deck-top", classes="aside")
        yield CardFace("", id="deck-card")
        yield Vertical(id="deck-stage")
        yield Static("", id="deck-hint", classes="aside")

    @property
    def stage(self) -> Vertical:
        return self.query_one("#deck-stage", Vertical)

    _staging: Awaitable[object] | None = None
    """The stage's last change, until it is done (see :meth:`_staged`)."""

    def _restage(self, round_: Widget | None) -> None:
        """Clear the stage, and put ``round_`` on it if there is one."""
        self._staging = self.stage.remove_children()
        if round_ is not None:
            self._staging = self.stage.mount(round_)

    async def _staged(self) -> None:
        """Wait until the stage's last change is done. Each key that changes the card or
        the way waits here first: keys pressed quickly act one after the other, and
        never take away a round still being put on the stage."""
        staging, self._staging = self._staging, None
        if staging is not None:
            await staging

    def _top(self, text: str | Text) -> None:
        self.query_one("#deck-top", Static).update(text)

    def _card(self, text: str) -> None:
        self.query_one("#deck-card", Static).update(text)

    def _hint(self, text: str | Text) -> None:
        self.query_one("#deck-hint", Static).update(text)

    @property
    def in_private(self) -> bool:
        """A round is under way whose answers nobody may see yet."""
        return False

    def done_with(self) -> list[PlayT]:
        if self.in_private:
            return self.kept()  # every earlier card was moved past
        return super().done_with()


def guess_roles(couple: Couple, answerer: PartnerKey) -> str:
    """Who does what in "guess my answer", by name."""
    answering = couple.partner(answerer)
    guessing = couple.partner(couple.other(answerer))
    return (
        f"{answering.name}: answer for yourself. "
        f"{guessing.name}: guess what {answering.name} will say."
    )


# --- The ways of playing one card, beside talking it through ------------------------


def answer_and_guess(
    couple: Couple, answerer: PartnerKey, answer: str | None, guess: str | None
) -> Table:
    """One answered for themself, the other guessed: both side by side, never scored."""
    table = Table(expand=True, box=None, padding=(1, 2, 0, 0), show_edge=False)
    table.add_column(Text.assemble(badge(couple.partner(answerer)), " answered"), ratio=1)
    table.add_column(
        Text.assemble(badge(couple.partner(couple.other(answerer))), " guessed"), ratio=1
    )
    table.add_row(answer or "passed", guess or "passed")
    return table


def stand_line(
    couple: Couple, ends: tuple[str, str], points: dict[PartnerKey, int | None]
) -> Table:
    """Where each stands, 1 to 5 between the two ends, one row each, side by side."""
    table = Table(box=None, padding=(0, 1), show_header=False, expand=False)
    table.add_column(no_wrap=True)
    for _ in range(5):
        table.add_column(justify="center", width=3)
    table.add_row(Text(""), *(Text(str(n), style="dim") for n in range(1, 6)))
    for key in PARTNER_KEYS:
        point = points.get(key)
        partner = couple.partner(key)
        marks = [
            Text("●", style=f"bold {partner.hex}") if point == n else Text("·", style="dim")
            for n in range(1, 6)
        ]
        table.add_row(badge(partner), *marks)
        if point is None:
            table.add_row(Text("  passed", style="dim"), *([Text("")] * 5))
    outer = Table.grid()
    outer.add_row(table)
    outer.add_row(Text(f"1 = {ends[0]}   ·   5 = {ends[1]}", style="dim"))
    return outer


PICK_KEYS: dict[str, tuple[PartnerKey, int]] = {
    "f": ("first", 0),
    "d": ("first", 1),
    "j": ("second", 0),
    "k": ("second", 1),
}
"""This or that: each partner's own two keys, index finger for the first option."""


class PickRound(Widget, can_focus=True):
    """Both choose at the same moment, each on their own keys; nothing shows until both did.

    A choice can be changed until the other has chosen too; then both appear
    together. A key pressed before the card has been on screen a moment is
    taken as meant for the screen before and ignored.
    """

    DEFAULT_CSS = """
    PickRound { height: auto; padding: 0 1; }
    PickRound #pick-options { height: auto; }
    PickRound #pick-status { height: auto; margin: 1 0 0 0; }
    """

    BINDINGS = [Binding(key, f"choose('{key}')", show=False) for key in PICK_KEYS]

    class Chosen(Message):
        """Both chose: ``choices`` is each partner's option (0 or 1)."""

        def __init__(self, round: PickRound, choices: dict[PartnerKey, int]) -> None:
            super().__init__()
            self.round = round
            self.choices = choices

    def __init__(self, couple: Couple, options: tuple[str, str], *, clock: Clock) -> None:
        super().__init__()
        self.couple = couple
        self.options = options
        self.clock = clock
        self.choices: dict[PartnerKey, int] = {}
        self._shown_at = clock()

    def compose(self) -> ComposeResult:
        yield Static(self._options(), id="pick-options")
        yield Static(self._status(), id="pick-status")

    def _keys_for(self, option: int) -> Text:
        text = Text()
        for key, (who, index) in PICK_KEYS.items():
            if index == option:
                text.append_text(named(self.couple.partner(who)))
                text.append(f" {key}   ")
        return text

    def _options(self) -> Table:
        table = Table(expand=True, box=None, padding=(0, 2, 0, 0), show_header=False)
        table.add_column(ratio=1)
        table.add_column(ratio=1)
        table.add_row(Text(self.options[0], style="bold"), Text(self.options[1], style="bold"))
        table.add_row(self._keys_for(0), self._keys_for(1))
        return table

    def _status(self) -> Text:
        text = Text()
        for key in PARTNER_KEYS:
            text.append_text(named(self.couple.partner(key)))
            text.append(": chosen ✓   " if key in self.choices else ": choosing…   ")
        text.append("\nNothing shows until you have both chosen.", style="dim")
        return text

    def action_choose(self, key: str) -> None:
        if len(self.choices) == 2 or self.clock() < self._shown_at + HANDOVER_SECONDS:
            return
        who, option = PICK_KEYS[key]
        self.choices[who] = option
        self.query_one("#pick-status", Static).update(self._status())
        if len(self.choices) == 2:
            self.query_one("#pick-options", Static).update(self._together())
            self.query_one("#pick-status", Static).update("")
            self.post_message(self.Chosen(self, dict(self.choices)))

    def _together(self) -> Table:
        table = Table(expand=True, box=None, padding=(0, 2, 0, 0))
        for key in PARTNER_KEYS:
            table.add_column(badge(self.couple.partner(key)), ratio=1)
        table.add_row(
            *(Text(self.options[self.choices[key]], style="bold") for key in PARTNER_KEYS)
        )
        return table

"""A deck from the chooser, card by card, each card played in one of the ways it fits.

The ways (core/deck.py's ``Way``): talk it through; answer privately and
reveal together; one answers and the other guesses (never scored); this or
that, both at the same moment on their own keys; where do you stand, 1 to 5,
privately, then side by side. A revealed round is kept at once, as a round,
so what a couple said is on disk before the next key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Static

from closer_tui.core.deck import WAY_NAMES, Deck, Way, drawable, ways_for
from closer_tui.core.models import PARTNER_KEYS, Entry, PartnerKey
from closer_tui.core.shelf import Shelf, intimacy_is_open, shelf
from closer_tui.widgets.card_deck import (
    LOVED,
    NEXT_CARD,
    PASS,
    SAVE,
    PickRound,
    TurnDeck,
    answer_and_guess,
    guess_roles,
    stand_line,
)
from closer_tui.widgets.partner import named
from closer_tui.widgets.private_round import Answer, Ask, PrivateRound

ROLES: dict[Way, tuple[str, str]] = {
    "talk": ("answers first", "listens"),
    "private": ("answers first", "answers second"),
    "guess": ("answers", "guesses"),
}
"""What the turn banner says each partner does, in the ways that take turns."""

AFTER: dict[Way, str] = {
    "private": "Ask each other about your answers: what's behind them?",
    "guess": "Close? Far off? Either way, ask about it: what's the story behind that answer?",
    "stand": "What surprised you? Tell each other why you stand where you do.",
}


ANSWER_PROMPT: dict[Way, str] = {
    "private": "Your answer, for the card above:",
    "guess": "Your answer, or your guess, for the card above:",
}
"""What the private box asks: the card itself is in view just above it."""


@dataclass
class Play:
    """One card drawn this visit, the way it was played, and what each partner gave."""

    card: Any
    way: Way
    first: PartnerKey
    passed: bool = False
    answers: dict[PartnerKey, Answer] = field(default_factory=dict)
    revealed: bool = False
    did: bool = False
    """A date or touch idea the couple did."""


def _to_do(card: Any) -> bool:
    """A date or touch idea: something to do together rather than to answer."""
    return tuple(getattr(card, "PLAYS", ())) == ("talk",)


class DeckActivity(TurnDeck[Play]):
    """Options: ``deck`` (a shelf id from core/shelf.py), ``tense`` (gentle cards only)."""

    KIND = "deck"
    DECK = "questions"  # overridden by the shelf's own memory (see ``deck``)
    TITLE = "Cards"
    ROLES = ROLES["talk"]

    BINDINGS = [
        NEXT_CARD,
        PASS,
        Binding("w", "way", "Way to play"),
        Binding("y", "did", "We did it"),
        LOVED,
        SAVE,
    ]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.rounds: list[Play] = []
        """This visit's plays not yet kept; the current one last while it is not."""
        self.current: Play | None = None

    # -- the deck ---------------------------------------------------------------------

    @property
    def shelf(self) -> Shelf:
        """The deck played; the opt-in one only when open, and never in a guided session."""
        return shelf(
            self.closer.library,
            str(self.options.get("deck", "light")),
            intimacy_open=intimacy_is_open(self.closer) and not self.guided,
        )

    @property
    def deck(self) -> Deck:
        return Deck(self.shelf.memory, self.place, self.closer.rng)

    def tense(self) -> bool:
        return bool(self.options.get("tense")) or super().tense()

    def cards(self) -> list[Any]:
        """The cards tonight's draws may reach: on a tense evening, gentle ones only (a
        deck with none says so, rather than draw a card that is not gentle)."""
        cards = list(self.shelf.cards(self.closer.library))
        return drawable(cards, tense=self.tense(), guided=self.guided)

    # -- the screen -------------------------------------------------------------------

    def first_card(self) -> None:
        try:
            _ = self.shelf
        except KeyError:
            self._empty("This deck is not open. The chooser says how to open it.")
            return
        self._draw()

    def _empty(self, why: str) -> None:
        self._card(why)
        self.banner.display = False
        self._hint("Escape goes back to the decks.")
        self.focus()

    def _draw(self) -> None:
        cards = self.cards()
        if not cards:
            gentle = " gentle" if self.tense() else ""
            self._empty(f"No{gentle} cards in this deck yet. Another deck may have some.")
            return
        self._play(self.deck.draw(cards))

    def _play(self, card: Any, way: Way | None = None) -> None:
        ways = ways_for(card)
        chosen = way if way in ways else ways[0]
        play = Play(card, chosen, self.banner.speaker)
        self.current = play
        self.rounds.append(play)
        self.shown()
        self._show_top()
        self._card(card.text)
        roles = None if _to_do(card) else ROLES.get(chosen)
        self.banner.display = roles is not None
        if roles is not None:
            self.banner.speaks, self.banner.listens = roles
            self.banner.refresh()
        round_ = self._round_for(play)
        self._restage(round_)
        if round_ is None:
            self._hint(self._talk_hint(card, chosen))
            self.focus()
        else:
            # A round never takes the focus itself (it may sit in a hidden tab);
            # this one is on screen, so its keys go straight to it.
            self.call_after_refresh(round_.focus)
            self._hint(self._private_hint(play))
        self.refresh_bindings()

    def on_focus(self) -> None:
        """The screen focuses its tab's first widget: a round under way takes the keys."""
        if self.in_private:
            for round_ in self.stage.query("PrivateRound, PickRound"):
                round_.focus()
                return

    def _show_top(self) -> None:
        play = self.current
        if play is None:
            return
        seen = set(self.deck.memory.seen)
        more = sum(card.id not in seen for card in self.cards())
        text = Text(self.shelf.title, style="bold")
        way = "Something to do together" if _to_do(play.card) else WAY_NAMES[play.way]
        if way != self.shelf.title:
            text.append(f"  ·  {way}")
        text.append(f"  ·  {more} more to go" if more else "  ·  the last of this round")
        if self.tense():
            text.append("  ·  gentle cards only")
        self._top(text)

    def _round_for(self, play: Play) -> Widget | None:
        couple, clock = self.closer.couple, self.closer.clock
        card = play.card
        if play.way == "pick":
            return PickRound(couple, tuple(card.options), clock=clock)
        if play.way == "stand":
            scale = (f"{card.ends[0]}", "", "", "", f"{card.ends[1]}")
            ask = Ask("stand", card.text, scale=scale)  # in view beside its ends, even at 60x20
            return PrivateRound(couple, [ask], clock=clock, first=play.first)
        if play.way in ("private", "guess"):
            return PrivateRound(
                couple, [Ask("answer", ANSWER_PROMPT[play.way])], clock=clock, first=play.first,
                hint=guess_roles(couple, play.first) if play.way == "guess" else "",
            )  # fmt: skip
        return None

    def _talk_hint(self, card: Any, way: Way) -> str:
        if _to_do(card):
            return "Do it together when it suits you both. y: we did it · l: again some time."
        ways = ", ".join(WAY_NAMES[w].lower() for w in ways_for(card) if w != way)
        more = f" w plays it another way ({ways})." if ways else ""
        return f"Take turns answering. Passing is always fine.{more}"

    def _private_hint(self, play: Play) -> str:
        if play.way == "pick":
            return "Both choose at the same moment, each on your own keys. s passes the card."
        if play.way == "stand":
            return "Each of you places yourself from 1 to 5, privately. No end is the better one."
        return ""

    # -- reveals ----------------------------------------------------------------------

    def on_private_round_revealed(self, event: PrivateRound.Revealed) -> None:
        event.stop()
        play = self.current
        if play is None or play.revealed:
            return
        ask = "stand" if play.way == "stand" else "answer"
        play.answers = {key: event.answers[key].get(ask) for key in PARTNER_KEYS}
        stage = self.stage
        couple = self.closer.couple
        if play.way == "guess":
            event.round.remove()
            answer = play.answers[play.first]
            guess = play.answers[couple.other(play.first)]
            stage.mount(Static(answer_and_guess(couple, play.first, _str(answer), _str(guess))))
        elif play.way == "stand":
            event.round.remove()
            points = {k: v if isinstance(v, int) else None for k, v in play.answers.items()}
            stage.mount(Static(stand_line(couple, tuple(play.card.ends), points)))
        self._revealed(play, AFTER[play.way])

    def on_pick_round_chosen(self, event: PickRound.Chosen) -> None:
        event.stop()
        play = self.current
        if play is None or play.revealed:
            return
        play.answers = dict(event.choices)
        options = play.card.options
        if len(set(event.choices.values())) == 1:
            after = Text(f"You both chose {options[event.choices['first']].lower()}. ")
            after.append("What draws each of you to it?")
        else:
            after = Text("Different picks. What makes each of you lean your way?")
        self._revealed(play, after)

    def _revealed(self, play: Play, after: str | Text) -> None:
        play.revealed = True
        kept = self._keep_now()
        hint = Text.assemble(after if isinstance(after, Text) else Text(after))
        hint.append("\nKept in your history. " if kept else "\n")  # if not, closer asked
        hint.append("n for the next card (you swap who goes first).")
        self._hint(hint)
        self.focus()
        self.refresh_bindings()

    def _keep_now(self) -> bool:
        """Keep this visit's plays as a round now, on disk before the next key; whether it is."""
        kept = self._outcome(self.kept())
        if kept is None:
            return False
        on_disk = self.report(*kept)  # or in the session's draft
        self.forget()
        self._started_at = self.closer.now()
        return on_disk

    # -- keys -------------------------------------------------------------------------

    @property
    def in_private(self) -> bool:
        """A round is under way whose answers nobody may see yet."""
        play = self.current
        return play is not None and play.way != "talk" and not play.revealed

    async def action_next(self) -> None:
        await self._staged()
        if self.in_private or self.current is None:
            return
        self.banner.swap()
        self._draw()

    async def action_skip(self) -> None:
        await self._staged()
        play = self.current
        if play is None or play.revealed:
            return
        if play.way == "talk":
            play.passed = True
        elif self.rounds and self.rounds[-1] is play:
            self.rounds.pop()  # nothing was answered: nothing to keep
        self._draw()
        self.notify("Passed. Here's another.", timeout=3)

    async def action_way(self) -> None:
        await self._staged()
        play = self.current
        if play is None or play.revealed or play.passed:
            return
        ways = ways_for(play.card)
        if len(ways) < 2:
            return
        if self.rounds and self.rounds[-1] is play:
            self.rounds.pop()  # the same card, played another way: not a second card
        self._play(play.card, ways[(ways.index(play.way) + 1) % len(ways)])

    def action_did(self) -> None:
        play = self.current
        if play is None or not _to_do(play.card) or play.did:
            return
        play.did = True
        if play not in self.rounds:
            self.rounds.append(play)
        self._keep_now()
        couple = self.closer.couple
        text = Text("Kept: ")
        text.append_text(named(couple.first))
        text.append(" and ")
        text.append_text(named(couple.second))
        text.append(" did it. n for another idea, l to keep it for again some time.")
        self._hint(text)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        play = self.current
        if action == "next":
            return not self.in_private and play is not None
        if action == "skip":
            return play is not None and not play.revealed
        if action == "way":
            return play is not None and not play.revealed and len(ways_for(play.card)) > 1
        if action == "did":
            return play is not None and _to_do(play.card) and not play.did
        if action == "done":
            return self.kept() != []
        return True

    # -- what a visit keeps ---------------------------------------------------------------

    def plays(self) -> list[Play]:
        return self.rounds

    def card_of(self, play: Play) -> Any:
        return play.card

    def card_on_screen(self) -> Any:
        return None if self.current is None else self.current.card

    def passed(self, play: Play) -> bool:
        return play.passed

    def acted_on(self, play: Play) -> bool:
        return play.passed or play.revealed or play.did or play.card.id in self.loved

    def kept(self) -> list[Play]:
        """Plays that may be saved: never the answers of a round not yet revealed."""
        return [play for play in self.rounds if play.way == "talk" or play.revealed]

    def _outcome(self, plays: list[Play]) -> Any:
        outcome = super()._outcome(plays)
        if outcome is None:
            return None
        record, started = outcome
        return record.model_copy(update={"title": self.shelf.title}), started

    def entries(self, plays: list[Play]) -> list[Entry]:
        entries: list[Entry] = []
        for play in plays:
            card = play.card
            parts = {"way": play.way, "card": card.id}
            if play.way == "talk":
                if play.did:
                    parts["did"] = "date" if hasattr(card, "where") else "touch"
                entries.append(Entry(who="both", prompt=card.text, passed=play.passed, parts=parts))
                continue
            for key in PARTNER_KEYS:
                answer = play.answers.get(key)
                role = {"guess": "answer" if key == play.first else "guess"}.get(play.way, "")
                entries.append(
                    Entry(
                        who=key,
                        prompt=card.text,
                        text=self._said(play, answer),
                        passed=answer is None,
                        parts={**parts, "role": role} if role else parts,
                    )
                )
        return entries

    @staticmethod
    def _said(play: Play, answer: Answer) -> str:
        if answer is None:
            return ""
        if play.way == "pick" and isinstance(answer, int):
            return str(play.card.options[answer])
        if play.way == "stand":
            return f"{answer} of 5 ({play.card.ends[0]} → {play.card.ends[1]})"
        return str(answer)

    def data(self, plays: list[Play]) -> dict[str, Any]:
        return {
            "deck": self.shelf.id,
            "cards": [play.card.id for play in plays],
            "ways": [play.way for play in plays],
            "loved": list(self.loved),
        }

    def saved(self) -> None:
        self._hint(self.saved_then("Thank you both. n for another card."))


def _str(answer: Answer) -> str | None:
    return None if answer is None else str(answer)

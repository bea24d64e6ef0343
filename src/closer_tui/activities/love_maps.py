"""Love Maps: questions about each other's inner world, talked through or played as a game.

The game: one partner answers privately, the other guesses privately, and
both appear together. Nobody keeps score: a guess that is far off is simply
something new to learn about each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.table import Table
from rich.text import Text
from textual.binding import Binding
from textual.reactive import reactive
from textual.widgets import Static

from closer_tui.core.content import LoveMapQuestion
from closer_tui.core.models import Entry, PartnerKey
from closer_tui.widgets.card_deck import (
    NEXT_CARD,
    PASS,
    SAVE,
    TurnDeck,
    answer_and_guess,
    guess_roles,
)
from closer_tui.widgets.partner import named_together
from closer_tui.widgets.private_round import Answer, Ask, PrivateRound

MODES = ("talk", "game")


@dataclass
class Round:
    """One card: who answered, and in the game what each wrote (None = passed)."""

    card: LoveMapQuestion
    answerer: PartnerKey
    mode: str
    passed: bool = False
    answer: str | None = None
    guess: str | None = None


def _text(answer: Answer) -> str | None:
    return None if answer is None else str(answer)


class LoveMapsActivity(TurnDeck[Round]):
    """Options: ``mode`` = "talk" (default) or "game"."""

    KIND = "love_maps"
    DECK = "love-maps"
    TITLE = "Love Maps"

    ROLES = ("answers", "asks")

    DEFAULT_CSS = """
    LoveMapsActivity #deck-card { padding: 0 2; }
    """

    BINDINGS = [
        NEXT_CARD,
        PASS,
        Binding("m", "mode", "Talk / game"),
        SAVE,
    ]

    mode: reactive[str] = reactive("talk", init=False)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.rounds: list[Round] = []
        self.revealed = False
        if self.options.get("mode") in MODES:
            self.set_reactive(LoveMapsActivity.mode, str(self.options["mode"]))

    def first_card(self) -> None:
        self._new_round()

    def plays(self) -> list[Round]:
        return self.rounds

    def card_of(self, play: Round) -> LoveMapQuestion:
        return play.card

    def acted_on(self, play: Round) -> bool:
        return play.passed or (play.mode == "game" and self.revealed)

    # -- rounds ------------------------------------------------------------------

    def _new_round(self) -> None:
        card = self.deck.draw(self.drawable_now(self.closer.library.guessable_love_maps()))
        current = Round(card, self.banner.speaker, self.mode)
        self.rounds.append(current)
        self.shown()
        self.revealed = False
        self.banner.listens = "guesses" if self.mode == "game" else "asks"
        self.banner.refresh()
        mode = (
            "The game, for curiosity: one answers, the other guesses, both privately."
            if self.mode == "game"
            else "Talk: ask the question, listen to the answer. Curious, not testing."
        )
        self._top(Text.assemble((card.topic, "bold"), f"   ·   {mode}"))
        self._card(card.text)
        if self.mode == "game":
            private = self._private_round(current)
            self._restage(private)
            # A round never takes the focus itself (it may sit in a hidden tab);
            # this one is on screen, so the curtain's enter goes straight to it.
            self.call_after_refresh(private.focus)
            self._hint("")
        else:
            self._restage(None)
            self._hint("n for the next card (you swap), s to pass, m to play the guessing game.")
            self.focus()

    def _private_round(self, current: Round) -> PrivateRound:
        couple = self.closer.couple
        return PrivateRound(
            couple,
            [Ask("answer", current.card.text)],
            clock=self.closer.clock,
            first=current.answerer,
            hint=guess_roles(couple, current.answerer),
        )

    def on_private_round_revealed(self, event: PrivateRound.Revealed) -> None:
        event.stop()
        current = self.rounds[-1]
        guesser = self.closer.couple.other(current.answerer)
        current.answer = _text(event.answers[current.answerer].get("answer"))
        current.guess = _text(event.answers[guesser].get("answer"))
        current.passed = current.answer is None
        self.revealed = True
        self.committed()
        event.round.remove()
        self.stage.mount(Static(self._reveal(current), id="lm-reveal"))
        self._hint(
            "Close? Far off? Either way, ask about it: what's the story behind that answer?\n"
            "n for the next round (you swap roles), d to save."
        )
        self.focus()
        self.refresh_bindings()

    def _reveal(self, current: Round) -> Table:
        return answer_and_guess(self.closer.couple, current.answerer, current.answer, current.guess)

    # -- keys --------------------------------------------------------------------

    @property
    def in_private(self) -> bool:
        """A game round is under way: answers exist that nobody may see yet."""
        return self.mode == "game" and not self.revealed

    async def action_next(self) -> None:
        await self._staged()
        if self.in_private:
            return
        self.banner.swap()
        self._new_round()

    async def action_skip(self) -> None:
        await self._staged()
        if self.mode == "game" and self.revealed:
            return
        if not self.rounds:
            self._new_round()
            return
        current = self.rounds.pop()
        if self.mode == "talk":
            current.passed = True
            self.rounds.append(current)
        self._new_round()
        self.notify("Passed. Here's another.", timeout=3)

    async def action_mode(self) -> None:
        await self._staged()
        if self.rounds and not (self.mode == "game" and self.revealed):
            # An unplayed card goes back quietly: nothing was answered.
            last = self.rounds[-1]
            if last.mode == "game" or not last.passed:
                self.rounds.pop()
        self.mode = MODES[(MODES.index(self.mode) + 1) % len(MODES)]
        self._new_round()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next":
            return not self.in_private
        if action == "skip":
            return not (self.mode == "game" and self.revealed)
        if action == "done":
            return self.kept() != []
        return True

    # -- saving ------------------------------------------------------------------

    def kept(self) -> list[Round]:
        """Rounds that may be saved: talk cards, and game rounds already revealed."""
        kept = list(self.rounds)
        if kept and self.in_private:
            kept.pop()  # never the answers of a round not yet revealed
        return kept

    def entries(self, rounds: list[Round]) -> list[Entry]:
        couple = self.closer.couple
        entries: list[Entry] = []
        for r in rounds:
            if r.mode == "talk":
                entries.append(
                    Entry(
                        who=r.answerer, prompt=r.card.text, passed=r.passed, parts={"role": "talk"}
                    )
                )
                continue
            guesser = couple.other(r.answerer)
            entries.append(
                Entry(
                    who=r.answerer,
                    prompt=r.card.text,
                    text=r.answer or "",
                    passed=r.answer is None,
                    parts={"role": "answer"},
                )
            )
            entries.append(
                Entry(
                    who=guesser,
                    prompt=r.card.text,
                    text=r.guess or "",
                    passed=r.guess is None,
                    parts={"role": "guess"},
                )
            )
        return entries

    def data(self, rounds: list[Round]) -> dict[str, Any]:
        return {"cards": [r.card.id for r in rounds], "modes": [r.mode for r in rounds]}

    def saved(self) -> None:
        text = Text(self.saved_then(""))
        couple = self.closer.couple
        text.append_text(named_together(couple.first, couple.second))
        text.append(", thank you for letting each other in. n for another card.")
        self._hint(text)
        self.revealed = True
        self.refresh_bindings()

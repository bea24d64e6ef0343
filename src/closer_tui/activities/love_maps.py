"""Love Maps: questions about each other's inner world, talked through or played as a game.

The game: one partner answers privately, the other guesses privately, and
both appear together. Nobody keeps score: a guess that is far off is simply
something new to learn about each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Static

from closer_tui.core.content import LoveMapQuestion
from closer_tui.core.deck import DeckMemory, draw
from closer_tui.core.models import Entry, Outcome, PartnerKey
from closer_tui.core.sessions import done_with
from closer_tui.widgets.activity import Activity
from closer_tui.widgets.partner import badge, named_together
from closer_tui.widgets.private_round import Answer, Ask, PrivateRound
from closer_tui.widgets.turn_banner import TurnBanner

DECK = "love-maps"
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


class LoveMapsActivity(Activity):
    """Options: ``mode`` = "talk" (default) or "game"."""

    KIND = "love_maps"

    DEFAULT_CSS = """
    LoveMapsActivity { padding: 0 2; }
    LoveMapsActivity #lm-mode { color: $text-muted; margin: 1 0 0 0; }
    LoveMapsActivity #lm-card {
        border: round $primary; padding: 0 2; margin: 1 0 0 0; text-style: bold; height: auto;
    }
    LoveMapsActivity #lm-round { height: auto; }
    LoveMapsActivity #lm-hint { color: $text-muted; height: auto; margin: 1 0 0 0; }
    """

    BINDINGS = [
        Binding("n", "next", "Next"),
        Binding("s", "skip", "Pass"),
        Binding("m", "mode", "Talk / game"),
        Binding("d", "done", "Save"),
    ]

    mode: reactive[str] = reactive("talk", init=False)

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.rounds: list[Round] = []
        self.revealed = False
        self._started_at: datetime | None = None
        self._shown_at: datetime | None = None
        self.can_focus = True
        if self.options.get("mode") in MODES:
            self.set_reactive(LoveMapsActivity.mode, str(self.options["mode"]))

    def compose(self) -> ComposeResult:
        yield TurnBanner(self.closer.couple, speaks="answers", listens="asks")
        yield Static("", id="lm-mode")
        yield Static("", id="lm-card")
        yield Vertical(id="lm-round")
        yield Static("", id="lm-hint")

    @property
    def banner(self) -> TurnBanner:
        return self.query_one(TurnBanner)

    def on_mount(self) -> None:
        self._started_at = self.closer.now()
        self._new_round()

    # -- rounds ------------------------------------------------------------------

    def _draw(self) -> LoveMapQuestion:
        memory = DeckMemory.from_keepsake(self.closer.recall_keepsake("decks", DECK))
        card = draw(self.closer.library.love_maps, memory, self.closer.rng)
        self.closer.save_keepsake("decks", DECK, memory.to_keepsake())
        return card

    def _new_round(self) -> None:
        card = self._draw()
        current = Round(card, self.banner.speaker, self.mode)
        self.rounds.append(current)
        self._shown_at = self.closer.now()
        self.revealed = False
        self.banner.listens = "guesses" if self.mode == "game" else "asks"
        self.banner.refresh()
        mode = (
            "The game, for curiosity: one answers, the other guesses, both privately."
            if self.mode == "game"
            else "Talk: ask the question, listen to the answer. Curious, not testing."
        )
        self.query_one("#lm-mode", Static).update(
            Text.assemble((card.topic, "bold"), f"   ·   {mode}")
        )
        self.query_one("#lm-card", Static).update(card.text)
        holder = self.query_one("#lm-round", Vertical)
        holder.remove_children()
        if self.mode == "game":
            private = self._private_round(current)
            holder.mount(private)
            # A round never takes the focus itself (it may sit in a hidden tab);
            # this one is on screen, so the curtain's enter goes straight to it.
            self.call_after_refresh(private.focus)
            self._hint("")
        else:
            self._hint("n for the next card (you swap), s to pass, m to play the guessing game.")
            self.focus()

    def _private_round(self, current: Round) -> PrivateRound:
        couple = self.closer.couple
        answerer = couple.partner(current.answerer)
        guesser = couple.partner(couple.other(current.answerer))
        hint = (
            f"{answerer.name}: answer for yourself. "
            f"{guesser.name}: guess what {answerer.name} will say."
        )
        return PrivateRound(
            couple,
            [Ask("answer", current.card.text)],
            clock=self.closer.clock,
            first=current.answerer,
            hint=hint,
        )

    def _hint(self, text: str | Text) -> None:
        self.query_one("#lm-hint", Static).update(text)

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
        self.query_one("#lm-round", Vertical).mount(Static(self._reveal(current), id="lm-reveal"))
        self._hint(
            "Close? Far off? Either way, ask about it: what's the story behind that answer?\n"
            "n for the next round (you swap roles), d to save."
        )
        self.focus()
        self.refresh_bindings()

    def _reveal(self, current: Round) -> Table:
        couple = self.closer.couple
        answerer = couple.partner(current.answerer)
        guesser = couple.partner(couple.other(current.answerer))
        table = Table(expand=True, box=None, padding=(1, 2, 0, 0), show_edge=False)
        table.add_column(Text.assemble(badge(answerer), " answered"), ratio=1)
        table.add_column(Text.assemble(badge(guesser), " guessed"), ratio=1)
        table.add_row(current.answer or "passed", current.guess or "passed")
        return table

    # -- keys --------------------------------------------------------------------

    @property
    def in_private(self) -> bool:
        """A game round is under way: answers exist that nobody may see yet."""
        return self.mode == "game" and not self.revealed

    def action_next(self) -> None:
        if self.in_private:
            return
        self.banner.swap()
        self._new_round()

    def action_skip(self) -> None:
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

    def action_mode(self) -> None:
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
            return self._kept() != []
        return True

    # -- saving ------------------------------------------------------------------

    def _kept(self) -> list[Round]:
        """Rounds that may be saved: talk cards, and game rounds already revealed."""
        kept = list(self.rounds)
        if kept and self.in_private:
            kept.pop()  # never the answers of a round not yet revealed
        return kept

    def _entries(self, rounds: list[Round]) -> list[Entry]:
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

    def _done_with(self) -> list[Round]:
        """Rounds the couple did something with: a card only looked at is not one."""
        if self.in_private:
            return self._kept()  # every earlier round was moved past
        last = self.rounds[-1] if self.rounds else None
        acted = last is not None and (last.passed or (last.mode == "game" and self.revealed))
        return done_with(
            self.rounds, acted_on_last=acted, shown_at=self._shown_at, now=self.closer.now()
        )

    def pending(self) -> tuple[Outcome, datetime] | None:
        """Only what they did: opening Love Maps to look asks nothing on leaving."""
        return self._outcome(self._done_with())

    def _outcome(self, rounds: list[Round]) -> tuple[Outcome, datetime] | None:
        if not rounds or self._started_at is None:
            return None
        outcome = self.untimed_outcome(
            "Love Maps",
            self._started_at,
            entries=self._entries(rounds),
            data={"cards": [r.card.id for r in rounds], "modes": [r.mode for r in rounds]},
        )
        return outcome, self._started_at

    def forget(self) -> None:
        self.rounds.clear()

    def action_done(self) -> None:
        # Saving by hand keeps the card on screen too: they chose to.
        kept = self._outcome(self._kept())
        if kept is None:
            return
        self.report(*kept)
        self.forget()
        self._started_at = self.closer.now()
        text = Text("Saved. ")
        couple = self.closer.couple
        text.append_text(named_together(couple.first, couple.second))
        text.append(", thank you for letting each other in. n for another card.")
        self._hint(text)
        self.revealed = True
        self.refresh_bindings()

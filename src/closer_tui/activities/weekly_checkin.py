"""The weekly check-in, and its last question on its own ("what do I need next week?").

Three questions, each answered by both of you in turn (pass is fine), with a
gentle clock; then each gives a 1–10 connection rating privately, and both
numbers appear together: a trend for the two of you, never a grade.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from closer_tui.core.models import PARTNER_KEYS, Entry, Outcome, PartnerKey
from closer_tui.widgets.partner import badge, named
from closer_tui.widgets.private_round import Ask, PrivateRound
from closer_tui.widgets.side_by_side import SideBySide
from closer_tui.widgets.turn_entry import Turn, TurnEntry
from closer_tui.widgets.turns_activity import TurnsActivity

TITLE = "Weekly check-in"
MINUTES = 30
CLOCK_EVERY = 15.0
"""Seconds between repaints of the gentle clock: it shows whole minutes."""

RATING = "connection"
RATING_SCALE: tuple[str, ...] = ("far apart", *("",) * 8, "very close")
"""1 to 10; only the ends are named, as the rating prompt names them."""


def _turn_entry(turn: Turn, prompt: str, step: str) -> Entry:
    return Entry(
        who=turn.who, prompt=prompt, text=turn.text, passed=turn.passed, parts={"step": step}
    )


class WeeklyCheckinActivity(TurnsActivity):
    """Three questions in turn, then a private 1–10 rating each; d saves, x doesn't."""

    KIND = "weekly_checkin"
    SHOWN_AFTER = ("#wc-ratings", "#wc-after")

    DEFAULT_CSS = """
    WeeklyCheckinActivity { padding: 0 2; }
    WeeklyCheckinActivity #wc-clock { height: 1; color: $text-muted; }
    WeeklyCheckinActivity #wc-intro { height: auto; color: $text-muted; }
    WeeklyCheckinActivity #wc-question { height: auto; margin: 0 0 1 0; }
    WeeklyCheckinActivity #wc-ratings { height: auto; margin: 1 0; }
    WeeklyCheckinActivity .wc-rating {
        width: 1fr; height: auto; content-align: center middle; text-align: center;
        padding: 1 0; margin: 0 1 0 0; border: round $primary;
    }
    WeeklyCheckinActivity #wc-after { height: auto; }
    """

    BINDINGS = [
        Binding("d", "save", "Save"),
        Binding("x", "discard", "Don't save"),
    ]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.question_index = 0
        self.ratings: dict[PartnerKey, int] | None = None
        self.stage = "talk"
        """``talk``, ``rating`` (private), ``revealed``, ``saved`` or ``discarded``."""
        self._answered: set[PartnerKey] = set()

    @property
    def seconds(self) -> float:
        return self.planned_seconds or MINUTES * 60.0

    @property
    def questions(self) -> list[str]:
        return self.closer.library.weekly_checkin.questions

    def compose(self) -> ComposeResult:
        yield Static("", id="wc-clock")
        yield Static(self.closer.library.weekly_checkin.intro, id="wc-intro")
        yield Static("", id="wc-question")
        yield TurnEntry(self.closer.couple, self._on_turn, speaks="answers", listens="listens")
        yield SideBySide(id="wc-ratings", panel="wc-rating")
        yield Static("", id="wc-after")

    def begin(self) -> None:
        self._tick()
        self.set_interval(CLOCK_EVERY, self._tick)
        self._ask()

    def _tick(self) -> None:
        if self._started_at is None or self.stage in ("saved", "discarded"):
            return
        elapsed = (self.closer.now() - self._started_at).total_seconds()
        minutes = int(elapsed // 60)
        planned = round(self.seconds / 60)
        line = f"About {minutes} of {planned} minutes · no rush"
        if minutes == 0:
            line = f"{planned} minutes together · no rush"
        if elapsed >= self.seconds:
            line = f"About {minutes} minutes · past the time you planned, finish when you're ready"
        self.query_one("#wc-clock", Static).update(line)

    # -- the three questions ------------------------------------------------------

    def _ask(self) -> None:
        number = self.question_index + 1
        question = self.questions[self.question_index]
        self.query_one("#wc-question", Static).update(
            Text.assemble(
                (f"Question {number} of {len(self.questions)}  ", "dim"), (question, "bold")
            )
        )
        me = self.closer.couple.partner(self.turns.speaker)
        self.turns.ask(
            Text.assemble(named(me), ": ", question), "ctrl+s when it's said · ctrl+o to pass"
        )

    def _on_turn(self, turn: Turn) -> None:
        question = self.questions[self.question_index]
        self.entries.append(_turn_entry(turn, question, f"question-{self.question_index + 1}"))
        self._answered.add(turn.who)
        if self._answered < {"first", "second"}:
            self._ask()
            return
        self._answered = set()
        self.question_index += 1
        self.query_one("#wc-intro").display = False
        if self.question_index < len(self.questions):
            # Take turns at going first, too.
            self.turns.speaker = PARTNER_KEYS[self.question_index % 2]
            self._ask()
        else:
            self._start_rating()

    # -- the private rating ----------------------------------------------------------

    def _start_rating(self) -> None:
        self.stage = "rating"
        checkin = self.closer.library.weekly_checkin
        self.turns.display = False
        self.query_one("#wc-question", Static).update(checkin.rating_note)
        ask = Ask(RATING, checkin.rating_prompt, RATING_SCALE)
        private = PrivateRound(self.closer.couple, [ask], clock=self.closer.clock)
        self.mount(private, after=self.query_one(TurnEntry))
        # The round leaves focus to its host; the writing box it replaces just went away.
        self.call_after_refresh(private.focus)

    def on_private_round_revealed(self, event: PrivateRound.Revealed) -> None:
        event.stop()
        self.ratings = {
            key: answer
            for key in PARTNER_KEYS
            if isinstance(answer := event.answers.get(key, {}).get(RATING), int)
        }
        self.committed()
        event.round.display = False
        couple = self.closer.couple
        ratings = self.query_one(SideBySide)
        for key in PARTNER_KEYS:
            rating = self.ratings.get(key)
            shown = Text(f"{rating} of 10" if rating is not None else "passed", style="bold")
            ratings.show(couple, key, Text.assemble("\n\n", shown))
        ratings.display = True
        self.query_one("#wc-question", Static).update(
            Text.assemble(
                ("How close each of you felt this week\n", "bold"),
                (self.closer.library.weekly_checkin.rating_note, "dim"),
            )
        )
        after = self.query_one("#wc-after", Static)
        after.update(Text("d saves this check-in · x doesn't save it", style="dim"))
        after.display = True
        self.stage = "revealed"
        self.can_focus = True
        self.focus()
        self.refresh_bindings()

    def action_save(self) -> None:
        if self.stage != "revealed" or not self.report_pending():
            return
        self._close(self.saved_then("See you next week."), "saved")

    def action_discard(self) -> None:
        if self.stage != "revealed":
            return
        self.forget()
        self._close("Not saved. It was just for tonight.", "discarded")

    def _close(self, message: str, stage: str) -> None:
        self.stage = stage
        self.query_one("#wc-after", Static).update(message)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("save", "discard"):
            return self.stage == "revealed"
        return True

    # -- saving --------------------------------------------------------------------------

    def pending(self) -> tuple[Outcome, datetime] | None:
        if self._started_at is None or self.stage in ("saved", "discarded"):
            return None
        entries = list(self.entries)
        if self.stage == "talk" and self.turns.has_draft():
            question = self.questions[self.question_index]
            entries.append(
                _turn_entry(self.turns.draft(), question, f"question-{self.question_index + 1}")
            )
        # A rating counts only once both are revealed: never keep one before that.
        ratings = dict(self.ratings) if self.stage == "revealed" and self.ratings else {}
        if not entries and not ratings:
            return None
        seconds = (self.closer.now() - self._started_at).total_seconds()
        outcome = Outcome(
            kind=self.KIND,
            title=TITLE,
            planned_seconds=self.seconds,
            actual_seconds=max(seconds, 0.0),
            completed=self.stage == "revealed",
            entries=entries,
            ratings=ratings,
        )
        return outcome, self._started_at

    def forget(self) -> None:
        self.entries = []
        self.ratings = None
        if self.is_mounted and self.stage == "talk":
            self.turns.clear_draft()


class NeedsActivity(TurnsActivity):
    """Closing a session: what each of us needs this week, said in turn; saved when both have."""

    KIND = "needs"
    SHOWN_AFTER = ("#nd-after",)

    DEFAULT_CSS = """
    NeedsActivity { padding: 0 2; }
    NeedsActivity #nd-intro { height: auto; margin: 0 0 1 0; }
    NeedsActivity #nd-after { height: auto; margin: 1 0; }
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.done = False

    def compose(self) -> ComposeResult:
        yield Static(self.closer.library.needs.intro, id="nd-intro")
        yield TurnEntry(self.closer.couple, self._on_turn, speaks="says", listens="listens")
        yield Static("", id="nd-after")

    def begin(self) -> None:
        self._ask()

    def _ask(self) -> None:
        needs = self.closer.library.needs
        me = self.closer.couple.partner(self.turns.speaker)
        examples = ", ".join(needs.examples[:3])
        self.turns.ask(Text.assemble(named(me), ": ", needs.prompt), f"For example: {examples} …")

    def _on_turn(self, turn: Turn) -> None:
        self.entries.append(_turn_entry(turn, self.closer.library.needs.prompt, "needs"))
        if {entry.who for entry in self.entries} < {"first", "second"}:
            self._ask()
            return
        pending = self.pending()
        assert pending is not None
        self.report(*pending)
        self._show_both()
        self.forget()
        self.done = True

    def _show_both(self) -> None:
        self.turns.display = False
        text = Text()
        for entry in self.entries:
            text.append_text(badge(self.closer.couple.partner(entry.who)))  # type: ignore[arg-type]
            text.append("  " + ("passed" if entry.passed else entry.text) + "\n\n")
        text.append(self.saved_then("Thank you both."), style="bold")
        after = self.query_one("#nd-after", Static)
        after.update(text)
        after.display = True

    def pending(self) -> tuple[Outcome, datetime] | None:
        if self._started_at is None or self.done:
            return None
        entries = list(self.entries)
        if self.turns.has_draft():
            entries.append(
                _turn_entry(self.turns.draft(), self.closer.library.needs.prompt, "needs")
            )
        if not entries:
            return None
        outcome = self.untimed_outcome(
            "What we need this week",
            self._started_at,
            completed=len({entry.who for entry in entries}) == 2,
            entries=entries,
        )
        return outcome, self._started_at

    def forget(self) -> None:
        self.entries = []
        if self.is_mounted and not self.done:
            self.turns.clear_draft()

    def pick_up(self, kept: Outcome) -> bool:
        """After an interruption: what was said already, and whose turn it is."""
        self.entries = list(kept.entries)
        self.turns.carry_on_after([entry.who for entry in self.entries])
        self._ask()
        return True

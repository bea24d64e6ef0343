"""The Daily Temperature Reading: five steps in order, the two of you taking turns in each.

Appreciations, new information, puzzles, a complaint *with* its request, and
wishes. Everything is said aloud and written down as it is said; the listener
is reminded to receive, not rebut. A complaint is never kept without its
request: not on "said it", not on "next step", not when leaving.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from closer_tui.core.content import DtrStep
from closer_tui.core.models import Entry, Outcome, PartnerKey
from closer_tui.widgets.partner import named, named_together
from closer_tui.widgets.turn_entry import Turn, TurnEntry
from closer_tui.widgets.turns_activity import TurnsActivity

TITLE = "Daily Temperature Reading"


class TemperatureReadingActivity(TurnsActivity):
    """Five steps; within each, partners alternate until both want the next step."""

    KIND = "dtr"
    SHOWN_AFTER = ("#dtr-end",)

    DEFAULT_CSS = """
    TemperatureReadingActivity { padding: 0 2; }
    TemperatureReadingActivity #dtr-step { height: auto; margin: 0 0 1 0; }
    TemperatureReadingActivity #dtr-next { color: $text-muted; height: auto; }
    TemperatureReadingActivity #dtr-safety { color: $text-muted; height: auto; margin: 0 0 1 0; }
    TemperatureReadingActivity #dtr-end { height: auto; margin: 1 0; }
    """

    BINDINGS = [
        Binding("ctrl+n", "next_step", "Next step", key_display="^n"),
        Binding("r", "again", "Another reading"),
    ]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.step_index = 0
        self.had_turn: set[PartnerKey] = set()
        self.finished = False

    @property
    def steps(self) -> list[DtrStep]:
        return self.closer.library.dtr

    @property
    def step(self) -> DtrStep:
        return self.steps[self.step_index]

    def compose(self) -> ComposeResult:
        yield Static("", id="dtr-step")
        # Above the turns: at the complaints step it is read before anything is said.
        yield Static(self.closer.library.safety.short, id="dtr-safety")
        yield TurnEntry(
            self.closer.couple,
            self._on_turn,
            speaks="shares",
            listens="receives",
            listener_note=self.closer.library.dtr_listener,
        )
        yield Static("", id="dtr-next")
        yield Static("", id="dtr-end")

    def begin(self) -> None:
        self._show_step()

    # -- showing -----------------------------------------------------------------

    def _show_step(self) -> None:
        step = self.step
        total = len(self.steps)
        dots = " ".join(
            "●" if n < self.step_index else "◉" if n == self.step_index else "○"
            for n in range(total)
        )
        self.query_one("#dtr-step", Static).update(
            Text.assemble(
                (dots, "bold"),
                f"   Step {self.step_index + 1} of {total} · ",
                (step.title, "bold"),
            )
        )
        self.query_one("#dtr-safety").display = step.needs_request
        self._ask()

    def _ask(self) -> None:
        step = self.step
        speaker = self.closer.couple.partner(self.turns.speaker)
        self.turns.ask(
            Text.assemble(named(speaker), ": ", step.prompt),
            step.hint,
            request_prompt=step.request_prompt if step.needs_request else "",
        )
        self._show_next()

    def _show_next(self) -> None:
        last = self.step_index == len(self.steps) - 1
        onward = "ctrl+n to finish and save" if last else "ctrl+n for the next step"
        if self.had_turn >= {"first", "second"}:
            text = f"You've both had a turn. Another round if you like, or {onward}."
        else:
            text = "ctrl+s when it's said · ctrl+o to pass"
        self.query_one("#dtr-next", Static).update(text)

    # -- turns -------------------------------------------------------------------

    def _on_turn(self, turn: Turn) -> None:
        self._record(turn)
        self._ask()

    def _record(self, turn: Turn) -> None:
        self.entries.append(self._entry(turn))
        self.had_turn.add(turn.who)

    def _entry(self, turn: Turn) -> Entry:
        step = self.step
        parts = {"step": step.id}
        text = turn.text
        if step.needs_request and not turn.passed:
            parts |= {"complaint": turn.text, "request": turn.request}
            text = f"{turn.text}\nRequest: {turn.request}"
        return Entry(who=turn.who, prompt=step.title, text=text, passed=turn.passed, parts=parts)

    def advance(self) -> bool:
        if self.finished:
            return False
        self.action_next_step()
        return True

    def action_next_step(self) -> None:
        if self.finished:
            return
        turns = self.turns
        if turns.has_draft():
            turn = turns.take()
            if turn is None:
                return  # the gentle word is already under the box
            self._record(turn)
            self.committed()
        missing = [key for key in ("first", "second") if key not in self.had_turn]
        if missing:
            who = self.closer.couple.partner(missing[0])  # type: ignore[arg-type]
            turns.warn(f"{who.name} hasn't had a turn in this step yet: share, or pass (ctrl+o).")
            turns.focus_text()
            self._ask()
            return
        turns.warn("")
        if self.step_index == len(self.steps) - 1:
            self._finish()
            return
        self.step_index += 1
        self.had_turn = set()
        self._show_step()
        self.committed()  # the reading's place is kept too

    def pick_up(self, kept: Outcome) -> bool:
        """After an interruption: what was shared, at the step the couple had reached."""
        reached = kept.data.get("steps_reached", 1)
        if not isinstance(reached, int) or not 1 <= reached <= len(self.steps):
            return False
        self.entries = list(kept.entries)
        self.step_index = reached - 1
        here = [entry for entry in self.entries if entry.parts.get("step") == self.step.id]
        self.had_turn = {entry.who for entry in here if entry.who != "both"}
        self.turns.carry_on_after([entry.who for entry in here])
        self._show_step()
        return True

    def _finish(self) -> None:
        pending = self.pending(completed=True)
        if pending is not None:
            self.report(*pending)
        self.forget()
        self.finished = True
        self.turns.display = False
        self.query_one("#dtr-next").display = False
        self.query_one("#dtr-safety").display = False
        end = self.query_one("#dtr-end", Static)
        couple = self.closer.couple
        end.update(
            Text.assemble(
                (self.saved_then("Thank you, "), "bold"),
                named_together(couple.first, couple.second),
                (".", "bold"),
                ("\n\nPress r for another reading.\n\n", ""),
                (self.closer.library.dtr_credit, "dim"),
            )
        )
        end.display = True
        self.query_one("#dtr-step", Static).update(Text("● ● ● ● ●   All five steps", "bold"))
        self.can_focus = True
        self.focus()

    def action_again(self) -> None:
        if not self.finished:
            return
        self.finished = False
        self.step_index = 0
        self._started_at = self.closer.now()
        self.turns.display = True
        self.query_one("#dtr-next").display = True
        self.query_one("#dtr-end").display = False
        self.can_focus = False
        self._show_step()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "again":
            return self.finished
        if action == "next_step":
            return not self.finished
        return True

    # -- saving ------------------------------------------------------------------

    def pending(self, completed: bool = False) -> tuple[Outcome, datetime] | None:
        if self._started_at is None or self.finished:
            return None
        entries = list(self.entries)
        turns = self.turns
        if turns.has_draft():
            draft = turns.draft()
            # A half-written complaint without its request is not kept: that is the rule.
            if turns.problem(draft) is None:
                entries.append(self._entry(draft))
        if not entries:
            return None
        outcome = self.untimed_outcome(
            TITLE,
            self._started_at,
            completed=completed,
            entries=entries,
            data={"steps_reached": self.step_index + 1},
        )
        return outcome, self._started_at

    def forget(self) -> None:
        self.entries = []
        self.had_turn = set()
        if not self.finished and self.is_mounted:
            self.turns.clear_draft()

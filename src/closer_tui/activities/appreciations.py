"""Specific appreciations, in turn: what they did, when, and why it mattered.

Each partner says theirs aloud and writes it down; then both lists appear side
by side, each in its writer's colour. Options: ``count`` appreciations each
(1 unless a plan or the ritual says otherwise); "add another" is always there.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from closer_tui.core.models import PARTNER_KEYS, Entry, Outcome
from closer_tui.widgets.partner import named
from closer_tui.widgets.side_by_side import SideBySide
from closer_tui.widgets.turn_entry import Turn, TurnEntry
from closer_tui.widgets.turns_activity import TurnsActivity

TITLE = "Appreciations"


class AppreciationsActivity(TurnsActivity):
    """Options: ``count`` each (default 1; the appreciation ritual asks for 3)."""

    KIND = "appreciations"
    SHOWN_AFTER = ("#ap-lists", "#ap-after")

    DEFAULT_CSS = """
    AppreciationsActivity { padding: 0 2; }
    AppreciationsActivity #ap-intro { color: $text-muted; height: auto; margin: 0 0 1 0; }
    AppreciationsActivity .ap-list {
        width: 1fr; height: auto; padding: 0 1; margin: 0 1 0 0; border: round $primary;
    }
    AppreciationsActivity #ap-after { height: auto; margin: 1 0; color: $text-muted; }
    """

    BINDINGS = [
        Binding("a", "add_another", "Add another"),
        Binding("d", "done", "Done, save"),
    ]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        count = self.options.get("count", 1)
        self.count = count if isinstance(count, int) and count >= 1 else 1
        self.stage = "writing"
        """``writing``, ``revealed`` (both lists shown) or ``saved``."""

    def compose(self) -> ComposeResult:
        yield Static(self.closer.library.appreciation.intro, id="ap-intro")
        yield TurnEntry(self.closer.couple, self._on_turn, speaks="appreciates", listens="receives")
        yield SideBySide(id="ap-lists", panel="ap-list")
        yield Static("", id="ap-after")

    def begin(self) -> None:
        self._ask()

    def given(self, key: str) -> int:
        return sum(1 for entry in self.entries if entry.who == key)

    def _ask(self) -> None:
        library = self.closer.library.appreciation
        turns = self.turns
        me = self.closer.couple.partner(turns.speaker)
        number = self.given(turns.speaker) + 1
        example = library.examples[len(self.entries) % len(library.examples)]
        prompt = Text.assemble(named(me), f": appreciation {number} of {self.count}")
        hint = (
            f"{' '.join(library.prompts[:3])}\n"
            f'Not just "{example.generic}" but "{example.specific}"'
        )
        turns.ask(prompt, hint)

    def _on_turn(self, turn: Turn) -> None:
        self.entries.append(
            Entry(
                who=turn.who,
                prompt=f"Appreciation {self.given(turn.who) + 1}",
                text=turn.text,
                passed=turn.passed,
            )
        )
        self._next_turn()

    def _next_turn(self) -> None:
        if all(self.given(key) >= self.count for key in PARTNER_KEYS):
            self._reveal()
        else:
            # Whoever has fewer goes next, so "add another" and passes stay fair.
            turns = self.turns
            lagging = min(PARTNER_KEYS, key=lambda key: (self.given(key), key != turns.speaker))
            turns.speaker = lagging
            self._ask()

    def pick_up(self, kept: Outcome) -> bool:
        """After an interruption: the appreciations already said, and the next turn."""
        count = kept.data.get("count")
        if isinstance(count, int) and count > self.count:
            self.count = count
        self.entries = list(kept.entries)
        if self.entries:
            self.turns.carry_on_after([entry.who for entry in self.entries])
        self._next_turn()
        return True

    def _reveal(self) -> None:
        self.stage = "revealed"
        self.turns.display = False
        couple = self.closer.couple
        lists = self.query_one(SideBySide)
        for key in PARTNER_KEYS:
            text = Text("\n")
            for entry in (e for e in self.entries if e.who == key):
                if entry.passed:
                    text.append("\n· passed\n", style="dim")
                else:
                    text.append(f"\n• {entry.text}\n")
            lists.show(couple, key, text)
        lists.display = True
        after = self.query_one("#ap-after", Static)
        after.update("Press d to save these, or a for one more each.")
        after.display = True
        self.can_focus = True
        self.focus()
        self.refresh_bindings()

    def action_add_another(self) -> None:
        if self.stage != "revealed":
            return
        self.count += 1
        self.stage = "writing"
        self.can_focus = False
        self.hide_after()
        turns = self.turns
        turns.display = True
        turns.speaker = "first"
        self._ask()
        self.refresh_bindings()

    def action_done(self) -> None:
        if self.stage != "revealed" or not self.report_pending():
            return
        self.stage = "saved"
        self.query_one("#ap-after", Static).update(self.saved_then("Thank you both."))
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("add_another", "done"):
            return self.stage == "revealed"
        return True

    def pending(self) -> tuple[Outcome, datetime] | None:
        if self._started_at is None or self.stage == "saved":
            return None
        entries = list(self.entries)
        if self.stage == "writing" and self.turns.has_draft():
            draft = self.turns.draft()
            entries.append(
                Entry(
                    who=draft.who,
                    prompt=f"Appreciation {self.given(draft.who) + 1}",
                    text=draft.text,
                )
            )
        if not entries:
            return None
        outcome = self.untimed_outcome(
            TITLE,
            self._started_at,
            completed=all(self.given(key) >= self.count for key in PARTNER_KEYS),
            entries=entries,
            data={"count": self.count},
        )
        return outcome, self._started_at

    def forget(self) -> None:
        self.entries = []
        if self.is_mounted:
            self.turns.clear_draft()

"""The close of a guided session: what you did, for how long, what each of you wrote."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from closer_tui.core.insights import recorded_seconds
from closer_tui.core.models import Outcome, SessionRecord
from closer_tui.core.words import duration_words, skipped, step_words
from closer_tui.screens.base import CloserScreen
from closer_tui.widgets.entries import entries_block
from closer_tui.widgets.footer import CalmFooter

if TYPE_CHECKING:
    pass


MEANINGS = {"✓": "✓ done together", "–": "– skipped"}
"""What each mark means, said under the steps: the same marks as the session's step list."""


def mark(step: Outcome) -> str:
    return "–" if skipped(step) else "✓"


def closing_word(record: SessionRecord) -> str:
    if record.completed:
        return "That was the whole plan. Thank you for making this time for each other."
    return "Thank you for making time for each other tonight. Rest well."


def steps_block(steps: list[Outcome], together: float) -> Text:
    """Each step with its mark and its time, the total, and what the marks mean."""
    text = Text()
    width = max((len(step.title) for step in steps), default=0)
    for step in steps:
        # The times in one column, so each reads beside its step.
        line = f"{mark(step)} {step.title.ljust(width)}"
        text.append(line, style="dim" if skipped(step) else "")
        text.append(f"  {step_words(step)}\n", style="dim")
    text.append(f"Together: {duration_words(together)}", style="bold")
    shown = dict.fromkeys(mark(step) for step in steps)  # in order, each once
    if shown:
        text.append("\n" + "   ".join(MEANINGS[each] for each in shown), style="dim")
    return text


class SummaryScreen(CloserScreen[None]):
    BINDINGS = [
        Binding("escape,enter", "app.pop_screen", "Home"),
    ]

    DEFAULT_CSS = """
    SummaryScreen VerticalScroll { padding: 1 2; }
    SummaryScreen .block { margin: 0 0 1 0; height: auto; }
    """

    SUB_TITLE = "Tonight"

    def __init__(self, record: SessionRecord) -> None:
        super().__init__()
        self.record = record

    def compose(self) -> ComposeResult:
        record = self.record
        couple = self.closer.couple
        yield Header()
        with VerticalScroll():
            yield Static(Text(closing_word(record), style="bold"), classes="block")
            yield Static(steps_block(record.steps, recorded_seconds(record)), classes="block")
            written = [entry for step in record.steps for entry in step.entries]
            if written:
                yield Static(
                    Group(Text("What you shared", style="bold"), entries_block(couple, written)),
                    classes="block",
                )
            yield Static(Text("Saved to your history. Press enter to go home.", style="dim"))
        yield CalmFooter()

    def on_mount(self) -> None:
        self.title = self.record.title

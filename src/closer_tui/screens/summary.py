"""The close of a guided session: what you did, for how long, what each of you wrote."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from closer_tui.core.clock import format_mmss
from closer_tui.core.models import SessionRecord
from closer_tui.widgets.entries import entries_block
from closer_tui.widgets.footer import CalmFooter

if TYPE_CHECKING:
    from closer_tui.app import CloserApp


def closing_word(record: SessionRecord) -> str:
    if record.completed:
        return "That was the whole plan. Thank you for making this time for each other."
    return "You made time for each other tonight, and that is what counts. Rest well."


class SummaryScreen(Screen[None]):
    BINDINGS = [
        Binding("escape,enter", "app.pop_screen", "Home"),
    ]

    DEFAULT_CSS = """
    SummaryScreen VerticalScroll { padding: 1 2; }
    SummaryScreen .block { margin: 0 0 1 0; height: auto; }
    """

    def __init__(self, record: SessionRecord) -> None:
        super().__init__()
        self.record = record

    @property
    def closer(self) -> CloserApp:
        return cast("CloserApp", self.app)

    def compose(self) -> ComposeResult:
        record = self.record
        couple = self.closer.couple
        yield Header()
        with VerticalScroll():
            yield Static(Text(closing_word(record), style="bold"), classes="block")
            steps = Text()
            for step in record.steps:
                mark = "✓" if step.completed else ("–" if step.data.get("skipped") else "·")
                steps.append(f"{mark} {step.title}", style="" if step.completed else "dim")
                steps.append(f"  {format_mmss(step.actual_seconds)}\n", style="dim")
            steps.append(f"Together: {format_mmss(record.actual_seconds)}", style="bold")
            yield Static(steps, classes="block")
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
        self.sub_title = "Tonight"

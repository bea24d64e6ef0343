"""A yes-or-no question, asked kindly."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Button, Static

from closer_tui.screens.dialog import Dialog


class ConfirmScreen(Dialog[bool]):
    """Returns True for yes. Escape means no."""

    BINDINGS = [Binding("escape", "dismiss(False)", "No")]

    def __init__(self, question: str, *, yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self.question = question
        self.yes = yes
        self.no = no

    def contents(self) -> ComposeResult:
        yield Static(self.question)
        with Horizontal():
            yield Button(self.no, id="no", variant="primary")
            yield Button(self.yes, id="yes", variant="error")

    def on_mount(self) -> None:
        self.query_one("#no").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

"""Leaving with something unsaved: save it, don't save this one, or stay."""

from __future__ import annotations

from typing import Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

LeaveChoice = Literal["save", "discard", "stay"]


class LeaveScreen(ModalScreen[LeaveChoice]):
    """Asks once; nothing is kept unless the couple says save."""

    BINDINGS = [
        Binding("escape", "dismiss('stay')", "Stay"),
        Binding("s", "dismiss('save')", "Save"),
        Binding("d", "dismiss('discard')", "Don't save"),
    ]

    DEFAULT_CSS = """
    LeaveScreen { align: center middle; }
    LeaveScreen > Vertical {
        width: auto; max-width: 70; height: auto;
        border: round $primary; background: $surface; padding: 1 2;
    }
    LeaveScreen Horizontal { height: auto; width: auto; margin: 1 0 0 0; }
    LeaveScreen Button { margin: 0 1 0 0; }
    """

    def __init__(self, what: str = "this") -> None:
        super().__init__()
        self.what = what

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(f"Save {self.what} to your history before you go?")
            with Horizontal():
                yield Button("Save", id="save", variant="primary")
                yield Button("Don't save this one", id="discard")
                yield Button("Stay", id="stay")

    def on_mount(self) -> None:
        self.query_one("#save").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)  # type: ignore[arg-type]

"""Leaving with something unsaved: save it, don't save this one, or stay."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, Protocol, runtime_checkable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Button, Static

from closer_tui.screens.dialog import Dialog

LeaveChoice = Literal["save", "discard", "stay"]


@runtime_checkable
class HoldsWork(Protocol):
    """A screen that may hold something only in memory when the couple quits."""

    def ask_before_quit(self, quit: Callable[[], None]) -> bool:
        """Keep what can be kept; True if it asks first (then ``quit`` is called once settled)."""
        ...


class LeaveScreen(Dialog[LeaveChoice]):
    """Asks once; nothing is kept unless the couple says save."""

    BINDINGS = [
        Binding("escape", "dismiss('stay')", "Stay"),
        Binding("s", "dismiss('save')", "Save"),
        Binding("d", "dismiss('discard')", "Don't save"),
    ]

    def __init__(
        self,
        what: str = "this",
        *,
        save: str = "Save",
        discard: str = "Don't save this one",
        stay: str = "Stay",
        first: LeaveChoice = "save",
    ) -> None:
        """``first`` is the button enter presses: staying, where a stray key must not end much."""
        super().__init__()
        self.what = what
        self.labels = {"save": save, "discard": discard, "stay": stay}
        self.first = first

    def contents(self) -> ComposeResult:
        yield Static(f"Save {self.what} to your history before you go?")
        with Horizontal():
            yield Button(self.labels["save"], id="save", variant="primary")
            yield Button(self.labels["discard"], id="discard")
            yield Button(self.labels["stay"], id="stay")

    def on_mount(self) -> None:
        self.query_one(f"#{self.first}").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)  # type: ignore[arg-type]

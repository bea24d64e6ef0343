"""A question only the two of you can say yes to: each presses their own key, f and j.

For what one partner alone must never do to the couple's shared history:
deleting a session, turning the lock off, taking away a passphrase. It is the
both-ready gate (:class:`~closer_tui.widgets.both_ready.PartnerGate`) without
its ``space`` for both: here one driver cannot answer for the other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from closer_tui.screens.dialog import Dialog
from closer_tui.widgets.both_ready import EachOwnKey

if TYPE_CHECKING:
    from closer_tui.core.models import Couple


class BothAgree(EachOwnKey):
    """Through only once each partner pressed their own key; no ``space`` for both."""

    IS_IN = " agrees"
    HINT = "escape keeps everything as it is"


class BothAgreeScreen(Dialog[bool]):
    """Dismisses True once both partners pressed their key; escape means no."""

    BINDINGS = [Binding("escape", "dismiss(False)", "Keep it")]

    DEFAULT_CSS = """
    BothAgreeScreen > Vertical { max-width: 72; border: round $error; }
    """

    def __init__(self, question: str, couple: Couple, *, prompt: str) -> None:
        super().__init__()
        self.question = question
        self.couple = couple
        self.prompt = prompt

    def contents(self) -> ComposeResult:
        yield Static(self.question, id="question")
        yield BothAgree(self.couple, prompt=self.prompt)

    def on_mount(self) -> None:
        self.query_one(BothAgree).focus()

    def on_each_own_key_through(self, event: EachOwnKey.Through) -> None:
        event.stop()
        self.dismiss(True)

"""The small centred box that asks one question: its look, written once.

A yes-or-no (``ConfirmScreen``), the question before leaving (``LeaveScreen``), the
both-keys "yes" (``BothAgreeScreen``) and "keep which one?" (``KeepPicker``) are the same
box with different contents; a new short question should be one too. The box is drawn
here: a dialog says only what goes in it, in :meth:`Dialog.contents`.
"""

from __future__ import annotations

from typing import TypeVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen

ResultT = TypeVar("ResultT")


class Dialog(ModalScreen[ResultT]):
    """A question in a bordered box in the middle of the screen: the words in a ``Vertical``,
    its buttons in a ``Horizontal`` under them."""

    DEFAULT_CSS = """
    Dialog { align: center middle; }
    Dialog > Vertical {
        width: auto; max-width: 70; height: auto;
        border: round $primary; background: $surface; padding: 1 2;
    }
    Dialog > Vertical > Horizontal { height: auto; width: auto; margin: 1 0 0 0; }
    Dialog > Vertical > Horizontal > Button { margin: 0 1 0 0; }
    """

    def compose(self) -> ComposeResult:
        with Vertical():
            yield from self.contents()

    def contents(self) -> ComposeResult:
        """What the box holds, top to bottom: the question, then its answers."""
        raise NotImplementedError


class WideDialog(Dialog[ResultT]):
    """A dialog with room for a path or a code to read: 70 columns, or all there is."""

    DEFAULT_CSS = """
    WideDialog > Vertical { width: 70; max-width: 100%; }
    WideDialog .hint { color: $text-muted; }
    """

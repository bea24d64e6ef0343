"""The small centred box that asks one question: its look, written once.

A yes-or-no (``ConfirmScreen``) and the question before leaving (``LeaveScreen``) are the
same box with different buttons; a new short question should be one too.
"""

from __future__ import annotations

from typing import TypeVar

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


class WideDialog(Dialog[ResultT]):
    """A dialog with room for a path or a code to read: 70 columns, or all there is."""

    DEFAULT_CSS = """
    WideDialog > Vertical { width: 70; max-width: 100%; }
    WideDialog .hint { color: $text-muted; }
    """

"""A checkbox whose tick reads without colour."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Checkbox

TICK = "✓"
"""The one mark for "ticked", wherever closer ticks something."""


class TickBox(Checkbox):
    """Shows ✓ when ticked and an empty box when not.

    Textual draws an X in both states and tells them apart by colour alone, so on a
    monochrome terminal, with NO_COLOR set or to a colour-blind partner an unticked
    box looked ticked. The box with the focus underlines its words, for the same reason.
    """

    DEFAULT_CSS = """
    TickBox:focus > .toggle--label { text-style: bold underline; }
    """

    def render(self) -> Content:
        self.BUTTON_INNER = TICK if self.value else " "
        return super().render()

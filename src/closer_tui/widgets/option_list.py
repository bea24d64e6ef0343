"""OptionList, made safe for page keys in a terminal too small to draw it."""

from __future__ import annotations

from textual import _widget_navigation
from textual.widgets import OptionList


class CalmOptionList(OptionList):
    """An OptionList whose page up and page down wait until it has been laid out.

    Textual 8.2.8 reads the line of the highlighted option before a list with
    no room to draw has any lines, and raises KeyError (found at 30x10 by
    tests/ui/test_small_terminals.py).
    """

    def _move_page(self, direction: _widget_navigation.Direction) -> None:
        if (self.highlighted or 0) in self._index_to_line and self._lines:
            super()._move_page(direction)

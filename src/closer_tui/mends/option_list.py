"""Mend: an OptionList's page keys wait until the list has room to draw.

Written for Textual 8.2.8, with public API alone (``scrollable_content_region``,
``action_page_up``/``action_page_down``), so it holds on any version.

Textual 8.2.8 lays out a list's lines only once it has room to draw them
(``OptionList._update_lines`` returns early on an empty content region); a
page key before then reads the line of the highlighted option and raises
KeyError (found at 30x10 by tests/ui/test_small_terminals.py, and in the
command palette by tests/ui/test_fuzz.py: ctrl+p then pagedown in one read).
A page key on a list with no room has nothing to move through, so it waits.

Offered upstream: in ``OptionList._move_page``, return when
``self._index_to_line`` lacks the highlighted option (or when the content
region is empty), as it already does when there are no options.
"""

from __future__ import annotations

from textual.widgets import OptionList


def has_room(options: OptionList) -> bool:
    """Whether ``options`` has room to draw, and so has lines a page key can move through."""
    return bool(options.scrollable_content_region)


class PageSafeOptionList(OptionList):
    """An OptionList whose page keys do nothing until it has room to draw."""

    def action_page_up(self) -> None:
        if has_room(self):
            super().action_page_up()  # type: ignore[no-untyped-call]

    def action_page_down(self) -> None:
        if has_room(self):
            super().action_page_down()  # type: ignore[no-untyped-call]

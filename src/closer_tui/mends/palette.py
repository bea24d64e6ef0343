"""Mends: Textual's command palette, steady under fast keys.

Written for Textual 8.2.8. Two gaps, found by tests/ui/test_fuzz.py:

1. Page keys before the list has room (public API, any version). The palette
   passes pagedown/pageup to its ``CommandList``, an ``OptionList`` that raises
   KeyError when paged before it has room to draw (ctrl+p then pagedown in
   one read). The palette binds those keys itself and pages only a list with
   room (:func:`closer_tui.mends.option_list.has_room`). Offered upstream: the
   ``OptionList._move_page`` guard in :mod:`closer_tui.mends.option_list`
   mends both.

2. A search finishing after the palette closed (private API, 8.2.8 only: the
   ``_gather_commands`` worker, its ``_GATHER_COMMANDS_GROUP``, and the
   undecorated coroutine behind ``@work``'s ``__wrapped__``). A search still
   running when the palette is dismissed looks up its result list after that
   list is gone, and the app stops with NoMatches. Here, that one failure of a
   palette no longer attached is let go; any other failure still raises. On
   other versions the search is Textual's own. Offered upstream: in
   ``CommandPalette._gather_commands``, return when ``query(CommandList)`` is
   empty (the palette was closed) instead of ``query_one``.
"""

from __future__ import annotations

from functools import partial

from textual.binding import Binding
from textual.command import CommandList, CommandPalette
from textual.css.query import NoMatches
from textual.worker import Worker

from closer_tui.mends import in_force
from closer_tui.mends.option_list import has_room


class SteadyCommandPalette(CommandPalette):
    """Textual's palette, whose page keys and closing never fail under fast keys."""

    BINDINGS = [
        Binding("pagedown", "page(1)", "Next page", show=False),
        Binding("pageup", "page(-1)", "Previous page", show=False),
    ]

    def action_page(self, direction: int) -> None:
        """Page the list of places, once it has room to draw."""
        commands = self.query_one(CommandList)
        if has_room(commands):
            if direction > 0:
                commands.action_page_down()  # type: ignore[no-untyped-call]
            else:
                commands.action_page_up()  # type: ignore[no-untyped-call]

    def _gather_commands(self, search_value: str) -> Worker[None]:
        if not in_force():
            return super()._gather_commands(search_value)
        return self.run_worker(
            # A callable, not a coroutine: a search cancelled before it starts is never awaited.
            partial(self._gather_steadily, search_value),
            exclusive=True,
            group=CommandPalette._GATHER_COMMANDS_GROUP,
        )

    async def _gather_steadily(self, search_value: str) -> None:
        try:
            await CommandPalette._gather_commands.__wrapped__(self, search_value)  # type: ignore[attr-defined]
        except NoMatches:
            if self.is_attached and self.query(CommandList):
                raise

"""closer's footer: compact, keeping the keys that matter most when the row is short."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.screen import Screen

from closer_tui.mends.footer import RoomyFooter


def screen_keys(screen: Screen[Any]) -> list[tuple[str, str]]:
    """(key, what it does) for every key of this screen its footer would show, in its order.

    Help lists these, so a key the footer has no room for is still one ``?`` away. The
    keys that work everywhere are left out: help has its own table of those.
    """
    seen: set[str] = set()
    keys: list[tuple[str, str]] = []
    for active in screen.active_bindings.values():
        binding = active.binding
        if binding.show and not isinstance(active.node, App) and binding.action not in seen:
            seen.add(binding.action)
            keys.append((screen.app.get_key_display(binding), binding.description))
    return keys


class CalmFooter(RoomyFooter):
    """Every key where the row has room; where it has not, the least particular go first
    (:mod:`closer_tui.mends.footer`), and ``? Help`` lists them all. Compact by default:
    one space between keys leaves room for more of them.
    """

    def __init__(
        self, *, show_command_palette: bool = True, compact: bool = True, at_once: bool = False
    ) -> None:
        """``at_once``: its keys in the screen's first frame, for the first screen closer
        shows (home, the welcome, the lock), where they would wait behind the store."""
        super().__init__(show_command_palette=show_command_palette, compact=compact)
        self.keys_at_once = at_once

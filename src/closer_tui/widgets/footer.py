"""Textual's footer, keeping the keys that matter most when the row is too short for all."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

HELP_ACTION = "help"
"""``?`` lists every key of the screen, so it is the one key a short footer always keeps."""


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


class CalmFooter(Footer):
    """Every key where the row has room; where it has not, the least particular go first.

    What goes first: the ``^p palette`` hint (ctrl+p works anyway, and help names it),
    then the keys that work everywhere (``^l Hide``), then the screen's own common keys
    (``esc Back``, ``] Tabs``, last first), and only then the keys of what is on the
    screen, last first. ``? Help`` always stays, and lists them all. Compact by default:
    one space between keys leaves room for more of them.
    """

    DEFAULT_CSS = """
    CalmFooter FooterKey.-no-room { display: none; }
    """

    def __init__(self, *, show_command_palette: bool = True, compact: bool = True) -> None:
        super().__init__(show_command_palette=show_command_palette, compact=compact)

    async def recompose(self) -> None:
        # Other keys (the focus moved, a stage changed): measure once they are mounted.
        await super().recompose()
        self.call_after_refresh(self._make_room)

    def on_resize(self) -> None:
        self._make_room()

    def _make_room(self) -> None:
        keys: list[Widget] = list(self.query_children("FooterKey"))
        if not keys or not self.size.width:
            return
        room = self.size.width
        widths = {key: self._width(key) for key in keys}
        others = [key for key in keys if not key.has_class("-command-palette")]
        # The last key's right margin may run past the edge: it is only space.
        slack = others[-1].styles.margin.right if others else 0
        needed = sum(widths[key] for key in others) - slack
        hidden: set[Widget] = set()
        for key in self._first_to_go(keys):
            palette = [k for k in keys if k.has_class("-command-palette") and k not in hidden]
            if needed + sum(widths[k] for k in palette) <= room:
                break
            hidden.add(key)
            if not key.has_class("-command-palette"):
                needed -= widths[key]
        for key in keys:
            key.set_class(key in hidden, "-no-room")

    def _width(self, key: Widget) -> int:
        """The cells ``key`` takes in the row, margins and border included."""
        styles = key.styles
        content = key.get_content_width(self.size, self.app.size)
        return content + styles.gutter.width + styles.margin.width

    def _first_to_go(self, keys: list[Widget]) -> list[Widget]:
        """The keys in the order they give up their place; help is never among them."""
        active = self.screen.active_bindings

        def generality(key: Widget) -> int:
            if key.has_class("-command-palette"):
                return 0
            # Textual's FooterKey keeps the key it shows (public attribute, private class).
            bound = active.get(getattr(key, "key", ""))
            node = bound.node if bound else None
            if isinstance(node, App):
                return 1
            return 2 if isinstance(node, Screen) else 3

        order = [key for key in keys if getattr(key, "action", "") != HELP_ACTION]
        return sorted(reversed(order), key=generality)

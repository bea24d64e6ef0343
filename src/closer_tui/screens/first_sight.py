"""Keys typed before a screen was on the terminal are not for it.

Opening a practice can take most of a second on a slow laptop. A couple who
pressed 7 again, seeing nothing happen yet, had the second 7 typed into the
appreciation box of a screen they had not seen. Textual stamps every key with
the moment it was read from the terminal; the app notes the moment each
screen is first drawn, and drops any key typed before the screen it would
reach was there to see. The keys that work everywhere (hide the screen,
quit) are never dropped.

Written for Textual 8.2.8, with its public API only: the app's
``screen_change_signal``, each screen's ``screen_layout_refresh_signal``
(published as soon as it has painted its layout), ``call_after_refresh`` (in
case a screen shown again is not laid out anew), and each event's ``time``.
"""

from __future__ import annotations

from math import inf
from typing import Any
from weakref import WeakSet

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen


def keys_that_work_everywhere(app: App[Any]) -> frozenset[str]:
    """The app's own priority keys (ctrl+l hides the screen), Textual's included."""
    keys: set[str] = set()
    for cls in type(app).__mro__:
        for binding in vars(cls).get("BINDINGS", []):
            if isinstance(binding, Binding) and binding.priority:
                keys.update(key.strip() for key in binding.key.split(","))
    return frozenset(keys)


class FirstSight(App[None]):
    """An app whose screens hear only the keys typed once they were drawn."""

    _screen_in_sight: Screen[Any] | None = None
    _drawn_at: float = inf
    """When the screen in sight was first drawn, on the clock events are stamped with."""

    def _on_mount(self, event: events.Mount) -> None:
        self._everywhere = keys_that_work_everywhere(self)
        self._watched: WeakSet[Screen[Any]] = WeakSet()
        # Immediate: the moment the screen changes, before any waiting key is read.
        self.screen_change_signal.subscribe(self, self._screen_changed, immediate=True)
        self._screen_changed(self.screen)

    def _screen_changed(self, screen: Screen[Any]) -> None:
        self._screen_in_sight = screen
        self._drawn_at = inf
        if screen not in self._watched:
            self._watched.add(screen)
            screen.screen_layout_refresh_signal.subscribe(self, self._drawn, immediate=True)
        screen.call_after_refresh(self._drawn, screen)

    def _drawn(self, screen: Screen[Any]) -> None:
        if screen is self._screen_in_sight and self._drawn_at == inf:
            self._drawn_at = Message().time  # the clock Textual stamps each key with

    def typed_unseen(self, key: events.Key) -> bool:
        """Was ``key`` typed before the screen it would reach was drawn?"""
        return key.time < self._drawn_at and key.key not in self._everywhere

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded and self.typed_unseen(event):
            return
        await super().on_event(event)

"""Mend: a footer too short for all its keys gives up the least particular, not the last.

Written for Textual 8.2.8 (private API: the footer's ``FooterKey`` widgets, found
by their class name, their ``-command-palette`` class and their ``key`` and
``action`` attributes, and its ``_bindings_ready``; applies only on that version,
see :func:`in_force`).

Textual 8.2.8's ``Footer`` lays its keys out in one row and cuts off whatever
runs past its right edge, half a key included, whatever that key is. Here,
where the row has no room for every key, whole keys go in an order: the
``^p palette`` hint first (ctrl+p works anyway), then the keys that work
everywhere (the app's), then the screen's own, and only then the keys of what
is on the screen, last first. The key bound to :data:`KEEP_ACTION` always
stays. On other versions, the footer is Textual's own.

Textual 8.2.8's ``Footer`` also composes empty and waits for the screen's
bindings signal to compose its keys, a frame or two after the screen's first;
where ``keys_at_once`` is set (the first screen closer shows), the keys are
composed with the screen, whose bindings are known by then. Elsewhere its
words come first: the keys cost a pushed screen 20-40 ms.

Offered upstream: a ``Binding`` priority for the footer (say ``footer_rank``)
and a ``Footer`` that hides, whole, the lowest-ranked keys that do not fit; and
a ``Footer`` that composes its keys at once when its screen is composed.
``Footer(show_command_palette=False)`` (public) drops the palette hint for
good; closer keeps it where there is room for it.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

from closer_tui.mends import in_force

KEEP_ACTION = "help"
"""``?`` lists every key of the screen, so it is the one key a short footer always keeps."""


class RoomyFooter(Footer):
    """A footer that hides whole keys, least particular first, where the row is short."""

    DEFAULT_CSS = """
    RoomyFooter FooterKey.-no-room { display: none; }
    """

    _composed: tuple[object, ...] | None = None
    """What the keys now mounted were composed from (see :meth:`_keys_to_show`)."""

    keys_at_once = False
    """Whether the keys are drawn in the screen's first frame (see :meth:`compose`)."""

    def compose(self) -> ComposeResult:
        if self.keys_at_once and in_force() and self.is_attached:
            # Textual's Footer composes empty, waits for the screen's bindings to
            # be announced, and composes again a frame or two later: on the first
            # screen closer shows, 0.1 s later, behind the store opening. Its
            # screen's bindings are known already.
            self.set_reactive(Footer._bindings_ready, True)
        self._composed = self._keys_to_show()
        return super().compose()

    async def recompose(self) -> None:
        # Textual recomposes whenever the bindings may have changed (each focus
        # change, each screen mount): two or three times before a screen's
        # first frame, mostly to the very same keys. Only other keys (a stage
        # changed, a box took the focus) are composed again, and measured once
        # they are mounted.
        if self._keys_to_show() == self._composed:
            return
        await super().recompose()
        self.call_after_refresh(self._make_room)

    def _keys_to_show(self) -> tuple[object, ...]:
        """Everything ``Footer.compose`` reads, from public API: equal means the same keys."""
        if not self._bindings_ready or not self.is_attached:
            return ()
        app = self.app
        return (
            self.show_command_palette and app.ENABLE_COMMAND_PALETTE,
            self.combine_groups,
            *(
                (key, binding, enabled, tooltip, app.get_key_display(binding))
                for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items()
                if binding.show or key == app.COMMAND_PALETTE_BINDING
            ),
        )

    def on_resize(self) -> None:
        self._make_room()

    def _make_room(self) -> None:
        if not in_force():
            return
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
            bound = active.get(getattr(key, "key", ""))
            node = bound.node if bound else None
            if isinstance(node, App):
                return 1
            return 2 if isinstance(node, Screen) else 3

        order = [key for key in keys if getattr(key, "action", "") != KEEP_ACTION]
        return sorted(reversed(order), key=generality)

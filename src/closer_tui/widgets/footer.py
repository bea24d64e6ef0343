"""Textual's footer, giving up the palette's corner when the keys need the room."""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Footer


class CalmFooter(Footer):
    """Keys first; the ``^p palette`` hint only where it fits beside them.

    Textual docks the palette hint over the right end of the key list, so on
    a terminal too narrow for both the two were drawn over each other. The
    palette stays one key away (and in help) when its hint is hidden.
    """

    DEFAULT_CSS = """
    CalmFooter.-crowded FooterKey.-command-palette { display: none; }
    """

    _palette_room = 0
    """The cells the palette hint takes at the right, once seen."""

    async def recompose(self) -> None:
        # Other keys (the focus moved, a stage changed): measure once they are laid out.
        await super().recompose()
        self.call_after_refresh(self._make_room)

    def on_resize(self) -> None:
        self._make_room()

    def _make_room(self) -> None:
        keys: list[Widget] = list(self.query("FooterKey"))
        palette = [key for key in keys if key.has_class("-command-palette")]
        others = [key for key in keys if key not in palette]
        if palette and palette[0].display and palette[0].region:
            self._palette_room = self.region.right - palette[0].region.x
        needed = max((key.region.right + key.styles.margin.right for key in others), default=0)
        self.set_class(needed > self.region.right - self._palette_room, "-crowded")

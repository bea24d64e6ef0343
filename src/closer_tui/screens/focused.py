"""Textual's compositor, drawing in a partial update only what that update can show.

When one widget changes, Textual repaints the screen region it covers. Its
compositor (as of the pinned textual 8.2.8) then asks every widget whose
*container* overlaps that region for all of its visible lines, and keeps
the lines inside the region. A countdown's digits changing once a second
thus redraws the header, the footer, the tabs and every line of text beside
the digits, for nothing: on the hug's screen, that was most of the CPU a
running timer used.

This one asks only the widgets that show inside the region, and only for
the rows it spans. What reaches the terminal is the same, row for row
(``tests/ui/test_focused_compositor.py`` checks it against Textual's own
on real screens); a full repaint (no region) is left to Textual as it is.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual._compositor import Compositor
from textual.geometry import Region
from textual.screen import Screen
from textual.strip import Strip


class FocusedCompositor(Compositor):
    def _get_renders(
        self, crop: Region | None = None
    ) -> Iterable[tuple[Region, Region, list[Strip]]]:
        if crop is None:
            yield from super()._get_renders(crop)
            return
        for widget, (region, clip) in self.visible_widgets.items():
            shown = region.intersection(clip)
            # The rows of the update, across the widget's whole visible width:
            # the update's lines are sent whole, cut into the same pieces.
            shown = shown.intersection(Region(shown.x, crop.y, shown.width, crop.height))
            if shown:
                local = shown.translate(-region.offset)
                yield region, shown, widget.render_lines(local)


def draw_only_what_changes(screen: Screen[Any]) -> None:
    """Give ``screen`` the focused compositor; call from its ``__init__``."""
    screen._compositor = FocusedCompositor()

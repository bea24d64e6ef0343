"""Mend: Textual's compositor draws, in a partial update, only what that update shows.

Written for Textual 8.2.8 (private API: ``Compositor._get_renders``,
``Compositor.render_partial_update`` and ``Screen._compositor``; applies only on
that version, see :func:`in_force`).

When one widget changes, Textual repaints the screen region it covers. Its
compositor then asks every widget whose *container* overlaps that region for
all of its visible lines, and keeps the lines inside the region. A countdown's
digits changing once a second thus redraws the header, the footer, the tabs and
every line of text beside the digits, for nothing: on the hug's screen, that
was most of the CPU a running timer used.

This one asks only the widgets that show inside the update's own regions, and
only for the rows they span. Textual passes ``_get_renders`` just the box
around all of an update's regions, but sends the terminal only the regions
themselves: a talk's clock and its turn line under it changing together made a
box that took in the talk's padding, and a session's step list beside the
step; both were drawn each second for nothing. Textual 8.2.8 always passes a
region: a full repaint passes the whole screen, which this serves the same way.
What reaches the terminal is the same, row for row
(``tests/ui/test_focused_compositor.py`` checks it against Textual's own,
partial and full, on real screens and under a toast;
``tests/ui/test_compositor_regions.py`` the bytes of whole updates).

It also leaves out a widget whose rows there are all under widgets in front
of it (a countdown's containers, at each tick): Textual keeps only the
front-most strip for each cell, so those renders were thrown away.

Offered upstream: in ``Compositor._get_renders``, given the update's regions,
intersect each widget's visible region with the rows of the regions it shows
in before ``render_lines``, instead of rendering the whole visible region of
every widget whose clip overlaps the box around them, and skip what the
regions already yielded cover.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual._compositor import ChopsUpdate, Compositor
from textual.geometry import Region
from textual.screen import Screen
from textual.strip import Strip

from closer_tui.mends import in_force


class FocusedCompositor(Compositor):
    """A compositor that renders, for an update, only the rows of it each widget shows,
    and nothing of a widget that the widgets in front of it hide there."""

    _updates: list[Region] | None = None
    """The regions of the partial update being drawn; None for any other render."""

    def render_partial_update(self) -> ChopsUpdate | None:
        # Textual passes on only the box around all the regions; each is kept here.
        self._updates = list(self._dirty_regions)
        try:
            return super().render_partial_update()
        finally:
            self._updates = None

    def _get_renders(
        self, crop: Region | None = None
    ) -> Iterable[tuple[Region, Region, list[Strip]]]:
        # Textual reads no region as the whole screen (8.2.8 itself always passes one).
        rows = self.size.region if crop is None else crop
        # A partial update sends only its own regions' cells (``ChopsUpdate``): a
        # widget beside them in the same rows (a session's step list, a
        # container's padding) is not asked. Otherwise, the update's rows whole.
        updates = self._updates or [Region(0, rows.y, self.size.width, rows.height)]
        hidden = Cover()
        # Front to back, as Textual paints: the first strip for a cell is the one shown.
        for widget, (region, clip) in self.visible_widgets.items():
            visible = region.intersection(clip)
            parts = [part for update in updates if (part := visible.intersection(update))]
            if not parts or all(hidden.covers(part) for part in parts):
                continue
            # Those rows across the widget's whole visible width: Textual cuts
            # each line into pieces at the widgets' edges, and a strip that
            # began inside a piece would be cut in the wrong places.
            top, bottom = min(part.y for part in parts), max(part.bottom for part in parts)
            shown = Region(visible.x, top, visible.width, bottom - top)
            hidden.add(shown)
            local = shown.translate(-region.offset)
            yield region, shown, widget.render_lines(local)


class Cover:
    """The cells that widgets in front have painted, row by row, as merged column spans.

    Every widget paints each cell of its region (Textual blends a background
    with its ancestors', never with what lies behind), so a container whose
    rows here are all under its children has nothing of its own to show: a
    countdown's parents are not rendered at each of its ticks.
    """

    def __init__(self) -> None:
        self._spans: dict[int, list[tuple[int, int]]] = {}

    def covers(self, region: Region) -> bool:
        start, end = region.x, region.right
        for y in range(region.y, region.bottom):
            if not any(a <= start and end <= b for a, b in self._spans.get(y, ())):
                return False
        return True

    def add(self, region: Region) -> None:
        for y in range(region.y, region.bottom):
            spans = [*self._spans.get(y, ()), (region.x, region.right)]
            spans.sort()
            merged = [spans[0]]
            for a, b in spans[1:]:
                last_a, last_b = merged[-1]
                if a <= last_b:
                    merged[-1] = (last_a, max(last_b, b))
                else:
                    merged.append((a, b))
            self._spans[y] = merged


def draw_only_what_changes(screen: Screen[Any]) -> None:
    """Give ``screen`` the focused compositor (on Textual 8.2.8); call from its ``__init__``."""
    if in_force():
        screen._compositor = FocusedCompositor()

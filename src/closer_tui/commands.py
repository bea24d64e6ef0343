"""The command palette: every place in closer, found by name."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from closer_tui.screens.catalog import places

if TYPE_CHECKING:
    from closer_tui.app import CloserApp


class PlacesProvider(Provider):
    """Opens any practice, exercise, plan or page.

    The store opens just after the first frame; a palette opened before then
    waits for it rather than finding nothing.
    """

    @property
    def closer(self) -> CloserApp:
        return cast("CloserApp", self.app)

    async def discover(self) -> Hits:
        await self.closer.opened.wait()
        if self.closer.couple is None:
            return
        for place in places(self.closer):
            yield DiscoveryHit(
                place.title, partial(self.closer.open_place, place.id), help=place.summary
            )

    async def search(self, query: str) -> Hits:
        await self.closer.opened.wait()
        if self.closer.couple is None:
            return
        matcher = self.matcher(query)
        for place in places(self.closer):
            score = matcher.match(f"{place.title} {place.summary}")
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(place.title),
                    partial(self.closer.open_place, place.id),
                    help=place.summary,
                )

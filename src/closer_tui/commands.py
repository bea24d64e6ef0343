"""The command palette: every place in closer, found by the words a couple types."""

from __future__ import annotations

import re
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from closer_tui.screens.catalog import Place, places

if TYPE_CHECKING:
    from closer_tui.app import CloserApp

WORD = re.compile(r"\w+")

TIERS = 4
"""How a place matched, best first: its title's words, its other words, its title's letters, any."""


def words_in(text: str) -> list[str]:
    return WORD.findall(text.lower())


def starts_words(query: list[str], text: str) -> bool:
    """Each word typed begins a word of ``text`` ("daily temp" in "Daily Temperature Reading")."""
    words = words_in(text)
    return bool(query) and all(any(word.startswith(q) for word in words) for q in query)


def rank(matcher: Matcher, place: Place) -> float:
    """How well ``place`` answers the query: 0 for not at all, up to 1.

    Words typed that begin the title's words come first, then those that
    begin its other words, then the title's letters in order, then anything
    in the summary: "eye" is Eye gazing before a plan whose summary mentions
    eye contact. Within a tier, Textual's fuzzy score orders the places.
    """
    query = words_in(matcher.query)
    title = matcher.match(place.title)
    if starts_words(query, place.title):
        tier, score = 3, title
    elif starts_words(query, place.words):
        tier, score = 2, matcher.match(place.words)
    elif title:
        tier, score = 1, title
    else:
        tier, score = 0, matcher.match(f"{place.title} {place.words} {place.summary}")
        if not score:
            return 0.0
    return (tier + score / (score + 1)) / TIERS


def shown(title: Content | str, place: Place) -> Content:
    """The title, then what it is, so two places of one name are told apart."""
    prompt = title if isinstance(title, Content) else Content(title)
    if place.kind:
        prompt += Content.styled(f"  · {place.kind}", "dim")
    return prompt


class PlacesProvider(Provider):
    """Opens any plan, practice, exercise, guide or page, and nothing else.

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
                shown(place.title, place),
                partial(self.closer.open_place, place.id),
                text=place.title,
                help=place.summary,
            )

    async def search(self, query: str) -> Hits:
        await self.closer.opened.wait()
        if self.closer.couple is None:
            return
        matcher = self.matcher(query)
        for place in places(self.closer):
            score = rank(matcher, place)
            if score > 0:
                yield Hit(
                    score,
                    shown(matcher.highlight(place.title), place),
                    partial(self.closer.open_place, place.id),
                    text=place.title,
                    help=place.summary,
                )

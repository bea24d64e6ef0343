"""Noticing blame in a sentence, from a list in the content files and nothing more.

closer never guesses what a couple means: it looks only for the words and
phrases ``calm.toml`` lists (a whole word or phrase, any capitals, any spacing
between its words) and, for the first list entry found, offers that entry's
gentler way to say it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from closer_tui.core.content import WatchList, WatchWords

APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
"""A phone or an input method types ’ where the list has ': both are the same word."""


@dataclass(frozen=True)
class Noticed:
    """A listed word found in what was typed, as typed, with the gentler way to say it."""

    said: str
    gentler: str


@lru_cache(maxsize=256)
def _pattern(phrase: str) -> re.Pattern[str]:
    words = (re.escape(word) for word in phrase.translate(APOSTROPHES).split())
    return re.compile(r"(?<![\w'])" + r"\s+".join(words) + r"(?![\w'])", re.IGNORECASE)


def notice(text: str, watch: Sequence[WatchWords], kind: WatchList) -> Noticed | None:
    """The first entry of ``kind`` (in the list's order) with a word in ``text``, or None.

    Entries come in the list's order, so a phrase listed before a single word
    ("you always" before "always") is the one named.
    """
    typed = text.translate(APOSTROPHES)
    for entry in watch:
        if entry.kind != kind:
            continue
        for phrase in entry.words:
            found = _pattern(phrase).search(typed)
            if found is not None:
                return Noticed(text[found.start() : found.end()], entry.gentler)
    return None

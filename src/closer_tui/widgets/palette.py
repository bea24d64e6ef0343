"""Textual's command palette, in a couple's words (and steady: :mod:`closer_tui.mends.palette`)."""

from __future__ import annotations

from typing import Any

from closer_tui.mends.palette import SteadyCommandPalette

PLACEHOLDER = "Where to? Try hug, questions, history…"


class CalmCommandPalette(SteadyCommandPalette):
    """A palette that invites a word: Textual's says "Search for commands…", closer's
    finds places, so it says so."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(placeholder=PLACEHOLDER, **kwargs)

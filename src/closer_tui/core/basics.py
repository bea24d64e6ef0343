"""The few facts every layer shares, defined once and without pydantic.

The models validate with them, the quick first frame (``core/quick.py``) and
``closer today`` (``core/insights.py``) read with them, and none of those
paths may wait for pydantic: so they live here, in plain Python.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Literal

COUPLE_FILE = "couple.json"
"""Who the two partners are and how they like closer to behave, in the data folder."""

LOCK_FILE = "lock.json"
"""There only when the couple locked closer: the wrapped keys, never a word of theirs."""

OWN_CONTENT_FILE = "my-content.toml"
"""Where, in the data folder, a couple adds their own cards and plans."""

DECK_PACKS_FOLDER = "decks"
"""Where, in the data folder, ``closer deck import`` keeps the deck packs it took in."""

COUPLE_SCHEMA = 1
"""The schema of ``couple.json`` this closer writes."""

PartnerKey = Literal["first", "second"]
"""The first partner sits on the left of the keyboard (``f``), the second on the right (``j``)."""

PARTNER_KEYS: tuple[PartnerKey, PartnerKey] = ("first", "second")

PALETTE: dict[str, str] = {
    # Okabe–Ito colours: told apart with the common colour-vision differences,
    # and readable as a badge background on dark and light themes alike.
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "vermilion": "#D55E00",
    "pink": "#CC79A7",
}

NAME_MAX = 40
"""The longest name a partner may have."""

DEFAULT_THEME = "textual-dark"
"""The theme closer starts in until the couple picks another."""


def utc_now() -> datetime:
    """The wall clock, in UTC: what every saved moment is measured by."""
    return datetime.now(UTC)

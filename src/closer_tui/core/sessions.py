"""Turning what a couple just did into a record for their history."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TypeVar

from closer_tui.core.models import Outcome, SessionRecord


def record_of(outcome: Outcome, started_at: datetime, ended_at: datetime) -> SessionRecord:
    """A session record carrying everything the outcome of one round holds."""
    return SessionRecord(
        **outcome.model_dump(), started_at=started_at, ended_at=max(ended_at, started_at)
    )


STAYED_SECONDS = 60.0
"""A card on screen this long was talked about, not only looked at.

Decks ask "save this?" on leaving only for cards the couple did something
with, so opening a deck only to look never asks.
"""


Card = TypeVar("Card")


def done_with(
    cards: Sequence[Card], *, acted_on_last: bool, shown_at: datetime | None, now: datetime
) -> list[Card]:
    """Of the cards drawn (the last one still on screen), those the couple did something with.

    Every card they moved past counts; the one on screen counts once they
    passed or loved it, or stayed with it for :data:`STAYED_SECONDS`.
    """
    if not cards:
        return []
    stayed = shown_at is not None and (now - shown_at).total_seconds() >= STAYED_SECONDS
    return list(cards) if acted_on_last or stayed else list(cards[:-1])

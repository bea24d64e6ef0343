"""An activity without a timer: its time together runs from the moment it is shown.

The card decks and the activities taken in turns count their time this way:
from mount (or from the last round kept) to the round kept now, by the wall
clock (:meth:`Activity.untimed_outcome`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from closer_tui.widgets.activity import Activity


class UntimedActivity(Activity):
    """Counts from mount, then :meth:`begin` puts its start on screen."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._started_at: datetime | None = None
        """When this round began: on mount, and again once a round is kept."""

    def on_mount(self) -> None:
        # Textual calls every class's own ``on_mount``, a subclass's first: one that
        # sets something up before the start (TurnsActivity) defines its own.
        self._started_at = self.closer.now()
        self.begin()

    def begin(self) -> None:
        """Put the activity's start on screen: the first card, the first turn."""
        raise NotImplementedError

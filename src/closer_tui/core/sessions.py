"""Turning what a couple just did into a record for their history."""

from __future__ import annotations

from datetime import datetime

from closer_tui.core.models import Outcome, SessionRecord


def record_of(
    outcome: Outcome,
    started_at: datetime,
    ended_at: datetime,
    *,
    plan: str | None = None,
    steps: list[Outcome] | None = None,
) -> SessionRecord:
    """A session record carrying everything the outcome holds."""
    return SessionRecord(
        **outcome.model_dump(),
        started_at=started_at,
        ended_at=max(ended_at, started_at),
        plan=plan,
        steps=steps or [],
    )

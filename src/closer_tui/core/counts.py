"""How often a couple did something today and this week, in their own time zone."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from closer_tui.core.models import SessionRecord


def times_done(history: Iterable[SessionRecord], kind: str) -> Iterator[datetime]:
    """When each activity of ``kind`` started, alone or as a step of a guided session."""
    for record in history:
        if record.kind == kind:
            yield record.started_at
        for step in record.steps:
            if step.kind == kind:
                yield record.started_at


@dataclass(frozen=True)
class DayAndWeek:
    today: int
    this_week: int


def day_and_week(times: Iterable[datetime], now: datetime) -> DayAndWeek:
    """Counts for the local calendar day and the local week starting Monday."""
    local_now = now.astimezone()
    today = local_now.date()
    monday = today - timedelta(days=today.weekday())
    days = [t.astimezone(local_now.tzinfo).date() for t in times]
    return DayAndWeek(
        today=sum(day == today for day in days),
        this_week=sum(monday <= day <= today for day in days),
    )

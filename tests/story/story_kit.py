"""Sessions for the "our story" tests: a few evenings written the way closer saves them."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from helpers import checkin_steps

from closer_tui.core.models import Couple, Entry, Outcome, Partner, SessionRecord

COUPLE = Couple(
    first=Partner(name="Alex", colour="orange"), second=Partner(name="Sam", colour="sky")
)


def at(day: date, hour: int = 20) -> datetime:
    return datetime.combine(day, time(hour), UTC)


def session(
    day: date,
    kind: str = "hug",
    *,
    seconds: float = 600,
    entries: list[Entry] | None = None,
    steps: list[Outcome] | None = None,
    ratings: dict[str, int] | None = None,
    completed: bool = True,
    data: dict[str, Any] | None = None,
    title: str = "",
    hour: int = 20,
) -> SessionRecord:
    start = at(day, hour)
    return SessionRecord.model_validate(
        {
            "kind": kind,
            "title": title or kind.replace("_", " ").capitalize(),
            "actual_seconds": seconds,
            "completed": completed,
            "entries": entries or [],
            "ratings": ratings or {},
            "steps": steps or [],
            "data": data or {},
            "started_at": start,
            "ended_at": start + timedelta(seconds=seconds),
        }
    )


def appreciation(day: date, first: str, second: str, **kwargs: Any) -> SessionRecord:
    return session(
        day,
        "appreciation",
        entries=[
            Entry(who="first", prompt="Appreciation 1", text=first),
            Entry(who="second", prompt="Appreciation 1", text=second),
        ],
        **kwargs,
    )


def checkin(day: date, first: int, second: int) -> SessionRecord:
    return session(
        day,
        "guided",
        title="Weekly check-in",
        steps=checkin_steps(first, second, 700),
        seconds=720,
    )


def loved_question(day: date, text: str, card: str = "q-1", **kwargs: Any) -> SessionRecord:
    return session(
        day,
        "question",
        entries=[Entry(who="both", prompt=text)],
        data={"cards": [card], "loved": [card], **kwargs.pop("data", {})},
        **kwargs,
    )

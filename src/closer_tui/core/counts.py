"""What counts as done, and how often a couple did it today and this week.

One rule for every count closer shows (hugs today, unplugged evenings, days
together): **a timed round counts once it has run its time**, which its
outcome records as ``completed`` (the time first planned: a hug given an extra
minute is complete from its twentieth second, see ``Countdown.ran_its_time``).
One ended before that is kept in the history as what it was (seven seconds
together, say) without counting as a hug, and so is a skipped step. Anything
that left words, ratings or a tally counts, since something was really shared.

A day *together* is a gentler question: it counts any session in which a part
counts, or in which the couple spent at least a minute together, so a talk
that stopped after fifteen of its twenty minutes still makes an evening.

No pydantic at run time: ``closer today`` and the insights use these on light
records too. Anything shaped like a session will do.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence, Sized
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from closer_tui.core.clock import format_mmss

TOGETHER_SECONDS = 60.0
"""A session this long together makes a day together, even when nothing in it ran its time."""


class TallyLike(Protocol):
    """The good and hard moments noticed in one round of "notice the good"."""

    @property
    def positive(self) -> int: ...

    @property
    def negative(self) -> int: ...


class StepLike(Protocol):
    """Anything with a kind and honestly recorded seconds: a step or a whole session."""

    @property
    def kind(self) -> str: ...

    @property
    def actual_seconds(self) -> float: ...


class PartLike(StepLike, Protocol):
    """One round or step as kept: whether it ran its time, how long it took, what it left."""

    @property
    def completed(self) -> bool: ...

    @property
    def entries(self) -> Sized: ...

    @property
    def ratings(self) -> Sized: ...

    @property
    def tally(self) -> TallyLike | None: ...


class SessionParts(PartLike, Protocol):
    """A kept session: itself a part, and the steps of a guided one."""

    @property
    def started_at(self) -> datetime: ...

    @property
    def steps(self) -> Sequence[PartLike]: ...


def really_done(part: PartLike) -> bool:
    """True when ``part`` counts: it ran its time, or it left something shared."""
    return part.completed or bool(part.entries or part.ratings or part.tally is not None)


def kept_as(part: PartLike) -> str:
    """What becomes of a round that does not count, said kindly: it is kept as it was."""
    return f"Kept in your history as {format_mmss(round(part.actual_seconds))} together."


def spent_together(session: SessionParts) -> bool:
    """True when ``session`` makes a day together: a part of it counts, or a minute did."""
    parts = [session, *session.steps]
    seconds = max(session.actual_seconds, sum(step.actual_seconds for step in session.steps))
    return seconds >= TOGETHER_SECONDS or any(really_done(part) for part in parts)


def times_done(history: Iterable[SessionParts], kind: str) -> Iterator[datetime]:
    """When each activity of ``kind`` that counts started, alone or as a step of a session."""
    for record in history:
        if record.kind == kind and really_done(record):
            yield record.started_at
        for step in record.steps:
            if step.kind == kind and really_done(step):
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


@dataclass(frozen=True)
class Noticed:
    """Good and hard moments noticed, added up: plain counts, never a ratio or a grade."""

    good: int = 0
    hard: int = 0


def noticed_today(history: Iterable[SessionParts], now: datetime) -> Noticed:
    """Every good and hard moment kept today (local day), alone or in a session's steps."""
    local_now = now.astimezone()
    good = hard = 0
    for record in history:
        if record.started_at.astimezone(local_now.tzinfo).date() != local_now.date():
            continue
        for part in (record, *record.steps):
            if part.tally is not None:
                good += part.tally.positive
                hard += part.tally.negative
    return Noticed(good, hard)

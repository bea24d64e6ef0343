"""What a couple's history says, gently: days together, streaks, minutes, trends.

Pure functions of the sessions, a ``now`` and a time zone, so every answer is
deterministic under test. Days are the couple's *local calendar dates*: a
session at 23:30 belongs to that evening even when UTC has moved on, and a
25-hour day at the end of summer time is still one day.

``tz=None`` means "this computer's local time", with its own DST rules for
every moment (``datetime.astimezone()`` without an argument).

This module imports no pydantic at run time: ``closer today`` uses it on light
records read with plain ``json`` so a shell greeting starts fast. Anything
shaped like a session (``SessionLike``) will do for the date-based functions.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, Protocol

from closer_tui.core.basics import PartnerKey
from closer_tui.core.counts import SessionParts, StepLike, spent_together
from closer_tui.core.quick import built_in_plan_titles
from closer_tui.core.words import duration_words

if TYPE_CHECKING:
    from closer_tui.core.models import Outcome, SessionRecord

TONIGHT_30 = "tonight-30"
WEEKLY_CHECKIN = "weekly-checkin"
QUICK_RECONNECT = "quick-reconnect"


CHECKIN_KIND = "weekly_checkin"
CONNECTION_KIND = "connection_check"

MIN_TREND_POINTS = 3
"""Fewer points than this is not a trend; the functions return None instead."""

LATE_HOUR = 22
"""From this local hour (until EARLY_HOUR) a long evening calls for something short."""
EARLY_HOUR = 5
QUIET_DAYS = 3
"""After this many days without a session, start again gently."""


class SessionLike(StepLike, Protocol):
    """What the date-based insights need from a session."""

    @property
    def started_at(self) -> datetime: ...

    @property
    def plan(self) -> str | None: ...

    @property
    def steps(self) -> Sequence[StepLike]: ...


@dataclass(frozen=True)
class Suggestion:
    """What closer suggests for tonight, and why, in one warm sentence."""

    plan_id: str
    title: str
    reason: str

    def line(self) -> str:
        return f"Tonight: {self.title} — {self.reason}"


@dataclass(frozen=True)
class WeekTally:
    """The "notice the good" counts of one week (Monday to Sunday). Counts, never a grade."""

    week_start: date
    positive: int
    negative: int


@dataclass(frozen=True)
class RatingSeries:
    """One partner's ratings over time, oldest first, ready for a sparkline."""

    days: tuple[date, ...]
    values: tuple[int, ...]


# -- dates ---------------------------------------------------------------------


def local_day(moment: datetime, tz: tzinfo | None) -> date:
    """The couple's calendar date of ``moment`` (``tz=None``: this computer's zone)."""
    return moment.astimezone(tz).date()


def week_start(day: date) -> date:
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())


def together_days(sessions: Iterable[SessionParts], tz: tzinfo | None) -> set[date]:
    """Every local date on which the couple really spent time together (see ``counts``)."""
    return {local_day(s.started_at, tz) for s in sessions if spent_together(s)}


def days_together_this_week(
    sessions: Iterable[SessionParts], now: datetime, tz: tzinfo | None
) -> int:
    """How many days this week (Monday up to today) they did something together."""
    today = local_day(now, tz)
    monday = week_start(today)
    return sum(1 for day in together_days(sessions, tz) if monday <= day <= today)


def current_streak(sessions: Iterable[SessionParts], now: datetime, tz: tzinfo | None) -> int:
    """Consecutive days together up to today.

    A streak that reached yesterday is still alive today: the evening is not
    over yet, and nobody should see a zero at breakfast.
    """
    days = together_days(sessions, tz)
    day = local_day(now, tz)
    if day not in days:
        day -= timedelta(days=1)
    streak = 0
    # Calendar arithmetic on dates, never 24-hour steps: DST days stay one day.
    while day in days:
        streak += 1
        day -= timedelta(days=1)
    return streak


# -- time ----------------------------------------------------------------------


def recorded_seconds(session: SessionLike) -> float:
    """Time honestly recorded for a session.

    A guided session may carry its total on the record, on its steps, or both;
    taking the larger never counts a step twice and never invents time.
    """
    from_steps = sum(step.actual_seconds for step in session.steps)
    return max(session.actual_seconds, from_steps)


def minutes_this_month(sessions: Iterable[SessionLike], now: datetime, tz: tzinfo | None) -> int:
    """Minutes spent together in this local calendar month, rounded to the nearest."""
    today = local_day(now, tz)
    seconds = 0.0
    for session in sessions:
        day = local_day(session.started_at, tz)
        if (day.year, day.month) == (today.year, today.month) and day <= today:
            seconds += recorded_seconds(session)
    return round(seconds / 60)


# -- what they did -------------------------------------------------------------


def _parts(session: SessionRecord) -> Iterator[Outcome]:
    """The session itself and each step of a guided session."""
    yield session
    yield from session.steps


def _did(session: SessionLike, kind: str, plan_id: str) -> bool:
    return (
        session.plan == plan_id
        or session.kind == kind
        or any(step.kind == kind for step in session.steps)
    )


def tally_by_week(
    sessions: Iterable[SessionRecord], now: datetime, tz: tzinfo | None, weeks: int = 12
) -> list[WeekTally] | None:
    """The "notice the good" totals per week, oldest first, over the last ``weeks`` weeks.

    Weeks without a tally between the first counted week and this one are
    included as zeros so a chart keeps its spacing. None until at least
    three weeks have counts.
    """
    this_week = week_start(local_day(now, tz))
    first_week = this_week - timedelta(weeks=weeks - 1)
    totals: dict[date, tuple[int, int]] = {}
    for session in sessions:
        week = week_start(local_day(session.started_at, tz))
        if not first_week <= week <= this_week:
            continue
        for part in _parts(session):
            if part.tally is not None:
                positive, negative = totals.get(week, (0, 0))
                totals[week] = (positive + part.tally.positive, negative + part.tally.negative)
    if len(totals) < MIN_TREND_POINTS:
        return None
    result = []
    week = min(totals)
    while week <= this_week:
        positive, negative = totals.get(week, (0, 0))
        result.append(WeekTally(week, positive, negative))
        week += timedelta(weeks=1)
    return result


def rating_trend(
    sessions: Iterable[SessionRecord], kind: str, tz: tzinfo | None
) -> dict[PartnerKey, RatingSeries] | None:
    """Each partner's ratings from sessions or steps of ``kind``, oldest first.

    A partner appears once they have at least three ratings; None when
    neither has.
    """
    points: dict[PartnerKey, list[tuple[datetime, int]]] = {"first": [], "second": []}
    for session in sessions:
        for part in _parts(session):
            if part.kind != kind:
                continue
            for key, value in part.ratings.items():
                points[key].append((session.started_at, value))
    trend: dict[PartnerKey, RatingSeries] = {}
    for key, series in points.items():
        if len(series) >= MIN_TREND_POINTS:
            series.sort(key=lambda point: point[0])
            trend[key] = RatingSeries(
                days=tuple(local_day(moment, tz) for moment, _ in series),
                values=tuple(value for _, value in series),
            )
    return trend or None


def checkin_trend(
    sessions: Iterable[SessionRecord], tz: tzinfo | None
) -> dict[PartnerKey, RatingSeries] | None:
    """Weekly check-in connection ratings (1–10) per partner, or None if too few."""
    return rating_trend(sessions, CHECKIN_KIND, tz)


def connection_trend(
    sessions: Iterable[SessionRecord], tz: tzinfo | None
) -> dict[PartnerKey, RatingSeries] | None:
    """Each partner's average agreement in the connection check over time, or None."""
    return rating_trend(sessions, CONNECTION_KIND, tz)


# -- words ---------------------------------------------------------------------


def home_summary(sessions: Iterable[SessionParts], now: datetime, tz: tzinfo | None) -> str:
    """One warm line for the home screen; never a reproach."""
    sessions = list(sessions)
    days = days_together_this_week(sessions, now, tz)
    if days == 0:
        return "A fresh week — tonight is a good night to start."
    evenings = "1 evening" if days == 1 else f"{days} evenings"
    streak = current_streak(sessions, now, tz)
    if streak >= 2:
        return f"{evenings} together this week · {streak} days in a row."
    return f"{evenings} together this week."


def tonight_suggestion(
    sessions: Sequence[SessionLike], now: datetime, tz: tzinfo | None
) -> Suggestion:
    """Which built-in plan suits tonight, from the hour and what they did lately."""
    local_now = now.astimezone(tz)
    today = local_now.date()
    if local_now.hour >= LATE_HOUR or local_now.hour < EARLY_HOUR:
        return _suggest(QUICK_RECONNECT, "it's late, so ten gentle minutes before sleep.")
    if not sessions:
        return _suggest(QUICK_RECONNECT, "ten easy minutes are a lovely way to begin.")
    last_day = max(local_day(s.started_at, tz) for s in sessions)
    if (today - last_day).days >= QUIET_DAYS:
        return _suggest(QUICK_RECONNECT, "ten easy minutes to find each other again.")
    week_ago = now - timedelta(days=7)
    checked_in = any(
        s.started_at > week_ago and _did(s, CHECKIN_KIND, WEEKLY_CHECKIN) for s in sessions
    )
    if not checked_in:
        return _suggest(WEEKLY_CHECKIN, "half an hour to look back on the week together.")
    return _suggest(TONIGHT_30, "thirty minutes that are just for the two of you.")


def _suggest(plan_id: str, reason: str) -> Suggestion:
    # The built-in titles, read without the content library: ``closer today`` stays quick.
    return Suggestion(plan_id, built_in_plan_titles()[plan_id], reason)


# -- lines for people ----------------------------------------------------------

SPARKS = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[float], low: float, high: float) -> str:
    """Values as a row of little bars between ``low`` and ``high`` (plain text)."""
    span = high - low
    top = len(SPARKS) - 1
    return "".join(
        SPARKS[min(top, max(0, round((v - low) / span * top)) if span > 0 else 0)] for v in values
    )


def insight_lines(
    sessions: Sequence[SessionRecord],
    names: dict[PartnerKey, str],
    now: datetime,
    tz: tzinfo | None,
    points: int = 12,
) -> list[str]:
    """What the history says, one warm line each; trends only once they mean something."""
    lines = [home_summary(sessions, now, tz)]
    minutes = minutes_this_month(sessions, now, tz)
    if minutes:
        lines.append(f"{duration_words(minutes * 60)} together this month.")
    weeks = tally_by_week(sessions, now, tz)
    if weeks is not None:
        this_week = weeks[-1]
        bars = sparkline([w.positive for w in weeks], 0, max(w.positive for w in weeks))
        lines.append(
            f"Noticed the good, per week: {bars}  this week {this_week.positive} good,"
            f" {this_week.negative} hard"
        )
    for label, trend, low, high in (
        ("Weekly check-in", checkin_trend(sessions, tz), 1, 10),
        ("Connection check", connection_trend(sessions, tz), 1, 5),
    ):
        if trend is None:
            continue
        for key, series in trend.items():
            recent = series.values[-points:]
            # The usual scale, widened if a plan rates on another one.
            bars = sparkline(recent, min(low, *recent), max(high, *recent))
            lines.append(f"{label}, {names[key]}: {bars}  {recent[0]} → {recent[-1]}")
    return lines

""" "On this day": at most one gentle line on home from the couple's own past.

In order of preference: an anniversary they entered in Settings, a milestone
(their 10th, 50th, 100th… day together, on the day it is reached), then
something from a year ago tonight, two years ago, or six months ago: a
question they asked each other, or something one of them appreciated.

The past comes only through :mod:`closer_tui.core.story`: never from a
session or round marked hard, never an answer that was not revealed, and a
session removed from History is simply gone. One setting (``on_this_day``)
turns it all off. Pure and pydantic-free at run time: home works it out
after its first frame, on the loaded history.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING, Protocol

from closer_tui.core.insights import local_day, together_days
from closer_tui.core.story import APPRECIATION_KINDS, Shared, shared_entries

if TYPE_CHECKING:
    from closer_tui.core.models import SessionRecord

MILESTONES = frozenset({10, 25, 50, 100, 150, 200, 250, 300, 365, 500, 750, 1000, 1500, 2000})
NEAR = timedelta(hours=36)
"""Further than this from a moment in UTC, a session cannot share its local date in any zone."""
QUOTE_LIMIT = 70
"""A quoted line is cut at about this many characters: the line stays one line on home."""
QUESTION_KINDS = frozenset({"question", "inner_world", "love_maps"})
ORDINAL_ENDINGS = {1: "st", 2: "nd", 3: "rd"}


class AnniversaryLike(Protocol):
    @property
    def label(self) -> str: ...

    @property
    def month(self) -> int: ...

    @property
    def day(self) -> int: ...

    @property
    def year(self) -> int | None: ...


@dataclass(frozen=True)
class Remembered:
    """A day to remember, read from what a couple typed in Settings."""

    label: str
    month: int
    day: int
    year: int | None = None


def ordinal(n: int) -> str:
    ending = "th" if 10 <= n % 100 <= 20 else ORDINAL_ENDINGS.get(n % 10, "th")
    return f"{n:,}{ending}"


def quoted(text: str, limit: int = QUOTE_LIMIT) -> str:
    """``text`` on one line, cut at a word near ``limit``, in quotation marks."""
    plain = " ".join(text.split())
    if len(plain) > limit:
        cut = plain[:limit]
        space = cut.rfind(" ")
        plain = (cut[:space] if space > limit // 2 else cut).rstrip(" ,.;:") + "…"
    return f"“{plain}”"


def falls_on(month: int, day: int, today: date) -> bool:
    """Today is the day (29 February is kept on 28 February in other years)."""
    if (today.month, today.day) == (month, day):
        return True
    leap_day = (month, day) == (2, 29)
    return leap_day and (today.month, today.day) == (2, 28) and not _is_leap(today.year)


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def anniversary_line(anniversaries: Iterable[AnniversaryLike], today: date) -> str | None:
    for anniversary in anniversaries:
        if falls_on(anniversary.month, anniversary.day, today):
            label = anniversary.label.strip()
            if anniversary.year is not None and anniversary.year < today.year:
                years = today.year - anniversary.year
                ago = "one year" if years == 1 else f"{years} years"
                return f"Today is {label} — {ago} ago."
            return f"Today is {label}."
    return None


def milestone_line(
    sessions: Sequence[SessionRecord], now: datetime, tz: tzinfo | None
) -> str | None:
    """The day they reached a round number of days together, on that day only."""
    today = local_day(now, tz)
    recent = [s for s in sessions if abs(s.started_at - now) <= NEAR]
    if today not in together_days(recent, tz):
        return None  # most evenings: no need to count ten years of days
    days = together_days(sessions, tz)
    count = sum(1 for day in days if day <= today)
    if count in MILESTONES:
        return f"Today is your {ordinal(count)} day together in closer."
    return None


def months_back(today: date, months: int) -> date:
    """The same day ``months`` months earlier (the month's last day when it has fewer)."""
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    month += 1
    for day in range(today.day, 27, -1):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    return date(year, month, min(today.day, 28))


AGO = (
    (12, "A year ago tonight"),
    (24, "Two years ago tonight"),
    (6, "Six months ago"),
)


def past_line(
    sessions: Sequence[SessionRecord], names: dict[str, str], today: date, tz: tzinfo | None
) -> str | None:
    by_day: dict[date, list[SessionRecord]] = {}
    wanted = {months_back(today, months) for months, _ in AGO}
    # A day and a half either side in UTC holds every zone's evening of that date: only
    # those sessions need their local date worked out.
    near = [datetime.combine(day, time(12), UTC) for day in wanted]
    for session in sessions:
        if not any(abs(session.started_at - noon) <= NEAR for noon in near):
            continue
        day = local_day(session.started_at, tz)
        if day in wanted:
            by_day.setdefault(day, []).append(session)
    for months, when in AGO:
        day = months_back(today, months)
        said = [s for session in by_day.get(day, []) for s in shared_entries(session)]
        said.sort(key=lambda s: (s.when, s.key))
        line = _said_line(said, names, when)
        if line is not None:
            return line
    return None


def _said_line(said: list[Shared], names: dict[str, str], when: str) -> str | None:
    for shared in said:
        if shared.kind in APPRECIATION_KINDS and shared.who in names:
            return f"{when} {names[shared.who]} appreciated {closing(shared.text)}"
    for shared in said:
        if shared.kind in QUESTION_KINDS and shared.who == "both" and shared.prompt:
            return f"{when} you asked each other {closing(shared.prompt)}"
    return None


def closing(text: str) -> str:
    """The quotation that ends the line, with a full stop after it unless it ends one itself."""
    words = quoted(text)
    return words if words[-2] in ".!?…" else words + "."


def one_line(
    sessions: Sequence[SessionRecord],
    names: dict[str, str],
    anniversaries: Iterable[AnniversaryLike],
    now: datetime,
    tz: tzinfo | None,
    *,
    enabled: bool = True,
) -> str | None:
    """The one line for home tonight, or None (nothing to say, or turned off)."""
    if not enabled:
        return None
    today = local_day(now, tz)
    return (
        anniversary_line(anniversaries, today)
        or milestone_line(sessions, now, tz)
        or past_line(sessions, names, today, tz)
    )


# -- what a couple types in Settings ------------------------------------------------

_ENTRY = re.compile(r"^(?P<label>.+?)\s+(?:(?P<year>\d{4})-)?(?P<month>\d{1,2})-(?P<day>\d{1,2})$")


def parse_days(text: str) -> list[Remembered]:
    """``"the day we met 2019-06-14; moving in 03-01"`` → the days to remember.

    Raises ``ValueError`` with a plain sentence for the first part it cannot read.
    """
    found = []
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        match = _ENTRY.match(part)
        if match is None:
            raise ValueError(f"“{part}” needs a name and a date, like “the day we met 2019-06-14”.")
        year = int(match["year"]) if match["year"] else None
        month, day = int(match["month"]), int(match["day"])
        try:
            date(year or 2000, month, day)  # 2000: a leap year, so 29 February is fine
        except ValueError:
            raise ValueError(f"“{part}” has a date that is not in the calendar.") from None
        if year is not None and not 1900 <= year <= 9000:
            raise ValueError(f"“{part}” has a year closer cannot keep.")
        found.append(Remembered(match["label"].strip()[:60], month, day, year))
    return found


def days_words(anniversaries: Iterable[AnniversaryLike]) -> str:
    """The days as Settings shows them, ready to be read back by :func:`parse_days`."""
    parts = []
    for a in anniversaries:
        when = f"{a.month:02d}-{a.day:02d}"
        parts.append(f"{a.label} {a.year}-{when}" if a.year else f"{a.label} {when}")
    return "; ".join(parts)

"""A keepsake of the couple's year: the figures their history holds, gathered for one page.

Pure: sessions, names, a period and a time zone in; a :class:`YearStory` out.
:mod:`closer_tui.core.keepsake_page` turns it into HTML. Every figure comes
from the saved sessions, read by the same rules as the app's own History (a
day together, minutes honestly recorded) and by :mod:`closer_tui.core.story`
for what may come back (nothing hard, nothing unrevealed).

Nothing here compares one partner with the other: each partner's ratings are
their own line, and the appreciations are a selection from each, side by side.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta, tzinfo
from typing import TypeVar

from closer_tui.core.basics import PARTNER_KEYS, PartnerKey
from closer_tui.core.insights import CHECKIN_KIND, local_day, recorded_seconds, together_days
from closer_tui.core.kinds import GUIDED, kind_label
from closer_tui.core.models import Couple, SessionRecord
from closer_tui.core.story import (
    APPRECIATION_KINDS,
    enumerate_parts,
    shared_entries,
)

T = TypeVar("T")

APPRECIATIONS_EACH = 6
"""How many appreciations of each partner the page shows, spread over the period."""
PRACTICES_SHOWN = 5
FAVOURITES_SHOWN = 12
LONGEST_TEXT = 600
"""Characters of one appreciation or favourite shown; longer ones are shortened, and say so."""


@dataclass(frozen=True)
class Period:
    """The days the keepsake covers, both ends included."""

    start: date
    end: date

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 31))

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("the period ends before it starts")

    def holds(self, day: date) -> bool:
        return self.start <= day <= self.end

    @property
    def is_calendar_year(self) -> bool:
        return (self.start.month, self.start.day, self.end.month, self.end.day) == (
            1,
            1,
            12,
            31,
        ) and (self.start.year == self.end.year)

    @property
    def words(self) -> str:
        """ "2026", or "3 March 2025 – 2 March 2026"."""
        if self.is_calendar_year:
            return str(self.start.year)
        return f"{day_words(self.start)} – {day_words(self.end)}"

    def months(self) -> list[date]:
        """The first day of every month the period touches, in order."""
        months = []
        month = self.start.replace(day=1)
        while month <= self.end:
            months.append(month)
            month = (month + timedelta(days=32)).replace(day=1)
        return months


def day_words(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


@dataclass(frozen=True)
class Said:
    """Something one partner wrote, shown with its date."""

    who: PartnerKey
    day: date
    text: str
    shortened: bool = False


@dataclass(frozen=True)
class Loved:
    """A favourite: a card they loved or an entry they kept."""

    kind: str
    """Its kind's name, as History says it ("Questions")."""
    text: str
    day: date | None
    who: str
    """"first", "second" or "both"."""
    shortened: bool = False


@dataclass(frozen=True)
class Letter:
    """A sealed letter opened in the period (see :mod:`closer_tui.core.letters`)."""

    who: PartnerKey
    written: date
    opened: date
    text: str
    shortened: bool = False


@dataclass(frozen=True)
class YearStory:
    """Everything the keepsake page shows, worked out."""

    period: Period
    names: dict[PartnerKey, str]
    colours: dict[PartnerKey, str]
    sessions: int
    days_together: frozenset[date]
    minutes: int
    seconds: float
    """Every second recorded in the period, for the headline (a single hug is 20 s, not 0 min)."""
    minutes_by_month: tuple[tuple[date, int], ...]
    practices: tuple[tuple[str, int], ...]
    """(kind's name, days they came back to it), most days first."""
    ratings: dict[PartnerKey, tuple[tuple[date, int], ...]]
    """Each partner's weekly check-in ratings (1–10), oldest first."""
    appreciations: dict[PartnerKey, tuple[Said, ...]]
    favourites: tuple[Loved, ...] = ()
    letters: tuple[Letter, ...] = ()
    other_kinds: tuple[str, ...] = field(default=())
    """Kinds in the period the page names only by their id (a newer closer's, say)."""

    @property
    def empty(self) -> bool:
        return self.sessions == 0


def shorten(text: str, limit: int = LONGEST_TEXT) -> tuple[str, bool]:
    """``text`` cut at a word near ``limit`` characters, and whether it was cut."""
    text = text.strip()
    if len(text) <= limit:
        return text, False
    cut = text[:limit]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip() + " …", True


def gather(
    couple: Couple,
    sessions: Iterable[SessionRecord],
    period: Period,
    tz: tzinfo | None,
    *,
    favourites: Sequence[Loved] = (),
    letters: Sequence[Letter] = (),
) -> YearStory:
    """The figures of ``period`` from ``sessions`` (any order), in the couple's time zone."""
    within = [s for s in sessions if period.holds(local_day(s.started_at, tz))]
    within.sort(key=lambda s: s.started_at)
    minutes = minutes_by_month(within, period, tz)
    practices, unknown = _practices(within, tz)
    return YearStory(
        period=period,
        names={key: couple.partner(key).name for key in PARTNER_KEYS},
        colours={key: couple.partner(key).hex for key in PARTNER_KEYS},
        sessions=len(within),
        days_together=frozenset(together_days(within, tz)),
        minutes=sum(m for _, m in minutes),
        seconds=sum(recorded_seconds(s) for s in within),
        minutes_by_month=minutes,
        practices=practices,
        ratings=_ratings(within, tz),
        appreciations=_appreciations(within, tz),
        favourites=tuple(
            [*(f for f in favourites if f.day is None or period.holds(f.day))][:FAVOURITES_SHOWN]
        ),
        letters=tuple(letter for letter in letters if period.holds(letter.opened)),
        other_kinds=unknown,
    )


def minutes_by_month(
    sessions: Iterable[SessionRecord], period: Period, tz: tzinfo | None
) -> tuple[tuple[date, int], ...]:
    """Minutes together in each month of ``period`` (first of the month, minutes), in order."""
    seconds: dict[date, float] = defaultdict(float)
    for session in sessions:
        day = local_day(session.started_at, tz)
        if period.holds(day):
            seconds[day.replace(day=1)] += recorded_seconds(session)
    return tuple((month, round(seconds[month] / 60)) for month in period.months())


def last_months(today: date, count: int = 12) -> Period:
    """The ``count`` months up to and including ``today``'s, as a period."""
    year, month = divmod(today.year * 12 + today.month - 1 - (count - 1), 12)
    return Period(date(year, month + 1, 1), today)


def _practices(
    sessions: Sequence[SessionRecord], tz: tzinfo | None
) -> tuple[tuple[tuple[str, int], ...], tuple[str, ...]]:
    """The practices they came back to on most days; and the kinds closer has no name for."""
    from closer_tui.core.kinds import KIND_LABELS

    days: dict[str, set[date]] = defaultdict(set)
    unknown: set[str] = set()
    for session in sessions:
        day = local_day(session.started_at, tz)
        for _, part in enumerate_parts(session):
            if part.kind == GUIDED:
                continue
            label = kind_label(part.kind)
            days[label].add(day)
            if part.kind not in KIND_LABELS:
                unknown.add(label)
    counts = Counter({label: len(d) for label, d in days.items()})
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return tuple(ranked[:PRACTICES_SHOWN]), tuple(sorted(unknown))


def _ratings(
    sessions: Sequence[SessionRecord], tz: tzinfo | None
) -> dict[PartnerKey, tuple[tuple[date, int], ...]]:
    points: dict[PartnerKey, list[tuple[date, int]]] = {key: [] for key in PARTNER_KEYS}
    for session in sessions:
        for _, part in enumerate_parts(session):
            if part.kind != CHECKIN_KIND:
                continue
            for key, value in part.ratings.items():
                if key in points:
                    points[key].append((local_day(session.started_at, tz), value))
    return {key: tuple(series) for key, series in points.items()}


def _appreciations(
    sessions: Sequence[SessionRecord], tz: tzinfo | None
) -> dict[PartnerKey, tuple[Said, ...]]:
    """A few appreciations of each partner, spread evenly over the period (oldest first)."""
    found: dict[PartnerKey, list[Said]] = {key: [] for key in PARTNER_KEYS}
    for session in sessions:
        for shared in shared_entries(session):
            if shared.kind in APPRECIATION_KINDS and shared.who in found:
                text, cut = shorten(shared.text)
                who: PartnerKey = "first" if shared.who == "first" else "second"
                found[who].append(Said(who, local_day(shared.when, tz), text, cut))
    return {key: tuple(spread(said, APPRECIATIONS_EACH)) for key, said in found.items()}


def spread(items: Sequence[T], count: int) -> list[T]:
    """``count`` of ``items`` evenly apart, the first and the last among them."""
    if len(items) <= count:
        return list(items)
    if count == 1:
        return [items[-1]]
    step = (len(items) - 1) / (count - 1)
    return [items[round(i * step)] for i in range(count)]


def busiest_year(sessions: Iterable[SessionRecord], tz: tzinfo | None) -> int | None:
    """The year with the most sessions (the latest of equals); None without any."""
    years = Counter(local_day(s.started_at, tz).year for s in sessions)
    if not years:
        return None
    return max(years, key=lambda year: (years[year], year))

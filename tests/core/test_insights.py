"""Insights from the history: local days, streaks, minutes, trends, suggestions."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from closer_tui.core import insights
from closer_tui.core.counts import (
    Noticed,
    day_and_week,
    kept_as,
    noticed_today,
    really_done,
    spent_together,
    times_done,
)
from closer_tui.core.insights import (
    QUICK_RECONNECT,
    TONIGHT_30,
    WEEKLY_CHECKIN,
    WeekTally,
    checkin_trend,
    connection_trend,
    current_streak,
    days_together_this_week,
    home_summary,
    minutes_this_month,
    tally_by_week,
    together_days,
    tonight_suggestion,
)
from closer_tui.core.models import Entry, Outcome, SessionRecord, Tally
from closer_tui.core.quick import built_in_plan_titles

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


def session(
    started: datetime,
    *,
    kind: str = "hug",
    seconds: float = 60.0,
    plan: str | None = None,
    steps: list[Outcome] | None = None,
    tally: Tally | None = None,
    ratings: dict[str, int] | None = None,
) -> SessionRecord:
    return SessionRecord.model_validate(
        {
            "kind": kind,
            "title": kind,
            "actual_seconds": seconds,
            "started_at": started,
            "ended_at": started + timedelta(seconds=seconds),
            "plan": plan,
            "steps": steps or [],
            "tally": tally,
            "ratings": ratings or {},
        }
    )


def evening(day: date, tz: ZoneInfo, hour: int = 21, minute: int = 0) -> datetime:
    """A local evening moment, as the aware UTC time closer would store."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz).astimezone(UTC)


# -- days and streaks ------------------------------------------------------------


def test_empty_history_is_all_zero_and_kind() -> None:
    now = datetime(2025, 3, 5, 19, tzinfo=BERLIN)
    assert days_together_this_week([], now, BERLIN) == 0
    assert current_streak([], now, BERLIN) == 0
    assert minutes_this_month([], now, BERLIN) == 0
    assert tally_by_week([], now, BERLIN) is None
    assert checkin_trend([], BERLIN) is None
    assert home_summary([], now, BERLIN) == "A fresh week — tonight is a good night to start."


def test_late_evening_counts_for_its_local_day_not_utc() -> None:
    # 23:30 in New York on 4 March is already 5 March in UTC.
    late = datetime(2025, 3, 4, 23, 30, tzinfo=NEW_YORK).astimezone(UTC)
    assert late.date() == date(2025, 3, 5)
    assert together_days([session(late)], NEW_YORK) == {date(2025, 3, 4)}
    assert together_days([session(late)], BERLIN) == {date(2025, 3, 5)}


def test_days_this_week_start_on_monday_and_count_each_day_once() -> None:
    # Wednesday 5 March 2025; Sunday 2 March belongs to the week before.
    now = datetime(2025, 3, 5, 20, tzinfo=BERLIN)
    sessions = [
        session(evening(date(2025, 3, 2), BERLIN)),
        session(evening(date(2025, 3, 3), BERLIN)),
        session(evening(date(2025, 3, 3), BERLIN, hour=22)),
        session(evening(date(2025, 3, 5), BERLIN, hour=7)),
    ]
    assert days_together_this_week(sessions, now, BERLIN) == 2
    assert home_summary(sessions, now, BERLIN) == "2 evenings together this week."


def test_streak_runs_across_month_and_year_ends() -> None:
    days = [date(2024, 12, 30), date(2024, 12, 31), date(2025, 1, 1), date(2025, 1, 2)]
    sessions = [session(evening(day, BERLIN)) for day in days]
    now = datetime(2025, 1, 2, 22, tzinfo=BERLIN)
    assert current_streak(sessions, now, BERLIN) == 4

    feb = [date(2024, 2, 28), date(2024, 2, 29), date(2024, 3, 1)]  # a leap year
    assert (
        current_streak(
            [session(evening(d, BERLIN)) for d in feb],
            now.replace(year=2024, month=3, day=1),
            BERLIN,
        )
        == 3
    )


def test_streak_survives_until_tonight_and_breaks_after_a_missed_day() -> None:
    sessions = [session(evening(date(2025, 5, d), NEW_YORK)) for d in (10, 11, 12)]
    morning_after = datetime(2025, 5, 13, 8, tzinfo=NEW_YORK)
    assert current_streak(sessions, morning_after, NEW_YORK) == 3
    two_days_later = datetime(2025, 5, 14, 8, tzinfo=NEW_YORK)
    assert current_streak(sessions, two_days_later, NEW_YORK) == 0


@pytest.mark.parametrize(
    ("tz", "change_day"),
    [
        (BERLIN, date(2024, 3, 31)),  # spring forward: a 23-hour day
        (BERLIN, date(2024, 10, 27)),  # fall back: a 25-hour day
        (NEW_YORK, date(2024, 3, 10)),
        (NEW_YORK, date(2024, 11, 3)),
    ],
)
def test_streak_counts_calendar_days_across_dst(tz: ZoneInfo, change_day: date) -> None:
    # Alternate just after midnight and just before, so a 24-hour bucket
    # or an offset taken from "now" would put one session on the wrong day.
    days = [change_day + timedelta(days=offset) for offset in range(-3, 4)]
    sessions = [
        session(evening(day, tz, hour=0 if i % 2 else 23, minute=30)) for i, day in enumerate(days)
    ]
    now = datetime.combine(days[-1], datetime.min.time(), tz) + timedelta(hours=23, minutes=45)
    assert together_days(sessions, tz) == set(days)
    assert current_streak(sessions, now, tz) == 7


def test_sessions_in_the_future_do_not_count_as_this_week() -> None:
    now = datetime(2025, 3, 5, 20, tzinfo=BERLIN)
    tomorrow = session(evening(date(2025, 3, 6), BERLIN))
    assert days_together_this_week([tomorrow], now, BERLIN) == 0


# -- what counts as done ------------------------------------------------------------


def timed(kind: str, planned: float, actual: float, *, completed: bool) -> Outcome:
    return Outcome(
        kind=kind,
        title=kind,
        planned_seconds=planned,
        actual_seconds=actual,
        completed=completed,
    )


def test_a_round_counts_once_it_ran_its_time() -> None:
    assert really_done(timed("hug", 20, 20, completed=True))
    cut_short = timed("hug", 20, 7, completed=False)
    assert not really_done(cut_short), "a hug cut short"
    assert kept_as(cut_short) == "Kept in your history as 0:07 together."
    # A skipped step is not done, however long the couple lingered on it.
    assert not really_done(timed("hug", 60, 75, completed=False))
    assert not really_done(timed("unplugged", 3600, 1, completed=False))


def test_a_round_cut_short_counts_when_it_left_something_shared() -> None:
    cut_short = timed("appreciations", 300, 40, completed=False)
    assert not really_done(cut_short)
    entry = Entry(who="first", prompt="Something you appreciated", text="the soup")
    assert really_done(cut_short.model_copy(update={"entries": [entry]}))
    assert really_done(cut_short.model_copy(update={"tally": Tally(positive=1)}))


def test_only_hugs_that_ran_their_time_are_counted() -> None:
    now = datetime(2025, 3, 5, 21, tzinfo=BERLIN)
    full = session(now, seconds=20).model_copy(update={"planned_seconds": 20.0})
    cut = full.model_copy(update={"actual_seconds": 7.0, "completed": False})
    in_a_plan = session(
        now,
        kind="guided",
        plan=TONIGHT_30,
        steps=[
            timed("hug", 60, 20, completed=True),
            timed("hug", 60, 3, completed=False),
        ],
    )
    counts = day_and_week(times_done([full, cut, in_a_plan], "hug"), now)
    assert (counts.today, counts.this_week) == (2, 2)


def test_a_day_together_needs_a_part_that_counts_or_a_minute() -> None:
    now = datetime(2025, 3, 5, 21, tzinfo=BERLIN)
    second_unplugged = session(now, kind="unplugged", seconds=1).model_copy(
        update={"planned_seconds": 3600.0, "completed": False}
    )
    assert not spent_together(second_unplugged)
    assert days_together_this_week([second_unplugged], now, BERLIN) == 0
    assert home_summary([second_unplugged], now, BERLIN).startswith("A fresh week")
    # A talk that stopped after 15 of its 20 minutes is still an evening together.
    talk = session(now, kind="stress_talk", seconds=900).model_copy(
        update={"planned_seconds": 1200.0, "completed": False}
    )
    assert spent_together(talk)
    assert home_summary([talk], now, BERLIN) == "1 evening together this week."


def test_noticed_today_adds_every_tally_kept_today_and_no_other_day() -> None:
    now = datetime(2025, 3, 5, 21, tzinfo=BERLIN)
    alone = session(now, kind="good_tally", tally=Tally(positive=3))
    step = Outcome(kind="good_tally", title="t", tally=Tally(positive=1, negative=2))
    guided = session(now, kind="guided", steps=[step])
    yesterday = session(now - timedelta(days=1), kind="good_tally", tally=Tally(positive=9))
    assert noticed_today([alone, guided, yesterday], now) == Noticed(good=4, hard=2)


# -- minutes -----------------------------------------------------------------------


def test_minutes_this_month_count_recorded_time_and_guided_steps_once() -> None:
    now = datetime(2025, 4, 20, 21, tzinfo=NEW_YORK)
    steps = [
        Outcome(kind="hug", title="Hug", actual_seconds=20),
        Outcome(kind="eye_gazing", title="Eye gazing", actual_seconds=280),
    ]
    sessions = [
        # Last day of March in New York, already April in UTC: not this month.
        session(evening(date(2025, 3, 31), NEW_YORK, hour=23), seconds=600),
        session(evening(date(2025, 4, 2), NEW_YORK), seconds=600),
        # Only the steps carry the time.
        session(evening(date(2025, 4, 3), NEW_YORK), seconds=0, steps=steps, plan=TONIGHT_30),
        # The record carries the whole, steps a part of it: not counted twice.
        session(evening(date(2025, 4, 4), NEW_YORK), seconds=900, steps=steps, plan=TONIGHT_30),
    ]
    assert minutes_this_month(sessions, now, NEW_YORK) == 10 + 5 + 15


# -- tallies and ratings --------------------------------------------------------------


def test_tally_needs_three_weeks_and_includes_steps() -> None:
    now = datetime(2025, 3, 19, 21, tzinfo=BERLIN)  # a Wednesday
    step = Outcome(kind="appreciation", title="Notice the good", tally=Tally(positive=4))
    two_weeks = [
        session(evening(date(2025, 3, 10), BERLIN), tally=Tally(positive=3, negative=1)),
        session(evening(date(2025, 3, 18), BERLIN), steps=[step], plan=TONIGHT_30),
    ]
    assert tally_by_week(two_weeks, now, BERLIN) is None

    earlier = session(evening(date(2025, 2, 24), BERLIN), tally=Tally(positive=2, negative=2))
    weeks = tally_by_week([*two_weeks, earlier], now, BERLIN)
    assert weeks == [
        WeekTally(date(2025, 2, 24), 2, 2),
        WeekTally(date(2025, 3, 3), 0, 0),
        WeekTally(date(2025, 3, 10), 3, 1),
        WeekTally(date(2025, 3, 17), 4, 0),
    ]


def test_tally_looks_back_only_as_many_weeks_as_asked() -> None:
    now = datetime(2025, 3, 19, 21, tzinfo=BERLIN)
    sessions = [session(now - timedelta(weeks=w), tally=Tally(positive=1)) for w in range(0, 20)]
    weeks = tally_by_week(sessions, now, BERLIN, weeks=5)
    assert weeks is not None
    assert len(weeks) == 5
    assert weeks[-1].week_start == date(2025, 3, 17)


def test_checkin_ratings_per_partner_oldest_first_from_sessions_and_steps() -> None:
    start = datetime(2025, 1, 5, 19, tzinfo=BERLIN)
    checkins = [
        session(start + timedelta(weeks=2), kind="weekly_checkin", ratings={"first": 8}),
        session(start, kind="weekly_checkin", ratings={"first": 6, "second": 7}),
        session(
            start + timedelta(weeks=1),
            plan=WEEKLY_CHECKIN,
            kind="guided",
            steps=[
                Outcome(kind="dtr", title="Temperature reading"),
                Outcome(kind="weekly_checkin", title="Check-in", ratings={"first": 7, "second": 9}),
            ],
        ),
        session(start, kind="connection_check", ratings={"first": 1, "second": 1}),
    ]
    trend = checkin_trend(checkins, BERLIN)
    assert trend is not None
    assert trend["first"].values == (6, 7, 8)
    assert trend["first"].days[0] == date(2025, 1, 5)
    # The second partner rated only twice: not yet a trend, so left out.
    assert "second" not in trend
    assert connection_trend(checkins, BERLIN) is None


def test_connection_check_trend_uses_each_partners_ratings() -> None:
    start = datetime(2025, 6, 1, 20, tzinfo=NEW_YORK)
    checks = [
        session(
            start + timedelta(days=30 * i),
            kind="connection_check",
            ratings={"first": v, "second": 5},
        )
        for i, v in enumerate([3, 4, 5])
    ]
    trend = connection_trend(checks, NEW_YORK)
    assert trend is not None
    assert trend["first"].values == (3, 4, 5)
    assert trend["second"].values == (5, 5, 5)


# -- words -------------------------------------------------------------------------


def test_home_summary_says_one_evening_and_mentions_a_streak() -> None:
    now = datetime(2025, 3, 5, 20, tzinfo=BERLIN)  # Wednesday
    one = [session(evening(date(2025, 3, 5), BERLIN, hour=8))]
    assert home_summary(one, now, BERLIN) == "1 evening together this week."
    three = [session(evening(date(2025, 3, d), BERLIN)) for d in (3, 4, 5)]
    assert home_summary(three, now, BERLIN) == "3 evenings together this week · 3 days in a row."


def test_suggestion_for_a_first_evening_is_gentle() -> None:
    now = datetime(2025, 3, 5, 20, tzinfo=BERLIN)
    suggestion = tonight_suggestion([], now, BERLIN)
    assert suggestion.plan_id == QUICK_RECONNECT
    assert suggestion.line().startswith("Tonight: Quick reconnect — ")


def test_suggestion_late_at_night_is_short_whatever_the_history() -> None:
    late = datetime(2025, 3, 5, 23, 10, tzinfo=BERLIN)
    recent = [session(late - timedelta(days=1), plan=WEEKLY_CHECKIN)]
    assert tonight_suggestion(recent, late, BERLIN).plan_id == QUICK_RECONNECT
    after_midnight = datetime(2025, 3, 6, 0, 40, tzinfo=BERLIN)
    assert tonight_suggestion(recent, after_midnight, BERLIN).plan_id == QUICK_RECONNECT


def test_suggestion_after_quiet_days_is_a_quick_reconnect() -> None:
    now = datetime(2025, 3, 10, 19, tzinfo=BERLIN)
    old = [session(evening(date(2025, 3, 7), BERLIN), plan=WEEKLY_CHECKIN)]
    assert tonight_suggestion(old, now, BERLIN).plan_id == QUICK_RECONNECT


def test_suggestion_weekly_checkin_when_none_in_seven_days() -> None:
    now = datetime(2025, 3, 10, 19, tzinfo=BERLIN)
    sessions = [
        session(evening(date(2025, 3, 9), BERLIN), plan=TONIGHT_30),
        session(evening(date(2025, 3, 2), BERLIN), plan=WEEKLY_CHECKIN),  # 8 days ago
    ]
    assert tonight_suggestion(sessions, now, BERLIN).plan_id == WEEKLY_CHECKIN


@pytest.mark.parametrize(
    "checkin",
    [
        {"plan": WEEKLY_CHECKIN},
        {"kind": "weekly_checkin"},
        {"steps": [Outcome(kind="weekly_checkin", title="Check-in")]},
    ],
)
def test_suggestion_tonight_30_after_a_recent_checkin(checkin: dict[str, object]) -> None:
    now = datetime(2025, 3, 10, 19, tzinfo=BERLIN)
    sessions = [
        session(evening(date(2025, 3, 9), BERLIN), plan=TONIGHT_30),
        session(evening(date(2025, 3, 5), BERLIN), **checkin),  # type: ignore[arg-type]
    ]
    suggestion = tonight_suggestion(sessions, now, BERLIN)
    assert suggestion.plan_id == TONIGHT_30
    assert suggestion.title == "Tonight's 30"


def test_local_zone_is_used_when_none_is_given() -> None:
    # tz=None follows this computer's zone; with UTC pinned, days are UTC days.
    code = (
        "import os, time; os.environ['TZ'] = 'America/New_York'; time.tzset();"
        "from datetime import datetime, UTC;"
        "from closer_tui.core.insights import local_day;"
        "print(local_day(datetime(2025, 3, 5, 2, tzinfo=UTC), None))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "2025-03-04"


def test_insights_import_no_pydantic() -> None:
    # `closer today` relies on this to start fast.
    code = "import sys, closer_tui.core.insights; print('pydantic' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_insight_lines_name_partners_and_wait_for_enough_data() -> None:
    now = datetime(2025, 3, 19, 20, tzinfo=BERLIN)
    names: dict[insights.PartnerKey, str] = {"first": "Alex", "second": "Sam"}
    assert insights.insight_lines([], names, now, BERLIN) == [
        "A fresh week — tonight is a good night to start."
    ]
    checkins = [
        session(now - timedelta(weeks=w), kind="weekly_checkin", ratings={"first": 5 + w})
        for w in range(3)
    ]
    lines = insights.insight_lines(checkins, names, now, BERLIN)
    assert lines[0] == "1 evening together this week."
    assert "3 min together this month." in lines  # the one way to say a duration
    assert any(line.startswith("Weekly check-in, Alex: ") and "7 → 5" in line for line in lines)
    assert not any("Sam" in line for line in lines)  # two ratings or fewer: no trend yet


def test_sparkline_spans_its_scale() -> None:
    assert insights.sparkline([1, 10, 5], 1, 10) == "▁█▄"
    assert insights.sparkline([3, 3], 3, 3) == "▁▁"


def test_suggested_plans_exist_in_content_with_the_same_titles() -> None:
    from closer_tui.core.content import library

    titles = {plan.id: plan.title for plan in library().plans}
    for plan_id in (TONIGHT_30, WEEKLY_CHECKIN, QUICK_RECONNECT):
        assert built_in_plan_titles()[plan_id] == titles[plan_id]

"""The keepsake's figures are the ones the history holds: days, minutes, practices, ratings."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from story_kit import COUPLE, appreciation, checkin, loved_question, session

from closer_tui.core.keepsake import Period, busiest_year, gather, spread
from closer_tui.core.keepsake_page import keepsake_html

YEAR = Period.year(2026)


def test_days_together_and_minutes_by_month_come_from_the_sessions() -> None:
    history = [
        session(date(2026, 1, 5), seconds=600),
        session(date(2026, 1, 5), "question", seconds=300, hour=21),
        session(date(2026, 3, 9), "eye_gazing", seconds=180),
        session(date(2025, 12, 31), seconds=6000),  # the year before: not in this one
    ]
    story = gather(COUPLE, history, YEAR, UTC)
    assert story.sessions == 3
    assert story.days_together == {date(2026, 1, 5), date(2026, 3, 9)}
    minutes = dict(story.minutes_by_month)
    assert len(minutes) == 12
    assert minutes[date(2026, 1, 1)] == 15
    assert minutes[date(2026, 2, 1)] == 0
    assert minutes[date(2026, 3, 1)] == 3
    assert story.minutes == 18


def test_a_session_belongs_to_the_couples_own_evening_not_utc() -> None:
    from zoneinfo import ZoneInfo

    late = session(date(2026, 12, 31), hour=23, seconds=600)  # 00:00 on 1 Jan in Berlin
    assert gather(COUPLE, [late], YEAR, UTC).sessions == 1
    assert gather(COUPLE, [late], YEAR, ZoneInfo("Europe/Berlin")).sessions == 0


def test_practices_are_ranked_by_the_days_they_came_back_to_them() -> None:
    history = [
        *(session(date(2026, 2, d), "hug") for d in (1, 2, 3)),
        session(date(2026, 2, 1), "question", hour=21),
        session(date(2026, 2, 1), "question", hour=22),  # the same day: counted once
        session(date(2026, 2, 4), "tea_ritual"),
    ]
    story = gather(COUPLE, history, YEAR, UTC)
    assert story.practices[0] == ("Hugs", 3)
    assert ("Questions", 1) in story.practices
    assert story.other_kinds == ("Tea ritual",)


def test_each_partners_ratings_are_their_own_series_from_weekly_check_ins() -> None:
    history = [checkin(date(2026, 1, 4), 6, 8), checkin(date(2026, 1, 11), 7, 7)]
    story = gather(COUPLE, history, YEAR, UTC)
    assert story.ratings["first"] == ((date(2026, 1, 4), 6), (date(2026, 1, 11), 7))
    assert story.ratings["second"] == ((date(2026, 1, 4), 8), (date(2026, 1, 11), 7))


def test_appreciations_leave_out_hard_unrevealed_and_passed_ones() -> None:
    history = [
        appreciation(date(2026, 4, 1), "The soup you made", "Your patience"),
        appreciation(date(2026, 4, 2), "Hard evening words", "More", data={"hard": True}),
        appreciation(date(2026, 4, 3), "Not yet revealed", "Still hidden", completed=False),
        appreciation(date(2026, 4, 4), "Behind the curtain", "x", data={"revealed": False}),
    ]
    story = gather(COUPLE, history, YEAR, UTC)
    assert [s.text for s in story.appreciations["first"]] == ["The soup you made"]
    assert [s.text for s in story.appreciations["second"]] == ["Your patience"]
    assert story.appreciations["first"][0].day == date(2026, 4, 1)


def test_a_selection_is_spread_over_the_whole_year() -> None:
    assert spread(list(range(100)), 6) == [0, 20, 40, 59, 79, 99]
    assert spread([1, 2], 6) == [1, 2]


def test_a_from_to_period_covers_its_months_only() -> None:
    period = Period(date(2025, 11, 15), date(2026, 2, 10))
    assert period.words == "15 November 2025 – 10 February 2026"
    assert [m.month for m in period.months()] == [11, 12, 1, 2]
    with pytest.raises(ValueError):
        Period(date(2026, 2, 1), date(2026, 1, 1))


def test_the_busiest_year_is_the_one_with_most_sessions() -> None:
    history = [session(date(2024, 1, d)) for d in range(1, 4)] + [session(date(2025, 1, 1))]
    assert busiest_year(history, UTC) == 2024
    assert busiest_year([], UTC) is None


def test_favourites_on_the_page_are_loved_cards_and_kept_entries() -> None:
    loved = loved_question(date(2026, 5, 1), "What did you dream of as a child?")
    kept = appreciation(date(2026, 5, 2), "You carried the shopping", "Your laugh")
    hard = loved_question(date(2026, 5, 3), "A card from a hard night", data={"hard": True})
    kept_raw = [{"entry": f"{kept.id}/-/1", "at": "2026-05-02T21:00:00+00:00"}]
    page, story = keepsake_html(
        COUPLE, [loved, kept, hard], YEAR, datetime(2026, 12, 1, tzinfo=UTC), kept=kept_raw
    )
    texts = {(f.kind, f.text, f.who) for f in story.favourites}
    assert texts == {
        ("Questions", "What did you dream of as a child?", "both"),
        ("Appreciations", "Your laugh", "second"),
    }
    assert "What did you dream of as a child?" in page
    assert "A card from a hard night" not in page

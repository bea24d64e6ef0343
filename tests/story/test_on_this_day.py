"""On this day: one line from their own past, and each of its rules."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from helpers import AppFactory, screen_text
from story_kit import appreciation, loved_question, session

from closer_tui.core.models import Anniversary, Entry, Outcome
from closer_tui.core.on_this_day import months_back, one_line, ordinal, parse_days
from closer_tui.core.store import Store
from closer_tui.screens.home import HomeScreen

NAMES = {"first": "Alex", "second": "Sam"}
TONIGHT = datetime(2026, 11, 24, 19, 30, tzinfo=UTC)
YEAR_AGO = date(2025, 11, 24)


def line(history: list, anniversaries: list | None = None, **kwargs: object) -> str | None:
    return one_line(history, NAMES, anniversaries or [], TONIGHT, UTC, **kwargs)  # type: ignore[arg-type]


def test_a_year_ago_tonight_one_of_them_appreciated() -> None:
    history = [appreciation(YEAR_AGO, "You fixed my bike without a word", "Your soup")]
    said = "A year ago tonight Alex appreciated “You fixed my bike without a word”."
    assert line(history) == said


def test_a_year_ago_tonight_you_asked_each_other() -> None:
    history = [loved_question(YEAR_AGO, "What would you like to be remembered for?")]
    assert line(history) == (
        "A year ago tonight you asked each other “What would you like to be remembered for?”"
    )


def test_a_quotation_that_ends_its_own_sentence_gets_no_second_stop() -> None:
    history = [appreciation(YEAR_AGO, "Your laugh, all evening!", "x")]
    assert line(history) == "A year ago tonight Alex appreciated “Your laugh, all evening!”"


def test_six_months_ago() -> None:
    history = [appreciation(date(2026, 5, 24), "a", "The way you laughed at my joke")]
    assert line(history) == "Six months ago Alex appreciated “a”."


def test_never_from_a_session_marked_hard() -> None:
    history = [appreciation(YEAR_AGO, "From a hard evening", "x", data={"hard": True})]
    assert line(history) is None


def test_never_from_any_session_with_a_round_marked_hard() -> None:
    guided = session(
        YEAR_AGO,
        "guided",
        steps=[
            Outcome(
                kind="appreciation",
                title="Appreciations",
                entries=[Entry(who="first", prompt="1", text="Kind words")],
            ),
            Outcome(kind="dtr", title="Temperature", data={"hard": True}),
        ],
    )
    assert line([guided]) is None


@pytest.mark.parametrize("hard_step", ["settle_in", "feelings", "hard_moment", "gentle_start"])
def test_never_from_an_evening_after_a_hard_moment_though_nobody_marked_it(hard_step: str) -> None:
    """ "After a hard moment" and the gentle start-up are hard by what they are."""
    guided = session(
        YEAR_AGO,
        "guided",
        steps=[
            Outcome(kind=hard_step, title="A hard moment"),
            Outcome(
                kind="appreciation",
                title="Appreciations",
                entries=[Entry(who="first", prompt="1", text="Thank you for staying")],
            ),
        ],
    )
    assert line([guided]) is None


@pytest.mark.parametrize("hidden", [{"completed": False}, {"data": {"revealed": False}}])
def test_never_a_private_answer_that_was_not_revealed(hidden: dict) -> None:
    history = [appreciation(YEAR_AGO, "Still behind the curtain", "Also hidden", **hidden)]
    assert line(history) is None


def test_never_an_entry_removed_from_history() -> None:
    kept = appreciation(YEAR_AGO, "Stays", "x")
    assert line([kept]) is not None
    assert line([]) is None  # what History no longer holds cannot come back


def test_at_most_one_line_the_anniversary_first() -> None:
    met = Anniversary(label="the day you met", month=11, day=24, year=2019)
    history = [appreciation(YEAR_AGO, "One", "Two"), loved_question(YEAR_AGO, "Three?")]
    assert line(history, [met]) == "Today is the day you met — 7 years ago."
    assert "\n" not in (line(history) or "")


def test_one_setting_turns_it_off() -> None:
    met = Anniversary(label="the day you met", month=11, day=24)
    assert line([appreciation(YEAR_AGO, "a", "b")], [met], enabled=False) is None


def test_the_hundredth_day_together_on_the_day_it_is_reached() -> None:
    from datetime import timedelta

    days = [date(2026, 11, 24) - timedelta(days=2 * n) for n in range(100)]
    history = [session(day) for day in days]
    assert line(history) == "Today is your 100th day together in closer."
    assert line(history[1:]) is None  # the 99th: nothing to mark


def test_days_are_counted_in_words_and_dates() -> None:
    assert [ordinal(n) for n in (1, 2, 3, 11, 12, 13, 21, 100, 1000)] == [
        "1st", "2nd", "3rd", "11th", "12th", "13th", "21st", "100th", "1,000th",
    ]  # fmt: skip
    assert months_back(date(2026, 8, 31), 6) == date(2026, 2, 28)
    assert months_back(date(2026, 3, 15), 12) == date(2025, 3, 15)


def test_what_a_couple_types_in_settings() -> None:
    days = parse_days("the day we met 2019-06-14; moving in 03-01 ;")
    assert [(d.label, d.month, d.day, d.year) for d in days] == [
        ("the day we met", 6, 14, 2019),
        ("moving in", 3, 1, None),
    ]
    with pytest.raises(ValueError, match="needs a name and a date"):
        parse_days("2019-06-14")
    with pytest.raises(ValueError, match="not in the calendar"):
        parse_days("odd 2019-02-30")


async def test_home_shows_the_line_and_loses_it_with_the_session_or_the_setting(
    make_app: AppFactory, store_with_couple: Store, now: object
) -> None:
    evening = now()  # type: ignore[operator]
    past = appreciation(
        date(evening.year - 1, evening.month, evening.day), "You sang in the kitchen", "Tea"
    )
    store_with_couple.save_session(past)
    app = make_app(store_with_couple)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "A year ago tonight Alex appreciated “You sang in the kitchen”." in screen_text(app)
        assert "kitchen.”" not in screen_text(app)

        couple = app.couple
        prefs = couple.preferences.model_copy(update={"on_this_day": False})
        assert app.save_couple(couple.model_copy(update={"preferences": prefs}))
        await pilot.pause()
        assert "A year ago tonight" not in screen_text(app)

        prefs = app.couple.preferences.model_copy(update={"on_this_day": True})
        assert app.save_couple(app.couple.model_copy(update={"preferences": prefs}))
        await pilot.pause()
        assert "A year ago tonight" in screen_text(app)
        app.delete_session(past)
        await pilot.pause()
        assert "A year ago tonight" not in screen_text(app)

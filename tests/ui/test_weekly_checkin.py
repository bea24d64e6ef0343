"""The weekly check-in: three questions in turn, then a private 1–10 rating each."""

from __future__ import annotations

import pytest
from helpers import answer_privately, enter_twice, hand_over, open_activity, say, screen_flat
from textual.pilot import Pilot
from textual.widgets import TextArea

from closer_tui.activities.weekly_checkin import NeedsActivity, WeeklyCheckinActivity
from closer_tui.app import CloserApp
from closer_tui.core.clock import ManualClock
from closer_tui.core.store import Store
from closer_tui.screens.activity import ActivityScreen
from closer_tui.widgets.private_round import HANDOVER_SECONDS, PrivateRound


async def open_checkin(pilot: Pilot[None]) -> WeeklyCheckinActivity:
    return await open_activity(pilot, "weekly-checkin", WeeklyCheckinActivity)


async def answer_the_questions(pilot: Pilot[None]) -> None:
    await say(pilot, "we cooked together")  # Alex, question 1
    await say(pilot, "the Sunday walk")  # Sam
    await pilot.press("ctrl+o")  # Sam goes first on question 2, and passes
    await say(pilot, "more early nights")  # Alex
    await say(pilot, "an evening with friends")  # Alex goes first on question 3
    await say(pilot, "quiet on Saturday")  # Sam


async def at_the_rating(pilot: Pilot[None], clock: ManualClock) -> PrivateRound:
    """The check-in opened, its questions answered, Alex past the curtain at the rating."""
    checkin = await open_checkin(pilot)
    await answer_the_questions(pilot)
    await hand_over(pilot, clock)
    return checkin.query_one(PrivateRound)


async def test_questions_in_turn_ratings_private_until_revealed_then_saved(
    store_with_couple: Store, app: CloserApp, clock: ManualClock
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        checkin = await open_checkin(pilot)
        assert "30 minutes" in screen_flat(app)
        assert "Question 1 of 3" in screen_flat(app)
        await answer_the_questions(pilot)
        await pilot.pause()
        assert checkin.stage == "rating"
        assert "Sam, please look away" in screen_flat(app)
        await answer_privately(pilot, clock, ["7"])
        shown = screen_flat(app)
        assert "7" not in shown.split("locked away")[-1].split("palette")[0], shown
        assert checkin.pending() is not None
        assert checkin.pending()[0].ratings == {}, "no rating exists before the reveal"  # type: ignore[index]
        await answer_privately(pilot, clock, ["10"])
        assert "Both answers are in" in screen_flat(app)
        assert "of 10" not in screen_flat(app)
        await hand_over(pilot, clock)
        shown = screen_flat(app)
        assert "7 of 10" in shown and "10 of 10" in shown
        assert "not a grade" in shown
        clock.advance(31 * 60)
        await pilot.press("d")
        await pilot.pause()
        assert "Saved" in screen_flat(app)

    [record] = store_with_couple.load_history().sessions
    assert record.kind == "weekly_checkin"
    assert record.ratings == {"first": 7, "second": 10}
    assert record.planned_seconds == 30 * 60
    assert record.actual_seconds == pytest.approx(31 * 60 + 3 * HANDOVER_SECONDS)  # + hand-overs
    assert [(e.who, e.parts["step"], e.passed) for e in record.entries] == [
        ("first", "question-1", False),
        ("second", "question-1", False),
        ("second", "question-2", True),
        ("first", "question-2", False),
        ("first", "question-3", False),
        ("second", "question-3", False),
    ]
    assert record.entries[5].text == "quiet on Saturday"


async def test_a_passed_rating_is_simply_absent(
    app: CloserApp, clock: ManualClock, pilot: Pilot[None]
) -> None:
    checkin = await open_checkin(pilot)
    await answer_the_questions(pilot)
    await answer_privately(pilot, clock, ["6"])
    await hand_over(pilot, clock)
    for _ in range(11):  # past 10, to "Pass"
        await pilot.press("down")
    await pilot.press("enter")
    await hand_over(pilot, clock)
    assert "passed" in screen_flat(app)
    pending = checkin.pending()
    assert pending is not None
    assert pending[0].ratings == {"first": 6}


async def test_the_clock_is_gentle_and_moves_with_time(
    app: CloserApp, clock: ManualClock, pilot: Pilot[None]
) -> None:
    checkin = await open_checkin(pilot)
    clock.advance(12 * 60 + 5)
    checkin._tick()
    await pilot.pause()
    assert "About 12 of 30 minutes" in screen_flat(app)


async def test_needs_both_say_it_and_it_is_saved(store_with_couple: Store, app: CloserApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        needs = NeedsActivity()
        await app.push_screen(ActivityScreen("Needs", [("Needs", needs)]))
        await pilot.pause()
        assert "Alex: This week, I need" in screen_flat(app)
        await say(pilot, "an early night")
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert "Saved" in screen_flat(app)
        assert needs.pending() is None
    [record] = store_with_couple.load_history().sessions
    assert record.kind == "needs"
    assert [(e.who, e.text, e.passed) for e in record.entries] == [
        ("first", "an early night", False),
        ("second", "", True),
    ]


async def test_usable_at_60x20(app: CloserApp, clock: ManualClock) -> None:
    async with app.run_test(size=(60, 20)) as pilot:
        checkin = await open_checkin(pilot)
        text_box = checkin.query_one("#te-text", TextArea)
        assert app.focused is text_box
        assert app.screen.region.contains_region(text_box.region)
        await answer_the_questions(pilot)
        await hand_over(pilot, clock)
        assert "Pass is always fine" in screen_flat(app) or "1 far apart" in screen_flat(app)


async def test_one_then_zero_is_ten_and_nothing_locks_before_enter(
    app: CloserApp, clock: ManualClock, pilot: Pilot[None]
) -> None:
    """The hint says "a number, then enter": "1" alone once locked "1 · far apart"."""
    private = await at_the_rating(pilot, clock)
    assert "1 then 0 is 10" in screen_flat(app)
    await pilot.press("1")
    assert private.stage == "answer" and private.answers["first"] == {}
    await pilot.press("0")
    assert private.stage == "answer" and private.answers["first"] == {}
    assert "Chosen: 10 · very close. Enter locks it in" in screen_flat(app)
    await pilot.press("enter")
    assert private.answers["first"] == {"connection": 10}
    await hand_over(pilot, clock)
    await pilot.press("3", "down", "down")  # changed with the arrows before locking: 5
    assert "Chosen: 5. Enter locks it in" in screen_flat(app)
    await pilot.press("enter")
    assert private.answers["second"] == {"connection": 5}


async def test_enter_pressed_twice_at_once_locks_one_answer_and_stays_on_the_hand_over(
    app: CloserApp, clock: ManualClock, pilot: Pilot[None]
) -> None:
    """Both presses reach the list before it is hidden: the second once raised IndexError."""
    private = await at_the_rating(pilot, clock)
    await pilot.press("1", "0")
    await enter_twice(pilot)
    assert private.answers["first"] == {"connection": 10}
    assert private.stage == "curtain"

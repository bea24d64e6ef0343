"""The safety self-check: answered alone, nothing kept or shown before both reveal."""

from __future__ import annotations

from helpers import answer_privately, choose, enter_twice, hand_over, open_activity, screen_flat
from textual.pilot import Pilot

from closer_tui.activities.safety_check import SafetyCheckActivity, rounded_average
from closer_tui.app import CloserApp
from closer_tui.core.clock import ManualClock
from closer_tui.core.store import Store
from closer_tui.widgets.private_round import PrivateRound


async def open_check(pilot: Pilot[None]) -> SafetyCheckActivity:
    return await open_activity(pilot, "safety", SafetyCheckActivity)


async def at_the_first_question(pilot: Pilot[None], clock: ManualClock) -> PrivateRound:
    """The check opened and Alex past the curtain, looking at the first question."""
    check = await open_check(pilot)
    await hand_over(pilot, clock)
    return check.query_one(PrivateRound)


ALEX = ["4", "5", "3", "2", "1", "5", "4", "4"]
SAM = ["3", "3", "3", "3", "3", "3", "3"]  # and one pass, at the end


async def test_private_until_revealed_then_saved_with_each_partners_answers(
    store_with_couple: Store, app: CloserApp, clock: ManualClock
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        check = await open_check(pilot)
        labels = app.library.safety_check.scale
        shown = screen_flat(app)
        assert "Sam, please look away" in shown
        assert "not therapy" in shown, "the safety note, once, before anyone answers"
        await answer_privately(pilot, clock, ALEX)
        shown = screen_flat(app)
        assert "Alex's answers are locked away" in shown
        assert not any(label in shown for label in labels), "nothing Alex chose is on screen"
        assert "not therapy" not in shown
        assert check.pending() is None, "nothing exists to save before the reveal"
        await answer_privately(pilot, clock, SAM)
        assert "not therapy" not in screen_flat(app), "not on every question"
        await pilot.press("down", "down", "down", "down", "down", "down", "enter")  # Pass
        await pilot.pause()
        shown = screen_flat(app)
        assert "Both answers are in" in shown
        assert not any(label in shown for label in labels)
        assert check.pending() is None
        await hand_over(pilot, clock)
        shown = screen_flat(app)
        assert "Differences are information, not a verdict" in shown
        assert "not therapy" not in shown, "not again on the reveal"
        assert "4 · Mostly" in shown and "3 · Sometimes" in shown
        await pilot.press("d")
        await pilot.pause()
        assert "Saved" in screen_flat(app)

    [record] = store_with_couple.load_history().sessions
    assert record.kind == "safety_check"
    alex = [e for e in record.entries if e.who == "first"]
    sam = [e for e in record.entries if e.who == "second"]
    assert [e.parts["score"] for e in alex] == ALEX
    assert alex[0].text == "Mostly"
    assert [e.parts.get("score") for e in sam] == [*SAM, None]
    assert sam[-1].passed
    assert record.ratings == {"first": 4, "second": 3}  # 28/8 = 3.5 rounds up


async def test_dont_save_keeps_nothing(
    store_with_couple: Store, app: CloserApp, clock: ManualClock
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        check = await open_check(pilot)
        await answer_privately(pilot, clock, ALEX)
        await answer_privately(pilot, clock, ALEX)
        await hand_over(pilot, clock)
        assert check.pending() is not None
        await pilot.press("x")
        await pilot.pause()
        assert "Not saved" in screen_flat(app)
        assert check.pending() is None
        await pilot.press("r")
        await pilot.pause()
        assert check.query_one(PrivateRound).stage == "curtain"
    assert store_with_couple.load_history().sessions == []


def test_rounded_average_rounds_halves_up_and_passes_are_absent() -> None:
    assert rounded_average([3, 4]) == 4
    assert rounded_average([1, 2, 2]) == 2
    assert rounded_average([]) is None


async def test_usable_at_60x20(app: CloserApp, clock: ManualClock) -> None:
    async with app.run_test(size=(60, 20)) as pilot:
        await open_check(pilot)
        await hand_over(pilot, clock)
        shown = screen_flat(app)
        assert "1 of 8" in shown
        assert "Very much" in shown and "Pass" in shown
        assert "enter to lock it in. Pass is always fine" in shown, "not below the fold"
        await pilot.press("3")
        await pilot.pause()
        shown = screen_flat(app)
        assert "Chosen: 3 · Sometimes" in shown and "1 of 8" in shown


async def test_a_number_only_chooses_and_enter_locks_it_in(
    app: CloserApp, clock: ManualClock, pilot: Pilot[None]
) -> None:
    private = await at_the_first_question(pilot, clock)
    await pilot.press("2")
    assert "1 of 8" in screen_flat(app), "a number alone locks nothing"
    await pilot.press("5", "up")  # changed twice: 4 is chosen
    assert "1 of 8" in screen_flat(app)
    await pilot.press("enter")
    assert "2 of 8" in screen_flat(app)
    await choose(pilot, *ALEX[1:])
    assert private.answers["first"]["item-1"] == 4


async def test_enter_pressed_with_the_last_answer_does_not_pass_the_hand_over(
    app: CloserApp, clock: ManualClock, pilot: Pilot[None]
) -> None:
    """ "3 enter enter" on the last question: the second enter lands on "Alex, look
    away" as it appears, and must not show Sam's questions while Alex can still see."""
    private = await at_the_first_question(pilot, clock)
    await choose(pilot, *ALEX[:-1])
    await pilot.press("3", "enter", "enter")
    clock.advance(0.3)
    await pilot.press("enter")
    assert private.stage == "curtain"
    assert "Alex, please look away" in screen_flat(app)
    clock.advance(0.2)
    await pilot.press("enter")  # now Sam presses it, on a screen they have seen
    assert private.stage == "answer"
    await choose(pilot, *ALEX)
    await pilot.press("enter")
    assert private.stage == "both-look", "the reveal waits for a press on its own screen"
    await hand_over(pilot, clock)
    assert private.stage == "revealed"


async def test_enter_pressed_twice_at_once_does_not_answer_the_next_question(
    app: CloserApp, clock: ManualClock, pilot: Pilot[None]
) -> None:
    private = await at_the_first_question(pilot, clock)
    await pilot.press("3")
    await enter_twice(pilot)
    assert private.answers["first"] == {"item-1": 3}
    assert "2 of 8" in screen_flat(app)

"""Guided sessions in the real app, on a fake clock: every plan, every key, and resume."""

from __future__ import annotations

import pytest
from helpers import AppFactory, advance, picked_up, play, start_plan

from closer_tui.app import CloserApp
from closer_tui.core.clock import ManualClock
from closer_tui.core.content import library
from closer_tui.core.models import Entry, Outcome
from closer_tui.core.store import Store
from closer_tui.screens.session import SessionScreen, time_words
from closer_tui.screens.summary import SummaryScreen
from closer_tui.widgets.activity import Activity

PLAN_IDS = [plan.id for plan in library().plans]


@pytest.mark.parametrize("plan_id", PLAN_IDS)
async def test_a_whole_plan_runs_through_and_saves_once(
    plan_id: str,
    app: CloserApp,
    store_with_couple: Store,
    clock: ManualClock,
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start_plan(pilot, plan_id)
        plan = screen.plan
        for index, step in enumerate(plan.steps):
            assert screen.run.index == index
            assert isinstance(screen.activity, Activity)
            await advance(pilot, clock, step.minutes * 60)
            # A step with parts (the DTR's five) asks each partner to speak or
            # pass (ctrl+o) before "next" moves on; elsewhere ctrl+o does nothing.
            for _ in range(8):
                await pilot.press("ctrl+o", "ctrl+o", "ctrl+n")
                await pilot.pause()
                if screen.run.index != index or screen.run.finished:
                    break
        assert isinstance(app.screen, SummaryScreen)
    history = store_with_couple.load_history().sessions
    assert len(history) == 1
    record = history[0]
    assert record.plan == plan_id and record.completed
    assert [step.kind for step in record.steps] == [step.activity for step in plan.steps]
    assert record.actual_seconds == pytest.approx(plan.minutes * 60)
    assert store_with_couple.load_drafts() == []


async def test_pause_skip_extend_and_done_early(
    app: CloserApp, store_with_couple: Store, clock: ManualClock
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start_plan(pilot, "tonight-30")
        # ctrl+t holds the evening
        await play(pilot, clock, 30, "ctrl+t", 600)
        assert screen.paused
        assert screen.run.together_seconds == pytest.approx(30)
        await play(pilot, clock, "ctrl+t", 10)
        assert screen.run.together_seconds == pytest.approx(40)
        await pilot.press("ctrl+e")
        assert screen.run.step_seconds == screen.plan.steps[0].minutes * 60 + 60
        await pilot.press("ctrl+k")  # skip the first step
        await pilot.pause()
        assert screen.run.index == 1
        # ctrl+d: we're done for tonight
        await play(pilot, clock, 20, "ctrl+d")
        assert isinstance(app.screen, SummaryScreen)
    record = store_with_couple.load_history().sessions[0]
    assert record.completed is False
    assert record.steps[0].data["skipped"] is True
    assert len(record.steps) == 2  # the skipped step and the partly done one
    assert record.actual_seconds == pytest.approx(60)


async def test_the_step_cue_comes_once_and_moving_on_stays_their_choice(
    app: CloserApp, clock: ManualClock
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start_plan(pilot, "quick-reconnect")
        await advance(pilot, clock, screen.plan.steps[0].minutes * 60 + 5)
        screen._tick()
        screen._tick()
        await pilot.pause()
        cues = [n for n in app._notifications if "time is up" in n.message]
        assert len(cues) == 1
        assert screen.run.index == 0  # never a hard cut


async def test_an_interrupted_session_is_offered_back_with_what_was_written(
    make_app: AppFactory, store_with_couple: Store, clock: ManualClock
) -> None:
    app = make_app(store_with_couple)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start_plan(pilot, "tonight-30")
        await play(pilot, clock, 90, "ctrl+n")
        screen.run.add_round(
            Outcome(
                kind="hug", title="x", entries=[Entry(who="second", prompt="p", text="ünïcødé ✓")]
            )
        )
        screen.autosave()
        # The terminal closes here: no summary, no goodbye.
    drafts = store_with_couple.load_drafts()
    assert len(drafts) == 1 and drafts[0].step_index == 1

    again = make_app(Store.open(store_with_couple.root))
    async with again.run_test(size=(100, 30)) as pilot:
        resumed = await picked_up(pilot)
        assert resumed.run.index == 1
        assert resumed.run.draft.done[0].actual_seconds == pytest.approx(90)
        await pilot.press("ctrl+d")
        await pilot.pause()
    record = store_with_couple.load_history().sessions[0]
    texts = [e.text for step in record.steps for e in step.entries]
    assert "ünïcødé ✓" in texts
    assert store_with_couple.load_drafts() == []


async def test_a_running_session_is_never_offered_back_to_itself(
    app: CloserApp, store_with_couple: Store, clock: ManualClock
) -> None:
    """A plan asked for while closer was still opening starts before the look for drafts."""
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start_plan(pilot, "quick-reconnect")
        await advance(pilot, clock, 10)
        assert len(store_with_couple.load_drafts()) == 1  # its own autosave
        app.offer_resume()
        await pilot.pause()
        assert app.screen is screen


async def test_dont_save_this_one_leaves_nothing_behind(
    app: CloserApp, store_with_couple: Store, clock: ManualClock
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await start_plan(pilot, "weekly-checkin")
        await play(pilot, clock, 120, "ctrl+x")
        await pilot.click("#yes")
        await pilot.pause()
        assert not isinstance(app.screen, SessionScreen)
    assert store_with_couple.load_history().sessions == []
    assert store_with_couple.load_drafts() == []


async def test_the_session_fits_a_small_terminal(app: CloserApp) -> None:
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await start_plan(pilot, "tonight-30")
        await pilot.pause()
        assert screen.has_class("-narrow")
        assert screen.query_one("#session-time").region.bottom <= 20
        assert "Step 1 of" in str(screen.query_one("#step-title").render())


@pytest.mark.parametrize(
    ("step_left", "expected"),
    [
        (600.0, "10 min left in this step · 12 of 30 min together"),
        (61.0, "2 min left in this step · 12 of 30 min together"),
        (60.0, "under a minute left in this step · 12 of 30 min together"),
        (0.5, "under a minute left in this step · 12 of 30 min together"),
        (0.0, "time's up: move on when ready · 12 of 30 min together"),
        (-59.0, "time's up: move on when ready · 12 of 30 min together"),
        (-185.0, "3 min over: move on when ready · 12 of 30 min together"),
    ],
)
def test_the_session_line_counts_in_minutes(step_left: float, expected: str) -> None:
    assert time_words(step_left, 12 * 60 + 59, 30 * 60, paused=False) == expected


def test_the_session_line_fits_a_small_terminal_in_every_state() -> None:
    for step_left in (7000.0, 30.0, -30.0, -7000.0):
        for paused in (False, True):
            line = time_words(step_left, 239 * 60, 240 * 60, paused=paused)
            assert len(line) <= 58, line

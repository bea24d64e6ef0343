"""Nothing a couple said is lost, and no key ends an evening without asking."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import AppFactory, open_place, picked_up, screen_text, start_plan
from textual.pilot import Pilot
from textual.widgets import Button, Input, TextArea

from closer_tui.app import CloserApp
from closer_tui.core.clock import ManualClock, Phase
from closer_tui.core.plans import TIME_ALONE_SECONDS
from closer_tui.core.store import Store, StoreError
from closer_tui.screens.activity import ActivityScreen
from closer_tui.screens.leave import LeaveScreen
from closer_tui.screens.save_failed import SaveFailedScreen
from closer_tui.screens.session import LOOK_SECONDS, SessionScreen
from closer_tui.screens.summary import SummaryScreen
from closer_tui.widgets.countdown import CountdownPanel
from closer_tui.widgets.turn_entry import TurnEntry

DISK_FULL = (
    "Could not save the session in progress: the disk is full. Nothing saved before was changed."
)


async def reach_step(pilot: Pilot[None], screen: SessionScreen, index: int) -> None:
    while screen.run.index < index:
        await pilot.press("ctrl+k")
        await pilot.pause()


async def typed_at(pilot: Pilot[None], plan_id: str, step: int, *keys: str) -> SessionScreen:
    """A guided session started, moved on to ``step`` and ``keys`` pressed there."""
    screen = await start_plan(pilot, plan_id)
    await reach_step(pilot, screen, step)
    await pilot.press(*keys)
    return screen


async def in_memory(
    pilot: Pilot[None], monkeypatch: pytest.MonkeyPatch, store: Store, *keys: str
) -> SessionScreen:
    """Quick reconnect on a disk that has just filled up, ``keys`` pressed at the appreciations."""
    screen = await start_plan(pilot, "quick-reconnect")
    full_disk(monkeypatch, store)
    await reach_step(pilot, screen, 2)
    await pilot.press(*keys)
    return screen


async def on_the_second_step(pilot: Pilot[None], clock: ManualClock) -> SessionScreen:
    """Tonight's 30 begun: a minute and a half settling in, then on to the next step."""
    screen = await start_plan(pilot, "tonight-30")
    clock.advance(90)
    await pilot.press("ctrl+n")
    await pilot.pause()
    return screen


async def press(pilot: Pilot[None], button: str) -> None:
    """Press a dialog's button (a click could land on a notification over it)."""
    pilot.app.screen.query_one(button, Button).press()
    await pilot.pause()


def box(screen: SessionScreen) -> TextArea:
    return screen.query_one("#te-text", TextArea)


def entries(store: Store, kind: str = "appreciations") -> list[tuple[str, str]]:
    """Who wrote what in the one saved session's steps of ``kind``."""
    (record,) = store.load_history().sessions
    steps = record.steps if record.kind == "guided" else [record]
    return [(e.who, e.text) for step in steps if step.kind == kind for e in step.entries]


def full_disk(monkeypatch: pytest.MonkeyPatch, store: Store) -> None:
    def refuse(*args: object) -> None:
        raise StoreError(DISK_FULL)

    monkeypatch.setattr(store, "save_draft", refuse)
    monkeypatch.setattr(store, "save_session", refuse)


# -- item 1: ctrl+q, Ctrl+C (SIGINT) and closing keep what was autosaved ------------------


@pytest.mark.parametrize("how", ["ctrl+q", "sigint"])
async def test_quitting_keeps_the_words_of_the_current_step(
    how: str, app: CloserApp, store_with_couple: Store
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        # one appreciation each, half-way through the first
        await typed_at(pilot, "quick-reconnect", 2, *"Soup on Tuesday")
        if how == "ctrl+q":
            await pilot.press("ctrl+q")
        else:
            app._interrupted()
        await pilot.pause()
        assert not app.is_running
    (draft,) = store_with_couple.load_drafts()
    assert draft.current["typing"] == {"te-text": "Soup on Tuesday"}


async def test_closing_after_the_step_is_gone_never_writes_a_draft_that_knows_less(
    app: CloserApp, store_with_couple: Store
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await typed_at(pilot, "quick-reconnect", 2, *"Soup on Tuesday")
        screen._tick()  # the autosave every few seconds
        await screen.stage.remove_children()  # as on closing: the step goes first
        screen.autosave(look=False)
    (draft,) = store_with_couple.load_drafts()
    assert draft.current["typing"] == {"te-text": "Soup on Tuesday"}


async def test_a_draft_in_which_only_time_moved_waits_and_words_never_do(
    app: CloserApp, store_with_couple: Store, clock: ManualClock
) -> None:
    def on_disk() -> tuple[float, dict[str, str]]:
        (draft,) = store_with_couple.load_drafts()
        return draft.step_elapsed, draft.current["typing"]

    async with app.run_test(size=(100, 30)) as pilot:
        screen = await typed_at(pilot, "quick-reconnect", 2, *"Soup")
        screen._tick()
        elapsed, typing = on_disk()
        assert typing == {"te-text": "Soup"}
        clock.advance(LOOK_SECONDS)
        screen._tick()
        assert on_disk() == (elapsed, typing)  # only the time moved: not written yet
        await pilot.press(*" on Tuesday")
        clock.advance(LOOK_SECONDS)
        screen._tick()
        assert on_disk() == (elapsed + 2 * LOOK_SECONDS, {"te-text": "Soup on Tuesday"})
        clock.advance(TIME_ALONE_SECONDS)
        screen._tick()
        assert on_disk()[0] == elapsed + 2 * LOOK_SECONDS + TIME_ALONE_SECONDS  # the time too


# -- items 2 and 3: a said turn is on disk at once; half-typed words come back ------------


async def test_a_said_turn_is_on_disk_before_the_next_key_and_picked_up_after(
    make_app: AppFactory, store_with_couple: Store
) -> None:
    app = make_app(store_with_couple)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await typed_at(pilot, "tonight-30", 6, *"An early night")  # what each of us needs
        await pilot.press("ctrl+s")  # said it: the other's turn
        (draft,) = store_with_couple.load_drafts()  # no autosave tick ran
        kept = draft.current["kept"]
        assert [e["text"] for e in kept["entries"]] == ["An early night"]
        await pilot.press(*"A walk")  # the second partner, half-way
        screen._tick()
        screen._ended = True  # SIGKILL here: nothing more is written

    again = make_app(Store.open(store_with_couple.root))
    async with again.run_test(size=(100, 30)) as pilot:
        resumed = await picked_up(pilot)
        assert box(resumed).text == "A walk"  # put back where it was typed
        assert resumed.query_one(TurnEntry).speaker == "second"
        await pilot.press(*" together", "ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert isinstance(again.screen, SummaryScreen)
    # Each said once: nothing lost, nothing counted twice.
    assert entries(store_with_couple, "needs") == [
        ("first", "An early night"),
        ("second", "A walk together"),
    ]


async def test_save_what_we_did_keeps_the_half_typed_words(
    make_app: AppFactory, store_with_couple: Store
) -> None:
    app = make_app(store_with_couple)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await typed_at(pilot, "quick-reconnect", 2, *"Soup", "ctrl+s", *"Tea in be")
        screen._tick()
        screen._ended = True  # the laptop's battery runs out

    again = make_app(Store.open(store_with_couple.root))
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.pause()
        await pilot.click("#save")
        await pilot.pause()
    assert entries(store_with_couple) == [("first", "Soup"), ("second", "Tea in be")]


# -- item 4: a full disk is said truthfully, and quitting asks ---------------------------


async def test_a_full_disk_is_told_truthfully_and_every_way_out_asks(
    app: CloserApp,
    store_with_couple: Store,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await in_memory(pilot, monkeypatch, store_with_couple, *"Soup on Tuesday")
        messages = [n.message for n in app._notifications]
        assert any("only in memory" in m for m in messages)
        assert not any("kept as a draft" in m or ".." in m for m in messages)
        assert screen.only_in_memory

        await pilot.press("ctrl+d")  # done for tonight, but nothing can be saved
        await pilot.pause()
        assert isinstance(app.screen, SaveFailedScreen)
        assert not any("kept as a draft" in n.message for n in app._notifications)
        await pilot.press("ctrl+q")  # a tired couple quits: closer still asks
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, SaveFailedScreen)

        monkeypatch.undo()  # some space is freed
        await press(pilot, "#retry")
        assert not app.is_running  # saved, so the quit goes on
    assert entries(store_with_couple) == [("first", "Soup on Tuesday")]
    assert store_with_couple.load_drafts() == []


@pytest.mark.parametrize("how", ["ctrl+q", "sigint", "escape"])
async def test_with_the_session_only_in_memory_leaving_asks_first(
    how: str,
    app: CloserApp,
    store_with_couple: Store,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await in_memory(pilot, monkeypatch, store_with_couple, *"Soup")
        if how == "sigint":
            app._interrupted()
        elif how == "escape":
            await pilot.press("escape")
            await pilot.pause()
            await pilot.click("#save")  # save and stop
        else:
            await pilot.press(how)
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, SaveFailedScreen)
        await press(pilot, "#discard")
        assert app.is_running  # letting go is asked twice
        await press(pilot, "#discard")
        if how != "escape":
            assert not app.is_running


async def test_a_practice_round_only_in_memory_asks_on_quit(
    app: CloserApp, store_with_couple: Store
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await open_place(pilot, "appreciation")
        assert isinstance(app.screen, ActivityScreen)
        await pilot.press(*"Soup")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, LeaveScreen)
        await pilot.click("#save")
        await pilot.pause()
        assert not app.is_running
    assert entries(store_with_couple) == [("first", "Soup")]


# -- item 8: a store that fails is told plainly, never a crash ----------------------------


async def test_an_unfinished_session_that_cannot_be_removed_is_told_plainly(
    make_app: AppFactory,
    store_with_couple: Store,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(draft_id: str) -> None:
        raise StoreError("The unfinished session could not be removed: the disk is read-only.")

    app = make_app(store_with_couple)
    async with app.run_test(size=(100, 30)) as pilot:
        await start_plan(pilot, "quick-reconnect")
        monkeypatch.setattr(store_with_couple, "discard_draft", refuse)
        await pilot.press("ctrl+x")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        assert not isinstance(app.screen, SessionScreen)
        assert any("read-only" in n.message for n in app._notifications)


# -- keys that end an evening ask first ------------------------------------------------------


async def test_escape_asks_and_carrying_on_is_what_enter_does(
    app: CloserApp, store_with_couple: Store, clock: ManualClock
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await on_the_second_step(pilot, clock)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LeaveScreen)
        labels = [str(b.label) for b in app.screen.query(Button)]
        assert labels == ["Save and stop", "Don't save", "Carry on"]
        await pilot.press("enter")  # a tired press carries on
        await pilot.pause()
        assert app.screen is screen
    assert store_with_couple.load_history().sessions == []


async def test_q_on_home_quits_keeping_the_draft(
    app: CloserApp, store_with_couple: Store, clock: ManualClock
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await on_the_second_step(pilot, clock)
        screen.autosave()
        app.pop_screen()  # back on home, the session's draft on disk
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    (draft,) = store_with_couple.load_drafts()
    assert draft.step_index == 1


# -- one hold, one way out; every place shows the same minutes --------------------------------


async def test_while_held_the_steps_own_timer_cannot_be_carried_on_by_p(
    app: CloserApp, clock: ManualClock
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start_plan(pilot, "tonight-30")
        await pilot.press("space")  # settle in: the phones-away timer starts
        await pilot.pause()
        panel = screen.query_one(CountdownPanel)
        panel.focus()
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert panel.countdown.phase is Phase.PAUSED
        assert panel._looks().status == ""  # the session's line alone says how to carry on
        await pilot.press("p")
        await pilot.pause()
        assert panel.countdown.phase is Phase.PAUSED and screen.paused
        assert any("ctrl+t carries on" in n.message for n in app._notifications)
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert panel.countdown.phase is Phase.RUNNING and not screen.paused


async def test_one_more_minute_shows_the_same_everywhere(
    app: CloserApp, clock: ManualClock
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start_plan(pilot, "tonight-30")  # settle in: 2 minutes
        await pilot.press("space")
        await pilot.pause()
        panel = screen.query_one(CountdownPanel)
        clock.advance(9)
        panel.sync()
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert panel.countdown.remaining == pytest.approx(171)  # 2:51, as the line's 3 min
        shown = screen_text(app)
        assert "3 min left in this step" in shown
        assert re.search(r"▶ Settle in.* 3′", shown)  # the step list too


async def test_a_temperature_reading_is_picked_up_at_its_step_and_turn(
    make_app: AppFactory, store_with_couple: Store
) -> None:
    app = make_app(store_with_couple)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start_plan(pilot, "weekly-checkin")
        await reach_step(pilot, screen, 1)  # the Daily Temperature Reading
        await pilot.press("ctrl+o", "ctrl+o", "ctrl+n")  # appreciations: both pass
        await pilot.press(*"a new job", "ctrl+s", *"a tri")  # new information
        screen._tick()
        screen._ended = True  # the terminal closes

    again = make_app(Store.open(store_with_couple.root))
    async with again.run_test(size=(100, 30)) as pilot:
        resumed = await picked_up(pilot)
        shown = screen_text(again)
        assert "Step 2 of 5 · New information" in shown and "Sam shares" in shown
        assert box(resumed).text == "a tri"
        await pilot.press(*"p", "ctrl+s", "ctrl+n")
        for _ in range(3):
            await pilot.press("ctrl+o", "ctrl+o", "ctrl+n")
        await pilot.pause()
        shown = screen_text(again)
        assert "Press r for another reading." in shown and "another day" not in shown
        await pilot.press("ctrl+d")
        await pilot.pause()
    said = [(who, text) for who, text in entries(store_with_couple, "dtr") if text]
    assert said == [("first", "a new job"), ("second", "a trip")]


async def test_done_on_a_full_disk_then_saved_shows_the_summary(
    app: CloserApp,
    store_with_couple: Store,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await in_memory(pilot, monkeypatch, store_with_couple, *"Soup", "ctrl+d")
        await pilot.pause()
        assert isinstance(app.screen, SaveFailedScreen)
        monkeypatch.undo()
        await press(pilot, "#retry")
        assert isinstance(app.screen, SummaryScreen)
        assert [type(s).__name__ for s in app.screen_stack][-2:] == ["HomeScreen", "SummaryScreen"]
    assert entries(store_with_couple) == [("first", "Soup")]


async def test_a_finished_round_is_on_disk_at_once_and_counted_once(
    app: CloserApp, store_with_couple: Store
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start_plan(pilot, "tonight-30")
        await reach_step(pilot, screen, 6)
        await pilot.press(*"Sleep", "ctrl+s", *"Tea", "ctrl+s")  # both said: the step's round
        (draft,) = store_with_couple.load_drafts()  # no tick ran
        rounds = draft.current["rounds"]
        assert [e["text"] for r in rounds for e in r["entries"]] == ["Sleep", "Tea"]
        assert draft.current["kept"] is None  # not a second time


async def test_on_a_full_disk_a_copy_elsewhere_keeps_the_evening_and_reads_back(
    app: CloserApp,
    store_with_couple: Store,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await in_memory(pilot, monkeypatch, store_with_couple, *"Soup", "ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, SaveFailedScreen)
        app.screen.query_one("#elsewhere", Input).value = str(tmp_path / "evening.json")
        await press(pilot, "#copy")
        assert not app.is_running
    # As the screen says: put back in in-progress/, closer offers it again.
    monkeypatch.undo()
    (tmp_path / "evening.json").rename(store_with_couple.drafts_dir / "evening.json")
    (draft,) = store_with_couple.load_drafts()
    assert draft.current["typing"] == {"te-text": "Soup"}

"""The break either partner can call (ctrl+g): from any screen, nothing lost, time not counted."""

from __future__ import annotations

from pathlib import Path

from helpers import AppFactory, advance, open_activity, screen_text, start_plan, tap
from textual.pilot import Pilot
from textual.widgets import Input

from closer_tui.activities.inner_world import IStatementActivity
from closer_tui.app import CloserApp
from closer_tui.core.clock import ManualClock, Phase
from closer_tui.core.store import Store
from closer_tui.screens.break_screen import KEEPSAKE, BreakScreen
from closer_tui.screens.home import HomeScreen
from closer_tui.screens.leave import LeaveScreen
from closer_tui.widgets.countdown import CountdownPanel
from closer_tui.widgets.private_round import PrivateRound

TWENTY = 20 * 60


async def take_a_break(pilot: Pilot[None], clock: ManualClock, *, minutes: int = 20) -> None:
    """ctrl+g, the default twenty minutes, the time apart, and both back: f then j."""
    app = pilot.app
    await tap(pilot, "ctrl+g")
    assert isinstance(app.screen, BreakScreen)
    assert "Let's take a break and come back." in screen_text(app)
    await tap(pilot, "enter")
    assert app.screen.stage == "apart"
    await advance(pilot, clock, minutes * 60)
    await pilot.pause()
    assert app.screen.stage == "back"
    await pilot.press("f", "j")
    await pilot.pause()


async def break_leaves_it_as_it_was(pilot: Pilot[None], clock: ManualClock) -> None:
    app = pilot.app
    before_screen, before = app.screen, screen_text(app)
    await take_a_break(pilot, clock)
    assert app.screen is before_screen
    assert screen_text(app) == before


async def test_from_home(app: CloserApp, clock: ManualClock, pilot: Pilot[None]) -> None:
    await pilot.pause()
    assert isinstance(app.screen, HomeScreen)
    assert "^g Break" in screen_text(app)
    await break_leaves_it_as_it_was(pilot, clock)


async def test_the_break_is_not_offered_over_itself_and_comes_back_after(
    app: CloserApp, pilot: Pilot[None]
) -> None:
    await pilot.pause()
    await tap(pilot, "ctrl+g")
    assert isinstance(app.screen, BreakScreen)
    assert "Break" not in screen_text(app).splitlines()[-1]  # the footer
    await tap(pilot, "escape")  # escape never ends a break: it is still there
    await tap(pilot, "ctrl+g")
    assert sum(isinstance(screen, BreakScreen) for screen in app.screen_stack) == 1


async def test_setup_offers_no_break_before_there_is_anything_to_pause(
    data_dir: Path, make_app: AppFactory
) -> None:
    from closer_tui.screens.setup import SetupScreen

    app = make_app(Store.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert "^g" not in screen_text(app)


async def test_half_typed_words_wait_for_the_couple(
    app: CloserApp, clock: ManualClock, pilot: Pilot[None]
) -> None:
    builder = await open_activity(pilot, "inner-world", IStatementActivity)
    app.screen.query_one("TabbedContent").active = "try-1"
    await pilot.pause()
    builder.query_one("#is-feel", Input).focus()
    await pilot.press(*"lonely", "enter", *"we both sc")
    await pilot.pause()
    typed = builder.typing()
    assert typed == {"is-feel": "lonely", "is-when": "we both sc"}
    await break_leaves_it_as_it_was(pilot, clock)
    assert builder.typing() == typed
    await pilot.press(*"roll")  # the focus is back in the box it was in
    assert builder.query_one("#is-when", Input).value == "we both scroll"


async def test_a_private_round_keeps_its_place(
    app: CloserApp, clock: ManualClock, pilot: Pilot[None]
) -> None:
    await open_activity(pilot, "safety", PrivateRound)
    round_ = app.screen.query_one(PrivateRound)
    clock.advance(1)
    await tap(pilot, "enter")
    assert round_.stage == "answer"
    await tap(pilot, "2")
    await break_leaves_it_as_it_was(pilot, clock)
    assert round_.stage == "answer"


async def test_a_running_countdown_holds_still_and_carries_on(
    app: CloserApp, clock: ManualClock, pilot: Pilot[None]
) -> None:
    await pilot.pause()
    await pilot.press("2", "f", "j")  # the hug: both ready, twenty seconds
    await pilot.pause()
    await advance(pilot, clock, 6)
    panel = app.screen.query_one(CountdownPanel)
    left = panel.countdown.remaining
    await break_leaves_it_as_it_was(pilot, clock)
    assert panel.countdown.remaining == left
    assert panel.countdown.phase is Phase.RUNNING
    await advance(pilot, clock, 2)
    assert panel.countdown.remaining == left - 2


async def test_a_guided_session_pauses_and_the_break_is_not_time_together(
    app: CloserApp, clock: ManualClock, pilot: Pilot[None]
) -> None:
    session = await start_plan(pilot, "weekly-checkin")
    await advance(pilot, clock, 30)
    together = session.run.together_seconds
    await tap(pilot, "ctrl+g")
    assert session.paused
    await pilot.press("enter")
    await advance(pilot, clock, TWENTY)
    await tap(pilot, "m")  # more time apart: ten minutes
    await advance(pilot, clock, 10 * 60)
    await tap(pilot, "space")
    assert app.screen is session
    assert not session.paused
    assert session.run.together_seconds == together
    await advance(pilot, clock, 10)
    assert session.run.together_seconds == together + 10


async def test_a_session_on_its_own_hold_stays_on_hold(
    app: CloserApp, clock: ManualClock, pilot: Pilot[None]
) -> None:
    session = await start_plan(pilot, "quick-reconnect")
    await tap(pilot, "ctrl+t")
    assert session.paused
    await take_a_break(pilot, clock)
    assert session.paused  # their own hold: only ctrl+t carries on


async def test_over_a_dialog(app: CloserApp, clock: ManualClock, pilot: Pilot[None]) -> None:
    session = await start_plan(pilot, "quick-reconnect")
    await tap(pilot, "escape")
    assert isinstance(app.screen, LeaveScreen)
    await break_leaves_it_as_it_was(pilot, clock)
    assert isinstance(app.screen, LeaveScreen)
    assert session.is_attached


async def test_not_now_changes_nothing(app: CloserApp, pilot: Pilot[None]) -> None:
    session = await start_plan(pilot, "quick-reconnect")
    before = screen_text(app)
    await tap(pilot, "ctrl+g", "ctrl+g")  # a second press does not stack a second break
    assert sum(isinstance(s, BreakScreen) for s in app.screen_stack) == 1
    await tap(pilot, "escape")
    assert app.screen is session and not session.paused
    assert screen_text(app) == before


async def test_escape_never_ends_a_break_by_accident(app: CloserApp, pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.press("ctrl+g", "enter")
    await pilot.pause()
    await pilot.press("escape", "escape")
    await pilot.pause()
    assert isinstance(app.screen, BreakScreen) and app.screen.stage == "apart"
    await tap(pilot, "e")  # ends the time apart early: both still come back by key
    assert app.screen.stage == "back"
    await pilot.press("escape", "f")
    await pilot.pause()
    assert isinstance(app.screen, BreakScreen)
    await tap(pilot, "j")
    assert isinstance(app.screen, HomeScreen)


async def test_choosing_the_time(app: CloserApp, pilot: Pilot[None]) -> None:
    await pilot.pause()
    await tap(pilot, "ctrl+g")
    text = screen_text(app)
    assert "[20 min]" in text and "60 min" in text
    assert "Gottman & Levenson, 1992" in " ".join(text.split())
    await pilot.press("left", "right", "enter")  # no shorter than 20; then 30
    await pilot.pause()
    panel = app.screen.query_one(CountdownPanel)
    assert panel.countdown.duration == 30 * 60
    assert "30:00" in panel.shown


async def test_only_that_it_happened_and_only_if_kept(
    store_with_couple: Store, make_app: AppFactory, clock: ManualClock
) -> None:
    app = make_app(store_with_couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await take_a_break(pilot, clock)
        assert app.recall_keepsake(*KEEPSAKE) is None
        await pilot.press("ctrl+g", "enter")
        await advance(pilot, clock, TWENTY)
        await pilot.press("k", "f", "j")
        await pilot.pause()
    assert store_with_couple.load_keepsakes().recall(*KEEPSAKE) == 1
    assert store_with_couple.load_history().sessions == []


async def test_words_half_typed_in_a_guided_step_wait_too(
    app: CloserApp, clock: ManualClock, pilot: Pilot[None]
) -> None:
    session = await start_plan(pilot, "weekly-checkin")
    await tap(pilot, "ctrl+n")  # past the hug, to the temperature reading
    await pilot.pause()
    await pilot.press(*"Thank you for the soup")
    await pilot.pause()
    typed = session.activity.typing() if session.activity else {}
    assert "Thank you for the soup" in typed.values()
    await break_leaves_it_as_it_was(pilot, clock)
    assert session.activity is not None and session.activity.typing() == typed


async def test_help_names_the_break_key_on_every_screen(
    store_with_couple: Store, make_app: AppFactory, clock: ManualClock
) -> None:
    app = make_app(store_with_couple)
    async with app.run_test(size=(140, 60)) as pilot:
        await pilot.pause()
        await tap(pilot, "question_mark")
        assert "ctrl+g │ a break, for either of you" in screen_text(app)
        await pilot.press("escape", "ctrl+g")
        await pilot.pause()
        await tap(pilot, "question_mark")  # the break's own help, and still the key
        assert "A break." in screen_text(app) and "ctrl+g" in screen_text(app)

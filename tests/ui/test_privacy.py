"""ctrl+l hides everything at once, from anywhere, and the same key brings it all back."""

from __future__ import annotations

from helpers import screen_text
from textual.pilot import Pilot

from closer_tui.app import CloserApp
from closer_tui.core.clock import ManualClock
from closer_tui.core.store import Store
from closer_tui.screens.activity import ActivityScreen
from closer_tui.screens.home import HomeScreen
from closer_tui.screens.privacy import PrivacyScreen
from closer_tui.screens.settings import SettingsScreen
from closer_tui.widgets.countdown import CountdownPanel


async def hide_and_come_back(pilot: Pilot[None], must_vanish: list[str]) -> None:
    """Press ctrl+l: nothing of what was shown remains; press it again: all of it is back."""
    app = pilot.app
    before_screen = app.screen
    before = screen_text(app)
    for phrase in must_vanish:
        assert phrase in before, f"{phrase!r} should be on screen before hiding"

    await pilot.press("ctrl+l")
    await pilot.pause()
    assert isinstance(app.screen, PrivacyScreen)
    hidden = screen_text(app)
    assert hidden.strip() == "", f"the hidden screen shows {hidden.strip()!r}"
    for phrase in [*must_vanish, "Alex", "Sam", "closer"]:
        assert phrase not in hidden

    await pilot.press("question_mark")  # no help pops up over the blank screen
    await pilot.pause()
    assert isinstance(app.screen, PrivacyScreen)

    await pilot.press("ctrl+l")
    await pilot.pause()
    assert app.screen is before_screen
    assert screen_text(app) == before


async def test_from_home(app: CloserApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await hide_and_come_back(pilot, ["Alex", "Sam", "Tonight"])


async def test_from_the_hug_mid_countdown(
    store_with_couple: Store, app: CloserApp, clock: ManualClock
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("2", "f", "j")
        await pilot.pause()
        assert isinstance(app.screen, ActivityScreen)
        clock.advance(6)
        app.screen.query_one(CountdownPanel).sync()
        await pilot.pause()
        await hide_and_come_back(pilot, [str(app.screen.title), "Pause", "End early"])

        # The hug carried on underneath and still ends and saves as usual.
        clock.advance(14)
        app.screen.query_one(CountdownPanel).sync()
        await pilot.pause()
    [record] = store_with_couple.load_history().sessions
    assert record.completed is True
    assert record.actual_seconds == 20


async def test_from_settings(app: CloserApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("comma")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        await hide_and_come_back(pilot, ["Settings", "First partner", "Alex", "Sam"])

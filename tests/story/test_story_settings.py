"""Settings for our story: days to remember, and the switch that turns "on this day" off."""

from __future__ import annotations

from helpers import open_place, tap
from textual.pilot import Pilot
from textual.widgets import Input, Switch

from closer_tui.app import CloserApp
from closer_tui.core.models import Anniversary
from closer_tui.core.store import Store
from closer_tui.screens.home import HomeScreen
from closer_tui.screens.settings import SettingsScreen


async def open_settings(pilot: Pilot[None]) -> SettingsScreen:
    """Settings, opened from the catalog, in a terminal tall enough to show every field."""
    await open_place(pilot, "settings")
    screen = pilot.app.screen
    assert isinstance(screen, SettingsScreen)
    return screen


async def test_days_to_remember_and_the_switch_are_saved(
    app: CloserApp, store_with_couple: Store
) -> None:
    async with app.run_test(size=(80, 40)) as pilot:
        screen = await open_settings(pilot)
        screen.query_one("#days", Input).value = "the day we met 2019-06-14; moving in 03-01"
        screen.query_one("#on_this_day", Switch).value = False
        await tap(pilot, "ctrl+s")
        assert isinstance(app.screen, HomeScreen)
    saved = store_with_couple.load_couple()
    assert saved is not None
    assert not saved.preferences.on_this_day
    assert saved.anniversaries == [
        Anniversary(label="the day we met", month=6, day=14, year=2019),
        Anniversary(label="moving in", month=3, day=1),
    ]


async def test_a_day_that_cannot_be_read_is_not_saved_and_says_why(
    app: CloserApp, store_with_couple: Store
) -> None:
    async with app.run_test(size=(80, 40)) as pilot:
        screen = await open_settings(pilot)
        screen.query_one("#days", Input).value = "the day we met 2019-02-30"
        await tap(pilot, "ctrl+s")
        assert isinstance(app.screen, SettingsScreen)
        assert any("not in the calendar" in str(n.message) for n in app._notifications)
    saved = store_with_couple.load_couple()
    assert saved is not None and saved.anniversaries == []


async def test_escape_with_nothing_changed_saves_nothing(
    app: CloserApp, store_with_couple: Store
) -> None:
    before = store_with_couple.load_couple()
    async with app.run_test(size=(80, 40)) as pilot:
        await open_settings(pilot)
        await tap(pilot, "escape")
        assert isinstance(app.screen, HomeScreen)
    assert store_with_couple.load_couple() == before

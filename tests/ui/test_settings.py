"""Settings: going back with escape keeps a change; Cancel is the way to leave it."""

from __future__ import annotations

from helpers import AppFactory, open_place
from textual.pilot import Pilot
from textual.widgets import Button, Input

from closer_tui.app import CloserApp
from closer_tui.core.store import Store
from closer_tui.screens.home import HomeScreen
from closer_tui.screens.settings import SettingsScreen


async def rename_first_partner(pilot: Pilot[None], name: str) -> None:
    await pilot.pause()
    pilot.app.open_place("settings")  # type: ignore[attr-defined]
    await pilot.pause()
    await pilot.pause()
    assert isinstance(pilot.app.screen, SettingsScreen)
    box = pilot.app.screen.query_one("#first-name", Input)
    box.focus()
    await pilot.press("ctrl+u", *name)


async def test_escape_keeps_a_new_name(store_with_couple: Store, app: CloserApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await rename_first_partner(pilot, "Zoë")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.couple.first.name == "Zoë"
    saved = store_with_couple.load_couple()
    assert saved is not None and saved.first.name == "Zoë"


async def test_escape_with_an_empty_name_stays_and_says_why(
    store_with_couple: Store, app: CloserApp
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await rename_first_partner(pilot, "")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        assert "Please write a name" in str(app.screen.query_one("#form-error").render())
    saved = store_with_couple.load_couple()
    assert saved is not None and saved.first.name == "Alex"


async def test_cancel_leaves_everything_as_it_was(app: CloserApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await rename_first_partner(pilot, "Zoë")
        app.screen.query_one("#cancel", Button).press()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.couple.first.name == "Alex"


async def test_escape_without_a_change_writes_nothing(
    store_with_couple: Store, make_app: AppFactory
) -> None:
    before = (store_with_couple.root / "couple.json").read_bytes()
    app = make_app(store_with_couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_place(pilot, "settings")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert (store_with_couple.root / "couple.json").read_bytes() == before

"""First run, as a couple meets it: welcome, two names and colours, then home."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from helpers import AppFactory, screen_text
from textual.pilot import Pilot
from textual.widgets import Input, Label, Select

from closer_tui.app import CloserApp
from closer_tui.core.store import Store
from closer_tui.screens.home import HomeScreen
from closer_tui.screens.setup import SetupScreen


@pytest.fixture
def app(make_app: AppFactory, data_dir: Path) -> CloserApp:
    """Every test here begins on a first run: an empty data folder, nobody set up yet."""
    return make_app(Store.open(data_dir))


async def to_names(pilot: Pilot[None]) -> None:
    assert isinstance(pilot.app.screen, SetupScreen)
    await pilot.press("enter")  # "Continue" past the welcome
    await pilot.pause()
    assert "Before you start" in screen_text(pilot.app)  # the safety note, on its own page
    await pilot.press("enter")  # "We understand — continue" has the focus
    await pilot.pause()
    assert pilot.app.focused is not None and pilot.app.focused.id == "first-name"


def form_error(app: CloserApp) -> str:
    return str(app.screen.query_one("#form-error", Label).render())


async def test_welcome_then_names_then_home(app: CloserApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, SetupScreen)
        assert "Welcome to closer" in screen_text(app)
        await to_names(pilot)
        await pilot.press(*"Alex", "enter", *"Sam", "enter")
        await pilot.pause()

        assert isinstance(app.screen, HomeScreen)
        shown = screen_text(app)
        assert "Alex" in shown and "Sam" in shown
    assert app.couple.first.name == "Alex"
    assert app.couple.second.name == "Sam"


async def test_couple_json_is_saved_private(data_dir: Path, app: CloserApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await to_names(pilot)
        await pilot.press(*"Alex", "enter", *"Sam", "enter")
        await pilot.pause()

    path = data_dir / "couple.json"
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert (saved["first"]["name"], saved["second"]["name"]) == ("Alex", "Sam")
    assert saved["first"]["colour"] != saved["second"]["colour"]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700


async def test_an_empty_name_is_refused_with_a_message(data_dir: Path, app: CloserApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await to_names(pilot)
        await pilot.press(*"Alex", "enter")  # to the second name, left empty
        await pilot.press("enter")
        await pilot.pause()

        assert isinstance(app.screen, SetupScreen)
        assert "write a name for each of you" in form_error(app)
        assert "write a name for each of you" in screen_text(app)
        assert app.focused is not None and app.focused.id == "second-name"
        # A name made of spaces is no name either.
        await pilot.press("space", "space", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert "write a name for each of you" in form_error(app)
    assert not (data_dir / "couple.json").exists()


async def test_the_same_colour_twice_is_refused(data_dir: Path, app: CloserApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await to_names(pilot)
        await pilot.press(*"Alex")
        app.screen.query_one("#second-name", Input).focus()
        await pilot.press(*"Sam")
        # Open the second partner's colour list and pick the first partner's colour.
        second_colour = app.screen.query_one("#second-colour", Select)
        first_colour = app.screen.query_one("#first-colour", Select).value
        second_colour.focus()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("up", "enter")
        await pilot.pause()
        assert second_colour.value == first_colour

        await pilot.click("#begin")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert "two different colours" in form_error(app)
        assert "two different colours" in screen_text(app)
    assert not (data_dir / "couple.json").exists()


async def test_back_returns_to_the_safety_note(app: CloserApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await to_names(pilot)
        await pilot.click("#back")
        await pilot.pause()
        assert "Before you start" in screen_text(app)
        assert app.focused is not None and app.focused.id == "continue"

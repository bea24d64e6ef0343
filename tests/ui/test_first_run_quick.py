"""A first run paints its welcome first; the store and content open behind it.

Nothing a couple gives meanwhile is lost: names given before the store has
opened are saved the moment it has.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from unittest.mock import Mock

import pytest
from helpers import imported_from, screen_text
from textual.pilot import Pilot

from closer_tui import __main__ as launcher
from closer_tui.app import CloserApp
from closer_tui.core.clock import ManualClock
from closer_tui.core.store import DataFolderError, Store
from closer_tui.screens.home import HomeScreen
from closer_tui.screens.setup import SetupScreen


@pytest.fixture
def first_run(data_dir: Path, clock: ManualClock, now: Callable[[], datetime]) -> CloserApp:
    """closer as ``closer`` starts it on an empty data folder."""
    return CloserApp(data_dir=data_dir, clock=clock, now=now)


async def settle(app: CloserApp, pilot: Pilot[None]) -> None:
    for _ in range(3):  # open, then history and drafts (started after a refresh)
        await app.workers.wait_for_complete()
        await pilot.pause()


@pytest.mark.parametrize("start", ["first run", "from the store"])
async def test_the_first_screen_is_pushed_once_the_app_has_mounted(
    start: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    store_with_couple: Store,
    make_app: Callable[[Store], CloserApp],
    clock: ManualClock,
    now: Callable[[], datetime],
) -> None:
    """Pushed while the app mounts, a screen is drawn and the drawing thrown away: the
    terminal is then sent only what changed after, not the whole first frame."""
    mounting_when_pushed: list[bool] = []
    real = CloserApp.push_screen

    def push_screen(self: CloserApp, *args: object, **kwargs: object) -> object:
        mounting_when_pushed.append(bool(self._batch_count))
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(CloserApp, "push_screen", push_screen)
    if start == "first run":
        app = CloserApp(data_dir=tmp_path / "new", clock=clock, now=now)
    else:
        app = make_app(store_with_couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen if start == "first run" else HomeScreen)
    assert mounting_when_pushed[:1] == [False]


async def test_the_welcome_is_painted_before_the_store_opens(
    first_run: CloserApp, held_closed: threading.Event
) -> None:
    app = first_run
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert "Welcome to closer" in screen_text(app)
        assert not app.opened.is_set()
        # Only the page in sight is built.
        assert not app.screen.query("#safety") and not app.screen.query("#names")
        held_closed.set()
        await settle(app, pilot)
        assert app.opened.is_set() and isinstance(app.screen, SetupScreen)


async def test_names_given_before_the_store_opens_are_saved(
    first_run: CloserApp, data_dir: Path, held_closed: threading.Event
) -> None:
    app = first_run
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # Continue
        await pilot.pause()
        assert "Before you start" in screen_text(app)
        await pilot.press("enter")  # We understand
        await pilot.pause()
        await pilot.press(*"Alex", "enter", *"Sam", "enter")
        await pilot.pause()
        assert not app.opened.is_set(), "the names were given before the store opened"
        assert not (data_dir / "couple.json").exists()
        held_closed.set()
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        assert "Alex" in screen_text(app) and "Sam" in screen_text(app)
    saved = json.loads((data_dir / "couple.json").read_text("utf-8"))
    assert (saved["first"]["name"], saved["second"]["name"]) == ("Alex", "Sam")


async def test_a_first_run_on_a_folder_the_store_cannot_use_ends_the_app(
    first_run: CloserApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    error = DataFolderError(13, "closer's data folder belongs to another user.")
    monkeypatch.setattr(Store, "open", Mock(side_effect=error))
    async with first_run.run_test(size=(80, 24)) as pilot:
        await first_run.workers.wait_for_complete()
        await pilot.pause()
    assert first_run.return_code == 1 and first_run.open_error is error


def test_the_launcher_paints_a_first_run_before_opening_the_store(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ran: list[CloserApp] = []
    monkeypatch.setattr(CloserApp, "run", lambda self: ran.append(self))
    assert launcher.main([]) == 0
    [app] = ran
    assert app.quick is None and not app.opened.is_set() and app.data_dir == data_dir


def test_a_first_runs_first_frame_imports_no_pydantic() -> None:
    first_frame = "import closer_tui.__main__, closer_tui.app, closer_tui.screens.setup"
    slow = (
        *("closer_tui.core.models", "closer_tui.core.store", "closer_tui.core.content"),
        *("closer_tui.widgets.couple_form", "textual.widgets._markdown"),
    )
    packages = ("pydantic", "pydantic_core", "markdown_it")
    assert imported_from(packages, after=first_frame, or_modules=slow) == []

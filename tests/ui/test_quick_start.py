"""``closer`` on an ordinary evening: home from a quick read, then the real store behind it.

The store's verdict still rules: a couple.json it refuses ends in setup with its
notice, exactly as when the store is opened first.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from helpers import screen_text
from textual.pilot import Pilot
from textual.widgets import OptionList

from closer_tui import __main__ as launcher
from closer_tui.app import CloserApp
from closer_tui.core.clock import Clock, ManualClock
from closer_tui.core.content import OWN_CONTENT_EXAMPLE
from closer_tui.core.models import Couple
from closer_tui.core.quick import PlanTitle, read_couple
from closer_tui.core.store import DataFolderError, Store
from closer_tui.screens.history import HistoryScreen
from closer_tui.screens.home import HomeScreen
from closer_tui.screens.setup import SetupScreen


def quick_app(root: Path, clock: Clock, now: Callable[[], datetime]) -> CloserApp:
    view = read_couple(root)
    assert view is not None, "these tests start from a couple.json the quick read accepts"
    return CloserApp(data_dir=root, quick=view, clock=clock, now=now)


async def settle(app: CloserApp, pilot: Pilot[None]) -> None:
    """Let the opening worker, then the history and drafts it starts, finish."""
    for _ in range(3):  # open, then history and drafts (started after a refresh)
        await app.workers.wait_for_complete()
        await pilot.pause()


def options_text(app: CloserApp) -> str:
    options = app.screen.query_one(OptionList)
    return "\n".join(
        str(options.get_option_at_index(i).prompt) for i in range(options.option_count)
    )


async def test_home_first_then_the_validated_couple_and_history(
    store_with_couple: Store, clock: ManualClock, now: Callable[[], datetime]
) -> None:
    app = quick_app(store_with_couple.root, clock, now)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, HomeScreen)
        await settle(app, pilot)
        assert app.ready and app.history_loaded
        assert isinstance(app.couple, Couple) and app.couple.first.name == "Alex"
        assert app.store.root == store_with_couple.root
        assert isinstance(app.screen, HomeScreen)
        assert "Tonight's 30" in options_text(app)


async def test_a_place_asked_for_at_once_opens_when_ready(
    store_with_couple: Store, clock: ManualClock, now: Callable[[], datetime]
) -> None:
    app = quick_app(store_with_couple.root, clock, now)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await settle(app, pilot)
        assert isinstance(app.screen, HistoryScreen)


async def test_a_couple_file_the_store_refuses_ends_in_setup_with_its_notice(
    store_with_couple: Store, clock: ManualClock, now: Callable[[], datetime]
) -> None:
    path = store_with_couple.couple_path
    data = json.loads(path.read_text("utf-8"))
    data["created_at"] = "2026-11-24T19:30:00"  # no time zone: the model refuses it
    path.write_text(json.dumps(data), "utf-8")
    app = quick_app(store_with_couple.root, clock, now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, SetupScreen)
        assert not app.ready
        assert not path.exists(), "set aside, as the store always does"
        [moved] = (store_with_couple.root / "quarantine").iterdir()
        assert json.loads(moved.read_text("utf-8")) == data, "bytes kept"
        assert any("couple.json" in n.message for n in app._notifications)
        await pilot.press("enter", "enter")  # Continue; We understand
        await pilot.pause()
        await pilot.press(*"Robin", "enter", *"Kai", "enter")
        await settle(app, pilot)
        # The home drawn first is the one they come back to, greeting the new names.
        assert [type(screen) for screen in app.screen_stack] == [HomeScreen]
        assert "Robin" in screen_text(app) and "Alex" not in screen_text(app)


async def test_home_is_the_first_screen_drawn_not_one_pushed_over_a_blank_one(
    store_with_couple: Store, clock: ManualClock, now: Callable[[], datetime]
) -> None:
    app = quick_app(store_with_couple.root, clock, now)
    async with app.run_test(size=(80, 24)) as pilot:
        assert [type(screen) for screen in app.screen_stack] == [HomeScreen]
        await settle(app, pilot)
        assert [type(screen) for screen in app.screen_stack] == [HomeScreen]


async def test_own_plans_join_home_once_the_library_loads(
    store_with_couple: Store, clock: ManualClock, now: Callable[[], datetime]
) -> None:
    (store_with_couple.root / "my-content.toml").write_text(OWN_CONTENT_EXAMPLE, "utf-8")
    app = quick_app(store_with_couple.root, clock, now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert "Sunday 20" in options_text(app)
        assert app.plan("sunday-20") is not None


async def test_a_data_folder_the_store_cannot_use_ends_the_app(
    store_with_couple: Store,
    clock: ManualClock,
    now: Callable[[], datetime],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(root: Path) -> Store:
        raise DataFolderError(13, f"closer's data folder {root} belongs to another user.")

    monkeypatch.setattr(Store, "open", staticmethod(refuse))
    app = quick_app(store_with_couple.root, clock, now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
    assert app.return_code == 1
    assert app.open_error is not None and "another user" in str(app.open_error)


def test_the_launcher_reports_an_unusable_folder(
    store_with_couple: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    ran: list[CloserApp] = []

    def run(self: CloserApp) -> None:
        ran.append(self)
        self.open_error = DataFolderError(13, "closer's data folder is someone else's.")
        self._return_code = 1

    monkeypatch.setattr(CloserApp, "run", run)
    assert launcher.main([]) == 1
    assert ran and ran[0].quick is not None, "an ordinary start takes the quick path"
    assert "closer's data folder is someone else's." in capsys.readouterr().err


async def test_the_highlighted_place_stays_when_plans_join(
    store_with_couple: Store, clock: ManualClock, now: Callable[[], datetime]
) -> None:
    app = quick_app(store_with_couple.root, clock, now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        options = app.screen.query_one(OptionList)
        options.highlighted = options.get_option_index("history")
        catalog = app.catalog
        assert catalog is not None
        extra = PlanTitle("ours", "Ours", 5, "Just us.")
        app.catalog = catalog._replace(plans=(extra, *catalog.plans))
        await pilot.pause()
        assert "Ours" in options_text(app)
        highlighted = options.highlighted_option
        assert highlighted is not None and highlighted.id == "history"


async def test_the_palette_asked_at_once_finds_places_once_open(
    store_with_couple: Store,
    clock: ManualClock,
    now: Callable[[], datetime],
    held_closed: threading.Event,
) -> None:
    typed = held_closed  # the store stays closed until the search has been typed
    app = quick_app(store_with_couple.root, clock, now)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p", *"your history")
        await pilot.pause()
        assert not app.ready
        typed.set()
        await settle(app, pilot)
        await pilot.press("down", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, HistoryScreen)

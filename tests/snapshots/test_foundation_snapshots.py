"""Pictures of the foundation screens at 80x24: first run, home and the hug.

Built through the real app on the fake clocks, in a fixed time zone so that
"Good evening" is the same everywhere. After ``--snapshot-update``, look at
each picture before accepting it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from helpers import AppFactory
from textual.pilot import Pilot

from closer_tui.core.clock import ManualClock
from closer_tui.core.store import Store
from closer_tui.widgets.countdown import CountdownPanel

pytestmark = pytest.mark.usefixtures("utc")


SIZE = (80, 24)
SnapCompare = Callable[..., bool]


def test_setup_welcome(snap_compare: SnapCompare, data_dir: Path, make_app: AppFactory) -> None:
    assert snap_compare(make_app(Store.open(data_dir)), terminal_size=SIZE)


def test_setup_safety_note(snap_compare: SnapCompare, data_dir: Path, make_app: AppFactory) -> None:
    assert snap_compare(make_app(Store.open(data_dir)), terminal_size=SIZE, press=["enter"])


def test_setup_names(snap_compare: SnapCompare, data_dir: Path, make_app: AppFactory) -> None:
    app = make_app(Store.open(data_dir))

    async def type_first_name(pilot: Pilot[Any]) -> None:
        await pilot.pause()  # the welcome is there (shown once the app has mounted)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"Alex")

    assert snap_compare(app, terminal_size=SIZE, run_before=type_first_name)


def test_setup_refuses_an_empty_name(
    snap_compare: SnapCompare, data_dir: Path, make_app: AppFactory
) -> None:
    app = make_app(Store.open(data_dir))
    keys = ["enter", "enter", *"Alex", "enter", "enter"]
    assert snap_compare(app, terminal_size=SIZE, press=keys)


def test_home(snap_compare: SnapCompare, store_with_couple: Store, make_app: AppFactory) -> None:
    async def history_in(pilot: Pilot[Any]) -> None:
        # The history loads in a worker after the first frame; the picture is
        # of home once it has arrived, never of a race with it.
        for _ in range(200):
            if pilot.app.history_loaded:  # type: ignore[attr-defined]
                break
            await pilot.pause()
        await pilot.pause()

    assert snap_compare(make_app(store_with_couple), terminal_size=SIZE, run_before=history_in)


def test_hug_waiting_for_both(
    snap_compare: SnapCompare, store_with_couple: Store, make_app: AppFactory
) -> None:
    assert snap_compare(make_app(store_with_couple), terminal_size=SIZE, press=["2", "f"])


def test_hug_counting_down(
    snap_compare: SnapCompare, store_with_couple: Store, make_app: AppFactory, clock: ManualClock
) -> None:
    async def seven_seconds_in(pilot: Pilot[Any]) -> None:
        await pilot.pause()  # home is there (shown once the app has mounted)
        await pilot.press("2", "f", "j")
        await pilot.pause()
        clock.advance(7.4)
        for panel in pilot.app.screen.query(CountdownPanel):
            panel.sync()
        await pilot.pause()

    assert snap_compare(
        make_app(store_with_couple), terminal_size=SIZE, run_before=seven_seconds_in
    )


def test_hug_done(
    snap_compare: SnapCompare, store_with_couple: Store, make_app: AppFactory, clock: ManualClock
) -> None:
    async def after_the_hug(pilot: Pilot[Any]) -> None:
        await pilot.pause()  # home is there (shown once the app has mounted)
        await pilot.press("2", "space")
        await pilot.pause()
        clock.advance(20)
        for panel in pilot.app.screen.query(CountdownPanel):
            panel.sync()
        await pilot.pause()

    # The end pulse lasts under half a real second; a picture must not race it.
    store_with_couple.update_couple(
        lambda couple: couple.model_copy(
            update={"preferences": couple.preferences.model_copy(update={"pulse": False})}
        )
    )
    assert snap_compare(make_app(store_with_couple), terminal_size=SIZE, run_before=after_the_hug)

"""Pictures of the timed practices at 80x24: the stress-reducing talk before it starts and in
the middle of a turn, the unplugged evening, and eye gazing's almost empty screen."""

from __future__ import annotations

import random
from collections.abc import Awaitable, Callable

from helpers import advance, open_place
from textual.pilot import Pilot

from closer_tui.app import CloserApp
from closer_tui.core.clock import ManualClock

SIZE = (80, 24)
Snap = Callable[..., bool]


def opening(
    place: str, *keys: str, clock: ManualClock | None = None, seconds: float = 0.0
) -> Callable[[Pilot[None]], Awaitable[None]]:
    """Open a place, press keys, then move the fake clock on and let every timer see it."""

    async def run_before(pilot: Pilot[None]) -> None:
        await open_place(pilot, place)
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        if clock is not None and seconds:
            await advance(pilot, clock, seconds)
        await pilot.pause()

    return run_before


def steady(app: CloserApp) -> CloserApp:
    app.rng = random.Random(3)  # the same cue, opener and idea every run
    return app


def test_stress_talk_before_it_starts(snap_compare: Snap, app: CloserApp) -> None:
    steady(app)
    run = opening("daily-connection", "f", "j")
    assert snap_compare(app, terminal_size=SIZE, run_before=run)


def test_stress_talk_mid_talk(snap_compare: Snap, app: CloserApp, clock: ManualClock) -> None:
    steady(app)
    run = opening("daily-connection", "f", "j", "f", "j", clock=clock, seconds=254)
    assert snap_compare(app, terminal_size=SIZE, run_before=run)


def test_unplugged(snap_compare: Snap, app: CloserApp) -> None:
    steady(app)
    run = opening("digital", "f")
    assert snap_compare(app, terminal_size=SIZE, run_before=run)


def test_eye_gazing_running(snap_compare: Snap, app: CloserApp, clock: ManualClock) -> None:
    steady(app)
    run = opening("eye-gazing", "space", clock=clock, seconds=65)
    assert snap_compare(app, terminal_size=SIZE, run_before=run)

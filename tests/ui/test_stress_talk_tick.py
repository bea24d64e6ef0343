"""The stress-reducing talk moves on the countdown panel's tick: one change a second, not two.

Its turn line and listening cue follow the panel's shown second (no timer of
their own), and a line is redrawn only when its words change, laid out again
only when its length does (benchmarks/timer.py measures the CPU this saves).
"""

from __future__ import annotations

from typing import Any

import pytest
from helpers import AppFactory, recorded_updates, screen_text, talking
from textual.pilot import Pilot
from textual.widgets import Static

from closer_tui.activities.stress_talk import StressTalkActivity
from closer_tui.app import CloserApp
from closer_tui.core.clock import ManualClock
from closer_tui.core.store import Store
from closer_tui.widgets.countdown import CountdownPanel


async def tick(pilot: Pilot[None], clock: ManualClock, seconds: float) -> None:
    """Time moves on and only the panel looks, as its own timer would."""
    clock.advance(seconds)
    pilot.app.screen.query_one(CountdownPanel).sync()
    await pilot.pause()


async def test_the_turn_line_follows_the_panels_tick(
    app: CloserApp, clock: ManualClock, pilot: Pilot[None]
) -> None:
    await talking(pilot)
    assert "This turn: 10:00 left" in screen_text(app)
    await tick(pilot, clock, 1)
    assert "This turn: 9:59 left" in screen_text(app)
    await tick(pilot, clock, 599)
    assert "Sam speaks" in screen_text(app), "the turn swaps at the panel's tick"


async def test_the_talk_sets_no_timer_of_its_own(
    store_with_couple: Store,
    make_app: AppFactory,
    clock: ManualClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    timers: list[object] = []
    for setter in ("set_timer", "set_interval"):
        real = getattr(StressTalkActivity, setter)

        def recorded(self: StressTalkActivity, *args: Any, real: Any = real, **kw: Any) -> Any:
            timers.append(args)
            return real(self, *args, **kw)

        monkeypatch.setattr(StressTalkActivity, setter, recorded)
    app = make_app(store_with_couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await talking(pilot)
        await tick(pilot, clock, 1)
        await pilot.press("tab")  # an early swap: a turn's end off the panel's seconds
        await tick(pilot, clock, 30)
        assert timers == []


async def test_a_line_is_redrawn_only_when_its_words_change(
    app: CloserApp, clock: ManualClock, pilot: Pilot[None]
) -> None:
    talk = await talking(pilot)
    await tick(pilot, clock, 1)  # 10:00 to 9:59: shorter, laid out again
    line = talk.query_one("#talk-turn-time", Static)
    updates = recorded_updates(line)
    talk.sync()  # a look with nothing new to show
    assert updates == []
    await tick(pilot, clock, 1)
    assert updates == [("This turn: 9:58 left · tab swaps now", False)], "same length"

"""The breathing guide follows the fake clock: five seconds in, five out; a plain count when
the couple chose reduced motion; and it repaints only when what it shows changes."""

from __future__ import annotations

from helpers import advance, screen_text
from textual.pilot import Pilot

from closer_tui.app import CloserApp
from closer_tui.core.clock import ManualClock
from closer_tui.core.store import Store
from closer_tui.widgets.breathing import BAR_CELLS, MOVING_FRAME, STILL_FRAME, BreathingGuide, bar


async def guide_on_a_break(
    pilot: Pilot[None], clock: ManualClock, store: Store, *, still: bool
) -> BreathingGuide:
    app = pilot.app
    couple = store.load_couple()
    assert couple is not None
    couple.preferences.reduced_motion = still
    app.couple = couple
    await pilot.pause()
    await pilot.press("ctrl+g", "enter")
    await pilot.pause()
    return app.screen.query_one(BreathingGuide)


def shown(pilot: Pilot[None]) -> str:
    return screen_text(pilot.app)  # type: ignore[arg-type]


async def look(pilot: Pilot[None], clock: ManualClock, guide: BreathingGuide, s: float) -> None:
    await advance(pilot, clock, s)
    guide.look()
    await pilot.pause()


def test_the_bar_fills_by_eighths() -> None:
    assert bar(0.0) == ("", "░" * BAR_CELLS)
    assert bar(0.5) == ("█" * 15, "░" * 15)
    filled, rest = bar(1 / 240)
    assert filled == "▏" and len(filled + rest) == BAR_CELLS
    assert bar(1.0) == ("█" * BAR_CELLS, "")


async def test_the_bar_grows_for_five_seconds_and_shrinks_for_five(
    app: CloserApp, store_with_couple: Store, clock: ManualClock, pilot: Pilot[None]
) -> None:
    guide = await guide_on_a_break(pilot, clock, store_with_couple, still=False)
    assert guide._timer is not None and MOVING_FRAME <= 0.5  # a few frames a second at most
    assert "Breathe in slowly" in shown(pilot)
    await look(pilot, clock, guide, 2.5)
    assert "█" * 15 + "░" * 15 in shown(pilot)
    await look(pilot, clock, guide, 2.5)  # full: now out
    assert "and out, even more slowly" in shown(pilot)
    assert "█" * BAR_CELLS in shown(pilot)
    await look(pilot, clock, guide, 2.5)
    assert "█" * 15 + "░" * 15 in shown(pilot)
    await look(pilot, clock, guide, 2.5 + 60)  # six breaths later, in again
    assert "Breathe in slowly" in shown(pilot)
    assert "░" * BAR_CELLS in shown(pilot)


async def test_reduced_motion_counts_instead(
    app: CloserApp, store_with_couple: Store, clock: ManualClock, pilot: Pilot[None]
) -> None:
    guide = await guide_on_a_break(pilot, clock, store_with_couple, still=True)
    assert STILL_FRAME == 1.0
    assert "Breathe in slowly · 5" in shown(pilot)
    assert "█" not in shown(pilot) and "░" not in shown(pilot)
    await look(pilot, clock, guide, 1.5)
    assert "Breathe in slowly · 4" in shown(pilot)
    await look(pilot, clock, guide, 3.6)
    assert "and out, even more slowly · 5" in shown(pilot)


async def test_it_repaints_only_when_it_changes(
    app: CloserApp, store_with_couple: Store, clock: ManualClock, pilot: Pilot[None]
) -> None:
    guide = await guide_on_a_break(pilot, clock, store_with_couple, still=True)
    frame = guide._shown
    clock.advance(0.3)
    guide.look()
    assert guide._shown == frame  # the same second: nothing to draw
    clock.advance(0.8)
    guide.look()
    assert guide._shown != frame

"""Pictures of calm when it's hard, at 80x24 and 60x20: the break (choosing, apart with the
breathing guide or its plain count, coming back), the plan's first step and its paraphrase
check, and the gentle start-up noticing a blaming word."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from helpers import AppFactory, advance, tap
from textual.pilot import Pilot
from textual.widgets import TabbedContent

from closer_tui.app import CloserApp
from closer_tui.core.clock import ManualClock
from closer_tui.core.store import Store
from closer_tui.widgets.breathing import BreathingGuide

Snap = Callable[..., bool]
Run = Callable[[Pilot[None]], Awaitable[None]]
SIZES = [(80, 24), (60, 20)]


def clock_of(pilot: Pilot[None]) -> ManualClock:
    assert isinstance(pilot.app, CloserApp) and isinstance(pilot.app.clock, ManualClock)
    return pilot.app.clock


def on_a_break(seconds: float, *keys: str) -> Run:
    """The break taken together, ``seconds`` apart, then ``keys``."""

    async def run(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await pilot.press("ctrl+g", "enter")
        await pilot.pause()
        await advance(pilot, clock_of(pilot), seconds)
        for guide in pilot.app.screen.query(BreathingGuide):
            guide.look()
        await pilot.pause()
        await tap(pilot, *keys)

    return run


async def choosing_a_break(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await tap(pilot, "ctrl+g")


async def starting_the_plan(pilot: Pilot[None]) -> None:
    """The plan for after a hard moment, started as home's list would."""
    await pilot.pause()
    assert isinstance(pilot.app, CloserApp)
    pilot.app.start_plan("after-a-hard-moment")
    await pilot.pause()


async def settling_in(pilot: Pilot[None]) -> None:
    """The plan's first step, settled on screen."""
    await starting_the_plan(pilot)
    await pilot.pause()


async def what_i_heard(pilot: Pilot[None]) -> None:
    """The plan's talk in turns, one turn said: the paraphrase check."""
    await starting_the_plan(pilot)
    for _ in range(2):
        await tap(pilot, "ctrl+k")  # skip to the talk in turns
        await pilot.pause()
    await pilot.press(*"I felt alone at the party", "ctrl+s")
    await pilot.pause()


async def noticing_blame(pilot: Pilot[None]) -> None:
    await pilot.pause()
    assert isinstance(pilot.app, CloserApp)
    pilot.app.open_place("safety")
    await pilot.pause()
    pilot.app.screen.query_one(TabbedContent).active = "try-1"
    await pilot.pause()
    await pilot.pause()
    await pilot.press(*"worried", "enter", *"you never do the dishes")
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_break_choosing(snap_compare: Snap, app: CloserApp, size: tuple[int, int]) -> None:
    assert snap_compare(app, terminal_size=size, run_before=choosing_a_break)


@pytest.mark.parametrize("size", SIZES)
def test_break_apart_breathing(snap_compare: Snap, app: CloserApp, size: tuple[int, int]) -> None:
    halfway_through_a_breath_in = on_a_break(62.5)
    assert snap_compare(app, terminal_size=size, run_before=halfway_through_a_breath_in)


def test_break_apart_reduced_motion(
    snap_compare: Snap, store_with_couple: Store, make_app: AppFactory
) -> None:
    couple = store_with_couple.load_couple()
    assert couple is not None
    couple.preferences.reduced_motion = True
    store_with_couple.save_couple(couple)
    app = make_app(store_with_couple)
    assert snap_compare(app, terminal_size=(80, 24), run_before=on_a_break(63.5))


@pytest.mark.parametrize("size", SIZES)
def test_break_coming_back(snap_compare: Snap, app: CloserApp, size: tuple[int, int]) -> None:
    assert snap_compare(app, terminal_size=size, run_before=on_a_break(20 * 60, "f"))


@pytest.mark.parametrize("size", SIZES)
def test_after_a_hard_moment_settling_in(
    snap_compare: Snap, app: CloserApp, size: tuple[int, int]
) -> None:
    assert snap_compare(app, terminal_size=size, run_before=settling_in)


def test_after_a_hard_moment_what_i_heard(snap_compare: Snap, app: CloserApp) -> None:
    assert snap_compare(app, terminal_size=(80, 24), run_before=what_i_heard)


def test_gentle_start_noticing_blame(snap_compare: Snap, app: CloserApp) -> None:
    assert snap_compare(app, terminal_size=(80, 24), run_before=noticing_blame)

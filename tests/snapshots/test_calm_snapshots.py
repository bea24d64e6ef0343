"""Pictures of calm when it's hard, at 80x24 and 60x20: the break (choosing, apart with the
breathing guide or its plain count, coming back), the plan's first step and its paraphrase
check, and the gentle start-up noticing a blaming word."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from helpers import AppFactory, advance
from textual.pilot import Pilot
from textual.widgets import TabbedContent

from closer_tui.app import CloserApp
from closer_tui.core.clock import ManualClock
from closer_tui.core.store import Store
from closer_tui.widgets.breathing import BreathingGuide

SIZES = [(80, 24), (60, 20)]


def clock_of(pilot: Pilot[None]) -> ManualClock:
    assert isinstance(pilot.app, CloserApp) and isinstance(pilot.app.clock, ManualClock)
    return pilot.app.clock


async def on_a_break(pilot: Pilot[None], *, seconds: float) -> None:
    await pilot.pause()
    await pilot.press("ctrl+g", "enter")
    await pilot.pause()
    await advance(pilot, clock_of(pilot), seconds)
    for guide in pilot.app.screen.query(BreathingGuide):
        guide.look()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_break_choosing(
    snap_compare: Callable[..., bool], store_with_couple: Store, make_app: AppFactory, size: tuple
) -> None:
    async def run(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await pilot.press("ctrl+g")
        await pilot.pause()

    assert snap_compare(make_app(store_with_couple), terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES)
def test_break_apart_breathing(
    snap_compare: Callable[..., bool], store_with_couple: Store, make_app: AppFactory, size: tuple
) -> None:
    async def run(pilot: Pilot[None]) -> None:
        await on_a_break(pilot, seconds=62.5)  # halfway through a breath in

    assert snap_compare(make_app(store_with_couple), terminal_size=size, run_before=run)


def test_break_apart_reduced_motion(
    snap_compare: Callable[..., bool], store_with_couple: Store, make_app: AppFactory
) -> None:
    couple = store_with_couple.load_couple()
    assert couple is not None
    couple.preferences.reduced_motion = True
    store_with_couple.save_couple(couple)

    async def run(pilot: Pilot[None]) -> None:
        await on_a_break(pilot, seconds=63.5)

    assert snap_compare(make_app(store_with_couple), terminal_size=(80, 24), run_before=run)


@pytest.mark.parametrize("size", SIZES)
def test_break_coming_back(
    snap_compare: Callable[..., bool], store_with_couple: Store, make_app: AppFactory, size: tuple
) -> None:
    async def run(pilot: Pilot[None]) -> None:
        await on_a_break(pilot, seconds=20 * 60)
        await pilot.press("f")
        await pilot.pause()

    assert snap_compare(make_app(store_with_couple), terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES)
def test_after_a_hard_moment_settling_in(
    snap_compare: Callable[..., bool], store_with_couple: Store, make_app: AppFactory, size: tuple
) -> None:
    async def run(pilot: Pilot[None]) -> None:
        await pilot.pause()
        assert isinstance(pilot.app, CloserApp)
        pilot.app.start_plan("after-a-hard-moment")
        await pilot.pause()
        await pilot.pause()

    assert snap_compare(make_app(store_with_couple), terminal_size=size, run_before=run)


def test_after_a_hard_moment_what_i_heard(
    snap_compare: Callable[..., bool], store_with_couple: Store, make_app: AppFactory
) -> None:
    async def run(pilot: Pilot[None]) -> None:
        await pilot.pause()
        assert isinstance(pilot.app, CloserApp)
        pilot.app.start_plan("after-a-hard-moment")
        await pilot.pause()
        for _ in range(2):
            await pilot.press("ctrl+k")  # skip to the talk in turns
            await pilot.pause()
            await pilot.pause()
        await pilot.press(*"I felt alone at the party", "ctrl+s")
        await pilot.pause()

    assert snap_compare(make_app(store_with_couple), terminal_size=(80, 24), run_before=run)


def test_gentle_start_noticing_blame(
    snap_compare: Callable[..., bool], store_with_couple: Store, make_app: AppFactory
) -> None:
    async def run(pilot: Pilot[None]) -> None:
        await pilot.pause()
        assert isinstance(pilot.app, CloserApp)
        pilot.app.open_place("safety")
        await pilot.pause()
        pilot.app.screen.query_one(TabbedContent).active = "try-1"
        await pilot.pause()
        await pilot.pause()
        await pilot.press(*"worried", "enter", *"you never do the dishes")
        await pilot.pause()

    assert snap_compare(make_app(store_with_couple), terminal_size=(80, 24), run_before=run)

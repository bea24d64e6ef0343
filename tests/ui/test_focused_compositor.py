"""The focused compositor sends the terminal exactly what Textual's own would.

On real screens of closer, for many partial updates (each widget's region,
pieces of them, and pairs of them) and a full one (the whole screen, as Textual
8.2.8 passes it), both compositors render the update and every line they send is
compared, character and style. On any other Textual, the screen keeps Textual's own.
"""

from __future__ import annotations

import random
from types import MethodType

import pytest
from helpers import AppFactory, advance
from textual._compositor import Compositor
from textual.geometry import Region
from textual.screen import Screen
from textual.strip import Strip
from textual.widgets._toast import Toast

from closer_tui import mends
from closer_tui.app import CloserApp
from closer_tui.core.clock import ManualClock
from closer_tui.core.store import Store
from closer_tui.mends.compositor import FocusedCompositor


def sent(compositor: Compositor, regions: list[Region], *, textuals_own: bool) -> list[Strip]:
    """The lines a partial update of ``regions`` sends, each cut to its span."""
    if textuals_own:
        compositor._get_renders = MethodType(Compositor._get_renders, compositor)  # type: ignore[method-assign]
    try:
        crop = Region.from_union(regions).intersection(compositor.size.region)
        spans = list(compositor._regions_to_spans(regions))
        rendered = {y for y, _, _ in spans}
        chops = compositor._render_chops(crop, rendered.__contains__)
    finally:
        if textuals_own:
            del compositor._get_renders
    return [
        Strip.join(strip for strip in chops[y].values()).crop(x1, x2 + 1).simplify()
        for y, x1, x2 in spans
    ]


def updates(screen: Screen[object], rng: random.Random) -> list[list[Region]]:
    """Each visible widget's region, a random piece of it, random pairs, and the whole."""
    area = screen._compositor.size.region
    regions = [region for region, _ in screen._compositor.visible_widgets.values()]
    pieces = []
    for region in regions:
        x = rng.randrange(region.x, max(region.right, region.x + 1))
        y = rng.randrange(region.y, max(region.bottom, region.y + 1))
        pieces.append(Region(x, y, rng.randint(1, 20), rng.randint(1, 4)))
    singles = [[r.intersection(area)] for r in regions + pieces]
    pairs = [
        [a.intersection(area), b.intersection(area)]
        for a, b in zip(pieces, reversed(regions), strict=True)
    ]
    return [update for update in [*singles, *pairs, [area]] if all(update)]


def assert_same_as_textuals(screen: Screen[object]) -> None:
    compositor = screen._compositor
    assert isinstance(compositor, FocusedCompositor)
    rng = random.Random(8)
    checked = 0
    for regions in updates(screen, rng):
        ours = sent(compositor, regions, textuals_own=False)
        theirs = sent(compositor, regions, textuals_own=True)
        assert ours == theirs, regions
        checked += 1
    assert checked > 20


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_a_running_hug(size: tuple[int, int], app: CloserApp, clock: ManualClock) -> None:
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("2", "space")
        await advance(pilot, clock, 3)
        assert_same_as_textuals(app.screen)


@pytest.mark.parametrize("size", [(100, 30), (60, 20)])
async def test_a_session_step(size: tuple[int, int], app: CloserApp, clock: ManualClock) -> None:
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        app.start_plan("tonight-30")
        await pilot.pause()
        await pilot.press("ctrl+n", "space")
        await advance(pilot, clock, 5)
        assert_same_as_textuals(app.screen)


async def test_a_practice_with_text_boxes(app: CloserApp, clock: ManualClock) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.start_plan("weekly-checkin")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press(*"we cooked on thursday")
        await pilot.pause()
        assert_same_as_textuals(app.screen)


async def test_a_hug_with_a_toast_showing(app: CloserApp, clock: ManualClock) -> None:
    """A notification floats over the screen in a layer of its own: drawn the same."""
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("2", "space")
        await advance(pilot, clock, 3)
        app.notify("Saved. Well done, you two.", timeout=60)
        await pilot.pause()
        await pilot.pause()
        toasts = [w for w in app.screen._compositor.visible_widgets if isinstance(w, Toast)]
        assert toasts, "the toast is not on screen"
        assert_same_as_textuals(app.screen)


async def test_any_other_textual_keeps_its_own_compositor(
    store_with_couple: Store,
    make_app: AppFactory,
    clock: ManualClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(mends, "running_textual", lambda: "8.3.0")
    app = make_app(store_with_couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("2", "space")
        await advance(pilot, clock, 3)
        assert type(app.screen._compositor) is Compositor
        screen = "".join(strip.text for strip in app.screen._compositor.render_strips())
        assert "Pause" in screen, "the hug is not counting down"

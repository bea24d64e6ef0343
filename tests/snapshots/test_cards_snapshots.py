"""Snapshots at 80x24: touch ideas, an inner-world card, the I-statement builder, the
Love Maps reveal, the attachment quiz intro, the starter plan and the FAQ."""

from __future__ import annotations

import random
from collections.abc import Awaitable, Callable

from helpers import AppFactory
from textual.pilot import Pilot
from textual.widgets import TabbedContent

from closer_tui.app import CloserApp
from closer_tui.core.clock import ManualClock
from closer_tui.core.store import Store
from closer_tui.widgets.private_round import HANDOVER_SECONDS

Snap = Callable[..., bool]
HAND_OVER = "hand-over"
"""Enter on a look-away screen, pressed once it has been on screen for a moment."""


def opening(
    place: str, tab: str | None = None, *keys: str
) -> Callable[[Pilot[None]], Awaitable[None]]:
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.pause()
        pilot.app.open_place(place)  # type: ignore[attr-defined]
        await pilot.pause()
        if tab is not None:
            pilot.app.screen.query_one(TabbedContent).active = tab
            await pilot.pause()
        await pilot.pause()
        await press_keys(pilot, keys)

    return run_before


async def press_keys(pilot: Pilot[None], keys: tuple[str, ...]) -> None:
    """Each key in turn, ``HAND_OVER`` as enter once the look-away screen has been seen."""
    for key in keys:
        if key == HAND_OVER:
            clock = pilot.app.clock  # type: ignore[attr-defined]
            assert isinstance(clock, ManualClock)
            clock.advance(HANDOVER_SECONDS)
            key = "enter"
        await pilot.press(key)
    await pilot.pause()


def app_for(make_app: AppFactory, store: Store) -> CloserApp:
    app = make_app(store)
    app.rng = random.Random(7)
    return app


def test_touch_ideas(snap_compare: Snap, make_app: AppFactory, store_with_couple: Store) -> None:
    app = app_for(make_app, store_with_couple)
    run = opening("affection", "try-1", "space", "down", "down", "space")
    assert snap_compare(app, terminal_size=(80, 24), run_before=run)


def test_inner_world_card(
    snap_compare: Snap, make_app: AppFactory, store_with_couple: Store
) -> None:
    app = app_for(make_app, store_with_couple)
    assert snap_compare(app, terminal_size=(80, 24), run_before=opening("inner-world", "try-0"))


def test_i_statement_builder(
    snap_compare: Snap, make_app: AppFactory, store_with_couple: Store
) -> None:
    app = app_for(make_app, store_with_couple)
    keys = [*"lonely", "enter", *"we both scroll at dinner", "enter", *"half an hour"]
    run = opening("inner-world", "try-1", *keys)
    assert snap_compare(app, terminal_size=(80, 24), run_before=run)


def test_love_maps_reveal(
    snap_compare: Snap, make_app: AppFactory, store_with_couple: Store
) -> None:
    app = app_for(make_app, store_with_couple)
    keys = ["m", HAND_OVER, *"a quiet cafe", "enter", HAND_OVER, *"the sea", "enter", HAND_OVER]
    assert snap_compare(app, terminal_size=(80, 24), run_before=opening("love-maps", None, *keys))


def test_attachment_quiz_intro(
    snap_compare: Snap, make_app: AppFactory, store_with_couple: Store
) -> None:
    app = app_for(make_app, store_with_couple)
    assert snap_compare(app, terminal_size=(80, 24), run_before=opening("attachment"))


def test_starter_plan(snap_compare: Snap, make_app: AppFactory, store_with_couple: Store) -> None:
    app = app_for(make_app, store_with_couple)
    run = opening("starter-plan", None, "down", "space")
    assert snap_compare(app, terminal_size=(80, 24), run_before=run)


def test_faq(snap_compare: Snap, make_app: AppFactory, store_with_couple: Store) -> None:
    app = app_for(make_app, store_with_couple)
    assert snap_compare(app, terminal_size=(80, 24), run_before=opening("faq"))

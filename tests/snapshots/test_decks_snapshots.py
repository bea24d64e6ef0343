"""Snapshots at 80x24 of the deck chooser and of a card answered privately, then revealed.

New pictures: the lead generates them after the card writers' files are merged (the
chooser's counts and the cards drawn come from the built-in library)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from helpers import AppFactory
from test_cards_snapshots import HAND_OVER, Snap, app_for, opening, press_keys
from textual.pilot import Pilot

from closer_tui.core.store import Store
from closer_tui.screens.decks import DeckChooserScreen


def in_deck(shelf_id: str, *keys: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    async def run_before(pilot: Pilot[None]) -> None:
        await opening("decks")(pilot)
        chooser = pilot.app.screen
        assert isinstance(chooser, DeckChooserScreen)
        chooser.open_deck(shelf_id)
        await pilot.pause()
        await pilot.pause()
        await press_keys(pilot, keys)

    return run_before


def test_deck_chooser(snap_compare: Snap, make_app: AppFactory, store_with_couple: Store) -> None:
    app = app_for(make_app, store_with_couple)
    assert snap_compare(app, terminal_size=(80, 24), run_before=opening("decks"))


def test_a_card_answered_privately_then_revealed(
    snap_compare: Snap, make_app: AppFactory, store_with_couple: Store
) -> None:
    app = app_for(make_app, store_with_couple)
    keys = ("w", HAND_OVER, *"the sea", "enter", HAND_OVER, *"sourdough", "enter", HAND_OVER)
    assert snap_compare(app, terminal_size=(80, 24), run_before=in_deck("light", *keys))

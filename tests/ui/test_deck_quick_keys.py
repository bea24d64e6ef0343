"""Keys pressed quickly on a deck: each way of playing is set up before the next key acts.

"w" twice in a row once removed a private round before it had mounted, and the
app ended (NoMatches in the round's on_mount).
"""

from __future__ import annotations

from helpers import open_place

from closer_tui.activities.deck_play import DeckActivity
from closer_tui.app import CloserApp
from closer_tui.screens.decks import DeckChooserScreen
from closer_tui.widgets.private_round import PrivateRound


async def test_ways_and_cards_changed_as_fast_as_keys_can_go(app: CloserApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_place(pilot, "decks")
        chooser = app.screen
        assert isinstance(chooser, DeckChooserScreen)
        chooser.open_deck("our-days")
        await pilot.pause()
        deck = app.screen.query_one(DeckActivity)
        actions = {"w": "way", "n": "next", "s": "skip"}
        for key in "wwwnwsww":  # one after the other, as the app runs a key's action
            await deck.run_action(actions[key])
        await pilot.pause()
        await pilot.pause()
        assert app.is_running and app.screen.query_one(DeckActivity) is deck
        play = deck.current
        assert play is not None
        rounds = list(deck.stage.query(PrivateRound))
        assert len(rounds) == (0 if play.way == "talk" else 1)


async def test_love_maps_switched_to_the_game_and_back_at_once(app: CloserApp) -> None:
    from closer_tui.activities.love_maps import LoveMapsActivity

    async with app.run_test(size=(80, 24)) as pilot:
        await open_place(pilot, "love-maps")
        maps = app.screen.query_one(LoveMapsActivity)
        for action in ("mode", "mode", "mode", "next", "skip", "mode"):
            await maps.run_action(action)
        await pilot.pause()
        await pilot.pause()
        assert app.is_running and app.screen.query_one(LoveMapsActivity) is maps
        rounds = list(maps.stage.query(PrivateRound))
        assert len(rounds) == (1 if maps.mode == "game" else 0)

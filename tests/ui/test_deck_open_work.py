"""Opening the deck chooser does its work once: the key that opens it waits for one fill.

Coming back from a deck fills it again (fewer cards to go): tests/ui/test_deck_ways.py.
"""

from __future__ import annotations

import pytest
from helpers import open_place

from closer_tui.app import CloserApp
from closer_tui.screens.decks import DeckChooserScreen


async def test_the_chooser_lists_its_decks_once_when_opened(
    app: CloserApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    fills: list[DeckChooserScreen] = []
    fill = DeckChooserScreen._fill

    def counting(self: DeckChooserScreen) -> None:
        fills.append(self)
        fill(self)

    monkeypatch.setattr(DeckChooserScreen, "_fill", counting)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_place(pilot, "decks")
        assert isinstance(app.screen, DeckChooserScreen)
        assert len(fills) == 1
        assert app.screen.query_one("#decks-list").option_count > 10  # type: ignore[attr-defined]

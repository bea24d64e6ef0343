"""A card is painted before its deck's place is written; the place is on disk just after.

Saving the place (an atomic write with fsync) took 10 to 25 ms of the key that
opens a deck; it now waits for the frame that shows the card, and is kept
before the couple's next key, and when the deck is left.
"""

from __future__ import annotations

from typing import Any

import pytest
from helpers import open_place

from closer_tui.activities.questions import QuestionActivity
from closer_tui.app import CloserApp
from closer_tui.core.store import Store


async def test_tonights_question_is_painted_before_its_place_is_written(
    app: CloserApp, store_with_couple: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    frames: list[object] = []
    writes: list[int] = []
    display, save = CloserApp._display, CloserApp.save_keepsake

    def painting(self: CloserApp, screen: Any, renderable: Any) -> None:
        if renderable is not None and self.screen.query(QuestionActivity):
            frames.append(renderable)
        display(self, screen, renderable)

    def saving(self: CloserApp, section: str, key: str, value: Any) -> None:
        if section == "decks":
            writes.append(len(frames))
        save(self, section, key, value)

    monkeypatch.setattr(CloserApp, "_display", painting)
    monkeypatch.setattr(CloserApp, "save_keepsake", saving)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_place(pilot, "questions")
        card = app.screen.query_one(QuestionActivity).card
        assert card is not None
        assert writes and writes[0] >= 1, "a frame with the card came before the write"
        kept = store_with_couple.load_keepsakes().recall("decks", "questions")
        assert kept is not None and card.id in kept["seen"]


async def test_the_next_card_is_kept_before_the_deck_is_left(
    app: CloserApp, store_with_couple: Store
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_place(pilot, "questions")
        activity = app.screen.query_one(QuestionActivity)
        activity.action_deeper()  # a new card drawn, its place held for the frame
        assert activity.place.holding
        await activity.remove()  # left before any frame: kept on the way out
        kept = store_with_couple.load_keepsakes().recall("decks", "questions")
        assert kept is not None and len(kept["seen"]) == 2

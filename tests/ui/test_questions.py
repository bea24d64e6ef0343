"""Ask better questions: tonight's card, deeper on request, and the ones a couple loved."""

from __future__ import annotations

from helpers import open_activity

from closer_tui.activities.questions import QuestionActivity
from closer_tui.app import CloserApp
from closer_tui.core.store import Store


async def test_a_loved_card_is_saved_with_the_evening_and_kept_in_the_deck(
    store_with_couple: Store, app: CloserApp
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        deck = await open_activity(pilot, "questions", QuestionActivity)
        assert deck.card is not None
        loved = deck.card.id
        await pilot.press("l", "n", "d")  # loved, one deeper, saved
        await pilot.pause()
        assert deck.card is not None and deck.card.depth == "deeper", "the card stays on screen"
        await pilot.press("l")  # loved after saving: kept in the deck all the same
        await pilot.pause()
        again = deck.card.id

    [record] = store_with_couple.load_history().sessions
    assert record.data["loved"] == [loved], "saving by hand kept what was loved"
    assert [entry.parts["depth"] for entry in record.entries] == ["light", "deeper"]
    kept = store_with_couple.load_keepsakes().recall("decks", "questions")
    assert kept["loved"] == [loved, again]

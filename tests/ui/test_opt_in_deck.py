"""The opt-in deck: open only when both said yes privately; a single yes is learned by
nobody and kept nowhere; either partner can close it; nothing else draws from it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import AppFactory, choose, hand_over, open_place, screen_flat
from pydantic import ValidationError
from textual.pilot import Pilot

from closer_tui.core.clock import ManualClock
from closer_tui.core.content import PlanStep
from closer_tui.core.shelf import OPT_IN_SECTION, intimacy_is_open
from closer_tui.core.store import Store
from closer_tui.screens.decks import ConsentScreen, DeckChooserScreen

YES, NO = "1", "2"


async def answer_both(pilot: Pilot[None], clock: ManualClock, first: str, second: str) -> str:
    await open_place(pilot, "decks")
    await pilot.press("o")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ConsentScreen)
    await hand_over(pilot, clock)
    await choose(pilot, first)
    await hand_over(pilot, clock)
    await choose(pilot, second)
    await hand_over(pilot, clock)  # both look
    return screen_flat(pilot.app)


def kept_on_disk(store: Store) -> str:
    path = Path(store.root) / "keepsakes.json"
    return path.read_text("utf-8") if path.exists() else ""


@pytest.mark.parametrize("answers", [(YES, NO), (NO, YES), (NO, NO)])
async def test_unless_both_say_yes_both_see_the_same_words_and_nothing_is_kept(
    store_with_couple: Store, make_app: AppFactory, clock: ManualClock, answers: tuple[str, str]
) -> None:
    app = make_app(store_with_couple)
    async with app.run_test(size=(80, 24)) as pilot:
        shown = await answer_both(pilot, clock, *answers)
        assert "Not this time: the deck stays closed" in shown
        for word in ("Alex", "Sam", "said no", "said yes"):
            assert word not in shown.split("Not this time")[1], "nothing says who answered what"
        assert not intimacy_is_open(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DeckChooserScreen)
        assert "intimacy" not in [o.id for o in app.screen.query_one("#decks-list").options]  # type: ignore[attr-defined]
    on_disk = kept_on_disk(store_with_couple)
    assert OPT_IN_SECTION not in on_disk and "yes" not in on_disk.lower()


async def test_two_yeses_open_the_deck_and_either_can_close_it_again(
    store_with_couple: Store, make_app: AppFactory, clock: ManualClock
) -> None:
    app = make_app(store_with_couple)
    async with app.run_test(size=(80, 24)) as pilot:
        shown = await answer_both(pilot, clock, YES, YES)
        assert "You both said yes" in shown
        assert intimacy_is_open(app)
        await pilot.press("escape")
        await pilot.pause()
        chooser = app.screen
        assert isinstance(chooser, DeckChooserScreen)
        ids = [o.id for o in chooser.query_one("#decks-list").options]  # type: ignore[attr-defined]
        assert "intimacy" in ids and "ask-intimacy" not in ids
        await pilot.press("o")  # close it again
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        assert not intimacy_is_open(app)
        assert "intimacy" not in [o.id for o in chooser.query_one("#decks-list").options]  # type: ignore[attr-defined]
    assert json.loads(kept_on_disk(store_with_couple))["sections"][OPT_IN_SECTION] == {
        "intimacy": None
    }


def test_no_plan_can_draw_from_the_opt_in_deck() -> None:
    with pytest.raises(ValidationError, match="never by a plan"):
        PlanStep(activity="deck", title="Close", minutes=5, options={"deck": "intimacy"})


def test_only_the_chooser_and_the_models_name_the_opt_in_deck() -> None:
    """Nothing else reads ``library.intimacy``: no deck, practice or plan draws from it."""
    src = Path(__file__).parents[2] / "src" / "closer_tui"
    readers = sorted(
        str(path.relative_to(src))
        for path in src.rglob("*.py")
        if ".intimacy" in path.read_text("utf-8")
    )
    assert readers == ["core/shelf.py"]


async def test_either_partner_can_close_the_opt_in_deck_in_settings(
    store_with_couple: Store, make_app: AppFactory, clock: ManualClock
) -> None:
    app = make_app(store_with_couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_place(pilot, "settings")
        assert not app.screen.query("#close-opt-in"), "nothing to close while it is closed"
        await pilot.press("escape")
        await pilot.pause()
        await answer_both(pilot, clock, YES, YES)
        assert intimacy_is_open(app)
        await pilot.press("escape", "escape")
        await pilot.pause()
        await open_place(pilot, "settings")
        button = app.screen.query_one("#close-opt-in")
        button.scroll_visible(animate=False)
        await pilot.pause()
        await pilot.click("#close-opt-in")
        await pilot.pause()
        assert not intimacy_is_open(app)

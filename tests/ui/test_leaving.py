"""Leaving a deck asks "save this?" only when the couple did or wrote something."""

from __future__ import annotations

import pytest
from helpers import open_place, start_plan
from textual.pilot import Pilot

from closer_tui.app import CloserApp
from closer_tui.core.clock import ManualClock
from closer_tui.core.sessions import STAYED_SECONDS
from closer_tui.core.store import Store
from closer_tui.screens.home import HomeScreen
from closer_tui.screens.leave import LeaveScreen

DECKS = ["questions", "love-maps", "inner-world"]


async def escape_and_save(pilot: Pilot[None], *keys: str) -> None:
    """After ``keys``, escape from the deck: closer asks, and "s" saves what was done."""
    await pilot.press(*keys, "escape")
    await pilot.pause()
    assert isinstance(pilot.app.screen, LeaveScreen), "something was done, so closer asks"
    await pilot.press("s")
    await pilot.pause()


@pytest.mark.parametrize("place", DECKS)
async def test_only_looking_leaves_without_a_question(
    place: str, store_with_couple: Store, app: CloserApp, clock: ManualClock
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_place(pilot, place)
        clock.advance(STAYED_SECONDS / 2)  # read the card, and the Why
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen), "nothing was done, so nothing is asked"
    assert store_with_couple.load_history().sessions == []


@pytest.mark.parametrize(("place", "key"), [("questions", "s"), ("questions", "n")])
async def test_a_card_passed_or_gone_deeper_from_is_offered(
    place: str, key: str, store_with_couple: Store, app: CloserApp
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_place(pilot, place)
        await escape_and_save(pilot, key)
    [record] = store_with_couple.load_history().sessions
    assert len(record.entries) == 1, "the card moved past; not the one only glanced at"


@pytest.mark.parametrize("place", DECKS)
async def test_a_card_stayed_with_is_offered_and_kept(
    place: str, store_with_couple: Store, app: CloserApp, clock: ManualClock
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_place(pilot, place)
        clock.advance(STAYED_SECONDS)  # long enough to have talked it through
        await escape_and_save(pilot)
    [record] = store_with_couple.load_history().sessions
    assert len(record.entries) == 1


async def test_a_question_talked_through_in_a_session_is_kept_in_its_step(
    store_with_couple: Store, app: CloserApp, clock: ManualClock
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start_plan(pilot, "quick-reconnect")
        await screen.action_skip_step()  # the hug
        await pilot.pause()
        clock.advance(5 * 60)  # the light question, talked through
        await screen.action_next_step()
        await pilot.pause()
        screen.action_done()
        await pilot.pause()
    [record] = store_with_couple.load_history().sessions
    [card] = record.steps[1].entries
    assert card.who == "both" and card.prompt

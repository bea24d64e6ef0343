"""Love Maps: talk through the cards, or play the game with answers hidden until the reveal."""

from __future__ import annotations

import random
import re

from helpers import enter_twice, hand_over, open_activity, screen_text
from textual.pilot import Pilot

from closer_tui.activities.love_maps import LoveMapsActivity
from closer_tui.app import CloserApp
from closer_tui.core.clock import ManualClock
from closer_tui.core.store import Store
from closer_tui.widgets.private_round import PrivateRound
from closer_tui.widgets.turn_banner import TurnBanner

SCORE_WORDS = re.compile(r"\b(score[ds]?|points?|right|wrong|correct|wins?)\b", re.IGNORECASE)


async def open_love_maps(pilot: Pilot[None]) -> LoveMapsActivity:
    return await open_activity(pilot, "love-maps", LoveMapsActivity)


async def open_the_game(pilot: Pilot[None]) -> LoveMapsActivity:
    """Love Maps opened and switched, with m, to the game: each answers privately."""
    maps = await open_love_maps(pilot)
    await pilot.press("m")
    return maps


async def play_round(pilot: Pilot[None], clock: ManualClock, answer: str, guess: str) -> None:
    await hand_over(pilot, clock)
    await pilot.press(*answer, "enter")
    await hand_over(pilot, clock)
    await pilot.press(*guess, "enter")


async def test_the_game_hides_both_answers_until_the_reveal_and_keeps_no_score(
    store_with_couple: Store, app: CloserApp, clock: ManualClock
) -> None:
    app.rng = random.Random(5)
    async with app.run_test(size=(80, 24)) as pilot:
        maps = await open_the_game(pilot)
        await pilot.pause()
        assert maps.mode == "game"
        assert "Sam guesses" in screen_text(app)
        await hand_over(pilot, clock)
        await pilot.press(*"secretanswer")
        assert "secretanswer" not in screen_text(app)
        await pilot.press("enter")
        assert maps.pending() is None, "an unrevealed answer is never offered for saving"
        await hand_over(pilot, clock)
        await pilot.press(*"quietguess", "enter")
        shown = screen_text(app)
        assert "secretanswer" not in shown and "quietguess" not in shown
        assert maps.pending() is None
        await hand_over(pilot, clock)  # both look
        shown = screen_text(app)
        assert "secretanswer" in shown and "quietguess" in shown
        assert "Alex answered" in shown and "Sam guessed" in shown
        assert not SCORE_WORDS.search(shown), "nothing scores one partner against the other"
        question = maps.rounds[-1].card.text

        await pilot.press("n")  # roles swap
        await pilot.pause()
        assert maps.query_one(TurnBanner).speaker == "second"
        assert maps.query_one(PrivateRound).order == ("second", "first")
        await hand_over(pilot, clock)
        await pilot.press(*"halfway")  # Sam starts answering...
        await pilot.press("d")  # typed into the box, not a key for the activity
        pending = maps.pending()
        assert pending is not None
        assert "halfway" not in str(pending[0].model_dump())
        await pilot.press("escape")  # leave: closer asks what to do with the unsaved
        await pilot.pause()
        await pilot.press("s")  # save: only the revealed round, never the half-typed one
        await pilot.pause()

    [record] = store_with_couple.load_history().sessions
    assert record.kind == "love_maps"
    assert [(e.who, e.prompt, e.text, e.parts) for e in record.entries] == [
        ("first", question, "secretanswer", {"role": "answer"}),
        ("second", question, "quietguess", {"role": "guess"}),
    ]
    assert "halfway" not in record.model_dump_json()


async def test_talk_mode_takes_turns_and_passes(store_with_couple: Store, app: CloserApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        maps = await open_love_maps(pilot)
        assert maps.mode == "talk"
        await pilot.press("n")
        assert maps.query_one(TurnBanner).speaker == "second"
        await pilot.press("s", "d")
        await pilot.pause()
    [record] = store_with_couple.load_history().sessions
    assert [(e.who, e.passed, e.parts["role"]) for e in record.entries] == [
        ("first", False, "talk"),
        ("second", True, "talk"),
        ("second", False, "talk"),
    ]
    cards = record.data["cards"]
    assert len(set(cards)) == len(cards)


async def test_a_game_round_is_usable_at_60x20(app: CloserApp, clock: ManualClock) -> None:
    async with app.run_test(size=(60, 20)) as pilot:
        maps = await open_the_game(pilot)
        await play_round(pilot, clock, "tea", "coffee")
        await hand_over(pilot, clock)
        reveal = maps.query_one("#lm-reveal")
        reveal.scroll_visible(animate=False)
        await pilot.pause()
        shown = screen_text(app)
        assert "tea" in shown and "coffee" in shown


async def test_enter_twice_on_the_curtain_neither_skips_it_nor_passes_the_answer(
    app: CloserApp, clock: ManualClock, pilot: Pilot[None]
) -> None:
    private = (await open_the_game(pilot)).query_one(PrivateRound)
    await pilot.press(*"tea", "enter")  # typed before the curtain was passed: nothing
    assert private.stage == "curtain"
    await hand_over(pilot, clock)
    await pilot.press("enter")  # the same press, bounced: not a pass
    assert private.stage == "answer" and private.answers["first"] == {}
    clock.advance(5)
    await pilot.press("enter")  # a pass, pressed on a question Alex has read
    assert private.answers["first"] == {"answer": None}
    await pilot.press("enter", "enter")  # Alex's last enter, twice
    assert private.stage == "curtain", "Sam's question waits for Sam's own press"


async def test_an_answer_sent_with_enter_twice_is_not_also_the_guess(
    app: CloserApp, clock: ManualClock, pilot: Pilot[None]
) -> None:
    """Both presses reach the box before it is cleared: the second once became Sam's guess."""
    private = (await open_the_game(pilot)).query_one(PrivateRound)
    await hand_over(pilot, clock)
    await pilot.press(*"tea")
    await enter_twice(pilot)
    assert private.answers == {"first": {"answer": "tea"}, "second": {}}
    assert private.stage == "curtain"

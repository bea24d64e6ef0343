"""The stress-reducing conversation on a fake clock: phones away, turns that swap, cues."""

from __future__ import annotations

from typing import Any

from helpers import AppFactory, advance, kept, kept_whole, play, saved, screen_text
from textual.pilot import Pilot

from closer_tui.activities.stress_talk import CUE_SECONDS, StressTalkActivity
from closer_tui.app import CloserApp
from closer_tui.core.clock import ManualClock
from closer_tui.core.content import library
from closer_tui.core.store import Store
from closer_tui.screens.activity import ActivityScreen
from closer_tui.widgets.both_ready import BothReady
from closer_tui.widgets.countdown import CountdownPanel
from closer_tui.widgets.minutes_choice import MinutesChoice
from closer_tui.widgets.phones_check import PhonesCheck
from closer_tui.widgets.turn_banner import TurnBanner


async def open_talk(
    pilot: Pilot[None], *, from_home: bool = False, **kwargs: Any
) -> StressTalkActivity:
    """Practice 1 from home (key 1), or the talk alone on its host screen (quicker to build)."""
    await pilot.pause()
    if from_home:
        await pilot.press("1")
    else:
        talk = StressTalkActivity(**kwargs)
        pilot.app.push_screen(ActivityScreen("Talk", [("Talk", talk)]))
    await pilot.pause()
    await pilot.pause()
    assert isinstance(pilot.app.screen, ActivityScreen)
    return pilot.app.screen.query_one(StressTalkActivity)


async def start_talking(pilot: Pilot[None], talk: StressTalkActivity) -> None:
    await pilot.press("f", "j")  # phones away, both
    await pilot.pause()
    assert talk.stage == "ready"
    await pilot.press("f", "j")  # both ready
    await pilot.pause()
    assert talk.stage == "talking"


async def talking(pilot: Pilot[None]) -> StressTalkActivity:
    """The talk alone, both phones away and both ready: the first turn has begun."""
    talk = await open_talk(pilot)
    await start_talking(pilot, talk)
    return talk


def turns(store: Store) -> list[tuple[str, float]]:
    """Who spoke for how long in the one talk on disk, turn by turn."""
    [record] = saved(store)
    return [(turn["speaker"], turn["seconds"]) for turn in record.data["turns"]]


def speaker(talk: StressTalkActivity) -> str:
    return talk.query_one(TurnBanner).speaker


async def test_phones_check_comes_first_then_outside_stress_and_safety(
    app: CloserApp, pilot: Pilot[None]
) -> None:
    talk = await open_talk(pilot, from_home=True)
    assert app.screen.title == "1 · Daily connection ritual"
    assert talk.stage == "phones"
    assert "Phones face down, out of reach?" in screen_text(app)
    assert not talk.query(BothReady)

    await pilot.press("f")
    assert talk.query_one(PhonesCheck).away == {"first"}
    assert "Alex phone away" in screen_text(app)
    assert talk.stage == "phones", "one phone away is not both"
    await pilot.press("j")
    await pilot.pause()

    assert talk.stage == "ready"
    shown = screen_text(app)
    assert "stress from outside the two of you" in shown
    assert "closer is not therapy" in shown
    assert "20 min" in shown and "30 min" in shown
    assert talk.query(BothReady)


async def test_a_full_talk_swaps_at_the_half_and_saves_each_turn(
    store_with_couple: Store, app: CloserApp, clock: ManualClock
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        talk = await talking(pilot)
        assert speaker(talk) == "first"
        assert "Alex speaks" in screen_text(app)
        assert "This turn: 10:00 left" in screen_text(app)

        await advance(pilot, clock, 599.5)
        assert speaker(talk) == "first"
        assert "This turn: 0:01 left" in screen_text(app)
        await advance(pilot, clock, 0.5)
        assert speaker(talk) == "second", "the turn swaps on its own at the half"
        assert "Sam speaks" in screen_text(app)
        assert "Last turn" in screen_text(app)
        assert any("Time to swap" in str(n.message) for n in app._notifications)
        assert not saved(store_with_couple)

        await advance(pilot, clock, 600)
        assert talk.stage == "after"
        assert "Thank you for listening to each other" in screen_text(app)
        assert "Alex spoke 10:00 · Sam spoke 10:00" in screen_text(app)
        await play(pilot, clock, "a")
        assert talk.stage == "phones", "a starts another talk with the phones check"

    record = kept_whole(store_with_couple, "stress_talk", 1200)
    assert record.data["phones_away"] is True
    assert turns(store_with_couple) == [("first", 600), ("second", 600)]


async def test_passing_the_phones_check_is_fine_and_said_honestly(
    store_with_couple: Store, app: CloserApp, clock: ManualClock
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        talk = await open_talk(pilot)
        await play(pilot, clock, "n")
        assert talk.stage == "ready"
        await play(pilot, clock, "space", 1200)
    [record] = saved(store_with_couple)
    assert record.data["phones_away"] is False
    assert record.ready == []


async def test_a_plan_that_already_put_the_phones_away_does_not_ask_twice(
    store_with_couple: Store, make_app: AppFactory, clock: ManualClock
) -> None:
    [tonight] = [plan for plan in library().plans if plan.id == "tonight-30"]
    assert tonight.steps[0].activity == "phones_away"
    [step] = [step for step in tonight.steps if step.activity == "stress_talk"]
    app = make_app(store_with_couple)
    async with app.run_test(size=(80, 24)) as pilot:
        talk = await open_talk(pilot, planned_seconds=600.0, options=dict(step.options))
        assert talk.stage == "ready"
        assert not talk.query(PhonesCheck)
        assert "Phones face down" not in screen_text(app)
        await play(pilot, clock, "space", 600)
    [record] = saved(store_with_couple)
    assert record.data["phones_away"] is True


async def test_listening_cues_rotate_every_twenty_seconds(
    app: CloserApp, clock: ManualClock, pilot: Pilot[None]
) -> None:
    talk = await talking(pilot)
    cues = app.library.phrases.listening_cues
    first = talk.cue
    assert first.startswith("For the listener: ")
    assert first.removeprefix("For the listener: ") in cues

    await advance(pilot, clock, CUE_SECONDS - 1)
    assert talk.cue == first, "a cue stays long enough to read"
    await advance(pilot, clock, 1)
    second = talk.cue
    assert second != first
    await advance(pilot, clock, CUE_SECONDS)
    assert talk.cue not in (first, second)
    assert talk.cue in screen_text(app)


async def test_tab_swaps_by_hand_and_turn_time_comes_from_the_clock(
    store_with_couple: Store, app: CloserApp, clock: ManualClock
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        talk = await talking(pilot)
        await play(pilot, clock, 100, "tab")
        assert speaker(talk) == "second"
        # The new turn runs its full length from the swap: 100 + 600.
        await advance(pilot, clock, 599)
        assert speaker(talk) == "second"
        await advance(pilot, clock, 1)
        assert speaker(talk) == "first"
        await advance(pilot, clock, 500)
        assert talk.stage == "after"
    [record] = saved(store_with_couple)
    assert turns(store_with_couple) == [("first", 100), ("second", 600), ("first", 500)]
    assert sum(turn["seconds"] for turn in record.data["turns"]) == record.actual_seconds


async def test_paused_time_is_in_no_turn(
    store_with_couple: Store, app: CloserApp, clock: ManualClock
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        talk = await talking(pilot)
        await play(pilot, clock, 300, "p", 3600)
        assert speaker(talk) == "first", "no swap while paused"
        assert "This turn: 5:00 left" in screen_text(app)
        await play(pilot, clock, "p", 300)
        assert speaker(talk) == "second"
        await play(pilot, clock, "e")
        assert talk.stage == "after"
    assert kept(store_with_couple) == (False, 600)
    assert turns(store_with_couple) == [("first", 600), ("second", 0)]


async def test_a_long_gap_still_splits_the_turns_where_they_were_due(
    store_with_couple: Store, app: CloserApp, clock: ManualClock
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        talk = await talking(pilot)
        await advance(pilot, clock, 5000)  # a sleeping laptop: one look at the clock
        assert talk.stage == "after"
    assert turns(store_with_couple) == [("first", 600), ("second", 600)]


async def test_thirty_minutes_in_shorter_alternating_turns_is_remembered(
    store_with_couple: Store, make_app: AppFactory, clock: ManualClock
) -> None:
    app = make_app(store_with_couple)
    async with app.run_test(size=(80, 24)) as pilot:
        talk = await open_talk(pilot)
        await play(pilot, clock, "space")
        await pilot.press("right", "right")  # 30 is the longest
        assert talk.query_one(MinutesChoice).chosen == 30
        await play(pilot, clock, "left", "right", "t")
        assert "5-minute turns, alternating" in screen_text(app)
        assert app.recall_keepsake("stress_talk", "turn_minutes") == 5
        await play(pilot, clock, "space")
        speakers = []
        for _ in range(6):
            speakers.append(speaker(talk))
            await advance(pilot, clock, 300)
        assert talk.stage == "after"
    [record] = saved(store_with_couple)
    assert speakers == ["first", "second"] * 3
    assert record.planned_seconds == 1800
    assert [turn["seconds"] for turn in record.data["turns"]] == [300] * 6
    assert record.data["turn_minutes"] == 5

    again = make_app(store_with_couple)
    async with again.run_test(size=(80, 24)) as pilot:
        talk = await open_talk(pilot)
        await play(pilot, clock, "space")
        assert "5-minute turns" in screen_text(again), "the couple's choice holds next time"


async def test_a_guided_step_uses_its_planned_time_and_skips_the_choice(
    store_with_couple: Store, app: CloserApp, clock: ManualClock
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        talk = await open_talk(pilot, planned_seconds=600.0)
        await play(pilot, clock, "space")
        assert not talk.query(MinutesChoice)
        await play(pilot, clock, "space")
        assert app.screen.query_one(CountdownPanel).countdown.duration == 600
        await advance(pilot, clock, 300)
        assert speaker(talk) == "second"
        await advance(pilot, clock, 300)
    [record] = saved(store_with_couple)
    assert record.planned_seconds == 600
    assert [t["seconds"] for t in record.data["turns"]] == [300, 300]


async def test_leaving_mid_talk_asks_and_saves_the_honest_part(
    store_with_couple: Store, app: CloserApp, clock: ManualClock
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        talk = await open_talk(pilot)
        assert talk.pending() is None
        await start_talking(pilot, talk)
        await advance(pilot, clock, 42)
        pending = talk.pending()
        assert pending is not None
        assert pending[0].actual_seconds == 42
        assert pending[0].completed is False

        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("s")  # save
        await pilot.pause()
        assert not isinstance(app.screen, ActivityScreen)
    assert kept(store_with_couple) == (False, 42)
    assert turns(store_with_couple) == [("first", 42)]


async def test_speaker_opener_follows_the_speaker(
    app: CloserApp, clock: ManualClock, pilot: Pilot[None]
) -> None:
    await talking(pilot)
    prompts = app.library.stress_talk.speaker_prompts
    assert "If it helps, Alex:" in screen_text(app)
    before = screen_text(app)
    await play(pilot, clock, "o")
    assert screen_text(app) != before
    assert any(p in screen_text(app) for p in prompts)
    await play(pilot, clock, "tab")
    assert "If it helps, Sam:" in screen_text(app)


async def test_usable_at_60_by_20(app: CloserApp, clock: ManualClock) -> None:
    async with app.run_test(size=(60, 20)) as pilot:
        talk = await open_talk(pilot)
        await play(pilot, clock, "space")
        gate = talk.query_one(BothReady)
        gate.scroll_visible(animate=False)
        await pilot.pause()
        assert "Alex presses f" in screen_text(app)
        await play(pilot, clock, "space")
        shown = screen_text(app)
        assert "Alex speaks" in shown
        assert "This turn:" in shown
        assert "For the listener" in shown


async def test_each_clock_says_what_it_counts_and_plus_gives_the_turn_its_minute(
    store_with_couple: Store, app: CloserApp, clock: ManualClock
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        talk = await talking(pilot)
        shown = screen_text(app)
        assert "left of your talk" in shown, "the big clock is the whole talk, and says so"
        assert "This turn: 10:00 left" in shown

        # tab: an early swap
        await play(pilot, clock, 6, "tab", 10)
        assert "This turn: 9:50 left" in screen_text(app)
        await play(pilot, clock, "plus")
        assert talk.panel.shown == "20:44"
        assert "This turn: 10:50 left" in screen_text(app), "+ is the speaker's minute"

        await advance(pilot, clock, 650)
        assert speaker(talk) == "first", "the longer turn swaps at its new end"
        await play(pilot, clock, "e")
    assert turns(store_with_couple) == [("first", 6), ("second", 660), ("first", 0)]


async def test_the_end_says_what_a_does_now(
    app: CloserApp, clock: ManualClock, pilot: Pilot[None]
) -> None:
    await talking(pilot)
    await play(pilot, clock, "e")
    shown = screen_text(app)
    assert "Press a to start another talk." in shown
    assert "another time" not in shown

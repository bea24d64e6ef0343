"""Eye gazing on a fake clock: 2–5 minutes, an almost empty screen, either partner can stop."""

from __future__ import annotations

from typing import Any

from helpers import advance, kept_whole, play, saved, screen_text
from textual.pilot import Pilot

from closer_tui.activities.eye_gazing import LINE_SECONDS, EyeGazingActivity
from closer_tui.app import CloserApp
from closer_tui.core.clock import ManualClock
from closer_tui.core.store import Store
from closer_tui.screens.activity import ActivityScreen
from closer_tui.widgets.both_ready import BothReady
from closer_tui.widgets.countdown import CountdownPanel
from closer_tui.widgets.minutes_choice import MinutesChoice


async def open_gazing(pilot: Pilot[None], **kwargs: Any) -> EyeGazingActivity:
    """From the exercises (its place id), or alone on its host screen as a guided step would."""
    await pilot.pause()
    app = pilot.app
    assert isinstance(app, CloserApp)
    if kwargs:
        app.push_screen(ActivityScreen("Step", [("Eye gazing", EyeGazingActivity(**kwargs))]))
    else:
        app.open_place("eye-gazing")
    await pilot.pause()
    await pilot.pause()
    assert isinstance(app.screen, ActivityScreen)
    return app.screen.query_one(EyeGazingActivity)


def chosen(gazing: EyeGazingActivity) -> int:
    return gazing.query_one(MinutesChoice).chosen


async def test_three_minutes_by_default_and_the_choice_stays_within_two_to_five(
    app: CloserApp, pilot: Pilot[None]
) -> None:
    gazing = await open_gazing(pilot)
    assert app.screen.title == "Eye gazing"
    assert "in normal light" in screen_text(app)
    assert chosen(gazing) == 3
    await pilot.press("right", "right", "right", "right")
    assert chosen(gazing) == 5
    await pilot.press("left")
    assert chosen(gazing) == 4
    await pilot.press("9")
    assert chosen(gazing) == 5
    await pilot.press("1")
    assert chosen(gazing) == 2
    await pilot.press("left", "left")
    assert chosen(gazing) == 2
    await pilot.press("4")
    assert chosen(gazing) == 4
    assert gazing.seconds == 240


async def test_a_planned_duration_is_clamped_too(app: CloserApp, pilot: Pilot[None]) -> None:
    for planned, expected in [(60.0, 120.0), (180.0, 180.0), (900.0, 300.0)]:
        gazing = await open_gazing(pilot, planned_seconds=planned)
        assert gazing.seconds == expected
        assert "How long?" not in screen_text(app)
        app.pop_screen()


async def test_the_screen_is_almost_empty_while_gazing_and_ends_gently(
    store_with_couple: Store, app: CloserApp, clock: ManualClock
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        gazing = await open_gazing(pilot)
        await pilot.press("f", "j")
        await pilot.pause()
        assert gazing.stage == "gazing"
        shown = screen_text(app)
        assert "3:00" in shown
        assert "in normal light" not in shown
        assert "How long?" not in shown
        assert "presses" not in shown
        assert not gazing.query(BothReady)
        assert gazing.query_one(CountdownPanel).compact, "no big digits, no bar"
        body = [line for line in shown.splitlines()[3:-1] if line.strip()]
        assert len(body) == 2, "one calm line and a tiny time, nothing else"
        assert body[0] in app.library.eye_gazing.lines

        await advance(pilot, clock, LINE_SECONDS - 1)
        assert screen_text(app).splitlines()[3:-1] != [] and body[0] in screen_text(app)
        await advance(pilot, clock, 1)
        assert body[0] not in screen_text(app), "the calm line moves on, slowly"

        await advance(pilot, clock, 180 - LINE_SECONDS - 0.5)
        assert gazing.stage == "gazing"
        assert "0:01" in screen_text(app)
        await advance(pilot, clock, 0.5)
        assert gazing.stage == "after"
        assert app.library.eye_gazing.after in screen_text(app)
    kept_whole(store_with_couple, "eye_gazing", 180)


async def test_either_partner_can_stop_at_any_moment(
    store_with_couple: Store, app: CloserApp, clock: ManualClock
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        gazing = await open_gazing(pilot)
        for key in ("f", "j", "space"):
            await play(pilot, clock, "space", 47.25, key)
            assert gazing.stage == "after"
            # the 100 seconds after the stop are not counted
            await play(pilot, clock, 100, "a")
    records = saved(store_with_couple)
    assert [r.data for r in reversed(records)] == [
        {"stopped_by": "first"},
        {"stopped_by": "second"},
        {"stopped_by": None},
    ]
    for record in records:
        assert record.completed is False
        assert record.actual_seconds == 47.25


async def test_e_ends_early_and_a_host_pause_holds_the_time(
    store_with_couple: Store, app: CloserApp, clock: ManualClock
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        gazing = await open_gazing(pilot, planned_seconds=120.0)
        await play(pilot, clock, "space", 30)
        gazing.hold(True)
        await advance(pilot, clock, 600)
        assert gazing.stage == "gazing"
        assert "1:30 · paused" in screen_text(app)
        gazing.hold(False)
        await play(pilot, clock, 10, "e")
    [record] = saved(store_with_couple)
    assert (record.completed, record.actual_seconds, record.planned_seconds) == (False, 40, 120)


async def test_again_returns_to_the_gate(
    store_with_couple: Store, app: CloserApp, clock: ManualClock
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        gazing = await open_gazing(pilot)
        await pilot.press("a")  # nothing to do again yet
        assert gazing.stage == "ready"
        await play(pilot, clock, "space", 180)
        assert gazing.pending() is None
        await pilot.press("a")
        await pilot.pause()
        assert gazing.stage == "ready"
        assert "Alex presses f" in screen_text(app)
        await pilot.press("j", "f")
        await pilot.pause()
        assert gazing.stage == "gazing"
        await advance(pilot, clock, 20)
        pending = gazing.pending()
        assert pending is not None and pending[0].actual_seconds == 20
        gazing.forget()
        await pilot.pause()
        assert gazing.stage == "ready"
    assert len(saved(store_with_couple)) == 1


async def test_usable_at_60_by_20(app: CloserApp) -> None:
    async with app.run_test(size=(60, 20)) as pilot:
        gazing = await open_gazing(pilot)
        gate = gazing.query_one(BothReady)
        gate.scroll_visible(animate=False, immediate=True)
        await pilot.pause()
        assert "Sam presses j" in screen_text(app)
        await pilot.press("space")
        await pilot.pause()
        assert "3:00" in screen_text(app)


async def test_the_intro_asks_for_the_keys_before_turning_to_each_other(
    app: CloserApp, pilot: Pilot[None]
) -> None:
    await open_gazing(pilot)
    shown = " ".join(screen_text(app).split())
    assert "Sit facing each other" not in shown
    assert shown.index("press your key") < shown.index("turn towards each other")


async def test_a_stopped_gaze_shows_the_time_together_not_the_time_left(
    app: CloserApp, clock: ManualClock, pilot: Pilot[None]
) -> None:
    gazing = await open_gazing(pilot)
    await play(pilot, clock, "space", 5, "f")
    assert gazing.stage == "after"
    shown = screen_text(app)
    assert "2:55" not in shown
    assert "0:05 together" in shown

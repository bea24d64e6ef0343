"""Every timed practice runs the one timed flow: gate → countdown → after."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from closer_tui.activities import activity_class
from closer_tui.app import CloserApp
from closer_tui.core.clock import ManualClock
from closer_tui.core.content import ActivityKind
from closer_tui.core.store import Store
from closer_tui.screens.activity import ActivityScreen
from closer_tui.widgets.both_ready import PartnerGate
from closer_tui.widgets.countdown import CountdownPanel
from closer_tui.widgets.timed_activity import TimedActivity

TIMED: list[ActivityKind] = [
    "hug",
    "eye_gazing",
    "just_listen",
    "phones_away",
    "unplugged",
    "stress_talk",
]


@pytest.mark.parametrize("kind", TIMED)
async def test_each_timed_practice_passes_its_gates_runs_its_time_and_keeps_one_round(
    kind: ActivityKind,
    store_with_couple: Store,
    app: CloserApp,
    clock: ManualClock,
) -> None:
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.pause()
        timed = activity_class(kind)
        assert issubclass(timed, TimedActivity)
        activity = timed(planned_seconds=120.0)
        app.push_screen(ActivityScreen("Step", [("Step", activity)]))
        await pilot.pause()
        await pilot.pause()
        for _ in range(2):  # the phones-away check, then both ready (some have one of them)
            if activity.stage == activity.RUNNING:
                break
            gate = activity.query_one(PartnerGate)
            assert gate.has_focus, "the keys go to the gate"
            await pilot.press("space")
            await pilot.pause()
        assert activity.stage == activity.RUNNING
        assert (activity.pending() is not None) is activity.KEEPS_A_PART

        clock.advance(121)
        for panel in activity.query(CountdownPanel):
            panel.sync()
        await pilot.pause()
        assert activity.stage == "after"
        assert activity.pending() is None
        kept = store_with_couple.load_history().sessions
        assert [record.kind for record in kept] == [kind]


@pytest.mark.parametrize(
    "kind",
    ["eye_gazing", "stress_talk", "unplugged"],
)
async def test_an_activity_gone_before_its_first_gate_goes_quietly(
    kind: ActivityKind, app: CloserApp, pilot: Pilot[None]
) -> None:
    """A session moving on at once (as after a crash's pick-up) took the step's parts
    down before its gate went up: the gate looked for them and ended closer."""
    await pilot.pause()
    stage = app.screen
    activity = activity_class(kind)()
    await stage.mount(activity)
    await activity.remove()  # before the frame after which its gate would go up
    await pilot.pause()
    await pilot.pause()
    assert app.is_running

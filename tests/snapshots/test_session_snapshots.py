"""The guided session screen as a couple sees it, at 80x24 and at 60x20."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from closer_tui.app import CloserApp
from closer_tui.core.clock import ManualClock
from closer_tui.widgets.countdown import CountdownPanel

pytestmark = pytest.mark.usefixtures("utc")


SnapCompare = Callable[..., bool]


def second_step_of_tonight(clock: ManualClock) -> Callable[[Pilot[Any]], Any]:
    async def run_before(pilot: Pilot[Any]) -> None:
        app = pilot.app
        assert isinstance(app, CloserApp)
        await pilot.pause()
        app.start_plan("tonight-30")
        await pilot.pause()
        clock.advance(90)
        await pilot.press("ctrl+n")  # settled in; on to the hug
        await pilot.pause()
        await pilot.press("space")  # one driver starts it for both
        await pilot.pause()
        clock.advance(7)
        for panel in app.screen.query(CountdownPanel):
            panel.sync()
        app.screen._tick()  # type: ignore[attr-defined]
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", [(80, 24), (60, 20)], ids=["80x24", "60x20"])
def test_a_hug_inside_tonights_30(
    size: tuple[int, int],
    snap_compare: SnapCompare,
    app: CloserApp,
    clock: ManualClock,
) -> None:
    assert snap_compare(app, terminal_size=size, run_before=second_step_of_tonight(clock))

"""A running timer's second is drawn from the widgets in its own regions, nothing beside them.

Textual hands the compositor only the box around all of an update's regions.
When the talk's clock and its turn line under it change together, that box
takes in the talk's padding; in a session it takes in the step list beside the
step. The focused compositor asks only the widgets showing inside the regions
themselves (``mends/compositor.py``), and what it sends the terminal is the
same as Textual's own sends, byte for byte.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from types import MethodType
from typing import Any

import pytest
from helpers import advance, open_activity, start_plan
from textual._compositor import Compositor
from textual.geometry import Region
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from closer_tui.activities.hug import HugActivity
from closer_tui.activities.stress_talk import StressTalkActivity
from closer_tui.app import CloserApp
from closer_tui.core.clock import ManualClock
from closer_tui.mends.compositor import FocusedCompositor
from closer_tui.screens.session import StepList
from closer_tui.widgets.countdown import CountdownPanel

MOVE = r"\x1b\[\d+;\d+H"
NOTHING_AFTER = re.compile(f"{MOVE}(?={MOVE}|\\n|$)")


def sent(screen: Screen[object], regions: list[Region], *, textuals_own: bool) -> str:
    """What a partial update of ``regions`` writes to the terminal.

    Less any cursor move with nothing written after it: Textual's own moves to
    a piece of line that starts just where a region ends, and writes nothing there.
    """
    compositor = screen._compositor
    if textuals_own:
        compositor._get_renders = MethodType(Compositor._get_renders, compositor)  # type: ignore[method-assign]
    try:
        compositor._dirty_regions = set(regions)
        update = compositor.render_partial_update()
    finally:
        if textuals_own:
            del compositor._get_renders
    assert update is not None
    return NOTHING_AFTER.sub("", update.render_segments(screen.app.console))


def assert_sends_what_textual_sends(screen: Screen[object]) -> None:
    """Every widget's region, random pieces, and pairs of a piece and another widget."""
    assert isinstance(screen._compositor, FocusedCompositor)
    area = screen._compositor.size.region
    regions = [r.intersection(area) for r, _ in screen._compositor.visible_widgets.values()]
    rng = random.Random(14)
    pieces = [
        Region(
            rng.randrange(r.x, max(r.right, r.x + 1)),
            rng.randrange(r.y, max(r.bottom, r.y + 1)),
            rng.randint(1, 12),
            rng.randint(1, 3),
        ).intersection(area)
        for r in regions
    ]
    updates = [[r] for r in regions + pieces] + [
        [a, b] for a, b in zip(pieces, reversed(regions), strict=True)
    ]
    checked = 0
    for update in updates:
        if all(update):
            ours = sent(screen, update, textuals_own=False)
            assert ours == sent(screen, update, textuals_own=True), update
            checked += 1
    assert checked > 20


def asked(monkeypatch: pytest.MonkeyPatch, widget: Widget, log: list[Widget]) -> None:
    """Note each time the compositor asks ``widget`` for its lines."""
    render_lines: Callable[..., Any] = widget.render_lines

    def noted(crop: Region) -> Any:
        log.append(widget)
        return render_lines(crop)

    monkeypatch.setattr(widget, "render_lines", noted)


def a_second(screen: Screen[object], *lines: Widget) -> list[Region]:
    """The regions a tick marks: the countdown's digit rows, and each line that moved with it."""
    panel = screen.query_one(CountdownPanel)
    digits = panel.content_region
    regions = [Region(digits.x, digits.y, digits.width, 3)]
    regions += [line.region for line in lines]
    return regions


async def talking(pilot: Pilot[None], clock: ManualClock) -> StressTalkActivity:
    talk = await open_activity(pilot, "daily-connection", StressTalkActivity)
    await pilot.press("space")  # phones away
    await pilot.pause()
    await pilot.press("space")  # both ready
    await pilot.pause()
    assert talk.stage == "talking"
    await advance(pilot, clock, 2)
    return talk


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_a_talks_second_is_drawn_without_the_talk_around_it(
    size: tuple[int, int], app: CloserApp, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with app.run_test(size=size) as pilot:
        talk = await talking(pilot, clock)
        turn_line = app.screen.query_one("#talk-turn-time", Static)
        log: list[Widget] = []
        for widget in (talk, turn_line, app.screen.query_one(CountdownPanel)):
            asked(monkeypatch, widget, log)
        sent(app.screen, a_second(app.screen, turn_line), textuals_own=False)
        assert talk not in log, "the talk's padding is drawn again each second"
        assert turn_line in log and len(log) == 2, log
        assert_sends_what_textual_sends(app.screen)


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_a_session_steps_second_leaves_the_step_list_alone(
    size: tuple[int, int], app: CloserApp, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with app.run_test(size=size) as pilot:
        session = await start_plan(pilot, "quick-reconnect")
        await pilot.press("space")
        await advance(pilot, clock, 2)
        assert session.query_one(HugActivity).stage == "hugging"
        log: list[Widget] = []
        steps = session.query_one(StepList)
        asked(monkeypatch, steps, log)
        asked(monkeypatch, session.query_one("#session-body"), log)
        asked(monkeypatch, session.query_one(CountdownPanel), log)
        sent(session, a_second(session), textuals_own=False)
        assert steps not in log, "the step list beside the step is drawn again each second"
        assert len(log) == 1, log
        assert_sends_what_textual_sends(session)


async def test_a_talk_under_a_toast_sends_what_textual_sends(
    app: CloserApp, clock: ManualClock
) -> None:
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await talking(pilot, clock)
        app.notify("Time to swap: Sam speaks, Alex listens.", timeout=60)
        await pilot.pause()
        await pilot.pause()
        assert_sends_what_textual_sends(app.screen)

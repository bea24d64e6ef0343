"""A new listening cue or turn line takes the screen's layout again only when its rows change.

Every twenty seconds the cue moves on to words of another length; on one row
as before it needs no new layout (a layout of the whole screen cost as much as
three of the talk's seconds, benchmarks/timer.py). Words that need another row
(a narrow terminal) still get one, so nothing is cut.
"""

from __future__ import annotations

from itertools import pairwise

from helpers import recorded_updates, screen_text, talking
from textual.pilot import Pilot
from textual.widgets import Static

from closer_tui.activities.stress_talk import CUE_SECONDS
from closer_tui.app import CloserApp
from closer_tui.core.clock import ManualClock
from closer_tui.widgets.countdown import CountdownPanel


async def next_cue(pilot: Pilot[None], clock: ManualClock) -> None:
    clock.advance(CUE_SECONDS)
    pilot.app.screen.query_one(CountdownPanel).sync()
    await pilot.pause()


async def test_a_new_cue_on_one_row_needs_no_new_layout(app: CloserApp, clock: ManualClock) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        talk = await talking(pilot)
        updates = recorded_updates(talk.query_one("#talk-cue", Static))
        before = talk.cue
        await next_cue(pilot, clock)
        [(words, layout)] = updates
        assert words == talk.cue != before and len(words) != len(before)
        assert layout is False
        assert talk.cue in screen_text(app)


async def test_a_cue_that_needs_another_row_is_laid_out_again(
    app: CloserApp, clock: ManualClock
) -> None:
    # 40 columns: "For the listener: Take their side." fits one row, most cues need two.
    async with app.run_test(size=(40, 30)) as pilot:
        talk = await talking(pilot)
        cue = talk.query_one("#talk-cue", Static)
        updates = recorded_updates(cue)
        heights = [cue.size.height]
        for _ in app.library.phrases.listening_cues:
            await next_cue(pilot, clock)
            heights.append(cue.size.height)
        changed = [a != b for a, b in pairwise(heights)]
        assert [layout for _, layout in updates] == changed
        assert any(changed) and not all(changed), heights

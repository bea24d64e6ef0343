""" "How sure are we?" shows its first part at once and the rest just after, all of it."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Markdown

from closer_tui.app import CloserApp
from closer_tui.screens.guide import ReadingScreen, evidence_parts


async def test_the_first_part_is_painted_before_the_claims_and_sources_follow(
    app: CloserApp, pilot: Pilot[None]
) -> None:
    await pilot.pause()
    painted_with: list[int] = []
    read_on = ReadingScreen._read_on

    async def first_frame_then_more(screen: ReadingScreen) -> None:
        painted_with.append(len(screen.query(Markdown)))
        await read_on(screen)

    ReadingScreen._read_on = first_frame_then_more  # type: ignore[method-assign]
    try:
        app.open_place("evidence")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
    finally:
        ReadingScreen._read_on = read_on  # type: ignore[method-assign]
    assert painted_with == [1]  # the page's own text alone in the first frame
    parts = app.screen.query(Markdown)
    assert [part.source for part in parts] == list(evidence_parts(app.library))


async def test_going_back_before_the_rest_is_in_is_calm(app: CloserApp, pilot: Pilot[None]) -> None:
    await pilot.pause()
    app.open_place("evidence")
    await pilot.pause()
    await pilot.press("escape")
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert not isinstance(app.screen, ReadingScreen)

"""Pictures of the writing-together screens at 80x24: the DTR's complaint step, appreciations
side by side, the safety check's curtain, and the weekly check-in."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.pilot import Pilot
from textual.widgets import TextArea

from closer_tui.app import CloserApp
from closer_tui.core.clock import ManualClock
from closer_tui.widgets.private_round import HANDOVER_SECONDS

SIZE = (80, 24)
HAND_OVER = "hand-over"
"""Enter on a look-away screen, pressed once it has been on screen for a moment."""


def opening(place: str, *keys: str, text: str = "") -> Callable[[Pilot[None]], Awaitable[None]]:
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.pause()
        app = pilot.app
        assert isinstance(app, CloserApp)
        app.open_place(place)
        await pilot.pause()
        for key in keys:
            if key == HAND_OVER:
                assert isinstance(app.clock, ManualClock)
                app.clock.advance(HANDOVER_SECONDS)
                key = "enter"
            await pilot.press(key)
        if text:
            focused = app.focused
            assert isinstance(focused, TextArea)
            focused.insert(text)
        await pilot.pause()

    return run_before


def test_dtr_at_the_complaints_step(
    snap_compare: Callable[..., bool],
    app: CloserApp,
) -> None:
    skip = ["ctrl+o", "ctrl+o", "ctrl+n"] * 3
    run = opening("temperature-reading", *skip, text="The dishes sat in the sink all weekend.")
    assert snap_compare(app, terminal_size=SIZE, run_before=run)


def test_appreciations_revealed(
    snap_compare: Callable[..., bool],
    app: CloserApp,
) -> None:
    async def run(pilot: Pilot[None]) -> None:
        await opening("appreciation")(pilot)
        for words in (
            "Making coffee on Monday before I was up: it made a rushed morning calm.",
            "Asking about my appointment. I felt remembered.",
        ):
            focused = pilot.app.focused
            assert isinstance(focused, TextArea)
            focused.insert(words)
            await pilot.press("ctrl+s")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run)


def test_safety_check_curtain(
    snap_compare: Callable[..., bool],
    app: CloserApp,
) -> None:
    run = opening("safety", HAND_OVER, *(key for n in "45321544" for key in (n, "enter")))
    assert snap_compare(app, terminal_size=SIZE, run_before=run)


def test_weekly_checkin(
    snap_compare: Callable[..., bool],
    app: CloserApp,
) -> None:
    run = opening("weekly-checkin", text="We cooked together on Thursday and laughed a lot.")
    assert snap_compare(app, terminal_size=SIZE, run_before=run)

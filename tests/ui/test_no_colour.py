"""Every state reads in plain text (issue 11): with NO_COLOR set, on a monochrome terminal
and to a colour-blind partner, nothing is told by colour alone."""

from __future__ import annotations

from datetime import timedelta

import pytest
from helpers import EVENING, AppFactory, open_place, screen_text
from textual.widgets import TabbedContent

from closer_tui.app import CloserApp
from closer_tui.core.models import Outcome
from closer_tui.core.sessions import record_of
from closer_tui.core.store import Store


@pytest.fixture(autouse=True)
def no_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")


async def open_tab(app: CloserApp, pilot: object, place: str, tab: str) -> None:
    app.open_place(place)
    await pilot.pause()  # type: ignore[attr-defined]
    app.screen.query_one(TabbedContent).active = tab
    await pilot.pause()  # type: ignore[attr-defined]


async def test_the_chosen_duration_reads_in_brackets(app: CloserApp) -> None:
    assert app.no_color
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await open_tab(app, pilot, "eye-gazing", "try-0")
        assert "[3 min]" in screen_text(app)
        await pilot.press("right")
        await pilot.pause()
        shown = screen_text(app)
        assert "[4 min]" in shown and "[3 min]" not in shown


async def test_switches_say_on_or_off(app: CloserApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_place(pilot, "settings")
        assert "On Ring the terminal bell when a timer ends" in screen_text(app)
        assert "Off Light theme" in screen_text(app)
        app.screen.query_one("#bell").focus()
        await pilot.press("space")
        await pilot.pause()
        assert "Off Ring the terminal bell when a timer ends" in screen_text(app)


async def test_touch_ideas_ticks_read_as_ticks(app: CloserApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await open_tab(app, pilot, "affection", "try-1")
        first = app.library.affection[0].text
        assert f"▸ [ ] {first}" in screen_text(app), "highlighted, not ticked"
        await pilot.press("space")
        await pilot.pause()
        assert f"▸ [✓] {first}" in screen_text(app)


async def test_the_starter_plan_ticks_read_as_ticks(app: CloserApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_place(pilot, "starter-plan")
        step = app.library.starter_plan[0].text
        assert "X" not in screen_text(app)
        assert f"▐ ▌ {step}" in screen_text(app)
        await pilot.press("space")
        await pilot.pause()
        assert f"▐✓▌ {step}" in screen_text(app)


async def test_the_highlighted_place_on_home_is_marked(app: CloserApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        marked = [line for line in screen_text(app).splitlines() if "▸" in line]
        assert len(marked) == 1 and "Tonight's 30" in marked[0]


async def test_the_history_cursor_is_marked(store_with_couple: Store, make_app: AppFactory) -> None:
    for day in range(3):
        started = EVENING - timedelta(days=day)
        hug = Outcome(kind="hug", title="A 20-second hug", actual_seconds=20)
        store_with_couple.save_session(record_of(hug, started, started + timedelta(seconds=20)))
    app = make_app(store_with_couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_place(pilot, "history")
        await app.workers.wait_for_complete()
        await pilot.pause()
        rows = [line for line in screen_text(app).splitlines() if "hug" in line]
        assert len(rows) == 3 and rows[0].startswith("▸") and "▸" not in "".join(rows[1:])
        await pilot.press("down")
        await pilot.pause()
        rows = [line for line in screen_text(app).splitlines() if "hug" in line]
        assert rows[1].startswith("▸") and not rows[0].startswith("▸")

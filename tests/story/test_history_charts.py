"""History's Together tab draws its charts when first shown, never on History's first frame."""

from __future__ import annotations

from datetime import timedelta

from helpers import AppFactory, screen_text
from story_kit import checkin, session
from textual.pilot import Pilot
from textual.widgets import TabbedContent

from closer_tui.app import CloserApp
from closer_tui.core.store import Store
from closer_tui.screens.history import HistoryScreen


async def test_the_charts_come_with_the_together_tab(
    make_app: AppFactory, store_with_couple: Store, now: object
) -> None:
    today = now().date()  # type: ignore[operator]
    for weeks in range(6):
        store_with_couple.save_session(checkin(today - timedelta(weeks=weeks), 5 + weeks % 3, 7))
    store_with_couple.save_session(session(today - timedelta(days=40), seconds=1800))
    app = make_app(store_with_couple)
    async with app.run_test(size=(100, 60)) as pilot:
        await app.workers.wait_for_complete()
        app.open_place("history")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        assert not screen.query("#minutes-chart")  # not on the first frame
        screen.query_one(TabbedContent).active = "insights-tab"
        await pilot.pause()
        await pilot.pause()
        minutes = screen.query_one("#minutes-chart")
        ratings = screen.query_one("#ratings-chart")
        assert minutes.display and ratings.display
        text = screen_text(app)
        assert "Minutes together, month by month" in text
        assert "Alex ●" in text and "Sam ◆" in text


async def test_no_chart_without_anything_to_draw(app: CloserApp, pilot: Pilot[None]) -> None:
    await app.workers.wait_for_complete()
    app.open_place("history")
    await pilot.pause()
    app.screen.query_one(TabbedContent).active = "insights-tab"
    await pilot.pause()
    assert not app.screen.query_one("#minutes-chart").display
    assert not app.screen.query_one("#ratings-chart").display

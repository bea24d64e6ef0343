"""History's **k**: the keepsake of a chosen year, written where they say, asking first."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from helpers import AppFactory, tap
from story_kit import appreciation, session
from textual.widgets import Input, Select

from closer_tui.core.store import Store
from closer_tui.screens.confirm import ConfirmScreen
from closer_tui.screens.history import HistoryScreen
from closer_tui.screens.history_keepsake import KeepsakeScreen


async def test_k_writes_the_chosen_years_keepsake(
    make_app: AppFactory, store_with_couple: Store, tmp_path: Path
) -> None:
    store_with_couple.save_session(session(date(2024, 3, 3)))
    store_with_couple.save_session(appreciation(date(2025, 5, 5), "Your calm voice", "Tea"))
    target = tmp_path / "ours.html"
    app = make_app(store_with_couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        app.open_place("history")
        await pilot.pause()
        await tap(pilot, "k")
        dialog = app.screen
        assert isinstance(dialog, KeepsakeScreen)
        assert dialog.years == [2025, 2024]
        box = dialog.query_one("#path", Input)
        assert box.value == "~/closer-keepsake-2025.html"
        dialog.query_one("#year", Select).value = 2024
        await pilot.pause()
        assert box.value == "~/closer-keepsake-2024.html"  # the name follows the year
        dialog.query_one("#year", Select).value = 2025
        box.value = str(target)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        page = target.read_text("utf-8")
        assert "Your calm voice" in page
        assert "· 2025 · a keepsake" in page

        target.write_text("our own notes")
        await tap(pilot, "k")
        app.screen.query_one("#path", Input).value = str(target)
        await tap(pilot, "enter")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")  # the safe answer: keep it
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert target.read_text() == "our own notes"

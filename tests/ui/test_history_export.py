"""The History screen's export asks before it replaces a file (issue 10, item 10)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from helpers import EVENING, AppFactory
from textual.widgets import Input

from closer_tui.core.models import Entry, SessionRecord
from closer_tui.core.store import Store
from closer_tui.screens.confirm import ConfirmScreen
from closer_tui.screens.history import ExportScreen, HistoryScreen


async def test_export_over_an_existing_file_asks_first(
    make_app: AppFactory, store_with_couple: Store, tmp_path: Path
) -> None:
    store_with_couple.save_session(
        SessionRecord(
            kind="question",
            title="One question",
            entries=[Entry(who="first", prompt="What made you smile?", text="Your laugh.")],
            started_at=EVENING,
            ended_at=EVENING + timedelta(minutes=10),
        )
    )
    target = tmp_path / "ours.md"
    target.write_text("last month's export, with our notes")
    app = make_app(store_with_couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        app.open_place("history")
        await pilot.pause()

        async def export_to_target() -> None:
            await pilot.press("x")
            await pilot.pause()
            assert isinstance(app.screen, ExportScreen)
            app.screen.query_one(Input).value = str(target)
            await pilot.press("enter")
            await pilot.pause()

        await export_to_target()
        assert isinstance(app.screen, ConfirmScreen)
        assert "already there" in app.screen.question
        await pilot.press("enter")  # the safe answer has the focus: keep it
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert target.read_text() == "last month's export, with our notes"

        await export_to_target()
        await pilot.click("#yes")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
    assert "Your laugh." in target.read_text("utf-8")

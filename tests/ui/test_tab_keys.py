"""The tab keys: the same on every tabbed screen, shown in the footer, never typed into a box."""

from __future__ import annotations

import pytest
from helpers import open_activity, open_place, screen_text
from textual.widgets import Input, TabbedContent

from closer_tui.app import CloserApp
from closer_tui.screens.history import HistoryScreen
from closer_tui.screens.history_list import SessionList


@pytest.mark.parametrize(
    ("forward", "back"),
    [
        ("ctrl+right_square_bracket", "ctrl+pageup"),
        ("ctrl+pagedown", "ctrl+pageup"),
        ("alt+right", "alt+left"),
    ],
)
async def test_tab_keys_pass_through_the_i_statement_box_without_typing_in_it(
    forward: str, back: str, app: CloserApp
) -> None:
    async with app.run_test(size=(100, 24)) as pilot:
        tabs = await open_activity(pilot, "inner-world", TabbedContent)
        assert tabs.active == "try-0"
        assert "^] Tab" in screen_text(app)

        await pilot.press(forward)
        await pilot.pause()
        await pilot.pause()
        feel = app.screen.query_one("#is-feel", Input)
        assert tabs.active == "try-1" and feel.has_focus

        await pilot.press(forward)  # the key that used to be typed into "I feel …"
        await pilot.pause()
        assert tabs.active == "try-2"
        assert feel.value == ""

        await pilot.press(back, back)
        await pilot.pause()
        assert tabs.active == "try-0"


async def test_history_moves_between_its_tabs_with_the_same_keys(app: CloserApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_place(pilot, "history")
        for _ in range(100):  # the history loads in a worker after the first frame
            if app.history_loaded:
                break
            await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        tabs = screen.query_one(TabbedContent)
        footer = screen_text(app).splitlines()[-1]
        assert "^] Tab" in footer and "Insights" not in footer

        await pilot.press("ctrl+pagedown")
        await pilot.pause()
        assert tabs.active == "insights-tab"
        assert "Together" in screen_text(app)
        await pilot.press("alt+left")
        await pilot.pause()
        assert tabs.active == "list-tab"
        assert app.focused is screen.query_one("#kind") or isinstance(app.focused, SessionList)

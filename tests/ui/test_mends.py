"""closer's mends of Textual (``closer_tui.mends``): each holds on Textual 8.2.8, and on
any other version the checked ones step aside for Textual's own behaviour."""

from __future__ import annotations

import pytest
from textual.command import CommandList, CommandPalette

from closer_tui import mends
from closer_tui.app import CloserApp
from closer_tui.widgets.footer import CalmFooter


@pytest.fixture
def another_textual(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend a Textual other than the one the mends were written for is running."""
    monkeypatch.setattr(mends, "running_textual", lambda: "8.3.0")


def test_the_mends_apply_on_the_textual_they_were_written_for() -> None:
    assert mends.running_textual() == mends.WRITTEN_FOR
    assert mends.in_force()


def test_on_another_textual_they_do_not(another_textual: None) -> None:
    assert not mends.in_force()


async def test_page_down_in_the_palette_before_its_list_has_room(app: CloserApp) -> None:
    """ctrl+p then pagedown in one read paged a list not laid out yet: KeyError."""
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press("down")
        await pilot.pause()
        commands = app.screen.query_one(CommandList)
        assert commands.highlighted is not None
        commands.styles.max_height = 0  # no room to draw, as in the moment before layout
        await pilot.pause()
        await pilot.press("pagedown", "pageup")
        await pilot.pause()
        commands.styles.max_height = None
        await pilot.pause()
        await pilot.press("pagedown")
        await pilot.pause()
        assert commands.highlighted > 1, "page down pages the list once it has room"


async def test_on_another_textual_the_palette_searches_as_textual_does(
    app: CloserApp, another_textual: None
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"hug")
        await pilot.pause()
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        worker = palette._gather_commands("hug")
        assert worker.name == CommandPalette._gather_commands.__name__  # Textual's own worker
        await worker.wait()
        assert "hug" in str(palette.query_one(CommandList).get_option_at_index(0).prompt).lower()


async def test_on_another_textual_the_footer_cuts_as_textual_does(
    app: CloserApp, another_textual: None
) -> None:
    async with app.run_test(size=(40, 20)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(CalmFooter)
        keys = footer.query("FooterKey")
        assert keys
        assert not any(key.has_class("-no-room") for key in keys)
        last = [key for key in keys if not key.has_class("-command-palette")][-1]
        hint = footer.query_one(".-command-palette")
        assert last.region.right > hint.region.x, "Textual runs the last key under the hint"

"""Layout at 80x24 and 60x20 (issue 11): words read whole, and what a key did is in sight."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import AppFactory, open_activity, open_place, screen_lines
from textual.widgets import TabbedContent

from closer_tui.app import CloserApp
from closer_tui.core.models import Couple, Partner
from closer_tui.core.store import Store
from closer_tui.screens.session import StepList
from closer_tui.widgets.option_list import HIGHLIGHT_MARK, CalmOptionList

SIZES = [(80, 24), (60, 20)]


def region_text(app: CloserApp, widget: StepList) -> str:
    """The words drawn inside ``widget``'s box, rows joined, borders and minutes left out."""
    region = widget.content_region
    rows = screen_lines(app)[region.y : region.bottom]
    inside = " ".join(row[region.x : region.right] for row in rows)
    return " ".join(word for word in inside.split() if not re.fullmatch(r"\d+′|[▶✓–]", word))


@pytest.mark.parametrize("size", SIZES)
async def test_the_colour_picker_shows_each_colour_on_one_line(
    size: tuple[int, int], data_dir: Path, couple: Couple, make_app: AppFactory
) -> None:
    """It showed "vermil ▼" with "ion" on the line below."""
    store = Store.open(data_dir)
    store.save_couple(couple.model_copy(update={"first": Partner(name="Alex", colour="vermilion")}))
    app = make_app(store)
    async with app.run_test(size=size) as pilot:
        await open_place(pilot, "settings")
        assert any("vermilion" in line for line in screen_lines(app))


async def test_the_step_list_shows_every_title_whole_at_80x24(app: CloserApp) -> None:
    """ "What each of us ne…" told a couple nothing: long titles wrap under themselves."""
    async with app.run_test(size=(80, 24)) as pilot:
        steps = await open_activity(pilot, "plan-tonight-30", StepList)
        shown = region_text(app, steps)
        plan = app.plan("tonight-30")
        assert plan is not None
        for step in plan.steps:
            assert step.title in shown, step.title
        assert "…" not in shown


async def test_at_60x20_the_step_title_reads_whole_where_the_list_hides(app: CloserApp) -> None:
    async with app.run_test(size=(60, 20)) as pilot:
        await open_place(pilot, "plan-tonight-30")
        assert not app.screen.query_one(StepList).display
        assert any("Step 1 of 7 · Settle in, phones away" in line for line in screen_lines(app))


@pytest.mark.parametrize("size", SIZES)
async def test_the_i_statement_and_its_saved_line_stay_in_sight(
    size: tuple[int, int], app: CloserApp
) -> None:
    """Below the fold, ctrl+s looked like it did nothing."""
    async with app.run_test(size=size) as pilot:
        await open_place(pilot, "inner-world")
        app.screen.query_one(TabbedContent).active = "try-1"
        await pilot.pause()
        await pilot.press(*"tired", "enter", *"the dishes wait", "enter", *"a hand")
        await pilot.pause()
        assert any("I feel tired when the dishes wait" in line for line in screen_lines(app))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert any("'s turn. ctrl+s saves" in line for line in screen_lines(app))
        await pilot.press(*"calm", "enter", *"we cook", "enter", *"more of it", "ctrl+s")
        await pilot.pause()
        assert any("Saved." in line for line in screen_lines(app))


async def test_home_hangs_a_wrapped_description_under_its_title(app: CloserApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        lines = screen_lines(app)
        row = next(i for i, line in enumerate(lines) if "Tonight's 30" in line)
        title_at = lines[row].index("Tonight's 30")
        below = lines[row + 1]
        text_at = len(below) - len(below.lstrip(" │"))
        assert text_at == title_at, "the second line starts under the title, not the edge"


async def test_back_on_home_the_highlighted_row_is_in_sight_and_marked(app: CloserApp) -> None:
    """Home kept its scroll place without showing the highlight: down+enter surprised."""
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        options = app.screen.query_one(CalmOptionList)
        target = options.get_option_index("love-maps")
        options.highlighted = target
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is not options.screen
        options.scroll_home(animate=False)  # as if the list had moved while away
        app.pop_screen()
        await pilot.pause()
        await pilot.pause()
        marked = [line for line in screen_lines(app) if HIGHLIGHT_MARK in line]
        assert len(marked) == 1 and "Love Maps" in marked[0], marked
        await pilot.press("down")
        await pilot.pause()
        marked = [line for line in screen_lines(app) if HIGHLIGHT_MARK in line]
        assert len(marked) == 1 and "Love Maps" not in marked[0]

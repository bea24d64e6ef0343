"""The guides: every one opens, reads at 60x20, and the starter plan keeps its ticks."""

from __future__ import annotations

import re

import pytest
from helpers import AppFactory, open_place, screen_text
from textual.widgets import Checkbox, Collapsible, Markdown

from closer_tui.app import CloserApp
from closer_tui.core.store import Store
from closer_tui.screens.activity import ActivityScreen
from closer_tui.screens.catalog import GUIDES
from closer_tui.screens.guide import FaqScreen, ReadingScreen, StarterPlanScreen, guide_screen

GUIDE_IDS = [guide_id for guide_id, _, _ in GUIDES]


def test_every_catalog_guide_has_a_screen() -> None:
    assert set(GUIDE_IDS) == {
        "starter-plan",
        "attachment",
        "connection-check",
        "rebuilding",
        "barriers",
        "therapy",
        "evidence",
        "faq",
    }


def test_every_guide_keeps_one_name_and_every_guide_the_faq_names_is_there(app: CloserApp) -> None:
    titles = {title for _, title, _ in GUIDES}
    for guide in app.library.guides:
        assert (guide.id, guide.title) in {(g, title) for g, title, _ in GUIDES}
    named = {
        name
        for faq in app.library.faq
        for name in re.findall(r'[Tt]he guide "([^"]+)"', faq.answer)
    }
    assert named and named <= titles


async def test_help_shows_the_example_the_faq_promises(
    store_with_couple: Store, make_app: AppFactory
) -> None:
    from closer_tui.core.content import OWN_CONTENT_EXAMPLE
    from closer_tui.screens.help import HelpScreen

    app = make_app(store_with_couple)
    assert any("the help page shows an example" in faq.answer for faq in app.library.faq)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one(Markdown).source)
        assert OWN_CONTENT_EXAMPLE in text and str(store_with_couple.root) in text


@pytest.mark.parametrize("guide_id", GUIDE_IDS)
async def test_each_guide_opens_reads_at_60x20_and_escape_goes_back(
    guide_id: str, app: CloserApp
) -> None:
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        home = app.screen
        app.open_place(guide_id)
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReadingScreen | ActivityScreen)
        assert screen is not home
        assert app.focused is not None, "keys work at once"
        if isinstance(screen, ReadingScreen):
            scroller = screen.query_one("#reading")
            assert scroller.max_scroll_y > 0 or guide_id == "faq"
            await pilot.press("end" if guide_id != "starter-plan" else "up")
            await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is home


async def test_barriers_lead_to_the_therapist_guide_which_names_where_to_find_help(
    app: CloserApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_place(pilot, "barriers")
        text = str(app.screen.query_one(Markdown).source)
        for claim in app.library.guide("barriers").claims:
            assert claim.sources[0].cite in text and claim.strength in text
        assert '"Finding a couples therapist"' in text
        await pilot.press("escape")
        await pilot.pause()

        app.open_place("therapy")
        await pilot.pause()
        assert app.screen.title == "Finding a couples therapist"
        text = str(app.screen.query_one(Markdown).source)
        safety = app.library.safety
        assert safety.find_therapist in text and safety.helplines in text
        for claim in app.library.guide("therapy").claims:
            assert claim.sources[0].cite in text


async def test_starter_plan_ticks_are_kept_across_a_restart(
    store_with_couple: Store, make_app: AppFactory
) -> None:
    app = make_app(store_with_couple)
    steps = app.library.starter_plan
    async with app.run_test(size=(80, 24)) as pilot:
        await open_place(pilot, "starter-plan")
        plan = app.screen
        assert isinstance(plan, StarterPlanScreen)
        assert plan.query_one(f"#step-{steps[0].id}", Checkbox).has_focus
        shown = screen_text(app)
        assert "Tonight" in shown and steps[0].why in shown
        await pilot.press("space", "down", "down", "space")
        await pilot.pause()
    kept = store_with_couple.load_keepsakes()
    assert kept.recall("starter-plan", "ticked") == [steps[0].id, steps[2].id]

    again = make_app(store_with_couple)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        again.open_place("starter-plan")
        await pilot.pause()
        boxes = {box.id: box.value for box in again.screen.query(Checkbox)}
        assert boxes[f"step-{steps[0].id}"] and boxes[f"step-{steps[2].id}"]
        assert not boxes[f"step-{steps[1].id}"]


async def test_faq_opens_an_answer_with_enter(app: CloserApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_place(pilot, "faq")
        assert isinstance(app.screen, FaqScreen)
        folds = list(app.screen.query(Collapsible))
        assert len(folds) == len(app.library.faq)
        assert not folds[0].collapsed and folds[1].collapsed
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert not folds[1].collapsed


async def test_an_unknown_guide_is_a_clear_error(app: CloserApp) -> None:
    with pytest.raises(KeyError):
        guide_screen(app, "no-such-guide")

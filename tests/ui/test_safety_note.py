"""The safety note is where it is needed: in full on the help page, once at the start of
the activities where private answers come up, and not again on every Why tab or help."""

from __future__ import annotations

import pytest
from helpers import answer_privately, hand_over, open_place
from textual.widgets import Markdown

from closer_tui.app import CloserApp
from closer_tui.core.clock import ManualClock
from closer_tui.core.content import library
from closer_tui.screens.help import HelpScreen
from closer_tui.widgets.private_round import PrivateRound

SHORT = library().safety.short


def shown(app: CloserApp) -> str:
    lines = (strip.text for strip in app.screen._compositor.render_strips())
    return " ".join(" ".join(lines).split())


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(
    "place", ["questions", "safety", "inner-world", "connection-check", "attachment"]
)
async def test_not_on_the_why_tab_and_once_in_full_on_the_help_page(
    app: CloserApp, place: str
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_place(pilot, place)
        reading = " ".join(str(markdown.source) for markdown in app.screen.query(Markdown))
        assert flat(SHORT) not in flat(reading)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        help_page = flat(str(app.screen.query_one(Markdown).source))
        assert flat(SHORT) not in help_page
        assert help_page.count(flat(app.library.safety.unsafe)) == 1


@pytest.mark.parametrize("place", ["connection-check", "attachment"])
async def test_a_reflection_shows_it_once_before_anyone_answers(
    app: CloserApp, clock: ManualClock, place: str
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_place(pilot, place)
        assert flat(SHORT) in shown(app)
        private = app.screen.query_one(PrivateRound)
        for _ in range(2):
            await answer_privately(pilot, clock, ["3"] * (len(private.asks) - 1))
            assert flat(SHORT) not in shown(app), "not under every question"
            await pilot.press("3", "enter")
            assert flat(SHORT) not in shown(app), "not on the second curtain"
        await hand_over(pilot, clock)
        assert private.stage == "revealed"
        assert flat(SHORT) not in shown(app), "not on the reveal"

"""A practice's hidden reading tabs (why, how, ideas) are mounted just after its first frame.

The first try (tonight's question, a timer) is painted without waiting for
their Markdown to be parsed and laid out; by the time a couple steps to a
reading tab, it is there in full.
"""

from __future__ import annotations

import pytest
from helpers import open_place, screen_flat
from textual.widgets import Markdown, TabbedContent

from closer_tui.activities.questions import QuestionActivity
from closer_tui.app import CloserApp


async def test_the_why_tab_is_mounted_after_the_first_card(
    app: CloserApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    on_first_card: list[int] = []
    first_card = QuestionActivity.first_card

    def counting(self: QuestionActivity) -> None:
        on_first_card.append(len(self.screen.query(Markdown)))
        first_card(self)

    monkeypatch.setattr(QuestionActivity, "first_card", counting)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_place(pilot, "questions")
        assert on_first_card == [0]  # nothing of the reading tabs while the card is drawn
        assert len(app.screen.query(Markdown)) >= 3  # why, how, ideas: there just after
        app.screen.query_one(TabbedContent).active = "why"
        await pilot.pause()
        assert "evidence:" in screen_flat(app)  # the Why tab, with its sources

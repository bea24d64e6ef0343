"""After a hard moment: the plan run through on the fake clock, feelings kept private until
both reveal them, the paraphrase check, and a gentler word for a listed "but" or blame."""

from __future__ import annotations

import pytest
from helpers import AppFactory, advance, choose, hand_over, saved, screen_flat, start_plan, tap
from textual.widgets import Static, TextArea

from closer_tui.activities.hard_moment import FeelingsActivity, HardMomentTurnsActivity
from closer_tui.core.clock import ManualClock
from closer_tui.core.content import library
from closer_tui.core.store import Store
from closer_tui.screens.summary import SummaryScreen
from closer_tui.widgets.private_round import HANDOVER_SECONDS, PrivateRound

FEELINGS = library().calm.hard_moment.feelings
ALEX_FEELS = FEELINGS.index("misunderstood") + 1
SAM_FEELS = FEELINGS.index("lonely") + 1


def test_every_part_the_plan_names_is_in_calm_toml() -> None:
    parts = {part.id for part in library().calm.hard_moment.parts}
    named = [
        step.options["part"]
        for step in library().plan("after-a-hard-moment").steps
        if step.activity == "hard_moment"
    ]
    assert named == ["what-it-was-like", "what-it-touched", "what-i-own", "next-time"]
    assert set(named) <= parts


async def test_the_plan_runs_through_and_keeps_what_was_said(
    store_with_couple: Store, make_app: AppFactory, clock: ManualClock
) -> None:
    app = make_app(store_with_couple)
    async with app.run_test(size=(80, 24)) as pilot:
        session = await start_plan(pilot, "after-a-hard-moment")
        # The safety note first, plainly, with where to find help; once, not at every step.
        note = str(session.query_one("#si-safety", Static).content)
        assert "feel safe with each other" in note and "findahelpline.com" in note
        assert "These exercises are for" in screen_flat(app)  # in view, above the hug
        await advance(pilot, clock, 60)
        await tap(pilot, "ctrl+n")  # no hug tonight: passing is fine

        # How each felt: chosen privately, shown together.
        feelings = session.query_one(FeelingsActivity)
        assert not session.query("#si-safety")
        await hand_over(pilot, clock)
        await choose(pilot, str(ALEX_FEELS))
        await pilot.pause()
        round_ = feelings.query_one(PrivateRound)
        assert round_.stage == "answer"  # the second ask: another feeling, if there was one
        await pilot.press("end", "enter")  # the last option: pass
        await pilot.pause()
        assert round_.stage == "curtain"
        assert "misunderstood" not in screen_flat(app)
        await hand_over(pilot, clock)
        await choose(pilot, str(SAM_FEELS))
        await pilot.press("end", "enter")
        await pilot.pause()
        assert round_.stage == "both-look"
        shown = screen_flat(app)
        assert "misunderstood" not in shown and "lonely" not in shown
        await hand_over(pilot, clock)
        shown = screen_flat(app)
        assert "misunderstood" in shown and "lonely" in shown
        await advance(pilot, clock, 120)
        await tap(pilot, "ctrl+n")

        # What it was like: in turns, each turn said back and confirmed, or added to.
        turns = session.query_one(HardMomentTurnsActivity)
        await pilot.press(*"I felt alone at the party", "ctrl+s")
        await pilot.pause()
        assert turns.checking == "first"
        assert "Sam, say back what you heard" in screen_flat(app)
        await tap(pilot, "ctrl+n")  # not yet: the check comes first
        assert turns.checking == "first"
        await tap(pilot, "y")
        assert turns.checking is None
        assert turns.turns.speaker == "second"
        await pilot.press(*"I was worried about work", "ctrl+s", "a")
        await pilot.pause()
        assert turns.turns.speaker == "second"  # Sam again, to add what was missing
        await pilot.press(*"and I missed you", "ctrl+s", "y")
        await pilot.pause()
        await advance(pilot, clock, 300)
        await tap(pilot, "ctrl+n")

        # What it touched: passing is fine, for both.
        await pilot.press("ctrl+o", "ctrl+o", "ctrl+n")
        await pilot.pause()
        await pilot.pause()

        # What each owns: a "but" gets a gentle word, never a refusal.
        await pilot.press(*"I was short with you but")
        await pilot.pause()
        assert "“but”:" in screen_flat(app)
        await pilot.press("backspace", "backspace", "backspace", "ctrl+s")
        await pilot.press(*"I went quiet", "ctrl+s", "ctrl+n")
        await pilot.pause()
        await pilot.pause()

        # Next time: a listed blaming word gets a gentler way to say it.
        await pilot.press(*"you never ask")
        await pilot.pause()
        assert "“you never”:" in screen_flat(app)
        box = session.query_one("#te-text", TextArea)
        box.clear()
        await pilot.press(*"Could we stay together at parties?", "ctrl+s")
        await pilot.press(*"I'd like a text if you're late", "ctrl+s", "ctrl+n")
        await pilot.pause()
        await advance(pilot, clock, 60)
        await tap(pilot, "ctrl+d")
        assert isinstance(app.screen, SummaryScreen)

    [record] = saved(store_with_couple)
    kinds = [step.kind for step in record.steps]
    assert kinds[:6] == ["settle_in", "feelings", *["hard_moment"] * 4]
    felt = {entry.who: entry.text for entry in record.steps[1].entries}
    assert felt == {"first": "misunderstood", "second": "lonely"}
    like = record.steps[2].entries
    assert [(e.who, e.text, e.parts.get("heard")) for e in like] == [
        ("first", "I felt alone at the party", "yes"),
        ("second", "I was worried about work", "added"),
        ("second", "and I missed you", "yes"),
    ]
    assert like[2].parts["adds"] == "yes"
    assert [e.passed for e in record.steps[3].entries] == [True, True]
    assert [e.text for e in record.steps[4].entries] == ["I was short with you", "I went quiet"]
    assert record.steps[5].entries[0].text == "Could we stay together at parties?"
    # Time together is the fake clock's, and only the minutes that passed.
    assert record.actual_seconds == pytest.approx(60 + 120 + 300 + 60 + 3 * HANDOVER_SECONDS)

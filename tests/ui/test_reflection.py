"""The connection check and the attachment quiz: private, revealed together, saved if chosen."""

from __future__ import annotations

from helpers import answer_privately, hand_over, open_activity
from textual.widgets import Static

from closer_tui.activities.reflection import AttachmentQuizActivity, ConnectionCheckActivity
from closer_tui.app import CloserApp
from closer_tui.core.clock import ManualClock
from closer_tui.core.store import Store


def shown(activity: object, selector: str) -> str:
    """The plain text of one Static, unwrapped."""
    return str(activity.query_one(selector, Static).render())  # type: ignore[attr-defined]


async def test_connection_check_is_private_then_saved_with_a_trend_rating(
    store_with_couple: Store, app: CloserApp, clock: ManualClock
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        check = await open_activity(pilot, "connection-check", ConnectionCheckActivity)
        library = app.library.connection_check
        strong, low = len(library.strong), len(library.low)
        assert "not a test" in shown(check, "#cc-lead")
        assert check.pending() is None
        await answer_privately(
            pilot, clock, ["5"] * strong + ["1"] * low
        )  # Alex: strongly connected
        assert check.pending() is None
        # Sam: in the middle, and passes the last low sign (enter on a highlighted "Pass").
        await answer_privately(pilot, clock, ["3"] * (strong + low - 1))
        await pilot.press("end", "enter")
        assert check.pending() is None, "nothing is offered for saving before the reveal"
        await hand_over(pilot, clock)
        assert check.stage == "revealed"
        pending = check.pending()
        assert pending is not None
        assert pending[0].ratings == {"first": 5, "second": 3}
        await pilot.press("s")
        await pilot.pause()
        assert check.pending() is None

    [record] = store_with_couple.load_history().sessions
    assert record.kind == "connection_check"
    assert record.ratings == {"first": 5, "second": 3}
    assert record.data["average"] == {"first": 5.0, "second": 3.0}
    alex = [e for e in record.entries if e.who == "first"]
    sam = [e for e in record.entries if e.who == "second"]
    assert len(alex) == len(sam) == strong + low
    assert alex[0].parts == {"sign": "strong", "rating": "5"}
    assert alex[0].text == library.scale[4]
    assert sam[-1].passed and sam[-1].parts["sign"] == "low"


async def test_connection_check_not_saved_keeps_nothing(
    store_with_couple: Store, app: CloserApp, clock: ManualClock
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        check = await open_activity(pilot, "connection-check", ConnectionCheckActivity)
        count = len(app.library.connection_check.strong) + len(app.library.connection_check.low)
        await answer_privately(pilot, clock, ["4"] * count)
        await answer_privately(pilot, clock, ["2"] * count)
        await hand_over(pilot, clock)
        await pilot.press("x")
        await pilot.pause()
        assert check.pending() is None and check.stage == "dropped"
        await pilot.press("a")  # and again, from the start
        await pilot.pause()
        assert check.stage == "answering"
        await pilot.press("escape")  # nothing unsaved: leaves without asking
        await pilot.pause()
        assert not app.screen.query(ConnectionCheckActivity)
    assert store_with_couple.load_history().sessions == []


async def test_attachment_quiz_says_reflection_not_diagnosis_and_shows_leanings(
    store_with_couple: Store, app: CloserApp, clock: ManualClock
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        quiz = await open_activity(pilot, "attachment", AttachmentQuizActivity)
        attachment = app.library.attachment
        assert shown(quiz, "#aq-disclaimer") == attachment.disclaimer
        assert attachment.disclaimer.startswith("For reflection, not a diagnosis")
        # Alex agrees with the "anxious" statements only; Sam with none strongly.
        alex = ["5" if item.leans == "anxious" else "2" for item in attachment.quiz]
        await answer_privately(pilot, clock, alex)
        await answer_privately(pilot, clock, ["3"] * len(attachment.quiz))
        assert quiz.pending() is None
        await hand_over(pilot, clock)
        after = shown(quiz, "#rf-after")
        assert after.startswith(attachment.disclaimer), "said again at the reveal"
        assert "Alex's answers lean most towards the anxious description" in after
        assert "Sam's answers don't lean strongly any one way" in after
        assert attachment.cycle in after
        assert "Alex is" not in after and "Sam is" not in after, "no label on a person"
        assert quiz.pending() is not None
        await pilot.press("s")
        await pilot.pause()

    [record] = store_with_couple.load_history().sessions
    assert record.kind == "attachment_quiz"
    assert record.data["leanings"]["first"]["anxious"] == 5.0
    assert record.data["leanings"]["second"]["secure"] == 3.0
    assert {e.who for e in record.entries} == {"first", "second"}


async def test_quiz_answers_never_show_before_the_reveal(
    app: CloserApp, clock: ManualClock
) -> None:
    async with app.run_test(size=(60, 20)) as pilot:
        quiz = await open_activity(pilot, "attachment", AttachmentQuizActivity)
        scale = app.library.attachment.scale
        await answer_privately(pilot, clock, ["5"] * len(app.library.attachment.quiz))
        await hand_over(pilot, clock)
        shown_now = "\n".join(strip.text for strip in app.screen._compositor.render_strips())
        assert "5 · " + scale[4] not in shown_now
        assert quiz.answers is None

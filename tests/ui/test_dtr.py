"""The Daily Temperature Reading: five steps in order, turns that alternate, and no
complaint kept without its request."""

from __future__ import annotations

from helpers import open_activity, paste, saved, screen_text
from textual.pilot import Pilot
from textual.widgets import Static, TextArea

from closer_tui.activities.dtr import TemperatureReadingActivity
from closer_tui.app import CloserApp
from closer_tui.core.store import Store
from closer_tui.screens.leave import LeaveScreen
from closer_tui.widgets.turn_entry import TurnEntry


async def open_dtr(pilot: Pilot[None]) -> TemperatureReadingActivity:
    return await open_activity(pilot, "temperature-reading", TemperatureReadingActivity)


async def write(pilot: Pilot[None], text: str) -> None:
    """Type as a person would, key by key (short words: each key costs a frame)."""
    await pilot.press(*("space" if ch == " " else ch for ch in text))


def box(dtr: TemperatureReadingActivity, which: str) -> TextArea:
    return dtr.query_one(f"#te-{which}", TextArea)


async def test_five_steps_in_order_with_turns_attributed_to_whoever_wrote(
    store_with_couple: Store, app: CloserApp
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        dtr = await open_dtr(pilot)
        assert "Step 1 of 5" in screen_text(app)
        assert "Alex shares" in screen_text(app)
        await write(pilot, "soup")
        await pilot.press("ctrl+s")
        assert "Sam shares" in screen_text(app)
        await paste(pilot, "thank you for the walk")
        await pilot.press("ctrl+s", "ctrl+n")
        assert "Step 2 of 5 · New information" in screen_text(app)
        await pilot.press("ctrl+o", "ctrl+o", "ctrl+n")  # both pass: fine, no reason asked
        assert "Step 3 of 5 · Puzzles" in screen_text(app)
        await paste(pilot, "what is the plan for sunday")
        await pilot.press("ctrl+s", "ctrl+o", "ctrl+n")
        assert "Step 4 of 5" in screen_text(app)
        await paste(pilot, "the dishes sat all weekend")
        await pilot.press("tab")
        await paste(pilot, "can we do them on saturday")
        await pilot.press("ctrl+s", "ctrl+o", "ctrl+n")
        assert "Step 5 of 5 · Wishes" in screen_text(app)
        await paste(pilot, "a week by the sea")
        await pilot.press("ctrl+s")
        await paste(pilot, "a garden")
        await pilot.press("ctrl+s", "ctrl+n")
        await pilot.pause()
        assert "Saved" in screen_text(app)
        end = str(dtr.query_one("#dtr-end", Static).render())
        assert end.startswith("Saved. Thank you, Alex and Sam.\n")  # names in a sentence
        assert dtr.pending() is None

    [record] = saved(store_with_couple)
    assert record.kind == "dtr"
    assert record.completed
    got = [(e.who, e.parts["step"], e.passed, e.text.split("\n")[0]) for e in record.entries]
    assert got == [
        ("first", "appreciations", False, "soup"),
        ("second", "appreciations", False, "thank you for the walk"),
        ("first", "new-information", True, ""),
        ("second", "new-information", True, ""),
        ("first", "puzzles", False, "what is the plan for sunday"),
        ("second", "puzzles", True, ""),
        ("first", "complaints", False, "the dishes sat all weekend"),
        ("second", "complaints", True, ""),
        ("first", "wishes", False, "a week by the sea"),
        ("second", "wishes", False, "a garden"),
    ]
    complaint = record.entries[6]
    assert complaint.parts["complaint"] == "the dishes sat all weekend"
    assert complaint.parts["request"] == "can we do them on saturday"
    assert complaint.prompt == "A complaint, with a request"


async def skip_to_complaints(pilot: Pilot[None]) -> None:
    for _ in range(3):
        await pilot.press("ctrl+o", "ctrl+o", "ctrl+n")


async def test_a_complaint_without_its_request_is_refused_gently_then_kept(
    app: CloserApp, pilot: Pilot[None]
) -> None:
    dtr = await open_dtr(pilot)
    await skip_to_complaints(pilot)
    assert "Step 4 of 5" in screen_text(app)
    assert app.library.safety.short.split()[0] in screen_text(app)
    await paste(pilot, "you were late")
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert "needs its request" in screen_text(app)
    assert app.focused is box(dtr, "request"), "focus waits where the request goes"
    assert dtr.query_one(TurnEntry).speaker == "first", "still Alex's turn"
    pending = dtr.pending()
    assert pending is not None  # the passes so far
    assert all(e.parts["step"] != "complaints" for e in pending[0].entries), (
        "a complaint without its request is never kept"
    )

    await pilot.press("ctrl+n")  # moving on does not slip past the rule either
    assert dtr.step.id == "complaints"
    assert "needs its request" in screen_text(app)

    await paste(pilot, "text me next time")
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert "needs its request" not in screen_text(app)
    assert dtr.query_one(TurnEntry).speaker == "second"
    pending = dtr.pending()
    assert pending is not None
    [entry] = pending[0].entries[-1:]
    assert (entry.who, entry.parts["request"]) == ("first", "text me next time")


async def test_next_step_waits_until_both_have_had_a_turn(
    app: CloserApp, pilot: Pilot[None]
) -> None:
    dtr = await open_dtr(pilot)
    await write(pilot, "thanks")
    await pilot.press("ctrl+s", "ctrl+n")
    shown = screen_text(app)
    assert "Step 1 of 5" in shown
    assert "Sam hasn't had a turn" in shown
    await pilot.press("ctrl+o")
    assert "Another round if you like" in screen_text(app)
    await paste(pilot, "and for the tea")  # another round: Alex again
    await pilot.press("ctrl+s")
    assert [e.who for e in dtr.entries] == ["first", "second", "first"]
    await pilot.press("ctrl+n")
    assert "Step 2 of 5" in screen_text(app)


async def test_the_listener_is_reminded_to_receive_and_the_safety_note_is_at_complaints(
    app: CloserApp, pilot: Pilot[None]
) -> None:
    await open_dtr(pilot)
    shown = screen_text(app)
    assert "Sam Listening: receive, don't rebut" in shown
    assert "not therapy" not in shown
    await pilot.press("ctrl+o")
    assert "Alex Listening: receive, don't rebut" in screen_text(app)
    await pilot.press("ctrl+o", "ctrl+n")
    for _ in range(2):
        await pilot.press("ctrl+o", "ctrl+o", "ctrl+n")
    assert "not therapy" in screen_text(app)


async def test_leaving_midway_offers_to_save_what_was_typed_so_far(
    store_with_couple: Store, app: CloserApp
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        dtr = await open_dtr(pilot)
        await paste(pilot, "the flowers")
        await pilot.press("ctrl+s")
        await paste(pilot, "half a thought")  # Sam's draft, not yet said
        pending = dtr.pending()
        assert pending is not None
        assert [(e.who, e.text) for e in pending[0].entries] == [
            ("first", "the flowers"),
            ("second", "half a thought"),
        ]
        assert not pending[0].completed
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LeaveScreen)
        await pilot.press("s")
        await pilot.pause()
    [record] = saved(store_with_couple)
    assert [(e.who, e.text) for e in record.entries] == [
        ("first", "the flowers"),
        ("second", "half a thought"),
    ]


async def test_not_saving_keeps_nothing(store_with_couple: Store, app: CloserApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_dtr(pilot)
        await paste(pilot, "something private")
        await pilot.press("ctrl+s", "escape")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
    assert saved(store_with_couple) == []


async def test_usable_at_60x20_with_the_request_box_reachable(app: CloserApp) -> None:
    async with app.run_test(size=(60, 20)) as pilot:
        dtr = await open_dtr(pilot)
        await skip_to_complaints(pilot)
        await paste(pilot, "late again")
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen.region
        request = box(dtr, "request")
        assert app.focused is request
        assert screen.contains_region(request.region)
        assert "needs its request" in screen_text(app)

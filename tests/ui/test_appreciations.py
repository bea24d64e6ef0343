"""Appreciations: in turn, specific, passable, then side by side in each partner's colour."""

from __future__ import annotations

from helpers import open_activity, say, screen_text
from textual.pilot import Pilot
from textual.widgets import TextArea

from closer_tui.activities.appreciations import AppreciationsActivity
from closer_tui.app import CloserApp
from closer_tui.core.store import Store


async def open_ritual(pilot: Pilot[None]) -> AppreciationsActivity:
    return await open_activity(pilot, "appreciation-ritual", AppreciationsActivity)


async def test_three_each_in_turn_then_side_by_side_and_saved_by_who_wrote_them(
    store_with_couple: Store, app: CloserApp
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        ritual = await open_ritual(pilot)
        assert ritual.count == 3
        shown = screen_text(app)
        assert "Alex: appreciation 1 of 3" in shown
        assert "What did they do? When was it? Why did it matter to you?" in shown
        assert "Not just" in shown, "a generic thank-you beside a specific one"
        await say(pilot, "coffee on Monday, it calmed me")
        assert "Sam: appreciation 1 of 3" in screen_text(app)
        await say(pilot, "the walk on Sunday")
        await pilot.press("ctrl+o")  # Alex passes the second: fine
        await say(pilot, "fixing my bike")
        await say(pilot, "laughing at my joke")
        assert ritual.stage == "writing"
        await say(pilot, "calling my mum")
        await pilot.pause()
        assert ritual.stage == "revealed"
        shown = screen_text(app)
        for text in ("coffee on Monday", "fixing my bike", "calling my mum", "passed"):
            assert text in shown
        await pilot.press("d")
        await pilot.pause()
        assert "Saved" in screen_text(app)

    [record] = store_with_couple.load_history().sessions
    assert record.kind == "appreciations"
    assert [(e.who, e.text, e.passed) for e in record.entries] == [
        ("first", "coffee on Monday, it calmed me", False),
        ("second", "the walk on Sunday", False),
        ("first", "", True),
        ("second", "fixing my bike", False),
        ("first", "laughing at my joke", False),
        ("second", "calling my mum", False),
    ]


async def test_one_each_by_default_and_add_another(app: CloserApp, pilot: Pilot[None]) -> None:
    await pilot.pause()
    app.open_place("appreciation")  # practice 7: one each unless asked for more
    await pilot.pause()
    activity = app.screen.query_one(AppreciationsActivity)
    assert activity.count == 1
    await say(pilot, "the tea")
    await say(pilot, "the note")
    await pilot.pause()
    assert activity.stage == "revealed"
    await pilot.press("a")
    await pilot.pause()
    assert "Alex: appreciation 2 of 2" in screen_text(app)
    await say(pilot, "the hug")
    await say(pilot, "the song")
    await pilot.pause()
    assert "the song" in screen_text(app)
    pending = activity.pending()
    assert pending is not None
    assert [e.who for e in pending[0].entries] == ["first", "second", "first", "second"]


async def test_usable_at_60x20(app: CloserApp) -> None:
    async with app.run_test(size=(60, 20)) as pilot:
        ritual = await open_ritual(pilot)
        text_box = ritual.query_one("#te-text", TextArea)
        assert app.focused is text_box
        assert app.screen.region.contains_region(text_box.region)

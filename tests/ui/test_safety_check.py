"""The safety self-check: answered alone, nothing kept or shown before both reveal."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot

from closer_tui.activities.safety_check import SafetyCheckActivity, rounded_average
from closer_tui.app import CloserApp
from closer_tui.core.store import Store
from closer_tui.widgets.private_round import PrivateRound

AppFactory = Callable[[Store], CloserApp]


def screen_text(app: CloserApp) -> str:
    lines = (strip.text for strip in app.screen._compositor.render_strips())
    # One line: wrapping must not decide whether a sentence counts as shown.
    return " ".join(" ".join(lines).split())


async def open_check(pilot: Pilot[None]) -> SafetyCheckActivity:
    await pilot.pause()
    app = pilot.app
    assert isinstance(app, CloserApp)
    app.open_place("safety")
    await pilot.pause()
    return app.screen.query_one(SafetyCheckActivity)


ALEX = ["4", "5", "3", "2", "1", "5", "4", "4"]
SAM = ["3", "3", "3", "3", "3", "3", "3"]  # and one pass, at the end


async def test_private_until_revealed_then_saved_with_each_partners_answers(
    store_with_couple: Store, make_app: AppFactory
) -> None:
    app = make_app(store_with_couple)
    async with app.run_test(size=(80, 24)) as pilot:
        check = await open_check(pilot)
        labels = app.library.safety_check.scale
        assert "Sam , please look away" in screen_text(app)
        await pilot.press("enter", *ALEX)
        shown = screen_text(app)
        assert "Alex 's answers are locked away" in shown
        assert not any(label in shown for label in labels), "nothing Alex chose is on screen"
        assert check.pending() is None, "nothing exists to save before the reveal"
        await pilot.press("enter", *SAM)
        await pilot.press("down", "down", "down", "down", "down", "down", "enter")  # Pass
        await pilot.pause()
        shown = screen_text(app)
        assert "Both answers are in" in shown
        assert not any(label in shown for label in labels)
        assert check.pending() is None
        await pilot.press("enter")
        await pilot.pause()
        shown = screen_text(app)
        assert "Differences are information, not a verdict" in shown
        assert "not therapy" in shown
        assert "4 · Mostly" in shown and "3 · Sometimes" in shown
        await pilot.press("d")
        await pilot.pause()
        assert "Saved" in screen_text(app)

    [record] = store_with_couple.load_history().sessions
    assert record.kind == "safety_check"
    alex = [e for e in record.entries if e.who == "first"]
    sam = [e for e in record.entries if e.who == "second"]
    assert [e.parts["score"] for e in alex] == ALEX
    assert alex[0].text == "Mostly"
    assert [e.parts.get("score") for e in sam] == [*SAM, None]
    assert sam[-1].passed
    assert record.ratings == {"first": 4, "second": 3}  # 28/8 = 3.5 rounds up


async def test_dont_save_keeps_nothing(store_with_couple: Store, make_app: AppFactory) -> None:
    app = make_app(store_with_couple)
    async with app.run_test(size=(80, 24)) as pilot:
        check = await open_check(pilot)
        await pilot.press("enter", *ALEX, "enter", *ALEX, "enter")
        await pilot.pause()
        assert check.pending() is not None
        await pilot.press("x")
        await pilot.pause()
        assert "Not saved" in screen_text(app)
        assert check.pending() is None
        await pilot.press("r")
        await pilot.pause()
        assert check.query_one(PrivateRound).stage == "curtain"
    assert store_with_couple.load_history().sessions == []


def test_rounded_average_rounds_halves_up_and_passes_are_absent() -> None:
    assert rounded_average([3, 4]) == 4
    assert rounded_average([1, 2, 2]) == 2
    assert rounded_average([]) is None


async def test_usable_at_60x20(store_with_couple: Store, make_app: AppFactory) -> None:
    app = make_app(store_with_couple)
    async with app.run_test(size=(60, 20)) as pilot:
        await open_check(pilot)
        await pilot.press("enter")
        await pilot.pause()
        shown = screen_text(app)
        assert "1 of 8" in shown
        assert "Very much" in shown and "Pass" in shown

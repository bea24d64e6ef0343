"""Practice 6 and the settle-in step: phones away, unplugged timers, zones, this week's evenings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from helpers import EVENING, AppFactory, advance, kept, kept_whole, play, saved, screen_text
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from closer_tui.activities.unplugged import (
    PhonesAwayActivity,
    UnpluggedActivity,
    clean_zones,
    week_of_evenings,
)
from closer_tui.app import CloserApp
from closer_tui.core.clock import ManualClock
from closer_tui.core.models import Outcome, SessionRecord
from closer_tui.core.sessions import record_of
from closer_tui.core.store import Store
from closer_tui.screens.activity import ActivityScreen
from closer_tui.widgets.minutes_choice import MinutesChoice


async def open_unplugged(pilot: Pilot[None]) -> UnpluggedActivity:
    await pilot.pause()
    await pilot.press("6")
    await pilot.pause()
    await pilot.pause()
    assert isinstance(pilot.app.screen, ActivityScreen)
    return pilot.app.screen.query_one(UnpluggedActivity)


async def ended_early(pilot: Pilot[None], clock: ManualClock, seconds: float) -> UnpluggedActivity:
    """An unplugged evening started for both and ended with e after ``seconds``."""
    unplugged = await open_unplugged(pilot)
    await play(pilot, clock, "space", seconds, "e")
    assert unplugged.stage == "after"
    return unplugged


async def open_settle(pilot: Pilot[None], **kwargs: Any) -> PhonesAwayActivity:
    await pilot.pause()
    settle = PhonesAwayActivity(**kwargs)
    pilot.app.push_screen(ActivityScreen("Settle in", [("Settle in", settle)]))
    await pilot.pause()
    return settle


def zone_list(app: CloserApp) -> list[str]:
    listing = app.screen.query_one("#zones", OptionList)
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


def suggestions(app: CloserApp) -> list[str]:
    listing = app.screen.query_one("#zone-suggestions", OptionList)
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


# -- the unplugged timer ------------------------------------------------------------------


async def test_an_unplugged_evening_is_timed_saved_and_counted(
    store_with_couple: Store, app: CloserApp, clock: ManualClock
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        unplugged = await open_unplugged(pilot)
        assert app.screen.title == "6 · Minimise digital distractions"
        week = str(unplugged.query_one("#unplug-week").render())
        assert "No unplugged evening yet this week" in week
        assert unplugged.query_one(MinutesChoice).chosen == 60
        await pilot.press("right", "right", "right")  # 120 is the longest
        await pilot.press("left")
        assert unplugged.query_one(MinutesChoice).chosen == 90
        await pilot.press("f", "j")
        await pilot.pause()
        assert unplugged.stage == "unplugged"
        await advance(pilot, clock, 90 * 60 - 1)
        assert unplugged.stage == "unplugged"
        await advance(pilot, clock, 1)
        assert unplugged.stage == "after"
        week = str(unplugged.query_one("#unplug-week").render())
        assert "1 unplugged evening this week." in week
        assert "●" in week

    kept_whole(store_with_couple, "unplugged", 5400)


async def test_ending_early_keeps_the_true_time(
    store_with_couple: Store, app: CloserApp, clock: ManualClock
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await ended_early(pilot, clock, 1234)
    assert kept(store_with_couple) == (False, 1234)


# -- phone-free zones ---------------------------------------------------------------------


async def test_zones_add_remove_and_persist_across_restarts(
    store_with_couple: Store, make_app: AppFactory
) -> None:
    app = make_app(store_with_couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_unplugged(pilot)
        assert zone_list(app) == ["No zones yet: add one below."]
        field = app.screen.query_one("#zone-input", Input)
        field.focus()
        await pilot.pause()
        await pilot.press(*"Kitchen")
        field.insert_text_at_cursor(" after 9")
        await pilot.press("enter")
        await pilot.pause()
        assert field.value == ""
        field.value = "  kitchen AFTER 9 "  # the same zone twice is one zone
        await pilot.press("enter")
        await pilot.pause()
        assert zone_list(app) == ["Kitchen after 9"]

        app.screen.query_one("#zone-suggestions", OptionList).focus()
        await pilot.pause()
        assert suggestions(app)[0] == "The dinner table"
        await pilot.press("enter")  # one key adds the highlighted suggestion
        await pilot.pause()
        assert zone_list(app) == ["Kitchen after 9", "The dinner table"]
        assert "The dinner table" not in suggestions(app)
        await pilot.press("enter")
        await pilot.pause()
        assert zone_list(app) == ["Kitchen after 9", "The dinner table", "The bedroom"]

        zones = app.screen.query_one("#zones", OptionList)
        zones.focus()
        zones.highlighted = 1
        await pilot.pause()
        await pilot.press("delete")
        await pilot.pause()
        assert zone_list(app) == ["Kitchen after 9", "The bedroom"]
        assert "The dinner table" in suggestions(app), "a removed suggestion can come back"

    assert app.recall_keepsake("digital", "zones") == ["Kitchen after 9", "The bedroom"]
    again = make_app(Store.open(store_with_couple.root))
    async with again.run_test(size=(80, 24)) as pilot:
        await open_unplugged(pilot)
        assert zone_list(again) == ["Kitchen after 9", "The bedroom"]


def test_odd_zones_in_the_file_are_left_out() -> None:
    assert clean_zones(None) == []
    assert clean_zones("the bedroom") == []
    assert clean_zones(["Bed", 3, "", "  ", None, "x" * 500]) == ["Bed", "x" * 80]


# -- the weekly tracker --------------------------------------------------------------------


def unplugged_at(when: datetime) -> SessionRecord:
    outcome = Outcome(kind="unplugged", title="An unplugged evening", actual_seconds=3600)
    return record_of(outcome, when, when + timedelta(hours=1))


def test_week_runs_monday_to_sunday_and_counts_evenings_once() -> None:
    tuesday = datetime(2026, 11, 24, 19, 0, tzinfo=UTC).astimezone()
    times = [
        tuesday - timedelta(days=1),  # Monday
        tuesday - timedelta(days=1, hours=1),  # Monday again: still one evening
        tuesday,
        tuesday - timedelta(days=7),  # last week
    ]
    week = week_of_evenings(times, tuesday)
    assert [day.weekday() for day, _ in week] == list(range(7))
    assert [done for _, done in week] == [True, True, False, False, False, False, False]


async def test_the_tracker_shows_this_weeks_unplugged_evenings(
    store_with_couple: Store, make_app: AppFactory
) -> None:
    local_evening = EVENING.astimezone()
    monday = local_evening - timedelta(days=local_evening.weekday())
    for when in (monday, monday + timedelta(hours=1), local_evening - timedelta(days=8)):
        store_with_couple.save_session(unplugged_at(when.astimezone(UTC)))
    app = make_app(store_with_couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        unplugged = await open_unplugged(pilot)
        await pilot.pause()
        week = str(unplugged.query_one("#unplug-week").render())
        assert "Mo Tu We Th Fr Sa Su" in " ".join(week.split())
        assert "1 unplugged evening this week." in week
        dots = week.splitlines()[1].split()
        assert dots == ["●", "○", "○", "○", "○", "○", "○"]


# -- settle in, phones away ------------------------------------------------------------------


async def test_settle_in_both_phones_away_then_a_short_breath(
    store_with_couple: Store, app: CloserApp, clock: ManualClock
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        settle = await open_settle(pilot)
        assert "Phones face down" in screen_text(app)
        await pilot.press("j", "f")
        await pilot.pause()
        assert settle.stage == "settling"
        assert "Sit back. Breathe out slowly." in screen_text(app)
        await advance(pilot, clock, 120)
        assert settle.stage == "after"
    record = kept_whole(store_with_couple, "phones_away", 120)
    assert record.data == {"phones_away": True}


async def test_settle_in_can_be_passed_and_uses_the_planned_time(
    store_with_couple: Store, app: CloserApp, clock: ManualClock
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        settle = await open_settle(pilot, planned_seconds=60.0)
        await pilot.press("f", "n")  # one phone away, then "not tonight"
        await pilot.pause()
        assert settle.stage == "settling"
        await advance(pilot, clock, 60)
    [record] = saved(store_with_couple)
    assert record.planned_seconds == 60
    assert record.data == {"phones_away": False}
    assert record.ready == ["first"]


async def test_usable_at_60_by_20(app: CloserApp) -> None:
    async with app.run_test(size=(60, 20)) as pilot:
        unplugged = await open_unplugged(pilot)
        assert "Alex presses f" in screen_text(app)
        for selector in ("#unplug-week", "#zones", "#zone-input", "#zone-suggestions"):
            widget = unplugged.query_one(selector)
            widget.scroll_visible(animate=False, immediate=True)
            await pilot.pause()
            region = widget.region
            assert region.height > 0 and app.screen.region.contains_region(region), selector
        field = unplugged.query_one("#zone-input", Input)
        field.focus()
        field.value = "Car rides"
        await pilot.press("enter")
        await pilot.pause()
        assert zone_list(app) == ["Car rides"]


async def test_an_evening_ended_after_a_second_is_kept_but_not_in_the_tracker(
    store_with_couple: Store, app: CloserApp, clock: ManualClock
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        unplugged = await ended_early(pilot, clock, 1)
        week = str(unplugged.query_one("#unplug-week").render())
        assert "No unplugged evening yet this week" in week
        assert "●" not in week
        after = " ".join(str(unplugged.query_one("#unplug-after").render()).split())
        assert "Kept in your history as 0:01 together." in after
        assert "An evening joins the tracker once its timer has run to the end." in after
        assert "kept in this week's tracker" not in after
    [record] = saved(store_with_couple)
    assert record.actual_seconds == 1, "kept as what it was"

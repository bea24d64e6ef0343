"""The 20-second hug, driven by keys, on a fake clock that only moves when told."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest
from helpers import advance, kept, kept_whole, play, saved, screen_text
from textual.pilot import Pilot
from textual.widgets import Static

from closer_tui.activities.hug import HugActivity
from closer_tui.app import CloserApp
from closer_tui.core.clock import ManualClock, format_mmss
from closer_tui.core.store import Store
from closer_tui.screens.activity import ActivityScreen
from closer_tui.widgets.both_ready import BothReady
from closer_tui.widgets.countdown import CountdownPanel


async def open_hug(pilot: Pilot[None]) -> HugActivity:
    await pilot.pause()
    await pilot.press("2")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ActivityScreen)
    return pilot.app.screen.query_one(HugActivity)


async def start_hug(pilot: Pilot[None], *keys: str) -> HugActivity:
    """Open the hug and start it: with both keys, or with space (both at once) by default."""
    hug = await open_hug(pilot)
    await pilot.press(*(keys or ("space",)))
    await pilot.pause()
    return hug


def shown_time(app: CloserApp) -> str:
    """The time the countdown panel shows (as m:ss, whole seconds rounded up)."""
    return format_mmss(app.screen.query_one(CountdownPanel).countdown.remaining)


async def last_second(pilot: Pilot[None], clock: ManualClock, hug: HugActivity) -> None:
    """The hug's last second passing: still hugging before it, over the moment it is up."""
    assert hug.stage == "hugging"
    await advance(pilot, clock, 1)
    assert hug.stage == "after"


def count_line(hug: HugActivity) -> str:
    return str(hug.query_one("#hug-count", Static).render())


async def test_f_lights_the_first_partner_and_j_the_second(
    app: CloserApp, pilot: Pilot[None]
) -> None:
    hug = await open_hug(pilot)
    gate = hug.query_one(BothReady)
    assert "Alex presses f" in screen_text(app)

    await pilot.press("f")
    assert gate.ready == {"first"}
    shown = screen_text(app)
    assert "Alex is ready" in shown
    assert "Sam presses j" in shown
    assert not hug.query(CountdownPanel), "one partner is not both"
    await pilot.press("f")  # pressing twice changes nothing
    assert not hug.query(CountdownPanel)

    await pilot.press("j")
    await pilot.pause()
    assert hug.stage == "hugging"
    assert shown_time(app) == "0:20"


async def test_j_then_f_also_starts(app: CloserApp, pilot: Pilot[None]) -> None:
    hug = await open_hug(pilot)
    await pilot.press("j")
    assert hug.query_one(BothReady).ready == {"second"}
    await pilot.press("f")
    await pilot.pause()
    assert hug.stage == "hugging"


async def test_a_full_hug_is_saved_as_completed(
    store_with_couple: Store, app: CloserApp, clock: ManualClock, data_dir: Path
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        hug = await open_hug(pilot)
        assert count_line(hug) == "Your first hug this week."
        await play(pilot, clock, "f", "j", 12.4)
        assert shown_time(app) == "0:08"
        assert not saved(store_with_couple)

        await advance(pilot, clock, 7.6)
        assert hug.stage == "after"
        assert count_line(hug) == "Today: 1 hug · This week: 1"
        assert "Press a for another hug." in screen_text(app)

    record = kept_whole(store_with_couple, "hug", 20)
    assert (record.ended_at - record.started_at).total_seconds() == 20
    [path] = (data_dir / "sessions").iterdir()
    assert path.name == record.file_name
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


async def test_space_starts_for_both(
    store_with_couple: Store, app: CloserApp, clock: ManualClock
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        hug = await start_hug(pilot)
        assert hug.stage == "hugging"
        await advance(pilot, clock, 20)
        assert hug.stage == "after"
    [record] = saved(store_with_couple)
    assert record.ready == []
    assert record.completed is True


async def test_p_pauses_and_paused_time_does_not_count(
    store_with_couple: Store, app: CloserApp, clock: ManualClock
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        hug = await start_hug(pilot)
        await play(pilot, clock, 5, "p", 300)
        assert shown_time(app) == "0:15"
        assert "Paused" in screen_text(app)
        assert hug.stage == "hugging"

        await play(pilot, clock, "p", 14)
        assert shown_time(app) == "0:01"
        assert "Paused" not in screen_text(app)
        await last_second(pilot, clock, hug)
    assert kept(store_with_couple) == (True, 20)


async def test_plus_adds_a_minute(
    store_with_couple: Store, app: CloserApp, clock: ManualClock
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        hug = await start_hug(pilot)
        await play(pilot, clock, 10, "plus")
        assert shown_time(app) == "1:10"
        await advance(pilot, clock, 69)
        await last_second(pilot, clock, hug)
    assert kept(store_with_couple) == (True, 80)


async def test_e_ends_early_and_says_so(
    store_with_couple: Store, app: CloserApp, clock: ManualClock
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        hug = await start_hug(pilot, "f", "j")
        await play(pilot, clock, 7, "e")
        assert hug.stage == "after"
        await advance(pilot, clock, 60)  # time after the end is not counted
    assert kept(store_with_couple) == (False, 7)


async def test_again_shows_the_gate_and_the_count_goes_up(
    store_with_couple: Store, app: CloserApp, clock: ManualClock, data_dir: Path
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        hug = await open_hug(pilot)
        await pilot.press("a")  # nothing to do again yet
        assert hug.stage == "ready"

        await play(pilot, clock, "f", "j", 20)
        assert count_line(hug) == "Today: 1 hug · This week: 1"

        await pilot.press("a")
        await pilot.pause()
        assert hug.stage == "ready"
        gate = hug.query_one(BothReady)
        assert gate.ready == frozenset()
        assert not hug.query(CountdownPanel)
        assert "Alex presses f" in screen_text(app)

        await play(pilot, clock, "j", "f", 20)
        assert count_line(hug) == "Today: 2 hugs · This week: 2"
    assert len(saved(store_with_couple)) == 2
    assert len(list((data_dir / "sessions").iterdir())) == 2


async def test_a_hug_cut_short_is_kept_but_not_counted_and_the_screen_says_why(
    store_with_couple: Store, app: CloserApp, clock: ManualClock
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        hug = await start_hug(pilot)
        await advance(pilot, clock, 20)
        assert count_line(hug) == "Today: 1 hug · This week: 1"

        await play(pilot, clock, "a", "space", 7, "e")
        assert count_line(hug) == "Today: 1 hug · This week: 1", "7 seconds is not a hug yet"
        shown = " ".join(screen_text(app).split())
        assert "Kept in your history as 0:07 together." in shown
        assert "A hug is counted once it has run its 20 seconds." in shown
    records = saved(store_with_couple)
    assert sorted(r.actual_seconds for r in records) == [7, 20], "the short one is kept as it was"


async def test_a_hug_given_more_time_counts_from_its_twentieth_second(
    app: CloserApp, clock: ManualClock, pilot: Pilot[None]
) -> None:
    hug = await start_hug(pilot)
    await play(pilot, clock, 10, "plus", 35, "e")
    assert count_line(hug) == "Today: 1 hug · This week: 1"
    assert "Kept in your history" not in screen_text(app)


async def test_another_hug_waits_without_the_last_hugs_words(
    app: CloserApp, clock: ManualClock, pilot: Pilot[None]
) -> None:
    hug = await start_hug(pilot)
    await advance(pilot, clock, 20)
    assert "That's it. Thank you" in screen_text(app)
    await pilot.press("a")
    await pilot.pause()
    assert hug.stage == "ready"
    assert "That's it" not in screen_text(app)
    assert str(hug.query_one("#hug-line", Static).render()) == ""


async def test_the_invitation_asks_for_the_keys_before_the_hug_and_allows_sitting(
    app: CloserApp, pilot: Pilot[None]
) -> None:
    await open_hug(pilot)
    shown = " ".join(screen_text(app).split())
    assert "Sit or stand close" in shown
    assert "Stand up" not in shown
    assert shown.index("presses your key") < shown.index("hold on")


async def test_a_hug_cut_short_on_a_full_disk_is_not_called_kept(
    app: CloserApp, clock: ManualClock, pilot: Pilot[None]
) -> None:
    from closer_tui.screens.save_failed import SaveFailedScreen

    def refuse(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    await start_hug(pilot)
    with pytest.MonkeyPatch.context() as full:
        full.setattr(os, "fsync", refuse)
        await play(pilot, clock, "space", 7, "e")
    assert isinstance(app.screen, SaveFailedScreen)  # closer asks what to do with it
    below = " ".join(str(s.render()) for s in app.screen_stack[-2].query("Static"))
    assert "A hug is counted once it has run its 20 seconds." in below
    assert "Kept in your history" not in below

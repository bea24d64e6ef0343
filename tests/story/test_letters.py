"""Sealed letters: written privately, never shown early, opened only with both keys."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from helpers import AppFactory, hand_over, screen_text, tap

from closer_tui.core.clock import ManualClock
from closer_tui.core.letters import may_open, opens_on, waiting_line
from closer_tui.core.models import Anniversary, SealedLetter
from closer_tui.core.store import Store
from closer_tui.screens.home import HomeScreen
from closer_tui.screens.letters import LettersScreen, OpenLetterScreen, WriteLetterScreen

SEALED = datetime(2026, 11, 24, 20, tzinfo=UTC)
SECRET = "Meet me at the old bridge at seven, I have something to ask you"
MET = Anniversary(label="the day we met", month=6, day=14, year=2019)


def letter(**changes: object) -> SealedLetter:
    written = {"who": "first", "text": SECRET, "sealed_at": SEALED}
    return SealedLetter.model_validate(written | changes)


def test_next_time_you_are_both_here_is_never_the_evening_it_was_written() -> None:
    sealed = letter()
    assert not may_open(sealed, date(2026, 11, 24), [], UTC)
    assert may_open(sealed, date(2026, 11, 25), [], UTC)


def test_a_date_and_an_anniversary() -> None:
    on_date = letter(opens="date", opens_on=date(2027, 1, 1))
    assert not may_open(on_date, date(2026, 12, 31), [], UTC)
    assert may_open(on_date, date(2027, 1, 1), [], UTC)
    on_day = letter(opens="anniversary", anniversary="the day we met")
    assert opens_on(on_day, [MET], UTC) == date(2027, 6, 14)
    assert not may_open(on_day, date(2027, 6, 13), [MET], UTC)
    assert may_open(on_day, date(2027, 6, 14), [MET], UTC)
    # Its day taken out of Settings: it is not sealed for ever.
    assert may_open(on_day, date(2026, 11, 25), [], UTC)


def test_an_opened_letter_is_not_waiting_any_more() -> None:
    assert not may_open(letter(opened_at=SEALED + timedelta(days=2)), date(2027, 1, 1), [], UTC)


def test_home_only_says_that_a_letter_is_waiting() -> None:
    line = waiting_line([letter()], date(2026, 11, 24), [], UTC)
    assert line == "A sealed letter is waiting for its day."
    ready = waiting_line([letter(), letter(who="second")], date(2026, 11, 30), [], UTC)
    assert ready == (
        "2 sealed letters are ready to open together: press l, then both press your key."
    )
    for said in (line, ready):
        assert "bridge" not in said and "Alex" not in said
    assert waiting_line([letter(opened_at=SEALED)], date(2026, 11, 30), [], UTC) is None
    two = waiting_line([letter(), letter()], date(2026, 11, 24), [], UTC)
    assert two == "2 sealed letters are waiting for their day."


async def test_written_privately_sealed_unseen_and_opened_only_with_both_keys(
    make_app: AppFactory, store_with_couple: Store, clock: ManualClock, now: object
) -> None:
    app = make_app(store_with_couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.open_place("letters")
        await pilot.pause()
        assert isinstance(app.screen, LettersScreen)
        await tap(pilot, "w")
        assert isinstance(app.screen, WriteLetterScreen)
        await tap(pilot, "enter")  # the next time we are both here
        assert "Sam, please look away" in screen_text(app)
        await hand_over(pilot, clock)
        await pilot.press(*SECRET)
        assert SECRET not in screen_text(app)  # masked while it is typed
        await tap(pilot, "enter")
        assert "Alex, please look away" in screen_text(app)
        assert "Alex's letter is written and hidden. ✓" in screen_text(app)
        await hand_over(pilot, clock)
        clock.advance(1)
        await tap(pilot, "enter")  # Sam writes none this time
        await pilot.pause()
        assert isinstance(app.screen, LettersScreen)
        [on_disk] = store_with_couple.load_letters()
        assert (on_disk.who, on_disk.text, on_disk.opened_at) == ("first", SECRET, None)
        assert SECRET not in screen_text(app)
        assert "Sealed · opens the next time you are both here" in screen_text(app)
        await tap(pilot, "enter")  # not yet: the evening it was written
        assert isinstance(app.screen, LettersScreen)

        await tap(pilot, "escape")
        assert isinstance(app.screen, HomeScreen)
        assert "A sealed letter is waiting for its day." in screen_text(app)

        clock.advance(24 * 3600)  # the next evening
        app.open_place("settings")
        await pilot.pause()
        app.pop_screen()  # back on home, as after any visit elsewhere
        await pilot.pause()
        assert "ready to open together: press l" in screen_text(app)
        await tap(pilot, "l", "enter")
        assert isinstance(app.screen, OpenLetterScreen)
        await pilot.press("f")
        await pilot.press("space")  # one driver cannot open it for both
        await tap(pilot, "f")
        assert SECRET not in screen_text(app)
        assert store_with_couple.load_letters()[0].opened_at is None
        await tap(pilot, "j")
        assert SECRET in screen_text(app)
        assert store_with_couple.load_letters()[0].opened_at == now()  # type: ignore[operator]


async def test_a_letter_the_disk_refused_is_kept_on_screen_until_it_is_sealed(
    make_app: AppFactory,
    store_with_couple: Store,
    clock: ManualClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from closer_tui.core.store import StoreError

    real_save = store_with_couple.save_letter

    def full_disk(letter: SealedLetter) -> None:
        raise StoreError("Could not save the letter: the disk is full.")

    app = make_app(store_with_couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        app.open_place("letters")
        await pilot.pause()
        await tap(pilot, "w", "enter")
        await hand_over(pilot, clock)
        await pilot.press(*"Kept safe")
        await tap(pilot, "enter")
        await hand_over(pilot, clock)
        monkeypatch.setattr(app.store, "save_letter", full_disk)
        clock.advance(1)
        await tap(pilot, "enter")
        assert isinstance(app.screen, WriteLetterScreen)
        assert any("disk is full" in n.message for n in app._notifications)
        assert store_with_couple.load_letters() == []
        await tap(pilot, "escape")  # not lost by a stray escape either
        assert isinstance(app.screen, WriteLetterScreen)
        monkeypatch.setattr(app.store, "save_letter", real_save)
        await tap(pilot, "ctrl+s")
        assert isinstance(app.screen, LettersScreen)
    [sealed] = store_with_couple.load_letters()
    assert sealed.text == "Kept safe"

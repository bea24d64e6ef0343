"""The lock in the app: the lock screen first, idle lock, ctrl+f, Settings, both partners."""

from __future__ import annotations

from typing import Any

import pytest
from helpers import AppFactory, imported_from, one_question, screen_text, tap
from textual.pilot import Pilot

from closer_tui.app import CloserApp
from closer_tui.core import lock as sealing
from closer_tui.core.clock import ManualClock
from closer_tui.core.store import Store
from closer_tui.screens.both_agree import BothAgreeScreen
from closer_tui.screens.home import HomeScreen
from closer_tui.screens.lock import WRONG, LockScreen
from closer_tui.screens.lock_settings import LockSettingsScreen, RecoveryCodeScreen
from closer_tui.screens.lock_setup import LockSetupScreen

FIRST = "alex by the window"
SECOND = "sam in the garden"
WRITTEN = "the evening we laughed until midnight"


pytestmark = pytest.mark.usefixtures("quick_lock")


@pytest.fixture
def locked(store_with_couple: Store) -> Store:
    """A locked folder with one session, as a fresh start finds it (not opened)."""
    store = store_with_couple
    store.save_session(one_question(WRITTEN, store.load_couple().created_at))  # type: ignore[union-attr]
    store.turn_lock_on(FIRST, SECOND)
    return Store.open(store.root)


def help_words(app: Any) -> str:
    """Everything the help screen says, scrolled out of sight or not."""
    from textual.widgets import Markdown

    return str(app.screen.query_one(Markdown).source)


async def _type(pilot: Pilot[Any], text: str) -> None:
    await pilot.press(*text)


async def _open_with(pilot: Pilot[Any], secret: str) -> None:
    await _type(pilot, secret)
    await pilot.press("enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


@pytest.fixture
def app(locked: Store, make_app: AppFactory) -> CloserApp:
    """closer started on the locked folder: where each test here begins, unless it says not."""
    return make_app(locked)


async def quiet_for(pilot: Pilot[Any], clock: ManualClock, seconds: float) -> None:
    """No key for ``seconds``, then the app's idle check, as its timer would run it."""
    clock.advance(seconds)
    pilot.app.lock_if_idle()  # type: ignore[attr-defined]
    await pilot.pause()


async def opened(pilot: Pilot[Any]) -> None:
    """The lock screen, once up, opened by Alex."""
    await pilot.pause()
    await _open_with(pilot, FIRST)


async def test_a_locked_closer_starts_on_the_lock_screen_and_shows_nothing(
    app: CloserApp, pilot: Pilot[None]
) -> None:
    await pilot.pause()
    assert isinstance(app.screen, LockScreen)
    text = screen_text(app)
    assert "closer is locked" in text
    assert "Alex" not in text and "Sam" not in text
    await tap(pilot, "ctrl+p")  # nothing behind the lock is reachable
    assert isinstance(app.screen, LockScreen)
    await pilot.press("enter")  # too early: nothing typed, nothing tried
    await _open_with(pilot, "not our passphrase")
    assert isinstance(app.screen, LockScreen)
    assert WRONG.split(":")[0] in screen_text(app).replace("\n", " ")
    await _open_with(pilot, SECOND)
    assert isinstance(app.screen, HomeScreen)
    assert "Alex" in screen_text(app)
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert [r.entries[0].text for r in app.history] == [WRITTEN]


async def test_closer_locks_itself_after_the_quiet_time_and_on_ctrl_g(
    app: CloserApp, clock: ManualClock, pilot: Pilot[None]
) -> None:
    await opened(pilot)
    assert isinstance(app.screen, HomeScreen)
    assert app.idle_lock_seconds() == 600  # ten minutes unless they chose otherwise
    await quiet_for(pilot, clock, 599)
    assert isinstance(app.screen, HomeScreen)
    await tap(pilot, "h")  # a key: the quiet time starts again
    await tap(pilot, "escape")
    await quiet_for(pilot, clock, 599)
    assert isinstance(app.screen, HomeScreen)
    await quiet_for(pilot, clock, 2)
    assert isinstance(app.screen, LockScreen)
    assert "Alex" not in screen_text(app)
    await _open_with(pilot, SECOND)
    assert isinstance(app.screen, HomeScreen)
    assert "^f Lock" in screen_text(app)
    await tap(pilot, "ctrl+f")
    assert isinstance(app.screen, LockScreen)
    await _open_with(pilot, FIRST)
    assert isinstance(app.screen, HomeScreen)


async def test_without_the_lock_ctrl_g_does_nothing_and_is_not_shown(
    store_with_couple: Store, make_app: AppFactory, clock: ManualClock
) -> None:
    plain = make_app(store_with_couple)
    async with plain.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Lock" not in screen_text(plain)
        await pilot.press("ctrl+f")
        await quiet_for(pilot, clock, 3600)
        assert isinstance(plain.screen, HomeScreen)


async def test_locking_from_settings_then_turning_it_off_needs_both(
    store_with_couple: Store, make_app: AppFactory
) -> None:
    app = make_app(store_with_couple)  # not locked yet
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        app.push_screen(LockSettingsScreen())
        await pilot.pause()
        await pilot.click("#turn-on")
        await pilot.pause()
        assert isinstance(app.screen, LockSetupScreen)
        assert "nobody can read" in screen_text(app)
        await pilot.click("#lock-yes")
        await pilot.pause()
        await _type(pilot, "short")
        await tap(pilot, "enter")
        assert "At least 8" in screen_text(app)
        await pilot.press(*["backspace"] * 5)
        for secret in (FIRST, SECOND):
            await _type(pilot, secret)
            await pilot.press("enter")
            await _type(pilot, secret)
            await tap(pilot, "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        code = str(app.screen.query_one("#recovery-code").render())
        assert sealing.recovery_form(code) == code
        assert store_with_couple.locked
        assert Store.open(store_with_couple.root).unlock(code) == "recovery"
        await pilot.click("#code-kept")
        await pilot.pause()
        assert isinstance(app.screen, LockSettingsScreen)
        await pilot.click("#turn-off")
        await pilot.pause()
        assert isinstance(app.screen, BothAgreeScreen)
        await pilot.press("space", "f", "f")  # no one answers for both; one alone is not both
        await pilot.pause()
        assert isinstance(app.screen, BothAgreeScreen) and store_with_couple.locked
        await pilot.press("j")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not Store.open(store_with_couple.root).locked


async def test_removing_a_passphrase_needs_both_and_a_new_code_is_shown_once(
    app: CloserApp, locked: Store
) -> None:
    async with app.run_test(size=(80, 30)) as pilot:
        await opened(pilot)
        app.push_screen(LockSettingsScreen())
        await pilot.pause()
        await pilot.click("#remove-second")
        await pilot.pause()
        await tap(pilot, "escape")  # keep it
        assert Store.open(locked.root).slots() == ("first", "second", "recovery")
        await pilot.click("#remove-second")
        await pilot.pause()
        await pilot.press("j", "f")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert Store.open(locked.root).slots() == ("first", "recovery")
        await pilot.click("#new-code")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, RecoveryCodeScreen)
        assert Store.open(locked.root).unlock(app.screen.code) == "recovery"


def test_the_lock_screen_paints_before_any_cipher_or_model_loads() -> None:
    """The first frame of a locked closer waits for neither pydantic nor the ciphers."""
    first_frame = (
        "import closer_tui.__main__, closer_tui.app, closer_tui.screens.lock, closer_tui.core.files"
    )
    slow = ("closer_tui.core.lock", "closer_tui.core.store", "closer_tui.core.models")
    packages = ("pydantic", "pydantic_core", "cryptography", "argon2")
    assert imported_from(packages, after=first_frame, or_modules=slow) == []


async def test_help_names_the_lock_key_only_when_the_lock_is_on(
    app: CloserApp, store_with_couple: Store, make_app: AppFactory
) -> None:
    async with app.run_test(size=(80, 30)) as pilot:
        await opened(pilot)
        await tap(pilot, "question_mark")
        assert "**ctrl+f** locks closer at once" in help_words(app)
    plain = make_app(Store.open(store_with_couple.root.parent / "plain"))
    async with plain.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        plain.action_help()
        await pilot.pause()
        assert "ctrl+f" not in help_words(plain)


async def test_what_pushes_itself_over_the_lock_is_covered_too(
    app: CloserApp, pilot: Pilot[None]
) -> None:
    from closer_tui.screens.confirm import ConfirmScreen

    await opened(pilot)
    await tap(pilot, "ctrl+f")
    app.push_screen(ConfirmScreen("Something that ended under the lock?"))
    await pilot.pause()
    await pilot.pause()
    assert isinstance(app.screen, LockScreen)
    assert "Something that ended" not in screen_text(app)
    await _open_with(pilot, SECOND)
    assert isinstance(app.screen, ConfirmScreen)
    await tap(pilot, "escape")
    await pilot.pause()
    assert isinstance(app.screen, HomeScreen), "opened once is opened"

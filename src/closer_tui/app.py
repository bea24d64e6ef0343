"""CloserApp: wires the store, the content and the screens together. No feature logic.

Two ways to start. Tests hand it an open :class:`Store`, and everything is
ready before the first frame. ``closer`` hands it the data folder: on an
ordinary evening with a quick view of ``couple.json`` (``core/quick.py``),
home, painted from that alone, is the app's default screen; on a first run (no
couple.json yet), the welcome is painted. Either way the store, the validated couple, the content
library and then the history are opened in a worker after the first frame,
so a couple never waits for pydantic. Anything that needs them (opening a
place, starting a plan, saving a first run's names) waits for that worker; a
couple.json the store refuses still ends in setup, with the store's notice,
exactly as before.
"""

from __future__ import annotations

import asyncio
import gc
import os
import random
import threading
import time
from collections.abc import Callable
from datetime import datetime
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, work
from textual.binding import Binding
from textual.reactive import reactive

from closer_tui.commands import PlacesProvider
from closer_tui.core.basics import OWN_CONTENT_FILE, utc_now
from closer_tui.core.files import is_locked
from closer_tui.core.quick import Catalog, QuickCouple, built_in_catalog
from closer_tui.screens.first_sight import FirstSight

if TYPE_CHECKING:
    from textual.screen import Screen

    from closer_tui.core.clock import Clock
    from closer_tui.core.content import Library, Plan
    from closer_tui.core.models import (
        Couple,
        Keepsakes,
        Outcome,
        SealedLetter,
        SessionDraft,
        SessionRecord,
    )
    from closer_tui.core.quick import CoupleLike
    from closer_tui.core.store import Store
    from closer_tui.screens.lock import LockScreen

IDLE_CHECK_SECONDS = 5.0
"""How often closer looks whether the couple's chosen quiet time has passed (lock on only)."""
IDLE_LOCK_ENV = "CLOSER_IDLE_LOCK_SECONDS"
"""For end-to-end tests only: lock again after this many quiet seconds, not minutes."""

READ_AHEAD = (
    "closer_tui.screens.practice",  # every practice's screen, and the one they all share
    "closer_tui.activities.questions",  # practice 3: tonight's question
    "closer_tui.screens.decks",
    "closer_tui.activities.deck_play",
)
"""What :meth:`CloserApp._read_ahead` imports at idle: the places a couple opens most."""


class CloserApp(FirstSight):
    """closer. ``clock`` (monotonic) and ``now`` (wall time) are injectable for tests."""

    CSS_PATH = Path(__file__).with_name("closer.tcss")
    TITLE = "closer"
    COMMANDS: ClassVar = {PlacesProvider}  # places only: none of Textual's developer commands
    BINDINGS: ClassVar = [
        Binding("ctrl+l", "privacy", "Hide", priority=True),
        Binding("ctrl+g", "take_break", "Break", priority=True),
        Binding("ctrl+p", "command_palette", "Find", show=False, priority=True),
        Binding("question_mark", "help", "Help", key_display="?"),
        # Only when the lock is on (check_action); ctrl+l stays the blank screen.
        Binding("ctrl+f", "lock_now", "Lock", priority=True),
    ]

    couple: reactive[Couple] = reactive(None, always_update=True, init=False)  # type: ignore[arg-type]
    history: reactive[list[SessionRecord]] = reactive(list, always_update=True, init=False)
    catalog: reactive[Catalog | None] = reactive(None, init=False)
    """The titles home and the palette list: the built-in ones at first, then the library's."""

    def __init__(
        self,
        store: Store | None = None,
        *,
        data_dir: Path | None = None,
        quick: QuickCouple | None = None,
        clock: Clock = time.monotonic,
        now: Callable[[], datetime] = utc_now,
        content: Library | None = None,
        rng: random.Random | None = None,
    ) -> None:
        super().__init__()
        if (store is None) == (data_dir is None):
            raise TypeError("CloserApp needs an open store or a data folder, not both")
        self._store = store
        self.opened = asyncio.Event()
        """Set once the store has been opened (or found unusable)."""
        if store is not None:
            self.opened.set()
        self.data_dir: Path = store.root if store is not None else data_dir  # type: ignore[assignment]
        self.quick = quick
        self.clock = clock
        self.now = now
        self.rng = rng or random.Random()
        self._library = content
        self._library_lock = threading.Lock()
        self.content_problems: list[str] = []
        if store is not None and content is None:
            self._load_library()
        self.history_loaded = False
        self.ready = False
        """True once the store, a validated couple and the library are in hand."""
        self._waiting: Callable[[], None] | None = None
        self.open_error: OSError | None = None
        """Why the data folder could not be used, when that ends the app (``closer`` prints it)."""
        self._kept: Keepsakes | None = None
        self._quiet_since = clock()
        self._couple_behind_lock: Couple | None = None
        self._typed_couple: Couple | None = None
        """A first run's names, given before the store had opened: saved once it has."""
        self._wants_lock = False
        """A first run asked for the lock: offered once the names are saved."""

    # -- what is loaded when ---------------------------------------------------

    @property
    def store(self) -> Store:
        """The open store; on an ordinary start it opens just after the first frame."""
        assert self._store is not None, "the store opens after the first frame"
        return self._store

    @property
    def library(self) -> Library:
        """The validated content with the couple's own cards; loaded on first use if need be."""
        if self._library is None:
            self._load_library()
        assert self._library is not None
        return self._library

    @property
    def library_loaded(self) -> bool:
        """Whether the library is in hand: nothing on the first frame waits for it."""
        return self._library is not None

    def _load_library(self) -> None:
        """Load the library once, from whichever thread needs it first."""
        from closer_tui.core.content import load_library

        with self._library_lock:
            if self._library is None:
                self._library, self.content_problems = load_library(
                    self.data_dir / OWN_CONTENT_FILE
                )

    @property
    def names(self) -> CoupleLike:
        """Who to greet: the validated couple, or the quick view of it before that."""
        couple: Couple | None = self.couple
        if couple is not None:
            return couple
        assert self.quick is not None
        return self.quick

    def when_ready(self, then: Callable[[], None]) -> None:
        """Do ``then`` now, or as soon as the store and content are open (the latest wins)."""
        if self.ready:
            then()
        else:
            self._waiting = then

    # -- starting ----------------------------------------------------------------

    def get_default_screen(self) -> Screen[Any]:
        """On an ordinary evening, home itself: composed with the app, it is the first frame.

        Pushed over Textual's blank default screen instead, home was laid out
        and drawn while the app was still starting, and that drawing thrown
        away (Textual draws nothing until the app has mounted).
        """
        quick = self.quick
        if (
            self._store is None
            and quick is not None
            and quick.theme in self.available_themes
            and not is_locked(self.data_dir)
        ):
            from closer_tui.screens.home import HomeScreen

            self.theme = quick.theme
            self.set_reactive(CloserApp.catalog, built_in_catalog())
            self._home_at_once = True
            return HomeScreen()
        return super().get_default_screen()

    _home_at_once = False
    """Whether home is the default screen (see :meth:`get_default_screen`)."""

    def on_mount(self) -> None:
        self._listen_for_interrupt()
        self.set_interval(IDLE_CHECK_SECONDS, self.lock_if_idle)
        if self._home_at_once:
            self.call_after_refresh(self._after_first_frame)
            return
        # Once the app has mounted: a screen pushed while it mounts is drawn, that
        # drawing is thrown away (Textual draws nothing until then), and the
        # terminal is sent only the part of the first frame that changed after.
        self.call_later(self._show_first_screen)

    def _show_first_screen(self) -> None:
        if self._store is None and is_locked(self.data_dir):
            self._show_lock(at_start=True)  # before the store: it paints as fast as home
            return
        if self._store is not None and not self._store.is_open:
            self._show_lock(at_start=True)
            return
        if self._store is None:
            if self.quick is None:
                # A first run: the welcome first, the store and content behind it.
                self._set_up()
                self.call_after_refresh(self._after_first_frame)
                return
            if not self._open_store_now():
                return
        couple = self.store.load_couple()
        self._tell_notices()
        if couple is None:
            self._set_up()
        else:
            self._begin(couple)

    def _after_first_frame(self) -> None:
        # ``closer`` pauses garbage collection while it starts (see __main__).
        gc.enable()
        self._open_in_background()

    def _open_store_now(self) -> bool:
        from closer_tui.core.store import Store

        try:
            self._store = Store.open(self.data_dir)
        except OSError as error:
            self._cannot_open(error)
            return False
        self.opened.set()
        return True

    @work(thread=True, exclusive=True, group="open")
    def _open_in_background(self) -> None:
        """After the first frame: the store, the validated couple, the library."""
        from closer_tui.core.store import Store  # pydantic: kept off the first frame

        try:
            store = Store.open(self.data_dir)
        except OSError as error:
            self.call_from_thread(self._cannot_open, error)
            return
        couple = store.load_couple()
        if couple is not None or self.quick is None:  # home's plans; a first run's safety note
            self._load_library()
        self.call_from_thread(self._opened, store, couple)

    def _cannot_open(self, error: OSError) -> None:
        self.open_error = error
        self.opened.set()
        self.exit(return_code=1)

    def _opened(self, store: Store, couple: Couple | None) -> None:
        self._store = store
        self.opened.set()
        self._tell_notices()
        if self.quick is None:
            self._opened_on_first_run(couple)
            return
        if couple is not None:
            self._begin(couple)
            return
        # The store set couple.json aside (its notice says why) or it went
        # meanwhile: start again from setup, as a first run would.
        self._waiting = None
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self._set_up()

    def _opened_on_first_run(self, couple: Couple | None) -> None:
        """The store is open behind a first run's setup: save names given meanwhile."""
        typed, self._typed_couple = self._typed_couple, None
        if typed is not None:
            self._first_run_done(typed)
        elif couple is not None:
            # Another closer window finished setting up meanwhile: its couple it is.
            while len(self.screen_stack) > 1:
                self.pop_screen()
            self._begin(couple)

    def _set_up(self) -> None:
        from closer_tui.screens.setup import SetupScreen

        setup = SetupScreen()

        def done(couple: Couple | None) -> None:
            self._wants_lock = setup.wants_lock
            self._first_run_done(couple)

        self.push_screen(setup, done)

    def _first_run_done(self, couple: Couple | None) -> None:
        assert couple is not None
        if not self.opened.is_set():
            # Names given before the store had opened behind the welcome: they
            # are saved the moment it has (``_opened_on_first_run``).
            self._typed_couple = couple
            return
        from closer_tui.core.store import StoreError

        try:
            couple = self.store.save_couple(couple)
        except (StoreError, OSError) as error:
            from closer_tui.screens.save_failed import and_then, plain_words

            self.notify(
                and_then(plain_words(error), "Your names are kept for now."),
                severity="error",
                timeout=20,
            )
        self._begin(couple)
        if self._wants_lock and not self.store.locked:
            from closer_tui.screens.lock_setup import LockSetupScreen

            self.push_screen(LockSetupScreen())  # the offer, over home

    def _begin(self, couple: Couple) -> None:
        from closer_tui.screens.home import HomeScreen

        if self._home_at_once:  # home is at the stack's foot: it greets the validated names
            self.couple = couple
        else:
            self.set_reactive(CloserApp.couple, couple)
        self.theme = couple.preferences.theme
        self.catalog = Catalog.of(self.library)  # the couple's own plans, if any
        if not self._home_at_once:
            self.push_screen(HomeScreen())
        for problem in self.content_problems:
            self.notify(problem, title=f"Your {OWN_CONTENT_FILE}", severity="warning", timeout=30)
        self.ready = True
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            waiting()
        self.call_after_refresh(self.load_history)
        self.call_after_refresh(self.offer_resume)

    @work(thread=True, exclusive=True, group="history")
    def load_history(self) -> None:
        """Read every session off the main thread, after the first frame."""
        loaded = self.store.load_history()
        self.call_from_thread(self._history_loaded, loaded.sessions, loaded.notices)

    def _history_loaded(self, sessions: list[SessionRecord], notices: list[object]) -> None:
        known = {record.id for record in sessions}
        # Before the assignment: watchers of the history read this flag.
        self.history_loaded = True
        # Anything saved while the history was loading comes first.
        self.history = [r for r in self.history if r.id not in known] + sessions
        self.store.notices.extend(notices)  # type: ignore[arg-type]
        self._tell_notices()
        self.call_after_refresh(self._read_ahead)

    @work(thread=True, exclusive=True, group="read-ahead")
    def _read_ahead(self) -> None:
        """At idle, once home and its history are painted: read the code of the screens a
        couple opens most (the decks, the practices), so the key that opens one does not
        wait for Python to read it. Never before the first frame (benchmarks/startup.py);
        the key it saves is timed in benchmarks/deck_open.py."""
        for module in READ_AHEAD:
            import_module(module)

    def _tell_notices(self) -> None:
        for notice in self.store.notices:
            # markup=False: a file's name may hold [brackets].
            self.notify(
                notice.text,
                title="About your data",
                severity="warning",
                timeout=15,
                markup=False,
            )
        self.store.notices.clear()

    # -- what screens ask of the app -----------------------------------------

    def save_round(self, outcome: Outcome, started_at: datetime) -> bool:
        """Save one round of a practice, on its own, as a new session in the history.

        True once it is on disk. Never raises: when the disk refuses, the couple
        is asked what to do with it (:class:`SaveFailedScreen`), it joins the
        history only once saved, and this says False. A guided session does not
        come here: its rounds are steps of one draft (:meth:`save_draft`, then
        :meth:`finish_session`).
        """
        from closer_tui.core.sessions import record_of
        from closer_tui.core.store import StoreError

        record = record_of(outcome, started_at, self.now())

        def save() -> None:
            self.store.save_session(record)
            self._session_saved(record)

        try:
            save()
        except (StoreError, OSError) as error:
            from closer_tui.screens.save_failed import SaveFailedScreen, Unsaved, plain_words

            unsaved = Unsaved("This session", record, record.file_name, "sessions", save=save)
            self.push_screen(SaveFailedScreen(unsaved, plain_words(error)))
            return False
        return True

    def save_draft(self, draft: SessionDraft) -> None:
        """Write a guided session in progress, over its last draft; it is not history yet.

        Raises ``StoreError`` or ``OSError`` when the disk refuses: the session
        screen then says so and carries on in memory.
        """
        self.store.save_draft(draft)

    def finish_session(self, draft_id: str, record: SessionRecord) -> None:
        """A guided session is done: its record replaces its draft and joins the history.

        Raises ``StoreError`` or ``OSError`` when the disk refuses; then nothing
        changed, on disk or in the history.
        """
        self.store.finish_draft(draft_id, record)
        self._session_saved(record)

    def discard_draft(self, draft_id: str) -> None:
        """Let a guided session in progress go without saving it ("don't save this one").

        Raises ``StoreError`` or ``OSError`` when the draft could not be removed
        (it is then offered again at the next start).
        """
        self.store.discard_draft(draft_id)

    def delete_session(self, record: SessionRecord) -> None:
        """Delete a saved session for good, from the disk and from the history.

        Raises ``StoreError`` or ``OSError`` when the disk refuses; then the
        session stays, on disk and in the history.
        """
        self.store.delete_session(record)
        self.history = [r for r in self.history if r.id != record.id]

    def _session_saved(self, record: SessionRecord) -> None:
        """A session is on disk: the history shows it first."""
        self.history = [record, *self.history]

    def save_couple(self, couple: Couple) -> bool:
        """Save settings made from ``couple``; refuse a stale copy rather than overwrite."""
        from closer_tui.core.store import StaleCopy, StoreError

        try:
            saved = self.store.save_couple(couple)
        except StaleCopy:
            fresh = self.store.load_couple()
            if fresh is not None:
                self.couple = fresh
            self.notify(
                "These settings were changed in another closer window meanwhile. "
                "Nothing was overwritten; please look again and save.",
                severity="warning",
                timeout=15,
            )
            return False
        except (StoreError, OSError) as error:
            from closer_tui.screens.save_failed import plain_words

            self.notify(plain_words(error), severity="error", timeout=20)
            return False
        self.couple = saved
        self.theme = saved.preferences.theme
        return True

    def save_keepsake(self, section: str, key: str, value: Any) -> None:
        """Keep a small lasting thing (a deck's place, a phone-free zone) for next time.

        Not a session and not a setting: it goes to its own file, merged under
        the lock with what other windows kept, and is never in the history.
        When the disk refuses, it is kept in memory until closer closes, with
        a gentle word; it never asks, as a lost keepsake costs little.
        """
        from closer_tui.core.store import StoreError

        try:
            self._kept = self.store.remember(section, key, value)
        except StoreError as error:
            self._kept = self._keepsakes().with_kept(section, key, value)
            self.notify(f"{error} It is kept until closer closes.", severity="warning")

    def recall_keepsake(self, section: str, key: str) -> Any:
        """What :meth:`save_keepsake` kept under ``section`` and ``key``, or None."""
        return self._keepsakes().recall(section, key)

    def _keepsakes(self) -> Keepsakes:
        if self._kept is None:
            self._kept = self.store.load_keepsakes()
            self._tell_notices()
        return self._kept

    # -- sealed letters ------------------------------------------------------------

    def letters(self) -> list[SealedLetter]:
        """Every sealed letter, opened or not, read afresh (a few small files)."""
        letters = self.store.load_letters()
        self._tell_notices()
        return letters

    def seal_letter(self, letter: SealedLetter) -> None:
        """Write a newly sealed letter to its own file. Not a session: never in the history.

        Raises ``StoreError`` or ``OSError`` when the disk refuses; then nothing was sealed.
        """
        self.store.save_letter(letter)

    def open_letter(self, letter: SealedLetter) -> SealedLetter:
        """Both pressed their key: the letter is marked opened, now, and joins their story.

        Raises ``StoreError`` or ``OSError`` when the disk refuses; it then stays sealed on disk.
        """
        opened = letter.model_copy(update={"opened_at": self.now()})
        self.store.save_letter(opened)
        return opened

    # -- guided sessions -----------------------------------------------------------

    def plan(self, plan_id: str) -> Plan | None:
        """The plan with this id, or None: an interrupted session's plan may be gone since."""
        try:
            return self.library.plan(plan_id)
        except KeyError:
            return None

    def start_plan(self, plan_id: str) -> None:
        if not self.ready:
            self.when_ready(lambda: self.start_plan(plan_id))
            return
        from closer_tui.core.plans import GuidedRun
        from closer_tui.screens.session import SessionScreen

        plan = self.plan(plan_id)
        if plan is not None:
            self.push_screen(SessionScreen(plan, GuidedRun(plan, self.clock, self.now())))

    def offer_resume(self) -> None:
        """After an interruption, offer the newest unfinished guided session."""
        drafts = self.store.load_drafts()
        self._tell_notices()
        if not drafts:
            return
        # Only now: most evenings have nothing to resume.
        from closer_tui.core.plans import GuidedRun, draft_record
        from closer_tui.core.store import StoreError
        from closer_tui.screens.resume import ResumeChoice, ResumeScreen
        from closer_tui.screens.save_failed import and_then, plain_words
        from closer_tui.screens.session import SessionScreen

        # A plan asked for while closer was opening is already running, and
        # has saved its first draft: that one is not an interrupted session.
        running = {s.run.draft.id for s in self.screen_stack if isinstance(s, SessionScreen)}
        drafts = [draft for draft in drafts if draft.id not in running]
        if not drafts:
            return
        draft = drafts[0]
        plan = self.plan(draft.plan)

        def chosen(choice: ResumeChoice | None) -> None:
            if plan is not None and choice == "resume":
                run = GuidedRun(plan, self.clock, draft.started_at, draft=draft)
                self.push_screen(SessionScreen(plan, run))
            elif choice == "save":
                record = draft_record(draft, plan, self.clock, self.now())
                try:
                    self.finish_session(draft.id, record)
                except (StoreError, OSError) as error:
                    self.notify(plain_words(error), severity="error", timeout=20)
                    return
                self.notify("Saved to your history.")
            elif choice == "discard":
                try:
                    self.discard_draft(draft.id)
                except (StoreError, OSError) as error:
                    self.notify(
                        and_then(plain_words(error), "It will be offered again next time."),
                        severity="error",
                        timeout=20,
                    )

        self.push_screen(ResumeScreen(draft, plan, now=self.now()), chosen)

    def open_place(self, place_id: str) -> None:
        """Open a place by id; just after start-up, as soon as the store is open."""
        if not self.ready:
            self.when_ready(lambda: self.open_place(place_id))
            return
        from closer_tui.screens.catalog import places

        for place in places(self):
            if place.id == place_id:
                self.push_screen(place.open(self))
                return

    # -- the lock ------------------------------------------------------------------

    @property
    def lock_is_on(self) -> bool:
        """Whether the couple locked closer (``lock.json`` is in their folder)."""
        return self._store.locked if self._store is not None else is_locked(self.data_dir)

    def _show_lock(self, *, at_start: bool) -> None:
        from closer_tui.core.files import pending_turn
        from closer_tui.screens.lock import LockScreen

        self.push_screen(LockScreen(at_start=at_start, pending=pending_turn(self.data_dir)))
        if at_start:
            self.call_after_refresh(gc.enable)  # paused by ``closer`` until the first frame

    def try_unlock(self, secret: str) -> str | None:
        """Open closer with a passphrase or the recovery code: the slot that opened, or None.

        Runs in the lock screen's worker thread: the store opens here when it
        has not yet, and at start the couple and the library load here too.
        A wrong passphrase changes nothing anywhere.
        """
        from closer_tui.core.store import Notice, Store, StoreError

        store = self._store
        if store is None:
            try:
                store = Store.open(self.data_dir)
            except OSError as error:
                self.call_from_thread(self._cannot_open, error)
                return None
            self._store = store
        try:
            opened = store.unlock(secret)
        except StoreError as error:  # opened, but a cut-short turn could not finish
            store.notices.append(Notice(str(error)))
            opened = "first" if store.is_open else None
        if opened is not None and not self.ready:
            self._couple_behind_lock = store.load_couple()
            if self._couple_behind_lock is not None:
                self._load_library()
        return opened

    def unlocked(self, screen: LockScreen) -> None:
        """The lock screen opened: back where the couple was, or on to home at start."""
        self._quiet_since = self.clock()
        for below in self.screen_stack:
            if isinstance(below, type(screen)):
                below.opened = True  # each lock screen lower down goes when it comes up
        if self.ready or not screen.at_start:
            screen.dismiss()
            self._tell_notices()
            return
        self.opened.set()
        couple, self._couple_behind_lock = self._couple_behind_lock, None
        self.pop_screen()
        self._tell_notices()
        if couple is None:
            self._set_up()
        else:
            self._begin(couple)  # history then loads in the background, as ever

    async def on_event(self, event: events.Event) -> None:
        touched = events.Key | events.MouseDown | events.MouseScrollDown | events.Paste
        if isinstance(event, touched) and hasattr(self, "_quiet_since"):
            self._quiet_since = self.clock()  # not before __init__ has given the clock
        await super().on_event(event)

    def idle_lock_seconds(self) -> float:
        """How long closer waits, untouched, before it locks itself again."""
        override = os.environ.get(IDLE_LOCK_ENV)
        if override:
            try:
                return max(1.0, float(override))
            except ValueError:
                pass
        couple: Couple | None = self.couple
        return 60.0 * (couple.preferences.lock_after_minutes if couple is not None else 10)

    def lock_if_idle(self) -> None:
        """Lock again once nobody touched a key for the couple's chosen time."""
        if self.clock() - self._quiet_since >= self.idle_lock_seconds():
            self.action_lock_now()

    def action_lock_now(self) -> None:
        """Cover everything with the lock screen; a passphrase brings it back as it was.

        The key stays in memory while closer runs (the README says so), so a
        timer finishing or a draft saving underneath still reaches the disk.
        """
        from closer_tui.screens.lock import LockScreen

        if not self.lock_is_on or not self.ready:
            return
        if any(isinstance(screen, LockScreen) for screen in self.screen_stack):
            return
        self._show_lock(at_start=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "lock_now":
            # In the footer and help only when the lock is on, and not on the lock itself.
            if not self.lock_is_on:
                return False  # before the lock screen's import: the first frame asks
            from closer_tui.screens.lock import LockScreen

            stack = self.screen_stack
            return not (stack and isinstance(stack[-1], LockScreen))
        if action == "take_break":
            from closer_tui.screens.base import CloserScreen

            return not any(
                isinstance(screen, CloserScreen) and not screen.offers_break
                for screen in self.screen_stack
            )
        return super().check_action(action, parameters)

    def turn_lock_on(self, first: str, second: str) -> str:
        """Lock every file with the two passphrases; the recovery code. Raises ``StoreError``.

        Takes a moment (every file is rewritten): screens call it from a worker.
        """
        return self.store.turn_lock_on(first, second)

    def turn_lock_off(self) -> None:
        """Every file back to plain JSON (both partners agreed). Raises ``StoreError``."""
        self.store.turn_lock_off()

    def set_passphrase(self, slot: str, secret: str) -> None:
        """A partner's new passphrase. Raises ``StoreError``."""
        self.store.set_passphrase(slot, secret)

    def remove_passphrase(self, slot: str) -> None:
        """Take one partner's passphrase away (both agreed). Raises ``StoreError``."""
        self.store.remove_passphrase(slot)

    def new_recovery_code(self) -> str:
        """A new recovery code; the old one opens nothing any more. Raises ``StoreError``."""
        return self.store.new_recovery_code()

    def lock_slots(self) -> tuple[str, ...]:
        """The ways in that are set: ``first``, ``second``, ``recovery``."""
        return self.store.slots() if self._store is not None else ()

    # -- quitting ----------------------------------------------------------------

    async def action_quit(self) -> None:
        """ctrl+q, ``q`` on home, Ctrl+C from outside: quit, keeping everything.

        A guided session writes its draft first, while its step is still on
        screen. Whatever could not be written (a full disk) exists only in
        memory: then closer asks before it goes.
        """
        self.quit_when_safe()

    def quit_when_safe(self) -> None:
        """Quit, unless a screen holds something only in memory: it asks, and quits after."""
        from closer_tui.screens.leave import HoldsWork

        for screen in reversed(self.screen_stack):
            if isinstance(screen, HoldsWork) and screen.ask_before_quit(self.quit_when_safe):
                return
        self.exit()

    def _interrupted(self) -> None:
        """SIGINT (``kill -INT``, Ctrl+C where the terminal sends it): as ctrl+q."""
        self.call_later(self.quit_when_safe)

    def _listen_for_interrupt(self) -> None:
        import signal
        from contextlib import suppress

        # Windows, or not the main thread: Python's own handling stays.
        with suppress(NotImplementedError, RuntimeError, ValueError):
            asyncio.get_running_loop().add_signal_handler(signal.SIGINT, self._interrupted)

    def on_unmount(self) -> None:
        """closer has ended: Ctrl+C belongs to whoever runs it again (a shell, a test)."""
        import signal
        from contextlib import suppress

        with suppress(NotImplementedError, RuntimeError, ValueError):
            asyncio.get_running_loop().remove_signal_handler(signal.SIGINT)

    # -- keys that work everywhere -------------------------------------------

    def action_command_palette(self) -> None:
        """One palette at a time, even under the privacy screen (Textual checks the top only)."""
        from textual.command import CommandPalette

        from closer_tui.screens.lock import LockScreen
        from closer_tui.screens.privacy import PrivacyScreen

        if isinstance(self.screen, PrivacyScreen | LockScreen):
            return  # nothing behind the lock can be reached from its palette
        if self.use_command_palette and not any(
            isinstance(screen, CommandPalette) for screen in self.screen_stack
        ):
            from closer_tui.widgets.palette import CalmCommandPalette

            self.push_screen(CalmCommandPalette(id="--command-palette"))

    def action_privacy(self) -> None:
        from closer_tui.screens.privacy import PrivacyScreen

        if isinstance(self.screen, PrivacyScreen):
            self.pop_screen()
        else:
            self.push_screen(PrivacyScreen())

    def action_take_break(self) -> None:
        """ctrl+g, from anywhere: a break over whatever is there, which waits as it was."""
        from closer_tui.screens.break_screen import BreakScreen
        from closer_tui.screens.privacy import PrivacyScreen

        if not self.ready or isinstance(self.screen, PrivacyScreen):
            return  # nothing to pause yet; and a hidden screen shows nothing, not even this
        if not any(isinstance(screen, BreakScreen) for screen in self.screen_stack):
            self.push_screen(BreakScreen())

    def action_help(self) -> None:
        from closer_tui.screens.base import CloserScreen
        from closer_tui.screens.help import HelpScreen
        from closer_tui.screens.privacy import PrivacyScreen

        if isinstance(self.screen, HelpScreen | PrivacyScreen):
            return
        from closer_tui.widgets.footer import screen_keys

        # A dialog (a question, an export) has no help of its own: its keys say it all.
        screen = self.screen
        help_text = screen.help_text if isinstance(screen, CloserScreen) else ""
        self.push_screen(HelpScreen(help_text, screen_keys(screen)))

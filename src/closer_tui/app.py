"""CloserApp: wires the store, the content and the screens together. No feature logic."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.reactive import reactive

from closer_tui.commands import PlacesProvider
from closer_tui.core.clock import Clock
from closer_tui.core.content import OWN_CONTENT_FILE, Library, Plan, load_library
from closer_tui.core.models import Couple, Outcome, SessionDraft, SessionRecord, utc_now
from closer_tui.core.sessions import record_of
from closer_tui.core.store import StaleCopy, Store, StoreError


class CloserApp(App[None]):
    """closer. ``clock`` (monotonic) and ``now`` (wall time) are injectable for tests."""

    CSS_PATH = Path(__file__).with_name("closer.tcss")
    TITLE = "closer"
    COMMANDS: ClassVar = App.COMMANDS | {PlacesProvider}
    BINDINGS: ClassVar = [
        Binding("ctrl+l", "privacy", "Hide", priority=True),
        Binding("question_mark", "help", "Help", key_display="?"),
    ]

    couple: reactive[Couple] = reactive(None, always_update=True, init=False)  # type: ignore[arg-type]
    history: reactive[list[SessionRecord]] = reactive(list, always_update=True, init=False)

    def __init__(
        self,
        store: Store,
        *,
        clock: Clock = time.monotonic,
        now: Callable[[], datetime] = utc_now,
        content: Library | None = None,
        rng: random.Random | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.clock = clock
        self.now = now
        self.rng = rng or random.Random()
        self.library, self.content_problems = (
            (content, []) if content else load_library(store.root / OWN_CONTENT_FILE)
        )
        self.history_loaded = False

    def on_mount(self) -> None:
        couple = self.store.load_couple()
        self._tell_notices()
        if couple is None:
            from closer_tui.screens.setup import SetupScreen

            self.push_screen(SetupScreen(), self._first_run_done)
        else:
            self._begin(couple)

    def _first_run_done(self, couple: Couple | None) -> None:
        assert couple is not None
        try:
            couple = self.store.save_couple(couple)
        except StoreError as error:
            self.notify(f"{error}. Your names are kept for now.", severity="error", timeout=20)
        self._begin(couple)

    def _begin(self, couple: Couple) -> None:
        from closer_tui.screens.home import HomeScreen

        self.set_reactive(CloserApp.couple, couple)
        self.theme = couple.preferences.theme
        self.push_screen(HomeScreen())
        for problem in self.content_problems:
            self.notify(problem, title=f"Your {OWN_CONTENT_FILE}", severity="warning", timeout=30)
        self.call_after_refresh(self.load_history)
        self.call_after_refresh(self.offer_resume)

    @work(thread=True, exclusive=True, group="history")
    def load_history(self) -> None:
        """Read every session off the main thread, after the first frame."""
        loaded = self.store.load_history()
        self.call_from_thread(self._history_loaded, loaded.sessions, loaded.notices)

    def _history_loaded(self, sessions: list[SessionRecord], notices: list[object]) -> None:
        known = {record.id for record in sessions}
        # Anything saved while the history was loading comes first.
        self.history = [r for r in self.history if r.id not in known] + sessions
        self.history_loaded = True
        self.store.notices.extend(notices)  # type: ignore[arg-type]
        self._tell_notices()

    def _tell_notices(self) -> None:
        for notice in self.store.notices:
            self.notify(notice.text, title="About your data", severity="warning", timeout=15)
        self.store.notices.clear()

    # -- what screens ask of the app -----------------------------------------

    def keep(self, outcome: Outcome, started_at: datetime, **extra: object) -> SessionRecord:
        """Save one finished activity as a session; on failure, say so and keep it in hand."""
        record = record_of(outcome, started_at, self.now(), **extra)  # type: ignore[arg-type]
        try:
            self.store.save_session(record)
        except StoreError as error:
            from closer_tui.screens.save_failed import SaveFailedScreen

            self.push_screen(SaveFailedScreen(record, str(error)))
            return record
        self.history = [record, *self.history]
        return record

    def save_couple(self, couple: Couple) -> bool:
        """Save settings made from ``couple``; refuse a stale copy rather than overwrite."""
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
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=20)
            return False
        self.couple = saved
        self.theme = saved.preferences.theme
        return True

    def remember(self, section: str, key: str, value: Any) -> None:
        """Keep a small lasting thing (a deck's place, a phone-free zone) in couple.json.

        Applied to the newest copy on disk under the lock, so another window's
        changes are never overwritten.
        """

        def change(couple: Couple) -> Couple:
            keepsakes = dict(couple.keepsakes)
            inner = keepsakes.get(section)
            keepsakes[section] = {**(inner if isinstance(inner, dict) else {}), key: value}
            return couple.model_copy(update={"keepsakes": keepsakes})

        try:
            self.couple = self.store.update_couple(change)
        except (StoreError, ValueError, OSError) as error:
            self.couple = change(self.couple)
            self.notify(f"closer could not save this for later: {error}", severity="warning")

    def keepsake(self, section: str, key: str) -> Any:
        inner = self.couple.keepsakes.get(section)
        return inner.get(key) if isinstance(inner, dict) else None

    # -- guided sessions -----------------------------------------------------------

    def plan(self, plan_id: str) -> Plan | None:
        return next((plan for plan in self.library.plans if plan.id == plan_id), None)

    def start_plan(self, plan_id: str) -> None:
        from closer_tui.core.plans import GuidedRun
        from closer_tui.screens.session import SessionScreen

        plan = self.plan(plan_id)
        if plan is not None:
            self.push_screen(SessionScreen(plan, GuidedRun(plan, self.clock, self.now())))

    def offer_resume(self) -> None:
        """After an interruption, offer the newest unfinished guided session."""
        from closer_tui.core.plans import GuidedRun
        from closer_tui.screens.resume import ResumeChoice, ResumeScreen
        from closer_tui.screens.session import SessionScreen

        drafts = self.store.load_drafts()
        self._tell_notices()
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
                    self.store.finish_draft(draft.id, record)
                except StoreError as error:
                    self.notify(str(error), severity="error", timeout=20)
                    return
                self.history = [record, *self.history]
                self.notify("Saved to your history.")
            elif choice == "discard":
                self.store.discard_draft(draft.id)

        title = plan.title if plan else draft.plan
        steps = len(plan.steps) if plan else len(draft.done) + 1
        self.push_screen(ResumeScreen(draft, title, steps, can_resume=plan is not None), chosen)

    def open_place(self, place_id: str) -> None:
        from closer_tui.screens.catalog import places

        for place in places(self):
            if place.id == place_id:
                self.push_screen(place.open(self))
                return

    # -- keys that work everywhere -------------------------------------------

    def action_privacy(self) -> None:
        from closer_tui.screens.privacy import PrivacyScreen

        if isinstance(self.screen, PrivacyScreen):
            self.pop_screen()
        else:
            self.push_screen(PrivacyScreen())

    def action_help(self) -> None:
        from closer_tui.screens.help import HelpScreen
        from closer_tui.screens.privacy import PrivacyScreen

        if isinstance(self.screen, HelpScreen | PrivacyScreen):
            return
        self.push_screen(HelpScreen(getattr(self.screen, "help_text", "")))


def draft_record(
    draft: SessionDraft, plan: Plan | None, clock: Clock, now: datetime
) -> SessionRecord:
    """What an interrupted session holds, as a record, even if its plan is gone."""
    from closer_tui.core.plans import GuidedRun

    if plan is None:
        return SessionRecord(
            id=draft.id,
            kind="guided",
            title=draft.plan,
            plan=draft.plan,
            started_at=draft.started_at,
            ended_at=max(draft.updated_at, draft.started_at),
            actual_seconds=sum(step.actual_seconds for step in draft.done),
            completed=False,
            steps=draft.done,
        )
    return GuidedRun(plan, clock, draft.started_at, draft=draft).record(draft.updated_at)

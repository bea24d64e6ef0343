"""A guided session: the plan's steps, the current step's own screen, and honest time."""

from __future__ import annotations

import math
from collections.abc import Callable
from contextlib import suppress
from typing import TYPE_CHECKING, ClassVar

from rich.table import Table
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import reactive
from textual.widgets import Header, Static

from closer_tui.activities import activity_class
from closer_tui.core.content import Plan
from closer_tui.core.models import Outcome, SessionRecord
from closer_tui.core.plans import TIME_ALONE_SECONDS, GuidedRun, StepWork, beyond_the_clock
from closer_tui.core.store import StoreError
from closer_tui.mends.compositor import draw_only_what_changes
from closer_tui.screens.base import NARROW, CloserScreen
from closer_tui.screens.confirm import ConfirmScreen
from closer_tui.screens.leave import LeaveChoice, LeaveScreen
from closer_tui.screens.save_failed import (
    SaveFailedScreen,
    SaveOutcome,
    Unsaved,
    and_then,
    plain_words,
)
from closer_tui.widgets.activity import Activity
from closer_tui.widgets.footer import CalmFooter
from closer_tui.widgets.time_bar import TimeBar

if TYPE_CHECKING:
    pass

LOOK_SECONDS = 5.0
"""How often a session looks at the time, and saves its draft while it is there.

Often enough: its line counts minutes, its cue at a step's end is a soft
one, and a crash loses at most these few seconds of half-typed words.
Rarely enough that a laptop running a thirty-minute evening is not woken
for it every second. A draft in which only the time moved is written less
often (``TIME_ALONE_SECONDS``).
"""
OVERRUN_GRACE = 5 * 60.0
"""Past a step's end with nobody touching the keyboard, time stops counting after this."""
SLEEP_GAP = 30.0
"""Wall time running this far ahead of the monotonic clock means the laptop slept."""


def time_words(step_left: float, together: float, total: float, *, paused: bool) -> str:
    """The session's time line, in whole minutes: the step's own timer, if any, has seconds.

    A session-wide clock ticking seconds would hurry a conversation; minutes
    tell a couple where they are without it. It fits 58 columns.
    """
    so_far = f"{math.floor(together / 60)} of {total / 60:g} min together"
    if paused:
        return f"Paused · {so_far} · ctrl+t carries on"
    if step_left > 60:
        step = f"{math.ceil(step_left / 60)} min left in this step"
    elif step_left > 0:
        step = "under a minute left in this step"
    elif step_left > -60:
        step = "time's up: move on when ready"
    else:
        step = f"{math.floor(-step_left / 60)} min over: move on when ready"
    return f"{step} · {so_far}"


STATE_MARKS = {"done": "✓", "skipped": "–", "current": "▶", "next": " "}

HELP = """\
**A guided session.** The list on the left shows the plan; the current step
is on the right. When a step's time is up you'll hear a soft cue; move on
when you're ready, never in the middle of someone speaking.

| key | |
|---|---|
| ctrl+n | next: within a step that has parts, then the next step |
| ctrl+k | skip this step |
| ctrl+e | one more minute for this step |
| ctrl+t | hold everything (pause) or carry on |
| ctrl+d | we're done for tonight (saves) |
| ctrl+x | don't save this one |
| escape | asks: carry on, save and stop, or don't save |

Everything is saved as you go: if closer is closed or the laptop sleeps,
the next start offers to pick up where you stopped. If it cannot be saved
(a full disk), closer says so and asks before anything ends.
"""


STATE_STYLES = {"current": "bold", "next": "", "done": "dim", "skipped": "dim strike"}

SESSION_KEYS = Text.assemble(
    *(
        part
        for key, label in (
            ("^n", "next"),
            ("^k", "skip"),
            ("^e", "+1 min"),
            ("^t", "hold"),
            ("^d", "done"),
            ("^x", "don't save"),
        )
        for part in ((key, "bold"), (f" {label} ", ""))
    )
)


class StepList(Static):
    """Done, current and coming steps, with their minutes.

    A long title wraps under itself rather than losing its end: "What each of us ne…"
    told a couple nothing. Below 70 columns the list gives its room to the step.
    """

    DEFAULT_CSS = """
    StepList {
        width: 28; height: auto; padding: 0 1; margin: 0 1 0 0; border: round $primary 40%;
    }
    """

    def show(self, run: GuidedRun) -> None:
        table = Table.grid(expand=True, padding=(0, 1))  # a space between the columns
        table.add_column(width=1)
        table.add_column(ratio=1, overflow="fold")
        table.add_column(justify="right", style="dim")
        for view in run.steps():
            table.add_row(
                Text(STATE_MARKS[view.state], style="bold"),
                Text(view.step.title, style=STATE_STYLES[view.state]),
                f"{view.minutes}′",
            )
        self.update(table)


class SessionScreen(CloserScreen[None]):
    """Runs one :class:`GuidedRun`; autosaves it; saves it once as a session at the end."""

    BINDINGS: ClassVar = [
        # Priority: these must work while a text box has the focus (a text
        # box would otherwise take ctrl+k and ctrl+x for its own editing).
        # They are listed on the session's own key line, always in full; the
        # footer is left to the current step's keys.
        Binding("ctrl+n", "next_step", "Next", priority=True, show=False),
        Binding("ctrl+k", "skip_step", "Skip", priority=True, show=False),
        Binding("ctrl+e", "extend", "Step +1", priority=True, show=False),
        Binding("ctrl+t", "toggle_pause", "Hold", priority=True, show=False),
        Binding("ctrl+d", "done", "Done", priority=True, show=False),
        Binding("ctrl+x", "discard", "Don't save", priority=True, show=False),
        Binding("escape", "leave", "Leave", show=False),
    ]

    DEFAULT_CSS = """
    SessionScreen #session-body { height: 1fr; }
    SessionScreen #step-area { height: 1fr; }
    SessionScreen #step-title { padding: 0 1; text-style: bold; height: 1; }
    SessionScreen #step-scroll { height: 1fr; }
    SessionScreen #session-bar { height: 3; padding: 0 1; }
    SessionScreen #session-time { height: 1; width: 1fr; }
    SessionScreen #session-keys { height: 1; color: $text-muted; }
    SessionScreen.-narrow StepList { display: none; }
    SessionScreen.-paused #session-time { color: $warning; }
    """

    paused: reactive[bool] = reactive(False, init=False)

    def __init__(self, plan: Plan, run: GuidedRun) -> None:
        super().__init__()
        draw_only_what_changes(self)  # a running timer repaints only itself
        self.plan = plan
        self.run = run
        self.help_text = HELP
        self._cued_step = -1
        self._ended = False
        self._last_key = run.clock()
        self._last_tick: tuple[float, float] | None = None
        self._written: tuple[dict[str, object], float] | None = None
        """The last draft written, but its clock, and when (run clock); None after a failure."""
        self._picking_up = bool(run.draft.done or run.draft.current)
        """Resumed from a draft: the first step mounted gets its unfinished work back."""
        self.only_in_memory: str | None = None
        """Why the draft could not be written, while tonight's session exists only here."""
        self._asking: SaveFailedScreen | None = None
        self._held_by_break = False
        self._quitting: Callable[[], None] | None = None
        self.stage = VerticalScroll(id="step-scroll", can_focus=False)
        """Where the current step's activity plays."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="session-body"):
            yield StepList()
            with Vertical(id="step-area"):
                yield Static("", id="step-title")
                yield self.stage
        with Vertical(id="session-bar"):
            yield Static("", id="session-time")
            yield TimeBar()
            yield Static(SESSION_KEYS, id="session-keys")
        yield CalmFooter(compact=True)

    async def on_mount(self) -> None:
        self.title = self.plan.title
        self.run.watch.start()
        await self._mount_step()
        self.set_interval(LOOK_SECONDS, self._tick, name="session")
        self.autosave()

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < NARROW, "-narrow")

    # -- the current step ----------------------------------------------------------

    @property
    def activity(self) -> Activity | None:
        # The stage's own children only: a query of the whole screen costs more
        # than the autosave that asks for it every few seconds.
        return next((child for child in self.stage.children if isinstance(child, Activity)), None)

    async def _mount_step(self) -> None:
        await self.stage.remove_children()
        self.query_one(StepList).show(self.run)
        if self.run.finished:
            return
        step = self.run.step
        number = f"Step {self.run.index + 1} of {len(self.plan.steps)}"
        self.query_one("#step-title", Static).update(f"{number} · {step.title}")
        activity = activity_class(step.activity)(
            planned_seconds=self.run.step_seconds, options=dict(step.options)
        )
        await self.stage.mount(activity)
        if self._picking_up:
            self._picking_up = False
            self._give_back(activity, self.run.work)
        self.call_after_refresh(self._focus_step)
        self._refresh_bar()

    def _give_back(self, activity: Activity, work: StepWork) -> None:
        """After pick-up: the step's settled work and half-typed words, back where they were.

        What the activity cannot take back stays as a finished round (typed
        words included), so it is kept, and never counted twice.
        """
        if work.kept is None and not work.typing:
            return
        if activity.holds_boxes(work.typing) and (work.kept is None or activity.pick_up(work.kept)):
            activity.restore_typing(work.typing)
            return
        leftover = work.typed or work.kept
        if leftover is not None:
            self.run.add_round(leftover)
        self.run.work = StepWork()

    def _focus_step(self) -> None:
        activity = self.activity
        if activity is None:
            return
        if activity.focusable:
            activity.focus()
            return
        focusable = [w for w in activity.query("*") if w.focusable]
        if focusable:
            focusable[0].focus()

    def _pending(self) -> Outcome | None:
        activity = self.activity
        pending = activity.pending() if activity else None
        return pending[0] if pending else None

    def _work(self) -> StepWork | None:
        """What the current step's activity holds now; None when none is on screen."""
        if self.run.finished:
            return StepWork()  # the last step's work is already in the session's steps
        activity = self.activity
        if activity is None or not activity.is_mounted:
            return None
        typed, kept = activity.pending(), activity.settled()
        return StepWork(
            kept=kept[0] if kept else None,
            typed=typed[0] if typed else None,
            typing=activity.typing(),
        )

    def keep_round(self, outcome: Outcome) -> None:
        """A round of the step is finished: kept for tonight, on disk at once.

        Called while the activity still holds the round (it forgets it just
        after), so its work is not looked at now: it would count twice.
        """
        self.run.add_round(outcome)
        self.run.work = StepWork()
        if self.autosave(look=False):
            self.notify("Kept for tonight's session.", timeout=3)

    def keep_committed(self) -> None:
        """A turn was said, an answer revealed: on disk before the next key."""
        self.autosave()

    # -- time ------------------------------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        self._last_key = self.run.clock()

    def _tick(self) -> None:
        """Every few seconds: a gap noticed, the time line, the soft cue, the draft saved."""
        self._notice_gaps()
        self._refresh_bar()
        if not self.paused and self.run.step_left <= 0 and self._cued_step != self.run.index:
            self._cued_step = self.run.index
            if self.closer.couple.preferences.bell:
                self.app.bell()
            self.notify(
                "This step's time is up. Move on when you're ready: ctrl+n "
                "(ctrl+k skips what is left of it).",
                timeout=10,
            )
        self.autosave(time_alone_waits=True)

    def _notice_gaps(self) -> None:
        """Time asleep or away is not time together: pause, and say so."""
        mono, wall = self.run.clock(), self.closer.now().timestamp()
        last, self._last_tick = self._last_tick, (mono, wall)
        if self.paused:
            return
        if last is not None and (wall - last[1]) - (mono - last[0]) > SLEEP_GAP:
            self._pause("Welcome back. closer paused while the laptop slept.")
            return
        overrun = -self.run.step_left
        idle = mono - self._last_key
        if overrun > OVERRUN_GRACE and idle > OVERRUN_GRACE:
            self.run.watch.discount(min(overrun, idle) - OVERRUN_GRACE)
            self._pause("Still there? closer stopped counting while nobody was here.")

    def _refresh_bar(self) -> None:
        run = self.run
        line = time_words(
            run.step_left, run.together_seconds, run.total_seconds, paused=self.paused
        )
        time_line = self.query_one("#session-time", Static)
        if line != time_line.content:
            # In minutes: it changes about once a minute, and its size never does.
            time_line.update(line, layout=False)
        self.query_one(TimeBar).fraction = run.progress

    # -- keeping it safe ---------------------------------------------------------------

    def autosave(self, *, look: bool = True, time_alone_waits: bool = False) -> bool:
        """Write the draft: every step, every commitment and every few seconds.

        ``look=False`` writes what was last seen of the step, for when its
        activity is already gone (closing): a draft never knows less than
        the one before. ``time_alone_waits``: when only the time has moved
        since the last write, it waits until ``TIME_ALONE_SECONDS`` have
        passed. False, and the couple told once, when it could not be
        written: tonight's session then exists only in memory.
        """
        if self._ended:
            return True
        work = self._work() if look else None
        draft = self.run.snapshot(self.closer.now(), work)
        holds, now = beyond_the_clock(draft), self.run.clock()
        if time_alone_waits and self._written is not None:
            written, at = self._written
            if holds == written and now - at < TIME_ALONE_SECONDS:
                return True
        try:
            self.closer.save_draft(draft)
        except (StoreError, OSError) as error:
            self._written = None
            reason = plain_words(error)
            if self.only_in_memory is None:
                self.notify(
                    and_then(
                        reason,
                        "Tonight's session is only in memory for now: carry on, closer "
                        "keeps trying and asks before anything ends.",
                    ),
                    severity="warning",
                    timeout=20,
                )
            self.only_in_memory = reason
            return False
        self._written = (holds, now)
        if self.only_in_memory is not None:
            self.only_in_memory = None
            self.notify("Saved again: tonight's session is kept as a draft.", timeout=5)
        return True

    def on_unmount(self) -> None:
        self.autosave(look=False)

    def _unsaved_draft(self) -> Unsaved:
        def after(outcome: SaveOutcome) -> None:
            if outcome == "saved":
                self.only_in_memory = None
            else:
                self._end_here(copied=outcome == "copied")

        draft = self.run.snapshot(self.closer.now())
        return Unsaved(
            "Tonight's session",
            draft,
            draft.file_name,
            "in-progress",
            save=lambda: self.closer.save_draft(self.run.snapshot(self.closer.now())),
            after=after,
        )

    def _ask_about_unsaved(self, unsaved: Unsaved, reason: str) -> SaveFailedScreen:
        screen = SaveFailedScreen(unsaved, reason)
        screen.quit_after = self._quitting
        self._asking = screen
        self.app.push_screen(screen)
        return screen

    def ask_before_quit(self, quit: Callable[[], None]) -> bool:
        """Quitting keeps the draft, written now while the step is on screen; asks if it cannot."""
        if self._ended:
            return False
        if self._asking is not None and self._asking.is_attached:
            return self._asking.ask_before_quit(quit)
        if self.autosave():
            return False
        self._quitting = quit
        self._ask_about_unsaved(self._unsaved_draft(), self.only_in_memory or "")
        return True

    def _end_here(self, *, copied: bool) -> None:
        """The couple kept a copy elsewhere, or let what was only in memory go.

        With a copy, the older draft is removed so that it is not offered
        again beside it. Let go, the older draft (if the disk held one) stays:
        only what could not be saved is gone.
        """
        self._ended = True
        if copied:
            # If this fails too, the older draft is offered next time: nothing is lost.
            with suppress(StoreError, OSError):
                self.closer.discard_draft(self.run.draft.id)
        if self._quitting is None:
            self.dismiss()

    # -- the couple's keys ---------------------------------------------------------------

    def _pause(self, message: str | None = None) -> None:
        self.paused = True
        self.run.watch.pause()
        if self.activity:
            self.activity.hold(True)
        if message:
            self.notify(message, timeout=15)
        self._refresh_bar()

    def action_toggle_pause(self) -> None:
        if self.paused:
            self.paused = False
            self._last_key = self.run.clock()
            self.run.watch.start()
            if self.activity:
                self.activity.hold(False)
            self._refresh_bar()
        else:
            self._pause()

    def hold_for_break(self, held: bool) -> None:
        """A break (ctrl+g) is on: time apart is not time together. Released, the session
        carries on only if the break was what held it (a hold of its own stays)."""
        if held and not self.paused:
            self._held_by_break = True
            self._pause()
        elif not held and self._held_by_break:
            self._held_by_break = False
            self.action_toggle_pause()

    def watch_paused(self, paused: bool) -> None:
        self.set_class(paused, "-paused")

    def action_extend(self) -> None:
        """One more minute for this step: its line, its list and its own countdown agree."""
        self.run.extend(60)
        if self.activity:
            self.activity.extend(60)
        self.query_one(StepList).show(self.run)
        self._refresh_bar()

    async def _advance(self, *, skipped: bool) -> None:
        if self.paused:
            self.action_toggle_pause()
        # Skipping keeps whatever was already written: nothing typed is lost.
        self.run.next_step(skipped=skipped, pending=self._pending())
        if self.run.finished:
            self._finish()
            return
        self.autosave()
        await self._mount_step()

    async def action_next_step(self) -> None:
        activity = self.activity
        if activity is not None and activity.advance():
            return  # the step moved on within itself (the DTR's five parts)
        await self._advance(skipped=False)

    async def action_skip_step(self) -> None:
        await self._advance(skipped=True)

    def action_done(self) -> None:
        if self._nothing_yet():
            self._leave_without_saving()
            return
        self._finish()

    def _nothing_yet(self) -> bool:
        run = self.run
        return (
            run.index == 0
            and not run.step_outcomes
            and run.watch.elapsed < 60
            and self._pending() is None
        )

    def action_leave(self) -> None:
        """Escape: never ends the evening without asking (help calls escape "back")."""

        def chosen(choice: LeaveChoice | None) -> None:
            if choice == "save":
                self._finish()
            elif choice == "discard":
                self.action_discard()  # asked once more: nothing of it would be kept

        self.app.push_screen(
            LeaveScreen(
                "tonight's session",
                save="Save and stop",
                discard="Don't save",
                stay="Carry on",
                first="stay",
            ),
            chosen,
        )

    def _finish(self) -> None:
        record = self.run.record(self.closer.now(), None if self.run.finished else self._pending())
        try:
            self.closer.finish_session(self.run.draft.id, record)
        except (StoreError, OSError) as error:
            self._ask_about_unsaved(self._unsaved_record(record), plain_words(error))
            return
        self._show_summary(record)

    def _show_summary(self, record: SessionRecord) -> None:
        """The session is saved (and in the history): its summary takes this screen's place."""
        self._ended = True
        from closer_tui.screens.summary import SummaryScreen

        self.app.switch_screen(SummaryScreen(record))

    def _unsaved_record(self, record: SessionRecord) -> Unsaved:
        def after(outcome: SaveOutcome) -> None:
            if outcome == "saved":
                self._show_summary(record)
            else:
                self._end_here(copied=outcome == "copied")

        return Unsaved(
            "Tonight's session",
            record,
            record.file_name,
            "sessions",
            save=lambda: self.closer.finish_session(self.run.draft.id, record),
            after=after,
        )

    def action_discard(self) -> None:
        def chosen(sure: bool | None) -> None:
            if sure:
                self._leave_without_saving()

        self.app.push_screen(
            ConfirmScreen(
                "Leave without saving tonight's session? Nothing from it will be kept.",
                yes="Don't save it",
                no="Keep going",
            ),
            chosen,
        )

    def _leave_without_saving(self) -> None:
        self._ended = True
        try:
            self.closer.discard_draft(self.run.draft.id)
        except (StoreError, OSError) as error:
            self.notify(
                and_then(plain_words(error), "It will be offered once more at next start."),
                severity="warning",
                timeout=15,
            )
        self.dismiss()

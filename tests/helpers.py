"""What many test modules need, written once: reading the screen, the app factory's type,
moving the fake clock on, the saved sessions, and the keys of a private round.

Fixtures live in tests/conftest.py; this module holds the plain functions and names a test
imports (``from helpers import screen_text``), since tests/ is on the import path."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from textual.pilot import Pilot
from textual.widget import Widget

from closer_tui.core.clock import ManualClock
from closer_tui.core.models import Entry, Outcome, SessionRecord
from closer_tui.core.store import Store
from closer_tui.widgets.countdown import CountdownPanel
from closer_tui.widgets.private_round import HANDOVER_SECONDS

if TYPE_CHECKING:
    from closer_tui.activities.stress_talk import StressTalkActivity
    from closer_tui.app import CloserApp
    from closer_tui.screens.session import SessionScreen

AppFactory = Callable[[Store], "CloserApp"]
"""The ``make_app`` fixture: the real app around a store, on the fake clocks."""

EVENING = datetime(2026, 11, 24, 19, 30, tzinfo=UTC)
"""A Tuesday evening: every test lives in it unless it moves the clock itself."""

W = TypeVar("W", bound=Widget)


class Keepsakes:
    """What the app keeps in keepsakes.json, as a plain dict (written as JSON would be)."""

    def __init__(self) -> None:
        self.kept: dict[tuple[str, str], Any] = {}

    def recall_keepsake(self, section: str, key: str) -> Any:
        return self.kept.get((section, key))

    def save_keepsake(self, section: str, key: str, value: Any) -> None:
        self.kept[(section, key)] = json.loads(json.dumps(value))


def screen_lines(app: CloserApp) -> list[str]:
    """Every row the terminal shows right now, as plain text."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def screen_text(app: CloserApp) -> str:
    """Everything the terminal shows right now, row by row, runs of spaces as one."""
    return "\n".join(" ".join(line.split()) for line in screen_lines(app))


def screen_flat(app: CloserApp) -> str:
    """Everything shown as one line: wrapping must not decide whether a sentence counts."""
    return " ".join(" ".join(screen_lines(app)).split())


def one_question(text: str, at: datetime) -> SessionRecord:
    """A session of one question, answered by the first partner with ``text``: words a test
    looks for on disk, sealed or not."""
    return SessionRecord(
        kind="question",
        title="One question",
        started_at=at,
        ended_at=at,
        entries=[Entry(who="first", prompt="A memory?", text=text)],
    )


def imported_from(
    packages: Iterable[str], *, after: str, or_modules: Iterable[str] = ()
) -> list[str]:
    """The modules of ``packages`` (or named in ``or_modules``) a fresh Python holds once it ran
    ``after``: what a first frame or a quick command would wait for. It must run cleanly."""
    code = f"import sys\n{after}\nprint('\\n'.join(sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    wanted, named = set(packages), set(or_modules)
    return sorted(m for m in result.stdout.split() if m.split(".")[0] in wanted or m in named)


def tonights_30_cut_short(
    started: datetime, ended: datetime, seconds: float, steps: list[Outcome]
) -> SessionRecord:
    """An evening of Tonight's 30 left before its end: ``seconds`` together over ``steps``."""
    return SessionRecord(
        kind="guided",
        title="Tonight's 30",
        plan="tonight-30",
        actual_seconds=seconds,
        completed=False,
        started_at=started,
        ended_at=ended,
        steps=steps,
    )


def checkin_steps(first: int, second: int, seconds: float, **checkin: Any) -> list[Outcome]:
    """A weekly check-in's steps: the hug, then ``seconds`` of the check-in itself, where the
    partners rated how close they felt ``first`` and ``second``."""
    return [
        Outcome(kind="hug", title="Hug", actual_seconds=20),
        Outcome(
            kind="weekly_checkin",
            title="Weekly check-in",
            actual_seconds=seconds,
            ratings={"first": first, "second": second},
            **checkin,
        ),
    ]


def saved(store: Store) -> list[SessionRecord]:
    """The sessions the store holds on disk right now."""
    return store.load_history().sessions


def kept(store: Store) -> tuple[bool, float]:
    """Whether the one session on disk ran its whole time, and how long it lasted."""
    [record] = saved(store)
    return record.completed, record.actual_seconds


def kept_whole(store: Store, kind: str, seconds: float) -> SessionRecord:
    """The one session on disk, checked to be a ``kind`` that ran its whole ``seconds`` with
    both partners ready; returned for what a test checks beyond that."""
    [record] = saved(store)
    ran = (record.kind, record.completed, record.planned_seconds, record.actual_seconds)
    assert ran == (kind, True, seconds, seconds)
    assert record.ready == ["first", "second"]
    return record


async def advance(pilot: Pilot[Any], clock: ManualClock, seconds: float) -> None:
    """Move time on, and let every countdown and turn timer on screen notice it, as its timer
    would."""
    from closer_tui.activities.stress_talk import StressTalkActivity

    clock.advance(seconds)
    for panel in pilot.app.screen.query(CountdownPanel):
        panel.sync()
    for talk in pilot.app.screen.query(StressTalkActivity):
        talk.sync()
    await pilot.pause()


async def talking(pilot: Pilot[Any]) -> StressTalkActivity:
    """The stress-reducing talk on its own screen, phones away and both ready: talking."""
    from closer_tui.activities.stress_talk import StressTalkActivity
    from closer_tui.screens.activity import ActivityScreen

    pilot.app.push_screen(ActivityScreen("Talk", [("Talk", StressTalkActivity())]))
    await pilot.pause()
    await pilot.pause()
    talk = pilot.app.screen.query_one(StressTalkActivity)
    await pilot.press("f", "j")  # phones away, both
    await pilot.pause()
    await pilot.press("f", "j")  # both ready
    await pilot.pause()
    assert talk.stage == "talking"
    return talk


def recorded_updates(line: Any) -> list[tuple[str, bool]]:
    """Every ``update`` of the Static ``line`` from now on: its words, and whether it asked
    for a new layout."""
    updates: list[tuple[str, bool]] = []
    real_update = line.update

    def update(content: Any = "", *, layout: bool = True) -> None:
        updates.append((str(content), layout))
        real_update(content, layout=layout)

    line.update = update
    return updates


async def tap(pilot: Pilot[Any], *keys: str) -> None:
    """Each key pressed and let settle, as a person's next key comes a frame later."""
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


async def play(pilot: Pilot[Any], clock: ManualClock, *moves: str | float) -> None:
    """What the couple does, in order: a key pressed (a string) or seconds passing (a number).

    Each key is let settle before time moves on, as a person's next move comes a frame later."""
    for move in moves:
        if isinstance(move, str):
            await tap(pilot, move)
        else:
            await advance(pilot, clock, move)


async def open_place(pilot: Pilot[Any], place_id: str) -> None:
    """Open a place from the catalog, as the palette would, and let it settle on screen."""
    await pilot.pause()
    pilot.app.open_place(place_id)
    await pilot.pause()
    await pilot.pause()


async def open_activity(pilot: Pilot[Any], place_id: str, kind: type[W]) -> W:
    """Open a place from the catalog and return its activity of ``kind``."""
    await open_place(pilot, place_id)
    return pilot.app.screen.query_one(kind)


async def start_plan(pilot: Pilot[Any], plan_id: str) -> SessionScreen:
    """Start a guided session, as home's plan list would, and return its screen."""
    from closer_tui.screens.session import SessionScreen

    await pilot.pause()
    pilot.app.start_plan(plan_id)
    await pilot.pause()
    assert isinstance(pilot.app.screen, SessionScreen)
    return pilot.app.screen


async def picked_up(pilot: Pilot[Any]) -> SessionScreen:
    """closer opened again after an evening was cut off: its offer taken, the session back."""
    from closer_tui.screens.resume import ResumeScreen
    from closer_tui.screens.session import SessionScreen

    await pilot.pause()
    await pilot.pause()
    assert isinstance(pilot.app.screen, ResumeScreen)
    await pilot.click("#resume")
    await pilot.pause()
    assert isinstance(pilot.app.screen, SessionScreen)
    return pilot.app.screen


async def hand_over(pilot: Pilot[Any], clock: ManualClock) -> None:
    """Enter on a "look away" or "both look" screen, pressed after it appeared."""
    clock.advance(HANDOVER_SECONDS)
    await pilot.press("enter")
    await pilot.pause()


async def enter_twice(pilot: Pilot[Any]) -> None:
    """Two enters that reach closer before it draws again, as a bounced or doubled press does."""
    from textual import events

    pilot.app.post_message(events.Key("enter", "\r"))
    pilot.app.post_message(events.Key("enter", "\r"))
    await pilot.pause()
    await pilot.pause()


async def paste(pilot: Pilot[Any], text: str) -> None:
    """Put ``text`` where the cursor is in the box that has the focus, as a paste would (longer
    words than key by key, which costs a frame each)."""
    from textual.widgets import TextArea

    focused = pilot.app.focused
    assert isinstance(focused, TextArea)
    focused.insert(text)
    await pilot.pause()


async def say(pilot: Pilot[Any], text: str) -> None:
    """Write ``text`` in the turn's box and say it (ctrl+s): the other partner's turn next."""
    await paste(pilot, text)
    await pilot.press("ctrl+s")


async def choose(pilot: Pilot[Any], *answers: str) -> None:
    """Each answer's digits, then enter to lock it in ("10" is 1 then 0)."""
    for answer in answers:
        await pilot.press(*answer, "enter")


async def answer_privately(pilot: Pilot[Any], clock: ManualClock, answers: list[str]) -> None:
    """One partner's turn: past the curtain, then each answer chosen and locked in."""
    await hand_over(pilot, clock)
    await choose(pilot, *answers)

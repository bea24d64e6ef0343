"""Pictures of the history at 80x24: the list, one session in full, and the insights.

A small fixed history around the shared fake evening, shown in UTC so the
dates are the same on every machine. After ``--snapshot-update``, look at
each picture before accepting it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

import pytest
from helpers import EVENING, AppFactory, open_place
from textual.pilot import Pilot

from closer_tui.app import CloserApp
from closer_tui.core.models import Entry, Outcome, SessionRecord, Tally
from closer_tui.core.store import Store

pytestmark = pytest.mark.usefixtures("utc")


SIZE = (80, 24)
SnapCompare = Callable[..., bool]


def _step(kind: str, title: str, seconds: float, **extra: Any) -> Outcome:
    return Outcome(kind=kind, title=title, planned_seconds=seconds, actual_seconds=seconds, **extra)


def _session(days_ago: int, hour: int, n: int, **fields: Any) -> SessionRecord:
    start = EVENING.replace(hour=hour, minute=0) - timedelta(days=days_ago)
    seconds = fields.pop("seconds", None) or sum(s.actual_seconds for s in fields["steps"])
    return SessionRecord(
        id=f"{n:032x}",
        started_at=start,
        ended_at=start + timedelta(seconds=seconds),
        actual_seconds=seconds,
        **fields,
    )


def _guided(days_ago: int, hour: int, n: int, plan: str, steps: list[Outcome]) -> SessionRecord:
    """A guided evening of ``plan``, titled as its plan is."""
    title = {"weekly-checkin": "Weekly check-in", "tonight-30": "Tonight's 30"}[plan]
    return _session(days_ago, hour, n, kind="guided", title=title, plan=plan, steps=steps)


def checkin(days_ago: int, n: int, first: int, second: int) -> SessionRecord:
    return _guided(
        days_ago,
        17,
        n,
        "weekly-checkin",
        [
            _step("hug", "Hug", 22),
            _step(
                "dtr",
                "Daily Temperature Reading",
                14 * 60 + 5,
                entries=[
                    Entry(who="first", prompt="An appreciation", text="You fixed the bike."),
                    Entry(who="second", prompt="An appreciation", text="Thank you for Sunday."),
                ],
            ),
            _step(
                "weekly_checkin",
                "Weekly check-in",
                11 * 60,
                ratings={"first": first, "second": second},
                entries=[
                    Entry(who="first", prompt="What went well?", text="Our walks."),
                    Entry(who="second", prompt="What do you need next week?", passed=True),
                ],
            ),
        ],
    )


def little_history() -> list[SessionRecord]:
    return [
        _session(0, 19, 1, kind="hug", title="20-second hug", seconds=21, steps=[]),
        _session(
            1,
            20,
            2,
            kind="question",
            title="Ask better questions",
            seconds=9 * 60 + 12,
            steps=[],
            entries=[
                Entry(who="first", prompt="What made you laugh this week?", text="The goat."),
                Entry(who="second", prompt="What made you laugh this week?", text="Your face."),
            ],
        ),
        checkin(2, 3, 7, 8),
        _session(
            3,
            21,
            4,
            kind="appreciations",
            title="Appreciation ritual",
            seconds=6 * 60,
            steps=[],
            completed=False,
            tally=Tally(positive=4, negative=1),
        ),
        _guided(
            5,
            19,
            5,
            "tonight-30",
            [_step("hug", "Hug", 20), _step("eye_gazing", "Eye gazing", 180)],
        ),
        checkin(9, 6, 6, 7),
        checkin(16, 7, 6, 6),
        checkin(23, 8, 5, 7),
        _guided(
            30,
            19,
            9,
            "tonight-30",
            [_step("hug", "Hug", 20), _step("stress_talk", "Talk through your days", 65 * 60)],
        ),
    ]


@pytest.fixture
def app(store_with_couple: Store, make_app: AppFactory) -> CloserApp:
    for record in little_history():
        store_with_couple.save_session(record)
    return make_app(store_with_couple)


async def open_history(pilot: Pilot[Any]) -> None:
    app = pilot.app
    assert isinstance(app, CloserApp)
    await pilot.pause()
    await app.workers.wait_for_complete()
    await open_place(pilot, "history")


def test_history_list(snap_compare: SnapCompare, app: CloserApp) -> None:
    assert snap_compare(app, terminal_size=SIZE, run_before=open_history)


def in_history(*keys: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """History opened, its evenings loaded, then ``keys`` pressed."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await open_history(pilot)
        await pilot.press(*keys)
        await pilot.pause()

    return run_before


def test_history_detail(snap_compare: SnapCompare, app: CloserApp) -> None:
    assert snap_compare(app, terminal_size=SIZE, run_before=in_history("down", "down", "enter"))


def test_history_insights(snap_compare: SnapCompare, app: CloserApp) -> None:
    assert snap_compare(app, terminal_size=SIZE, run_before=in_history("ctrl+pagedown"))


def test_history_delete_question(snap_compare: SnapCompare, app: CloserApp) -> None:
    assert snap_compare(app, terminal_size=SIZE, run_before=in_history("d"))

"""The history screen on a few hundred real session files: list, filter, detail, delete, export."""

from __future__ import annotations

import re
import shutil
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from helpers import EVENING, AppFactory, open_place, screen_text, tonights_30_cut_short
from textual.pilot import Pilot
from textual.widgets import Input, Select

from closer_tui.app import CloserApp
from closer_tui.core.models import Entry, Outcome, SessionRecord, Tally
from closer_tui.core.store import History, Store
from closer_tui.screens.both_agree import BothAgreeScreen
from closer_tui.screens.history import ExportScreen, HistoryScreen, kinds_of
from closer_tui.screens.history_detail import HistoryDetailScreen
from closer_tui.screens.history_list import SessionList
from closer_tui.screens.home import HomeScreen

pytestmark = pytest.mark.usefixtures("utc")


COUNT = 300
ALEX = "#e69f00"
SAM = "#56b4e9"


def step(kind: str, title: str, minutes: float, **extra: object) -> Outcome:
    seconds = minutes * 60
    return Outcome.model_validate(
        {"kind": kind, "title": title, "planned_seconds": seconds, "actual_seconds": seconds}
        | extra
    )


def record(i: int) -> SessionRecord:
    """Session ``i`` evenings before the test evening; kinds take turns."""
    start = EVENING - timedelta(days=i, hours=1)
    shape = i % 5
    steps: list[Outcome] = []
    extra: dict[str, object] = {}
    plan = None
    if shape == 0:
        kind, title, seconds = "hug", "20-second hug", 21.0
    elif shape == 1:
        kind, title, seconds = "question", "Ask better questions", 610.0
        extra["entries"] = [
            Entry(who="first", prompt="What made you smile today?", text=f"alex-said-{i}"),
            Entry(who="second", prompt="What made you smile today?", text=f"sam-said-{i}"),
        ]
    elif shape == 2:
        kind, title, plan = "guided", "Weekly check-in", "weekly-checkin"
        steps = [
            step("hug", "Hug", 1 / 3),
            step("dtr", "Daily Temperature Reading", 15),
            step(
                "weekly_checkin",
                "Weekly check-in",
                12,
                ratings={"first": 5 + i % 4, "second": 6 + i % 3},
            ),
        ]
        seconds = sum(s.actual_seconds for s in steps)
    elif shape == 3:
        kind, title, seconds = "appreciations", "Appreciation ritual", 300.0
        extra["tally"] = Tally(positive=3 + i % 4, negative=i % 2)
    else:
        kind, title, plan = "guided", "Tonight's 30", "tonight-30"
        steps = [step("hug", "Hug", 1 / 3), step("eye_gazing", "Eye gazing", 3)]
        seconds = sum(s.actual_seconds for s in steps)
    return SessionRecord.model_validate(
        {
            "id": f"{i + 1:032x}",
            "kind": kind,
            "title": title,
            "plan": plan,
            "steps": steps,
            "actual_seconds": seconds,
            "completed": i % 7 != 3,
            "started_at": start,
            "ended_at": start + timedelta(seconds=seconds),
            **extra,
        }
    )


@pytest.fixture(scope="module")
def saved_history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three hundred sessions written once by the real store, copied for each test."""
    store = Store.open(tmp_path_factory.mktemp("history"))
    for i in range(COUNT):
        store.save_session(record(i))
    return store.sessions_dir


@pytest.fixture
def store(store_with_couple: Store, saved_history: Path) -> Store:
    shutil.copytree(saved_history, store_with_couple.sessions_dir, dirs_exist_ok=True)
    return store_with_couple


async def open_history(pilot: Pilot[None]) -> HistoryScreen:
    app = pilot.app
    assert isinstance(app, CloserApp)
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert app.history_loaded
    app.open_place("history")
    await pilot.pause()
    assert isinstance(app.screen, HistoryScreen)
    return app.screen


async def open_insights(pilot: Pilot[None]) -> str:
    """History opened on its second tab, what the history says; returns the screen's text."""
    await open_history(pilot)
    await pilot.press("ctrl+pagedown")
    await pilot.pause()
    return screen_text(pilot.app)


async def test_every_session_is_listed_newest_first(make_app: AppFactory, store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot)
        listing = screen.query_one(SessionList)
        assert len(listing.records) == COUNT
        starts = [r.started_at for r in listing.records]
        assert starts == sorted(starts, reverse=True)
        text = screen_text(app)
        assert "300 sessions" in text
        assert "Tue 24 Nov 2026 18:30 20-second hug 21 s" in text
        assert "Mon 23 Nov 2026 18:30 Ask better questions 10 min" in text
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_a_kind_narrows_the_rows_and_f_chooses_it(make_app: AppFactory, store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot)
        select: Select[str] = screen.query_one("#kind", Select)
        values = [value for _, value in select._options]
        assert values[:2] == ["all", "guided"]
        assert {"hug", "question", "appreciations", "weekly_checkin", "dtr"} <= set(values)
        listing = screen.query_one(SessionList)

        select.value = "guided"
        await pilot.pause()
        assert len(listing.records) == 120
        assert all(r.kind == "guided" for r in listing.records)
        assert "120 of 300 sessions" in screen_text(app)

        select.value = "weekly_checkin"  # only ever a step of a guided session here
        await pilot.pause()
        assert len(listing.records) == 60
        assert all("weekly_checkin" in kinds_of(r) for r in listing.records)

        select.value = "all"
        await pilot.pause()
        assert len(listing.records) == COUNT

        await pilot.press("f")
        await pilot.pause()
        assert select.expanded
        await pilot.press("down", "down", "enter")  # All → Guided sessions → Hugs
        await pilot.pause()
        assert select.value == "hug"
        assert len(listing.records) == 180


async def test_the_detail_shows_who_wrote_what_steps_and_ratings(
    make_app: AppFactory, store: Store
) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 30)) as pilot:
        screen = await open_history(pilot)
        await pilot.press("down", "enter")  # the second newest: a question
        await pilot.pause()
        assert isinstance(app.screen, HistoryDetailScreen)
        text = screen_text(app)
        assert "alex-said-1" in text and "sam-said-1" in text
        assert "Alex" in text and "Sam" in text
        svg = app.export_screenshot().lower()
        assert ALEX in svg and SAM in svg
        await pilot.press("escape")
        assert isinstance(app.screen, HistoryScreen)

        screen.query_one(SessionList).cursor = 2  # a weekly check-in
        await pilot.press("enter")
        await pilot.pause()
        text = screen_text(app)
        assert "Daily Temperature Reading · 15 min" in text
        assert "Weekly check-in · 12 min" in text
        assert "Alex 7 · Sam 8" in text


async def test_delete_asks_then_removes_the_file_and_the_row(
    make_app: AppFactory, store: Store
) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot)
        listing = screen.query_one(SessionList)
        doomed = listing.records[1]
        files = list(store.sessions_dir.glob(f"*-{doomed.id}.json"))
        assert len(files) == 1

        await pilot.press("down", "d")
        await pilot.pause()
        assert isinstance(app.screen, BothAgreeScreen)
        assert "backups" in app.screen.question and "sync folder" in app.screen.question
        await pilot.press("escape")  # no, keep it
        await pilot.pause()
        assert files[0].exists()
        assert doomed in listing.records

        await pilot.press("d", "f")
        await pilot.pause()
        assert files[0].exists(), "one partner alone never deletes"
        await pilot.press("f", "j")
        await pilot.pause()
        assert not files[0].exists()
        assert doomed.id not in {r.id for r in listing.records}
        assert doomed.id not in {r.id for r in app.history}
        assert len(listing.records) == COUNT - 1
        assert listing.cursor == 1  # the cursor stays where it was
        assert "299 sessions" in screen_text(app)
    assert doomed.id not in {r.id for r in store.load_history().sessions}


async def test_delete_from_the_detail_view(make_app: AppFactory, store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot)
        first = screen.query_one(SessionList).records[0]
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, BothAgreeScreen)
        await pilot.press("j", "f")
        await pilot.pause()
        assert app.screen is screen
        assert first.id not in {r.id for r in app.history}


async def test_it_opens_calmly_while_the_history_is_still_loading(
    make_app: AppFactory, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    arrived = threading.Event()
    real_load = store.load_history

    def slow_load() -> History:
        arrived.wait(timeout=10)  # held back until the test lets it through
        return real_load()

    monkeypatch.setattr(store, "load_history", slow_load)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_place(pilot, "history")
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        assert not app.history_loaded
        assert "Loading your history…" in screen_text(app)
        assert not screen.query_one(SessionList).display

        arrived.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        assert app.history_loaded
        assert len(screen.query_one(SessionList).records) == COUNT
        assert "Loading your history" not in screen_text(app)


async def test_insights_speak_in_counts_and_trends(make_app: AppFactory, store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 30)) as pilot:
        text = await open_insights(pilot)
        # Ten days: on the eleventh evening back, a 21-second hug was cut short and nothing
        # else was done; it is kept in the history, but it is no day together.
        assert "2 days together this week · 10 days in a row" in text
        # Twenty-four evenings this month: hours and minutes, said the one way.
        assert re.search(r"\d+ h \d\d min together this month", text)
        assert "Noticing the good, week by week" in text and "good" in text and "hard" in text
        assert "Weekly check-in: how connected each of you felt" in text
        assert "Alex ▁" in text or any(f"Alex {c}" in text for c in "▁▂▃▄▅▆▇█")
        assert "After a few connection checks" in text
        await pilot.press("ctrl+pagedown")
        await pilot.pause()
        assert app.screen.focused is app.screen.query_one(SessionList)


async def test_insights_wait_gently_for_enough_check_ins(
    make_app: AppFactory, store_with_couple: Store
) -> None:
    store_with_couple.save_session(record(2))  # one check-in is not a trend
    app = make_app(store_with_couple)
    async with app.run_test(size=(80, 30)) as pilot:
        text = await open_insights(pilot)
        assert "After a few check-ins you'll see a trend here." in text
        assert "After a few weeks of noticing the good" in text


async def test_an_empty_history_says_so_kindly(app: CloserApp, pilot: Pilot[None]) -> None:
    await open_history(pilot)
    text = screen_text(app)
    assert "Nothing here yet" in text
    assert "0 sessions" in text


async def test_export_writes_markdown_where_they_choose(
    make_app: AppFactory, store: Store, tmp_path: Path
) -> None:
    target = tmp_path / "ours.md"
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        field = app.screen.query_one(Input)
        assert field.value == "~/closer-history.md"
        field.value = str(target)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert any(str(target) in str(n.message) for n in app._notifications)

        nowhere = tmp_path / "no-such-folder" / "ours.md"
        await pilot.press("x")
        await pilot.pause()
        app.screen.query_one(Input).value = str(nowhere)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any("could not be written" in str(n.message) for n in app._notifications)
        assert not nowhere.exists()
    markdown = target.read_text("utf-8")
    assert markdown.startswith("# closer — Alex & Sam")
    assert "alex-said-1" in markdown and "sam-said-1" in markdown
    assert target.stat().st_mode & 0o777 == 0o600


async def test_usable_at_60_by_20(make_app: AppFactory, store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await open_history(pilot)
        listing = screen.query_one(SessionList)
        assert listing.region.height >= 8
        assert listing.region.right <= 60 and listing.region.bottom <= 19
        text = screen_text(app)
        assert "24 Nov 2026 18:30 20-second hug 21 s" in text
        assert "3 steps" in text and "2 steps" in text  # a plan's steps, even at 60
        await pilot.press("end")
        await pilot.pause()
        assert listing.cursor == COUNT - 1
        oldest = listing.records[-1]
        assert f"{oldest.started_at.day} " in screen_text(app)


def test_app_cli_and_export_say_an_evening_the_same_way(
    store_with_couple: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    """A 1:53 step, a 59.4 s DTR, a skipped hug: one set of words, and no grade, everywhere."""
    from rich.console import Console

    from closer_tui import cli
    from closer_tui.core.export import to_markdown
    from closer_tui.screens.history_detail import session_detail
    from closer_tui.screens.history_list import session_row
    from closer_tui.screens.summary import steps_block

    steps = [
        # A step with no rounds of its own is recorded as not completed: it still ran.
        Outcome(kind="phones_away", title="Settle in", actual_seconds=113, completed=False),
        Outcome(kind="hug", title="Hug", actual_seconds=2, completed=False, data={"skipped": True}),
        Outcome(kind="dtr", title="Temperature reading", actual_seconds=59.4),
    ]
    evening = tonights_30_cut_short(EVENING, EVENING + timedelta(minutes=3), 174.4, steps)
    store_with_couple.save_session(evening)
    couple = store_with_couple.load_couple()
    assert couple is not None

    def plain(renderable: object) -> str:
        console = Console(width=100, record=True, color_system=None)
        console.print(renderable)
        return " ".join(console.export_text().split())

    summary = plain(steps_block(evening.steps, 174.4))
    detail = plain(session_detail(couple, evening))
    row = plain(session_row(evening, 100))
    markdown = to_markdown(couple, [evening])
    assert cli.run_history(store_with_couple.root) == 0
    table = " ".join(capsys.readouterr().out.split())

    for said in (summary, detail, markdown):
        assert "Settle in 2 min" in said.replace("·", "").replace("#", "").replace("  ", " ")
        assert "Hug" in said and "skipped" in said
        assert "59 s" in said and "1:00" not in said
    for said in (detail, row, markdown, table):
        assert "3 min" in said and "2 steps" in said
    for said in (summary, detail, row, markdown, table):
        assert "stopped" not in said and "finished" not in said
    # The summary says what its marks mean.
    assert "✓ done together" in summary and "– skipped" in summary

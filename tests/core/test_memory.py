"""A loaded history held lightly: the same records, their sets of given fields shared."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from closer_tui.core.memory import hold_lightly
from closer_tui.core.models import Entry, Outcome, SessionRecord
from closer_tui.core.store import Store

EVENING = datetime(2026, 11, 24, 19, 30, tzinfo=UTC)


def session(day: int) -> SessionRecord:
    entries = [Entry(who="first", prompt="Thank you for", text=f"day {day}.")]
    step = Outcome(kind="appreciations", title="Appreciations", entries=entries)
    return SessionRecord(
        kind="plan",
        title="Tonight's 30",
        plan="tonight-30",
        started_at=EVENING.replace(day=day),
        ended_at=EVENING.replace(day=day, hour=20),
        steps=[step, Outcome(kind="hug", title="A 20-second hug")],
        entries=entries,
    )


def loaded(tmp_path: Path) -> tuple[Store, list[SessionRecord]]:
    store = Store.open(tmp_path / "data")
    for day in range(1, 8):
        store.save_session(session(day))
    return store, store.load_history().sessions


def every_model(records: list[SessionRecord]) -> list[object]:
    found: list[object] = []
    for record in records:
        found.append(record)
        for step in record.steps:
            found.append(step)
            found.extend(step.entries)
        found.extend(record.entries)
    return found


def test_models_alike_share_one_set(tmp_path: Path) -> None:
    _, records = loaded(tmp_path)
    sets = lambda: {id(m.__pydantic_fields_set__) for m in every_model(records)}  # noqa: E731
    before = len(sets())
    hold_lightly(records)
    # a record, a step with entries, a step without, an entry: at most one set for each
    assert len(sets()) <= 4 < before


def test_the_records_are_the_same_after(tmp_path: Path) -> None:
    store, records = loaded(tmp_path)
    dumped = [r.model_dump_json(by_alias=True) for r in records]
    hold_lightly(records)
    assert records == store.load_history().sessions
    assert [r.model_dump_json(by_alias=True) for r in records] == dumped
    assert {json.loads(d)["title"] for d in dumped} == {"Tonight's 30"}


def test_a_copy_gets_its_own_set(tmp_path: Path) -> None:
    _, records = loaded(tmp_path)
    hold_lightly(records)
    shared = records[1].__pydantic_fields_set__
    before = set(shared)
    copy = records[0].model_copy(update={"plan": None})
    copy.__pydantic_fields_set__.add("a name only the copy has")
    assert copy.__pydantic_fields_set__ is not shared
    assert shared == before

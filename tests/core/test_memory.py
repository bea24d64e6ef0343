"""A loaded history held lightly: the same records, their sets of given fields shared."""

from __future__ import annotations

from pathlib import Path

from helpers import EVENING

from closer_tui.core.memory import hold_lightly
from closer_tui.core.models import Entry, Outcome, SessionRecord
from closer_tui.core.store import Store


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


def test_sessions_read_from_their_files_share_their_sets(tmp_path: Path) -> None:
    _, records = loaded(tmp_path)
    models = every_model(records)
    # read from files, every model holds all its names: one set for records, steps, entries
    assert len({id(model.__pydantic_fields_set__) for model in models}) == 3
    assert len(models) == 7 * 5


def test_the_records_are_the_same(tmp_path: Path) -> None:
    _, records = loaded(tmp_path)
    written = [
        session(day).model_dump_json(by_alias=True, exclude={"id"}) for day in range(7, 0, -1)
    ]
    assert [r.model_dump_json(by_alias=True, exclude={"id"}) for r in records] == written


def test_a_copy_gets_its_own_set(tmp_path: Path) -> None:
    _, records = loaded(tmp_path)
    shared = records[1].__pydantic_fields_set__
    before = set(shared)
    copy = records[0].model_copy(update={"plan": None})
    copy.__pydantic_fields_set__.add("a name only the copy has")
    assert copy.__pydantic_fields_set__ is not shared
    assert shared == before


def test_any_models_can_be_held_lightly() -> None:
    one, other = Outcome(kind="hug", title="A hug"), Outcome(kind="hug", title="Another")
    hold_lightly([one, other])
    assert one.__pydantic_fields_set__ is other.__pydantic_fields_set__

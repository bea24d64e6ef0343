"""The store behaves like a plain dictionary of sessions, across reopen and migration.

A Hypothesis state machine saves, loads, deletes, reopens and plants files in
an older (fake) schema, and checks the store against an in-memory model after
every step. The older schema is a made-up "schema 0" whose step is
monkeypatched into ``MIGRATIONS`` for the test, so the mechanism is exercised
before closer ever needs it.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    invariant,
    rule,
    run_state_machine_as_test,
)
from safety_kit import couple, draft, plant, record

from closer_tui.core.models import SessionRecord
from closer_tui.core.store import MIGRATIONS, Store


def from_schema_0(old: dict[str, Any]) -> dict[str, Any]:
    """The fake older layout: times under "start"/"end" and a flat "notes" list."""
    new = {key: value for key, value in old.items() if key not in ("start", "end", "notes")}
    new["started_at"] = old["start"]
    new["ended_at"] = old["end"]
    new["entries"] = [{"who": "both", "prompt": "note", "text": text} for text in old["notes"]]
    return new


def as_schema_0(session: SessionRecord) -> dict[str, Any]:
    new = json.loads(session.model_dump_json(by_alias=True))
    return {
        **{k: v for k, v in new.items() if k not in ("started_at", "ended_at", "entries")},
        "schema": 0,
        "start": new["started_at"],
        "end": new["ended_at"],
        "notes": [entry["text"] for entry in new["entries"]],
    }


texts = st.text(max_size=40)


class StoreMachine(RuleBasedStateMachine):
    """Sessions saved are the sessions loaded; nothing else appears."""

    saved = Bundle("saved")

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="closer-model-"))
        self.store = Store.open(self.folder)
        self.model: dict[str, SessionRecord] = {}
        self.drafts: set[str] = set()
        self.minute = 0
        self.revision = 0

    def teardown(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    def _next(self, text: str) -> SessionRecord:
        self.minute += 1
        session = record(text, n=self.minute)
        for entry in session.entries:
            entry.who = "both"
            entry.prompt = "note"
        return session

    @rule(target=saved, text=texts)
    def save(self, text: str) -> str:
        session = self._next(text)
        self.store.save_session(session)
        self.model[session.id] = session
        return session.id

    @rule(target=saved, text=texts)
    def plant_an_older_file(self, text: str) -> str:
        session = self._next(text)
        path = self.folder / "sessions" / session.file_name
        plant(self.store, path, json.dumps(as_schema_0(session)).encode(), schema=0)
        self.model[session.id] = session
        return session.id

    @rule(session_id=consumes(saved))
    def delete(self, session_id: str) -> None:
        if session_id in self.model:
            self.store.delete_session(self.model.pop(session_id))

    @rule(session_id=saved)
    def save_again_unchanged(self, session_id: str) -> None:
        if session_id in self.model:
            self.store.save_session(self.model[session_id])

    @rule()
    def reopen(self) -> None:
        self.store = Store.open(self.folder)

    @rule(text=texts)
    def guided_session(self, text: str) -> None:
        unfinished = draft()
        self.store.save_draft(unfinished)
        self.drafts.add(unfinished.id)
        finished = self._next(text)
        self.store.finish_draft(unfinished.id, finished)
        self.drafts.discard(unfinished.id)
        self.model[finished.id] = finished

    @rule()
    def leave_a_draft(self) -> None:
        unfinished = draft()
        self.store.save_draft(unfinished)
        self.drafts.add(unfinished.id)

    @rule(name=st.sampled_from(["Ana", "Sam", "Kai"]))
    def change_settings(self, name: str) -> None:
        if self.revision == 0:
            self.revision = self.store.save_couple(couple()).revision
        changed = self.store.update_couple(
            lambda c: c.model_copy(update={"first": c.first.model_copy(update={"name": name})})
        )
        assert changed.revision == self.revision + 1
        self.revision = changed.revision

    @invariant()
    def history_is_the_model(self) -> None:
        history = self.store.load_history()
        assert history.notices == []
        loaded = {r.id: r for r in history.sessions}
        assert loaded.keys() == self.model.keys()
        for key, session in self.model.items():
            assert loaded[key].model_dump() == session.model_dump()
        started = [r.started_at for r in history.sessions]
        assert started == sorted(started, reverse=True)

    @invariant()
    def drafts_are_the_model(self) -> None:
        assert {d.id for d in self.store.load_drafts()} == self.drafts

    @invariant()
    def settings_keep_their_revision(self) -> None:
        current = self.store.load_couple()
        assert (current.revision if current else 0) == self.revision


def test_store_behaves_like_a_dictionary(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(MIGRATIONS["session"], 0, from_schema_0)
    run_state_machine_as_test(
        StoreMachine,
        settings=settings(max_examples=30, stateful_step_count=15, deadline=None),
    )


def test_without_its_migration_an_older_file_is_set_aside(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    session = record("old")
    (tmp_path / "sessions" / session.file_name).write_text(json.dumps(as_schema_0(session)))
    history = store.load_history()
    assert history.sessions == []
    assert "could not be read" in history.notices[0].text
    assert [p.name.split(".")[0] for p in (tmp_path / "quarantine").iterdir()] == [
        session.file_name.removesuffix(".json")
    ]


def test_a_migration_that_meets_odd_data_sets_the_file_aside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(MIGRATIONS["session"], 0, from_schema_0)
    store = Store.open(tmp_path)
    (tmp_path / "sessions" / "odd.json").write_text('{"schema": 0, "start": 1}')
    history = store.load_history()
    assert history.sessions == []
    assert "could not be read" in history.notices[0].text
    assert [p.name.split(".")[0] for p in (tmp_path / "quarantine").iterdir()] == ["odd"]

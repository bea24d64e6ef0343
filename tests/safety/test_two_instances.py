"""Two closers on one data folder at once: nothing acknowledged is lost."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import AppFactory
from safety_kit import couple, finish, in_child, record, temp_files

from closer_tui.core.models import Couple
from closer_tui.core.store import StaleCopy, Store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs fork")

ROUNDS = 60


def _counts(settings: Couple) -> dict[str, int]:
    """Counters kept in a field closer does not know: it survives every rewrite."""
    return dict((settings.model_extra or {}).get("counts", {}))


def _bump(key: str) -> Callable[[Couple], Couple]:
    def change(current: Couple) -> Couple:
        counts = _counts(current)
        counts[key] = counts.get(key, 0) + 1
        return current.model_copy(update={"counts": counts})

    return change


def test_two_closers_saving_sessions_and_settings_keep_everything(tmp_path: Path) -> None:
    Store.open(tmp_path).save_couple(couple())

    def closer(name: str) -> Callable[[int], None]:
        def work(ack: int) -> None:
            store = Store.open(tmp_path)
            for n in range(ROUNDS):
                finished = record(f"{name} {n}", n=n)
                store.save_session(finished)
                os.write(ack, f"{finished.id}\n".encode())
                store.update_couple(_bump(name))
                store.update_couple(_bump("shared"))

        return work

    children = [in_child(closer("left")), in_child(closer("right"))]
    acknowledged = [set(finish(*child).split()) for child in children]

    store = Store.open(tmp_path)
    history = store.load_history()
    loaded = {r.id for r in history.sessions}
    assert acknowledged[0] | acknowledged[1] <= loaded
    assert len(loaded) == 2 * ROUNDS
    settings = store.load_couple()
    assert settings is not None
    assert _counts(settings) == {"left": ROUNDS, "right": ROUNDS, "shared": 2 * ROUNDS}
    assert settings.revision == 1 + 4 * ROUNDS
    assert history.notices == [] and store.notices == []


def test_two_closers_remembering_at_once_keep_all_and_leave_the_settings_alone(
    tmp_path: Path,
) -> None:
    """A deck's place kept in each window: both kept, and settings open anywhere stay current."""
    store = Store.open(tmp_path)
    opened = store.save_couple(couple())

    def closer(name: str) -> Callable[[int], None]:
        def work(ack: int) -> None:
            mine = Store.open(tmp_path)
            for n in range(ROUNDS):
                mine.remember("decks", f"{name}-{n}", n)
                os.write(ack, f"{name}-{n}\n".encode())

        return work

    children = [in_child(closer("left")), in_child(closer("right"))]
    acknowledged = {key for child in children for key in finish(*child).split()}
    kept = Store.open(tmp_path).load_keepsakes()
    assert set(kept.sections["decks"]) == acknowledged
    assert len(acknowledged) == 2 * ROUNDS
    # The settings a window opened before all that can still be saved.
    assert store.save_couple(opened).revision == opened.revision + 1


def test_saving_from_stale_copies_never_loses_an_edit(tmp_path: Path) -> None:
    """Both read, change, save_couple; a stale save raises and is retried."""
    Store.open(tmp_path).save_couple(couple())

    def editor(ack: int) -> None:
        store = Store.open(tmp_path)
        for _ in range(ROUNDS):
            while True:
                current = store.load_couple()
                assert current is not None
                try:
                    store.save_couple(_bump("edits")(current))
                except StaleCopy:
                    os.write(ack, b"stale\n")
                    continue
                os.write(ack, b"saved\n")
                break

    children = [in_child(editor), in_child(editor)]
    acks = [ack for child in children for ack in finish(*child).split()]
    settings = Store.open(tmp_path).load_couple()
    assert settings is not None
    assert acks.count("saved") == 2 * ROUNDS
    assert _counts(settings)["edits"] == 2 * ROUNDS


def test_a_stale_copy_raises_rather_than_overwrites(tmp_path: Path) -> None:
    here = Store.open(tmp_path)
    there = Store.open(tmp_path)
    saved = here.save_couple(couple())
    mine = here.load_couple()
    theirs = there.load_couple()
    assert mine is not None and theirs is not None
    there.save_couple(theirs.model_copy(update={"theirs": True}))
    before = here.couple_path.read_bytes()
    with pytest.raises(StaleCopy) as raised:
        here.save_couple(mine.model_copy(update={"mine": True}))
    assert here.couple_path.read_bytes() == before
    assert "another closer window" in str(raised.value)
    # A second first run, racing the first, is a stale copy too.
    with pytest.raises(StaleCopy):
        here.save_couple(couple())
    assert saved.revision == 1


def test_start_up_clean_up_never_takes_a_live_writers_file(tmp_path: Path) -> None:
    """One closer keeps opening (and cleaning) while another saves."""
    Store.open(tmp_path)

    def saver(ack: int) -> None:
        store = Store.open(tmp_path)
        for n in range(3 * ROUNDS):
            finished = record(n=n)
            store.save_session(finished)
            os.write(ack, f"{finished.id}\n".encode())

    def opener(ack: int) -> None:
        for _ in range(6 * ROUNDS):
            Store.open(tmp_path)

    children = [in_child(saver), in_child(opener)]
    saved = set(finish(*children[0]).split())
    finish(*children[1])
    assert saved == {r.id for r in Store.open(tmp_path).load_history().sessions}
    assert temp_files(tmp_path) == []


async def test_a_deck_remembered_in_one_window_never_makes_settings_stale_in_another(
    data_dir: Path, make_app: AppFactory
) -> None:
    """Issue 10, item 9: remembering is no settings change, so it cannot make a save stale."""
    Store.open(data_dir).save_couple(couple())
    settings_window = make_app(Store.open(data_dir))
    deck_window = make_app(Store.open(data_dir))
    async with settings_window.run_test() as pilot:
        await pilot.pause()
        opened = settings_window.couple
        deck_window.save_keepsake("decks", "questions", {"seen": ["q-light-001"]})
        renamed = opened.model_copy(
            update={"first": opened.first.model_copy(update={"name": "Kai"})}
        )
        assert settings_window.save_couple(renamed)
        assert not any("another closer window" in n.message for n in settings_window._notifications)
    reopened = Store.open(data_dir)
    assert reopened.load_keepsakes().recall("decks", "questions") == {"seen": ["q-light-001"]}
    saved = reopened.load_couple()
    assert saved is not None and saved.first.name == "Kai"

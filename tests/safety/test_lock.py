"""The lock: every way in, every way it must refuse, and what it must never leave in clear."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from safety_kit import (
    FIRST_PASSPHRASE,
    SECOND_PASSPHRASE,
    couple,
    draft,
    lock_every_store,
    record,
    snapshot,
    temp_files,
)

from closer_tui.core import lock as sealing
from closer_tui.core.models import Keepsakes
from closer_tui.core.quick import read_couple
from closer_tui.core.store import LockChanged, Locked, Store, StoreError

pytestmark = pytest.mark.usefixtures("quick_lock")


def _filled(root: Path, text: str = "I felt alone on Sunday") -> Store:
    store = Store.open(root)
    store.save_couple(couple())
    store.save_session(record(text, n=1))
    store.save_session(record("the walk by the river", n=2))
    store.save_draft(draft("0" * 32))
    store.remember("deck", "place", 4)
    return store


def _locked(root: Path) -> tuple[Store, str]:
    store = _filled(root)
    code = store.turn_lock_on(FIRST_PASSPHRASE, SECOND_PASSPHRASE)
    return store, code


def _texts(store: Store) -> list[str]:
    return sorted(s.entries[0].text for s in store.load_history().sessions)


def _every_file(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_locked_files_hold_no_word_and_say_so_at_a_glance(tmp_path: Path) -> None:
    _locked(tmp_path)
    files = _every_file(tmp_path)
    for name, data in files.items():
        for word in (b"alone on Sunday", b'"Ana"', b'"Sam"', b"by the river", b"evening"):
            assert word not in data, name
    sealed = [n for n in files if n not in ("lock.json", ".lock", ".turning")]
    assert sealed and all(files[n].startswith(sealing.MAGIC) for n in sealed)
    assert read_couple(tmp_path) is None  # the first frame does not look inside


def test_without_a_passphrase_nothing_reads_and_nothing_changes(tmp_path: Path) -> None:
    _locked(tmp_path)
    before = snapshot(tmp_path)
    store = Store.open(tmp_path)
    assert store.locked and not store.is_open
    for read in (store.load_couple, store.load_history, store.load_drafts, store.load_keepsakes):
        with pytest.raises(Locked):
            read()
    with pytest.raises(Locked):
        store.save_session(record("written while locked"))
    assert store.unlock("not the passphrase") is None
    assert store.unlock("") is None
    assert store.unlock("0000-0000-0000-0000-0000-0000") is None
    assert snapshot(tmp_path) == before
    assert not list((tmp_path / "quarantine").iterdir())


def test_each_slot_opens_and_the_recovery_code_reads_as_written(tmp_path: Path) -> None:
    _store, code = _locked(tmp_path)
    written_down = code.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    for secret, slot in (
        (FIRST_PASSPHRASE, "first"),
        (SECOND_PASSPHRASE, "second"),
        (code, "recovery"),
        (written_down, "recovery"),
    ):
        store = Store.open(tmp_path)
        assert store.unlock(secret) == slot
        assert _texts(store) == ["I felt alone on Sunday", "the walk by the river"]
        assert store.load_couple() is not None and store.load_drafts()


def test_a_passphrase_is_the_same_however_its_letters_were_composed(tmp_path: Path) -> None:
    store = _filled(tmp_path)
    store.turn_lock_on("caf\u00e9 au lait", SECOND_PASSPHRASE)
    assert Store.open(tmp_path).unlock("cafe\u0301 au lait") == "first"


def test_a_changed_passphrase_and_a_removed_one(tmp_path: Path) -> None:
    store, code = _locked(tmp_path)
    store.set_passphrase("first", "a brand new passphrase")
    assert Store.open(tmp_path).unlock(FIRST_PASSPHRASE) is None
    assert Store.open(tmp_path).unlock("a brand new passphrase") == "first"
    store.remove_passphrase("second")
    assert Store.open(tmp_path).unlock(SECOND_PASSPHRASE) is None
    assert Store.open(tmp_path).slots() == ("first", "recovery")
    with pytest.raises(StoreError, match="last passphrase"):
        store.remove_passphrase("first")
    assert Store.open(tmp_path).unlock(code) == "recovery"
    with pytest.raises(StoreError, match="at least"):
        store.set_passphrase("second", "short")
    fresh = store.new_recovery_code()
    assert Store.open(tmp_path).unlock(code) is None
    assert Store.open(tmp_path).unlock(fresh) == "recovery"


def test_raised_kdf_parameters_still_open_and_weak_slots_are_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _locked(tmp_path)
    stronger = sealing.KdfParameters(2, 16)
    monkeypatch.setattr(sealing, "PASSPHRASE_KDF", stronger)
    store = Store.open(tmp_path)
    assert store.unlock(SECOND_PASSPHRASE) == "second"
    saved = sealing.LockFile.from_bytes(store.lock_path.read_bytes())
    assert saved.slots["second"].params == stronger
    assert saved.slots["first"].params == sealing.KdfParameters(1, 8)  # raised when it opens
    assert Store.open(tmp_path).unlock(SECOND_PASSPHRASE) == "second"
    assert Store.open(tmp_path).unlock(FIRST_PASSPHRASE) == "first"


def test_a_file_from_another_locked_folder_is_set_aside_and_the_rest_loads(
    tmp_path: Path,
) -> None:
    _locked(tmp_path / "ours")
    theirs, _ = _locked(tmp_path / "theirs")
    stranger = record("someone else's evening", n=9)
    theirs.save_session(stranger)
    copied = tmp_path / "ours" / "sessions" / stranger.file_name
    shutil.copy2(tmp_path / "theirs" / "sessions" / stranger.file_name, copied)
    original = copied.read_bytes()
    store = Store.open(tmp_path / "ours")
    assert store.unlock(FIRST_PASSPHRASE) == "first"
    history = store.load_history()
    assert sorted(s.entries[0].text for s in history.sessions) == [
        "I felt alone on Sunday",
        "the walk by the river",
    ]
    [notice] = history.notices
    assert "could not be read" in notice.text and "Nothing was deleted" in notice.text
    [kept] = (tmp_path / "ours" / "quarantine").iterdir()
    assert kept.read_bytes() == original


@pytest.mark.parametrize("harm", ["flip a bit", "cut short", "swap two sessions", "plain"])
def test_a_harmed_sealed_file_is_set_aside_with_its_bytes(tmp_path: Path, harm: str) -> None:
    _locked(tmp_path)
    one, other = sorted((tmp_path / "sessions").iterdir())
    data = one.read_bytes()
    if harm == "flip a bit":
        harmed = data[:-5] + bytes([data[-5] ^ 1]) + data[-4:]
    elif harm == "cut short":
        harmed = data[: len(data) // 2]
    elif harm == "swap two sessions":
        harmed = other.read_bytes()
    else:
        harmed = json.dumps({"schema": 1, "planted": True}).encode()
    one.write_bytes(harmed)
    store = Store.open(tmp_path)
    assert store.unlock(SECOND_PASSPHRASE) == "second"
    history = store.load_history()
    assert len(history.sessions) == 1 and len(history.notices) == 1
    [kept] = (tmp_path / "quarantine").iterdir()
    assert kept.read_bytes() == harmed


def test_a_sealed_file_in_a_plain_folder_is_set_aside(tmp_path: Path) -> None:
    _locked(tmp_path / "theirs")
    ours = _filled(tmp_path / "ours")
    for path in (tmp_path / "theirs" / "sessions").iterdir():
        shutil.copy2(path, tmp_path / "ours" / "sessions" / ("x" + path.name))
    history = Store.open(ours.root).load_history()
    assert len(history.sessions) == 2 and len(history.notices) == 2


def test_a_broken_lock_file_opens_nothing_and_is_left_as_it_is(tmp_path: Path) -> None:
    _locked(tmp_path)
    (tmp_path / "lock.json").write_bytes(b'{"schema": 1, "slots": {}}')
    before = snapshot(tmp_path)
    store = Store.open(tmp_path)
    assert store.locked and store.lock_problem and "left exactly as it is" in store.lock_problem
    assert store.unlock(FIRST_PASSPHRASE) is None
    assert snapshot(tmp_path) == before


def test_turning_the_lock_off_gives_back_every_byte(tmp_path: Path) -> None:
    store = _filled(tmp_path)
    (tmp_path / "quarantine" / "old.json.20240101").write_bytes(b"\x00half a file")
    (tmp_path / "quarantine" / "old.json.20240101").chmod(0o600)  # as the store moves them
    before = snapshot(tmp_path)
    store.turn_lock_on(FIRST_PASSPHRASE, SECOND_PASSPHRASE)
    quarantined = (tmp_path / "quarantine" / "old.json.20240101").read_bytes()
    assert quarantined.startswith(sealing.MAGIC) and b"half a file" not in quarantined
    store = Store.open(tmp_path)
    store.unlock(SECOND_PASSPHRASE)
    store.turn_lock_off()
    after = snapshot(tmp_path)
    assert not store.locked and not (tmp_path / "lock.json").exists()
    assert {k: v for k, v in after.items() if k != ".turning"} == {
        k: v for k, v in before.items() if k != ".turning"
    }
    assert _texts(Store.open(tmp_path)) == ["I felt alone on Sunday", "the walk by the river"]


def test_a_plain_window_cannot_write_into_a_folder_locked_in_another(tmp_path: Path) -> None:
    plain_window = _filled(tmp_path)
    other_window = Store.open(tmp_path)
    other_window.turn_lock_on(FIRST_PASSPHRASE, SECOND_PASSPHRASE)
    with pytest.raises(LockChanged, match="another window"):
        plain_window.save_session(record("typed in the plain window", n=7))
    with pytest.raises(LockChanged):
        plain_window.turn_lock_on(FIRST_PASSPHRASE, SECOND_PASSPHRASE)
    for data in _every_file(tmp_path).values():
        assert b"plain window" not in data
    # And a window that had it open writes plain again only after reopening.
    other_window.turn_lock_off()
    opened_before = Store.open(tmp_path)
    assert opened_before.is_open and not opened_before.locked


def test_the_lock_can_be_turned_on_only_once_and_off_only_when_open(tmp_path: Path) -> None:
    store, _ = _locked(tmp_path)
    with pytest.raises(StoreError):
        store.turn_lock_on(FIRST_PASSPHRASE, SECOND_PASSPHRASE)
    closed = Store.open(tmp_path)
    with pytest.raises(Locked):
        closed.turn_lock_off()
    store.lock()
    with pytest.raises(Locked):
        store.load_history()
    with pytest.raises(StoreError, match="at least"):
        Store.open(tmp_path / "new").turn_lock_on("short", SECOND_PASSPHRASE)


def test_a_new_file_format_goes_through_the_same_seal(tmp_path: Path) -> None:
    store, _ = _locked(tmp_path)
    path = store.save_private("letters.json", Keepsakes(sections={"to Sam": {"x": "dear"}}), "x")
    assert b"dear" not in path.read_bytes()
    again = Store.open(tmp_path)
    again.unlock(FIRST_PASSPHRASE)
    loaded = again.load_private("letters.json", Keepsakes, "letters", 1)
    assert loaded is not None and loaded.recall("to Sam", "x") == "dear"
    with pytest.raises(StoreError):
        again.save_private("../couple.json", Keepsakes(), "x")


def test_a_temporary_file_is_sealed_before_it_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, _ = _locked(tmp_path)
    seen: list[bytes] = []
    real_replace = os.replace

    def look_then_replace(src: str, dst: str) -> None:
        seen.append(Path(src).read_bytes())
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", look_then_replace)
    store.save_session(record("whispered", n=5))
    store.save_draft(draft("1" * 32))
    assert seen and all(data.startswith(sealing.MAGIC) for data in seen)
    assert all(b"whispered" not in data for data in seen)
    assert temp_files(tmp_path) == []


def test_the_safety_kit_locks_every_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The [locked] half of the safety suite really runs locked."""
    lock_every_store(monkeypatch)
    store = Store.open(tmp_path)
    store.save_session(record("kept secret", n=1))
    [saved] = (tmp_path / "sessions").iterdir()
    assert store.locked and b"kept secret" not in saved.read_bytes()


def test_a_plain_window_reading_a_folder_locked_in_another_is_told_and_sets_nothing_aside(
    tmp_path: Path,
) -> None:
    plain_window = _filled(tmp_path)
    Store.open(tmp_path).turn_lock_on(FIRST_PASSPHRASE, SECOND_PASSPHRASE)
    history = plain_window.load_history()
    assert history.sessions == []
    [notice] = history.notices
    assert "another window" in notice.text
    assert not list((tmp_path / "quarantine").iterdir())

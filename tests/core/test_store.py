"""Plain unit tests of the store; the harder proofs live in tests/safety/."""

from __future__ import annotations

import contextlib
import fcntl
import gc
import json
import os
import threading
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from pydantic import ValidationError

from closer_tui.core import store as store_module
from closer_tui.core.files import MAX_FILE_BYTES, read_to_end
from closer_tui.core.models import Couple, Entry, Partner, SessionDraft, SessionRecord, new_id
from closer_tui.core.store import (
    TEMP_PREFIX,
    StaleCopy,
    Store,
    StoreError,
    write_atomic,
)

START = datetime(2025, 5, 1, 21, 0, tzinfo=UTC)


def _couple() -> Couple:
    return Couple(
        first=Partner(name="Ana", colour="green"), second=Partner(name="Sam", colour="pink")
    )


def _record(text: str = "", n: int = 0, record_id: str | None = None) -> SessionRecord:
    started = START + timedelta(hours=n)
    return SessionRecord(
        id=record_id or new_id(),
        kind="hug",
        title="Hug",
        entries=[Entry(who="both", prompt="How was it?", text=text)],
        started_at=started,
        ended_at=started + timedelta(seconds=20),
    )


def _draft(draft_id: str | None = None) -> SessionDraft:
    return SessionDraft(id=draft_id or new_id(), plan="evening", started_at=START, updated_at=START)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "closer")


# -- atomic writes ------------------------------------------------------------


def left_in(folder: Path) -> dict[str, bytes]:
    """Every file in ``folder`` and what it holds: a temporary file left behind shows here."""
    return {path.name: path.read_bytes() for path in folder.iterdir()}


def test_atomic_write_leaves_the_new_file(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    write_atomic(path, b"old")
    write_atomic(path, b"new")
    assert left_in(tmp_path) == {"a.json": b"new"}


def test_atomic_write_that_fails_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.json"
    write_atomic(path, b"old")

    def torn(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", torn)
    with pytest.raises(OSError):
        write_atomic(path, b"new")
    assert left_in(tmp_path) == {"a.json": b"old"}


def test_atomic_write_starts_again_if_clean_up_took_its_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The instant between mkstemp and flock: another closer's clean-up wins it."""
    real_flock = fcntl.flock
    raced = []

    def clean_up_first(fd: int, operation: int) -> None:
        if not raced:
            raced.append(True)
            [tmp] = tmp_path.glob(f"{TEMP_PREFIX}*")
            tmp.unlink()
        real_flock(fd, operation)

    monkeypatch.setattr(store_module.fcntl, "flock", clean_up_first)
    write_atomic(tmp_path / "a.json", b"saved")
    assert raced and (tmp_path / "a.json").read_bytes() == b"saved"


def test_open_removes_abandoned_temp_files_but_not_a_live_writers(store: Store) -> None:
    abandoned = store.sessions_dir / f"{TEMP_PREFIX}dead.json"
    abandoned.write_text("half")
    live = store.sessions_dir / f"{TEMP_PREFIX}live.json"
    live.write_text("writing")
    not_a_file = store.sessions_dir / f"{TEMP_PREFIX}folder"
    not_a_file.mkdir()
    with open(live, "rb") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        Store.open(store.root)
        assert live.exists() and not abandoned.exists() and not_a_file.is_dir()
    Store.open(store.root)
    assert not live.exists()


# -- quarantine ---------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"   \n",
        b'{"schema": 1, "kind": "hu',
        b"\x89PNG\r\n\x1a\n",
        b"[1, 2]",
        b'{"kind": "hug"}',
        b'{"schema": 1, "kind": 3}',
    ],
)
def test_unreadable_session_files_are_moved_to_quarantine(store: Store, content: bytes) -> None:
    good = _record("kept")
    store.save_session(good)
    bad = store.sessions_dir / "20250101T000000Z-bad.json"
    bad.write_bytes(content)
    history = store.load_history()
    assert [r.id for r in history.sessions] == [good.id]
    [moved] = store.quarantine_dir.iterdir()
    assert moved.read_bytes() == content and not bad.exists()
    [notice] = history.notices
    # In the couple's words, with the path for whoever wants to look.
    assert notice.text == (
        "One saved session could not be read, so History leaves it out. Nothing was "
        f"deleted: what was there is kept as it was, in {moved}."
    )


def test_each_file_set_aside_is_told_by_what_it_held(store: Store) -> None:
    store.couple_path.write_text("{torn")
    store.keepsakes_path.write_text("{torn")
    (store.drafts_dir / f"{new_id()}.json").write_text("{torn")
    assert store.load_couple() is None
    store.load_keepsakes()
    store.load_drafts()
    said = [notice.text.split(". ")[0] for notice in store.notices]
    assert said == [
        "Your names and settings could not be read, so closer asks for them again",
        "What closer remembered between evenings (where each deck was, your phone-free zones)"
        " could not be read, so it starts afresh",
        "An unfinished session could not be read, so it cannot be picked up",
    ]
    assert not any("JSON" in notice.text or "schema" in notice.text for notice in store.notices)


def test_oversized_and_non_plain_files_are_set_aside_without_hanging(store: Store) -> None:
    (store.sessions_dir / "big.json").write_bytes(b" " * (MAX_FILE_BYTES + 1))
    os.mkfifo(store.sessions_dir / "pipe.json")
    (store.sessions_dir / "folder.json").mkdir()
    history = store.load_history()
    assert len(history.notices) == 3
    assert sorted(p.name.split(".")[0] for p in store.quarantine_dir.iterdir()) == [
        "big",
        "folder",
        "pipe",
    ]


def test_quarantine_never_overwrites_an_earlier_copy(store: Store) -> None:
    for _ in range(3):
        store.couple_path.write_text("{ broken")
        assert store.load_couple() is None
    assert len(list(store.quarantine_dir.iterdir())) == 3


def test_a_newer_file_is_left_untouched(store: Store) -> None:
    newer = json.loads(_record().model_dump_json(by_alias=True))
    newer["schema"] = 2
    path = store.sessions_dir / "newer.json"
    path.write_text(json.dumps(newer))
    history = store.load_history()
    assert history.sessions == [] and path.exists()
    assert "saved by a newer closer" in history.notices[0].text
    assert list(store.quarantine_dir.iterdir()) == []


def test_infinite_durations_are_refused_so_every_saved_file_reads_back(store: Store) -> None:
    path = store.sessions_dir / "inf.json"
    raw = json.loads(_record().model_dump_json(by_alias=True))
    path.write_text(
        json.dumps(raw).replace('"planned_seconds": 0.0', '"planned_seconds": Infinity')
    )
    assert store.load_history().sessions == []


# -- the couple -----------------------------------------------------------------


def test_couple_round_trip_and_revisions(store: Store) -> None:
    assert store.load_couple() is None
    saved = store.save_couple(_couple())
    assert saved.revision == 1
    assert store.load_couple() == saved
    with pytest.raises(StaleCopy):
        store.save_couple(_couple())
    updated = store.update_couple(lambda c: c.model_copy(update={"first": c.second}))
    assert updated.revision == 2 and store.load_couple() == updated


def test_update_couple_without_settings_is_a_plain_error(store: Store) -> None:
    with pytest.raises(StoreError, match="no settings to change yet"):
        store.update_couple(lambda c: c)


def test_update_couple_with_broken_settings_sets_them_aside(store: Store) -> None:
    store.couple_path.write_text('{"schema": 1, "first": ')
    with pytest.raises(StoreError, match="no settings to change"):
        store.update_couple(lambda c: c)
    assert any("quarantine" in notice.text for notice in store.notices)
    [moved] = store.quarantine_dir.iterdir()
    assert moved.read_text() == '{"schema": 1, "first": '


def test_save_couple_over_broken_settings_keeps_their_bytes(store: Store) -> None:
    store.couple_path.write_text("not json")
    saved = store.save_couple(_couple())
    assert store.load_couple() == saved
    [moved] = store.quarantine_dir.iterdir()
    assert moved.read_text() == "not json"
    assert any("quarantine" in n.text for n in store.notices)


def test_newer_settings_are_never_overwritten(store: Store) -> None:
    raw = json.loads(_couple().model_dump_json(by_alias=True))
    raw["schema"] = 7
    store.couple_path.write_text(json.dumps(raw))
    before = store.couple_path.read_bytes()
    assert store.load_couple() is None
    with pytest.raises(StoreError, match="newer version"):
        store.save_couple(_couple())
    with pytest.raises(StoreError, match="newer version"):
        store.update_couple(lambda c: c)
    assert store.couple_path.read_bytes() == before


# -- sessions -------------------------------------------------------------------


def test_history_is_newest_first_and_shows_a_conflicted_copy_once(store: Store) -> None:
    older, newer = _record("older", n=0), _record("newer", n=1)
    store.save_session(older)
    path = store.save_session(newer)
    (store.sessions_dir / "conflicted copy.json").write_bytes(path.read_bytes())
    history = store.load_history()
    assert [r.id for r in history.sessions] == [newer.id, older.id]
    assert history.notices == []


def test_delete_session_removes_it_and_its_copies(store: Store) -> None:
    kept, gone = _record("kept", n=0), _record("gone", n=1)
    store.save_session(kept)
    path = store.save_session(gone)
    (store.sessions_dir / "copy.json").write_bytes(path.read_bytes())
    store.load_history()
    store.delete_session(gone)
    assert [r.id for r in store.load_history().sessions] == [kept.id]
    assert [p.name for p in store.sessions_dir.iterdir()] == [kept.file_name]


def test_a_date_out_of_range_is_a_plain_error(store: Store) -> None:
    far = datetime(9999, 12, 31, 23, 0, tzinfo=__import__("datetime").timezone(timedelta(hours=-5)))
    record = _record().model_copy(update={"started_at": far})
    with pytest.raises(StoreError, match="out of range"):
        store.save_session(record)


# -- drafts -----------------------------------------------------------------------


def test_drafts_save_load_and_discard(store: Store) -> None:
    first, second = _draft(), _draft()
    second = second.model_copy(update={"updated_at": START + timedelta(minutes=1)})
    store.save_draft(first)
    store.save_draft(second)
    (store.drafts_dir / f"{TEMP_PREFIX}live.json").write_text("a writer's half file")
    assert [d.id for d in store.load_drafts()] == [second.id, first.id]
    assert store.notices == []  # a temp file is not a broken draft
    store.discard_draft(first.id)
    assert [d.id for d in store.load_drafts()] == [second.id]


def test_discard_draft_refuses_a_path(store: Store) -> None:
    store.save_couple(_couple())
    with pytest.raises(StoreError):
        store.discard_draft("../couple")
    assert store.couple_path.exists()


def test_finish_draft_saves_the_session_before_dropping_the_draft(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    unfinished = _draft()
    store.save_draft(unfinished)
    finished = _record("done")
    seen_at_discard: list[bool] = []
    discard = store.discard_draft

    def watching(draft_id: str) -> None:
        seen_at_discard.append((store.sessions_dir / finished.file_name).exists())
        discard(draft_id)

    monkeypatch.setattr(store, "discard_draft", watching)
    store.finish_draft(unfinished.id, finished)
    assert seen_at_discard == [True]
    assert store.load_drafts() == []


def test_finish_draft_keeps_the_draft_when_the_save_fails(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    unfinished = _draft()
    store.save_draft(unfinished)

    def full(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(StoreError, match="disk is full"):
        store.finish_draft(unfinished.id, _record("done"))
    monkeypatch.undo()
    assert [d.id for d in store.load_drafts()] == [unfinished.id]


# -- reading fast without giving up safety ----------------------------------------


def _feed(data: bytes) -> int:
    """A pipe's read end with ``data`` behind it: it hands data over in pieces."""
    read_end, write_end = os.pipe()

    def write_all() -> None:
        with os.fdopen(write_end, "wb") as handle, contextlib.suppress(BrokenPipeError):
            handle.write(data)

    threading.Thread(target=write_all, daemon=True).start()
    return read_end


def test_a_file_read_in_pieces_or_grown_since_its_size_was_taken_is_read_whole() -> None:
    data = bytes(range(256)) * 1000  # several pipe-fulls
    fd = _feed(data)
    try:
        assert read_to_end(fd, 10) == data
    finally:
        os.close(fd)


def test_a_file_that_grew_past_the_limit_is_refused_without_reading_on() -> None:
    fd = _feed(b" " * (MAX_FILE_BYTES + 2))
    try:
        with pytest.raises(ValueError, match="far larger"):
            read_to_end(fd, 10)
    finally:
        os.close(fd)


def test_history_reads_files_whose_size_was_misreported(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A size taken a moment before the read is only a hint: the whole file is read."""
    saved = _record("a long evening " * 500)
    store.save_session(saved)
    real_fstat = os.fstat

    def small(fd: int) -> os.stat_result:
        info = real_fstat(fd)
        return os.stat_result((*info[:6], 7, *info[7:]))  # st_size is field 6

    monkeypatch.setattr(os, "fstat", small)
    history = store.load_history()
    assert history.sessions == [saved] and history.notices == []


def test_what_the_listing_shows_is_not_a_plain_file_is_never_opened(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = _record("kept")
    store.save_session(saved)
    os.mkfifo(store.sessions_dir / "pipe.json")
    (store.sessions_dir / "link.json").symlink_to(store.sessions_dir / saved.file_name)
    opened: list[str] = []
    real_open = os.open

    def watching(path: str | Path, flags: int, *args: int, **kwargs: int) -> int:
        opened.append(os.path.basename(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", watching)
    history = store.load_history()
    assert history.sessions == [saved]
    assert "pipe.json" not in opened and "link.json" not in opened
    assert len(history.notices) == 2
    assert sorted(p.name.split(".")[0] for p in store.quarantine_dir.iterdir()) == ["link", "pipe"]


@pytest.mark.parametrize("enabled", [True, False])
def test_loading_history_leaves_the_garbage_collector_as_it_found_it(
    store: Store, enabled: bool
) -> None:
    store.save_session(_record())
    (store.sessions_dir / "broken.json").write_text("{")
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        store.load_history()
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def test_a_deleted_session_stays_gone_after_a_reload(store: Store) -> None:
    gone = _record("gone")
    path = store.save_session(gone)
    (store.sessions_dir / "conflicted copy.json").write_bytes(path.read_bytes())
    [loaded] = store.load_history().sessions
    store.delete_session(loaded)
    assert store.load_history().sessions == []
    assert list(store.sessions_dir.iterdir()) == []


def test_loading_history_never_lets_go_of_objects_someone_froze(store: Store) -> None:
    store.save_session(_record())
    theirs = [["kept for the whole run"]]
    gc.freeze()
    try:
        store.load_history()
        # Frozen objects are in no generation the collector walks.
        assert not any(o is theirs for o in gc.get_objects())
    finally:
        gc.unfreeze()
    assert any(o is theirs for o in gc.get_objects())


def test_loaded_records_go_straight_to_the_oldest_generation(store: Store) -> None:
    """Kept records are not walked by the young collections on their way there."""
    store.save_session(_record())
    [record] = store.load_history().sessions
    youngest = {id(o) for o in gc.get_objects(generation=0)}
    assert id(record) not in youngest
    assert any(o is record for o in gc.get_objects(generation=2))


# -- dates within reach -------------------------------------------------------------


@pytest.mark.parametrize(
    "far",
    [
        datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=14))),
        datetime(1899, 12, 31, 23, 59, tzinfo=UTC),
        datetime(9000, 1, 1, 0, 1, tzinfo=UTC),
        datetime(9999, 12, 31, 23, 0, tzinfo=timezone(timedelta(hours=-5))),
    ],
)
def test_a_far_off_date_is_refused_when_made_saved_or_read(store: Store, far: datetime) -> None:
    with pytest.raises(ValidationError, match="between 1900 and 9000"):
        SessionRecord(kind="hug", title="Hug", started_at=far, ended_at=START)
    with pytest.raises(ValidationError, match="between 1900 and 9000"):
        SessionDraft(plan="evening", started_at=START, updated_at=far)
    unchecked = _record().model_copy(update={"ended_at": far})
    with pytest.raises(StoreError, match="out of range"):
        store.save_session(unchecked)
    assert list(store.sessions_dir.iterdir()) == []
    # A file from elsewhere with such a date is set aside, not shown.
    raw = json.loads(_record().model_dump_json(by_alias=True))
    raw["started_at"] = far.isoformat()
    (store.sessions_dir / "far.json").write_text(json.dumps(raw))
    history = store.load_history()
    assert history.sessions == [] and "could not be read" in history.notices[0].text


def test_dates_at_the_edges_of_reach_are_kept(store: Store) -> None:
    for moment in (datetime(1900, 1, 1, tzinfo=UTC), datetime(9000, 1, 1, tzinfo=UTC)):
        record = SessionRecord(kind="hug", title="Hug", started_at=moment, ended_at=moment)
        store.save_session(record)
    assert len(store.load_history().sessions) == 2

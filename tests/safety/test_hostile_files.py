"""Corrupt and hostile files: the rest loads, the bad is set aside, nothing is lost.

A property-based test damages session and settings files in every way we could
think of (truncated, bit-flipped, emptied, random bytes, deeply nested or huge
JSON, wrong types, links out of the folder, pipes, folders, newer schemas,
files that are not ours) and checks that opening and loading never raise, that
every good record loads, that every bad file sits in ``quarantine/`` with its
bytes intact and a notice, and that nothing outside the data folder is read
through or written.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from safety_kit import Snapshot, couple, record, snapshot

from closer_tui.core.files import MAX_FILE_BYTES
from closer_tui.core.store import Store

SESSIONS = 3
OUTSIDE_SESSION = record("from outside the data folder", n=99)


@dataclass(frozen=True)
class Damage:
    """One thing done to one file."""

    target: str  # "couple", "keepsakes", "session-<n>" or "new:<name>"
    how: str
    seed: int


WRONG_TYPES = {
    "session": [
        ("entries", "not a list"),
        ("started_at", 5),
        ("id", 123),
        ("ratings", [1, 2]),
        ("tally", "lots"),
        ("steps", {"a": 1}),
        ("planned_seconds", -1),
    ],
    "couple": [("revision", {"a": 1}), ("first", 3), ("second", None), ("keepsakes", [])],
    "keepsakes": [("sections", []), ("sections", "decks"), ("sections", None)],
}

HOWS = [
    "truncate",
    "bitflip",
    "empty",
    "whitespace",
    "random",
    "deep",
    "huge",
    "oversized",
    "wrong-type",
    "not-an-object",
    "no-schema",
    "link-out",
    "dangling-link",
    "pipe",
    "folder",
    "newer",
]
OURS_BY_NAME = ["20990101T000000Z-0123456789abcdef0123456789abcdef.json", "conflicted copy.json"]
NOT_OURS = ["notes.txt", ".hidden.json", "desktop.ini", "backup.json.bak", "README"]

damages = st.builds(
    Damage,
    target=st.sampled_from(
        ["couple", "keepsakes"]
        + [f"session-{n}" for n in range(SESSIONS)]
        + [f"new:{name}" for name in OURS_BY_NAME + NOT_OURS]
    ),
    how=st.sampled_from(HOWS),
    seed=st.integers(0, 2**32 - 1),
)


def _damaged_bytes(original: bytes, damage: Damage, kind: str) -> bytes:
    import random

    rng = random.Random(damage.seed)
    if damage.how == "truncate":
        return original[: rng.randrange(1, max(2, len(original)))]
    if damage.how == "bitflip":
        flipped = bytearray(original or b"{}")
        spot = rng.randrange(len(flipped))
        flipped[spot] ^= 1 << rng.randrange(8)
        return bytes(flipped)
    if damage.how == "empty":
        return b""
    if damage.how == "whitespace":
        return b" \n\t " * rng.randrange(1, 5)
    if damage.how == "random":
        return rng.randbytes(rng.randrange(1, 2000))
    if damage.how == "deep":
        depth = rng.choice([300, 5_000, 200_000])
        return b'{"schema": 1, "data": ' + b"[" * depth + b"]" * depth + b"}"
    if damage.how == "huge":
        return json.dumps(list(range(150_000))).encode()
    if damage.how == "oversized":
        return b'{"schema": 1, "pad": "' + b"x" * MAX_FILE_BYTES + b'"}'
    if damage.how == "wrong-type":
        raw = json.loads(original) if original else {"schema": 1}
        key, value = rng.choice(WRONG_TYPES[kind])
        raw[key] = value
        return json.dumps(raw).encode()
    if damage.how == "not-an-object":
        return rng.choice([b"[]", b"null", b"42", b'"schema"', b'[{"schema": 1}]'])
    if damage.how == "no-schema":
        raw = json.loads(original) if original else {}
        raw.pop("schema", None)
        raw["schema"] = rng.choice(["1", None, 1.5, True, -3, 0])
        return json.dumps(raw).encode()
    if damage.how == "newer":
        raw = json.loads(original) if original else {}
        raw["schema"] = rng.choice([2, 17, 10**30])
        raw["from the future"] = {"nested": [1, 2, 3]}
        return json.dumps(raw).encode()
    raise AssertionError(damage.how)


def _apply(
    data: Path, outside: Path, damage: Damage, originals: dict[str, Path], template: bytes
) -> Path:
    if damage.target.startswith("new:"):
        path = data / "sessions" / damage.target.removeprefix("new:")
        original = template
        kind = "session"
    else:
        path = originals[damage.target]
        original = path.read_bytes() if path.is_file() and not path.is_symlink() else b""
        kind = damage.target if damage.target in ("couple", "keepsakes") else "session"
    if os.path.lexists(path):
        if path.is_dir() and not path.is_symlink():
            os.rmdir(path)
        else:
            path.unlink()
    if damage.how == "link-out":
        path.symlink_to(outside / ("session.json" if kind == "session" else "couple.json"))
    elif damage.how == "dangling-link":
        path.symlink_to(outside / "nothing-here.json")
    elif damage.how == "pipe":
        os.mkfifo(path)
    elif damage.how == "folder":
        path.mkdir()
        (path / "inside.json").write_bytes(original)
    else:
        path.write_bytes(_damaged_bytes(original, damage, kind))
    return path


def _contents(entries: Snapshot) -> list[tuple[str, bytes | str]]:
    """What is kept, wherever it is: file bytes and link targets, folders aside."""
    return sorted(
        (kind, body)
        for name, (kind, body, _) in entries.items()
        if kind in ("file", "link") and Path(name).name != ".lock"
    )


@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(damages, min_size=1, max_size=4, unique_by=lambda d: d.target))
def test_damaged_files_are_set_aside_and_the_rest_loads(found: list[Damage]) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        data, outside = Path(scratch) / "data", Path(scratch) / "outside"
        outside.mkdir()
        (outside / "session.json").write_bytes(
            OUTSIDE_SESSION.model_dump_json(by_alias=True).encode()
        )
        (outside / "couple.json").write_bytes(couple().model_dump_json(by_alias=True).encode())
        store = Store.open(data)
        store.save_couple(couple())
        good = [record(f"session {n}", n=n) for n in range(SESSIONS)]
        store.remember("decks", "questions", {"seen": ["q-1"]})
        originals = {"couple": store.couple_path, "keepsakes": store.keepsakes_path}
        for n, session in enumerate(good):
            originals[f"session-{n}"] = store.save_session(session)
        (data / "notes.txt").write_text("ours to ignore")

        template = originals["session-0"].read_bytes()
        damaged = {d: _apply(data, outside, d, originals, template) for d in found}
        outside_before = _stat_all(outside)
        before = snapshot(data)

        reopened = Store.open(data)
        the_couple = reopened.load_couple()
        kept = reopened.load_keepsakes()
        history = reopened.load_history()
        reopened.load_drafts()
        notices = reopened.notices + history.notices
        after = snapshot(data)

        # Nothing kept was lost, and nothing outside was touched.
        assert _contents(before) == _contents(after)
        assert _stat_all(outside) == outside_before
        loaded = {r.id for r in history.sessions}
        assert OUTSIDE_SESSION.id not in loaded

        hit = {originals[d.target] for d in found if not d.target.startswith("new:")}
        for n, session in enumerate(good):
            if originals[f"session-{n}"] not in hit:
                assert session.id in loaded
        for damage, path in damaged.items():
            _check_one(data, damage, path, before, after, notices)
        if originals["couple"] not in hit:
            assert the_couple is not None
        if originals["keepsakes"] not in hit:
            assert kept.recall("decks", "questions") == {"seen": ["q-1"]}

        # Saving afterwards writes inside the data folder only.
        reopened.save_session(record("after", n=50))
        if the_couple is None and not any(d.how == "newer" for d in found if d.target == "couple"):
            reopened.save_couple(couple())
        assert _stat_all(outside) == outside_before


def _check_one(
    data: Path, damage: Damage, path: Path, before: Snapshot, after: Snapshot, notices: list
) -> None:
    name = str(path.relative_to(data))
    kept = before[name]
    if path.name in NOT_OURS:
        assert after[name] == kept, f"{name} is not ours and must be left alone"
        assert not any(path.name in n.text for n in notices)
        return
    if damage.how == "newer":
        assert after[name][:2] == kept[:2], "a newer file is left exactly where it is"
        assert after[name][2] == 0o600, "though it is made private like every file"
        assert any(path.name in n.text and "newer" in n.text for n in notices)
        return
    if name in after and after[name][0] == "file":
        return  # the damage left it readable (a flipped bit in a space, say)
    set_aside = [
        entry
        for moved, entry in after.items()
        if moved.startswith(f"quarantine/{path.name}.") and moved.count("/") == 1
    ]
    assert name not in after, f"{name} should have been set aside"
    assert len(set_aside) == 1
    assert set_aside[0][:2] == kept[:2], "quarantine keeps the bytes (or the link) as they were"
    assert any(path.name in n.text and "quarantine" in n.text for n in notices)


def _stat_all(folder: Path) -> dict[str, tuple[bytes, int, int]]:
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mode, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
        if p.is_file()
    }


def _outside_with_a_session(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / OUTSIDE_SESSION.file_name).write_bytes(
        OUTSIDE_SESSION.model_dump_json(by_alias=True).encode()
    )
    return outside


def _linked_elsewhere(tmp_path: Path, folder: str) -> tuple[Path, Path]:
    """A data folder whose ``folder`` is a link to a folder outside it holding a session."""
    outside = _outside_with_a_session(tmp_path)
    data = tmp_path / "data"
    Store.open(data)
    os.rmdir(data / folder)
    (data / folder).symlink_to(outside, target_is_directory=True)
    return data, outside


def test_a_linked_sessions_folder_is_set_aside_not_followed(tmp_path: Path) -> None:
    data, outside = _linked_elsewhere(tmp_path, "sessions")
    before = _stat_all(outside)

    store = Store.open(data)
    assert store.load_history().sessions == []
    store.save_session(record("inside"))
    assert _stat_all(outside) == before
    assert (data / "sessions").is_dir() and not (data / "sessions").is_symlink()
    [moved] = (data / "quarantine").iterdir()
    assert moved.is_symlink() and Path(os.readlink(moved)) == outside
    assert any("sessions" in n.text and "quarantine" in n.text for n in store.notices)


def test_a_linked_or_flat_quarantine_is_renamed_beside_itself(tmp_path: Path) -> None:
    data, outside = _linked_elsewhere(tmp_path, "quarantine")
    (data / "in-progress").rmdir()
    (data / "in-progress").write_text("a file where a folder belongs")
    before = _stat_all(outside)

    store = Store.open(data)
    (data / "sessions" / "broken.json").write_text("{")
    history = store.load_history()
    assert _stat_all(outside) == before
    assert (data / "quarantine").is_dir() and not (data / "quarantine").is_symlink()
    assert {p.name.split(".")[0] for p in (data / "quarantine").iterdir()} == {
        "in-progress",
        "broken",
    }
    [renamed] = data.glob("quarantine.*.set-aside")
    assert renamed.is_symlink()
    assert history.notices and store.notices


def test_a_linked_data_folder_is_followed_because_the_couple_chose_it(tmp_path: Path) -> None:
    real = tmp_path / "synced" / "closer"
    real.mkdir(parents=True)
    link = tmp_path / "closer"
    link.symlink_to(real, target_is_directory=True)
    store = Store.open(link)
    store.save_session(record("synced"))
    assert len(list((real / "sessions").iterdir())) == 1


def test_a_data_folder_that_is_a_file_is_a_plain_error(tmp_path: Path) -> None:
    from closer_tui.core.store import DataFolderError, StoreError

    (tmp_path / "closer").write_text("not a folder")
    try:
        Store.open(tmp_path / "closer")
    except DataFolderError as error:
        assert isinstance(error, StoreError) and isinstance(error, OSError)
        assert str(error) == error.strerror
        assert "is a file, not a folder" in str(error) and "Errno" not in str(error)
    else:
        raise AssertionError("Store.open accepted a file as its folder")


def test_a_linked_lock_or_settings_file_is_never_written_through(tmp_path: Path) -> None:
    from closer_tui.core.store import StoreError

    outside = _outside_with_a_session(tmp_path)
    (outside / "couple.json").write_bytes(couple().model_dump_json(by_alias=True).encode())
    data = tmp_path / "data"
    store = Store.open(data)
    store.couple_path.symlink_to(outside / "couple.json")
    (data / ".lock").symlink_to(outside / "lock")
    before = _stat_all(outside)
    try:
        store.save_couple(couple())
    except StoreError as error:
        assert "Errno" not in str(error)
    else:
        raise AssertionError("a linked lock file was followed")
    (data / ".lock").unlink()
    assert store.load_couple() is None  # the linked settings were set aside
    store.save_couple(couple())
    assert not store.couple_path.is_symlink()
    assert _stat_all(outside) == before
    assert not (outside / "lock").exists()

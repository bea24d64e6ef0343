"""Small builders shared by the safety tests: couples, sessions, folder snapshots."""

from __future__ import annotations

import os
import random
import signal
import stat
import time
import traceback
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from closer_tui.core.models import Couple, Entry, Partner, SessionDraft, SessionRecord, new_id
from closer_tui.core.store import Store

START = datetime(2025, 1, 1, 20, 0, tzinfo=UTC)


def couple(**changes: object) -> Couple:
    """A couple as the first-run screen would make it."""
    made = Couple(
        first=Partner(name="Ana", colour="orange"),
        second=Partner(name="Sam", colour="sky"),
    )
    return made.model_copy(update=changes)


def record(text: str = "", *, n: int = 0, record_id: str | None = None) -> SessionRecord:
    """A finished session; ``n`` spaces start times a minute apart."""
    started = START + timedelta(minutes=n)
    return SessionRecord(
        id=record_id or new_id(),
        kind="question",
        title="One question",
        planned_seconds=600,
        actual_seconds=590.5,
        entries=[Entry(who="first", prompt="What made you smile today?", text=text)],
        started_at=started,
        ended_at=started + timedelta(minutes=10),
    )


def draft(draft_id: str | None = None) -> SessionDraft:
    """A guided session half way through."""
    return SessionDraft(
        id=draft_id or new_id(),
        plan="evening",
        started_at=START,
        updated_at=START + timedelta(minutes=5),
        step_index=1,
    )


Snapshot = dict[str, tuple[str, bytes | str, int]]


def snapshot(root: Path) -> Snapshot:
    """Every entry under ``root`` (links not followed): kind, contents or target, mode."""
    seen: Snapshot = {}
    for folder, dirs, files in os.walk(root, followlinks=False):
        for name in dirs + files:
            path = Path(folder) / name
            info = path.lstat()
            relative = str(path.relative_to(root))
            mode = stat.S_IMODE(info.st_mode)
            if stat.S_ISLNK(info.st_mode):
                seen[relative] = ("link", os.readlink(path), mode)
            elif stat.S_ISREG(info.st_mode):
                seen[relative] = ("file", path.read_bytes(), mode)
            elif stat.S_ISDIR(info.st_mode):
                seen[relative] = ("dir", b"", mode)
            else:
                seen[relative] = ("other", b"", mode)
    return seen


def temp_files(root: Path) -> list[Path]:
    """closer's temporary files anywhere under ``root``."""
    return [p for p in root.rglob(".closer-tmp-*")]


def in_child(work: Callable[[int], None]) -> tuple[int, int]:
    """Fork; the child runs ``work(said)``, writing what it has to say to the ``said`` pipe.

    Returns (pid, the read end of that pipe) for :func:`finish`. A child that fails prints its
    traceback, which pytest shows with the parent's failure."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns
        code = 1
        try:
            os.close(read_end)
            work(write_end)
            code = 0
        except BaseException:
            traceback.print_exc()
        finally:
            os._exit(code)
    os.close(write_end)
    return pid, read_end


def finish(pid: int, read_end: int) -> str:
    """Everything a child from :func:`in_child` said, once it has ended; it must have passed."""
    chunks = []
    while chunk := os.read(read_end, 65536):
        chunks.append(chunk)
    os.close(read_end)
    said = b"".join(chunks).decode()
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, f"a child closer failed, having said {said!r}"
    return said


def killed_at_random(work: Callable[[int], None], rng: random.Random) -> list[str]:
    """Fork a child that runs ``work(said)`` until it is killed; kill -9 it at a random moment
    within 25 ms (chosen, not waited for) and return the whole lines it said: a line cut short
    was never fully acknowledged."""
    pid, read_end = in_child(work)
    time.sleep(rng.uniform(0, 0.025))
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    chunks = []
    while chunk := os.read(read_end, 65536):
        chunks.append(chunk)
    os.close(read_end)
    return b"".join(chunks).decode().split("\n")[:-1]


FIRST_PASSPHRASE = "left of the keyboard"
SECOND_PASSPHRASE = "right of the keyboard"
QUICK_KDF_COST = (1, 8)
"""Argon2id at its cheapest (one pass, 8 KiB) for tests that open hundreds of stores."""


def lock_every_store(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on every ``Store.open`` returns a locked store, opened with the first passphrase.

    A fresh folder (or a plain one) is locked as it is opened, so a test
    written for the plain store runs unchanged on a locked one: every file it
    makes is sealed, every file it reads is opened. Forked children inherit it.
    """
    from closer_tui.core import lock as sealing

    quick = sealing.KdfParameters(*QUICK_KDF_COST)
    monkeypatch.setattr(sealing, "PASSPHRASE_KDF", quick)
    monkeypatch.setattr(sealing, "RECOVERY_KDF", quick)
    plain_open = Store.open.__func__  # type: ignore[attr-defined]

    def open_locked(cls: type[Store], root: Path) -> Store:
        store: Store = plain_open(cls, root)
        if not store.locked:
            store.turn_lock_on(FIRST_PASSPHRASE, SECOND_PASSPHRASE)
        elif not store.is_open:
            assert store.unlock(FIRST_PASSPHRASE) == "first"
        return store

    monkeypatch.setattr(Store, "open", classmethod(open_locked))


def plant(store: Store, path: Path, data: bytes, schema: int) -> None:
    """Put ``data`` at ``path`` as an older closer would have: sealed if the folder is locked."""
    if store.locked:
        assert store._key is not None
        data = store._key.seal(data, store._bound(path), schema)
    path.write_bytes(data)

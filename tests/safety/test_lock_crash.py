"""kill -9 at random moments while the lock is turned on or off: nothing is lost.

A forked child turns the lock on and off, over and over, on a small folder;
the parent kills it with SIGKILL after a random short delay (so kills land
before, inside and after single file writes, and between files), then checks
with a fresh store, opened with a passphrase when the folder is locked, that
every session and the draft read back, the folder is all sealed or all plain
(never half of each once opened), and no temporary file is left.
"""

from __future__ import annotations

import os
import random
import signal
import sys
import time
from pathlib import Path

import pytest
from safety_kit import FIRST_PASSPHRASE, SECOND_PASSPHRASE, couple, draft, record, temp_files

from closer_tui.core import lock as sealing
from closer_tui.core import store as store_module
from closer_tui.core.store import Store

KILLS = 120
SESSIONS = 6

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs fork and SIGKILL")


def _turn_forever(root: Path) -> None:
    while True:
        store = Store.open(root)
        if store.locked:
            assert store.unlock(FIRST_PASSPHRASE) is not None
            store.turn_lock_off()
        else:
            store.turn_lock_on(FIRST_PASSPHRASE, SECOND_PASSPHRASE)


def _kill_during_turns(root: Path, rng: random.Random) -> None:
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns
        try:
            _turn_forever(root)
        finally:
            os._exit(0)
    time.sleep(rng.uniform(0, 0.03))
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)


@pytest.mark.usefixtures("quick_lock")
def test_kill_nine_while_turning_the_lock_loses_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # SIGKILL ends the process, not the kernel: what was written stays in its
    # cache whether or not it reached the disk. Skipping fsync makes a turn
    # take milliseconds, so a short random delay lands anywhere in one.
    monkeypatch.setattr(store_module, "sync", lambda fd: None)
    rng = random.Random(20261201)
    root = tmp_path / "data"
    store = Store.open(root)
    store.save_couple(couple())
    texts = {f"evening {n}: {'ü' * rng.randrange(0, 20_000)}" for n in range(SESSIONS)}
    for n, text in enumerate(sorted(texts)):
        store.save_session(record(text, n=n))
    store.save_draft(draft("0" * 32))
    seen_locked = seen_plain = cut_short = 0
    for kill in range(KILLS):
        _kill_during_turns(root, rng)
        store = Store.open(root)
        if store.locked:
            seen_locked += 1
            cut_short += store.lock_pending is not None
            assert store.unlock(SECOND_PASSPHRASE) == "second", f"after kill {kill}"
        assert temp_files(root) == [], f"temporary file left after kill {kill}"
        history = store.load_history()
        assert {s.entries[0].text for s in history.sessions} == texts, f"after kill {kill}"
        assert history.notices == [] and [d.id for d in store.load_drafts()] == ["0" * 32]
        assert store.load_couple() is not None
        assert list((root / "quarantine").iterdir()) == []
        sealed = {
            sealing.is_sealed(p.read_bytes())
            for p in root.rglob("*.json")
            if p.is_file() and p.name != "lock.json"
        }
        assert sealed == {store.locked}, f"half locked after kill {kill}"
        seen_plain += not store.locked
    assert seen_locked > 10 and seen_plain > 10, "the kills never landed on both sides"
    assert cut_short > 10, "the kills never landed half way through a turn"

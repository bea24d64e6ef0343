"""closer runs where POSIX's extras are missing (Windows), and syncs to the disk itself.

Windows has no ``O_NOFOLLOW``, ``O_NONBLOCK``, ``O_NOCTTY`` or ``O_DIRECTORY``,
no ``fcntl`` module, and (before Python 3.13) no ``os.fchmod`` or ``os.getuid``.
A fresh interpreter with all of those taken away runs the store, the quick
start and ``closer today`` from end to end; they must neither fail nor set
anything aside that they should not.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from closer_tui.core import files
from closer_tui.core.store import write_atomic

WITHOUT_POSIX = """
import os, sys
for name in ("O_NOFOLLOW", "O_NONBLOCK", "O_NOCTTY", "O_DIRECTORY", "fchmod", "getuid"):
    if hasattr(os, name):
        delattr(os, name)
sys.modules["fcntl"] = None  # import fcntl now raises ImportError, as on Windows

from datetime import UTC, datetime, timedelta
from pathlib import Path

from closer_tui import cli
from closer_tui.core import store as store_module
from closer_tui.core.models import Couple, Partner, SessionRecord
from closer_tui.core.quick import read_couple
from closer_tui.core.store import Store

assert store_module.fcntl is None
root = Path(sys.argv[1])
store = Store.open(root)
store.save_couple(Couple(first=Partner(name="Ana", colour="orange"),
                         second=Partner(name="Sam", colour="sky")))
store.remember("decks", "questions", {"seen": ["q-1"]})
now = datetime.now(UTC)
store.save_session(SessionRecord(kind="hug", title="Hug", actual_seconds=20,
                                 started_at=now - timedelta(hours=1), ended_at=now))
(root / "sessions" / "broken.json").write_text("{torn")

again = Store.open(root)
assert again.load_couple() is not None
assert again.load_keepsakes().recall("decks", "questions") == {"seen": ["q-1"]}
history = again.load_history()
assert len(history.sessions) == 1, history
assert [n.text for n in history.notices if "broken.json" in n.text], history.notices
assert read_couple(root) is not None
assert cli.run_today(root) == 0
print("all well")
"""


def test_the_store_runs_without_posix_only_flags_and_modules(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run(
        [sys.executable, "-c", WITHOUT_POSIX, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "all well"
    assert done.stdout.startswith("Tonight")


class FullSync:
    """``fcntl`` as on macOS: ``F_FULLFSYNC`` exists, and may be refused."""

    F_FULLFSYNC = 51

    def __init__(self, refuse: bool = False) -> None:
        self.refuse = refuse
        self.calls: list[int] = []

    def fcntl(self, fd: int, command: int) -> int:
        assert command == self.F_FULLFSYNC
        self.calls.append(fd)
        if self.refuse:
            raise OSError(45, "Operation not supported")
        return 0


@pytest.mark.parametrize("refuse", [False, True])
def test_writes_reach_the_disk_itself_where_the_system_can_ask_for_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, refuse: bool
) -> None:
    """Like SQLite: F_FULLFSYNC where it exists, fsync where it is refused."""
    mac = FullSync(refuse)
    fsyncs: list[int] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        fsyncs.append(fd)
        real_fsync(fd)

    monkeypatch.setattr(files, "fcntl", mac)
    monkeypatch.setattr(os, "fsync", fsync)
    write_atomic(tmp_path / "couple.json", b"{}")
    assert (tmp_path / "couple.json").read_bytes() == b"{}"
    assert len(mac.calls) == 2  # the file, then the folder holding its new name
    assert len(fsyncs) == (2 if refuse else 0)


def test_without_full_sync_a_plain_fsync_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fsyncs: list[Any] = []
    monkeypatch.setattr(files, "fcntl", None)
    monkeypatch.setattr(os, "fsync", fsyncs.append)
    write_atomic(tmp_path / "couple.json", b"{}")
    assert len(fsyncs) == 2

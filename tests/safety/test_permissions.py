"""Private by default: folders 0700 and files 0600 whatever the umask."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from safety_kit import couple, draft, record

from closer_tui.core.store import Store


@pytest.fixture
def open_umask() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def _modes(root: Path) -> dict[str, int]:
    modes = {".": stat.S_IMODE(root.lstat().st_mode)}
    for path in root.rglob("*"):
        modes[str(path.relative_to(root))] = stat.S_IMODE(path.lstat().st_mode)
    return modes


def test_everything_is_private_even_under_umask_zero(tmp_path: Path, open_umask: None) -> None:
    root = tmp_path / "missing" / "parents" / "closer"
    store = Store.open(root)
    store.save_couple(couple())
    store.update_couple(lambda c: c)
    store.remember("digital", "zones", ["The bedroom"])
    store.save_session(record("private"))
    store.save_draft(draft())
    store.finish_draft(draft().id, record("also private", n=2))
    (root / "sessions" / "broken.json").write_text("{")
    store.load_history()  # quarantines broken.json

    modes = _modes(root)
    assert {name: mode for name, mode in modes.items() if (root / name).is_dir()} == {
        name: 0o700 for name in (".", "sessions", "in-progress", "quarantine")
    }
    files = {name: mode for name, mode in modes.items() if not (root / name).is_dir()}
    assert len(files) >= 6 and "keepsakes.json" in files
    assert set(files.values()) - {0o600} <= {0o666}  # only broken.json, written by the test
    # Parents closer had to make are private too, not world-writable.
    assert stat.S_IMODE((tmp_path / "missing").stat().st_mode) == 0o700


def test_loose_folders_are_tightened_with_a_notice(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "closer")
    os.chmod(store.root, 0o755)
    os.chmod(store.sessions_dir, 0o777)
    os.chmod(store.drafts_dir, 0o000)
    reopened = Store.open(store.root)
    assert stat.S_IMODE(store.root.stat().st_mode) == 0o700
    assert stat.S_IMODE(store.sessions_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE(store.drafts_dir.stat().st_mode) == 0o700
    private = [n.text for n in reopened.notices if "now private" in n.text]
    assert len(private) == 2  # 0o000 was not readable by others: no notice for it
    assert Store.open(store.root).notices == []


def test_a_file_copied_in_with_loose_permissions_is_made_private(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    path = store.save_session(record("copied from a backup"))
    os.chmod(path, 0o644)
    assert len(store.load_history().sessions) == 1
    assert stat.S_IMODE(path.stat().st_mode) == 0o600

"""What the couple reads when something goes wrong: plain words, never ``None`` or ``[Errno``.

Also: the shell greeting (``closer today``) never waits on a pipe named like a
session, and a copy saved from the "could not be saved" screen keeps every
character the couple wrote.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest
from safety_kit import couple, record

from closer_tui import cli
from closer_tui.core.store import DataFolderError, Store
from closer_tui.screens.save_failed import write_copy


def _plain(message: str) -> None:
    assert "None" not in message and "Errno" not in message and "strerror" not in message


def test_a_data_folder_that_is_a_file_is_told_once_in_plain_words(tmp_path: Path) -> None:
    folder = tmp_path / "closer"
    folder.write_text("not a folder")
    with pytest.raises(DataFolderError) as caught:
        Store.open(folder)
    message = cli.cannot_use_folder(folder, caught.value)
    assert message == (
        f"closer keeps your data in a folder, but {folder} is a file, not a folder. "
        "Move that file away, or choose another folder with --data-dir."
    )
    _plain(message)


def test_a_bare_system_error_is_put_in_plain_words(tmp_path: Path) -> None:
    message = cli.cannot_use_folder(tmp_path, OSError(errno.EIO, "Input/output error"))
    assert message == f"closer cannot use its data folder {tmp_path}: the disk reported an error."
    # An error without words of its own still reads as a sentence.
    _plain(cli.cannot_use_folder(tmp_path, OSError("no errno, no strerror")))


def test_the_app_command_prints_the_plain_sentence(tmp_path: Path) -> None:
    folder = tmp_path / "closer"
    folder.write_text("not a folder")
    done = subprocess.run(
        [sys.executable, "-m", "closer_tui", "--data-dir", str(folder)],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1
    assert f"{folder} is a file, not a folder." in done.stderr


def test_today_never_waits_on_a_pipe_named_like_a_session(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "closer")
    store.save_couple(couple())
    os.mkfifo(store.sessions_dir / "29991231T000000Z-pipe.json")
    (store.sessions_dir / "29991231T000001Z-link.json").symlink_to("/dev/zero")
    # A subprocess, so that a regression fails this test instead of hanging the run.
    done = subprocess.run(
        [sys.executable, "-m", "closer_tui", "--data-dir", str(store.root), "today"],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0 and done.stdout.startswith("Tonight: ")
    # Today only looks: the app sets such files aside, not the greeting.
    assert (store.sessions_dir / "29991231T000000Z-pipe.json").exists()


def test_a_copy_keeps_text_utf8_cannot_hold_and_reads_back(tmp_path: Path) -> None:
    kept = record("a lone \ud800 surrogate and a NUL \x00")
    store = Store.open(tmp_path / "closer")
    # As the screen promises: a copy put in sessions/ is read back by closer.
    target = store.sessions_dir / "copy.json"
    assert write_copy(kept, target) is None
    assert target.stat().st_mode & 0o077 == 0
    assert store.load_history().sessions == [kept]


def test_a_copy_that_cannot_be_written_says_why_plainly(tmp_path: Path) -> None:
    reason = write_copy(record("kept"), tmp_path / "missing" / "copy.json")
    assert reason == "the folder is missing"

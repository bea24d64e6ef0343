"""A full or read-only disk: old data intact, a plain StoreError, no temp file left.

Running as root (as in many containers) ignores file permissions, so a
``chmod`` alone cannot make a folder read-only. The failures are simulated by
making ``os.fsync``, ``os.replace`` or ``tempfile.mkstemp`` raise the error the
kernel would raise; a real read-only folder is then tried in a forked child
that drops root first (or directly when not root).
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import AppFactory
from safety_kit import couple, draft, finish, in_child, record, snapshot, temp_files

from closer_tui.app import CloserApp
from closer_tui.core import store as store_module
from closer_tui.core.store import Store, StoreError


def _refuse(code: int) -> Callable[..., None]:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    return refuse


def _plain(message: str) -> None:
    assert "Errno" not in message and "Traceback" not in message
    assert message[0].isupper() and message.endswith(".")


WRITES: dict[str, Callable[[Store], object]] = {
    "session": lambda s: s.save_session(record("new", n=5)),
    "settings": lambda s: s.update_couple(lambda c: c.model_copy(update={"revision": 0})),
    "keepsakes": lambda s: s.remember("decks", "questions", {"seen": ["q-1"]}),
    "first run": lambda s: s.save_couple(s.load_couple() or couple()),
    "draft": lambda s: s.save_draft(draft("0" * 32)),
    "finish": lambda s: s.finish_draft("0" * 32, record("done", n=6)),
}

FAILURES = [
    ("fsync", errno.ENOSPC, "the disk is full"),
    ("fsync", errno.EIO, "the disk reported an error"),
    ("replace", errno.EROFS, "the disk is read-only"),
    ("mkstemp", errno.EROFS, "the disk is read-only"),
    ("mkstemp", errno.EDQUOT, "the disk quota is full"),
]


@pytest.fixture
def filled(tmp_path: Path) -> Store:
    store = Store.open(tmp_path)
    store.save_couple(couple())
    store.save_session(record("kept", n=1))
    store.save_draft(draft("0" * 32))
    return store


@pytest.mark.parametrize("what", list(WRITES))
@pytest.mark.parametrize(("where", "code", "reason"), FAILURES)
def test_a_failed_write_keeps_everything_and_says_why(
    filled: Store,
    monkeypatch: pytest.MonkeyPatch,
    what: str,
    where: str,
    code: int,
    reason: str,
) -> None:
    before = snapshot(filled.root)
    target = {"fsync": os, "replace": os, "mkstemp": store_module.tempfile}[where]
    monkeypatch.setattr(target, where, _refuse(code))
    with pytest.raises(StoreError) as raised:
        WRITES[what](filled)
    monkeypatch.undo()
    message = str(raised.value)
    _plain(message)
    assert reason in message
    assert temp_files(filled.root) == []
    after = snapshot(filled.root)
    after.pop(".lock", None)
    before.pop(".lock", None)
    assert after == before
    # And once the disk has room again, the same write goes through.
    WRITES[what](Store.open(filled.root))


def test_immutable_folder_if_the_file_system_allows_it(filled: Store) -> None:
    """chattr +i stops even root; not every file system (or container) allows it."""
    import shutil
    import subprocess

    chattr = shutil.which("chattr")
    folder = filled.sessions_dir
    made = chattr and subprocess.run([chattr, "+i", str(folder)], capture_output=True).returncode
    if made != 0:
        pytest.skip("chattr +i is not available here; the simulated EROFS tests stand in")
    try:
        with pytest.raises(StoreError) as raised:
            filled.save_session(record("new", n=9))
        _plain(str(raised.value))
    finally:
        subprocess.run([chattr, "-i", str(folder)], check=True)
    assert temp_files(filled.root) == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_really_read_only_folder() -> None:
    """A real read-only folder, in a child that is not root (root ignores modes)."""
    import shutil
    import tempfile

    scratch = Path(tempfile.mkdtemp(prefix="closer-ro-"))  # reachable by "nobody"
    try:
        _read_only_in_a_child(scratch)
    finally:
        shutil.rmtree(scratch)


def _read_only_in_a_child(tmp_path: Path) -> None:
    root = tmp_path / "data"
    store = Store.open(root)
    store.save_couple(couple())
    store.save_session(record("kept", n=1))
    nobody = 65534
    if os.geteuid() == 0:
        os.chmod(tmp_path, 0o755)
        for folder, dirs, files in os.walk(root):
            for name in [folder, *[os.path.join(folder, n) for n in dirs + files]]:
                os.chown(name, nobody, nobody)
    before = snapshot(root)

    def read_only(said: int) -> None:
        if os.geteuid() == 0:
            os.setgid(nobody)
            os.setuid(nobody)
        child = Store.open(root)
        os.chmod(child.sessions_dir, 0o500)
        os.chmod(root, 0o500)
        try:
            assert len(child.load_history().sessions) == 1
            with pytest.raises(StoreError) as saving:
                child.save_session(record("new", n=2))
            with pytest.raises(StoreError) as keeping:
                child.update_couple(lambda c: c)
            os.write(said, f"{saving.value}\n{keeping.value}".encode())
        finally:
            os.chmod(child.sessions_dir, 0o700)
            os.chmod(root, 0o700)

    said = finish(*in_child(read_only))
    for line in said.splitlines():
        _plain(line)
    assert "not allowed" in said
    assert snapshot(root) == before, said


async def test_on_a_full_disk_the_session_in_hand_waits_for_a_retry_or_a_copy(
    store_with_couple: Store,
    make_app: AppFactory,
    tmp_path: Path,
) -> None:
    """As the README promises: closer says so, and keeps the session until it is safe."""
    from textual.widgets import Input

    from closer_tui.core.models import Entry, Outcome
    from closer_tui.screens.save_failed import SaveFailedScreen

    def finished(text: str) -> Outcome:
        said = Entry(who="first", prompt="What made you smile?", text=text)
        return Outcome(kind="question", title="One question", entries=[said])

    app = make_app(store_with_couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        with pytest.MonkeyPatch.context() as full:
            full.setattr(os, "fsync", _refuse(errno.ENOSPC))
            app.save_round(finished("Your laugh."), app.now())
            await pilot.pause()
        assert isinstance(app.screen, SaveFailedScreen)
        assert "the disk is full" in app.screen.reason
        await pilot.click("#retry")  # with space again
        await pilot.pause()
        assert not isinstance(app.screen, SaveFailedScreen)

        with pytest.MonkeyPatch.context() as full:
            full.setattr(os, "fsync", _refuse(errno.ENOSPC))
            app.save_round(finished("The walk home."), app.now())
            await pilot.pause()
        copy = tmp_path / "elsewhere.json"
        app.screen.query_one("#elsewhere", Input).value = str(copy)
        await pilot.click("#copy")  # to another disk, with room
        await pilot.pause()
        assert not isinstance(app.screen, SaveFailedScreen)
    kept = [r.entries[0].text for r in Store.open(store_with_couple.root).load_history().sessions]
    assert kept == ["Your laugh."]
    assert "The walk home." in copy.read_text("utf-8")


async def test_on_a_full_disk_what_a_practice_remembers_holds_until_closer_closes(
    store_with_couple: Store, app: CloserApp
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        with pytest.MonkeyPatch.context() as full:
            full.setattr(os, "fsync", _refuse(errno.ENOSPC))
            app.save_keepsake("digital", "zones", ["The dinner table"])
        await pilot.pause()
        assert app.recall_keepsake("digital", "zones") == ["The dinner table"]
        [told] = [n.message for n in app._notifications]
        _plain(told)
        assert "the disk is full" in told and "kept until closer closes" in told
    assert store_with_couple.load_keepsakes().recall("digital", "zones") is None

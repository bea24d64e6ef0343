"""Runs the safety suite's store cases on a locked store as well as a plain one.

The modules in :data:`LOCKED_TOO` exercise the store's write and read layer,
where the lock lives: SIGKILL during saves, two windows, full and read-only
disks, permissions, the store's state machine, Unicode. Each of their tests
runs twice, ``[plain]`` and ``[locked]`` (every ``Store.open`` then locks the
folder, or opens it with a passphrase; see ``safety_kit.lock_every_store``).

Left plain only, because they are about plain files by nature: hostile files
and schema evolution (they write plain JSON by hand, which a locked folder sets
aside by design: ``tests/safety/test_lock.py`` covers hostile *sealed* files),
no network, plain messages and portability (they never open a locked file).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from safety_kit import lock_every_store

LOCKED_TOO = {
    "test_crash_kill",
    "test_disk_full",
    "test_permissions",
    "test_store_model",
    "test_two_instances",
    "test_unicode",
}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if metafunc.module.__name__ in LOCKED_TOO and "lock_mode" in metafunc.fixturenames:
        metafunc.parametrize("lock_mode", ["plain", "locked"], indirect=True)


@pytest.fixture(autouse=True)
def lock_mode(request: pytest.FixtureRequest) -> Iterator[str]:
    """``plain`` or ``locked``: how every store this test opens is kept.

    Its own monkeypatch, so a test undoing its own patches keeps the lock.
    """
    mode: str = getattr(request, "param", "plain")
    with pytest.MonkeyPatch.context() as patch:
        if mode == "locked":
            lock_every_store(patch)
        yield mode

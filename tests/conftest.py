"""Shared fixtures: a fake clock, a fixed evening, a private data dir, the app factory, the app
running, UTC.

Plain helpers a test imports (reading the screen, moving the clock on) are in tests/helpers.py."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import AsyncIterator, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from closer_tui.core.clock import ManualClock
from closer_tui.core.models import Couple, Partner
from closer_tui.core.store import Store

if TYPE_CHECKING:
    from textual.pilot import Pilot

    from closer_tui.app import CloserApp

pytest.register_assert_rewrite("helpers")  # a check in a helper says what it saw when it fails
from helpers import EVENING, AppFactory  # noqa: E402


class WallClock:
    """Wall time that moves with the fake monotonic clock."""

    def __init__(self, clock: ManualClock, start: datetime = EVENING) -> None:
        self.clock = clock
        self.origin = clock()
        self.start = start

    def __call__(self) -> datetime:
        return self.start + timedelta(seconds=self.clock() - self.origin)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def now(clock: ManualClock) -> WallClock:
    return WallClock(clock)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "closer-data"
    monkeypatch.setenv("CLOSER_DATA_DIR", str(root))
    return root


@pytest.fixture
def couple() -> Couple:
    return Couple(
        first=Partner(name="Alex", colour="orange"),
        second=Partner(name="Sam", colour="sky"),
        created_at=EVENING,
    )


@pytest.fixture
def store_with_couple(data_dir: Path, couple: Couple) -> Store:
    store = Store.open(data_dir)
    store.save_couple(couple)
    return store


@pytest.fixture
def held_closed(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """The store does not open until the test sets the event (whatever the timing)."""
    release = threading.Event()
    real_open = Store.open

    def open_when_released(root: Path) -> Store:
        release.wait(timeout=30)
        return real_open(root)

    monkeypatch.setattr(Store, "open", staticmethod(open_when_released))
    yield release
    release.set()  # never leave the worker waiting


@pytest.fixture
def make_app(clock: ManualClock, now: WallClock) -> AppFactory:
    """Build the real app around a store, with the fake clocks."""
    from closer_tui.app import CloserApp

    def factory(store: Store) -> CloserApp:
        return CloserApp(store, clock=clock, now=now)

    return factory


@pytest.fixture
def app(store_with_couple: Store, make_app: AppFactory) -> CloserApp:
    """The real app for Alex and Sam on the fake clocks: where most Pilot tests begin.

    The same store as ``store_with_couple``, so a test may ask for both and read what was saved."""
    return make_app(store_with_couple)


@pytest.fixture
async def pilot(app: CloserApp) -> AsyncIterator[Pilot[None]]:
    """``app`` running in an 80x24 terminal, as ``async with app.run_test(size=(80, 24))`` would,
    for a test that reads nothing after closer has closed; it stops when the test ends. Name it
    last: a fixture named after it (a patch, a setting) would come after closer started."""
    async with app.run_test(size=(80, 24)) as pilot:
        yield pilot


@pytest.fixture
def utc() -> Iterator[None]:
    """Local time is UTC, so the shared evening shows as 19:30 and dates read the same on every
    machine. Ask for it with ``pytestmark = pytest.mark.usefixtures("utc")``."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


@pytest.fixture
def quick_lock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2id at its cheapest (one pass, 8 KiB): for tests that lock and open many folders.

    What Argon2 costs is the benchmark's business (``benchmarks/lock.py``), not theirs.
    """
    from closer_tui.core import lock as sealing

    cheap = sealing.KdfParameters(1, 8)
    monkeypatch.setattr(sealing, "PASSPHRASE_KDF", cheap)
    monkeypatch.setattr(sealing, "RECOVERY_KDF", cheap)

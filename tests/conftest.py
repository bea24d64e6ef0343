"""Shared fixtures: a fake clock, a fixed evening, a private data dir, the app factory."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from closer_tui.core.clock import ManualClock
from closer_tui.core.models import Couple, Partner
from closer_tui.core.store import Store

EVENING = datetime(2026, 11, 24, 19, 30, tzinfo=UTC)
"""A Tuesday evening: every test lives in it unless it moves the clock itself."""


class WallClock:
    """Wall time that moves with the fake monotonic clock."""

    def __init__(self, clock: ManualClock, start: datetime = EVENING) -> None:
        self.clock = clock
        self.origin = clock()
        self.start = start

    def __call__(self) -> datetime:
        from datetime import timedelta

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
def make_app(clock: ManualClock, now: WallClock) -> Callable[[Store], object]:
    """Build the real app around a store, with the fake clocks."""
    from closer_tui.app import CloserApp

    def factory(store: Store) -> CloserApp:
        return CloserApp(store, clock=clock, now=now)

    return factory

"""Home's first frame waits on nothing it does not show.

The footer asks whether to offer ``lock_now`` while home is first drawn; with
the lock off the answer needs no lock screen, whose import (and its text
box's) cost the first frame a few hundredths of a second (benchmarks/startup.py).
The header says "Tonight" from the screen's own declaration, in that frame.
"""

from __future__ import annotations

import sys

import pytest

from closer_tui.app import CloserApp
from closer_tui.screens.home import HomeScreen


async def test_home_is_drawn_without_the_lock_screen_when_the_lock_is_off(
    app: CloserApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delitem(sys.modules, "closer_tui.screens.lock", raising=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert not app.check_action("lock_now", ())
        assert "closer_tui.screens.lock" not in sys.modules


def test_home_says_tonight_before_it_is_mounted() -> None:
    assert HomeScreen().sub_title == "Tonight"

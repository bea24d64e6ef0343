"""The deck screens' code is read at idle, after home and its history, not when a key asks.

In a fresh interpreter (this one has imported everything already): nothing of
the decks is imported before the app runs, and all of it is once home's
history has loaded and closer is idle, so the key that opens a deck does not
wait for Python to read its modules (benchmarks/deck_open.py times that key).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from closer_tui.core.store import Store

CHILD = """
import asyncio, json, sys
from pathlib import Path
from closer_tui.app import READ_AHEAD, CloserApp
from closer_tui.core.store import Store

async def main() -> None:
    app = CloserApp(Store.open(Path(sys.argv[1])))
    before = [m for m in READ_AHEAD if m in sys.modules]
    async with app.run_test(size=(80, 24)) as pilot:
        while not app.history_loaded:
            await pilot.pause()
        await pilot.pause()
        await app.workers.wait_for_complete()
        after = [m for m in READ_AHEAD if m in sys.modules]
    print(json.dumps({"before": before, "after": after, "all": list(READ_AHEAD)}))

asyncio.run(main())
"""


def test_the_deck_screens_are_read_at_idle_after_home(store_with_couple: Store) -> None:
    folder = Path(store_with_couple.root)
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["before"] == []
    assert seen["after"] == seen["all"]
    assert "closer_tui.screens.decks" in seen["all"]
    assert "closer_tui.screens.practice" in seen["all"]

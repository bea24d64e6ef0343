"""Draw the README's pictures with closer itself: ``python scripts/screenshot.py [OUT_DIR]``.

A made-up couple in a temporary data folder, on a fake clock set to a Tuesday
evening, so the pictures come out the same every time. Writes ``home.svg``
and ``hug.svg`` (80x24) into OUT_DIR (default: ``docs/``).
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from closer_tui.app import CloserApp
from closer_tui.core.clock import ManualClock
from closer_tui.core.models import Couple, Partner
from closer_tui.core.store import Store
from closer_tui.widgets.countdown import CountdownPanel

SIZE = (80, 24)
EVENING = datetime(2026, 11, 24, 19, 30).astimezone()
"""7.30 pm wherever the picture is drawn, so home always says "Good evening"."""


async def draw(out: Path, data: Path) -> list[Path]:
    store = Store.open(data)
    store.save_couple(
        Couple(
            first=Partner(name="Alex", colour="orange"),
            second=Partner(name="Sam", colour="sky"),
            created_at=EVENING,
        )
    )
    clock = ManualClock()
    origin = clock()

    def now() -> datetime:
        return EVENING + timedelta(seconds=clock() - origin)

    app = CloserApp(store, clock=clock, now=now)
    written: list[Path] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        written.append(Path(app.save_screenshot("home.svg", str(out))))
        await pilot.press("2", "f", "j")
        await pilot.pause()
        clock.advance(7.4)
        for panel in app.screen.query(CountdownPanel):
            panel.sync()
        await pilot.pause()
        written.append(Path(app.save_screenshot("hug.svg", str(out))))
    return written


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parents[1] / "docs")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="closer-screenshot-") as tmp:
        for path in asyncio.run(draw(out, Path(tmp) / "data")):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())

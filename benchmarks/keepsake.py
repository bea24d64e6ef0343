"""The keepsake of a ten-year history's busiest year, timed: goal ≤ 2 s.

    python benchmarks/keepsake.py [--years 10] [--runs 5] [--keep DIR] [--screenshot PNG]

Writes a generated history (``make_history.py``) to a temporary folder, finds
its busiest year, and times ``closer keepsake --year YEAR`` as a couple runs
it: as a ``python -m closer_tui`` subprocess (start-up, loading all ten
years, gathering, drawing, writing), beside a bare ``python -c pass`` in the
same run; then in-process, split into loading, gathering and rendering, to
show where the time goes. With ``--screenshot`` the page is also opened in
headless chromium and photographed (the picture in ``docs/``).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from history import median_seconds as median
from make_history import make_history

from closer_tui.core.keepsake import Period, busiest_year
from closer_tui.core.keepsake_page import keepsake_html
from closer_tui.core.store import Store

GOAL_SECONDS = 2.0
END = date(2026, 11, 30)
"""A fixed last day: the same history, and the same busiest year, on every run."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="write the history here and keep it")
    parser.add_argument("--screenshot", type=Path, help="photograph the page with chromium")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        root = args.keep or Path(scratch) / "data"
        if not (root / "sessions").is_dir():
            make_history(root, args.years, END)
        store = Store.open(root)
        couple = store.load_couple()
        assert couple is not None
        sessions = store.load_history().sessions
        year = busiest_year(sessions, None)
        assert year is not None
        page = Path(scratch) / "keepsake.html"
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
        command = [sys.executable, "-m", "closer_tui", "keepsake", "--data-dir", str(root)]
        command += ["--year", str(year), "-o", str(page), "--force"]

        def whole() -> None:
            subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)

        bare = median(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True), args.runs)
        command_time = median(whole, args.runs)
        loading = median(lambda: Store.open(root).load_history(), args.runs)
        period = Period.year(year)
        made = datetime.now(UTC)
        rendering = median(lambda: keepsake_html(couple, sessions, period, made), args.runs)
        print(f"{len(sessions):,} sessions over {args.years} years; busiest year {year}")
        print(f"{'':38}{'median':>10}")
        print(f"{'python -c pass (bare)':38}{bare:>9.3f}s")
        print(f"{'closer keepsake --year (subprocess)':38}{command_time:>9.3f}s")
        print(f"{'  of which: load ten years':38}{loading:>9.3f}s")
        print(f"{'  of which: gather and draw the year':38}{rendering:>9.3f}s")
        met = command_time <= GOAL_SECONDS
        print(f"goal: keepsake ≤ {GOAL_SECONDS:.1f} s — {'met' if met else 'MISSED'}")
        print(f"page: {page.stat().st_size / 1024:.0f} KiB")
        if args.screenshot:
            chromium = "chromium"
            with tempfile.TemporaryDirectory() as profile:
                subprocess.run(
                    [
                        chromium,
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--no-first-run",
                        "--hide-scrollbars",
                        f"--user-data-dir={profile}",
                        f"--screenshot={args.screenshot.resolve()}",
                        "--window-size=900,2900",
                        page.as_uri(),
                    ],
                    check=True,
                    capture_output=True,
                )
            print(f"screenshot: {args.screenshot}")
        return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())

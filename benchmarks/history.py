"""Ten years of history, measured side by side in one run.

    python benchmarks/history.py [--years 10] [--runs 5] [--profile]

Writes a generated history (see ``make_history.py``) to a temporary folder,
then prints one table of medians:

* loading the whole history (``Store.load_history``) against reading every
  file and ``json.loads`` of the same bytes (goal: at most 1.5x), twice: with
  the result dropped at once, and held while the garbage collector catches up
  on what the load made (its young generations), as it would in the app;
* saving one more session at that size against saving one beside ten
  sessions (goal: at most 1.5x);
* ``closer export`` (Markdown and JSON) and ``closer history`` in-process,
  and as ``python -m closer_tui`` subprocesses when the command exists;
* ``closer today`` as a subprocess, beside a bare ``python -c pass``.

With ``--profile`` (or when loading misses its goal) the top of a cProfile of
``load_history`` is printed too, to show where the time goes.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import gc
import importlib.util
import io
import json
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from make_history import make_history

from closer_tui.cli import run_export, run_history
from closer_tui.core.models import SessionRecord
from closer_tui.core.store import Store

GOAL = 1.5


def median_seconds(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def read_and_parse(folder: Path) -> list[Any]:
    """The floor for loading: every session file read and parsed as plain JSON, kept."""
    names = sorted(
        (n for n in os.listdir(folder) if n.endswith(".json") and not n.startswith(".")),
        reverse=True,
    )
    loaded = []
    for name in names:
        with open(folder / name, "rb") as handle:
            loaded.append(json.loads(handle.read()))
    return loaded


def prototype_load(folder: Path) -> list[SessionRecord]:
    """What ``load_history`` could cost: the changes first proposed for the store, in miniature.

    Names sorted as text (not ``Path`` objects), each file read at its own
    size (not into a 4 MiB buffer), and the cyclic garbage collector paused
    while thousands of records are built. Not a replacement: no quarantine,
    no migration. Pausing alone only defers the collector's walk over the
    new records to whatever allocates next, which the "held" rows count.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        names = sorted(
            (n for n in os.listdir(folder) if n.endswith(".json") and not n.startswith(".")),
            reverse=True,
        )
        records = []
        for name in names:
            fd = os.open(folder / name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
            with os.fdopen(fd, "rb") as handle:
                size = os.fstat(fd).st_size
                records.append(SessionRecord.model_validate_json(handle.read(size + 1)))
        records.sort(key=lambda r: r.started_at, reverse=True)
        return records
    finally:
        if was_enabled:
            gc.enable()


def time_load(action: Callable[[], object], *, held: bool) -> float:
    """Seconds for one load; ``held``: keep the result while the young generations are collected.

    Dropping the result at once frees it by reference counting before the
    collector ever looks at it, which flatters a loader that only defers
    the collector's work. An app keeps what it loaded.
    """
    gc.collect()
    start = time.perf_counter()
    result = action()
    if held:
        gc.collect(1)
    took = time.perf_counter() - start
    del result
    return took


def one_more_session() -> SessionRecord:
    start = datetime.now(UTC) - timedelta(minutes=30)
    return SessionRecord(
        kind="appreciation",
        title="Appreciation ritual",
        actual_seconds=600,
        started_at=start,
        ended_at=start + timedelta(minutes=10),
    )


def quiet(action: Callable[[], object]) -> Callable[[], object]:
    """Run ``action`` with its printing thrown away (we time it, not the terminal)."""

    def run() -> object:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            return action()

    return run


def subprocess_time(args: list[str], root: Path, runs: int) -> float:
    env = os.environ | {"CLOSER_DATA_DIR": str(root)}

    def run() -> None:
        subprocess.run(args, env=env, check=True, stdout=subprocess.DEVNULL)

    run()  # warm the file cache and .pyc files once
    return median_seconds(run, runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="closer history benchmarks")
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args(argv)
    runs = args.runs
    rows: list[tuple[str, str, str]] = []

    with tempfile.TemporaryDirectory(prefix="closer-bench-") as tmp:
        big = Path(tmp) / "ten-years"
        small = Path(tmp) / "ten-sessions"
        started = time.perf_counter()
        count = make_history(big, args.years)
        print(f"Generated {count} sessions in {time.perf_counter() - started:.1f} s.\n")
        small_store = Store.open(small)
        for record in sorted(Store.open(big).load_history().sessions, key=lambda r: r.started_at)[
            -10:
        ]:
            small_store.save_session(record)
        sessions = big / "sessions"

        # Loading: the store against the plain-JSON floor, runs interleaved so
        # that a busy machine slows both alike.
        store = Store.open(big)
        loaders: dict[str, Callable[[], object]] = {
            "floor": lambda: read_and_parse(sessions),
            "store": store.load_history,
            "prototype": lambda: prototype_load(sessions),
        }
        ratios = []
        for held in (False, True):
            times: dict[str, list[float]] = {key: [] for key in loaders}
            for _ in range(runs):
                for key, action in loaders.items():
                    times[key].append(time_load(action, held=held))
            raw, load, proto = (statistics.median(times[k]) for k in loaders)
            ratios.append(load / raw)
            how = ", result held" if held else ", result dropped"
            rows.append((f"read + json.loads, {count} files{how}", f"{raw * 1000:.0f} ms", ""))
            rows.append(
                (
                    f"  Store.load_history{how}",
                    f"{load * 1000:.0f} ms",
                    verdict(load / raw, "x the floor"),
                )
            )
            rows.append(
                (
                    f"  prototype (gc paused only){how}",
                    f"{proto * 1000:.0f} ms",
                    verdict(proto / raw, "x the floor"),
                )
            )

        # Exports and the history summary, in-process.
        md = median_seconds(quiet(lambda: run_export(big, "md", None)), max(3, runs // 2))
        js = median_seconds(quiet(lambda: run_export(big, "json", None)), max(3, runs // 2))
        hist = median_seconds(quiet(lambda: run_history(big)), max(3, runs // 2))
        rows.append(("export md (in-process)", f"{md * 1000:.0f} ms", ""))
        rows.append(("export json (in-process)", f"{js * 1000:.0f} ms", ""))
        rows.append(("history (in-process)", f"{hist * 1000:.0f} ms", ""))

        # The command itself, when it exists yet.
        bare = subprocess_time([sys.executable, "-c", "pass"], big, runs)
        rows.append(("python -c pass", f"{bare * 1000:.0f} ms", ""))
        if importlib.util.find_spec("closer_tui.__main__") is not None:
            command = [sys.executable, "-m", "closer_tui"]
            today = subprocess_time([*command, "today"], big, runs)
            empty = subprocess_time([*command, "today"], Path(tmp) / "empty", runs)
            rows.append(("closer today, ten years", f"{today * 1000:.0f} ms", ""))
            rows.append(("closer today, first run", f"{empty * 1000:.0f} ms", ""))
            out = Path(tmp) / "export.md"
            slow_runs = max(3, runs // 2)
            for label, extra in (
                ("closer export md", ["export", "-o", str(out)]),
                ("closer export json", ["export", "--format", "json", "-o", str(out)]),
                ("closer history", ["history"]),
            ):
                took = subprocess_time([*command, *extra], big, slow_runs)
                rows.append((label, f"{took * 1000:.0f} ms", ""))
        else:
            rows.append(("closer (subprocess)", "skipped", "no closer_tui.__main__ yet"))

        # Saving: one more session beside ten years, and beside ten sessions.
        # Interleaved, like loading: fsync times wander on a busy machine.
        big_store, small_store = Store.open(big), Store.open(small)
        big_times: list[float] = []
        small_times: list[float] = []
        for _ in range(runs * 4):
            for save_to, spent in ((big_store, big_times), (small_store, small_times)):
                start = time.perf_counter()
                save_to.save_session(one_more_session())
                spent.append(time.perf_counter() - start)
        at_big, at_small = statistics.median(big_times), statistics.median(small_times)
        rows.append(("save one, beside 10", f"{at_small * 1000:.2f} ms", ""))
        rows.append(
            (
                f"save one, beside {count}",
                f"{at_big * 1000:.2f} ms",
                verdict(at_big / at_small, "x beside 10"),
            )
        )

        print_table(rows)
        if args.profile or max(ratios) > GOAL:
            profile_load(big)
    return 0


def verdict(ratio: float, what: str) -> str:
    mark = "ok" if ratio <= GOAL else "OVER GOAL"
    return f"{ratio:.2f}{what} (goal <= {GOAL}) {mark}"


def print_table(rows: list[tuple[str, str, str]]) -> None:
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    print(f"{'measure':<{widths[0]}}  {'median':>{widths[1]}}  ratio")
    print("-" * (sum(widths) + 4))
    for name, value, note in rows:
        print(f"{name:<{widths[0]}}  {value:>{widths[1]}}  {note}")


def profile_load(root: Path) -> None:
    print("\nWhere Store.load_history spends its time (cProfile, tottime):")
    profiler = cProfile.Profile()
    profiler.enable()
    Store.open(root).load_history()
    profiler.disable()
    pstats.Stats(profiler).sort_stats("tottime").print_stats(12)
    print(
        "cProfile shows neither garbage-collector pauses nor where a large read buffer's\n"
        "allocation lands; the prototype row above measures those fixes directly."
    )


if __name__ == "__main__":
    sys.exit(main())

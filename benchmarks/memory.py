"""Memory with ten years of history loaded, beside a bare Textual app, in one run.

    python benchmarks/memory.py [--runs 3] [--years 10] [--no-where]

Each run is its own process in a fresh 80x24 pseudo-terminal (see
``_memory_child.py``): the bare app of ``_bare.py`` (a Header and a Footer)
two seconds after its first frame; closer with an empty history and with a
generated ten-year history (``make_history.py``), each after its history has
loaded and the History screen has opened. The kinds take turns, so a busy
moment hits all of them; medians of the resident set then (``VmRSS``) and
at its peak (``VmHWM``) are printed with each one's ratio to the bare app.

Then, unless ``--no-where``, one more ten-year run under ``tracemalloc``
says where the memory Python allocated is: by package (where it was
allocated), by the line of closer's code that led to it, and by single line.
Memory outside Python's allocator (the interpreter, shared libraries,
pydantic-core's compiled validators) is the difference between the resident
set and the traced total.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from _pty import REPO, Spread, environment, run_reporting

HERE = Path(__file__).resolve().parent
CHILD = HERE / "_memory_child.py"
MEMORY_GOAL = 1.25  # PRODUCT.md §8, for the start; printed here as a yardstick


def measure(kind: str, data: Path | None, pycache: Path, *extra: str) -> dict[str, Any]:
    command = [sys.executable, str(CHILD), kind, str(data or "-"), *extra]
    # Tracing every allocation slows the child several times over.
    timeout = 900.0 if extra else 120.0
    return run_reporting(command, environment(None, pycache), timeout).report


def make_folders(root: Path, years: int) -> tuple[Path, Path]:
    empty, history = root / "empty", root / "history"
    subprocess.run(
        [sys.executable, str(HERE / "make_history.py"), str(history), "--years", str(years)],
        check=True,
        cwd=REPO,
        timeout=600,
        stdout=subprocess.DEVNULL,
    )
    empty.mkdir()
    (empty / "couple.json").write_bytes((history / "couple.json").read_bytes())
    return empty, history


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--no-where", action="store_true", help="skip the tracemalloc run")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="closer-memory-") as tmp:
        root = Path(tmp)
        pycache = root / "pycache"
        empty, history = make_folders(root, args.years)
        count = len(list((history / "sessions").glob("*.json")))
        kinds: dict[str, Path | None] = {
            "bare Textual app": None,
            "closer, empty history": empty,
            f"closer, {args.years} years ({count})": history,
        }
        for data in kinds.values():  # one warm-up each: byte-code and file caches
            measure("bare" if data is None else "closer", data, pycache)
        found: dict[str, list[dict[str, Any]]] = {label: [] for label in kinds}
        labels = list(kinds)
        for index in range(args.runs):
            shift = index % len(labels)
            for label in labels[shift:] + labels[:shift]:
                data = kinds[label]
                figures = measure("bare" if data is None else "closer", data, pycache)
                if data is not None and figures["screen"] != "HistoryScreen":
                    raise RuntimeError(f"{label}: the History screen is not open: {figures}")
                found[label].append(figures)

        print(f"python {sys.version.split()[0]}, {args.runs} interleaved runs each, medians")
        print(f"  {'':28}{'resident now':>13} {'(range, noise)':<16}{'peak':>10}   ratio to bare")
        bare_now = Spread([f["VmRSS"] for f in found[labels[0]]]).median
        bare_peak = Spread([f["VmHWM"] for f in found[labels[0]]]).median
        for label, runs in found.items():
            now = Spread([f["VmRSS"] for f in runs])
            peak = Spread([f["VmHWM"] for f in runs])
            line = (
                f"  {label:28}{now.median:>9.1f} MiB {now.describe(digits=1):<16}"
                f"{peak.median:>6.1f} MiB"
            )
            if label != labels[0]:
                line += f"   {now.median / bare_now:.2f}x now, {peak.median / bare_peak:.2f}x peak"
            print(line)

        if not args.no_where:
            traced = measure("closer", history, pycache, "--where")
            report_where(traced)
    return 0


def report_where(figures: dict[str, Any]) -> None:
    where = figures["where"]
    print(
        f"\nWhere it goes, ten years, History open (tracemalloc; this run's resident set "
        f"{figures['VmRSS']:.0f} MiB includes tracing's own cost):"
    )
    print(f"  traced by Python's allocator: {where['traced']:.1f} MiB")
    for title, key in (
        ("by package, where allocated", "by_package"),
        ("by the closer line that led to it (innermost closer frame)", "by_closer_line"),
        ("by single line", "by_line"),
    ):
        print(f"  {title}:")
        for name, mib in where[key]:
            print(f"    {mib:7.2f} MiB  {name}")


if __name__ == "__main__":
    sys.exit(main())

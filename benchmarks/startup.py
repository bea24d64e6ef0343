"""Start to first frame, where a couple starts: closer against a bare Textual app, in one run.

    python benchmarks/startup.py [--runs 10] [--years 10] [--no-history] [--profile]

Each run spawns a process in a fresh pseudo-terminal of 80x24, as a terminal
would, and times it from just before the spawn until its first frame's words
reach the terminal (the whole frame is written at once, so that is the moment
a couple sees it), and reads the CPU the child had used by then (a second
table: load on the machine makes every start wait, not use more); then
ctrl+q quits and the child's peak memory (``ru_maxrss``) is read from
``wait4``. Four kinds take turns in every round,
in an order that rotates, so a busy moment of the machine hits all of them:

* the yardstick, ``benchmarks/_bare.py``: a bare Textual app with a Header and
  a Footer, timed to "Tonight" in its header;
* a first run: ``python -m closer_tui`` on an empty data folder (a new one
  each run), timed to "Welcome to closer" on the onboarding screen;
* an ordinary evening with an empty history: a folder holding couple.json,
  timed to "Tonight" in home's header;
* the same with ten years of history (``benchmarks/make_history.py``).

All run from compiled byte-code, as an installed app does (see
``_pty.environment``). Medians are printed with each kind's range and noise
(half the interquartile range, as a share of the median), and each closer
kind's ratio to the bare app. Goals (issue 14): each start at most 1.15x
the bare app's; memory at most 1.25x (PRODUCT.md §8). ``--profile`` (or a
missed goal) adds the imports and loading that cost closer the most.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from _pty import REPO, Spread, Terminal, environment

HERE = Path(__file__).resolve().parent
BARE = HERE / "_bare.py"
TIME_GOAL = 1.15
MEMORY_GOAL = 1.25
QUIT = b"\x11"  # ctrl+q


@dataclass(frozen=True)
class Run:
    seconds: float
    cpu_seconds: float
    """The CPU the child had used when its first frame arrived (see ``Terminal.cpu_seconds``)."""
    max_rss_mib: float


@dataclass(frozen=True)
class Kind:
    """One way to start: the command, where its data folder comes from, and what it shows first."""

    label: str
    command: list[str]
    marker: bytes
    data_dir: Callable[[], Path | None]


def spawn_to_first_frame(kind: Kind, pycache: Path) -> Run:
    """Time from spawn until the kind's first words are on the terminal; then quit."""
    terminal = Terminal(kind.command, environment(kind.data_dir(), pycache))
    seconds = terminal.wait_for(kind.marker)
    cpu = terminal.cpu_seconds()
    terminal.write(QUIT)
    return Run(seconds, cpu, terminal.finish().max_rss_mib)


def couple_only(folder: Path) -> Path:
    """A data folder with couple.json and nothing else: closer opens onto home."""
    subprocess.run(
        [sys.executable, "-c", _MAKE_COUPLE, str(folder)], check=True, cwd=REPO, timeout=60
    )
    return folder


_MAKE_COUPLE = """
import sys
from pathlib import Path
from closer_tui.core.models import Couple, Partner
from closer_tui.core.store import Store
Store.open(Path(sys.argv[1])).save_couple(
    Couple(first=Partner(name="Alex", colour="orange"), second=Partner(name="Sam", colour="sky"))
)
"""


def with_history(folder: Path, years: int) -> Path:
    subprocess.run(
        [sys.executable, str(HERE / "make_history.py"), str(folder), "--years", str(years)],
        check=True,
        cwd=REPO,
        timeout=600,
        stdout=subprocess.DEVNULL,
    )
    return folder


def fresh_folders(root: Path) -> Callable[[], Path]:
    """A new, empty data folder for every first run: a first run leaves folders behind."""
    made = iter(range(1_000_000))

    def next_folder() -> Path:
        folder = root / f"first-run-{next(made)}"
        folder.mkdir(parents=True)
        return folder

    return next_folder


def kinds(root: Path, years: int | None) -> list[Kind]:
    closer = [sys.executable, "-m", "closer_tui"]
    empty = couple_only(root / "empty")
    found = [
        Kind("bare Textual app", [sys.executable, str(BARE)], b"Tonight", lambda: None),
        Kind("first run (onboarding)", closer, b"Welcome to closer", fresh_folders(root)),
        Kind("home, empty history", closer, b"Tonight", lambda: empty),
    ]
    if years is not None:
        history = with_history(root / "history", years)
        count = len(list((history / "sessions").glob("*.json")))
        found.append(Kind(f"home, {years} years ({count})", closer, b"Tonight", lambda: history))
    return found


def compare(all_kinds: list[Kind], runs: int, pycache: Path) -> bool:
    """Interleaved rounds of every kind; prints one table; True if every goal is met."""
    for kind in all_kinds:  # one warm-up each: byte-code caches and the OS's file cache
        spawn_to_first_frame(kind, pycache)
    results: dict[str, list[Run]] = {kind.label: [] for kind in all_kinds}
    for index in range(runs):
        shift = index % len(all_kinds)
        for kind in all_kinds[shift:] + all_kinds[:shift]:
            results[kind.label].append(spawn_to_first_frame(kind, pycache))

    bare_label = all_kinds[0].label
    bare_runs = results[bare_label]
    bare_time = Spread([r.seconds for r in bare_runs])
    bare_mem = Spread([r.max_rss_mib for r in bare_runs])
    print(f"\n{runs} interleaved rounds, medians (range, noise)")
    print(f"  {'':26}{'first frame':>12}  {'range ms, noise':<18}{'peak memory':>12}   ratio")
    met = True
    for label, found in results.items():
        times = Spread([r.seconds for r in found])
        memory = Spread([r.max_rss_mib for r in found])
        line = (
            f"  {label:26}{times.median * 1000:>9.0f} ms  {times.describe(1000):<18}"
            f"{memory.median:>8.1f} MiB"
        )
        if label != bare_label:
            time_ratio = times.median / bare_time.median
            mem_ratio = memory.median / bare_mem.median
            # The same round's bare run beside each: how much the ratio itself wandered.
            pairs = zip(found, bare_runs, strict=True)
            per_round = Spread([run.seconds / bare.seconds for run, bare in pairs])
            ok = time_ratio <= TIME_GOAL and mem_ratio <= MEMORY_GOAL
            met = met and ok
            line += (
                f"   {time_ratio:.2f}x time (rounds {per_round.describe(digits=2)}),"
                f" {mem_ratio:.2f}x memory  {_verdict(ok)}"
            )
        print(line)
    print(f"  goals: time <= {TIME_GOAL}x, memory <= {MEMORY_GOAL}x the bare app's")
    bare_cpu = Spread([r.cpu_seconds for r in bare_runs]).median
    print(
        "\nCPU used to the first frame, medians: the same starts, counted in CPU rather than"
        "\nwall time (a busy machine makes every start wait, but not use more)"
    )
    for label, found in results.items():
        cpu = Spread([r.cpu_seconds for r in found])
        line = f"  {label:26}{cpu.median * 1000:>9.0f} ms  {cpu.describe(1000):<18}"
        if label != bare_label:
            line += f"   {cpu.median / bare_cpu:.2f}x"
        print(line)
    return met


def _verdict(met: bool) -> str:
    return "met" if met else "MISSED"


def import_profile(pycache: Path, top: int = 10) -> None:
    """Where closer's extra start-up goes: imports beyond a bare app, and loading content."""
    env = environment(None, pycache)

    def self_times(statement: str) -> dict[str, int]:
        command = [sys.executable, "-X", "importtime", "-c", statement]
        subprocess.run(command, capture_output=True, check=True, cwd=REPO, env=env)  # compile
        done = subprocess.run(
            command, capture_output=True, text=True, check=True, cwd=REPO, env=env
        )
        costs: dict[str, int] = {}
        for line in done.stderr.splitlines():
            match = re.match(r"import time:\s+(\d+) \|\s+\d+ \|\s*(\S+)", line)
            if match:
                costs[match.group(2)] = int(match.group(1))
        return costs

    bare = self_times("import textual.app, textual.widgets._header, textual.widgets._footer")
    for label, statement in FIRST_FRAME_IMPORTS.items():
        extra = {name: us for name, us in self_times(statement).items() if name not in bare}
        by_package: dict[str, int] = {}
        for name, micros in extra.items():
            package = name.split(".")[0]
            by_package[package] = by_package.get(package, 0) + micros
        print(
            f"\n{label}: modules imported beyond a bare app, "
            f"{sum(extra.values()) / 1000:.0f} ms in all (self time)"
        )
        for package, micros in sorted(by_package.items(), key=lambda item: -item[1])[:6]:
            print(f"  {micros / 1000:8.1f} ms  {package} (all its modules)")
        print("  the costliest single modules:")
        for name, micros in sorted(extra.items(), key=lambda item: -item[1])[:top]:
            print(f"  {micros / 1000:8.1f} ms  {name}")

    done = subprocess.run(
        [sys.executable, "-c", _TIME_CONTENT],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
        env=env,
    )
    catalog, whole = done.stdout.split()
    print(f"\nReading the titles home lists (built_in_catalog()): {catalog} ms")
    print(f"Loading the whole content library (library()): {whole} ms, after the first frame")


FIRST_FRAME_IMPORTS = {
    # What ``closer`` imports before home's first frame (the store, the models
    # and the content library load after it).
    "An ordinary evening": (
        "import closer_tui.__main__, closer_tui.app, closer_tui.screens.home, closer_tui.core.quick"
    ),
    # A first run paints the welcome first too (the store, the models and the
    # library load after it).
    "A first run": ("import closer_tui.__main__, closer_tui.app, closer_tui.screens.setup"),
}

_TIME_CONTENT = """
import time
from closer_tui.core.quick import built_in_catalog
started = time.perf_counter()
built_in_catalog()
catalog = time.perf_counter() - started
from closer_tui.core.content import library
started = time.perf_counter()
library()
print(f"{catalog * 1000:.0f} {(time.perf_counter() - started) * 1000:.0f}")
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--no-history", action="store_true", help="skip the ten-year history")
    parser.add_argument("--profile", action="store_true", help="always show the import costs")
    args = parser.parse_args(argv)

    print(f"python {sys.version.split()[0]}, {args.runs} runs each, terminal 80x24")
    with tempfile.TemporaryDirectory(prefix="closer-startup-") as tmp:
        root = Path(tmp)
        pycache = root / "pycache"
        met = compare(kinds(root, None if args.no_history else args.years), args.runs, pycache)
        if args.profile or not met:
            import_profile(pycache)
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())

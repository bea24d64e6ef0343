"""Start to first frame, where a couple starts: closer against a bare Textual app, in one run.

    python benchmarks/startup.py [--runs 10] [--years 10] [--no-history] [--profile]

Each run spawns a process in a fresh pseudo-terminal of 80x24, as a terminal
would, and times it from just before the spawn until two moments:

* its first words reach the terminal (a frame is written at once, so that is
  the moment a couple sees something);
* its whole screen is there: its footer's keys are drawn too. Textual's own
  Footer composes empty and draws its keys a frame later (the bare app's come
  30-40 ms after its first frame); closer draws them in its first frame.
  Like is compared with like here, and the goals are judged on it.

At its first words it reads the CPU the child had used (a last table: load on
the machine makes every start wait, not use more) and its peak memory so far
(``VmHWM``; what it loads behind the first frame, after it, is not counted:
``memory.py`` measures that); then ctrl+q quits. Four kinds take
turns in every round, in an order that rotates, so a busy moment of the
machine hits all of them:

* the yardstick, ``benchmarks/_bare.py``: a bare Textual app with a Header and
  a Footer: "Tonight" in its header, then "palette" in its footer;
* a first run: ``python -m closer_tui`` on an empty data folder (a new one
  each run): "Welcome to closer" on the onboarding screen, then "Find" (ctrl+p)
  in its footer;
* an ordinary evening with an empty history: a folder holding couple.json:
  "Tonight" in home's header, then "Find" in its footer;
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
    """To the first words."""
    whole_seconds: float
    """To the whole screen, its footer's keys drawn."""
    cpu_seconds: float
    """The CPU the child had used when its first frame arrived (see ``Terminal.cpu_seconds``)."""
    memory_mib: float
    """Its peak memory then (see ``Terminal.peak_memory_mib``)."""


@dataclass(frozen=True)
class Kind:
    """One way to start: the command, where its data folder comes from, and what it shows first."""

    label: str
    command: list[str]
    marker: bytes
    """Words of its first frame."""
    whole: bytes
    """Words of its footer's last key: there, the whole screen is."""
    data_dir: Callable[[], Path | None]


def spawn_to_first_frame(kind: Kind, pycache: Path) -> Run:
    """Time from spawn until the kind's first words, then its whole screen, are there; quit."""
    terminal = Terminal(kind.command, environment(kind.data_dir(), pycache))
    seconds = terminal.wait_for(kind.marker)
    cpu, memory = terminal.cpu_seconds(), terminal.peak_memory_mib()
    whole = seconds if kind.whole in terminal.seen else terminal.wait_for(kind.whole)
    terminal.write(QUIT)
    terminal.finish()
    return Run(seconds, whole, cpu, memory)


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
        Kind("bare Textual app", [sys.executable, str(BARE)], b"Tonight", b"palette", lambda: None),
        Kind("first run (onboarding)", closer, b"Welcome to closer", b"Find", fresh_folders(root)),
        Kind("home, empty history", closer, b"Tonight", b"Find", lambda: empty),
    ]
    if years is not None:
        history = with_history(root / "history", years)
        count = len(list((history / "sessions").glob("*.json")))
        found.append(
            Kind(f"home, {years} years ({count})", closer, b"Tonight", b"Find", lambda: history)
        )
    return found


def compare(all_kinds: list[Kind], runs: int, pycache: Path) -> bool:
    """Interleaved rounds of every kind; prints the tables; True if every goal is met."""
    for kind in all_kinds:  # one warm-up each: byte-code caches and the OS's file cache
        spawn_to_first_frame(kind, pycache)
    results: dict[str, list[Run]] = {kind.label: [] for kind in all_kinds}
    for index in range(runs):
        shift = index % len(all_kinds)
        for kind in all_kinds[shift:] + all_kinds[:shift]:
            results[kind.label].append(spawn_to_first_frame(kind, pycache))

    bare_label = all_kinds[0].label
    bare_runs = results[bare_label]
    print(f"\n{runs} interleaved rounds, medians (range, noise)")
    met = True
    for moment, seconds, judged in MOMENTS:
        print(f"\n  {moment}")
        bare_time = Spread([seconds(r) for r in bare_runs])
        for label, found in results.items():
            times = Spread([seconds(r) for r in found])
            line = f"  {label:26}{times.median * 1000:>9.0f} ms  {times.describe(1000):<18}"
            if label != bare_label:
                ratio = times.median / bare_time.median
                # The same round's bare run beside each: how much the ratio itself wandered.
                pairs = zip(found, bare_runs, strict=True)
                per_round = Spread([seconds(run) / seconds(bare) for run, bare in pairs])
                line += f"   {ratio:.2f}x (rounds {per_round.describe(digits=2)})"
                if judged:
                    met = met and ratio <= TIME_GOAL
                    line += f"  {_verdict(ratio <= TIME_GOAL)}"
            print(line)
    print(f"  goal: the whole screen at most {TIME_GOAL}x the bare app's")
    print("\n  peak memory at the first words")
    bare_mem = Spread([r.memory_mib for r in bare_runs])
    for label, found in results.items():
        memory = Spread([r.memory_mib for r in found])
        line = f"  {label:26}{memory.median:>8.1f} MiB"
        if label != bare_label:
            ratio = memory.median / bare_mem.median
            met = met and ratio <= MEMORY_GOAL
            line += f"   {ratio:.2f}x  {_verdict(ratio <= MEMORY_GOAL)}"
        print(line)
    print(f"  goal: at most {MEMORY_GOAL}x the bare app's")
    bare_cpu = Spread([r.cpu_seconds for r in bare_runs]).median
    print(
        "\nCPU used to the first words, medians: the same starts, counted in CPU rather than"
        "\nwall time (a busy machine makes every start wait, but not use more)"
    )
    for label, found in results.items():
        cpu = Spread([r.cpu_seconds for r in found])
        line = f"  {label:26}{cpu.median * 1000:>9.0f} ms  {cpu.describe(1000):<18}"
        if label != bare_label:
            line += f"   {cpu.median / bare_cpu:.2f}x"
        print(line)
    return met


MOMENTS: list[tuple[str, Callable[[Run], float], bool]] = [
    # what, its time in a run, and whether the goal is judged on it
    ("first words on the terminal", lambda run: run.seconds, False),
    ("the whole screen (its footer's keys drawn)", lambda run: run.whole_seconds, True),
]


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

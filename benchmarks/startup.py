"""Start to first frame: closer against a bare Textual app, side by side in one run.

    python benchmarks/startup.py [--runs 10] [--years 10] [--no-history] [--profile]

Each run spawns a process in a fresh pseudo-terminal of 80x24, as a terminal
would: ``python -m closer_tui`` (its data folder holds a couple, so it opens
straight onto home) or ``python benchmarks/_bare.py`` (a Header and a Footer).
The clock starts just before the spawn and stops when "Tonight", which both
show in their header, reaches the terminal: the whole first frame is written
at once, so that is the moment a couple sees it. Then ctrl+q quits, and the
child's peak memory (``ru_maxrss``) is read from ``wait4``.

Both run from compiled byte-code, as an installed app does (pip compiles it
on install): ``PYTHONDONTWRITEBYTECODE`` is dropped for the children and their
``.pyc`` files go to a cache in the temporary folder (``PYTHONPYCACHEPREFIX``),
so the repository is left as it was. Without this, a shell that sets
``PYTHONDONTWRITEBYTECODE`` makes closer compile its own modules on every start
while Textual's come precompiled, and the comparison is unfair.

Runs are interleaved (bare, closer, closer, bare, …) after one warm-up of
each, with an empty history and, when ``benchmarks/make_history.py`` exists,
with a generated ten-year history. Goals (PRODUCT.md §8): time at most 1.3x
the bare app's, memory at most 1.25x. ``--profile`` (or a missed goal) adds
the imports that cost closer the most (``python -X importtime``).
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import re
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
MARKER = b"Tonight"
TIME_GOAL = 1.3
MEMORY_GOAL = 1.25
TIMEOUT = 60.0


@dataclass(frozen=True)
class Run:
    seconds: float
    max_rss_mib: float


def spawn_to_first_frame(command: list[str], env: dict[str, str]) -> Run:
    """Time from spawn until MARKER is on the terminal; then quit and read peak memory."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    started = time.perf_counter()
    child = subprocess.Popen(
        command,
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=env,
        start_new_session=True,
        close_fds=True,
    )
    os.close(follower)
    seen = b""
    first_frame: float | None = None
    try:
        while first_frame is None:
            if time.perf_counter() - started > TIMEOUT:
                raise RuntimeError(f"no first frame from {command} after {TIMEOUT} s:\n{seen!r}")
            ready, _, _ = select.select([leader], [], [], 1.0)
            if not ready:
                continue
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the child is gone
                raise RuntimeError(f"{command} exited early:\n{seen[-2000:]!r}") from None
            seen += chunk
            if MARKER in seen[-len(chunk) - len(MARKER) :]:
                first_frame = time.perf_counter() - started
        os.write(leader, b"\x11")  # ctrl+q
        _drain(leader, child)
    finally:
        os.close(leader)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    # Linux reports ru_maxrss in KiB (macOS in bytes).
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return Run(first_frame, usage.ru_maxrss / scale)


def _drain(leader: int, child: subprocess.Popen[bytes]) -> None:
    """Read until the child closes the terminal, so it is never blocked writing."""
    deadline = time.perf_counter() + TIMEOUT
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.5)
        if ready:
            try:
                if not os.read(leader, 65536):
                    return
            except OSError:
                return
        elif child.poll() is not None:
            return
    child.kill()


PYCACHE: Path | None = None
"""Where the children keep their byte-code (set by ``main``; see the module's docstring)."""


def environment(data_dir: Path | None) -> dict[str, str]:
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
    env.pop("TEXTUAL", None)  # no devtools, no debug
    if PYCACHE is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    if data_dir is not None:
        env["CLOSER_DATA_DIR"] = str(data_dir)
    return env


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


def with_history(folder: Path, years: int) -> Path | None:
    maker = HERE / "make_history.py"
    if not maker.exists():
        return None
    subprocess.run(
        [sys.executable, str(maker), str(folder), "--years", str(years)],
        check=True,
        cwd=REPO,
        timeout=600,
        stdout=subprocess.DEVNULL,
    )
    return folder


def compare(label: str, data_dir: Path, runs: int) -> tuple[float, float]:
    """Interleaved runs of both; prints one block and returns (time ratio, memory ratio)."""
    bare_cmd = [sys.executable, str(HERE / "_bare.py")]
    closer_cmd = [sys.executable, "-m", "closer_tui"]
    bare_env, closer_env = environment(None), environment(data_dir)
    # One warm-up each: byte-code caches and the OS's file cache, for both alike.
    spawn_to_first_frame(bare_cmd, bare_env)
    spawn_to_first_frame(closer_cmd, closer_env)
    bare: list[Run] = []
    closer: list[Run] = []
    for index in range(runs):
        pair = [(bare, bare_cmd, bare_env), (closer, closer_cmd, closer_env)]
        if index % 2:
            pair.reverse()
        for results, command, env in pair:
            results.append(spawn_to_first_frame(command, env))

    bare_time = statistics.median(r.seconds for r in bare)
    closer_time = statistics.median(r.seconds for r in closer)
    bare_mem = statistics.median(r.max_rss_mib for r in bare)
    closer_mem = statistics.median(r.max_rss_mib for r in closer)
    time_ratio, mem_ratio = closer_time / bare_time, closer_mem / bare_mem
    print(f"\n{label} ({runs} interleaved runs each, medians)")
    print(f"  {'':22}{'first frame':>14}{'peak memory':>14}")
    print(f"  {'bare Textual app':22}{bare_time * 1000:>11.0f} ms{bare_mem:>10.1f} MiB")
    print(f"  {'closer':22}{closer_time * 1000:>11.0f} ms{closer_mem:>10.1f} MiB")
    print(
        f"  {'ratio':22}{time_ratio:>13.2f}x{mem_ratio:>13.2f}x"
        f"   goals: <= {TIME_GOAL}x, <= {MEMORY_GOAL}x  "
        f"{_verdict(time_ratio <= TIME_GOAL and mem_ratio <= MEMORY_GOAL)}"
    )
    spread = [f"{r.seconds * 1000:.0f}" for r in closer]
    print(f"  closer runs (ms): {' '.join(spread)}")
    return time_ratio, mem_ratio


def _verdict(met: bool) -> str:
    return "met" if met else "MISSED"


def import_profile(top: int = 12) -> None:
    """Where closer's extra start-up goes: imports beyond a bare app, and loading content."""

    def self_times(statement: str) -> dict[str, int]:
        command = [sys.executable, "-X", "importtime", "-c", statement]
        env = environment(None)
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
    # What ``closer`` imports before its first frame (the store, the models and
    # the content library load after it).
    closer = self_times(FIRST_FRAME_IMPORTS)
    extra = {name: us for name, us in closer.items() if name not in bare}
    by_package: dict[str, int] = {}
    for name, micros in extra.items():
        package = name.split(".")[0]
        by_package[package] = by_package.get(package, 0) + micros
    print(f"\nModules closer imports beyond a bare app: {sum(extra.values()) / 1000:.0f} ms in all")
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
        env=environment(None),
    )
    catalog, whole = done.stdout.split()
    print(f"\nReading the titles home lists (built_in_catalog()): {catalog} ms")
    print(f"Loading the whole content library, after the first frame (library()): {whole} ms")


FIRST_FRAME_IMPORTS = (
    "import closer_tui.__main__, closer_tui.app, closer_tui.screens.home, closer_tui.core.quick"
)

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
    missed = False
    global PYCACHE
    with tempfile.TemporaryDirectory(prefix="closer-startup-") as tmp:
        root = Path(tmp)
        PYCACHE = root / "pycache"
        ratios = [compare("Empty history", couple_only(root / "empty"), args.runs)]
        history = None if args.no_history else with_history(root / "history", args.years)
        if history is not None:
            count = len(list((history / "sessions").glob("*.json")))
            ratios.append(
                compare(f"{args.years}-year history ({count} sessions)", history, args.runs)
            )
        missed = any(t > TIME_GOAL or m > MEMORY_GOAL for t, m in ratios)
        if args.profile or missed:
            import_profile()
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())

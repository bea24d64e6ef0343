"""How honest closer's timers are, side by side with a bare Textual app in one run.

    python benchmarks/timer.py            # the whole run, about 8 minutes
    python benchmarks/timer.py --quick    # shorter runs, for a first look

Prints:
1. How late a countdown's end is noticed against its true end on the
   monotonic clock, with the event loop idle and made busy (a 30 ms block
   every 50 ms). Goal: median <= 50 ms, worst <= 150 ms.
2. Drift over a 30-minute plan: a fake clock jumps irregularly through 30
   minutes and the end must land on the exact second; then once for real,
   a 60-second countdown.
3. CPU seconds used while closer's hug countdown runs for 60 s, against a bare
   Textual app showing a clock that updates once a second. Goal: <= 1.5x.
   Measured twice: on the hug's own screen, and as the step of a guided
   session (whose clock line and autosave run beside it). Each run is its
   own process; the kinds take turns, so a busy moment hits all of them.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from textual.app import App, ComposeResult

from closer_tui.core.clock import Countdown, ManualClock
from closer_tui.widgets.countdown import CountdownPanel

CHILD = Path(__file__).with_name("_cpu_child.py")
BUSY_BLOCK = 0.030
BUSY_EVERY = 0.050


class PanelHost(App[None]):
    """The real CountdownPanel, alone, optionally on a busy event loop."""

    def __init__(self, seconds: float, busy: bool) -> None:
        super().__init__()
        self.seconds = seconds
        self.busy = busy
        self.late: float | None = None

    def compose(self) -> ComposeResult:
        yield CountdownPanel(self.seconds, clock=time.monotonic, bell=False, pulse=False)

    def on_mount(self) -> None:
        panel = self.query_one(CountdownPanel)
        self.true_end = time.monotonic() + self.seconds
        panel.start()
        if self.busy:
            self.set_interval(BUSY_EVERY, self._block)

    def _block(self) -> None:
        until = time.perf_counter() + BUSY_BLOCK
        while time.perf_counter() < until:
            pass

    def on_countdown_panel_ended(self, event: CountdownPanel.Ended) -> None:
        self.late = time.monotonic() - self.true_end
        self.exit()


async def lateness(seconds: float, busy: bool) -> float:
    app = PanelHost(seconds, busy)
    async with app.run_test(headless=True, size=(80, 24)) as pilot:
        while app.late is None:
            await pilot.pause(0.05)
    assert app.late is not None
    return app.late


def fake_thirty_minutes() -> float:
    """Error, in seconds, of a 30-minute countdown's own account after irregular looks.

    Each look reads the clock, so however unevenly the screen looks (a blocked
    loop, a busy machine), the elapsed time it reports is the clock's.
    """
    clock = ManualClock()
    countdown = Countdown(30 * 60, clock)
    countdown.start()
    gaps = [0.25, 1.0, 0.999, 3.7, 0.001, 12.0]
    looks = 0
    while not countdown.poll():
        clock.advance(gaps[looks % len(gaps)])
        looks += 1
    return abs(countdown.elapsed - 30 * 60)


# -- CPU: closer's hug screen vs a bare clock, each in its own process ---------------


def cpu_seconds(kind: str, seconds: float) -> float:
    with tempfile.TemporaryDirectory() as data:
        out = subprocess.run(
            [sys.executable, str(CHILD), kind, str(seconds), data],
            capture_output=True, text=True, check=True, timeout=seconds + 60,
        )  # fmt: skip
    return float(json.loads(out.stdout.strip().splitlines()[-1])["cpu"])


def main() -> None:
    import asyncio

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="shorter runs")
    args = parser.parse_args()
    runs = 5 if args.quick else 10
    short = 2.0
    real = 10.0 if args.quick else 60.0
    cpu_for = 15.0 if args.quick else 60.0

    print(f"closer timer benchmark · python {sys.version.split()[0]} · pid {os.getpid()}\n")
    print(f"1. End of a {short:.0f}-second countdown vs its true end ({runs} runs each)")
    for busy in (False, True):
        lates = [asyncio.run(lateness(short, busy)) * 1000 for _ in range(runs)]
        label = "busy loop" if busy else "idle loop"
        print(
            f"   {label}: median {statistics.median(lates):6.1f} ms late, "
            f"worst {max(lates):6.1f} ms   (goal: median <= 50, worst <= 150)"
        )

    print("\n2. Drift")
    error = fake_thirty_minutes()
    print(f"   30-minute countdown on a fake clock, irregular looks: error {error:.6f} s")
    late = asyncio.run(lateness(real, False)) * 1000
    print(f"   a real {real:.0f}-second countdown ended {late:.1f} ms after its true end")

    rounds = 3
    print(
        f"\n3. CPU while a countdown runs for {cpu_for:.0f} s, start-up excluded "
        f"({rounds} runs each, medians)"
    )
    kinds = {
        "bare": "bare Textual clock (1 Hz)",
        "hug": "closer, the hug's screen",
        "session": "closer, a session's hug step",
    }
    used: dict[str, list[float]] = {kind: [] for kind in kinds}
    for _ in range(rounds):
        for kind in kinds:
            used[kind].append(cpu_seconds(kind, cpu_for))
    bare = statistics.median(used["bare"])
    for kind, label in kinds.items():
        cpu = statistics.median(used[kind])
        ratio = "" if kind == "bare" else f"   {cpu / bare:.2f}x   (goal: <= 1.5x)"
        print(f"   {label:30} {cpu:5.2f} s CPU ({cpu / cpu_for * 1000:4.1f} ms/s){ratio}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"\n(peak memory of this process: {peak} MiB)")


if __name__ == "__main__":
    main()

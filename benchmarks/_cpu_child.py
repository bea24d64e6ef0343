"""Child process of benchmarks/timer.py: one app in a real terminal, its CPU over N seconds.

    python benchmarks/_cpu_child.py KIND SECONDS DATA_DIR [--profile]   (run by timer.py)

``bare`` is the yardstick: a Header, a clock repainted once a second, a Footer.
The other kinds are closer itself, opened the way a couple opens it: a place
by its id (as home and the palette do), then the keys a couple presses.

* ``hug``: practice 2's screen, space (both ready), + for more minutes;
* ``eye_gazing``: the eye-gazing exercise, space (three minutes);
* ``stress_talk``: practice 1's talk, space (phones away), space (both ready);
* ``session``: the Quick reconnect plan, whose first step is the hug; space, +.

The app runs with its real driver (the terminal is the parent's pty) and a
Textual auto-pilot presses the keys. Once a countdown is running, CPU is
counted from one second later for SECONDS, while the pilot sleeps; the
figures go to the parent through ``_pty.report``.
"""

from __future__ import annotations

import asyncio
import cProfile
import io
import math
import pstats
import resource
import sys
import threading
import time
from collections.abc import Awaitable, Callable
from contextlib import suppress
from pathlib import Path

from _pty import report
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Digits, Footer, Header

SETTLE_SECONDS = 1.0


def cpu_now() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


PROFILE = "--profile" in sys.argv


def cpu_by_thread() -> dict[str, float]:
    """CPU seconds each of this process's threads has used, by thread name (Linux's /proc).

    Shows whether the loop's thread or Textual's writer is the one working
    (``schedstat``: nanoseconds on a CPU; empty where the kernel keeps none).
    """
    names = {thread.native_id: thread.name for thread in threading.enumerate()}
    used: dict[str, float] = {}
    for task in Path("/proc/self/task").iterdir():
        with suppress(OSError, ValueError):
            on_cpu = int((task / "schedstat").read_text().split()[0]) / 1e9
            name = names.get(int(task.name), f"thread {task.name}")
            used[name] = used.get(name, 0.0) + on_cpu
    return used


async def measure(pilot: Pilot[None], seconds: float) -> None:
    """CPU from one second from now, for ``seconds``, the pilot asleep; then report and quit.

    With ``--profile``, the same window under cProfile (the event loop's
    thread only), its top functions in the report.
    """
    await asyncio.sleep(SETTLE_SECONDS)
    profiler = cProfile.Profile() if PROFILE else None
    if profiler is not None:
        profiler.enable()
    driver = pilot.app._driver
    assert driver is not None
    written = {"bytes": 0, "writes": 0}
    write = driver.write

    def counted(data: str) -> None:
        written["bytes"] += len(data)
        written["writes"] += 1
        write(data)

    driver.write = counted  # type: ignore[method-assign]
    threads = cpu_by_thread()  # before the count starts: its own cost is not counted
    started = cpu_now()
    await asyncio.sleep(seconds)
    figures: dict[str, object] = {"cpu": cpu_now() - started, "seconds": seconds, **written}
    figures["threads"] = {
        name: round(used - threads.get(name, 0.0), 4) for name, used in cpu_by_thread().items()
    }
    if profiler is not None:
        profiler.disable()
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out).strip_dirs()
        stats.sort_stats("tottime").print_stats(40)
        stats.sort_stats("cumulative").print_stats(80)
        figures["profile"] = out.getvalue()
    report(figures)
    pilot.app.exit()


class BareClock(App[None]):
    """The yardstick: a header, a footer and a clock repainted once a second."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Digits("")
        yield Footer()

    def on_mount(self) -> None:
        self.set_interval(1, self.tick)
        self.tick()

    def tick(self) -> None:
        self.query_one(Digits).update(time.strftime("%H:%M:%S"))


def closer_app(data: Path) -> App[None]:
    """closer on a data folder holding a couple, opened as the tests open it."""
    from closer_tui.app import CloserApp
    from closer_tui.core.models import Couple, Partner
    from closer_tui.core.store import Store

    store = Store.open(data)
    store.save_couple(
        Couple(
            first=Partner(name="Alex", colour="orange"), second=Partner(name="Sam", colour="sky")
        )
    )
    return CloserApp(store)


Opening = Callable[[App[None]], None]


def place(place_id: str) -> Opening:
    return lambda app: app.open_place(place_id)  # type: ignore[attr-defined]


def plan(plan_id: str) -> Opening:
    return lambda app: app.start_plan(plan_id)  # type: ignore[attr-defined]


# kind: how to get there, and the keys that start its countdown.
CLOSER_KINDS: dict[str, tuple[Opening, list[str]]] = {
    "hug": (place("affection"), ["space"]),
    "eye_gazing": (place("eye-gazing"), ["space"]),
    "stress_talk": (place("daily-connection"), ["space", "space"]),
    "session": (plan("quick-reconnect"), ["space"]),
    "break": (lambda app: app.action_take_break(), ["enter"]),  # type: ignore[attr-defined]
}


def drive_closer(kind: str, seconds: float) -> Callable[[Pilot[None]], Awaitable[None]]:
    opening, keys = CLOSER_KINDS[kind]

    async def drive(pilot: Pilot[None]) -> None:
        from closer_tui.core.clock import Phase
        from closer_tui.widgets.countdown import CountdownPanel

        await pilot.pause()
        opening(pilot.app)
        await pilot.pause(0.3)
        await pilot.press(*keys)
        await pilot.pause(0.3)
        running = [
            panel
            for panel in pilot.app.screen.query(CountdownPanel)
            if panel.countdown.phase is Phase.RUNNING
        ]
        if not running:
            report({"error": f"{kind}: no countdown running on {pilot.app.screen!r}"})
            pilot.app.exit(return_code=1)
            return
        # + adds a minute, as a couple would, until the countdown outlasts the run.
        short = SETTLE_SECONDS + seconds + 5 - running[0].countdown.remaining
        if short > 0:
            await pilot.press(*["plus"] * math.ceil(short / 60))
        if running[0].countdown.remaining < SETTLE_SECONDS + seconds:
            report({"error": f"{kind}: the countdown would end within the run"})
            pilot.app.exit(return_code=1)
            return
        await measure(pilot, seconds)

    return drive


def main() -> None:
    kind, seconds, data = sys.argv[1], float(sys.argv[2]), Path(sys.argv[3])
    if kind == "bare":
        BareClock().run(auto_pilot=lambda pilot: measure(pilot, seconds))
    else:
        closer_app(data).run(auto_pilot=drive_closer(kind, seconds))


if __name__ == "__main__":
    main()

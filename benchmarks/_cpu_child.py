"""Child process of benchmarks/timer.py: run one app headless for N seconds, print its CPU.

python benchmarks/_cpu_child.py bare|hug|session SECONDS DATA_DIR

``hug`` is closer's hug screen; ``session`` is the same hug as the step of a
guided session, with the session's own clock line and autosave running too.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Digits, Footer, Header

MEASURED: dict[str, float] = {}


def cpu_now() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


SETTLE_SECONDS = 1.0


def measure_for(app: App[None], seconds: float) -> None:
    """Count CPU from one second from now, for ``seconds``; then exit."""

    def begin() -> None:
        MEASURED["start"] = cpu_now()
        app.set_timer(seconds, stop)

    def stop() -> None:
        MEASURED["used"] = cpu_now() - MEASURED["start"]
        app.exit()

    app.set_timer(SETTLE_SECONDS, begin)


class BareClock(App[None]):
    """The yardstick: a header, a footer and a clock repainted once a second."""

    def __init__(self, seconds: float) -> None:
        super().__init__()
        self.seconds = seconds

    def compose(self) -> ComposeResult:
        yield Header()
        yield Digits("")
        yield Footer()

    def on_mount(self) -> None:
        self.set_interval(1, self.tick)
        self.tick()
        measure_for(self, self.seconds)

    def tick(self) -> None:
        self.query_one(Digits).update(time.strftime("%H:%M:%S"))


def closer_hug(seconds: float, data: Path, *, in_session: bool = False) -> App[None]:
    """closer itself, with a hug long enough to outlast the run: alone, or as a session's step."""
    from closer_tui.app import CloserApp
    from closer_tui.core.content import Plan, PlanStep, library
    from closer_tui.core.models import Couple, Partner
    from closer_tui.core.plans import GuidedRun
    from closer_tui.core.store import Store
    from closer_tui.screens.hug import hug_screen
    from closer_tui.screens.session import SessionScreen
    from closer_tui.widgets.both_ready import BothReady

    store = Store.open(data)
    store.save_couple(
        Couple(
            first=Partner(name="Alex", colour="orange"), second=Partner(name="Sam", colour="sky")
        )
    )
    # Thirty minutes, as Tonight's 30: the session's own bar moves as it would there.
    plan = Plan(
        id="one-long-hug",
        title="One long hug",
        minutes=30,
        summary="A hug that outlasts the measured run.",
        steps=[
            PlanStep(activity="hug", title="A long hug", minutes=2),
            PlanStep(activity="question", title="A question", minutes=28),
        ],
    )

    class TimedCloser(CloserApp):
        def on_mount(self) -> None:
            super().on_mount()
            self.call_after_refresh(self.go)

        async def go(self) -> None:
            if in_session:
                await self.opened.wait()
                run = GuidedRun(plan, self.clock, self.now())
                await self.push_screen(SessionScreen(plan, run))
            else:
                await self.push_screen(hug_screen(self))
            self.set_timer(0.2, self.start_hug)

        def start_hug(self) -> None:
            self.screen.query_one(BothReady).action_together()
            measure_for(self, seconds)

    content = library()
    long_hug = content.hug.model_copy(update={"seconds": int(seconds) + 10})
    return TimedCloser(store, content=content.model_copy(update={"hug": long_hug}))


def main() -> None:
    kind, seconds, data = sys.argv[1], float(sys.argv[2]), Path(sys.argv[3])
    if kind == "bare":
        app: App[None] = BareClock(seconds)
    else:
        app = closer_hug(seconds, data, in_session=kind == "session")
    app.run(headless=True, size=(80, 24))
    print(json.dumps({"cpu": MEASURED["used"]}))


if __name__ == "__main__":
    main()

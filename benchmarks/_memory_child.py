"""Child process of benchmarks/memory.py: one app in a real terminal, its memory once settled.

    python benchmarks/_memory_child.py bare|closer DATA_DIR [--where]   (run by memory.py)

``bare`` is ``_bare.py``'s app (a Header and a Footer), measured two seconds
after its first frame. ``closer`` opens on DATA_DIR, waits until the app has
loaded the history, opens the History screen by its id (as home's h and the
palette do), waits for that screen's workers, and is measured two seconds
later. Both report the resident set now (``VmRSS``) and at its peak
(``VmHWM``), in MiB, through ``_pty.report``.

``--where`` starts ``tracemalloc`` before anything is imported and reports
where the memory that Python allocated is, by package, by the closer line
that led to it, and by single line. Tracing costs memory and time itself, so
its run is not the one whose resident set is compared.
"""

from __future__ import annotations

import sys
import tracemalloc

WHERE = "--where" in sys.argv
if WHERE:
    tracemalloc.start(8)

import asyncio  # noqa: E402
import linecache  # noqa: E402
from collections import Counter  # noqa: E402
from pathlib import Path  # noqa: E402

from _pty import report  # noqa: E402
from textual.app import App  # noqa: E402
from textual.pilot import Pilot  # noqa: E402

SETTLE_SECONDS = 2.0
MIB = 1024 * 1024


def resident() -> dict[str, float]:
    """The resident set now and at its peak, from /proc (Linux), in MiB."""
    figures = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            figures[name] = int(value.split()[0]) / 1024
    return figures


def package_of(filename: str) -> str:
    """``textual``, ``closer_tui``, ``pydantic``…, or the file itself outside site-packages."""
    if filename.startswith("<frozen"):
        return "<imports: byte-code and module objects>"
    parts = Path(filename).parts
    for anchor in ("site-packages", "src"):
        if anchor in parts:
            rest = parts[parts.index(anchor) + 1 :]
            return rest[0].removesuffix(".py") if rest else filename
    if "lib" in parts:
        return "<stdlib> " + Path(filename).stem
    return filename


def where(snapshot: tracemalloc.Snapshot, top: int = 12) -> dict[str, object]:
    """Where the traced memory is: by package, by the innermost closer line, by line."""
    stats = snapshot.filter_traces(
        [tracemalloc.Filter(False, tracemalloc.__file__), tracemalloc.Filter(False, __file__)]
    ).statistics("traceback")
    by_package: Counter[str] = Counter()
    by_closer_line: Counter[str] = Counter()
    for stat in stats:
        frames = list(stat.traceback)  # most recent call last
        by_package[package_of(frames[-1].filename)] += stat.size
        mine = [f for f in frames if "closer_tui" in f.filename]
        if mine:
            frame = mine[-1]
            short = frame.filename.split("closer_tui/")[-1]
            source = linecache.getline(frame.filename, frame.lineno).strip()
            by_closer_line[f"{short}:{frame.lineno}  {source[:60]}"] += stat.size
        else:
            by_closer_line["(not from closer's code: imports, Textual, the loop)"] += stat.size
    by_line: Counter[str] = Counter()
    for stat in snapshot.statistics("lineno")[: top * 3]:
        frame = stat.traceback[-1]
        short = "/".join(Path(frame.filename).parts[-2:])
        by_line[f"{short}:{frame.lineno}"] += stat.size
    total = sum(stat.size for stat in stats)

    def mib(counter: Counter[str]) -> list[tuple[str, float]]:
        return [(name, size / MIB) for name, size in counter.most_common(top)]

    return {
        "traced": total / MIB,
        "by_package": mib(by_package),
        "by_closer_line": mib(by_closer_line),
        "by_line": mib(by_line),
    }


async def settle_and_report(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await asyncio.sleep(SETTLE_SECONDS)
    await pilot.pause()
    figures: dict[str, object] = {**resident(), "screen": type(pilot.app.screen).__name__}
    if WHERE:
        figures["where"] = where(tracemalloc.take_snapshot())
    report(figures)
    pilot.app.exit()


async def open_history(pilot: Pilot[None]) -> None:
    app = pilot.app
    while not getattr(app, "history_loaded", False):
        await asyncio.sleep(0.05)
    app.open_place("history")  # type: ignore[attr-defined]
    await pilot.pause()
    await app.workers.wait_for_complete()
    await settle_and_report(pilot)


def main() -> None:
    kind, data = sys.argv[1], Path(sys.argv[2])
    if kind == "bare":
        from _bare import BareApp

        BareApp().run(auto_pilot=settle_and_report)
        return
    from closer_tui.app import CloserApp
    from closer_tui.core.store import Store

    app: App[None] = CloserApp(Store.open(data))
    app.run(auto_pilot=open_history)


if __name__ == "__main__":
    main()

"""The lock's costs, each beside the same thing unlocked (or a bare Textual app), in one run.

    python benchmarks/lock.py [--years 10] [--runs 5] [--frames 8] [--no-frames]

Prints one table of medians (range, noise):

* unlocking: ``Store.open`` and ``unlock`` with the first partner's passphrase,
  the second's (both slots tried side by side), the recovery code, and a wrong
  one, with this closer's Argon2id parameters (goal: at most 0.5 s);
* loading ten years of history (``benchmarks/make_history.py``) locked against
  the same folder plain, the result held while the young generations are
  collected, as the app holds it (goal: at most 1.5x);
* saving one more session into that history, locked against plain (goal: at
  most 1.5x);
* turning the lock on and off for the whole history (no goal: it happens once);
* the first frame of a locked closer (the lock screen) in a fresh 80x24
  pseudo-terminal against the bare Textual app of ``_bare.py``, in rounds that
  take turns (goal: at most 1.3x), with plain home beside them for reference.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _pty import Spread
from history import one_more_session, time_load
from make_history import make_history
from startup import BARE, Kind, couple_only, spawn_to_first_frame

from closer_tui.core.store import Store

FIRST = "the first partner's passphrase"
SECOND = "and the second partner's own"
UNLOCK_GOAL = 0.5
LOAD_GOAL = 1.5
SAVE_GOAL = 1.5
FRAME_GOAL = 1.3


def verdict(value: float, goal: float, unit: str) -> str:
    return f"{value:.2f}{unit}  {'met' if value <= goal else 'MISSED'} (goal <= {goal}{unit})"


def spread(action: Callable[[], object], runs: int) -> Spread:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return Spread(times)


def row(label: str, found: Spread, note: str = "") -> str:
    return f"  {label:44}{found.median * 1000:>8.0f} ms  {found.describe(1000):<20}{note}"


def unlocking(root: Path, code: str, runs: int) -> bool:
    from closer_tui.core.lock import PASSPHRASE_KDF, derive

    salt = bytes(16)
    print(
        row(
            "one Argon2id derivation (for reference)",
            spread(lambda: derive(FIRST, salt, PASSPHRASE_KDF), runs),
        )
    )
    met = True
    for label, secret in (
        ("unlock: first partner's passphrase", FIRST),
        ("unlock: second partner's passphrase", SECOND),
        ("unlock: the recovery code", code),
        ("unlock: a wrong passphrase", "not the passphrase at all"),
    ):
        found = spread(lambda secret=secret: Store.open(root).unlock(secret), runs)
        ok = found.median <= UNLOCK_GOAL
        met = met and ok
        print(row(label, found, f"{'met' if ok else 'MISSED'} (goal <= {UNLOCK_GOAL} s)"))
    return met


def loading(plain: Path, locked: Path, runs: int) -> bool:
    plain_store = Store.open(plain)
    locked_store = Store.open(locked)
    locked_store.unlock(FIRST)
    times: dict[str, list[float]] = {"plain": [], "locked": []}
    for _ in range(runs):  # interleaved: a busy moment slows both alike
        times["plain"].append(time_load(plain_store.load_history, held=True))
        times["locked"].append(time_load(locked_store.load_history, held=True))
    flat, sealed = Spread(times["plain"]), Spread(times["locked"])
    ratio = sealed.median / flat.median
    print(row("load ten years, plain", flat))
    print(row("load ten years, locked", sealed, verdict(ratio, LOAD_GOAL, "x")))
    return ratio <= LOAD_GOAL


def saving(plain: Path, locked: Path, runs: int) -> bool:
    plain_store = Store.open(plain)
    locked_store = Store.open(locked)
    locked_store.unlock(FIRST)
    times: dict[str, list[float]] = {"plain": [], "locked": []}
    for _ in range(runs * 4):
        for key, store in (("plain", plain_store), ("locked", locked_store)):
            record = one_more_session()
            start = time.perf_counter()
            store.save_session(record)
            times[key].append(time.perf_counter() - start)
    flat, sealed = Spread(times["plain"]), Spread(times["locked"])
    ratio = sealed.median / flat.median
    print(row("save one more session, plain", flat))
    print(row("save one more session, locked", sealed, verdict(ratio, SAVE_GOAL, "x")))
    return ratio <= SAVE_GOAL


def first_frames(root: Path, runs: int) -> bool:
    pycache = root / "pycache"
    home = couple_only(root / "frame-home")
    locked = couple_only(root / "frame-locked")
    Store.open(locked).turn_lock_on(FIRST, SECOND)
    closer = [sys.executable, "-m", "closer_tui"]
    kinds = [
        Kind("bare Textual app", [sys.executable, str(BARE)], b"Tonight", b"palette", lambda: None),
        Kind("lock screen (locked closer)", closer, b"closer is locked", b"Break", lambda: locked),
        Kind("home (plain closer)", closer, b"Tonight", b"Find", lambda: home),
    ]
    for kind in kinds:  # warm-up: byte-code and the file cache
        spawn_to_first_frame(kind, pycache)
    found: dict[str, list[float]] = {kind.label: [] for kind in kinds}
    for index in range(runs):
        shift = index % len(kinds)
        for kind in kinds[shift:] + kinds[:shift]:
            found[kind.label].append(spawn_to_first_frame(kind, pycache).seconds)
    bare = Spread(found[kinds[0].label])
    met = True
    for kind in kinds:
        times = Spread(found[kind.label])
        note = ""
        if kind is not kinds[0]:
            ratio = times.median / bare.median
            note = verdict(ratio, FRAME_GOAL, "x")
            if kind is kinds[1]:
                met = ratio <= FRAME_GOAL
        print(row(f"first frame: {kind.label}", times, note))
    return met


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--frames", type=int, default=8, help="rounds of first frames")
    parser.add_argument("--no-frames", action="store_true", help="skip the first frames")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="closer-lock-bench-") as tmp:
        root = Path(tmp)
        plain, locked = root / "plain", root / "locked"
        count = make_history(plain, args.years)
        shutil.copytree(plain, locked)
        store = Store.open(locked)
        started = time.perf_counter()
        code = store.turn_lock_on(FIRST, SECOND)
        lock_on = time.perf_counter() - started
        print(f"{count} sessions; medians (range ms, noise)\n")
        met = unlocking(locked, code, args.runs)
        met = loading(plain, locked, args.runs) and met
        met = saving(plain, locked, args.runs) and met
        print(f"  {'turn the lock on, ' + str(count) + ' sessions':44}{lock_on * 1000:>8.0f} ms")
        again = Store.open(locked)
        again.unlock(FIRST)
        started = time.perf_counter()
        again.turn_lock_off()
        print(f"  {'turn the lock off, same':44}{(time.perf_counter() - started) * 1000:>8.0f} ms")
        if not args.no_frames:
            met = first_frames(root, args.frames) and met
        print(f"\n{'every goal met' if met else 'a goal was MISSED'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())

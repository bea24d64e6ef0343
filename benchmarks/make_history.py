"""Write a realistic, deterministic history for benchmarks: ``make_history.py DIR [--years 10]``.

One session on most evenings (a hug, a question, appreciations, eye gazing, a
stress-reducing conversation, a guided plan with its steps…) with a little
text from both partners, a weekly check-in with both ratings every week, a
connection check now and then, and a ``couple.json``. Files are written by
``Store.save_session``, so they are exactly what closer writes. Same seed,
same end date: same history.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from closer_tui.core.models import Couple, Entry, Outcome, Partner, SessionRecord, Tally
from closer_tui.core.store import Store

HOME = ZoneInfo("Europe/Berlin")
SEED = 20_250_305

WORDS = [
    "tea",
    "morning",
    "walk",
    "rain",
    "laugh",
    "message",
    "dinner",
    "music",
    "garden",
    "train",
    "tired",
    "proud",
    "kind",
    "listened",
    "carried",
    "remembered",
    "weekend",
    "call",
    "sister",
    "friend",
    "work",
    "plan",
    "patience",
    "hands",
    "window",
    "light",
    "slow",
    "quiet",
    "bread",
    "coffee",
    "letter",
    "holiday",
    "photo",
    "song",
    "river",
    "bike",
]
PROMPTS = [
    "What made you smile today?",
    "Something I did that you noticed",
    "A worry from outside us",
    "What would make tomorrow easier?",
    "A memory you return to",
    "What do you need this week?",
]


def sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(4, 14))
    return " ".join(words).capitalize() + "."


def entries(rng: random.Random, n: int) -> list[Entry]:
    out = []
    for i in range(n):
        who = "first" if i % 2 == 0 else "second"
        if rng.random() < 0.08:
            out.append(Entry(who=who, prompt=rng.choice(PROMPTS), passed=True))
        else:
            out.append(Entry(who=who, prompt=rng.choice(PROMPTS), text=sentence(rng)))
    return out


def step(rng: random.Random, kind: str, title: str, minutes: float, **extra: object) -> Outcome:
    planned = minutes * 60
    return Outcome.model_validate(
        {
            "kind": kind,
            "title": title,
            "planned_seconds": planned,
            "actual_seconds": round(planned * rng.uniform(0.7, 1.2), 1),
            "ready": ["first", "second"],
            **extra,
        }
    )


def evening_session(rng: random.Random, day: date) -> SessionRecord:
    start = datetime.combine(day, time(19), HOME) + timedelta(minutes=rng.randint(0, 210))
    choice = rng.random()
    steps: list[Outcome] = []
    plan = None
    if choice < 0.25:
        plan, kind, title = "tonight-30", "guided", "Tonight's 30"
        steps = [
            step(rng, "hug", "Hug", 1 / 3),
            step(
                rng,
                "appreciation",
                "Appreciations",
                5,
                entries=entries(rng, 4),
                tally=Tally(positive=rng.randint(2, 9), negative=rng.randint(0, 2)),
            ),
            step(rng, "stress_conversation", "Stress-reducing conversation", 15),
            step(rng, "question", "One deeper question", 5, entries=entries(rng, 2)),
            step(rng, "eye_gazing", "Eye gazing", 3),
        ]
    elif choice < 0.4:
        plan, kind, title = "quick-reconnect", "guided", "Quick reconnect"
        steps = [
            step(rng, "hug", "Hug", 1 / 3),
            step(rng, "question", "One question", 5, entries=entries(rng, 2)),
            step(rng, "appreciation", "One appreciation each", 4, entries=entries(rng, 2)),
        ]
    elif choice < 0.55:
        kind, title = "hug", "20-second hug"
    elif choice < 0.7:
        kind, title = "question", "Ask better questions"
    elif choice < 0.82:
        kind, title = "appreciation", "Appreciation ritual"
    elif choice < 0.9:
        kind, title = "eye_gazing", "Eye gazing"
    elif choice < 0.97:
        kind, title = "inner_world", "Share your inner world"
    else:
        kind, title = "connection_check", "Connection check"
    minutes = {"hug": 1 / 3, "eye_gazing": 3, "guided": 0}.get(kind, rng.uniform(5, 25))
    body = step(rng, kind, title, minutes)
    extra: dict[str, object] = {}
    if kind in ("question", "appreciation", "inner_world"):
        extra["entries"] = entries(rng, rng.randint(2, 6))
    if kind == "question" and day.day in (1, 15):
        # Now and then a card they loved, as a deck saves it (no draw: the rest stays the same).
        cards = [f"q-{day.toordinal()}-{i}" for i in range(len(extra["entries"]))]  # type: ignore[arg-type]
        extra["data"] = {"cards": cards, "loved": cards[:1]}
    if kind == "appreciation":
        extra["tally"] = Tally(positive=rng.randint(1, 8), negative=rng.randint(0, 2))
    if kind == "connection_check":
        extra["ratings"] = {"first": rng.randint(2, 5), "second": rng.randint(2, 5)}
    seconds = body.actual_seconds + sum(s.actual_seconds for s in steps)
    return SessionRecord.model_validate(
        {
            **body.model_dump(),
            **extra,
            "actual_seconds": seconds,
            "started_at": start.astimezone(UTC),
            "ended_at": (start + timedelta(seconds=seconds + 30)).astimezone(UTC),
            "plan": plan,
            "steps": steps,
            "completed": rng.random() > 0.05,
            "id": f"{rng.getrandbits(128):032x}",
        }
    )


def weekly_checkin(rng: random.Random, day: date, mood: float) -> SessionRecord:
    start = datetime.combine(day, time(17, 30), HOME)
    steps = [
        step(rng, "hug", "Hug", 1 / 3),
        step(rng, "dtr", "Daily Temperature Reading", 15, entries=entries(rng, 10)),
        step(
            rng,
            "weekly_checkin",
            "Weekly check-in",
            12,
            entries=entries(rng, 6),
            ratings={
                "first": max(1, min(10, round(mood + rng.gauss(0, 1)))),
                "second": max(1, min(10, round(mood + rng.gauss(0, 1)))),
            },
        ),
    ]
    seconds = sum(s.actual_seconds for s in steps)
    return SessionRecord(
        id=f"{rng.getrandbits(128):032x}",
        kind="guided",
        title="Weekly check-in",
        plan="weekly-checkin",
        actual_seconds=seconds,
        started_at=start.astimezone(UTC),
        ended_at=(start + timedelta(seconds=seconds + 60)).astimezone(UTC),
        steps=steps,
    )


def sessions(years: int, end: date, seed: int = SEED) -> Iterator[SessionRecord]:
    """Every session of ``years`` years up to ``end``, in date order."""
    rng = random.Random(seed)
    day = end - timedelta(days=round(365.25 * years) - 1)
    mood = 7.0
    while day <= end:
        if day.weekday() == 6:  # Sunday afternoon: the weekly check-in
            mood = max(3.0, min(9.5, mood + 0.1 * (7.5 - mood) + rng.gauss(0, 0.4)))
            yield weekly_checkin(rng, day, mood)
        yield evening_session(rng, day)
        day += timedelta(days=1)


def couple() -> Couple:
    return Couple(
        first=Partner(name="Alex", colour="orange"), second=Partner(name="Sam", colour="sky")
    )


def make_history(root: Path, years: int, end: date | None = None) -> int:
    """Write the history under ``root``; return how many sessions were written."""
    store = Store.open(root)
    if store.load_couple() is None:
        store.save_couple(couple())
    records = list(sessions(years, end or datetime.now(HOME).date() - timedelta(days=1)))
    # Each save fsyncs; a few threads overlap the waits.
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(store.save_session, records))
    return len(records)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", type=Path)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--end", type=date.fromisoformat, help="last day (default: yesterday)")
    args = parser.parse_args(argv)
    count = make_history(args.dir, args.years, args.end)
    print(f"Wrote {count} sessions to {args.dir}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

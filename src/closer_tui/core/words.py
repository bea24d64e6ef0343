"""How closer says what happened: a duration, a step, an evening, names in a sentence.

One place, so the app, ``closer history`` and the export never disagree: a
step the app shows as "skipped" is "skipped" in the export too, and 59.4
seconds is "59 s" everywhere. The words describe what the couple did; none
of them grades it ("stopped early" read like a mark against them).

Imports nothing heavy: ``closer history`` and the export use it as they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, Protocol

ENDINGS = (".", "!", "?", "…", "”", '"', ")")
"""A sentence that already ends with one of these gets no full stop of its own."""


BOOKKEEPING = frozenset({"depth", "step", "role", "theme", "score"})
"""Parts of an entry that say where it came from rather than what was said."""


class EntryLike(Protocol):
    """What the words need from one thing a partner wrote."""

    @property
    def text(self) -> str: ...

    @property
    def parts(self) -> dict[str, str]: ...


class StepLike(Protocol):
    """What the words need from a step of a guided session."""

    @property
    def actual_seconds(self) -> float: ...

    @property
    def data(self) -> dict[str, Any]: ...


def duration_words(seconds: float) -> str:
    """A duration as people say it: "20 s", "31 min", "1 h 05 min".

    Whole seconds first, rounded to the nearest, so no second is invented
    and 59.6 s becomes "1 min" rather than "60 s".
    """
    whole = int(max(seconds, 0.0) + 0.5)
    if whole < 60:
        return f"{whole} s"
    minutes = (whole + 30) // 60
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d} min"


def when_words(moment: datetime, now: datetime) -> str:
    """When something happened, as people say it, in local time: "today at 10:07",
    "yesterday at 21:30", "on Tuesday at 10:07" within the week, else "on 3 November at 10:07"."""
    moment, now = moment.astimezone(), now.astimezone()
    clock = f"{moment:%H:%M}"
    days = (now.date() - moment.date()).days
    if days == 0:
        return f"today at {clock}"
    if days == 1:
        return f"yesterday at {clock}"
    if 1 < days < 7:
        return f"on {moment:%A} at {clock}"
    year = "" if moment.year == now.year else f" {moment.year}"
    return f"on {moment.day} {moment:%B}{year} at {clock}"


def skipped(step: StepLike) -> bool:
    """The couple passed this step of a plan (a guided session's ctrl+k)."""
    return step.data.get("skipped") is True


def step_words(step: StepLike) -> str:
    """What became of one step: the time it took, or that it was skipped."""
    return "skipped" if skipped(step) else duration_words(step.actual_seconds)


def steps_words(steps: Sequence[StepLike]) -> str:
    """How many steps of a plan the couple did ("3 steps"); "" for a single practice.

    A count of what was done, never "of 7": a short evening is still an evening.
    """
    if not steps:
        return ""
    done = sum(1 for step in steps if not skipped(step))
    return f"{done} step" if done == 1 else f"{done} steps"


def said_parts(entry: EntryLike) -> dict[str, str]:
    """The named parts worth showing: none when the text already says it all, no bookkeeping."""
    if entry.text.strip():
        return {}
    return {k: v for k, v in entry.parts.items() if k not in BOOKKEEPING and v.strip()}


def and_words(names: Sequence[str]) -> str:
    """Names (or phrases) joined as a sentence says them: "Alex and Zoë", "a, b and c"."""
    names = [name.strip() for name in names if name.strip()]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def sentence(text: str) -> str:
    """``text`` as one sentence: trimmed, with a single full stop unless it already ends."""
    text = text.strip()
    if not text or text.endswith(ENDINGS):
        return text
    return text + "."

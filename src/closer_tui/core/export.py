"""The couple's history as a file to keep: Markdown to read or print, JSON to reuse.

Markdown is for people: newest session first, dates in local time, every
entry under the name of the partner who wrote it. JSON is for machines: the
records exactly as closer keeps them, so reading a session back with
``SessionRecord.model_validate`` gives the same record.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import tzinfo
from typing import Any

from closer_tui.core.insights import recorded_seconds
from closer_tui.core.models import Couple, Entry, Outcome, SessionRecord
from closer_tui.core.words import duration_words, said_parts, step_words, steps_words

EXPORT_FORMAT = 1
"""Version of the JSON export document, bumped if its shape ever changes."""

FALLBACK_NAMES = {"first": "First partner", "second": "Second partner"}


def to_json(couple: Couple | None, sessions: Sequence[SessionRecord]) -> str:
    """``{"closer_export": 1, "couple": ..., "sessions": [...]}``, sessions newest first."""
    document: dict[str, Any] = {
        "closer_export": EXPORT_FORMAT,
        "couple": None if couple is None else couple.model_dump(mode="json", by_alias=True),
        "sessions": [s.model_dump(mode="json", by_alias=True) for s in _newest_first(sessions)],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def to_markdown(
    couple: Couple | None, sessions: Sequence[SessionRecord], tz: tzinfo | None = None
) -> str:
    """The history as Markdown; ``tz=None`` shows times in this computer's zone."""
    names = _Names(couple)
    ordered = _newest_first(sessions)
    lines = [f"# closer — {names.both}", ""]
    lines += [f"{_count(len(ordered), 'session', 'sessions')}, newest first.", ""]
    for session in ordered:
        lines += _session_lines(session, names, tz)
    return "\n".join(lines).rstrip("\n") + "\n"


# -- pieces ------------------------------------------------------------------------


class _Names:
    """Who is who, by the names the couple chose."""

    def __init__(self, couple: Couple | None) -> None:
        if couple is None:
            self.first, self.second = FALLBACK_NAMES["first"], FALLBACK_NAMES["second"]
        else:
            self.first, self.second = couple.first.name, couple.second.name
        self.both = f"{self.first} & {self.second}"

    def of(self, who: str) -> str:
        return {"first": self.first, "second": self.second}.get(who, self.both)


def _newest_first(sessions: Iterable[SessionRecord]) -> list[SessionRecord]:
    return sorted(sessions, key=lambda s: s.started_at, reverse=True)


def _session_lines(session: SessionRecord, names: _Names, tz: tzinfo | None) -> list[str]:
    start = session.started_at.astimezone(tz)
    when = f"{start:%A} {start.day} {start:%B %Y, %H:%M}"
    lines = [f"## {when} · {session.title}", ""]
    # The same words as the app's history: how long, and for a plan how many steps.
    said = [duration_words(recorded_seconds(session)), steps_words(session.steps)]
    lines += [" · ".join(part for part in said if part), ""]
    lines += _outcome_lines(session, names)
    for step in session.steps:
        lines += [f"### {step.title} · {step_words(step)}", ""]
        lines += _outcome_lines(step, names)
    return lines


def _outcome_lines(outcome: Outcome, names: _Names) -> list[str]:
    lines: list[str] = []
    if outcome.ratings:
        given = " · ".join(f"{names.of(k)} {v}" for k, v in sorted(outcome.ratings.items()))
        lines += [f"Ratings: {given}", ""]
    if outcome.tally is not None:
        tally = outcome.tally
        good = _count(tally.positive, "good moment", "good moments")
        hard = _count(tally.negative, "hard one", "hard ones")
        lines += [f"Noticed: {good}, {hard}", ""]
    if outcome.entries:
        lines += [line for entry in outcome.entries for line in _entry_lines(entry, names)]
        lines.append("")
    return lines


def _entry_lines(entry: Entry, names: _Names) -> list[str]:
    head = f"- **{names.of(entry.who)}**"
    if entry.prompt:
        head += f" · _{_one_line(entry.prompt)}_"
    if entry.passed:
        return [f"{head}: passed"]
    text = entry.text.strip().splitlines()
    # The same parts as the app shows: what was said, never where it came from.
    parts = [f"  - {_one_line(k)}: {_one_line(v)}" for k, v in said_parts(entry).items()]
    if not text and not parts:
        return [head]  # a card talked about together: its question is the entry
    if len(text) == 1 and not parts:
        return [f"{head}: {text[0]}"]
    # Indented so a many-line answer stays inside its list item.
    return [head + ":", *(f"  {line}".rstrip() for line in text), *parts]


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"

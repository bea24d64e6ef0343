"""Sealed letters: when one may be opened, and what home may say about it.

A letter opens only on or after its day, and only when both partners press
their key together (the screen's part); until then nothing shows its words,
and home says only that a letter is waiting (never who wrote it, never a
word of it). "Next time we are both here" means from the day after it was
sealed: a letter is never opened the evening it was written.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta, tzinfo

from closer_tui.core.insights import local_day
from closer_tui.core.keepsake import Letter, shorten
from closer_tui.core.models import Anniversary, SealedLetter
from closer_tui.core.on_this_day import falls_on


def opens_on(
    letter: SealedLetter, anniversaries: Iterable[Anniversary], tz: tzinfo | None
) -> date | None:
    """The first day ``letter`` may be opened; None if that day can no longer be known."""
    sealed = local_day(letter.sealed_at, tz)
    if letter.opens == "date":
        return letter.opens_on
    if letter.opens == "anniversary":
        for anniversary in anniversaries:
            if anniversary.label == letter.anniversary:
                return next_day_of(anniversary.month, anniversary.day, sealed)
        return None  # the day was removed from Settings: it may open from tomorrow
    return sealed + timedelta(days=1)


def next_day_of(month: int, day: int, after: date) -> date:
    """The first ``month``/``day`` after ``after`` (29 February: 28 February in other years)."""
    candidate = after + timedelta(days=1)
    for _ in range(366 * 4 + 1):
        if falls_on(month, day, candidate):
            return candidate
        candidate += timedelta(days=1)
    raise ValueError("no such day")  # pragma: no cover - every valid day recurs


def may_open(
    letter: SealedLetter, today: date, anniversaries: Iterable[Anniversary], tz: tzinfo | None
) -> bool:
    """Sealed, and its day has come (or can no longer come: then from the day after)."""
    if letter.opened_at is not None:
        return False
    day = opens_on(letter, anniversaries, tz)
    if day is None:
        day = local_day(letter.sealed_at, tz) + timedelta(days=1)
    return today >= day


def when_words(
    letter: SealedLetter, anniversaries: Iterable[Anniversary], tz: tzinfo | None
) -> str:
    """When it may open, in words, without a word of what it says."""
    day = opens_on(letter, anniversaries, tz)
    if letter.opens == "together":
        return "the next time you are both here"
    if day is None:
        return "any evening now (its day was removed from Settings)"
    label = f"{letter.anniversary}, " if letter.opens == "anniversary" else ""
    return f"{label}{day.day} {day:%B %Y}"


def waiting_line(
    letters: Sequence[SealedLetter],
    today: date,
    anniversaries: Sequence[Anniversary],
    tz: tzinfo | None,
) -> str | None:
    """Home's one line about sealed letters: that one is waiting, and whether it may open."""
    sealed = [letter for letter in letters if letter.opened_at is None]
    if not sealed:
        return None
    ready = sum(1 for letter in sealed if may_open(letter, today, anniversaries, tz))
    if ready:
        what = "A sealed letter is" if ready == 1 else f"{ready} sealed letters are"
        return f"{what} ready to open together: press l, then both press your key."
    if len(sealed) == 1:
        return "A sealed letter is waiting for its day."
    return f"{len(sealed)} sealed letters are waiting for their day."


def opened_in(letters: Iterable[SealedLetter], tz: tzinfo | None) -> list[Letter]:
    """The letters opened so far, as the keepsake shows them."""
    found = []
    for letter in letters:
        if letter.opened_at is None:
            continue
        text, cut = shorten(letter.text, 3000)
        found.append(
            Letter(
                who=letter.who,
                written=local_day(letter.sealed_at, tz),
                opened=local_day(letter.opened_at, tz),
                text=text,
                shortened=cut,
            )
        )
    return found

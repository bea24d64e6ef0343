"""One way to say what happened: durations, steps and names, for the app, the CLI and the export."""

from __future__ import annotations

from datetime import datetime

import pytest

from closer_tui.core.models import Outcome
from closer_tui.core.words import (
    and_words,
    duration_words,
    sentence,
    step_words,
    steps_words,
    when_words,
)


def test_durations_read_naturally_and_round_once() -> None:
    seconds = (0, 20.4, 59.4, 59.6, 90, 113, 1860, 3599, 3900)
    assert [duration_words(s) for s in seconds] == [
        "0 s",
        "20 s",
        "59 s",  # a DTR of 59.4 s is not "1:00" anywhere
        "1 min",  # never "60 s"
        "2 min",
        "2 min",  # 1:53 is "2 min" in the app, the CLI and the export alike
        "31 min",
        "1 h 00 min",
        "1 h 05 min",
    ]


def test_a_step_says_its_time_or_that_it_was_skipped_never_a_grade() -> None:
    settled = Outcome(kind="settle", title="Settle in", actual_seconds=120, completed=False)
    skipped = Outcome(
        kind="hug", title="Hug", actual_seconds=3, completed=False, data={"skipped": True}
    )
    assert step_words(settled) == "2 min"  # not "stopped early" for a step that had no rounds
    assert step_words(skipped) == "skipped"
    assert steps_words([settled, skipped]) == "1 step"
    assert steps_words([settled, settled, skipped]) == "2 steps"
    assert steps_words([]) == ""  # a single practice has no steps to count


def test_names_and_sentences_join_without_stray_spaces_or_stops() -> None:
    assert and_words(["Alex", "Zoë"]) == "Alex and Zoë"
    assert and_words([" Alex ", "Zoë", "Sam"]) == "Alex, Zoë and Sam"
    assert and_words(["Alex"]) == "Alex"
    assert sentence("Thank you, Alex and Zoë") == "Thank you, Alex and Zoë."
    assert sentence("I need …") == "I need …"
    assert sentence("Is that right?") == "Is that right?"
    assert sentence("Done.  ") == "Done."


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        ("2026-11-24T10:07:00", "today at 10:07"),
        ("2026-11-23T21:30:00", "yesterday at 21:30"),
        ("2026-11-20T09:05:00", "on Friday at 09:05"),
        ("2026-11-03T19:00:00", "on 3 November at 19:00"),
        ("2025-12-31T23:59:00", "on 31 December 2025 at 23:59"),
    ],
)
def test_when_words_says_today_and_yesterday_as_people_do(moment: str, expected: str) -> None:
    now = datetime.fromisoformat("2026-11-24T22:00:00").astimezone()
    assert when_words(datetime.fromisoformat(moment).astimezone(), now) == expected

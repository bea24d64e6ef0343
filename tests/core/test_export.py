"""Export: Markdown for people (names, passes, newest first) and JSON that round-trips."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from helpers import tonights_30_cut_short
from hypothesis import given, settings
from hypothesis import strategies as st

from closer_tui.core.export import to_json, to_markdown
from closer_tui.core.models import Couple, Entry, Outcome, Partner, SessionRecord, Tally

BERLIN = ZoneInfo("Europe/Berlin")
COUPLE = Couple(
    first=Partner(name="Alex", colour="orange"), second=Partner(name="Sam", colour="sky")
)


def guided_evening() -> SessionRecord:
    start = datetime(2025, 3, 4, 20, 5, tzinfo=UTC)  # 21:05 in Berlin
    return tonights_30_cut_short(
        start,
        start + timedelta(seconds=1860),
        1860,
        [
            Outcome(kind="hug", title="Hug", actual_seconds=20, ready=["first", "second"]),
            Outcome(
                kind="appreciation",
                title="Appreciations",
                actual_seconds=300,
                tally=Tally(positive=5, negative=1),
                entries=[
                    Entry(who="first", prompt="Something you did this week", text="The tea."),
                    Entry(who="second", prompt="Something you did this week", passed=True),
                ],
            ),
            Outcome(
                kind="dtr",
                title="Temperature reading",
                actual_seconds=600,
                completed=False,
                entries=[
                    Entry(
                        who="second",
                        prompt="A complaint with its request",
                        parts={"complaint": "Dishes", "request": "Rinse them tonight?"},
                    ),
                    Entry(who="both", prompt="A wish", text="A week by the sea\nwith no phones"),
                ],
            ),
        ],
    )


def checkin() -> SessionRecord:
    start = datetime(2025, 3, 9, 18, tzinfo=UTC)
    return SessionRecord(
        kind="weekly_checkin",
        title="Weekly check-in",
        actual_seconds=45,
        started_at=start,
        ended_at=start + timedelta(minutes=30),
        ratings={"first": 8, "second": 7},
        data={"future": ["kept"]},
    )


def test_markdown_is_newest_first_with_dates_durations_and_status() -> None:
    text = to_markdown(COUPLE, [guided_evening(), checkin()], tz=BERLIN)
    assert text.startswith("# closer — Alex & Sam\n\n2 sessions, newest first.\n")
    sunday = text.index("## Sunday 9 March 2025, 19:00 · Weekly check-in")
    tuesday = text.index("## Tuesday 4 March 2025, 21:05 · Tonight's 30")
    assert sunday < tuesday
    assert "\n45 s\n" in text
    assert "31 min · 3 steps" in text
    assert "### Temperature reading · 10 min\n" in text
    assert "stopped early" not in text and "finished" not in text  # no grades
    assert "Ratings: Alex 8 · Sam 7" in text
    assert "Noticed: 5 good moments, 1 hard one" in text


def test_markdown_attributes_each_entry_to_a_name_and_shows_passes() -> None:
    text = to_markdown(COUPLE, [guided_evening()], tz=BERLIN)
    assert "- **Alex** · _Something you did this week_: The tea." in text
    assert "- **Sam** · _Something you did this week_: passed" in text
    assert "  - complaint: Dishes\n  - request: Rinse them tonight?" in text
    assert "- **Alex & Sam** · _A wish_:\n  A week by the sea\n  with no phones" in text
    assert "**first**" not in text and "**second**" not in text  # keys never pass as names


def test_markdown_without_a_couple_uses_neutral_names() -> None:
    text = to_markdown(None, [guided_evening()], tz=BERLIN)
    assert "- **First partner** · _Something you did this week_: The tea." in text
    assert "- **Second partner** · _Something you did this week_: passed" in text


def test_markdown_of_an_empty_history() -> None:
    assert to_markdown(COUPLE, []) == "# closer — Alex & Sam\n\n0 sessions, newest first.\n"


def test_json_round_trips_every_record_and_the_couple() -> None:
    sessions = [guided_evening(), checkin()]
    document = json.loads(to_json(COUPLE, sessions))
    assert document["closer_export"] == 1
    assert Couple.model_validate(document["couple"]) == COUPLE
    back = [SessionRecord.model_validate(raw) for raw in document["sessions"]]
    assert back == [sessions[1], sessions[0]]  # newest first
    assert back[0].data == {"future": ["kept"]}
    assert document["sessions"][0]["schema"] == 1


def test_json_without_a_couple() -> None:
    document = json.loads(to_json(None, []))
    assert document == {"closer_export": 1, "couple": None, "sessions": []}


@settings(max_examples=40, deadline=None)
@given(
    text=st.text(max_size=200),
    prompt=st.text(max_size=50),
    seconds=st.floats(min_value=0, max_value=1e6, allow_nan=False),
    offset=st.integers(min_value=-14 * 60, max_value=14 * 60),
)
def test_json_round_trips_odd_text_times_and_zones(
    text: str, prompt: str, seconds: float, offset: int
) -> None:
    from datetime import timezone

    start = datetime(2024, 2, 29, 23, 59, 59, 999999, tzinfo=timezone(timedelta(minutes=offset)))
    record = SessionRecord(
        kind="inner_world",
        title=prompt or "Inner world",
        actual_seconds=seconds,
        started_at=start,
        ended_at=start + timedelta(seconds=seconds),
        entries=[Entry(who="first", prompt=prompt, text=text)],
    )
    raw = json.loads(to_json(COUPLE, [record]))["sessions"][0]
    assert SessionRecord.model_validate(raw) == record
    # Markdown never fails on the same text either.
    assert "**Alex**" in to_markdown(COUPLE, [record])


def test_markdown_shows_the_parts_the_app_shows_and_no_bookkeeping() -> None:
    start = datetime(2025, 3, 4, 20, 5, tzinfo=UTC)
    record = SessionRecord(
        kind="i_statement",
        title="I-statements",
        started_at=start,
        ended_at=start,
        entries=[
            Entry(
                who="first",
                prompt="I feel … when … I need …",
                text="I feel calm when … I need …",
                parts={"feel": "calm", "when": "", "need": ""},
            ),
            Entry(who="both", prompt="What made you laugh?", parts={"depth": "light"}),
            Entry(who="second", prompt="A question", text="An answer", parts={"step": "q-1"}),
        ],
    )
    text = to_markdown(COUPLE, [record], tz=BERLIN)
    assert "- **Alex** · _I feel … when … I need …_: I feel calm when … I need …\n" in text
    assert "- **Alex & Sam** · _What made you laugh?_\n" in text
    assert "- **Sam** · _A question_: An answer\n" in text
    assert "feel:" not in text and "depth" not in text and "step:" not in text

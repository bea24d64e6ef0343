"""Bad input: the keepsake is written, says plainly what it holds, never breaks or runs text."""

from __future__ import annotations

from datetime import UTC, date, datetime
from html.parser import HTMLParser

import pytest
from story_kit import COUPLE, appreciation, checkin, loved_question, session

from closer_tui.core.keepsake import Period
from closer_tui.core.keepsake_page import keepsake_html
from closer_tui.core.models import Couple, Partner

YEAR = Period.year(2026)
MADE = datetime(2026, 12, 1, 9, tzinfo=UTC)
HOSTILE = '<script>alert("hi")</script> {{ 7 * 7 }} {% raw %} <img src=x onerror=alert(1)> &amp;'
RTL = "شكراً لأنك استمعت إليّ الليلة 🌙💛 עם הרבה אהבה"


class Elements(HTMLParser):
    """Every element the page holds, and its text, as a browser's parser would see them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [name for name, _ in attrs]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(page: str) -> Elements:
    elements = Elements()
    elements.feed(page)
    return elements


def page_of(history: list, couple: Couple = COUPLE, **kwargs: object) -> str:
    page, _ = keepsake_html(couple, history, YEAR, MADE, **kwargs)  # type: ignore[arg-type]
    return page


def test_a_year_with_no_sessions_says_so_plainly() -> None:
    page = page_of([session(date(2025, 6, 1))])
    text = " ".join(parsed(page).text)
    assert "No time together was saved in closer for 2026" in text
    assert "Fewer than two weekly check-ins" in text
    assert "No sealed letter was opened" in text


def test_a_single_session_makes_a_whole_page() -> None:
    page = page_of([session(date(2026, 2, 14), seconds=20)])
    text = " ".join(parsed(page).text)
    assert "on one day: one session, 20 s together" in text
    assert "February" in text


def test_gaps_and_unknown_kinds_are_named_not_dropped() -> None:
    history = [
        session(date(2026, 1, 3)),
        session(date(2026, 11, 20), "moonlit_walk", seconds=1800),
        checkin(date(2026, 1, 4), 5, 6),
        checkin(date(2026, 10, 4), 8, 7),  # nine months with none between
    ]
    page = page_of(history)
    text = " ".join(parsed(page).text)
    assert "Moonlit walk" in text
    assert "<svg" in page  # the ratings line is still drawn


def test_markup_and_template_text_are_shown_as_written_never_run() -> None:
    hostile = Couple(
        first=Partner(name="<b>Jo</b>{{x}}", colour="orange"),
        second=Partner(name="نور 🌙", colour="sky"),
    )
    history = [
        appreciation(date(2026, 3, 1), HOSTILE, RTL),
        loved_question(date(2026, 3, 2), HOSTILE),
        checkin(date(2026, 3, 1), 5, 6),
        checkin(date(2026, 3, 8), 6, 6),
    ]
    page = page_of(history, hostile)
    elements = parsed(page)
    assert "script" not in elements.tags
    assert "img" not in elements.tags
    assert not [a for a in elements.attributes if a.startswith("on")]
    text = "".join(elements.text)
    assert HOSTILE in text  # shown exactly as written, twice: appreciation and favourite
    assert text.count(HOSTILE) == 2
    assert RTL in text
    assert "<b>Jo</b>{{x}}" in text
    assert "نور 🌙" in text


def test_an_entry_of_a_hundred_thousand_characters_is_shortened_and_says_so() -> None:
    long = "word " * 20_000
    page = page_of([appreciation(date(2026, 5, 5), long, "x" * 100_000)])
    text = " ".join(parsed(page).text)
    assert len(page) < 200_000
    assert text.count("shortened here; all of it is in closer") == 2


@pytest.mark.parametrize("kept", [None, "nonsense", [{"entry": 5}], [{"entry": "../../x"}]])
def test_whatever_keepsakes_json_holds_the_page_is_written(kept: object) -> None:
    page = page_of([appreciation(date(2026, 5, 5), "a", "b")], kept=kept)
    assert "No favourites in this period" in page

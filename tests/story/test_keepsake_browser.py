"""The keepsake as a person sees it: opened in a real headless chromium.

No console message, no error, no request for anything but the file itself,
no script on the page; the year's figures on screen; prints on A4 and Letter
without spilling past the margins; and the page's text as a snapshot. The
harness itself is checked against pages that do load something from outside.
"""

from __future__ import annotations

import struct
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from browser import dump_dom, needs_chromium, printed, screenshot, visit
from story_kit import COUPLE, appreciation, checkin, loved_question, session
from test_keepsake_bad_input import HOSTILE, RTL

from closer_tui.core.keepsake import Period
from closer_tui.core.keepsake_page import keepsake_html

pytestmark = needs_chromium

EXPECTED_TEXT = Path(__file__).with_name("keepsake_page.txt")
A4 = (8.27, 11.69)
LETTER = (8.5, 11.0)


def a_year() -> list:
    return [
        session(date(2026, 1, 3), seconds=20),
        session(date(2026, 1, 3), "question", seconds=900, hour=21),
        session(date(2026, 2, 14), "eye_gazing", seconds=180),
        session(date(2026, 7, 9), "moonlit_walk", seconds=2400),
        checkin(date(2026, 1, 4), 6, 8),
        checkin(date(2026, 1, 11), 7, 7),
        checkin(date(2026, 6, 7), 8, 6),
        appreciation(date(2026, 3, 1), "You made soup when I was ill.", RTL),
        appreciation(date(2026, 9, 12), HOSTILE, "You listened without fixing it."),
        loved_question(date(2026, 4, 4), "Which small ritual would you keep forever?"),
    ]


@pytest.fixture
def page(tmp_path: Path) -> Path:
    html, _ = keepsake_html(
        COUPLE, a_year(), Period.year(2026), datetime(2026, 12, 1, 9, tzinfo=UTC), tz=UTC
    )
    path = tmp_path / "keepsake.html"
    path.write_text(html, encoding="utf-8")
    return path


def test_the_page_loads_nothing_logs_nothing_and_runs_nothing(page: Path) -> None:
    seen = visit(page)
    assert seen.outside(page) == []
    assert seen.console == []
    assert seen.errors == []
    assert seen.scripts == 0


def test_the_page_shows_the_figures_the_history_holds(page: Path) -> None:
    text = visit(page).text
    assert "Alex & Sam · 2026" in text
    assert "on 9 days: 10 sessions, 2 h 04 min together" in text
    assert "Questions — on 2 days" in text
    assert "Moonlit walk" in text
    assert "Which small ritual would you keep forever?" in text
    assert HOSTILE in text  # written as it was, not run
    assert RTL in text


def test_the_text_of_the_page_is_as_expected(page: Path, tmp_path: Path) -> None:
    text = "\n".join(line.rstrip() for line in visit(page).text.splitlines()).strip() + "\n"
    if not EXPECTED_TEXT.exists():
        EXPECTED_TEXT.write_text(text, encoding="utf-8")
        pytest.fail(f"wrote {EXPECTED_TEXT.name}: read it, and commit it if it is right")
    assert text == EXPECTED_TEXT.read_text(encoding="utf-8")


def test_a_screenshot_and_the_dom_come_out_of_the_browser(page: Path, tmp_path: Path) -> None:
    png = tmp_path / "keepsake.png"
    screenshot(page, png, width=900, height=1600)
    head = png.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", head[16:24]) == (900, 1600)
    dom = dump_dom(page)
    assert 'id="headline"' in dom
    assert "<script" not in dom


@pytest.mark.parametrize("paper", [A4, LETTER], ids=["A4", "Letter"])
def test_it_prints_within_the_margins(page: Path, paper: tuple[float, float]) -> None:
    result = printed(page, paper)
    assert result.widest <= result.room
    assert 1 <= result.pages <= 4


# -- the harness notices what it must --------------------------------------------------


def test_the_harness_notices_a_page_that_loads_from_elsewhere(tmp_path: Path) -> None:
    leaky = tmp_path / "leaky.html"
    leaky.write_text('<html><body><img src="http://127.0.0.1:9/x.png">hello</body></html>')
    assert visit(leaky).outside(leaky) == ["http://127.0.0.1:9/x.png"]


def test_the_harness_notices_a_load_the_page_refused(tmp_path: Path) -> None:
    refused = tmp_path / "refused.html"
    refused.write_text(
        "<html><head><meta http-equiv='Content-Security-Policy' content=\"default-src 'none'\">"
        '</head><body><img src="https://example.org/x.png">hello</body></html>'
    )
    assert visit(refused).errors


def test_the_harness_notices_a_script_and_its_console(tmp_path: Path) -> None:
    noisy = tmp_path / "noisy.html"
    noisy.write_text("<html><body><script>console.log('hi'); nope()</script></body></html>")
    seen = visit(noisy)
    assert seen.scripts == 1
    assert seen.console == ["hi"]
    assert seen.errors

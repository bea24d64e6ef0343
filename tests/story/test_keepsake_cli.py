"""``closer keepsake``: one file written privately, the period chosen, nothing replaced unasked."""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

import pytest
from story_kit import COUPLE, appreciation, session

from closer_tui.__main__ import main as closer_main
from closer_tui.core.store import Store


@pytest.fixture
def home(tmp_path: Path) -> Path:
    root = tmp_path / "closer"
    store = Store.open(root)
    store.save_couple(COUPLE)
    for record in (
        session(date(2025, 6, 1)),
        appreciation(date(2025, 6, 2), "Your morning tea", "The note on the mirror"),
        session(date(2026, 1, 2)),
    ):
        store.save_session(record)
    return root


def test_it_writes_the_year_asked_for_readable_by_them_alone(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "ours.html"
    assert closer_main(["keepsake", "--data-dir", str(home), "--year", "2025", "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "<title>Alex &amp; Sam · 2025 · a keepsake from closer</title>" in page
    assert "The note on the mirror" in page
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    said = capsys.readouterr().out
    assert "Wrote the keepsake of 2025" in said
    assert "2 days together, 2 sessions" in said


def test_a_from_to_period(home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "winter.html"
    args = ["keepsake", "--data-dir", str(home), "--from", "2025-12-01", "--to", "2026-01-31"]
    assert closer_main([*args, "-o", str(out)]) == 0
    assert "1 December 2025 – 31 January 2026" in out.read_text(encoding="utf-8")
    assert "1 day together, 1 session" in capsys.readouterr().out


def test_an_existing_file_is_kept_unless_forced(home: Path, tmp_path: Path) -> None:
    out = tmp_path / "there.html"
    out.write_text("mine")
    args = ["keepsake", "--data-dir", str(home), "--year", "2025", "-o", str(out)]
    assert closer_main(args) == 1
    assert out.read_text() == "mine"
    assert closer_main([*args, "--force"]) == 0
    assert out.read_text() != "mine"


@pytest.mark.parametrize(
    "extra",
    [
        ["--year", "2025", "--from", "2025-01-01", "--to", "2025-02-01"],
        ["--from", "2025-01-01"],
        ["--from", "2025-03-01", "--to", "2025-02-01"],
    ],
)
def test_a_period_that_does_not_hold_together_is_refused(
    home: Path, tmp_path: Path, extra: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "k.html"
    assert closer_main(["keepsake", "--data-dir", str(home), *extra, "-o", str(out)]) == 2
    assert not out.exists()
    assert capsys.readouterr().err.strip()


def test_before_the_first_evening_it_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "k.html"
    assert closer_main(["keepsake", "--data-dir", str(tmp_path / "new"), "-o", str(out)]) == 1
    assert not out.exists()
    assert "Nothing here yet" in capsys.readouterr().err

"""Our story through the installed ``closer``: the keepsake page from the command line, and
a sealed letter opened in tmux only once both partners pressed their key."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import MakeTerminal

from closer_tui.core.models import Couple, Entry, Partner, SealedLetter, SessionRecord
from closer_tui.core.store import Store

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

SECRET = "For the next quiet evening: thank you for this year."


def set_up(data: Path) -> Store:
    store = Store.open(data)
    store.save_couple(
        Couple(
            first=Partner(name="Alex", colour="orange"), second=Partner(name="Sam", colour="sky")
        )
    )
    return store


def test_the_keepsake_is_one_page_with_the_template_inside_the_package(
    closer_command: Path, private_env: dict[str, str], tmp_path: Path
) -> None:
    store = set_up(Path(private_env["CLOSER_DATA_DIR"]))
    start = datetime(2025, 3, 1, 20, tzinfo=UTC)
    store.save_session(
        SessionRecord(
            kind="appreciation",
            title="Appreciation ritual",
            actual_seconds=600,
            entries=[Entry(who="second", prompt="1", text="<script>You stayed up</script>")],
            started_at=start,
            ended_at=start + timedelta(minutes=10),
        )
    )
    page = tmp_path / "ours.html"
    done = subprocess.run(
        [str(closer_command), "keepsake", "--year", "2025", "-o", str(page)],
        env=private_env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Wrote the keepsake of 2025" in done.stdout
    html = page.read_text("utf-8")
    assert "&lt;script&gt;You stayed up&lt;/script&gt;" in html
    assert "<script" not in html


def test_a_sealed_letter_opens_only_when_both_press_their_key(
    closer_command: Path, terminal: MakeTerminal, private_env: dict[str, str]
) -> None:
    store = set_up(Path(private_env["CLOSER_DATA_DIR"]))
    yesterday = datetime.now(UTC) - timedelta(days=2)
    store.save_letter(SealedLetter(who="first", text=SECRET, sealed_at=yesterday))
    term = terminal(80, 24)
    term.start([str(closer_command)], private_env)
    term.wait_for("ready to open together")
    assert SECRET not in term.screen()
    term.keys("l")
    term.wait_for("Ready to open together")
    term.press_after_reading("Ready to open together", "Enter")
    term.wait_for("Open it together")
    term.keys("f")
    term.wait_for("is here")
    term.keys("space")
    assert SECRET not in term.screen()
    term.keys("j")
    term.wait_for(SECRET)
    [letter] = Store.open(Path(private_env["CLOSER_DATA_DIR"])).load_letters()
    assert letter.opened_at is not None

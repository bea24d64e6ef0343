"""Both partners type a Daily Temperature Reading into the installed ``closer`` in tmux,
and the saved session file holds each partner's words under their own name."""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from _tmux import Terminal  # tests/e2e is on the path (rootdir import mode)

from closer_tui.core.content import library
from closer_tui.core.models import Couple, Partner
from closer_tui.core.store import Store

pytestmark = pytest.mark.e2e

CLOSER = Path(sys.executable).parent / "closer"
"""The command as installed into this environment (``pip install``), not imported code."""


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    if not CLOSER.exists() and shutil.which("closer") is None:
        pytest.skip("closer is not installed")
    term = Terminal(tmp_path / "tmux.sock", 80, 24)
    yield term
    term.kill()


def say(terminal: Terminal, text: str) -> None:
    terminal.type(text)
    terminal.wait_for(text)
    terminal.keys("C-s")


def test_both_partners_write_a_temperature_reading(terminal: Terminal, tmp_path: Path) -> None:
    data = tmp_path / "our-data"
    home = tmp_path / "home"
    home.mkdir()
    # A couple who set closer up on an earlier evening (first run has its own test).
    Store.open(data).save_couple(
        Couple(
            first=Partner(name="Alex", colour="orange"), second=Partner(name="Sam", colour="sky")
        )
    )
    command = str(CLOSER) if CLOSER.exists() else "closer"
    terminal.start(
        [command], {"CLOSER_DATA_DIR": str(data), "HOME": str(home), "TERM": "xterm-256color"}
    )
    terminal.wait_for("Alex and Sam")

    terminal.keys("C-p")
    terminal.wait_for("Search")
    # The exercise's own line: the guided plans that hold a DTR mention its title too.
    tagline = library().exercise("temperature-reading").tagline
    terminal.type(tagline)
    terminal.wait_for(
        lambda flat: "Search for commands" not in flat and "Daily Temperature" in flat
    )
    terminal.keys("Enter")
    terminal.wait_for("Step 1 of 5")

    terminal.wait_for("Alex shares")
    say(terminal, "Thank you for the soup on Tuesday")
    terminal.wait_for("Sam shares")
    say(terminal, "Thank you for walking the dog")
    terminal.keys("C-n")
    terminal.wait_for("Step 2 of 5")
    say(terminal, "My sister visits in May")  # Alex
    terminal.wait_for("Sam shares")
    terminal.keys("C-o")  # Sam passes
    terminal.keys("C-n")
    terminal.wait_for("Step 3 of 5")
    terminal.keys("C-o", "C-o", "C-n")
    terminal.wait_for("Step 4 of 5")

    terminal.type("The bins were forgotten")  # Alex's complaint, no request yet
    terminal.wait_for("The bins were forgotten")
    terminal.keys("C-s")
    terminal.wait_for("needs its request")
    terminal.type("Could we take turns with them")
    terminal.wait_for("Could we take turns with them")
    terminal.keys("C-s")
    terminal.wait_for("Sam shares")
    terminal.keys("C-o", "C-n")
    terminal.wait_for("Step 5 of 5")
    terminal.wait_for("Alex shares")
    say(terminal, "A week by the sea")
    terminal.wait_for("Sam shares")
    say(terminal, "A garden of our own")
    terminal.wait_for("Alex shares")
    terminal.keys("C-n")
    terminal.wait_for("Saved")

    [session] = (data / "sessions").glob("*.json")
    record = json.loads(session.read_text(encoding="utf-8"))
    assert record["kind"] == "dtr"
    said = [(e["who"], e["parts"]["step"], e["passed"], e["text"]) for e in record["entries"]]
    assert said == [
        ("first", "appreciations", False, "Thank you for the soup on Tuesday"),
        ("second", "appreciations", False, "Thank you for walking the dog"),
        ("first", "new-information", False, "My sister visits in May"),
        ("second", "new-information", True, ""),
        ("first", "puzzles", True, ""),
        ("second", "puzzles", True, ""),
        (
            "first",
            "complaints",
            False,
            "The bins were forgotten\nRequest: Could we take turns with them",
        ),
        ("second", "complaints", True, ""),
        ("first", "wishes", False, "A week by the sea"),
        ("second", "wishes", False, "A garden of our own"),
    ]
    complaint = record["entries"][6]["parts"]
    assert complaint["request"] == "Could we take turns with them"

    terminal.keys("C-q")
    terminal.wait_for(lambda _: terminal.exited(), timeout=15)

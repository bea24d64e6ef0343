"""Both partners type a Daily Temperature Reading into the installed ``closer`` in tmux,
and the saved session file holds each partner's words under their own name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _tmux import (  # tests/e2e is on the path (rootdir import mode)
    Terminal,
    kept_files,
    open_by_palette,
)
from conftest import MakeTerminal, open_closer

from closer_tui.core.content import library

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]


def say(term: Terminal, text: str) -> None:
    term.type(text)
    term.wait_for(text)
    term.keys("C-s")


def test_both_partners_write_a_temperature_reading(
    closer_command: Path, terminal: MakeTerminal, private_env: dict[str, str]
) -> None:
    data = Path(private_env["CLOSER_DATA_DIR"])
    term = open_closer(closer_command, terminal, private_env)

    # The exercise's own line: the guided plans that hold a DTR mention its title too.
    exercise = library().exercise("temperature-reading")
    open_by_palette(term, exercise.tagline, exercise.title)
    term.wait_for("Step 1 of 5")

    term.wait_for("Alex shares")
    say(term, "Thank you for the soup on Tuesday")
    term.wait_for("Sam shares")
    say(term, "Thank you for walking the dog")
    term.keys("C-n")
    term.wait_for("Step 2 of 5")
    say(term, "My sister visits in May")  # Alex
    term.wait_for("Sam shares")
    term.keys("C-o")  # Sam passes
    term.keys("C-n")
    term.wait_for("Step 3 of 5")
    term.keys("C-o", "C-o", "C-n")
    term.wait_for("Step 4 of 5")

    term.type("The bins were forgotten")  # Alex's complaint, no request yet
    term.wait_for("The bins were forgotten")
    term.keys("C-s")
    term.wait_for("needs its request")
    term.type("Could we take turns with them")
    term.wait_for("Could we take turns with them")
    term.keys("C-s")
    term.wait_for("Sam shares")
    term.keys("C-o", "C-n")
    term.wait_for("Step 5 of 5")
    term.wait_for("Alex shares")
    say(term, "A week by the sea")
    term.wait_for("Sam shares")
    say(term, "A garden of our own")
    term.wait_for("Alex shares")
    term.keys("C-n")
    term.wait_for("Saved")

    [session] = kept_files(data / "sessions")
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

    term.keys("C-q")
    term.wait_for(lambda _: term.exited(), timeout=15)

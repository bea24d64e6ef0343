"""A break mid-session, in the installed ``closer`` in tmux: ctrl+g, time apart, both back
with f and j, the session exactly where it was, then finished and saved."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _tmux import kept_files, open_by_palette
from conftest import MakeTerminal, open_closer

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]


def test_a_break_mid_session_and_back(
    closer_command: Path, terminal: MakeTerminal, private_env: dict[str, str]
) -> None:
    data = Path(private_env["CLOSER_DATA_DIR"])
    term = open_closer(closer_command, terminal, private_env)
    open_by_palette(term, "one appreciation each", "Quick reconnect")
    term.wait_for("Step 1 of 3")
    term.keys("C-n")
    term.wait_for("Step 2 of 3")
    term.wait_for("●○○")  # the question's depth: the step is drawn whole
    before = term.screen()

    term.keys("C-g")
    term.wait_for("Let's take a break and come back.")
    term.keys("Enter")
    term.wait_for("Time apart, to settle.")
    term.wait_for("Breathe in slowly")
    term.keys("e")  # they feel settled sooner: end the time apart
    term.wait_for("Ready to come back?")
    term.keys("f")
    term.wait_for("Alex is back")
    term.keys("j")
    term.wait_for("Step 2 of 3")
    assert "Let's take a break" not in term.screen()
    term.wait_for(lambda screen: "Paused" not in screen)  # the session's time runs again
    term.wait_for("●○○")
    assert term.screen().splitlines()[2:10] == before.splitlines()[2:10]

    term.keys("C-d")  # done for tonight: saves
    term.wait_for(lambda _: any(kept_files(data / "sessions")))
    [saved] = kept_files(data / "sessions")
    record = json.loads(saved.read_text(encoding="utf-8"))
    assert record["plan"] == "quick-reconnect"
    assert record["actual_seconds"] < 120  # the break was not time together
    term.keys("C-q")

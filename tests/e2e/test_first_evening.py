"""The real thing: install closer into a fresh virtual environment, open it in tmux at 80x24,
choose two names, hug for 20 real seconds, and find the session on disk, private.

This is the one test that runs on real time: the hug is the product's promise,
and a fake clock cannot prove that the installed command keeps it.
"""

from __future__ import annotations

import json
import stat
import subprocess
import time
from pathlib import Path

import pytest
from _tmux import Terminal, kept_files
from conftest import MakeTerminal

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]


def second_name_row(screen: str) -> int:
    """The row of the second partner's name box: two below its label (the box has a top)."""
    lines = screen.splitlines()
    label = next(i for i, line in enumerate(lines) if "Second partner" in line)
    return label + 2


def name_the_two(term: Terminal) -> None:
    """Alex in the first name box, then Sam in the second, as a person types them: each name
    seen where it belongs before the next key."""
    term.wait_for("Who are you two")
    term.type("Alex")
    term.wait_for("Alex")
    second_row = second_name_row(term.screen())
    term.keys("Enter")
    # Enter moves to the second name; a person sees that before typing on, so wait for it.
    term.wait_for(lambda _: term.cursor_row() == second_row)
    term.type("Sam")
    # Sam must land in the second box, not after "Alex" in the first.
    term.wait_for(lambda _: "Sam" in term.screen().splitlines()[second_row])


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_version(closer_command: Path) -> None:
    done = subprocess.run(
        [str(closer_command), "--version"], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.startswith("closer ")


def test_first_evening_a_real_hug(
    closer_command: Path, terminal: MakeTerminal, private_env: dict[str, str]
) -> None:
    # private_env has a private HOME as well, so nothing can land in the real one.
    data = Path(private_env["CLOSER_DATA_DIR"])
    home = Path(private_env["HOME"])
    term = terminal(80, 24)
    term.start([str(closer_command)], private_env)

    term.wait_for("Welcome to closer")
    term.keys("Enter")  # "Continue"
    term.wait_for("Before you start")
    term.keys("Enter")  # "We understand — continue"
    name_the_two(term)
    term.keys("Enter")

    term.wait_for("Alex and Sam")
    assert mode(data / "couple.json") == 0o600
    term.keys("2")
    term.press_after_reading("presses f", "f")
    term.wait_for("is ready")
    assert "Sam presses j" in term.flat()
    term.keys("j")
    term.wait_for("End early")
    started = time.monotonic()

    term.wait_for("another hug", timeout=40)
    took = time.monotonic() - started
    # Only a sanity bound: the countdown's exactness is proved on a fake clock.
    assert took > 15, f"a 20-second hug ended after {took:.1f} s"

    sessions = list(kept_files(data / "sessions"))
    assert len(sessions) == 1
    assert mode(sessions[0]) == 0o600
    assert mode(data) == 0o700
    assert mode(data / "sessions") == 0o700
    record = json.loads(sessions[0].read_text(encoding="utf-8"))
    assert (record["kind"], record["completed"]) == ("hug", True)
    assert record["actual_seconds"] == 20

    term.keys("C-q")
    term.wait_for(lambda _: term.exited(), timeout=15)
    assert not list(home.iterdir()), "closer wrote into HOME although told where its data lives"

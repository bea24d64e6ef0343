"""The lock through the installed ``closer`` in tmux: locked at the first run, opened by the
second partner, a real hug, the idle lock, opened again, and an export by passphrase file.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from conftest import MakeTerminal
from test_first_evening import name_the_two

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

ALEX = "alex reads by the window"
SAM = "sam waters the tomatoes"
IDLE_SECONDS = 30
"""Longer than the 20-second hug (no key is pressed during it), short enough to wait for."""


def _choose(term: object, secret: str) -> None:
    """Type a passphrase twice, as the lock's setup asks (masked: nothing to read back)."""
    for _ in range(2):
        term.type_in_box(secret)  # type: ignore[attr-defined]
        term.keys("Enter")  # type: ignore[attr-defined]


def test_locked_at_first_run_opened_by_either_and_again_after_idle(
    closer_command: Path, terminal: MakeTerminal, private_env: dict[str, str], tmp_path: Path
) -> None:
    data = Path(private_env["CLOSER_DATA_DIR"])
    term = terminal(80, 24)
    term.start([str(closer_command)], private_env)
    term.press_after_reading("Welcome to closer", "Enter")
    term.press_after_reading("Before you start", "Enter")
    name_the_two(term)
    # Past Sam's colour to the lock's switch, on, then Begin: one key at a time, as a
    # person reads the page (keys sent in one burst were seen to land before the focus).
    for key in ("Tab", "Tab", "Space", "Tab", "Enter"):
        term.press_after_reading("Lock closer with a passphrase for each of you", key)

    term.press_after_reading("Lock closer with a passphrase?", "Enter")
    term.wait_for("Alex, choose your passphrase")
    _choose(term, ALEX)
    term.wait_for("Sam, choose your passphrase")
    _choose(term, SAM)
    shown = term.wait_for("Your recovery code", timeout=40)
    [code] = re.findall(r"[0-9A-Z]{4}(?:-[0-9A-Z]{4}){5}", shown)
    term.keys("Enter")  # we wrote it down
    term.wait_for("Alex and Sam")
    term.keys("C-q")
    term.wait_for(lambda _: term.exited(), timeout=15)
    for path in data.rglob("*"):
        if path.is_file():
            assert b"Alex" not in path.read_bytes(), path

    again = terminal(80, 24)
    again.start([str(closer_command)], {**private_env, "CLOSER_IDLE_LOCK_SECONDS": "30"})
    again.wait_for("closer is locked")
    assert "Alex" not in again.flat()
    again.type_in_box(SAM)
    again.keys("Enter")
    again.wait_for("Alex and Sam")
    again.keys("2")
    again.press_after_reading("presses f", "f")
    again.wait_for("is ready")
    again.keys("j")
    again.wait_for("another hug", timeout=40)
    again.wait_for("closer is locked", timeout=IDLE_SECONDS + 15)  # nobody touched a key
    again.type_in_box(code.lower())  # the recovery code, as written down
    again.keys("Enter")
    again.wait_for("another hug")  # back where they were
    again.keys("C-q")
    again.wait_for(lambda _: again.exited(), timeout=15)

    passphrase = tmp_path / "alex.txt"
    passphrase.write_text(ALEX + "\n")
    out = tmp_path / "ours.md"
    done = subprocess.run(
        [str(closer_command), "export", "--passphrase-file", str(passphrase), "-o", str(out)],
        env=private_env,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, done.stderr
    assert "Alex & Sam" in out.read_text("utf-8") and "hug" in out.read_text("utf-8").lower()
    today = subprocess.run(
        [str(closer_command), "today"], env=private_env, capture_output=True, text=True, timeout=60
    )
    assert "locked" in today.stdout and "Alex" not in today.stdout

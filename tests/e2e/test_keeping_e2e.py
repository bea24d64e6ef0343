"""Nothing a couple said is lost, through the installed ``closer`` in tmux: quitting with
ctrl+q or Ctrl+C (SIGINT) keeps the words of the step in hand, a said turn survives
SIGKILL, and on a full disk closer says the truth and asks before it goes."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
from _tmux import Terminal, kept_files, open_by_palette
from conftest import MakeTerminal
from test_resume_e2e import kill_hard, wait_until_gone

from closer_tui.core.models import Couple, Partner
from closer_tui.core.store import Store

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

QUICK = ("one light question", "Quick reconnect")
TONIGHT = ("quiet minutes of eye contact", "Tonight's 30")
"""Words only each plan's summary holds, and the plan's title, for the palette."""


def set_up(data: Path) -> None:
    """A couple who set closer up on an earlier evening (first run has its own test)."""
    Store.open(data).save_couple(
        Couple(
            first=Partner(name="Alex", colour="orange"), second=Partner(name="Sam", colour="sky")
        )
    )


def open_plan(term: Terminal, plan: tuple[str, str], step: int, steps: int) -> None:
    """Start ``plan`` from home and skip to its step number ``step``."""
    term.wait_for("Alex and Sam")
    open_by_palette(term, *plan)
    term.wait_for(f"Step 1 of {steps}")
    for number in range(2, step + 1):
        term.keys("C-k")
        term.wait_for(f"Step {number} of {steps}")


def drafts(data: Path) -> list[dict[str, Any]]:
    found = []
    for path in kept_files(data / "in-progress"):
        with contextlib.suppress(OSError, ValueError):
            found.append(json.loads(path.read_text(encoding="utf-8")))
    return found


def saved_entries(data: Path, kind: str) -> list[tuple[str, str]]:
    [path] = kept_files(data / "sessions")
    record = json.loads(path.read_text(encoding="utf-8"))
    return [
        (e["who"], e["text"])
        for step in record["steps"]
        if step["kind"] == kind
        for e in step["entries"]
        if not e["passed"]
    ]


def pick_up(term: Terminal, closer: Path, env: dict[str, str], step: str) -> None:
    term.start([str(closer)], env)
    term.wait_for("Pick up where you stopped")
    term.keys("Enter")  # "Pick up" has the focus
    term.wait_for(step)


@pytest.mark.parametrize("how", ["ctrl+q", "SIGINT"])
def test_quitting_keeps_the_words_of_the_step_and_shows_them_back(
    how: str, closer_command: Path, terminal: MakeTerminal, private_env: dict[str, str]
) -> None:
    data = Path(private_env["CLOSER_DATA_DIR"])
    set_up(data)
    first = terminal(80, 24)
    first.start([str(closer_command)], private_env)
    open_plan(first, QUICK, 3, 3)  # one appreciation each
    first.type_in_box("Soup on Tuesday")
    first.wait_for("Soup on Tuesday")
    if how == "ctrl+q":
        first.keys("C-q")
    else:
        pane = int(first.run("list-panes", "-t", "closer", "-F", "#{pane_pid}").split()[0])
        os.kill(pane, signal.SIGINT)
    wait_until_gone(first)
    [draft] = drafts(data)
    assert draft["current"]["typing"] == {"te-text": "Soup on Tuesday"}

    second = terminal(80, 24)
    pick_up(second, closer_command, private_env, "Step 3 of 3")
    second.wait_for("Soup on Tuesday")  # back in the box it was typed in
    second.keys("C-d")
    second.wait_for(lambda _: any(kept_files(data / "sessions")))
    assert saved_entries(data, "appreciations") == [("first", "Soup on Tuesday")]
    second.keys("C-q")
    wait_until_gone(second)


def test_a_said_turn_survives_a_crash_and_the_step_carries_on_from_it(
    closer_command: Path, terminal: MakeTerminal, private_env: dict[str, str]
) -> None:
    data = Path(private_env["CLOSER_DATA_DIR"])
    set_up(data)
    first = terminal(80, 24)
    first.start([str(closer_command)], private_env)
    open_plan(first, TONIGHT, 7, 7)  # what each of us needs this week
    first.wait_for("Alex says")
    first.type_in_box("An early night")
    first.wait_for("An early night")
    first.keys("C-s")  # said it
    first.wait_for("Sam says")
    kill_hard(first)  # at once: no tick of the autosave came meanwhile

    second = terminal(80, 24)
    pick_up(second, closer_command, private_env, "Step 7 of 7")
    # The step carries on with the second partner's turn.
    second.press_after_reading("Sam says")
    second.type("A walk")
    second.keys("C-s")
    second.wait_for("Saved. Thank you both")
    second.keys("C-d")
    second.wait_for(lambda _: any(kept_files(data / "sessions")))
    assert saved_entries(data, "needs") == [("first", "An early night"), ("second", "A walk")]
    second.keys("C-q")
    wait_until_gone(second)


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Any:
    """A data folder on a 1 MiB tmpfs of its own (root only; skipped where not allowed)."""
    folder = tmp_path / "tiny"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip("a tmpfs cannot be mounted here (root is needed)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder: Path) -> Path:
    """Fill the disk to the last byte; the returned file frees it again."""
    filler = folder / "filler"
    with filler.open("wb", buffering=0) as out:
        for size in (65536, 4096, 1):  # big steps first, then to the very last byte
            with contextlib.suppress(OSError):
                while True:
                    out.write(b"\0" * size)
    return filler


def test_on_a_full_disk_closer_says_the_truth_and_asks_before_it_goes(
    closer_command: Path, terminal: MakeTerminal, private_env: dict[str, str], tiny_disk: Path
) -> None:
    data = tiny_disk / "closer"
    env = {**private_env, "CLOSER_DATA_DIR": str(data)}
    set_up(data)
    term = terminal(80, 24)
    term.start([str(closer_command)], env)
    open_plan(term, QUICK, 3, 3)
    filler = fill(tiny_disk)
    term.type_in_box("Soup on Tuesday")
    term.wait_for("only in memory", timeout=20)  # the next autosave could not be written
    term.keys("C-d")  # done for tonight: it cannot be saved either
    term.wait_for("could not be saved")
    shown = term.flat()
    assert "kept as a draft" not in shown and ".." not in shown
    term.keys("C-q")  # a tired couple quits: closer asks first
    time.sleep(1.0)
    assert not term.exited()
    term.wait_for("Try again")

    filler.unlink()  # some space is freed
    term.keys("Tab")  # from the box for a copy's place to "Try again"
    term.keys("Enter")
    wait_until_gone(term)  # saved, so the quit goes on
    assert saved_entries(data, "appreciations") == [("first", "Soup on Tuesday")]
    assert drafts(data) == []

"""Nothing lost to a crash: the installed ``closer`` is killed (SIGKILL, no goodbye) in the
middle of a guided session in tmux; started again, it offers to pick up, resumes at the
same step, and the finished session holds what was done and typed before the kill."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import time
from pathlib import Path
from typing import Any

import pytest
from _tmux import Terminal, kept_files, open_by_palette
from conftest import MakeTerminal, open_closer

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

TYPED = "Thank you for the soup on Tuesday"
PLAN_WORDS = "your connection ratings"
"""Words only the Weekly check-in plan's summary holds, so the palette's first hit is it."""


def family(pid: int) -> list[int]:
    """``pid`` and every process below it, read from /proc (no psutil)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # gone meanwhile
        # The command name may hold spaces and brackets: the parent id follows the last ")".
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


def kill_hard(terminal: Terminal) -> None:
    """SIGKILL closer and anything it started: no handler, no last save, like a crash."""
    pane = int(terminal.run("list-panes", "-t", "closer", "-F", "#{pane_pid}").split()[0])
    for pid in family(pane):
        with contextlib.suppress(ProcessLookupError):  # ended on its own meanwhile
            os.kill(pid, signal.SIGKILL)
    wait_until_gone(terminal)


def wait_until_gone(terminal: Terminal, timeout: float = 15.0) -> None:
    """Polled here, not with ``wait_for``: a pane that is not dead yet is no failure."""
    deadline = time.monotonic() + timeout
    while not terminal.exited():
        assert time.monotonic() < deadline, f"closer still runs:\n{terminal.screen()}"
        time.sleep(0.05)


def wait_for_draft(drafts: Path, holds: str, timeout: float = 20.0) -> dict[str, Any]:
    """Poll the autosaved draft until it is at step 2 and holds ``holds``."""
    deadline = time.monotonic() + timeout
    seen = "nothing"
    while time.monotonic() < deadline:
        for path in kept_files(drafts):
            try:
                seen = path.read_text(encoding="utf-8")
                draft = json.loads(seen)
            except (OSError, ValueError):
                continue  # being replaced right now: read it again
            if draft.get("step_index") == 1 and holds in seen:
                return dict(draft)
        time.sleep(0.1)
    pytest.fail(f"no draft at step 2 holding {holds!r}; last seen: {seen[:500]}")


def test_killed_mid_session_it_resumes_with_nothing_lost(
    closer_command: Path, terminal: MakeTerminal, private_env: dict[str, str]
) -> None:
    data = Path(private_env["CLOSER_DATA_DIR"])
    first = open_closer(closer_command, terminal, private_env)
    open_by_palette(first, PLAN_WORDS, "Weekly check-in")
    first.wait_for("Step 1 of 3")
    first.keys("C-n")
    first.wait_for("Step 2 of 3")
    first.wait_for("Alex shares")
    first.type(TYPED)
    first.wait_for(TYPED)
    first.keys("C-s")  # Alex's appreciation is said; Sam's turn
    first.wait_for("Sam shares")

    draft = wait_for_draft(data / "in-progress", TYPED)
    assert [step["kind"] for step in draft["done"]] == ["hug"]
    kill_hard(first)
    assert list(kept_files(data / "in-progress")), "the draft went with the process"

    second = terminal(80, 24)
    second.start([str(closer_command)], private_env)
    second.wait_for("Pick up where you stopped")
    second.wait_for("step 2 of 3")
    second.keys("Enter")  # "Pick up" has the focus
    second.wait_for("Step 2 of 3")
    second.keys("C-d")  # we're done for tonight: saves the session, then lets the draft go
    second.wait_for(
        lambda _: any(kept_files(data / "sessions")) and not any((data / "in-progress").iterdir())
    )

    [saved] = kept_files(data / "sessions")
    record = json.loads(saved.read_text(encoding="utf-8"))
    assert record["kind"] == "guided" and record["plan"] == "weekly-checkin"
    assert record["id"] == draft["id"]
    hug, dtr = record["steps"]
    assert hug["kind"] == "hug" and not hug["data"].get("skipped")
    assert dtr["kind"] == "dtr" and not dtr["completed"]
    said = [(e["who"], e["text"]) for e in dtr["entries"] if not e["passed"]]
    assert said == [("first", TYPED)]
    assert list((data / "in-progress").iterdir()) == []

    second.keys("C-q")
    wait_until_gone(second)

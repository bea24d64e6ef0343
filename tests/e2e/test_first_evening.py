"""The real thing: install closer into a fresh virtual environment, open it in tmux at 80x24,
choose two names, hug for 20 real seconds, and find the session on disk, private.

This is the one test that runs on real time: the hug is the product's promise,
and a fake clock cannot prove that the installed command keeps it.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
TMUX = shutil.which("tmux")
INSTALL_TIMEOUT = 420.0


@pytest.fixture(scope="module")
def closer_command(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``closer`` as a couple would get it: ``pip install .`` into a brand-new venv."""
    venv = tmp_path_factory.mktemp("fresh") / "venv"
    # The base interpreter, not this venv's: the new venv must not see our packages.
    python = getattr(sys, "_base_executable", sys.executable)
    subprocess.run([python, "-m", "venv", str(venv)], check=True, timeout=120)
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    env.pop("PYTHONPATH", None)
    subprocess.run(
        [str(venv / "bin" / "pip"), "install", "--quiet", str(REPO)],
        check=True,
        timeout=INSTALL_TIMEOUT,
        env=env,
    )
    return venv / "bin" / "closer"


class Terminal:
    """One tmux session on a private socket, read with ``capture-pane``."""

    def __init__(self, socket: Path, width: int, height: int) -> None:
        assert TMUX is not None
        self.tmux = [TMUX, "-S", str(socket)]
        self.width = width
        self.height = height

    def run(self, *args: str) -> str:
        done = subprocess.run(
            [*self.tmux, *args], capture_output=True, text=True, timeout=30, check=True
        )
        return done.stdout

    def start(self, command: list[str], env: dict[str, str]) -> None:
        assignments = [f"{key}={value}" for key, value in env.items()]
        self.run(
            "-f", "/dev/null",
            "new-session", "-d", "-s", "closer",
            "-x", str(self.width), "-y", str(self.height),
            "env", *assignments, *command,
        )  # fmt: skip
        # Keep the pane after closer exits, so a crash can still be read.
        self.run("set-option", "-t", "closer", "remain-on-exit", "on")

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "closer")

    def keys(self, *keys: str) -> None:
        self.run("send-keys", "-t", "closer", *keys)

    def type(self, text: str) -> None:
        self.run("send-keys", "-t", "closer", "-l", text)

    def cursor_row(self) -> int:
        """The row of the terminal's cursor: Textual puts it in the focused text box."""
        return int(self.run("display-message", "-p", "-t", "closer", "#{cursor_y}"))

    def exited(self) -> bool:
        return self.run("display-message", "-p", "-t", "closer", "#{pane_dead}").strip() == "1"

    def wait_for(self, what: str | Callable[[str], bool], timeout: float = 20.0) -> str:
        """Poll the screen until ``what`` shows (or holds); fail with the last screen."""
        check = what if callable(what) else (lambda screen: what in screen)
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if check(screen):
                return screen
            if self.exited():
                break
            time.sleep(0.1)
        pytest.fail(f"waited for {what!r}; the screen shows:\n{screen}")

    def kill(self) -> None:
        subprocess.run([*self.tmux, "kill-server"], capture_output=True, timeout=30, check=False)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    if TMUX is None:
        pytest.skip("tmux is not installed")
    term = Terminal(tmp_path / "tmux.sock", 80, 24)
    yield term
    term.kill()


def second_name_row(screen: str) -> int:
    """The row of the second partner's name box: two below its label (the box has a top)."""
    lines = screen.splitlines()
    label = next(i for i, line in enumerate(lines) if "Second partner" in line)
    return label + 2


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_version(closer_command: Path) -> None:
    done = subprocess.run(
        [str(closer_command), "--version"], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.startswith("closer ")


def test_first_evening_a_real_hug(closer_command: Path, terminal: Terminal, tmp_path: Path) -> None:
    data = tmp_path / "our-data"
    home = tmp_path / "home"
    home.mkdir()
    terminal.start(
        [str(closer_command)],
        # A private HOME as well, so nothing can land in the real one.
        {"CLOSER_DATA_DIR": str(data), "HOME": str(home), "TERM": "xterm-256color"},
    )

    terminal.wait_for("Welcome to closer")
    terminal.keys("Enter")  # "Continue"
    terminal.wait_for("Before you start")
    terminal.keys("Enter")  # "We understand — continue"
    terminal.wait_for("Who are you two")
    terminal.type("Alex")
    screen = terminal.wait_for("Alex")
    terminal.keys("Enter")
    # Enter moves to the second name; a person sees that before typing on, so wait for it.
    second_row = second_name_row(screen)
    terminal.wait_for(lambda _: terminal.cursor_row() == second_row)
    terminal.type("Sam")
    # Sam must land in the second box, not after "Alex" in the first.
    terminal.wait_for(lambda screen: "Sam" in screen.splitlines()[second_row])
    terminal.keys("Enter")

    terminal.wait_for("Alex and Sam")
    assert mode(data / "couple.json") == 0o600
    terminal.keys("2")
    terminal.wait_for("presses f")
    terminal.keys("f")
    terminal.wait_for("is ready")
    assert "Sam presses j" in " ".join(terminal.screen().split())
    terminal.keys("j")
    terminal.wait_for("End early")
    started = time.monotonic()

    terminal.wait_for("another hug", timeout=40)
    took = time.monotonic() - started
    # Only a sanity bound: the countdown's exactness is proved on a fake clock.
    assert took > 15, f"a 20-second hug ended after {took:.1f} s"

    sessions = list((data / "sessions").glob("*.json"))
    assert len(sessions) == 1
    assert mode(sessions[0]) == 0o600
    assert mode(data) == 0o700
    assert mode(data / "sessions") == 0o700
    record = json.loads(sessions[0].read_text(encoding="utf-8"))
    assert (record["kind"], record["completed"]) == ("hug", True)
    assert record["actual_seconds"] == 20

    terminal.keys("C-q")
    terminal.wait_for(lambda _: terminal.exited(), timeout=15)
    assert not list(home.iterdir()), "closer wrote into HOME although told where its data lives"

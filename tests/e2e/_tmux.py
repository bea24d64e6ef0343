"""Drive the installed ``closer`` in a real terminal: tmux on a private socket."""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest

TMUX = shutil.which("tmux")


class Terminal:
    """One tmux session, read back with ``capture-pane`` as a person would see it."""

    def __init__(self, socket: Path, width: int = 80, height: int = 24) -> None:
        if TMUX is None:
            pytest.skip("tmux is not installed")
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
            "-f", "/dev/null", "new-session", "-d", "-s", "closer",
            "-x", str(self.width), "-y", str(self.height),
            "env", *assignments, *command,
        )  # fmt: skip
        # Keep the pane after closer exits, so a crash can still be read.
        self.run("set-option", "-t", "closer", "remain-on-exit", "on")

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "closer")

    def flat(self) -> str:
        """The screen as one line with single spaces, so wrapping does not matter."""
        return " ".join(self.screen().split())

    def keys(self, *keys: str) -> None:
        self.run("send-keys", "-t", "closer", *keys)

    def type(self, text: str) -> None:
        self.run("send-keys", "-t", "closer", "-l", text)

    def exited(self) -> bool:
        return self.run("display-message", "-p", "-t", "closer", "#{pane_dead}").strip() == "1"

    def wait_for(self, what: str | Callable[[str], bool], timeout: float = 20.0) -> str:
        """Poll until ``what`` shows (wrapping ignored) or holds; fail with the last screen."""
        check = what if callable(what) else (lambda flat: " ".join(what.split()) in flat)
        deadline = time.monotonic() + timeout
        flat = ""
        while time.monotonic() < deadline:
            flat = self.flat()
            if check(flat):
                return flat
            if self.exited():
                break
            time.sleep(0.1)
        pytest.fail(f"waited for {what!r}; the screen shows:\n{self.screen()}")

    def kill(self) -> None:
        subprocess.run([*self.tmux, "kill-server"], capture_output=True, timeout=30, check=False)

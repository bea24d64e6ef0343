"""Drive the installed ``closer`` in a real terminal (tmux on a private socket), and find
places in it with its command palette as a person would."""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from closer_tui.widgets.palette import PLACEHOLDER

TMUX = shutil.which("tmux")
READING_SECONDS = 0.6
"""How long a person reads a line before pressing what it asks for."""


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

    def type_in_box(self, text: str) -> None:
        """Type as a person does: after a moment reading the prompt the box sits under.

        A new step's box takes the focus a little after the step is drawn; keys typed
        in that moment go nowhere, and on a loaded machine it can be long (seen: the
        first words of an appreciation lost)."""
        time.sleep(READING_SECONDS)
        self.type(text)

    def press_after_reading(self, what: str, *keys: str) -> None:
        """Press ``keys`` once ``what`` shows and a person has had a moment to read it.

        A screen is drawn a little before its keys have the focus; nobody presses a key
        the instant a line appears, and on a loaded machine that moment is what lets
        the focus land (seen: an f for the hug lost while the machine was busy)."""
        self.wait_for(what)
        time.sleep(READING_SECONDS)
        self.keys(*keys)

    def cursor_row(self) -> int:
        """The row of the terminal's cursor: Textual puts it in the focused text box."""
        return int(self.run("display-message", "-p", "-t", "closer", "#{cursor_y}"))

    def exited(self) -> bool:
        return self.run("display-message", "-p", "-t", "closer", "#{pane_dead}").strip() == "1"

    def wait_for(self, what: str | Callable[[str], bool], timeout: float = 20.0) -> str:
        """Poll until ``what`` shows (wrapping ignored) or holds; fail with the last screen.

        A callable gets the flattened screen (:meth:`flat`); one that looks at a given row
        reads :meth:`screen` itself. An exited pane is checked once more, then fails.
        """
        check = what if callable(what) else (lambda flat: " ".join(what.split()) in flat)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            flat = self.flat()
            if check(flat):
                return flat
            if self.exited():
                # The last frame may have landed between the read above and the exit:
                # look once more at the final screen before giving up.
                flat = self.flat()
                if check(flat):
                    return flat
                break
            time.sleep(0.1)
        pytest.fail(f"waited for {what!r}; the screen shows:\n{self.screen()}")

    def kill(self) -> None:
        subprocess.run([*self.tmux, "kill-server"], capture_output=True, timeout=30, check=False)


def palette_shows(screen: str, title: str) -> bool:
    """Is ``title`` among the palette's hits (between its search line and its bottom edge)?"""
    lines = screen.splitlines()
    top = next((i for i, line in enumerate(lines) if "🔎" in line), None)
    if top is None:
        return False
    bottom = next((i for i in range(top, len(lines)) if lines[i].startswith("▁")), len(lines))
    return any(title in line for line in lines[top + 1 : bottom])


def open_by_palette(terminal: Terminal, words: str, title: str) -> None:
    """Find a place with ctrl+p. Keys typed while the palette is still gathering can
    leave it at "No matches found" for a query that matches (seen with Textual 8.2.8):
    then the last letter is typed again, as a person would."""
    terminal.keys("C-p")
    terminal.wait_for(PLACEHOLDER)
    terminal.type(words)
    for _attempt in range(3):
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            if palette_shows(terminal.screen(), title):
                terminal.keys("Enter")
                return
            time.sleep(0.1)
        terminal.keys("BSpace")
        terminal.type(words[-1])
    pytest.fail(f"the palette never offered {title!r}:\n{terminal.screen()}")


def kept_files(folder: Path) -> list[Path]:
    """The ``.json`` files closer has finished writing in ``folder``, by name.

    pathlib's glob also matches hidden names, and closer writes each file first
    as a hidden temporary one (``.closer-tmp-…``): a test that looked while it
    was being written would read half a file.
    """
    return sorted(p for p in folder.glob("*.json") if not p.name.startswith("."))

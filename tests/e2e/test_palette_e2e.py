"""The command palette in a real terminal: what a couple types, and what it offers first."""

from __future__ import annotations

from pathlib import Path

import pytest
from _tmux import Terminal  # tests/e2e is on the path (rootdir import mode)
from conftest import MakeTerminal, open_closer

from closer_tui.widgets.palette import PLACEHOLDER

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

FIRST_HITS = [
    # (typed, the title the palette offers first)
    ("daily temp", "Daily Temperature Reading · exercise"),
    ("eye", "Eye gazing · exercise"),
    ("temperature", "Daily Temperature Reading · exercise"),
    ("hug", "A 20-second hug · exercise"),
    ("therapist", "Finding a couples therapist · guide"),
]


def first_hit(screen: str) -> str:
    """The first line under the palette's search line, spaces squeezed ("" if none yet)."""
    lines = screen.splitlines()
    top = next((i for i, line in enumerate(lines) if "🔎" in line), None)
    if top is None:
        return ""
    hits = [" ".join(line.split()) for line in lines[top + 1 :] if line.strip()]
    return hits[0] if hits else ""


def ask(term: Terminal, words: str) -> None:
    term.keys("C-p")
    term.wait_for(PLACEHOLDER)
    term.type(words)


def test_the_palette_offers_first_what_a_couple_means(
    closer_command: Path, terminal: MakeTerminal, private_env: dict[str, str]
) -> None:
    term = open_closer(closer_command, terminal, private_env)

    term.keys("C-p")
    empty = term.wait_for(PLACEHOLDER)
    assert "Quit the application" not in empty and "Screenshot" not in empty
    term.keys("Escape")

    for words, title in FIRST_HITS:
        ask(term, words)
        term.wait_for(lambda _flat, title=title: first_hit(term.screen()).startswith(title))
        term.keys("Escape")
        term.wait_for(lambda flat: "🔎" not in flat)  # the palette closed

    ask(term, "daily temp")
    term.wait_for(lambda _flat: first_hit(term.screen()).startswith(FIRST_HITS[0][1]))
    term.keys("Enter")
    term.wait_for("Step 1 of 5")  # the Daily Temperature Reading, not the Weekly check-in plan

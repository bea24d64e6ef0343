"""In the installed ``closer`` in tmux: every character typed is kept, a number only
chooses a private answer, and a hand-over is passed only by a key pressed after it."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from _tmux import Terminal, kept_files  # tests/e2e is on the path (rootdir import mode)
from conftest import MakeTerminal, open_closer

from closer_tui.widgets.private_round import HANDOVER_SECONDS

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

PERSIAN = "می\u200cخواهم"  # "I want", joined by a zero width non-joiner
FRENCH = "oui\u202f!\u00a010\u00a0h"  # narrow and plain no-break spaces


def hand_over(term: Terminal, shown: str) -> None:
    """Enter on a hand-over, pressed by someone who has read it (not in its first moment)."""
    term.wait_for(shown)
    time.sleep(HANDOVER_SECONDS + 0.2)
    term.keys("Enter")


def test_typed_joiners_and_no_break_spaces_are_saved(
    closer_command: Path, terminal: MakeTerminal, private_env: dict[str, str]
) -> None:
    term = open_closer(closer_command, terminal, private_env)
    term.keys("7")
    term.wait_for("Alex: appreciation 1 of 1")
    term.type(PERSIAN)  # key by key, as an input method sends it: not a paste
    term.wait_for("خواهم")
    term.keys("C-s")
    term.wait_for("Sam: appreciation 1 of 1")
    term.type(FRENCH)
    term.wait_for("oui")
    term.keys("C-s")
    term.wait_for("d Done, save")
    term.keys("d")
    sessions = Path(private_env["CLOSER_DATA_DIR"]) / "sessions"
    term.wait_for(lambda _: any(kept_files(sessions)))

    [saved] = kept_files(sessions)
    record = json.loads(saved.read_text(encoding="utf-8"))
    assert [(e["who"], e["text"]) for e in record["entries"]] == [
        ("first", PERSIAN),
        ("second", FRENCH),
    ]


def test_a_number_chooses_and_an_early_enter_does_not_pass_the_hand_over(
    closer_command: Path, terminal: MakeTerminal, private_env: dict[str, str]
) -> None:
    term = open_closer(closer_command, terminal, private_env)
    term.keys("4")  # Emotional safety: the self-check is its first tab
    hand_over(term, "Sam, please look away")
    term.wait_for("Alex 1 of 8")
    term.keys("2")
    term.wait_for("Chosen: 2 · A little")
    assert "Alex 1 of 8" in term.flat(), "a number alone locks nothing"
    term.keys("Enter")
    for question in range(2, 8):
        term.wait_for(f"Alex {question} of 8")
        term.keys("3", "Enter")
    term.wait_for("Alex 8 of 8")
    term.keys("3", "Enter", "Enter")  # the last answer, and one press too many
    term.wait_for("Alex, please look away")
    time.sleep(1)  # long past the moment a bounced key could still arrive
    shown = term.flat()
    assert "Alex, please look away" in shown and "1 of 8" not in shown, shown
    hand_over(term, "Alex, please look away")  # Sam's own press, on a screen Sam has seen
    term.wait_for("Sam 1 of 8")

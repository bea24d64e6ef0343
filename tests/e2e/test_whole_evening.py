"""A couple's whole first evening, through the installed ``closer`` in tmux at 80x24.

Zoë and Sam set closer up, hug for twenty real seconds, and do Tonight's 30 step by step,
both of them typing. Midway they hold the evening, give the talk a minute more, and close
closer by mistake; the next start picks the evening up with their words kept. They finish
with ctrl+d, read the summary, each rate the week privately (arrows to choose, enter to lock
it in), find the evening in History, and export it. Each step reads the screen as they would.
"""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import pytest
from _tmux import Terminal, kept_files, open_by_palette, palette_shows
from conftest import MakeTerminal

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

HER_THANKS = "Thank you for the soup on Tuesday, it made my day."
HIS_THANKS = "Merci pour le café ce matin, c'était doux."
HER_NEED = "An evening to read together, phones off."
HIS_NEED = "Un long câlin quand je rentre."


def start(term: Terminal, closer: Path, env: dict[str, str]) -> None:
    term.start([str(closer)], env)


def choose_privately(term: Terminal, steps: int) -> None:
    """The rating list: the first arrow lands on 1, each next one moves one down."""
    term.wait_for("How connected did you feel")
    term.keys(*["Down"] * steps)
    term.wait_for(f"Chosen: {steps}")
    term.keys("Enter")


def say_in_turn(term: Terminal, *turns: tuple[str, str]) -> None:
    """Each partner's turn: once its prompt is on screen, their words typed and said (ctrl+s)."""
    for prompt, words in turns:
        term.wait_for(prompt)
        term.type_in_box(words)
        term.wait_for(words[:20])  # the box wraps the rest
        term.keys("C-s")


def sessions(data: Path) -> list[dict[str, object]]:
    files = sorted(kept_files(data / "sessions"))
    return [json.loads(path.read_text(encoding="utf-8")) for path in files]


def test_a_whole_first_evening(
    closer_command: Path, terminal: MakeTerminal, private_env: dict[str, str]
) -> None:
    data = Path(private_env["CLOSER_DATA_DIR"])
    term = terminal(80, 24)
    start(term, closer_command, private_env)

    # -- first run: two names, one of them not ASCII -----------------------------------
    term.wait_for("Welcome to closer")
    term.keys("Enter")
    term.wait_for("Before you start")
    term.keys("Enter")
    term.wait_for("Who are you two")
    term.type("Zoë")
    term.wait_for("Zoë")
    term.keys("Enter")
    time.sleep(0.3)  # the focus moves to the second box; a person sees that first
    term.type("Sam")
    term.wait_for("Sam")
    term.keys("Enter")
    term.wait_for("Zoë and Sam")

    # -- a real twenty-second hug, to its end ------------------------------------------
    term.keys("2")
    term.press_after_reading("presses f", "f", "j")
    term.wait_for("End early")
    term.wait_for("another hug", timeout=40)
    assert "Today: 1 hug" in term.flat()
    term.keys("Escape")
    term.wait_for("Guided sessions")

    # -- Tonight's 30 -----------------------------------------------------------------
    open_by_palette(term, "tonight", "Tonight's 30")
    term.press_after_reading("Phones face down", "f", "j")  # both phones away
    term.wait_for("Breathe out slowly")
    term.keys("C-n")
    term.wait_for("Step 2 of 7")
    term.press_after_reading("or press space to start for both", "Space")
    term.wait_for("another hug", timeout=40)
    term.keys("C-n")

    say_in_turn(term, ("Zoë: appreciation", HER_THANKS), ("Sam: appreciation", HIS_THANKS))
    term.wait_for("Press d to save these")
    term.keys("C-n")

    term.wait_for("Step 4 of 7")
    term.press_after_reading("When you're both ready to talk", "Space")
    term.wait_for("This turn:")
    term.keys("C-t")
    term.wait_for("Paused ·")
    term.keys("p")  # the step's own pause key: the evening is on hold, one way out
    term.wait_for("Everything is on hold")
    assert "Press p to carry on" not in term.flat(), "one hold, one message"
    term.keys("C-t")
    term.wait_for("left in this step")
    term.keys("C-e")
    # One more minute, shown the same everywhere: the step list and the session line.
    term.wait_for(lambda flat: "11′" in flat and "11 min left in this step" in flat)

    # -- closed by mistake, picked up with every word --------------------------------
    term.keys("C-q")
    term.wait_for(lambda _: term.exited(), timeout=15)
    drafts = list(kept_files(data / "in-progress"))
    assert len(drafts) == 1
    assert HER_THANKS in drafts[0].read_text(encoding="utf-8")
    term.kill()

    term = terminal(80, 24)
    start(term, closer_command, private_env)
    term.wait_for("Pick up where you stopped")
    term.keys("Enter")
    term.wait_for("Step 4 of 7")
    assert "11′" in term.flat(), "the extra minute survived the restart"
    term.keys("C-k")  # they skip the rest of the talk

    term.wait_for("Step 5 of 7")
    term.keys("l")  # "we loved this one"
    term.keys("C-n")
    term.wait_for("Step 6 of 7")
    term.press_after_reading("or press space to start for both", "Space")
    term.wait_for("End early")
    term.keys("e")
    term.wait_for("together")
    term.keys("C-n")

    say_in_turn(term, ("Zoë: This week, I need", HER_NEED), ("Sam: This week", HIS_NEED))
    term.keys("C-d")

    # -- the summary: what they did, in their words -----------------------------------
    summary = term.wait_for(lambda flat: "What you shared" in flat and "✓ done together" in flat)
    assert "stopped early" not in summary
    assert "– Talk about your days, in turns" in summary and "skipped" in summary
    assert "Zoë" in summary and "Sam" in summary
    # Their last words: below the fold when tonight's card takes two lines, and the toast
    # "Kept for tonight's session." may cover the last lines for three seconds.
    term.keys("End")
    term.wait_for(HER_NEED[:20])
    assert not list(kept_files(data / "in-progress")), "the draft made way for the session"

    # -- the week rated privately: arrows choose, enter locks it in --------------------
    term.keys("Escape")
    term.wait_for("Guided sessions")
    term.keys("C-p")
    term.wait_for("Where to?")
    term.type("check-in")
    term.wait_for(lambda _: palette_shows(term.screen(), "· exercise"))
    term.keys("Down", "Enter")
    term.wait_for("What went well")
    for _turn in range(6):  # three questions, each partner passes
        term.keys("C-o")
        time.sleep(0.2)
    term.press_after_reading("Zoë, press enter when Sam can't see the screen", "Enter")
    choose_privately(term, 8)
    term.press_after_reading("Sam, press enter when Zoë can't see the screen", "Enter")
    choose_privately(term, 6)
    term.press_after_reading("Sit together so you can both see the screen", "Enter")
    revealed = term.wait_for("6 of 10")
    assert "8 of 10" in revealed, "both numbers shown together, side by side"
    term.keys("d")  # keep this check-in
    term.wait_for(lambda _: any(s["kind"] == "weekly_checkin" for s in sessions(data)), 30)
    checkin = next(s for s in sessions(data) if s["kind"] == "weekly_checkin")
    assert checkin["ratings"] == {"first": 8, "second": 6}

    # -- History holds the evening, each partner's words in it -------------------------
    term.keys("Escape")
    term.wait_for("Guided sessions")
    term.keys("h")
    term.wait_for("Tonight's 30")
    evening = next(s for s in sessions(data) if s["kind"] == "guided")
    assert evening["title"] == "Tonight's 30"
    kept = json.dumps(evening, ensure_ascii=False)
    for words in (HER_THANKS, HIS_THANKS, HER_NEED, HIS_NEED):
        assert words in kept
    term.keys("C-q")
    term.wait_for(lambda _: term.exited(), timeout=15)

    # -- the export, as Markdown, with their words ------------------------------------
    out = data.parent / "our-evening.md"
    subprocess.run(
        [str(closer_command), "export", "--format", "md", "-o", str(out)],
        env={**private_env, "PATH": "/usr/bin:/bin"},
        check=True,
        timeout=60,
    )
    exported = out.read_text(encoding="utf-8")
    assert "Tonight's 30" in exported
    for words in ("Zoë", "Sam", HER_THANKS, HIS_THANKS, HER_NEED, HIS_NEED):
        assert words in exported

"""The README is the front door: what it promises must stay true."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import get_args

from closer_tui.__main__ import parser
from closer_tui.core.content import ActivityKind, load_library
from closer_tui.core.store import Store

README = Path(__file__).resolve().parents[1] / "README.md"


def test_the_own_content_example_loads(tmp_path: Path) -> None:
    block = re.search(r"```toml\n(.*?)```", README.read_text("utf-8"), re.S)
    assert block is not None, "README lost its my-content.toml example"
    own = tmp_path / "my-content.toml"
    own.write_text(block.group(1), "utf-8")
    library, problems = load_library(own)
    assert problems == []
    assert any(plan.id == "sunday-20" for plan in library.plans)
    assert any("bakery" in idea.text for idea in library.affection)


def test_every_activity_kind_is_listed() -> None:
    text = README.read_text("utf-8")
    missing = [kind for kind in get_args(ActivityKind) if f"`{kind}`" not in text]
    assert missing == []


def _shell_lines() -> list[str]:
    """Every command in the README's ``sh`` blocks, without its comment."""
    blocks = re.findall(r"```sh\n(.*?)```", README.read_text("utf-8"), re.S)
    return [line.split("  #")[0].strip() for block in blocks for line in block.splitlines()]


def test_the_commands_shown_after_the_install_line_work_as_written(
    tmp_path: Path, store_with_couple: Store
) -> None:
    """Each ``.venv/bin/closer …`` line, run as a newcomer would, from a folder of theirs."""
    lines = _shell_lines()
    install = "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/closer"
    assert install in lines
    scripts = tomllib.loads((README.parent / "pyproject.toml").read_text("utf-8"))
    assert scripts["project"]["scripts"]["closer"] == "closer_tui.__main__:main"
    commands = [shlex.split(line) for line in lines if line.startswith(".venv/bin/closer ")]
    assert {words[1] for words in commands} >= {"today", "history", "export", "--version"}
    for words in commands:
        done = subprocess.run(
            [sys.executable, "-m", "closer_tui", *words[1:]],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
            stdin=subprocess.DEVNULL,
        )
        assert done.returncode == 0, (words, done.stderr)
        assert done.stdout.strip(), words
    assert (tmp_path / "ours.md").read_text("utf-8").startswith("# closer — Alex & Sam")


def test_every_command_the_readme_names_is_one_closer_knows() -> None:
    named = re.findall(r"`(?:\.venv/bin/)?closer( [^`]*)?`", README.read_text("utf-8"))
    assert len(named) > 5
    for words in (shlex.split(text) for text in named):
        if "--help" in words:
            continue
        parser().parse_args(words)  # exits, and fails the test, on anything unknown

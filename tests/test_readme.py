"""The README is the front door: what it promises must stay true."""

from __future__ import annotations

import re
from pathlib import Path
from typing import get_args

from closer_tui.core.content import ActivityKind, load_library

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

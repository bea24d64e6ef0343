"""closer_tui.core must never import Textual: it is what keeps it testable and the CLI fast."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import closer_tui.core

CHECK = """
import importlib, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
leaked = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
print(",".join(leaked))
"""


def core_modules() -> list[str]:
    return sorted(
        info.name
        for info in pkgutil.walk_packages(closer_tui.core.__path__, prefix="closer_tui.core.")
    )


def test_core_has_modules_to_check() -> None:
    # Guards the guard: an empty list would make the next test pass vacuously.
    assert "closer_tui.core.store" in core_modules()
    assert "closer_tui.core.clock" in core_modules()


def test_importing_every_core_module_leaves_textual_unloaded() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHECK, *core_modules()],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"core imported {result.stdout.strip()}"

"""What every end-to-end test shares: closer installed as a couple would get it, and
real terminals (tmux, each on its own socket) to run it in.

- ``closer_command``: ``pip install`` of this repository into a brand-new virtualenv, once
  per run even across xdist workers (it is the slow part: half a minute or more), as the
  path of its ``closer``.
  ``CLOSER_E2E_SOURCE=<dir>`` installs from another copy of the source instead.
- ``terminal``: a factory, ``terminal(width=80, height=24)`` → :class:`_tmux.Terminal`;
  every terminal it made is killed after the test, even a failing one.
"""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from _tmux import TMUX, Terminal  # tests/e2e is on sys.path: pytest puts conftest dirs there

from closer_tui.core.models import Couple, Partner
from closer_tui.core.store import Store

REPO = Path(os.environ.get("CLOSER_E2E_SOURCE") or Path(__file__).resolve().parents[2])
"""What to install: this checkout, or another copy of it (say ``git archive HEAD``
unpacked elsewhere, to test what is committed while the working tree is mid-change)."""
INSTALL_TIMEOUT = 420.0

MakeTerminal = Callable[..., Terminal]


def open_closer(
    closer_command: Path, terminal: MakeTerminal, private_env: dict[str, str]
) -> Terminal:
    """A couple who set closer up on an earlier evening (first run has its own test), at home
    in an 80x24 terminal."""
    Store.open(Path(private_env["CLOSER_DATA_DIR"])).save_couple(
        Couple(
            first=Partner(name="Alex", colour="orange"), second=Partner(name="Sam", colour="sky")
        )
    )
    term = terminal(80, 24)
    term.start([str(closer_command)], private_env)
    term.wait_for("Alex and Sam")
    return term


@pytest.fixture(scope="session")
def closer_command(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``closer`` as a couple would get it: ``pip install .`` into a brand-new venv.

    Made once per run, however many workers run e2e tests: the first to need it installs it
    in the run's shared temporary folder while holding a lock; the others wait and reuse it.
    """
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # every worker's basetemp sits in the run's one folder
    venv = shared / "fresh-closer" / "venv"
    venv.parent.mkdir(exist_ok=True)
    with (venv.parent / "install.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (venv / "installed").exists():
            install(venv)
            (venv / "installed").touch()
    return venv / "bin" / "closer"


def install(venv: Path) -> None:
    """A venv with nothing in it, then closer and its dependencies as pip resolves them
    from this source tree. The venv gets no pip of its own (making one was a third of the
    time): this venv's pip installs into it (``pip --python``)."""
    # The base interpreter, not this venv's: the new venv must not see our packages.
    python = getattr(sys, "_base_executable", sys.executable)
    subprocess.run([python, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    env.pop("PYTHONPATH", None)
    into = ["--python", str(venv / "bin" / "python")]
    subprocess.run(
        [sys.executable, "-m", "pip", *into, "install", "--quiet", str(REPO)],
        check=True,
        timeout=INSTALL_TIMEOUT,
        env=env,
    )


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[MakeTerminal]:
    """Make tmux terminals for this test (each on its own socket); all killed afterwards."""
    if TMUX is None:
        pytest.skip("tmux is not installed")
    made: list[Terminal] = []

    def make(width: int = 80, height: int = 24) -> Terminal:
        term = Terminal(tmp_path / f"tmux-{len(made)}.sock", width, height)
        made.append(term)
        return term

    yield make
    for term in made:
        term.kill()


@pytest.fixture
def private_env(tmp_path: Path) -> dict[str, str]:
    """The environment closer runs in: its own data dir, an empty HOME, a real TERM."""
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    return {
        "CLOSER_DATA_DIR": str(tmp_path / "our-data"),
        "HOME": str(home),
        "TERM": "xterm-256color",
    }

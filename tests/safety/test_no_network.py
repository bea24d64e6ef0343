"""Nothing leaves the laptop: importing closer and using the store opens no socket.

Runs in a fresh interpreter with an audit hook (PEP 578) that records every
socket created, connected, bound or resolved, then imports every closer
module present and uses the store end to end.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

PROBE = textwrap.dedent(
    """
    import importlib, json, pkgutil, sys, tempfile
    from pathlib import Path

    seen = []

    def hook(event, args):
        if event.startswith("socket.") or event in ("urllib.Request", "http.client.connect"):
            seen.append(event)

    sys.addaudithook(hook)

    import closer_tui
    broken = []
    for module in pkgutil.walk_packages(closer_tui.__path__, "closer_tui."):
        try:
            importlib.import_module(module.name)
        except ModuleNotFoundError as error:
            # Another helper's module may still be on its way; record it.
            broken.append(f"{module.name}: {error}")

    from closer_tui.core.models import Couple, Partner, SessionRecord
    from closer_tui.core.store import Store
    from datetime import UTC, datetime

    root = Path(tempfile.mkdtemp())
    store = Store.open(root)
    store.save_couple(Couple(first=Partner(name="A", colour="sky"),
                             second=Partner(name="B", colour="pink")))
    store.update_couple(lambda c: c)
    now = datetime.now(UTC)
    store.save_session(SessionRecord(kind="hug", title="Hug", started_at=now, ended_at=now))
    store.load_history()
    store.load_drafts()
    print(json.dumps({"sockets": seen, "broken": broken,
                      "modules": sorted(m for m in sys.modules if m.startswith("closer_tui"))}))
    """
)


def test_importing_closer_and_saving_opens_no_socket() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["sockets"] == []
    assert "closer_tui.core.store" in report["modules"]
    present = {
        p.stem
        for p in (Path(__file__).parents[2] / "src" / "closer_tui").glob("*.py")
        if p.stem != "__main__"
    }
    assert {f"closer_tui.{name}" for name in present if name != "__init__"} <= set(
        report["modules"]
    ) | {line.split(":")[0] for line in report["broken"]}


def test_the_probe_would_notice_a_socket() -> None:
    """The audit hook really sees a socket: the test above can fail."""
    probe = PROBE.replace(
        "import closer_tui\n", "import closer_tui, socket\nsocket.socket().close()\n", 1
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1])["sockets"] != []

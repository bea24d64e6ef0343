"""kill -9 at random moments of a save loses nothing that was acknowledged.

A forked child (forked, not spawned, so that a hundred children cost a
fraction of a second instead of a hundred interpreter start-ups) saves
sessions, drafts, settings and keepsakes in a loop and acknowledges each one on a pipe
only after the store call has returned. The parent kills it with SIGKILL
after a random short delay, then checks with a fresh ``Store.open`` that
everything acknowledged is there, every file loads and no temporary file is
left.
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

import pytest
from safety_kit import couple, draft, killed_at_random, record, temp_files

from closer_tui.core.models import Couple
from closer_tui.core.store import Store

KILLS = 120
KILLS_PER_FOLDER = 20

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs fork and SIGKILL")


def _counted(settings: Couple) -> int:
    """A field closer does not know: it must survive every rewrite."""
    return int((settings.model_extra or {}).get("count", 0))


def _count_up(current: Couple) -> Couple:
    return current.model_copy(update={"count": _counted(current) + 1})


def _save_forever(root: Path, ack: int, seed: int) -> None:
    """The child: save and acknowledge until killed."""
    rng = random.Random(seed)
    store = Store.open(root)
    step = 0
    while True:
        step += 1
        choice = rng.random()
        if choice < 0.2:
            saved = store.update_couple(_count_up)
            os.write(ack, f"couple {saved.revision}\n".encode())
        elif choice < 0.3:
            kept = (store.load_keepsakes().recall("deck", "place") or 0) + 1
            store.remember("deck", "place", kept)
            os.write(ack, f"kept {kept}\n".encode())
        elif choice < 0.45:
            unfinished = draft()
            store.save_draft(unfinished)
            os.write(ack, f"draft {unfinished.id}\n".encode())
            store.finish_draft(unfinished.id, record(n=step, record_id=unfinished.id))
            os.write(ack, f"session {unfinished.id}\n".encode())
        else:
            # Sizes up to ~60 kB so that some kills land inside a write.
            finished = record("é" * rng.randrange(0, 30_000), n=step)
            store.save_session(finished)
            os.write(ack, f"session {finished.id}\n".encode())


def _run_and_kill(root: Path, rng: random.Random) -> list[tuple[str, str]]:
    # The child's seed is drawn in the child: the parent's draws choose only the moments.
    lines = killed_at_random(lambda ack: _save_forever(root, ack, rng.randrange(2**32)), rng)
    return [tuple(line.split(" ", 1)) for line in lines]  # type: ignore[misc]


def test_kill_nine_during_saves_loses_nothing_acknowledged(tmp_path: Path) -> None:
    rng = random.Random(20250601)
    acknowledged_sessions = 0
    for kill in range(KILLS):
        root = tmp_path / f"data-{kill // KILLS_PER_FOLDER}"
        if kill % KILLS_PER_FOLDER == 0:
            Store.open(root).save_couple(couple())
            sessions: set[str] = set()
            drafts: set[str] = set()
            revision = 1
            place = 0
        for kind, value in _run_and_kill(root, rng):
            if kind == "session":
                sessions.add(value)
            elif kind == "draft":
                drafts.add(value)
            elif kind == "kept":
                place = max(place, int(value))
            else:
                revision = max(revision, int(value))

        store = Store.open(root)
        assert temp_files(root) == [], f"temporary file left after kill {kill}"
        settings = store.load_couple()
        assert settings is not None
        assert settings.revision >= revision
        assert _counted(settings) == settings.revision - 1
        assert (store.load_keepsakes().recall("deck", "place") or 0) >= place
        history = store.load_history()
        unfinished = store.load_drafts()
        assert history.notices == [] and store.notices == [], f"after kill {kill}"
        assert list((root / "quarantine").iterdir()) == []
        loaded = {r.id for r in history.sessions}
        assert sessions <= loaded, f"acknowledged sessions lost after kill {kill}"
        # A finished guided session is in the history, its draft, or both: never neither.
        assert drafts <= loaded | {d.id for d in unfinished}
        acknowledged_sessions += len(sessions)
    assert acknowledged_sessions > 0, "the children never got to save anything"

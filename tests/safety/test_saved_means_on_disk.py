""" "Saved." is on screen only once the round is on disk: never before, never instead.

A practice on its own used to hand its round to the screen in a message and say
"Saved." at once: the words came before the file (a reader of the folder found
nothing yet), and stayed when the disk refused.
"""

from __future__ import annotations

import errno
import os

import pytest
from helpers import open_activity, tap
from textual.pilot import Pilot
from textual.widgets import Static

from closer_tui.activities.questions import QuestionActivity
from closer_tui.app import CloserApp
from closer_tui.core.clock import ManualClock
from closer_tui.core.store import Store
from closer_tui.screens.save_failed import SaveFailedScreen
from closer_tui.widgets.private_round import HANDOVER_SECONDS


def hint(activity: QuestionActivity) -> str:
    return str(activity.query_one("#q-hint", Static).render())


async def test_the_file_is_there_when_the_words_are(
    store_with_couple: Store, app: CloserApp, pilot: Pilot[None]
) -> None:
    questions = await open_activity(pilot, "questions", QuestionActivity)
    assert store_with_couple.load_history().sessions == []
    said_before_written: list[str] = []
    update = Static.update

    def watched(self: Static, *args: object, **kwargs: object) -> None:
        if (
            "Saved" in str(args[0] if args else "")
            and not store_with_couple.load_history().sessions
        ):
            said_before_written.append(str(args[0]))
        update(self, *args, **kwargs)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as watch:
        watch.setattr(Static, "update", watched)
        await tap(pilot, "d")
    assert hint(questions).startswith("Saved.")
    assert said_before_written == []
    assert len(store_with_couple.load_history().sessions) == 1


async def test_a_refused_write_is_never_called_saved(
    store_with_couple: Store, app: CloserApp, pilot: Pilot[None]
) -> None:
    questions = await open_activity(pilot, "questions", QuestionActivity)

    def refuse(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with pytest.MonkeyPatch.context() as full:
        full.setattr(os, "fsync", refuse)
        await tap(pilot, "d")
    assert isinstance(app.screen, SaveFailedScreen)  # asked what to do with it
    assert "Saved" not in hint(questions)
    assert "Thank you for asking." in hint(questions)
    await pilot.click("#retry")  # with room again
    await pilot.pause()
    assert "Saved." in [note.message for note in app._notifications]  # now it is, and says so
    assert len(store_with_couple.load_history().sessions) == 1


async def test_a_refused_pick_is_never_called_kept(
    app: CloserApp, clock: ManualClock, pilot: Pilot[None]
) -> None:
    from closer_tui.screens.decks import deck_screen

    await pilot.pause()
    deck = deck_screen(app, "quick-picks")
    app.push_screen(deck)
    await pilot.pause()
    clock.advance(HANDOVER_SECONDS)  # a pick waits a moment, so a stray key is not a choice
    await pilot.pause()

    def refuse(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with pytest.MonkeyPatch.context() as full:
        full.setattr(os, "fsync", refuse)
        await tap(pilot, "f", "j")  # both chose: revealed, and kept at once
    assert isinstance(app.screen, SaveFailedScreen)  # asked what to do with it
    shown = str(deck.query_one("#deck-hint", Static).render())
    assert "n for the next card" in shown
    assert "Kept in your history" not in shown

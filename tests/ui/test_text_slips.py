"""Small slips in what closer says, looked for everywhere rather than one screen at a time."""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from helpers import AppFactory
from textual.binding import Binding
from textual.dom import DOMNode
from textual.widgets import Static

import closer_tui.activities
import closer_tui.screens
import closer_tui.widgets
from closer_tui.app import CloserApp
from closer_tui.core.models import Couple, Entry
from closer_tui.core.store import Store, StoreError
from closer_tui.screens.session import SessionScreen


def every_binding() -> list[tuple[str, Binding]]:
    found = []
    for package in (closer_tui.activities, closer_tui.screens, closer_tui.widgets):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for thing in vars(module).values():
                if isinstance(thing, type) and issubclass(thing, DOMNode):
                    for binding in thing.BINDINGS:
                        if isinstance(binding, Binding):
                            found.append((thing.__name__, binding))
    return found


def test_no_footer_label_reads_as_cut_off() -> None:
    bindings = every_binding()
    assert bindings, "the bindings were found"
    cut = [
        (owner, b.description)
        for owner, b in bindings
        if b.description.endswith(("'s", "’s", " the", " a", " to", " of"))
    ]
    assert cut == [], "a label like “Start tonight's” looks cut off in the footer"


async def test_the_weekly_check_in_step_never_claims_half_an_hour(
    app: CloserApp, store_with_couple: Store
) -> None:
    """In the Weekly check-in plan the check-in is a 14-minute step: the words say so only."""
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.start_plan("weekly-checkin")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await screen.action_skip_step()  # the hug
        await screen.action_skip_step()  # the temperature reading
        await pilot.pause()
        text = " ".join(str(w.render()) for w in screen.query(Static) if w.display)
        assert "14 minutes together" in text
        assert "half an hour" not in text.lower() and "half hour" not in text.lower()


async def test_a_message_that_ends_its_own_sentence_gets_no_second_full_stop(
    make_app: AppFactory,
    store_with_couple: Store,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def full_disk(*args: object) -> None:
        raise StoreError("Could not save tonight: the disk is full. Nothing saved before changed.")

    monkeypatch.setattr(store_with_couple, "save_draft", full_disk)
    app = make_app(store_with_couple)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.start_plan("quick-reconnect")
        await pilot.pause()
        said = [notification.message for notification in app._notifications]
        assert any("before changed. Tonight's session is only in memory" in m for m in said)
        assert not any(".." in message for message in said)


def test_a_card_talked_about_is_one_line_without_a_blank_under_it(couple: Couple) -> None:
    from closer_tui.widgets.entries import entry_text

    talked = Entry(who="both", prompt="What made you laugh today?", parts={"depth": "light"})
    assert entry_text(couple, talked).plain == " Together   What made you laugh today?"
    said = Entry(who="first", prompt="I feel …", text="I feel calm.")
    assert entry_text(couple, said).plain == " Alex   I feel …\n   I feel calm."

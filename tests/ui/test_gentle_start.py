"""The gentle start-up: "I feel … about … and I need …", one each, with a gentler way to say
a listed blaming word; and the reduced-motion switch in Settings."""

from __future__ import annotations

from helpers import AppFactory, open_place, saved, screen_flat
from textual.widgets import Input, Static, Switch, TabbedContent

from closer_tui.activities.inner_world import GentleStartActivity, gently
from closer_tui.core.store import Store
from closer_tui.screens.settings import SettingsScreen


def test_the_sentence_has_a_gap_for_each_empty_part() -> None:
    assert gently("", "", "") == "I feel … about …, and I need …"
    assert gently("worried", "the bills.", "us to sit down on Sunday") == (
        "I feel worried about the bills, and I need us to sit down on Sunday."
    )


async def test_two_gentle_starts_saved_together(
    store_with_couple: Store, make_app: AppFactory
) -> None:
    app = make_app(store_with_couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_place(pilot, "safety")
        app.screen.query_one(TabbedContent).active = "try-1"
        await pilot.pause()
        await pilot.pause()
        builder = app.screen.query_one(GentleStartActivity)
        intro = str(builder.query_one("#is-intro", Static).content)
        assert "Carrère & Gottman, 1999" in intro  # its why, with its source
        builder.query_one("#is-feel", Input).focus()
        await pilot.press(*"worried", "enter", *"you never do the dishes")
        await pilot.pause()
        nudge = str(builder.query_one("#is-nudge", Static).content)
        assert "“you never” can sound like blame." in nudge and "one moment" in nudge
        box = builder.query_one("#is-when", Input)
        box.value = ""
        await pilot.press(*"the dishes after dinner")
        await pilot.pause()
        assert str(builder.query_one("#is-nudge", Static).content) == ""
        await pilot.press("enter", *"us to take turns", "enter")
        await pilot.press(*"tired", "enter", *"the evenings", "enter", *"a quiet hour", "enter")
        await pilot.press("ctrl+s")
        await pilot.pause()
    [record] = saved(store_with_couple)
    assert record.kind == "gentle_start"
    assert [(e.who, e.text) for e in record.entries] == [
        ("first", "I feel worried about the dishes after dinner, and I need us to take turns."),
        ("second", "I feel tired about the evenings, and I need a quiet hour."),
    ]
    assert record.entries[0].parts == {
        "feel": "worried",
        "about": "the dishes after dinner",
        "need": "us to take turns",
    }


async def test_reduced_motion_is_a_setting_that_is_kept(
    store_with_couple: Store, make_app: AppFactory
) -> None:
    app = make_app(store_with_couple)
    async with app.run_test(size=(80, 40)) as pilot:
        assert app.couple.preferences.reduced_motion is False  # the default
        await open_place(pilot, "settings")
        assert isinstance(app.screen, SettingsScreen)
        assert "Reduced motion" in screen_flat(app)
        app.screen.query_one("#still", Switch).value = True
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.couple.preferences.reduced_motion is True
    kept = store_with_couple.load_couple()
    assert kept is not None and kept.preferences.reduced_motion is True

"""Share your inner world: prompt cards, the I-statement builder and the "just listen" timer."""

from __future__ import annotations

import random

from helpers import AppFactory, W, open_place
from textual.pilot import Pilot
from textual.widgets import Input, Static, TabbedContent

from closer_tui.activities.inner_world import (
    InnerWorldActivity,
    IStatementActivity,
    JustListenActivity,
    assemble,
)
from closer_tui.app import CloserApp
from closer_tui.core.clock import ManualClock
from closer_tui.core.store import Store
from closer_tui.widgets.countdown import CountdownPanel
from closer_tui.widgets.turn_banner import TurnBanner


def shown(activity: object, selector: str) -> str:
    """The plain text of one Static, unwrapped."""
    return str(activity.query_one(selector, Static).render())  # type: ignore[attr-defined]


async def open_tab(pilot: Pilot[None], tab: str, kind: type[W]) -> W:
    """Open the inner world on ``tab`` and return its activity, a ``kind``."""
    await open_place(pilot, "inner-world")
    pilot.app.screen.query_one(TabbedContent).active = tab
    await pilot.pause()
    await pilot.pause()
    return pilot.app.screen.query_one(kind)


async def test_cards_never_repeat_until_the_deck_is_used_up_across_restarts(
    store_with_couple: Store, make_app: AppFactory
) -> None:
    seen: list[str] = []
    total = 0
    for seed in (1, 2):
        app = make_app(store_with_couple)
        app.rng = random.Random(seed)
        async with app.run_test(size=(80, 24)) as pilot:
            cards = await open_tab(pilot, "try-0", InnerWorldActivity)
            total = len(app.library.inner_world)
            while len(seen) + len(cards.shared) < (total // 2 if seed == 1 else total):
                await pilot.press("n")
            seen += [card.id for card, _, _ in cards.shared]
    assert len(seen) == total
    assert len(set(seen)) == total, "no card came back before every card was seen"


async def test_cards_pass_love_theme_and_save_attributed(
    store_with_couple: Store, app: CloserApp
) -> None:
    app.rng = random.Random(3)
    async with app.run_test(size=(80, 24)) as pilot:
        cards = await open_tab(pilot, "try-0", InnerWorldActivity)
        assert "Sam, to close, you might say" in shown(cards, "#iw-thanks")
        await pilot.press("t")  # hopes
        assert cards.current.theme == "hopes"
        await pilot.press("l")
        loved = cards.current.id
        await pilot.press("n")  # Sam shares next
        assert cards.query_one(TurnBanner).speaker == "second"
        assert "Alex, to close, you might say" in shown(cards, "#iw-thanks")
        await pilot.press("s")  # pass: no reason asked
        await pilot.press("d")
        await pilot.pause()
        assert cards.pending() is None
        assert "Saved." in shown(cards, "#iw-thanks")

    [record] = store_with_couple.load_history().sessions
    assert record.kind == "inner_world"
    assert [(e.who, e.passed, e.parts["theme"]) for e in record.entries] == [
        ("first", False, "hopes"),
        ("second", True, "hopes"),
        ("second", False, "hopes"),
    ]
    assert record.data["loved"] == [loved]
    assert loved in store_with_couple.load_keepsakes().recall("decks", "inner-world")["loved"]


def test_the_sentence_assembles_with_gaps() -> None:
    assert assemble("", "", "") == "I feel … when … I need …"  # one ending each, no "…."
    assert (
        assemble("lonely", "we both scroll at dinner.", "half an hour without phones")
        == "I feel lonely when we both scroll at dinner. I need half an hour without phones."
    )


async def test_i_statements_assemble_and_save_each_partners_parts(
    store_with_couple: Store, app: CloserApp
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        builder = await open_tab(pilot, "try-1", IStatementActivity)
        assert builder.query_one("#is-feel", Input).has_focus
        await pilot.press(*"lonely", "enter", *"we both scroll at dinner", "enter")
        assert shown(builder, "#is-sentence") == (
            "I feel lonely when we both scroll at dinner. I need …"
        )
        await pilot.press(*"half an hour", "enter")
        assert builder.query_one(TurnBanner).speaker == "second"
        assert "Alex: I feel lonely when we both scroll at dinner. I need half an hour." in (
            shown(builder, "#is-said")
        )
        await pilot.press(*"worried", "enter", *"you always", "enter")
        assert "can sound like blame" in shown(builder, "#is-nudge")
        await pilot.press(*"a hug", "ctrl+s")
        await pilot.pause()
        assert builder.pending() is None

    [record] = store_with_couple.load_history().sessions
    assert record.kind == "i_statement"
    assert [(e.who, e.parts) for e in record.entries] == [
        ("first", {"feel": "lonely", "when": "we both scroll at dinner", "need": "half an hour"}),
        ("second", {"feel": "worried", "when": "you always", "need": "a hug"}),
    ]
    assert record.entries[0].text == (
        "I feel lonely when we both scroll at dinner. I need half an hour."
    )


async def test_one_visit_saves_one_row_however_often_ctrl_s_is_pressed(
    store_with_couple: Store, app: CloserApp
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        builder = await open_tab(pilot, "try-1", IStatementActivity)
        await pilot.press(*"calm", "enter", *"we cook together", "enter", *"more of it", "ctrl+s")
        await pilot.pause()
        assert builder.query_one(TurnBanner).speaker == "second", "ctrl+s hands over first"
        assert "Sam's turn. ctrl+s saves when you're both done." in shown(builder, "#is-said")
        await pilot.press(*"tired", "enter", *"the week ends", "enter", *"a slow Sunday")
        await pilot.press("ctrl+s")
        await pilot.pause()
        said = shown(builder, "#is-said")
        assert said == "Saved. Thank you, Alex and Sam, for saying it kindly."
        assert builder.pending() is None

    [record] = store_with_couple.load_history().sessions
    assert [e.who for e in record.entries] == ["first", "second"]


async def test_a_lone_statement_is_saved_on_a_second_ctrl_s(
    store_with_couple: Store, app: CloserApp
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot, "try-1", IStatementActivity)
        await pilot.press(*"glad", "ctrl+s", "ctrl+s")  # Sam would rather pass tonight
        await pilot.pause()
    [record] = store_with_couple.load_history().sessions
    assert [e.text for e in record.entries] == ["I feel glad when … I need …"]


async def test_a_chosen_theme_is_named_once(app: CloserApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        cards = await open_tab(pilot, "try-0", InnerWorldActivity)
        assert shown(cards, "#iw-theme").endswith("cards from every theme (t to change)")
        await pilot.press("t")  # hopes
        assert shown(cards, "#iw-theme") == "hopes   ·   only this theme (t to change)"


async def test_i_statement_needs_a_feeling_first(app: CloserApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        builder = await open_tab(pilot, "try-1", IStatementActivity)
        builder.query_one("#is-need", Input).focus()
        await pilot.pause()
        await pilot.press(*"space", "enter")
        assert builder.statements == []
        assert builder.query_one("#is-feel", Input).has_focus
        assert builder.pending() is not None, "typed text is offered on leaving"


async def test_just_listen_runs_on_the_fake_clock_and_ends_with_a_thank_you(
    store_with_couple: Store, app: CloserApp, clock: ManualClock
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        listen = await open_tab(pilot, "try-2", JustListenActivity)
        assert "3 minutes" in shown(listen, "#jl-minutes")
        assert "No fixing, no advice." in shown(listen, "#jl-roles")
        await pilot.press("tab")  # Sam shares this time
        await pilot.press("f", "j")
        await pilot.pause()
        assert listen.stage == "listening"
        clock.advance(180)
        for panel in app.screen.query(CountdownPanel):
            panel.sync()
        await pilot.pause()
        assert listen.stage == "after"
        assert "Alex, to close, you might say" in shown(listen, "#jl-after")

    [record] = store_with_couple.load_history().sessions
    assert record.kind == "just_listen"
    assert record.completed and record.actual_seconds == 180 and record.planned_seconds == 180
    assert record.ready == ["first", "second"]
    assert record.data == {"sharer": "second", "listener": "first"}


async def test_just_listen_uses_a_planned_length(app: CloserApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        listen = JustListenActivity(planned_seconds=300)
        await app.screen.mount(listen)
        await pilot.pause()
        assert listen.seconds == 300
        assert shown(listen, "#jl-minutes") == "5 minutes"


async def test_i_statement_is_usable_at_60x20(app: CloserApp) -> None:
    async with app.run_test(size=(60, 20)) as pilot:
        builder = await open_tab(pilot, "try-1", IStatementActivity)
        await pilot.press(*"tired", "enter", *"late", "enter")
        need = builder.query_one("#is-need", Input)
        assert need.has_focus
        await pilot.pause()
        region = app.screen.find_widget(need).region
        assert 0 < region.y < 19, "the focused box scrolled into view"

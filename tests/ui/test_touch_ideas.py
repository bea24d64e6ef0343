"""Touch ideas: ticks are saved from "save today's", counted from history, kept across restarts."""

from __future__ import annotations

from helpers import AppFactory, screen_text
from textual.pilot import Pilot
from textual.widgets import Static, TabbedContent

from closer_tui.activities.touch_ideas import TouchIdeasActivity
from closer_tui.app import CloserApp
from closer_tui.core.store import Store
from closer_tui.widgets.option_list import CalmOptionList


async def open_touch(pilot: Pilot[None]) -> TouchIdeasActivity:
    await pilot.pause()
    pilot.app.open_place("affection")  # type: ignore[attr-defined]
    await pilot.pause()
    pilot.app.screen.query_one(TabbedContent).active = "try-1"
    await pilot.pause()
    await pilot.pause()
    return pilot.app.screen.query_one(TouchIdeasActivity)


def count_line(touch: TouchIdeasActivity) -> str:
    return str(touch.query_one("#touch-count", Static).render())


async def test_ticks_are_saved_counted_and_kept_across_a_restart(
    store_with_couple: Store, make_app: AppFactory
) -> None:
    app = make_app(store_with_couple)
    async with app.run_test(size=(80, 24)) as pilot:
        touch = await open_touch(pilot)
        ideas = touch.query_one(CalmOptionList)
        assert ideas.has_focus
        assert count_line(touch) == "Today: 0 touches · This week: 0"
        assert touch.pending() is None

        await pilot.press("space", "down", "down", "space")
        assert touch.pending() is not None
        await pilot.press("s")
        await pilot.pause()
        assert count_line(touch) == "Today: 2 touches · This week: 2"
        assert touch.pending() is None, "what was saved is not offered again"
        await pilot.press("s")  # nothing new: nothing saved twice
        await pilot.pause()

    [record] = store_with_couple.load_history().sessions
    library = app.library
    assert record.kind == "touch_ideas"
    assert [e.parts["id"] for e in record.entries] == [
        library.affection[0].id,
        library.affection[2].id,
    ]
    assert [e.prompt for e in record.entries] == [
        library.affection[0].text,
        library.affection[2].text,
    ]
    assert record.data["ideas"] == [library.affection[0].id, library.affection[2].id]

    again = make_app(store_with_couple)
    async with again.run_test(size=(80, 24)) as pilot:
        touch = await open_touch(pilot)
        await pilot.pause()
        ideas = touch.query_one(CalmOptionList)
        await pilot.pause()
        assert count_line(touch) == "Today: 2 touches · This week: 2"
        first = ideas.get_option_at_index(0)
        assert first.disabled, "saved today: locked, so it is not counted twice"
        assert f"[✓] {library.affection[0].text} ✓ today" in screen_text(again)
        assert touch.pending() is None
        await pilot.press("down", "space", "s")
        await pilot.pause()
        assert count_line(touch) == "Today: 3 touches · This week: 3"
    assert len(store_with_couple.load_history().sessions) == 2


async def test_leaving_with_unsaved_ticks_asks_and_can_drop_them(
    store_with_couple: Store, app: CloserApp
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_touch(pilot)
        await pilot.press("space")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("d")  # don't save this one
        await pilot.pause()
        assert not app.screen.query(TouchIdeasActivity)
    assert store_with_couple.load_history().sessions == []


async def test_usable_at_60x20(app: CloserApp) -> None:
    async with app.run_test(size=(60, 20)) as pilot:
        touch = await open_touch(pilot)
        ideas = touch.query_one(CalmOptionList)
        assert ideas.region.height >= 3, "several ideas visible at once"
        assert ideas.region.bottom <= 19
        count = touch.query_one("#touch-count")
        count.scroll_visible(animate=False)
        await pilot.pause()
        assert app.screen.find_widget(count).region.height >= 1
        assert "s Save" in screen_text(app)


async def test_a_tick_reads_in_text_and_long_ideas_read_whole(
    app: CloserApp, pilot: Pilot[None]
) -> None:
    """An unticked ▐X▌ looked ticked without colour, and "…at opposite e…" lost its end
    and its "✓ today"."""
    touch = await open_touch(pilot)
    library = app.library
    longest = max(range(8), key=lambda i: len(library.affection[i].text))
    await pilot.press(*["down"] * longest, "space", "s")
    await pilot.pause()
    shown = screen_text(app)
    assert f"[ ] {library.affection[0].text}" in shown
    words = f"[✓] {library.affection[longest].text} ✓ today"
    frame = set("▊▎▸▁▂▃▄▅▆▇█")  # the list's box, the highlight mark, the scrollbar
    flowing = " ".join(word for word in shown.split() if not set(word) <= frame)
    assert words in flowing, "wrapped, but every word there"
    assert "…" not in shown
    assert touch.pending() is None

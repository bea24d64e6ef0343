"""Every place is reachable from home and from the command palette, and opens."""

from __future__ import annotations

from collections.abc import Callable

from textual.command import CommandPalette
from textual.widgets import OptionList

from closer_tui.app import CloserApp
from closer_tui.commands import PlacesProvider
from closer_tui.core.store import Store
from closer_tui.screens.catalog import places
from closer_tui.screens.home import HomeScreen


async def test_home_lists_every_place_and_the_palette_finds_each(
    make_app: Callable[[Store], CloserApp], store_with_couple: Store
) -> None:
    app = make_app(store_with_couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        menu = app.screen.query_one(OptionList)
        on_home = {menu.get_option_at_index(i).id for i in range(menu.option_count)}
        everywhere = places(app)
        assert {place.id for place in everywhere} <= on_home

        provider = PlacesProvider(app.screen)
        found = [hit.text async for hit in provider.discover()]
        assert len(found) == len(everywhere)
        for place in everywhere:
            hits = [hit async for hit in provider.search(place.title)]
            assert hits, f"the palette cannot find {place.title!r}"


async def test_the_palette_opens_a_practice_by_name(
    make_app: Callable[[Store], CloserApp], store_with_couple: Store
) -> None:
    app = make_app(store_with_couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"Love Maps")
        results = app.screen.query_one(OptionList)
        for _ in range(200):  # the palette searches in a worker: wait for its answer
            if results.option_count:
                break
            await pilot.pause()
        assert results.option_count
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.title == "Love Maps"


async def test_home_says_how_the_week_went_once_the_history_is_in(
    make_app: Callable[[Store], CloserApp], store_with_couple: Store
) -> None:
    app = make_app(store_with_couple)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(200):  # the history loads in a worker after the first frame
            if app.history_loaded:
                break
            await pilot.pause()
        await pilot.pause()
        tonight = str(app.screen.query_one("#tonight").render())
        assert "Tonight:" in tonight and "(press s)" in tonight


async def test_a_search_still_running_as_the_palette_closes_does_not_crash(
    make_app: Callable[[Store], CloserApp], store_with_couple: Store
) -> None:
    """Textual 8.2.8 looked up the palette's result list after it was gone (NoMatches)."""
    from textual.command import CommandList

    from closer_tui.widgets.palette import CalmCommandPalette

    app = make_app(store_with_couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        palette = app.screen
        assert isinstance(palette, CalmCommandPalette)
        await palette.query_one(CommandList).remove()  # as when it is being dismissed
        worker = palette._gather_commands("love")
        await worker.wait()
        assert worker.error is None

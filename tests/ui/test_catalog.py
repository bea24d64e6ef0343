"""Every place is reachable from home and from the command palette, and opens."""

from __future__ import annotations

import pytest
from helpers import AppFactory, tap
from textual.command import CommandInput, CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widgets import OptionList

from closer_tui.app import CloserApp
from closer_tui.commands import PlacesProvider
from closer_tui.core.store import Store
from closer_tui.screens.catalog import places
from closer_tui.screens.home import HomeScreen


async def test_home_lists_every_place_and_the_palette_finds_each(
    app: CloserApp, pilot: Pilot[None]
) -> None:
    await pilot.pause()
    assert isinstance(app.screen, HomeScreen)
    menu = app.screen.query_one(OptionList)
    on_home = {menu.get_option_at_index(i).id for i in range(menu.option_count)}
    everywhere = places(app)
    assert {place.id for place in everywhere if place.on_home} <= on_home

    provider = PlacesProvider(app.screen)
    found = [str(hit.prompt) async for hit in provider.discover()]
    assert len(found) == len(everywhere)
    assert len(set(found)) == len(found), "two entries read alike"
    for place in everywhere:
        hits = sorted([hit async for hit in provider.search(place.title)], reverse=True)
        assert hits and hits[0].text == place.title, f"{place.title!r} is not found first"


PALETTE_FIRST = [
    # (what a couple types, the place the palette offers first)
    ("daily temp", "temperature-reading"),
    ("temperature", "temperature-reading"),
    ("dtr", "temperature-reading"),
    ("eye", "eye-gazing"),
    ("hug", "hug"),
    ("20 second", "hug"),
    ("love", "love-maps"),
    ("questions", "questions"),
    ("quick", "plan-quick-reconnect"),
    ("tonight", "plan-tonight-30"),
    ("therapist", "therapy"),
    ("i-statement", "inner-world"),
    ("phones", "digital"),
    ("touch", "affection"),
    ("names", "settings"),
    ("history", "history"),
    ("this or that", "deck-quick-picks"),
    ("where do you stand", "deck-where-we-stand"),
    ("money", "deck-money-work"),
]


async def open_palette_and_type(pilot: Pilot[None], query: str) -> CommandList:
    await tap(pilot, "ctrl+p")
    assert isinstance(pilot.app.screen, CommandPalette)
    await pilot.press(*query)
    await pilot.app.workers.wait_for_complete()  # the palette searches in a worker
    await pilot.pause()
    await pilot.pause()
    return pilot.app.screen.query_one(CommandList)


@pytest.mark.parametrize(("query", "first"), PALETTE_FIRST)
async def test_the_palette_offers_first_the_place_a_couple_means(
    query: str, first: str, app: CloserApp, pilot: Pilot[None]
) -> None:
    await pilot.pause()
    opened: list[str] = []
    app.open_place = opened.append  # type: ignore[method-assign]
    results = await open_palette_and_type(pilot, query)
    assert results.option_count
    await tap(pilot, "enter")
    assert opened == [first]


async def test_the_empty_palette_lists_places_only_each_saying_what_it_is(
    app: CloserApp, pilot: Pilot[None]
) -> None:
    await pilot.pause()
    results = await open_palette_and_type(pilot, "")
    prompts = (results.get_option_at_index(i).prompt for i in range(results.option_count))
    titles = [str(prompt).splitlines()[0] for prompt in prompts]  # the help follows
    assert titles == [f"{p.title}  · {p.kind}" if p.kind else p.title for p in places(app)]
    text = "\n".join(titles)
    for developer_command in ("Keys", "Maximize", "Quit", "Theme", "Screenshot"):
        assert developer_command not in text
    assert "Weekly check-in  · guided session" in text
    assert "Weekly check-in  · exercise" in text
    assert "A 20-second hug  · exercise" in text
    assert "Finding a couples therapist  · guide" in text
    box = app.screen.query_one(CommandInput)
    assert box.placeholder == "Where to? Try hug, questions, history…"


async def test_the_palette_opens_a_practice_by_name(app: CloserApp, pilot: Pilot[None]) -> None:
    await pilot.pause()
    await tap(pilot, "ctrl+p")
    assert isinstance(app.screen, CommandPalette)
    await pilot.press(*"Love Maps")
    results = app.screen.query_one(OptionList)
    for _ in range(200):  # the palette searches in a worker: wait for its answer
        if results.option_count:
            break
        await pilot.pause()
    assert results.option_count
    await tap(pilot, "enter")
    assert app.screen.title == "Love Maps"


async def test_the_palette_opens_a_deck_itself(app: CloserApp, pilot: Pilot[None]) -> None:
    """ "this or that" is the deck, not the chooser a couple would have to search again."""
    from closer_tui.activities.deck_play import DeckActivity

    await pilot.pause()
    results = await open_palette_and_type(pilot, "this or that")
    assert results.option_count
    await tap(pilot, "enter")
    await pilot.pause()
    assert app.screen.title == "This or that"
    assert app.screen.query_one(DeckActivity).options["deck"] == "quick-picks"


async def test_home_says_how_the_week_went_once_the_history_is_in(
    app: CloserApp, pilot: Pilot[None]
) -> None:
    for _ in range(200):  # the history loads in a worker after the first frame
        if app.history_loaded:
            break
        await pilot.pause()
    await pilot.pause()
    tonight = str(app.screen.query_one("#tonight").render())
    assert "Tonight:" in tonight and "(press s)" in tonight


async def test_a_search_still_running_as_the_palette_closes_does_not_crash(
    app: CloserApp, pilot: Pilot[None]
) -> None:
    """Textual 8.2.8 looked up the palette's result list after it was gone (NoMatches)."""
    from closer_tui.widgets.palette import CalmCommandPalette

    await pilot.pause()
    await tap(pilot, "ctrl+p")
    palette = app.screen
    assert isinstance(palette, CalmCommandPalette)
    await palette.query_one(CommandList).remove()  # as when it is being dismissed
    worker = palette._gather_commands("love")
    await worker.wait()
    assert worker.error is None


async def test_the_hug_has_its_own_place_under_its_own_name(
    make_app: AppFactory, store_with_couple: Store
) -> None:
    from closer_tui.activities.hug import HugActivity
    from closer_tui.screens.catalog import HUG

    app = make_app(store_with_couple)
    assert HUG[0] == app.library.hug.title
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await open_palette_and_type(pilot, "hug")
        await tap(pilot, "enter")
        await pilot.pause()
        assert app.screen.title == HUG[0]
        assert app.screen.query_one(HugActivity)

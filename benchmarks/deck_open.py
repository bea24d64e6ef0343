"""Opening a deck, from the key to the card on screen, with a thousand cards and more.

    python benchmarks/deck_open.py [--runs 20]

Goal (issue 12): a deck's first card is on screen at most 100 ms after the key
that opens it, with 1,000+ cards in the library. Measured in process, headless
at 80x24 (Textual's Pilot), beside a bare Textual app in the same run whose
key pushes a screen with one card's words on it: the yardstick for what any
screen push costs on this machine.

Timed, each from the key press until its words are on the rendered screen:

* the yardstick: a bare app, enter pushes a screen with a Static;
* as today: the question deck from home (practice 3's screen and its first card);
* the deck chooser (every deck, with the cards each has still to go);
* a topic deck from the chooser (enter on "Our days"): draw, ways, first card;
* this or that from the chooser: the first card with both partners' keys.

If the built-in library holds fewer than 1,000 cards (before the card writers'
files are merged), synthetic cards are added through ``my-content.toml`` until
it does, spread over the topic decks, so the deck opened is as big as it will be.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from _pty import Spread
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from closer_tui.core.content import TOPIC_DECKS, library
from closer_tui.core.models import Couple, Partner
from closer_tui.core.store import Store

GOAL_MS = 100.0
CARDS_WANTED = 1000


class CardScreen(Screen[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("What would make next Sunday morning feel unhurried?", id="card")
        yield Footer()


class BareApp(App[None]):
    BINDINGS = [("enter", "open", "Open")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Press enter")
        yield Footer()

    def action_open(self) -> None:
        self.push_screen(CardScreen())


def top_up(data_dir: Path) -> int:
    """Add synthetic cards until the library holds CARDS_WANTED; the number it now holds."""
    base = library()
    have = len(list(base.all_cards())) + len(base.intimacy)
    missing = max(0, CARDS_WANTED - have)
    rows = []
    picks = 130 if missing and not base.this_or_that else 0
    for n in range(picks):
        rows.append(
            f'[[this_or_that]]\nid = "bench-pick-{n}"\ndeck = "quick-picks"\ngentle = true\n'
            f'text = "This {n} or that {n}?"\noptions = ["This {n}", "That {n}"]\n'
        )
    for n in range(missing - picks):
        deck = TOPIC_DECKS[n % len(TOPIC_DECKS)]
        rows.append(
            f'[[questions]]\nid = "bench-{n}"\ndepth = "light"\ndeck = "{deck}"\n'
            f'gentle = true\ntext = "Benchmark question number {n}, about {deck}?"\n'
        )
    (data_dir / "my-content.toml").write_text("\n".join(rows), "utf-8")
    return have + missing


Shown = Callable[[App[Any]], bool]
"""Whether what a kind waits for is on screen."""


async def timed(app: App[Any], prepare: Callable[[Any], Awaitable[None]], shown: Shown) -> float:
    """Milliseconds from the key until ``shown`` and the app idle again (the frame painted)."""
    async with app.run_test(size=(80, 24)) as pilot:
        await prepare(pilot)
        await pilot.pause()
        started = time.perf_counter()
        await pilot.press("enter")
        while True:
            await pilot.pause()
            if shown(app):
                return (time.perf_counter() - started) * 1000
            if time.perf_counter() - started > 10:
                raise TimeoutError(f"nothing shown on {app.screen}")


def card_pushed(app: App[Any]) -> bool:
    return isinstance(app.screen, CardScreen)


def chooser_shown(app: App[Any]) -> bool:
    from closer_tui.screens.decks import DeckChooserScreen

    screen = app.screen
    return (
        isinstance(screen, DeckChooserScreen) and screen.query_one("#decks-list").option_count > 0
    )  # type: ignore[attr-defined]


def card_shown(app: App[Any]) -> bool:
    from closer_tui.activities.deck_play import DeckActivity

    decks = app.screen.query(DeckActivity)
    return bool(decks) and decks.first().current is not None


def closer_app(data_dir: Path) -> Any:
    from closer_tui.app import CloserApp

    return CloserApp(Store.open(data_dir))


async def open_chooser(pilot: Any) -> None:
    pilot.app.open_place("decks")
    await pilot.pause()
    await pilot.pause()


def on_deck(shelf_id: str) -> Callable[[Any], Awaitable[None]]:
    async def prepare(pilot: Any) -> None:
        await open_chooser(pilot)
        deck_list = pilot.app.screen.query_one("#decks-list")
        deck_list.highlighted = deck_list.get_option_index(shelf_id)

    return prepare


def on_home(place_id: str) -> Callable[[Any], Awaitable[None]]:
    async def prepare(pilot: Any) -> None:
        await pilot.pause()
        pilot.app.library  # noqa: B018 - loaded before the key, as on any evening after the first frame
        home_list = pilot.app.screen.query_one("OptionList")
        home_list.highlighted = home_list.get_option_index(place_id)

    return prepare


def question_shown(app: App[Any]) -> bool:
    from closer_tui.activities.questions import QuestionActivity

    found = app.screen.query(QuestionActivity)
    return bool(found) and found.first().card is not None


async def nothing(pilot: Any) -> None:
    return None


async def main(runs: int) -> int:
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        Store.open(data_dir).save_couple(
            Couple(
                first=Partner(name="Alex", colour="orange"),
                second=Partner(name="Sam", colour="sky"),
            )
        )
        cards = top_up(data_dir)
        print(f"{cards} cards in the library")
        kinds: list[tuple[str, Callable[[], Any], Callable[[Any], Awaitable[None]], Shown]] = [
            ("bare app: enter pushes a card", BareApp, nothing, card_pushed),
            ("home → today's question deck", lambda: closer_app(data_dir), on_home("questions"),
             question_shown),
            ("home → the deck chooser", lambda: closer_app(data_dir), on_home("decks"),
             chooser_shown),
            ("chooser → Our days", lambda: closer_app(data_dir), on_deck("our-days"), card_shown),
            ("chooser → This or that", lambda: closer_app(data_dir), on_deck("quick-picks"),
             card_shown),
        ]  # fmt: skip
        results: dict[str, list[float]] = {label: [] for label, *_ in kinds}
        for _label, make, prepare, words in kinds:  # warm-up: imports, the library, caches
            await timed(make(), prepare, words)
        for index in range(runs):
            shift = index % len(kinds)
            for label, make, prepare, words in kinds[shift:] + kinds[:shift]:
                results[label].append(await timed(make(), prepare, words))
    print(f"\n{runs} interleaved runs, key to words on screen: median (range, noise)")
    bare = Spread(results[kinds[0][0]]).median
    met = True
    for label, found in results.items():
        spread = Spread([ms / 1000 for ms in found])
        median = spread.median * 1000
        ok = "" if label.startswith("bare") else ("  ok" if median <= GOAL_MS else "  OVER GOAL")
        met &= median <= GOAL_MS or label.startswith("bare")
        spread_text = spread.describe(1000)
        print(f"  {label:32}{median:>7.1f} ms  {spread_text:<20} {median - bare:+7.1f} ms{ok}")
    print(f"Goal: a deck's first card at most {GOAL_MS:.0f} ms after its key.")
    return 0 if met else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    sys.exit(asyncio.run(main(parser.parse_args().runs)))

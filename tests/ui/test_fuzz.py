"""Bad input at the keyboard (issue 6, item 8): a seeded storm of keys and pastes on every
screen raises nothing, and every file closer wrote still loads afterwards.

Each screen gets its own deterministic stream (``random.Random(seed)``): printable keys,
the keys closer binds, navigation, and text that is hard on a terminal app — control
characters, emoji, right-to-left scripts, combining marks, zero-width joiners and a
5,000-character paste. When the stream leads off the screen (escape, a finished session,
a place opened from home), the screen is opened again and the storm goes on.

A failure names the screen and the seed; :func:`storm` rebuilds the exact key sequence.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers import AppFactory
from textual import events
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.screen import Screen
from typist import hit

from closer_tui.app import CloserApp
from closer_tui.core.clock import ManualClock
from closer_tui.core.quick import built_in_catalog
from closer_tui.core.store import Store
from closer_tui.screens.catalog import places
from closer_tui.screens.home import HomeScreen
from closer_tui.screens.privacy import PrivacyScreen
from closer_tui.screens.setup import SetupScreen
from closer_tui.widgets.countdown import CountdownPanel

pytestmark = pytest.mark.sweep  # every screen, many times: `scripts/check --fast` skips it
KEYS_PER_SCREEN = 80
CHUNK = 25
"""Keys pressed between checks that the app is alive and still on the screen under test."""

# "q" (home) and ctrl+q / ctrl+c (the app) quit closer on purpose: that ends the storm,
# it is not a crash. Every other printable key is fair game.
LETTERS = [c for c in string.ascii_lowercase if c != "q"]
FAVOURITES = [*"fjpensld a+", "space"]
"""Keys the practices bind (ready, pause, extend, end, next, save, love, delete, …)."""
PRINTABLE = [*LETTERS, *string.digits, *",.-=[]?/'"]
NAMED = [
    "enter", "tab", "shift+tab", "escape", "up", "down", "left", "right",
    "home", "end", "pageup", "pagedown", "backspace", "delete",
]  # fmt: skip
CONTROL = [
    "ctrl+n", "ctrl+k", "ctrl+e", "ctrl+t", "ctrl+d", "ctrl+x", "ctrl+s", "ctrl+o",
    "ctrl+l", "ctrl+p", "ctrl+a", "ctrl+w", "ctrl+u", "ctrl+z",
]  # fmt: skip

ODD_TEXTS = [
    "Thank you 🙏🏽 for the 👩‍❤️‍👨 evening 🌙",
    "שלום, אהובתי — תודה על הערב",  # Hebrew, right to left
    "شكرًا لأنك استمعت إليّ الليلة",  # Arabic, right to left
    "mixed \u202eevil\u202c and \u200fRTL\u200e marks",
    "e\u0301\u0301\u0301 n\u0303 Z\u0336a\u0336l\u0336g\u0336o\u0336",  # combining marks
    "👨\u200d👩\u200d👧\u200d👦 family, 🏳️\u200d🌈 flag, zw\u200bsp\u200bace",
    "tab\there\nnew line\r\nand bell\x07 esc\x1b[31m red \x00 nul \x7f del",
    "\ud800 lone surrogate",
    "漢字とかな、한국어도 좋아요",
    "",
]
LONG_TEXT = ("A very long thought, typed and pasted without end. " * 100)[:5000]


@dataclass(frozen=True)
class Press:
    """One step of the storm: keys, a paste, or time passing."""

    keys: tuple[str, ...] = ()
    paste: str | None = None
    seconds: float = 0.0


def storm(seed: int, count: int = KEYS_PER_SCREEN) -> Iterator[Press]:
    """The deterministic stream for ``seed``: ``count`` keys, with pastes and time between."""
    rng = random.Random(seed)
    pressed = 0
    while pressed < count:
        roll = rng.random()
        if roll < 0.04:
            yield Press(paste=rng.choice([*ODD_TEXTS, LONG_TEXT]))
        elif roll < 0.07:
            yield Press(seconds=rng.choice([0.5, 5, 30, 61, 300, 1200]))
        elif roll < 0.11:
            # Typed, not pasted: odd characters arrive one key at a time as well.
            text = rng.choice(ODD_TEXTS[:6])[: rng.randint(1, 12)]
            keys = tuple(c for c in text if c.isprintable())
            pressed += len(keys)
            yield Press(keys=keys)
        else:
            bag = rng.choices([PRINTABLE, FAVOURITES, NAMED, CONTROL], weights=[40, 25, 25, 10])[0]
            pressed += 1
            yield Press(keys=(rng.choice(bag),))


def chunks(seed: int) -> Iterator[list[Press]]:
    batch: list[Press] = []
    keys = 0
    for press in storm(seed):
        batch.append(press)
        keys += len(press.keys) or 1
        if keys >= CHUNK:
            yield batch
            batch, keys = [], 0
    if batch:
        yield batch


# -- the screens -----------------------------------------------------------------------------

Opener = Callable[[CloserApp], None]


def _open_place(place_id: str) -> Opener:
    return lambda app: app.open_place(place_id)


def _open_home(app: CloserApp) -> None:
    """Home is always under everything: leaving it means going back to it."""


def _open_setup(app: CloserApp) -> None:
    app.push_screen(SetupScreen())


def _open_privacy(app: CloserApp) -> None:
    if not isinstance(app.screen, PrivacyScreen):
        app.action_privacy()


PLACE_IDS = [
    place.id
    for place in places(
        type("Stub", (), {"catalog": built_in_catalog(), "library_loaded": False})()
    )
]  # type: ignore[arg-type]
SCREENS: dict[str, Opener] = {
    **{place_id: _open_place(place_id) for place_id in PLACE_IDS},
    "home": _open_home,
    "setup": _open_setup,
    "privacy": _open_privacy,
}


def seed_of(name: str) -> int:
    """A stable seed per screen (``hash`` of a str changes between runs)."""
    return sum((i + 1) * ord(c) for i, c in enumerate(name))


def base_depth(app: CloserApp) -> int:
    """How many screens sit below the one under test: the default screen and home."""
    return 2 if any(isinstance(s, HomeScreen) for s in app.screen_stack) else 1


async def back_to(pilot: Pilot[None], target: Screen[object] | None, name: str) -> Screen[object]:
    """If the storm led away from the screen under test, unwind and open it again."""
    app = pilot.app
    assert isinstance(app, CloserApp)
    if target is not None and target in app.screen_stack:
        return target
    while len(app.screen_stack) > base_depth(app):
        if isinstance(app.screen, CommandPalette):
            # Its own way out: popping it under a running search is not what people do.
            await pilot.press("escape")
        else:
            app.pop_screen()
        await pilot.pause()
    SCREENS[name](app)
    await pilot.pause()
    return app.screen


def sync_countdowns(app: CloserApp) -> None:
    for screen in app.screen_stack:
        for panel in screen.query(CountdownPanel):
            panel.sync()


def all_files_load(root: Path) -> None:
    """Every file closer wrote reads back: nothing quarantined, no notices, no temp files."""
    store = Store.open(root)
    history = store.load_history()
    store.load_couple()
    store.load_drafts()
    assert history.notices == [] and store.notices == []
    assert list(store.quarantine_dir.iterdir()) == []
    on_disk = list((root / "sessions").glob("*.json"))
    assert len(history.sessions) == len(on_disk)
    leftovers = [p for p in root.rglob("*") if p.is_file() and not p.name.endswith(".json")]
    assert leftovers == [] or all(p.name in {".lock", "lock", ".turning"} for p in leftovers), (
        leftovers
    )


async def storm_on(
    pilot: Pilot[None], name: str, batches: Iterator[list[Press]], clock: ManualClock
) -> bool:
    """Play the storm on ``name`` until it is over (True) or closer was quit (False).

    Quitting is allowed: the palette offers "Quit the application" and the storm may
    type its way there. A crash is not: it fails the test, naming the screen.
    """
    app = pilot.app
    assert isinstance(app, CloserApp)
    await pilot.pause()
    target: Screen[object] | None = app.screen if isinstance(app.screen, SetupScreen) else None
    target = await back_to(pilot, target, name)
    for batch in batches:
        for press in batch:
            if press.paste is not None:
                app.post_message(events.Paste(press.paste))
            elif press.seconds:
                clock.advance(press.seconds)
                sync_countdowns(app)
            else:
                await hit(pilot, *press.keys)
            if not app.is_running:
                break
        if app.is_running:
            await pilot.pause()
        assert app._exception is None, f"{name} (seed {seed_of(name)}) raised"
        if not app.is_running:
            return False
        target = await back_to(pilot, target, name)
    return True


@pytest.mark.parametrize("name", list(SCREENS))
async def test_a_storm_of_keys_and_pastes_raises_nothing(
    name: str,
    make_app: AppFactory,
    data_dir: Path,
    store_with_couple: Store,
    clock: ManualClock,
) -> None:
    if name == "setup":
        # First run: nobody has set closer up yet.
        (data_dir / "couple.json").unlink()
    seed = seed_of(name)
    batches = chunks(seed)
    for _start in range(10):
        app = make_app(Store.open(data_dir))
        app.rng = random.Random(seed)
        # Animations run on real time; they would make the storm wait, not test more.
        app.animation_level = "none"
        async with app.run_test(size=(80, 24)) as pilot:
            over = await storm_on(pilot, name, batches, clock)
        # run_test re-raises what crashed the app; this says so once more, plainly.
        assert app._exception is None
        all_files_load(data_dir)
        if over:
            break
    else:
        pytest.fail(f"{name}: the storm quit closer ten times; it should mostly stay")


# -- what the storm found ------------------------------------------------------------------


async def press_on(
    make_app: AppFactory,
    store: Store,
    place: str | None,
    *keys: str,
) -> None:
    """Open ``place`` (home if None) and press ``keys``, each after the app is idle."""
    app = make_app(store)
    app.animation_level = "none"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        if place is not None:
            app.open_place(place)
            await pilot.pause()
        for key in keys:
            await pilot.press(key)
        await pilot.pause()


@pytest.mark.parametrize("key", ["n", "s", "l"])
async def test_the_question_deck_after_done(
    key: str, make_app: AppFactory, store_with_couple: Store
) -> None:
    """Found by the storm: n/s/l after "d" (saved) once read an empty deck (IndexError)."""
    await press_on(make_app, store_with_couple, "questions", "d", key)


async def test_a_second_palette_over_the_privacy_screen(
    make_app: AppFactory, store_with_couple: Store
) -> None:
    """Found by the storm: ctrl+p, ctrl+l, ctrl+p opened a second palette (DuplicateIds)."""
    await press_on(make_app, store_with_couple, None, "ctrl+p", "ctrl+l", "ctrl+p")

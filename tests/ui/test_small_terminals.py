"""Small terminals (issue 6, item 8): every screen is usable at 60x20 — what has the focus
is on screen or scrolls into view, and the footer with its keys shows — and nothing
crashes at 30x10."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path

import pytest
from helpers import EVENING, AppFactory
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Markdown, TabbedContent
from typist import hit

from closer_tui.app import CloserApp
from closer_tui.core.models import Outcome
from closer_tui.core.quick import built_in_catalog
from closer_tui.core.sessions import record_of
from closer_tui.core.store import Store
from closer_tui.screens.catalog import places
from closer_tui.screens.privacy import PrivacyScreen
from closer_tui.screens.setup import SetupScreen

pytestmark = pytest.mark.sweep  # every screen, many times: `scripts/check --fast` skips it
PLACE_IDS = [
    place.id
    for place in places(
        type("Stub", (), {"catalog": built_in_catalog(), "library_loaded": False})()
    )
]  # type: ignore[arg-type]
SCREENS = [*PLACE_IDS, "home", "setup", "privacy"]

BUSY: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "talking": ("daily-connection", "try-0", ("space", "space")),
    "tally": ("appreciation", "try-1", ()),
    "touch-ideas": ("affection", "try-1", ()),
    "listening": ("inner-world", "try-2", ("space",)),
}
"""Screens whose keys change once they are in use: (place, tab, keys that get there)."""

Fresh = Callable[[str], CloserApp]


async def open_screen(pilot: Pilot[None], name: str) -> None:
    app = pilot.app
    assert isinstance(app, CloserApp)
    await pilot.pause()
    if name in BUSY:
        place, tab, keys = BUSY[name]
        app.open_place(place)
        await pilot.pause()
        app.screen.query_one(TabbedContent).active = tab
        await pilot.pause()
        await pilot.press(*keys)
    elif name == "privacy":
        app.action_privacy()
    elif name not in {"home", "setup"}:
        app.open_place(name)
    await pilot.pause()


def shown(widget: Widget) -> bool:
    """Is ``widget`` drawn on the screen now (not clipped away, not scrolled off)?"""
    return widget in widget.screen._compositor.visible_widgets


def keys_clear_of_the_palette(name: str, footer: Widget) -> list[Widget]:
    """The footer's keys, checked never to run under the palette hint; returned in order."""
    keys = [key for key in footer.query("FooterKey") if key.display]
    palette = [key for key in keys if key.has_class("-command-palette")]
    others = [key for key in keys if key not in palette]
    if palette:
        end = max(key.region.right + key.styles.margin.right for key in others)
        assert end <= palette[0].region.x, f"{name}: keys drawn under the palette hint"
    return others


@pytest.fixture
def fresh(make_app: AppFactory, data_dir: Path, store_with_couple: Store) -> Fresh:
    """Builds the app as it is when a couple reaches the screen ``name``."""
    prepared: set[str] = set()

    def build(name: str) -> CloserApp:
        if name not in prepared:  # home and setup are built once per size, on the same data
            prepared.add(name)
            if name == "setup":
                (data_dir / "couple.json").unlink()  # first run: nobody has set closer up yet
            if name == "history":
                # An empty history hides its list (and says so); with evenings in it, it works.
                for day in range(3):
                    started = EVENING - timedelta(days=day)
                    hug = Outcome(kind="hug", title="A 20-second hug", actual_seconds=20)
                    store_with_couple.save_session(
                        record_of(hug, started, started + timedelta(seconds=20))
                    )
        app = make_app(Store.open(data_dir))
        app.animation_level = "none"
        return app

    return build


def footer_keys(footer: Widget) -> tuple[list[Widget], list[Widget]]:
    """The footer's keys (the palette hint aside): (those drawn, those left out for room)."""
    keys = [key for key in footer.query("FooterKey") if not key.has_class("-command-palette")]
    return [key for key in keys if key.display], [key for key in keys if not key.display]


def is_general(key: Widget) -> bool:
    """A key that works on the whole screen or everywhere, not one of what it shows."""
    bound = key.screen.active_bindings.get(getattr(key, "key", ""))
    return bound is not None and isinstance(bound.node, App | Screen)


# -- what each size asks of a screen, once it is open at that size ----------------------------

Check = Callable[[Pilot[None], str], Awaitable[None]]


async def every_key_shows(pilot: Pilot[None], name: str) -> None:
    """At 80x24 every key of the screen is in its footer, none cut, none under the palette."""
    footer = pilot.app.screen.query_one(Footer)
    keys = keys_clear_of_the_palette(name, footer)
    shown, left_out = footer_keys(footer)
    # The break key works everywhere and ? lists it: on the busiest screens the footer
    # gives its place to the screen's own keys (the order the footer mend keeps).
    left_out = [key for key in left_out if "^g" not in str(key.render())]
    assert not left_out, f"{name}: no room for {[key.render() for key in left_out]}"
    assert shown[-1].region.right <= footer.region.right, f"{name}: the last key is cut"
    assert keys == shown


async def a_short_footer_keeps_help_and_the_screens_own_keys(pilot: Pilot[None], name: str) -> None:
    """At 60 columns what cannot fit gives way, whole, general keys first; ``?`` stays."""
    footer = pilot.app.screen.query_one(Footer)
    shown, left_out = footer_keys(footer)
    assert shown, f"{name}: the footer shows no key at all"
    assert shown[-1].region.right <= footer.region.right, f"{name}: the last key is cut"
    if any(getattr(key, "action", "") == "help" for key in shown + left_out):
        assert any(getattr(key, "action", "") == "help" for key in shown), f"{name}: ? gave way"
    general = [key for key in shown if is_general(key) and getattr(key, "action", "") != "help"]
    particular_gone = [key for key in left_out if not is_general(key)]
    assert not (general and particular_gone), (
        f"{name}: {[k.render() for k in particular_gone]} gave way before "
        f"{[k.render() for k in general]}"
    )


async def usable(pilot: Pilot[None], name: str) -> None:
    """What has the focus is on screen or scrolls into view; the footer shows, whole."""
    app = pilot.app
    screen = app.screen
    if name == "privacy":
        # By design it shows nothing at all, not even keys: ctrl+l brings back the rest.
        assert isinstance(screen, PrivacyScreen)
        assert not screen.query(Footer)
        return
    if name == "setup":
        assert isinstance(screen, SetupScreen)
    focused = app.focused
    assert focused is not None, f"{name}: nothing has the focus, so no key reaches it"
    focused.scroll_visible(animate=False)
    await pilot.pause()
    assert shown(focused), f"{name}: {focused!r} cannot be brought into view"
    assert screen.query(Footer), f"{name}: no footer showing the keys"
    footer = screen.query_one(Footer)
    assert shown(footer), f"{name}: the footer is not on screen"
    assert footer.region.bottom == screen.region.bottom, f"{name}: the footer is cut off"
    keys_clear_of_the_palette(name, footer)


async def nothing_crashes(pilot: Pilot[None], name: str) -> None:
    """Keys pressed at 30x10, and at 24x6 for a moment, raise nothing."""
    await hit(pilot, "tab", "down", "down", "space", "f", "j", "tab", "enter", "up")
    await pilot.resize_terminal(24, 6)
    await hit(pilot, "tab", "right", "enter")
    await pilot.resize_terminal(30, 10)
    await hit(pilot, "escape", "pagedown", "end", "home")
    await pilot.pause()
    assert pilot.app._exception is None


def visits(name: str) -> list[tuple[tuple[int, int], list[Check]]]:
    """Each size ``name`` is opened at, with what is checked there; the keys pressed at
    30x10 come last, so nothing they did is under any other check."""
    plan: list[tuple[tuple[int, int], list[Check]]] = []
    if name != "privacy":
        plan.append(((80, 24), [every_key_shows]))
    at_60x20: list[Check] = []
    if name != "privacy":
        at_60x20.append(a_short_footer_keeps_help_and_the_screens_own_keys)
    if name in SCREENS:
        at_60x20.append(usable)  # scrolls the focused widget into view: after the footer's
    plan.append(((60, 20), at_60x20))
    if name in SCREENS:
        plan.append(((30, 10), [nothing_crashes]))
    return plan


FIRST_SCREENS = {"home", "setup"}
"""Screens an app shows as it starts: for these, one app starts at each size, as a couple's
terminal would be. Every other screen is opened from home, once per size, in one app."""


class Findings:
    """Every failing case of a screen, by size, so one run reports them all."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.failures: list[str] = []

    def note(self, size: tuple[int, int], failure: Exception) -> None:
        width, height = size
        said = str(failure) if isinstance(failure, AssertionError) else repr(failure)
        self.failures.append(f"{self.name} at {width}x{height}: {said}")

    def report(self) -> str:
        return "\n\n".join(self.failures)


async def visit(
    pilot: Pilot[None],
    name: str,
    size: tuple[int, int],
    checks: list[Check],
    found: Findings,
    home: int,
) -> None:
    """Back to home (``home`` screens deep), the terminal at ``size``, ``name`` opened
    afresh, and its checks run."""
    app = pilot.app
    while len(app.screen_stack) > home:
        app.pop_screen()  # the screen of the last size, and whatever it opened
        await pilot.pause()
    if tuple(app.size) != size:
        await pilot.resize_terminal(*size)
    await open_screen(pilot, name)
    await pilot.pause()
    for check in checks:
        try:
            await check(pilot, name)
        except Exception as failure:
            found.note(size, failure)


@pytest.mark.parametrize("name", [*SCREENS, *BUSY])
async def test_each_screen_at_80x24_60x20_and_30x10(name: str, fresh: Fresh) -> None:
    """80x24: every key shows. 60x20: a short footer keeps ``?`` and the screen's own keys,
    and what has the focus can be seen. 30x10: nothing crashes. One app per screen, the
    screen opened afresh at each size; a failure names the screen and the size."""
    found = Findings(name)
    plan = visits(name)
    runs = [[visit] for visit in plan] if name in FIRST_SCREENS else [plan]
    for run in runs:
        app = fresh(name)
        size = run[0][0]
        try:
            async with app.run_test(size=size) as pilot:
                await pilot.pause()
                home = len(app.screen_stack)
                for size, checks in run:
                    await visit(pilot, name, size, checks, found, home)
                    if app._exception is not None:
                        break  # it crashed: run_test raises it, with a note naming the size
        except Exception as crash:
            crash.add_note(f"{name} at {size[0]}x{size[1]}: the app raised this")
            if found.failures:
                crash.add_note(f"and before that:\n{found.report()}")
            raise
        # run_test re-raises anything that crashed the app; this is the plain statement.
        assert app._exception is None, f"{name} at {size[0]}x{size[1]}"
    assert not found.failures, found.report()


async def test_page_down_in_the_starter_plan_at_30x10(
    app: CloserApp, store_with_couple: Store
) -> None:
    """Textual 8.2.8 raised KeyError on page down in a list with no room to draw
    (fixed by CalmOptionList). The shortest way there found: enter, escape, page down."""
    async with app.run_test(size=(30, 10)) as pilot:
        await open_screen(pilot, "starter-plan")
        await pilot.press("enter", "escape", "pagedown")


async def test_help_lists_the_keys_a_short_footer_leaves_out(fresh: Fresh) -> None:
    app = fresh("talking")
    async with app.run_test(size=(60, 20)) as pilot:
        await open_screen(pilot, "talking")
        _, left_out = footer_keys(app.screen.query_one(Footer))
        assert left_out, "at 60 columns the talk has more keys than room"
        await pilot.press("question_mark")
        await pilot.pause()
        shown = app.screen.query_one(Markdown).source
        for key in left_out:
            # The screen's own keys by what they do; the keys that work everywhere by name.
            what, name = getattr(key, "description", ""), getattr(key, "key", "")
            assert f"| {what} |" in shown or f"| {name} |" in shown, what

"""Keys typed while a screen opens never land in a box the couple has not seen yet."""

from __future__ import annotations

from textual import events
from textual.widgets import TextArea

from closer_tui.app import CloserApp
from closer_tui.screens.home import HomeScreen
from closer_tui.screens.privacy import PrivacyScreen


def key(name: str) -> events.Key:
    """A key as the terminal sends it, stamped with the moment it was typed (now)."""
    return events.Key(name, name if len(name) == 1 else None)


async def test_a_second_7_typed_while_practice_7_opens_is_not_typed_into_its_box(
    app: CloserApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        app.post_message(key("7"))  # opens practice 7
        typed_while_opening = key("7")  # pressed again before it is drawn
        # A busy laptop reads it only once the practice is up, its box focused.
        await pilot.pause()
        await pilot.pause()
        box = app.focused
        assert isinstance(box, TextArea) and box.text == ""
        app.post_message(typed_while_opening)
        await pilot.pause()
        assert box.text == ""

        await pilot.press("7")  # typed with the box in sight
        assert box.text == "7"


async def test_the_hide_key_works_even_while_a_screen_opens(app: CloserApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        hide = key("ctrl+l")
        app.open_place("appreciation")
        app.post_message(hide)
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, PrivacyScreen)

"""closer's footer is composed again only when the keys it shows change.

Textual recomposes a footer at every bindings signal (each focus change, each
screen mount), two or three times before home's first frame, mostly to the
very same keys.
"""

from __future__ import annotations

import pytest
from helpers import screen_text
from textual.app import ComposeResult
from textual.pilot import Pilot
from textual.widgets import Footer

from closer_tui.app import CloserApp
from closer_tui.mends.footer import RoomyFooter


@pytest.fixture
def composed(monkeypatch: pytest.MonkeyPatch) -> list[RoomyFooter]:
    """Every footer composition with keys in it, as it happens."""
    seen: list[RoomyFooter] = []
    real = Footer.compose

    def compose(self: Footer) -> ComposeResult:
        if isinstance(self, RoomyFooter) and self._bindings_ready:
            seen.append(self)
        return real(self)

    monkeypatch.setattr(Footer, "compose", compose)
    return seen


async def test_the_same_keys_are_not_composed_again(
    app: CloserApp, composed: list[RoomyFooter], pilot: Pilot[None]
) -> None:
    await pilot.pause()
    assert len(composed) == 1, "home's footer, once"
    for _ in range(3):
        app.screen.refresh_bindings()  # as a focus change does
        await pilot.pause()
    assert len(composed) == 1
    assert "History" in screen_text(app)


async def test_other_keys_are(
    app: CloserApp, composed: list[RoomyFooter], pilot: Pilot[None]
) -> None:
    await pilot.pause()
    home = app.screen

    def not_now(action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "start_suggested" else True  # shown, but disabled

    home.check_action = not_now  # type: ignore[method-assign]
    home.refresh_bindings()
    await pilot.pause()
    assert len(composed) == 2, "a key now disabled: composed again"


async def test_the_keys_are_in_the_screens_first_frame(
    monkeypatch: pytest.MonkeyPatch, app: CloserApp
) -> None:
    """Not composed empty and then again, a frame or two later, as Textual's own footer is."""
    compositions: list[bool] = []
    real = Footer.compose

    def compose(self: Footer) -> ComposeResult:
        if isinstance(self, RoomyFooter):
            compositions.append(self._bindings_ready)
        return real(self)

    monkeypatch.setattr(Footer, "compose", compose)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert compositions == [True], "home's footer: composed once, with its keys"

"""Every place a couple can go: one list, used by home and the command palette."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from textual.screen import Screen

if TYPE_CHECKING:
    from closer_tui.app import CloserApp

Group = Literal["practice", "exercise", "more"]


@dataclass(frozen=True)
class Place:
    """A screen a couple can open, with the words and key that lead there."""

    id: str
    title: str
    summary: str
    group: Group
    open: Callable[[CloserApp], Screen[None]]
    key: str | None = None


def _hug(app: CloserApp) -> Screen[None]:
    from closer_tui.screens.hug import hug_screen

    return hug_screen(app)


def _settings(app: CloserApp) -> Screen[None]:
    from closer_tui.screens.settings import SettingsScreen

    return SettingsScreen()


def _help(app: CloserApp) -> Screen[None]:
    from closer_tui.screens.help import HelpScreen

    return HelpScreen()


def places(app: CloserApp) -> list[Place]:
    hug = app.library.hug
    return [
        Place("hug", hug.title, "Both ready, then hold on.", "practice", _hug, key="2"),
        Place("settings", "Settings", "Names, colours, sounds, theme.", "more", _settings),
        Place(
            "help", "Help and where to find support", "Keys, and help beyond closer.", "more", _help
        ),
    ]

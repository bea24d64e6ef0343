"""The app's state changes only through the app, and every full screen is a CloserScreen."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from pathlib import Path

from textual.screen import ModalScreen, Screen

import closer_tui.screens
from closer_tui.screens.base import CloserScreen

SCREENS = Path(closer_tui.screens.__file__).parent
WIDGETS = SCREENS.parent / "widgets"
ACTIVITIES = SCREENS.parent / "activities"


def _sources() -> list[Path]:
    return [*SCREENS.glob("*.py"), *WIDGETS.glob("*.py"), *ACTIVITIES.glob("*.py")]


def test_screens_change_the_history_and_the_disk_only_through_the_app() -> None:
    touching = re.compile(r"closer\.history\s*=|closer\.store\.|app\.store\.")
    offenders = [
        f"{path.name}:{number}"
        for path in _sources()
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if touching.search(line)
    ]
    assert offenders == []


def test_every_full_screen_is_a_closer_screen_with_its_help() -> None:
    for module in pkgutil.iter_modules([str(SCREENS)]):
        loaded = importlib.import_module(f"closer_tui.screens.{module.name}")
        for _, cls in inspect.getmembers(loaded, inspect.isclass):
            if (
                cls.__module__ == loaded.__name__
                and issubclass(cls, Screen)
                and not issubclass(cls, ModalScreen)
            ):
                assert issubclass(cls, CloserScreen), cls
                assert isinstance(cls.help_text, str)


def test_the_app_is_cast_once() -> None:
    casts = [
        path.name
        for path in [*_sources(), SCREENS.parent / "app.py"]
        if 'cast("CloserApp", self.app)' in path.read_text("utf-8")
    ]
    assert casts == ["in_closer.py"]

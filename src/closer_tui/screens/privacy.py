"""The privacy key's neutral screen: nothing on it says what was there."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from closer_tui.screens.base import CloserScreen


class PrivacyScreen(CloserScreen[None]):
    """Blank. ``ctrl+l`` (an app-wide key) brings back what was there."""

    DEFAULT_CSS = """
    PrivacyScreen { background: $background; }
    """

    def compose(self) -> ComposeResult:
        yield Static("")

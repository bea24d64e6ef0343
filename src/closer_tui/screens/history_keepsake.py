"""History's keepsake dialog: which year, and where the page goes.

The page is the same one ``closer keepsake`` writes
(:func:`~closer_tui.core.keepsake_page.keepsake_html`); this dialog only asks
for the year and the file, like the Markdown export asks for its file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Select, Static

from closer_tui.mends.text_box import LineBox
from closer_tui.screens.dialog import WideDialog


@dataclass(frozen=True)
class KeepsakeChoice:
    """The year to keep, and the file to keep it in."""

    year: int
    path: Path


def default_path(year: int) -> str:
    return f"~/closer-keepsake-{year}.html"


class KeepsakeScreen(WideDialog[KeepsakeChoice | None]):
    """Asks which year and where; returns the choice, or None."""

    BINDINGS: ClassVar = [Binding("escape", "dismiss(None)", "Cancel")]

    DEFAULT_CSS = """
    KeepsakeScreen Select { margin: 1 0 0 0; width: 24; }
    KeepsakeScreen Input { margin: 1 0; }
    """

    def __init__(self, years: list[int]) -> None:
        super().__init__()
        self.years = years
        """Years with sessions, newest first (never empty: this year when there are none)."""

    def contents(self) -> ComposeResult:
        yield Static("A keepsake of your year: one page to open in a browser, keep or print.")
        yield Select(
            [(str(year), year) for year in self.years],
            value=self.years[0],
            allow_blank=False,
            compact=True,
            id="year",
        )
        yield LineBox(default_path(self.years[0]), id="path")
        yield Static(
            "enter writes it · escape cancels. It holds your own words: keep it private.",
            classes="hint",
        )

    def on_mount(self) -> None:
        self.query_one("#path").focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        box = self.query_one("#path", Input)
        if isinstance(event.value, int) and box.value.startswith("~/closer-keepsake-"):
            box.value = default_path(event.value)  # the suggested name follows the year

    def on_input_submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        year = self.query_one("#year", Select).value
        if not value or not isinstance(year, int):
            self.dismiss(None)
            return
        self.dismiss(KeepsakeChoice(year, Path(value).expanduser()))

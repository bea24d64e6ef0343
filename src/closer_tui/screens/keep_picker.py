""" "Keep this": which of the things said in a session goes on the favourites shelf."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from closer_tui.core.models import Couple
from closer_tui.core.story import Shared
from closer_tui.screens.dialog import Dialog
from closer_tui.widgets.option_list import CalmOptionList, Hanging
from closer_tui.widgets.partner import named


class KeepPicker(Dialog[str | None]):
    """The session's entries that may be kept; returns the chosen one's key, or None."""

    BINDINGS: ClassVar = [Binding("escape", "dismiss(None)", "Cancel")]

    DEFAULT_CSS = """
    KeepPicker > Vertical { width: 76; max-width: 100%; max-height: 90%; }
    KeepPicker OptionList { height: auto; max-height: 16; margin: 1 0; }
    KeepPicker .hint { color: $text-muted; }
    """

    def __init__(self, couple: Couple, said: list[Shared], kept: set[str]) -> None:
        super().__init__()
        self.couple = couple
        self.said = said
        self.kept = kept

    def contents(self) -> ComposeResult:
        yield Static("Keep which one on your favourites shelf?")
        yield CalmOptionList(*(self._option(shared) for shared in self.said))
        yield Static("enter keeps it · escape cancels", classes="hint")

    def _option(self, shared: Shared) -> Option:
        who = (
            named(self.couple.partner(shared.who))  # type: ignore[arg-type]
            if shared.who in ("first", "second")
            else Text("Both of you")
        )
        words = (shared.text or shared.prompt)[:400]
        text = Text.assemble(who, (f" · {shared.prompt}", "dim"), "\n", words)
        if shared.key in self.kept:
            text.append("  (kept already)", style="dim")
        return Option(Hanging("", text, lead_width=0), id=shared.key)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

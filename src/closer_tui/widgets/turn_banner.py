"""Whose turn it is: "Alex speaks · Sam listens", in their colours."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from closer_tui.core.models import Couple, PartnerKey
from closer_tui.widgets.partner import badge


class TurnBanner(Widget):
    """Shows the speaker and the listener; the host screen decides when to swap."""

    DEFAULT_CSS = """
    TurnBanner {
        height: 1;
        width: 1fr;
        text-align: center;
        margin: 0 0 1 0;
    }
    """

    speaker: reactive[PartnerKey] = reactive("first")

    def __init__(self, couple: Couple, *, speaks: str = "speaks", listens: str = "listens") -> None:
        super().__init__()
        self.couple = couple
        self.speaks = speaks
        self.listens = listens

    @property
    def listener(self) -> PartnerKey:
        return self.couple.other(self.speaker)

    def swap(self) -> None:
        self.speaker = self.listener

    def render(self) -> Text:
        # Start from an empty Text: appending to the badge itself would paint
        # everything after it in the speaker's colour.
        text = Text()
        text.append_text(badge(self.couple.partner(self.speaker)))
        text.append(f" {self.speaks}  ·  ")
        text.append_text(badge(self.couple.partner(self.listener)))
        text.append(f" {self.listens}")
        return text

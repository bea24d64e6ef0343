"""The phones-away check that opens the timed practices: each partner confirms, or they pass."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from closer_tui.core.models import PARTNER_KEYS, Couple, PartnerKey
from closer_tui.widgets.partner import badge


class PhonesCheck(Widget, can_focus=True):
    """ "Phones face down, out of reach?" — each partner confirms (f / j), or the couple passes.

    ``space`` confirms for both; ``n`` passes, no reason asked. Posts
    :class:`PhonesCheck.Answered` once.
    """

    DEFAULT_CSS = """
    PhonesCheck {
        height: auto;
        width: 1fr;
        text-align: center;
        padding: 1 0;
    }
    PhonesCheck:focus { background: $boost; }
    """

    BINDINGS = [
        Binding("f", "away('first')", "First: phone away", show=False),
        Binding("j", "away('second')", "Second: phone away", show=False),
        Binding("space", "both", "Both away", key_display="space"),
        Binding("n", "pass_check", "Not tonight"),
    ]

    away: reactive[frozenset[PartnerKey]] = reactive(frozenset(), always_update=True)

    class Answered(Message):
        """Both phones are away (``away`` True), or the couple passed."""

        def __init__(self, away: bool, confirmed: list[PartnerKey]) -> None:
            super().__init__()
            self.away = away
            self.confirmed = confirmed

    def __init__(self, couple: Couple, *, prompt: str) -> None:
        super().__init__()
        self.couple = couple
        self.prompt = prompt
        self._done = False

    def on_mount(self) -> None:
        self.focus()

    def action_away(self, who: PartnerKey) -> None:
        if self._done:
            return
        self.away = self.away | {who}
        if len(self.away) == 2:
            self._answer(True, list(PARTNER_KEYS))

    def action_both(self) -> None:
        if not self._done:
            self._answer(True, [])

    def action_pass_check(self) -> None:
        if not self._done:
            self._answer(False, [key for key in PARTNER_KEYS if key in self.away])

    def _answer(self, away: bool, confirmed: list[PartnerKey]) -> None:
        self._done = True
        self.post_message(self.Answered(away, confirmed))

    def render(self) -> Text:
        text = Text(f"{self.prompt}\n\n", style="bold")
        for key, letter in zip(PARTNER_KEYS, "fj", strict=True):
            partner = self.couple.partner(key)
            is_away = key in self.away
            mark = Text(" ✓ ", style=f"bold #1a1a1a on {partner.hex}") if is_away else Text(" · ")
            text.append_text(mark)
            text.append(" ")
            text.append_text(badge(partner))
            text.append(" phone away" if is_away else f" presses {letter}")
            text.append("      " if key == "first" else "\n")
        text.append("\nspace: both away · n: not tonight (that's fine too)", style="dim")
        return text

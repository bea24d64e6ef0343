"""The both-ready gate: a timed thing starts only when both partners are in."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from closer_tui.core.models import PARTNER_KEYS, Couple, PartnerKey
from closer_tui.widgets.partner import badge


class BothReady(Widget, can_focus=True):
    """``f`` for the first partner, ``j`` for the second, either order; ``space`` for one driver."""

    DEFAULT_CSS = """
    BothReady {
        height: auto;
        width: 1fr;
        content-align: center middle;
        text-align: center;
        padding: 1 0;
    }
    BothReady:focus { background: $boost; }
    """

    BINDINGS = [
        Binding("f", "ready('first')", "First ready", show=False),
        Binding("j", "ready('second')", "Second ready", show=False),
        Binding("space", "together", "Start both", key_display="space"),
    ]

    ready: reactive[frozenset[PartnerKey]] = reactive(frozenset(), always_update=True)

    class Started(Message):
        """Both are in (or one driver pressed space)."""

        def __init__(self, ready: list[PartnerKey]) -> None:
            super().__init__()
            self.ready = ready

    def __init__(self, couple: Couple, *, prompt: str = "When you're both ready") -> None:
        super().__init__()
        self.couple = couple
        self.prompt = prompt
        self._done = False

    def action_ready(self, who: PartnerKey) -> None:
        if self._done:
            return
        self.ready = self.ready | {who}
        if len(self.ready) == 2:
            self._start([key for key in PARTNER_KEYS if key in self.ready])

    def action_together(self) -> None:
        if not self._done:
            self._start([])

    def _start(self, ready: list[PartnerKey]) -> None:
        self._done = True
        self.post_message(self.Started(ready))

    def render(self) -> Text:
        text = Text(f"{self.prompt}:\n\n", style="bold")
        for key, letter in zip(PARTNER_KEYS, "fj", strict=True):
            partner = self.couple.partner(key)
            is_in = key in self.ready
            mark = Text(" ✓ ", style=f"bold #1a1a1a on {partner.hex}") if is_in else Text(" · ")
            text.append_text(mark)
            text.append(" ")
            text.append_text(badge(partner))
            text.append(f" presses {letter}" if not is_in else " is ready", style="")
            text.append("      " if key == "first" else "\n")
        text.append("\nor press space to start for both of you", style="dim")
        return text

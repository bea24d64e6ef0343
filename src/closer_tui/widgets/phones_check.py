"""The phones-away check that opens the timed practices: each partner confirms, or they pass."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message

from closer_tui.core.models import PARTNER_KEYS, PartnerKey
from closer_tui.widgets.both_ready import PartnerGate, gate_keys


class PhonesCheck(PartnerGate):
    """ "Phones face down, out of reach?" — each partner confirms (f / j), or the couple passes.

    ``space`` confirms for both; ``n`` passes, no reason asked. Posts
    :class:`PhonesCheck.Answered` once.
    """

    BINDINGS = [
        *gate_keys("First: phone away", "Second: phone away", both="Both away"),
        Binding("n", "pass_check", "Not tonight"),
    ]

    IS_IN = " phone away"
    HINT = "space: both away · n: not tonight (that's fine too)"

    class Answered(Message):
        """Both phones are away (``away`` True), or the couple passed."""

        def __init__(self, away: bool, confirmed: list[PartnerKey]) -> None:
            super().__init__()
            self.away = away
            self.confirmed = confirmed

    @property
    def away(self) -> frozenset[PartnerKey]:
        """The partners whose phone is away so far."""
        return self.ready

    def on_mount(self) -> None:
        self.focus()

    def answer(self, ready: list[PartnerKey]) -> Message:
        return self.Answered(True, ready)

    def action_pass_check(self) -> None:
        if not self._done:
            self._finish(self.Answered(False, [key for key in PARTNER_KEYS if key in self.ready]))

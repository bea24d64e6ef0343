"""Both partners' panels side by side: what each said or rated, shown together at a reveal."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from closer_tui.core.models import PARTNER_KEYS, Couple, PartnerKey
from closer_tui.widgets.partner import badge


class SideBySide(Horizontal):
    """A panel for each partner, the first on the left; :meth:`show` fills one under its
    partner's name and borders it in their colour. ``panel`` is the class the host styles
    each panel by."""

    DEFAULT_CSS = """
    SideBySide { height: auto; }
    """

    def __init__(self, *, id: str, panel: str) -> None:
        super().__init__(id=id)
        self.panel = panel

    def compose(self) -> ComposeResult:
        for key in PARTNER_KEYS:
            yield Static("", id=f"{self.id}-{key}", classes=self.panel)

    def show(self, couple: Couple, key: PartnerKey, below: Text) -> None:
        """``below`` under the partner's name, in a border of their colour."""
        partner = couple.partner(key)
        panel = self.query_one(f"#{self.id}-{key}", Static)
        panel.update(Text.assemble(badge(partner), below))
        panel.styles.border = ("round", partner.hex)

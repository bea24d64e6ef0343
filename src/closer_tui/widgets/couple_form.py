"""The two partners' names and colours: used at first run and in settings."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Select

from closer_tui.core.models import PALETTE, PARTNER_KEYS, ColourName, Couple, Partner, PartnerKey
from closer_tui.mends.text_box import LineBox

DEFAULT_COLOURS: dict[PartnerKey, ColourName] = {"first": "orange", "second": "sky"}


def colour_options() -> list[tuple[Text, str]]:
    return [
        (Text.assemble(("   ", f"on {hex_}"), f" {name}"), name) for name, hex_ in PALETTE.items()
    ]


class CoupleForm(Vertical):
    """Name and colour for each partner; :meth:`partners` validates and returns them."""

    DEFAULT_CSS = """
    CoupleForm { height: auto; }
    CoupleForm .partner-row { height: auto; margin: 0 0 1 0; }
    CoupleForm .partner-fields { height: auto; }
    CoupleForm .partner-row Label { width: 100%; color: $text-muted; }
    CoupleForm Input { width: 1fr; }
    CoupleForm Select { width: 22; }  /* the longest colour, "vermilion", on one line */
    CoupleForm #form-error { color: $error; height: auto; }
    """

    def __init__(self, couple: Couple | None = None) -> None:
        super().__init__()
        self.couple = couple

    def compose(self) -> ComposeResult:
        hints: dict[PartnerKey, str] = {
            "first": "First partner: sits on the left, presses f",
            "second": "Second partner: sits on the right, presses j",
        }
        for key in PARTNER_KEYS:
            partner = self.couple.partner(key) if self.couple else None
            with Vertical(classes="partner-row"):
                yield Label(hints[key])
                with Horizontal(classes="partner-fields"):
                    yield LineBox(
                        value=partner.name if partner else "",
                        placeholder="Name",
                        max_length=40,
                        id=f"{key}-name",
                    )
                    yield Select(
                        colour_options(),
                        value=partner.colour if partner else DEFAULT_COLOURS[key],
                        allow_blank=False,
                        id=f"{key}-colour",
                    )
        yield Label("", id="form-error")

    def partners(self) -> tuple[Partner, Partner] | None:
        """The two partners as typed, or None with a message shown under the form."""
        found: list[Partner] = []
        for key in PARTNER_KEYS:
            name = self.query_one(f"#{key}-name", Input).value.strip()
            colour = self.query_one(f"#{key}-colour", Select).value
            if not name:
                self._error("Please write a name for each of you.", f"#{key}-name")
                return None
            found.append(Partner(name=name, colour=colour))
        if found[0].colour == found[1].colour:
            self._error("Pick two different colours, so each of you has your own.")
            return None
        self.query_one("#form-error", Label).update("")
        return found[0], found[1]

    def _error(self, message: str, focus: str | None = None) -> None:
        self.query_one("#form-error", Label).update(message)
        if focus:
            self.query_one(focus).focus()

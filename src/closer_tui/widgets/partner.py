"""How a partner's name is drawn: always the name, always beside their colour."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

if TYPE_CHECKING:  # home's first frame draws names before pydantic is imported
    from closer_tui.core.quick import PartnerLike as Partner


def badge(partner: Partner) -> Text:
    """The partner's name on their colour, dark text: readable on light and dark themes."""
    return Text(f" {partner.name} ", style=f"bold #1a1a1a on {partner.hex}")


def named(partner: Partner) -> Text:
    """The partner's name in their colour, for running text."""
    return Text(partner.name, style=f"bold {partner.hex}")


def named_together(first: Partner, second: Partner) -> Text:
    """ "Alex and Zoë", each in their colour, for a sentence.

    A sentence names partners with :func:`named`, never :func:`badge`: a
    badge's padding left "Thank you,  Alex  and  Zoë" with double spaces.
    """
    return Text(" and ").join([named(first), named(second)])

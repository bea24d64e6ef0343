"""What each partner wrote, shown in their colours: summaries, history details."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from closer_tui.core.models import Couple, Entry
from closer_tui.core.words import said_parts
from closer_tui.widgets.partner import badge


def entry_text(couple: Couple, entry: Entry) -> Text:
    """One entry: whose it is, what it answered, and the words (or that they passed)."""
    line = Text()
    if entry.who == "both":
        line.append(" Together ", style="bold reverse")
    else:
        line.append_text(badge(couple.partner(entry.who)))
    line.append(f"  {entry.prompt}", style="dim")
    shown = said_parts(entry)
    if entry.passed:
        line.append("\n   passed", style="italic dim")
    elif entry.text:
        line.append(f"\n   {entry.text}")
    elif shown:
        line.append("\n   " + " · ".join(f"{k}: {v}" for k, v in shown.items()))
    # A card talked about together has no words of its own: its question is the entry.
    return line


def entries_block(couple: Couple, entries: list[Entry]) -> RenderableType:
    return Group(*(entry_text(couple, entry) for entry in entries))

"""The *why* of a practice: its summary and each claim with its source and honest strength."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Markdown

from closer_tui.core.content import Why


def why_markdown(why: Why) -> str:
    """Markdown for a Why: what we know, who found it, and how sure anyone can be."""
    parts = [why.summary, ""]
    for claim in why.claims:
        cites = "; ".join(source.cite for source in claim.sources)
        parts.append(f"- {claim.text} *({cites} — evidence: {claim.strength})*")
        if claim.caveat:
            parts.append(f"  \n  **Honestly:** {claim.caveat}")
    return "\n".join(parts)


class WhyPanel(VerticalScroll):
    """A scrollable, sourced explanation."""

    DEFAULT_CSS = """
    WhyPanel { height: 1fr; padding: 0 1; }
    WhyPanel Markdown { margin: 0; padding: 0; }
    """

    def __init__(self, why: Why) -> None:
        super().__init__()
        self.why = why

    def compose(self) -> ComposeResult:
        yield Markdown(why_markdown(self.why))

"""The *why* of a practice: its summary and each claim with its source and honest strength."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Markdown

from closer_tui.core.content import Claim, Source, Why


def claim_markdown(claim: Claim) -> str:
    """One claim as a bullet: what we know, who found it, how sure, and the honest caveat."""
    cites = "; ".join(source.cite for source in claim.sources)
    line = f"- {claim.text} *({cites} — evidence: {claim.strength})*"
    return f"{line}  \n  **Honestly:** {claim.caveat}" if claim.caveat else line


def source_markdown(source: Source) -> str:
    """One source as a reference a reader can look up, with what it measured, in whom."""
    look_up = f" DOI {source.doi}." if source.doi else ""
    look_up += f" ISBN {source.isbn}." if source.isbn else ""
    title = source.title if source.title.endswith(("?", "!", ".")) else f"{source.title}."
    return (
        f"- {source.cite}. *{title}* {source.venue}.{look_up}  \n"
        f"  What it looked at: {source.measured} In whom: {source.sample}"
    )


def cited(claims: list[Claim]) -> str:
    """Who found it and how sure, in one short line: "(Gottman & Levenson, 1992; …; evidence:
    moderate)", for a screen with room for a sentence, not a Why tab."""
    sources: list[str] = []
    for claim in claims:
        sources += [s.cite for s in claim.sources if s.cite not in sources]
    strengths = ", ".join(dict.fromkeys(claim.strength for claim in claims))
    return f"({'; '.join(sources)}; evidence: {strengths})"


def why_markdown(why: Why) -> str:
    """Markdown for a Why: what we know, who found it, and how sure anyone can be."""
    return "\n".join([why.summary, "", *(claim_markdown(claim) for claim in why.claims)])


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

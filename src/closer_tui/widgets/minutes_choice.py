"""How long a timed practice runs: a row of minute options, and keeping planned time in range."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static


class MinutesChoice(Static):
    """A row of minute options, the chosen one lit and in brackets; the host binds the keys."""

    DEFAULT_CSS = """
    MinutesChoice { width: 1fr; height: auto; text-align: center; margin: 1 0 0 0; }
    """

    chosen: reactive[int] = reactive(0)

    def __init__(
        self,
        options: Iterable[int],
        chosen: int,
        *,
        hint: str = "← → to choose",
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.options = list(options)
        self.hint = hint
        self.set_reactive(
            MinutesChoice.chosen, chosen if chosen in self.options else self.options[0]
        )

    def step(self, by: int) -> None:
        index = self.options.index(self.chosen)
        self.chosen = self.options[max(0, min(index + by, len(self.options) - 1))]

    def pick(self, minutes: int) -> None:
        if minutes in self.options:
            self.chosen = minutes

    def render(self) -> Text:
        # The chosen one in brackets as well as lit: it reads without colour too.
        text = Text("How long?  ")
        for minutes in self.options:
            if minutes == self.chosen:
                text.append(f"[{minutes} min]", style="bold reverse")
            else:
                text.append(f" {minutes} min ", style="dim")
            text.append(" ")
        text.append(f"\n{self.hint}", style="dim")
        return text


def clamp_seconds(seconds: float, low_minutes: int, high_minutes: int) -> float:
    """A planned duration, kept inside what the exercise is meant for."""
    return float(min(max(seconds, low_minutes * 60), high_minutes * 60))

"""The two-partner gate: nothing starts until each partner has pressed their own key.

``f`` is the first partner's, ``j`` the second's (one hand each, either order);
``space`` answers for both, for a couple who prefer one driver. The both-ready
gate before a countdown and the phones-away check are this one widget, each
with its own words.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from closer_tui.core.models import PARTNER_KEYS, Couple, PartnerKey
from closer_tui.widgets.partner import badge


def gate_keys(first: str, second: str, both: str | None = None) -> list[BindingType]:
    """A gate's keys in its own words: ``f`` for the first partner, ``j`` for the second,
    and ``space`` for both (``both`` says what it does) where one driver may answer for two."""
    keys: list[BindingType] = [
        Binding("f", "ready('first')", first, show=False),
        Binding("j", "ready('second')", second, show=False),
    ]
    if both is not None:
        keys.append(Binding("space", "together", both, key_display="space"))
    return keys


class PartnerGate(Widget, can_focus=True):
    """Each partner's tick lights up in their colour; the gate answers once, when both are in.

    A subclass gives the words (``IS_IN``, ``HINT``, its keys' words with
    :func:`gate_keys`) and the message it answers with (:meth:`answer`).
    """

    DEFAULT_CSS = """
    PartnerGate {
        height: auto;
        width: 1fr;
        text-align: center;
        padding: 1 0;
    }
    PartnerGate:focus { background: $boost; }
    """

    IS_IN: ClassVar[str]
    """After a partner's name once they pressed their key."""

    HINT: ClassVar[str]
    """The dim last line: what else the keys can do."""

    ready: reactive[frozenset[PartnerKey]] = reactive(frozenset(), always_update=True)
    """The partners who pressed their key so far."""

    def __init__(self, couple: Couple, *, prompt: str) -> None:
        super().__init__()
        self.couple = couple
        self.prompt = prompt
        self._done = False

    def answer(self, ready: list[PartnerKey]) -> Message:
        """The message that says the gate is through; ``ready`` is empty when space answered."""
        raise NotImplementedError

    def heading(self) -> str:
        return self.prompt

    def action_ready(self, who: PartnerKey) -> None:
        if self._done:
            return
        self.ready = self.ready | {who}
        if len(self.ready) == 2:
            self._finish(self.answer(list(PARTNER_KEYS)))

    def action_together(self) -> None:
        if not self._done:
            self._finish(self.answer([]))

    def _finish(self, message: Message) -> None:
        """Answer once: a key pressed after the gate is through changes nothing."""
        self._done = True
        self.post_message(message)

    def render(self) -> Text:
        text = Text(f"{self.heading()}\n\n", style="bold")
        for key, letter in zip(PARTNER_KEYS, "fj", strict=True):
            partner = self.couple.partner(key)
            is_in = key in self.ready
            mark = Text(" ✓ ", style=f"bold #1a1a1a on {partner.hex}") if is_in else Text(" · ")
            text.append_text(mark)
            text.append(" ")
            text.append_text(badge(partner))
            text.append(self.IS_IN if is_in else f" presses {letter}")
            text.append("      " if key == "first" else "\n")
        text.append(f"\n{self.HINT}", style="dim")
        return text


class BothReady(PartnerGate):
    """The gate before anything timed: it starts when both are in, or on ``space``."""

    DEFAULT_CSS = """
    BothReady { content-align: center middle; }
    """

    BINDINGS = gate_keys("First ready", "Second ready", both="Start both")

    IS_IN = " is ready"
    HINT = "or press space to start for both of you"

    class Started(Message):
        """Both are in (or one driver pressed space)."""

        def __init__(self, ready: list[PartnerKey]) -> None:
            super().__init__()
            self.ready = ready

    def __init__(self, couple: Couple, *, prompt: str = "When you're both ready") -> None:
        super().__init__(couple, prompt=prompt)

    def answer(self, ready: list[PartnerKey]) -> Message:
        return self.Started(ready)

    def heading(self) -> str:
        return f"{self.prompt}:"


class EachOwnKey(PartnerGate):
    """The gate without ``space``: each partner answers for themselves, f and j only.

    For what one partner must never do for the other (letting a session go,
    opening a sealed letter); subclasses give only the words.
    """

    BINDINGS = gate_keys("First", "Second")

    class Through(Message):
        """Both pressed their own key."""

    def answer(self, ready: list[PartnerKey]) -> Message:
        return self.Through()

    def action_together(self) -> None:
        """Not here: each of you answers for yourself."""

"""Taking turns out loud: one partner says it and writes it down, then the other.

Used where a couple shares in turn and nothing is secret (the Daily Temperature
Reading, appreciations, the weekly check-in): a turn banner, the prompt, a
multi-line box, and an optional second box for a request that must come with
the first (a complaint is not finished without its request).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Static, TextArea

from closer_tui.core.models import PARTNER_KEYS, Couple, PartnerKey
from closer_tui.mends.text_box import WritingBox
from closer_tui.widgets.activity import Activity
from closer_tui.widgets.partner import named
from closer_tui.widgets.turn_banner import TurnBanner


@dataclass(frozen=True)
class Turn:
    """One partner's turn: what they wrote (and asked for), or a pass."""

    who: PartnerKey
    text: str = ""
    request: str = ""
    passed: bool = False


class TurnEntry(Widget):
    """The speaker writes and presses ctrl+s, or passes with ctrl+o; then it is the other's turn.

    Every finished turn goes to ``on_turn`` at once, not by a message: a couple
    pressing "pass, pass, next step" quickly must find both passes recorded
    before "next step" asks whether both have had their turn. Hosts that move
    on by another key call :meth:`take` themselves, so a half-written turn is
    never lost.
    """

    DEFAULT_CSS = """
    TurnEntry { height: auto; width: 1fr; }
    TurnEntry TurnBanner { margin: 0; }
    TurnEntry #te-listener { color: $text-muted; height: auto; margin: 0 0 1 0; }
    TurnEntry #te-prompt { height: auto; text-style: bold; }
    TurnEntry #te-hint { color: $text-muted; height: auto; }
    TurnEntry TextArea { height: 4; margin: 0; }
    TurnEntry #te-request { height: 3; }
    TurnEntry #te-request-prompt { height: auto; text-style: bold; }
    TurnEntry #te-message { color: $warning; height: auto; }
    """

    BINDINGS = [
        Binding("ctrl+s", "say", "Said it · next turn", key_display="^s"),
        Binding("ctrl+o", "pass_turn", "Pass", key_display="^o"),
    ]

    def __init__(
        self,
        couple: Couple,
        on_turn: Callable[[Turn], None],
        *,
        speaks: str = "shares",
        listens: str = "listens",
        listener_note: str = "",
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.couple = couple
        self.on_turn = on_turn
        self.speaks = speaks
        self.listens = listens
        self.listener_note = listener_note
        self.needs_request = False

    def compose(self) -> ComposeResult:
        yield TurnBanner(self.couple, speaks=self.speaks, listens=self.listens)
        yield Static("", id="te-listener")
        yield Static("", id="te-prompt")
        yield Static("", id="te-hint")
        yield WritingBox(id="te-text", soft_wrap=True, tab_behavior="focus")
        yield Static("", id="te-request-prompt")
        yield WritingBox(id="te-request", soft_wrap=True, tab_behavior="focus")
        yield Static("", id="te-message")

    def on_mount(self) -> None:
        self.query_one("#te-request-prompt").display = False
        self.query_one("#te-request").display = False
        self.query_one("#te-message").display = False
        self._show_listener()

    # -- what the host sets ------------------------------------------------------

    @property
    def banner(self) -> TurnBanner:
        return self.query_one(TurnBanner)

    @property
    def speaker(self) -> PartnerKey:
        return self.banner.speaker

    @speaker.setter
    def speaker(self, who: PartnerKey) -> None:
        self.banner.speaker = who
        self._show_listener()

    def ask(self, prompt: str | Text, hint: str = "", *, request_prompt: str = "") -> None:
        """Show a prompt for the speaker; ``request_prompt`` adds the request box."""
        self.needs_request = bool(request_prompt)
        self.query_one("#te-prompt", Static).update(prompt)
        hint_widget = self.query_one("#te-hint", Static)
        hint_widget.update(hint)
        hint_widget.display = bool(hint)
        request_label = self.query_one("#te-request-prompt", Static)
        request_label.update(request_prompt)
        request_label.display = self.needs_request
        self.query_one("#te-request").display = self.needs_request
        self.focus_text()

    def focus_text(self) -> None:
        self.query_one("#te-text", TextArea).focus()

    def warn(self, message: str) -> None:
        """A gentle word under the boxes (an empty message clears it)."""
        widget = self.query_one("#te-message", Static)
        widget.update(message)
        widget.display = bool(message)

    # -- the draft ---------------------------------------------------------------

    def draft(self) -> Turn:
        """What the speaker has written so far, not yet said."""
        text = self.query_one("#te-text", TextArea).text.strip()
        request = self.query_one("#te-request", TextArea).text.strip() if self.needs_request else ""
        return Turn(self.speaker, text, request)

    def has_draft(self) -> bool:
        draft = self.draft()
        return bool(draft.text or draft.request)

    def problem(self, draft: Turn) -> tuple[str, str] | None:
        """Why this draft cannot be kept yet, and which box to go back to."""
        if self.needs_request and draft.text and not draft.request:
            return (
                "A complaint needs its request. What would you like instead? "
                "(Or pass this one with ctrl+o.)",
                "#te-request",
            )
        if self.needs_request and draft.request and not draft.text:
            return (
                "What bothered you? Write it in the first box, or pass with ctrl+o.",
                "#te-text",
            )
        if not draft.text:
            return ("Write a few words to keep, or pass with ctrl+o.", "#te-text")
        return None

    def take(self) -> Turn | None:
        """End the speaker's turn with what they wrote; None (and a gentle word) if not ready."""
        draft = self.draft()
        problem = self.problem(draft)
        if problem is not None:
            message, box = problem
            self.warn(message)
            self.query_one(box, TextArea).focus()
            # Focusing scrolls to the box; the word under it must be seen too.
            self.call_after_refresh(self.query_one("#te-message").scroll_visible)
            return None
        return self._finish(draft)

    def clear_draft(self) -> None:
        """Empty both boxes (after a turn, or when the couple chose not to save)."""
        self.query_one("#te-text", TextArea).clear()
        self.query_one("#te-request", TextArea).clear()
        self.warn("")

    def _finish(self, turn: Turn) -> Turn:
        self.clear_draft()
        self.banner.swap()
        self._show_listener()
        self.focus_text()
        return turn

    def _show_listener(self) -> None:
        if not self.listener_note:
            self.query_one("#te-listener").display = False
            return
        listener = self.couple.partner(self.banner.listener)
        self.query_one("#te-listener", Static).update(
            Text.assemble(named(listener), "  ", self.listener_note)
        )

    # -- keys --------------------------------------------------------------------

    def action_say(self) -> None:
        turn = self.take()
        if turn is not None:
            self._said(turn)

    def action_pass_turn(self) -> None:
        self._said(self._finish(Turn(self.speaker, passed=True)))

    def _said(self, turn: Turn) -> None:
        """A said turn (or a pass) is committed: the host keeps it before the next key."""
        self.on_turn(turn)
        activity = next((node for node in self.ancestors if isinstance(node, Activity)), None)
        if activity is not None:
            activity.committed()

    def carry_on_after(self, turns: Sequence[str]) -> None:
        """Picked up after an interruption: whoever did not speak last speaks now."""
        last = next((who for who in reversed(turns) if who in PARTNER_KEYS), None)
        if last is not None:
            self.speaker = self.couple.other(last)

"""Private entry and reveal: each partner answers unseen, then both answers appear together.

"Sam, look away" → Alex answers (typing is masked) → locked → "Alex, look
away" → Sam answers → both look → revealed side by side. Answers live only in
this widget until the host saves them, so leaving without saving keeps nothing.

Nothing is decided by a stray key: on a scale, arrows and numbers only choose
and enter locks the choice in; a hand-over (each "look away" and "both look")
is passed only by a key pressed once it has been on screen for a moment, so an
enter that was meant for the last answer cannot carry over and show the next
partner's question while the first can still see.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Input, OptionList, Static
from textual.widgets.option_list import Option

from closer_tui.core.clock import Clock
from closer_tui.core.models import PARTNER_KEYS, Couple, PartnerKey
from closer_tui.mends.text_box import LineBox
from closer_tui.widgets.option_list import CalmOptionList
from closer_tui.widgets.partner import badge, named

Answer = str | int | None
"""Typed text, a 1-based point on a scale, or None for a pass."""

PASS_ID = "pass"

HANDOVER_SECONDS = 0.4
"""How long a stage is on screen before a key may pass it: longer than a key's
repeat and a quick double press, shorter than anyone can read the screen."""


@dataclass(frozen=True)
class Ask:
    """One thing to answer privately: free text (masked) or a point on a scale."""

    id: str
    prompt: str
    scale: tuple[str, ...] = ()
    words: bool = False
    """The scale is a list of words, not points: revealed as the word alone, without its number."""


def describe(ask: Ask, answer: Answer) -> str:
    if answer is None:
        return "passed"
    if isinstance(answer, int) and ask.scale and ask.scale[answer - 1]:
        label = ask.scale[answer - 1]
        return label if ask.words else f"{answer} · {label}"
    return str(answer)  # text, or a point the scale leaves unnamed


class PrivateRound(Widget, can_focus=True):
    """Runs one private round for both partners and posts :class:`Revealed`."""

    DEFAULT_CSS = """
    PrivateRound { height: auto; }
    PrivateRound ContentSwitcher { height: auto; }
    PrivateRound .curtain { height: auto; padding: 1 2; content-align: center middle; }
    PrivateRound #pr-answer { height: auto; padding: 0 2; }
    PrivateRound #pr-progress { color: $text-muted; height: 1; }
    PrivateRound #pr-prompt { margin: 1 0; text-style: bold; }
    PrivateRound #pr-hint { color: $text-muted; height: auto; }
    PrivateRound OptionList { height: auto; max-height: 9; }
    PrivateRound #pr-reveal { height: auto; padding: 0 1; }
    """

    BINDINGS = [
        Binding("enter", "onward", "Continue", show=False),
        *(Binding(str(n), f"digit('{n}')", show=False) for n in range(10)),
    ]

    LOCKED_AWAY = "'s answers are locked away. ✓"
    """After the first partner's name, on the second partner's curtain."""

    stage: reactive[str] = reactive("curtain", init=False)
    """``curtain`` before each partner, ``answer``, ``both-look`` and ``revealed``."""

    class Revealed(Message):
        """Both have answered (or passed); their answers are now on screen."""

        def __init__(
            self, round: PrivateRound, answers: dict[PartnerKey, dict[str, Answer]]
        ) -> None:
            super().__init__()
            self.round = round
            self.answers = answers

    def __init__(
        self,
        couple: Couple,
        asks: list[Ask],
        *,
        clock: Clock,
        first: PartnerKey = "first",
        hint: str = "",
        note: str = "",
        show: bool = True,
        id: str | None = None,
    ) -> None:
        """``hint`` is shown under every question; ``note`` once, on the opening
        curtain, before anyone answers (the safety note, where it is needed).
        ``show=False``: the answers are only posted, never shown, for a question
        whose single answers nobody may learn (the opt-in deck's consent)."""
        super().__init__(id=id)
        if not asks:
            raise ValueError("a private round needs something to ask")
        self.couple = couple
        self.asks = asks
        self.clock = clock
        self.order: tuple[PartnerKey, PartnerKey] = (first, couple.other(first))
        self.hint = hint
        self.note = note
        self.show = show
        self.answers: dict[PartnerKey, dict[str, Answer]] = {key: {} for key in self.order}
        self._turn = 0
        self._index = 0
        self._shown_at = clock()
        self._typed = ""
        """The digits typed on this scale so far: 1 then 0 is ten."""

    @property
    def whose(self) -> PartnerKey:
        return self.order[min(self._turn, 1)]

    def compose(self) -> ComposeResult:
        with ContentSwitcher(initial="pr-curtain"):
            yield Static("", id="pr-curtain", classes="curtain")
            with Vertical(id="pr-answer"):
                yield Static("", id="pr-progress")
                yield Static("", id="pr-prompt")
                yield LineBox(password=True, id="pr-text", max_length=2000)
                yield CalmOptionList(id="pr-scale")
                yield Static("", id="pr-hint")
            yield Static("", id="pr-both", classes="curtain")
            yield Static("", id="pr-reveal")

    def on_mount(self) -> None:
        # No focus here: the host decides, so a round in a hidden tab never
        # pulls its tab to the front.
        self._show_curtain(focus=False)

    # -- stages ------------------------------------------------------------------

    def _switch(self, stage: str, panel: str) -> None:
        self.stage = stage
        self.query_one(ContentSwitcher).current = panel
        self._shown_at = self.clock()

    def _settled(self) -> bool:
        """The stage has been on screen long enough that a key on it was meant for it."""
        return self.clock() >= self._shown_at + HANDOVER_SECONDS

    def _show_curtain(self, *, focus: bool = True) -> None:
        me = self.couple.partner(self.whose)
        other = self.couple.partner(self.couple.other(self.whose))
        text = Text()
        if self._turn == 0 and self.note:
            text.append(f"{self.note}\n\n", style="italic")
        if self._turn == 1:
            text.append_text(named(other))
            text.append(f"{self.LOCKED_AWAY}\n\n", style="bold")
        text.append_text(named(other))
        text.append(", please look away for a moment.\n\n", style="bold")
        text.append_text(named(me))
        text.append(", press enter when ")
        text.append(other.name)
        text.append(" can't see the screen.")
        self.query_one("#pr-curtain", Static).update(text)
        self._switch("curtain", "pr-curtain")
        if focus:
            self.focus()

    def _show_ask(self) -> None:
        ask = self.asks[self._index]
        me = self.couple.partner(self.whose)
        progress = Text.assemble(badge(me), f"  {self._index + 1} of {len(self.asks)}")
        self.query_one("#pr-progress", Static).update(progress)
        self.query_one("#pr-prompt", Static).update(ask.prompt)
        text_input = self.query_one("#pr-text", Input)
        scale = self.query_one("#pr-scale", OptionList)
        text_input.display = not ask.scale
        scale.display = bool(ask.scale)
        if ask.scale:
            scale.clear_options()
            scale.add_options(
                [Option(f"{n}  {label}", id=str(n)) for n, label in enumerate(ask.scale, 1)]
                + [Option("Pass", id=PASS_ID)]
            )
            scale.highlighted = None
            scale.focus()
            self._typed = ""
        else:
            text_input.value = ""
            text_input.focus()
        self._show_hint()
        self._switch("answer", "pr-answer")

    def _show_hint(self, chosen: str = "") -> None:
        """How to answer; on a scale, what is chosen so far, in words as well as colour."""
        ask = self.asks[self._index]
        if not ask.scale:
            how = "What you type is hidden. Leave it empty and press enter to pass."
        elif chosen:
            how = f"Chosen: {chosen}. Enter locks it in, or choose again. Pass is always fine."
        else:
            ten = " (1 then 0 is 10)" if len(ask.scale) >= 10 else ""
            how = (
                f"Choose with the arrows or a number{ten}, then press enter to lock it in."
                " Pass is always fine."
            )
        self.query_one("#pr-hint", Static).update(f"{how}\n{self.hint}".strip())
        self._keep_in_view()

    def _keep_in_view(self) -> None:
        """On a short screen the hint falls below the fold: keep how to lock the answer
        in, and what is chosen, in view with the choices."""
        if self.stage == "answer":
            self.query_one("#pr-answer").scroll_visible(animate=False)

    def on_resize(self) -> None:
        self._keep_in_view()  # the question just laid out at its full height

    def _show_both_look(self) -> None:
        text = Text("Both answers are in. ✓\n\n", style="bold")
        text.append("Sit together so you can both see the screen, then press enter.")
        self.query_one("#pr-both", Static).update(text)
        self._switch("both-look", "pr-both")
        self.focus()

    def _reveal(self) -> None:
        if not self.show:
            self._switch("revealed", "pr-reveal")
            self.post_message(self.Revealed(self, self.answers))
            return
        table = Table(expand=True, show_lines=True, box=None, padding=(0, 1))
        table.add_column("", ratio=2, style="bold")
        for key in PARTNER_KEYS:
            table.add_column(badge(self.couple.partner(key)), ratio=3)
        for ask in self.asks:
            table.add_row(
                ask.prompt, *(describe(ask, self.answers[key].get(ask.id)) for key in PARTNER_KEYS)
            )
        self.query_one("#pr-reveal", Static).update(table)
        self._switch("revealed", "pr-reveal")
        self.post_message(self.Revealed(self, self.answers))

    # -- input -------------------------------------------------------------------

    def action_onward(self) -> None:
        if not self._settled():
            return  # pressed before this hand-over appeared: it was meant for the last one
        if self.stage == "curtain":
            self._index = 0
            self._show_ask()
        elif self.stage == "both-look":
            self._reveal()

    def action_digit(self, digit: str) -> None:
        """Choose the point the digits typed so far name; enter locks it in."""
        ask = self.asks[self._index] if self.stage == "answer" else None
        if ask is None or not ask.scale:
            return
        scale = self.query_one("#pr-scale", OptionList)
        chosen = scale.highlighted_option
        typed = self._typed if chosen is not None and chosen.id == self._typed else ""
        for number in (typed + digit, digit):
            if 1 <= int(number) <= len(ask.scale):
                self._typed = number
                scale.highlighted = int(number) - 1
                return

    def _on_screen(self, option: Option) -> bool:
        """The option belongs to the question on screen, not to one already locked in
        (an enter pressed twice reaches the list before the next question replaces it)."""
        scale = self.query_one("#pr-scale", OptionList)
        return self.stage == "answer" and any(shown is option for shown in scale.options)

    @on(Input.Submitted, "#pr-text")
    def _text_answered(self, event: Input.Submitted) -> None:
        event.stop()
        if self.stage != "answer" or event.value != event.input.value:
            return  # an enter pressed twice: this answer is already locked in
        value = event.value.strip()
        if not value and not self._settled():
            return  # a second press of the enter that opened this question, not a pass
        event.input.value = ""
        self._record(value or None)

    @on(OptionList.OptionHighlighted, "#pr-scale")
    def _scale_moved(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        chosen = event.option.id
        if self._on_screen(event.option) and chosen is not None:
            ask = self.asks[self._index]
            self._show_hint("Pass" if chosen == PASS_ID else describe(ask, int(chosen)))

    @on(OptionList.OptionSelected, "#pr-scale")
    def _scale_answered(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if not self._on_screen(event.option):
            return
        chosen = event.option.id
        self._record(None if chosen == PASS_ID or chosen is None else int(chosen))

    def _record(self, answer: Answer) -> None:
        self.answers[self.whose][self.asks[self._index].id] = answer
        self._index += 1
        if self._index < len(self.asks):
            self._show_ask()
            return
        self._turn += 1
        if self._turn == 1:
            self._show_curtain()
        else:
            self._show_both_look()

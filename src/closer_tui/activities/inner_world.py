"""Share your inner world: prompt cards by theme, the I-statement builder, "just listen".

Each ends the way the practice does: the one who listened says thank you.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, get_args

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.reactive import reactive
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from closer_tui.core.clock import Countdown
from closer_tui.core.content import InnerPrompt, InnerTheme
from closer_tui.core.gentle import notice
from closer_tui.core.models import Entry, Outcome, PartnerKey
from closer_tui.core.words import sentence
from closer_tui.mends.text_box import LineBox
from closer_tui.widgets.activity import Activity
from closer_tui.widgets.both_ready import BothReady
from closer_tui.widgets.card_deck import LOVED, NEXT_CARD, PASS, SAVE, CardDeck, CardFace
from closer_tui.widgets.partner import named, named_together
from closer_tui.widgets.timed_activity import TimedActivity
from closer_tui.widgets.turn_banner import TurnBanner
from closer_tui.widgets.why import cited

THEMES: tuple[str, ...] = ("any", *get_args(InnerTheme))


def thank_you_line(activity: Activity, listener: PartnerKey, index: int) -> Text:
    """ "Sam, to close: “Thank you for trusting me with that.”" — a line to borrow."""
    lines = activity.closer.library.phrases.thank_you
    text = Text.assemble(named(activity.closer.couple.partner(listener)))
    text.append(f", to close, you might say: “{lines[index % len(lines)]}”")
    return text


Share = tuple[InnerPrompt, PartnerKey, bool]
"""A card drawn tonight: who shares it, and whether it was passed."""


class InnerWorldActivity(CardDeck[Share]):
    """Themed prompt cards: one shares, the other listens, then thanks them.

    Options: ``theme`` to start with (default: any).
    """

    KIND = "inner_world"
    DECK = "inner-world"
    TITLE = "Share your inner world"

    DEFAULT_CSS = "InnerWorldActivity { padding: 1 2; }"

    BINDINGS = [
        NEXT_CARD,
        PASS,
        LOVED,
        Binding("t", "theme", "Theme"),
        Binding("tab", "swap", "Swap", key_display="tab"),
        SAVE,
    ]

    theme: reactive[str] = reactive("any", init=False)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.shared: list[Share] = []
        start = self.options.get("theme")
        if start in THEMES:
            self.set_reactive(InnerWorldActivity.theme, str(start))

    def compose(self) -> ComposeResult:
        yield TurnBanner(self.closer.couple, speaks="shares", listens="listens")
        yield Static("", id="iw-theme", classes="aside")
        yield CardFace("", id="iw-card")
        yield Static("", id="iw-thanks", classes="aside")

    def first_card(self) -> None:
        self._draw()

    def on_show(self) -> None:
        # Focus on show, not on mount: focusing inside a hidden tab would switch to it.
        self.focus()

    def plays(self) -> list[Share]:
        return self.shared

    def card_of(self, play: Share) -> InnerPrompt:
        return play[0]

    def passed(self, play: Share) -> bool:
        return play[2]

    def _cards(self) -> list[InnerPrompt]:
        cards = self.drawable_now(self.closer.library.inner_world)
        return cards if self.theme == "any" else [c for c in cards if c.theme == self.theme]

    def _draw(self) -> None:
        card = self.deck.draw(self._cards())
        self.shared.append((card, self.banner.speaker, False))
        self.shown()
        self._show()

    def _show(self) -> None:
        card, _, _ = self.shared[-1]
        # The card's theme once; then what t does, not the theme a second time.
        drawn = "cards from every theme" if self.theme == "any" else "only this theme"
        self.query_one("#iw-theme", Static).update(
            Text.assemble((card.theme, "bold"), f"   ·   {drawn} (t to change)")
        )
        self.query_one("#iw-card", Static).update(card.text)
        self._show_thanks()

    def _show_thanks(self) -> None:
        text = Text("Finish the sentence aloud; the listener just listens. ")
        text.append_text(thank_you_line(self, self.banner.listener, len(self.shared)))
        self.query_one("#iw-thanks", Static).update(text)

    @property
    def current(self) -> InnerPrompt:
        return self.shared[-1][0]

    def action_next(self) -> None:
        self.banner.swap()
        self._draw()

    def action_skip(self) -> None:
        card, who, _ = self.shared.pop()
        self.shared.append((card, who, True))
        self._draw()
        self.notify("Passed. Here's another.", timeout=3)

    def action_theme(self) -> None:
        self.theme = THEMES[(THEMES.index(self.theme) + 1) % len(THEMES)]
        # The unanswered card goes back quietly: changing theme is not a pass.
        self.shared.pop()
        self._draw()

    def action_swap(self) -> None:
        self.banner.swap()
        card, _, passed = self.shared.pop()
        self.shared.append((card, self.banner.speaker, passed))
        self._show_thanks()

    def entries(self, plays: list[Share]) -> list[Entry]:
        return [
            Entry(who=who, prompt=card.text, passed=passed, parts={"theme": card.theme})
            for card, who, passed in plays
        ]

    def saved(self) -> None:
        text = Text(self.saved_then(""))
        text.append_text(thank_you_line(self, self.banner.listener, 0))
        text.append("\nPress n for another card.")
        self.query_one("#iw-thanks", Static).update(text)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"skip", "love", "theme", "swap", "done"}:
            return bool(self.shared)
        return True


def assemble(feel: str, when: str, need: str) -> str:
    """The sentence the builder shows, with gaps (…) where a part is still empty.

    Each half ends once: a gap or the couple's own "!" is not followed by a full stop.
    """
    feel, when, need = (part.strip().rstrip(".") or "…" for part in (feel, when, need))
    return f"{sentence(f'I feel {feel} when {when}')} {sentence(f'I need {need}')}"


def gently(feel: str, about: str, need: str) -> str:
    """The gentle start-up's sentence, with gaps (…) where a part is still empty."""
    feel, about, need = (part.strip().rstrip(".") or "…" for part in (feel, about, need))
    return sentence(f"I feel {feel} about {about}, and I need {need}")


@dataclass(frozen=True)
class BuilderWords:
    """What a sentence builder says beside its three boxes."""

    intro: str
    feel: str
    middle: str
    middle_hint: str
    middle_placeholder: str
    need: str
    avoid: str
    feelings: list[str]


class IStatementActivity(Activity):
    """ "I feel … when … I need …": each partner builds one, then says it aloud."""

    KIND = "i_statement"
    TITLE = "I-statements"
    PROMPT = "I feel … when … I need …"

    # The form scrolls; the sentence as it grows, any nudge and "Saved." stay in sight at
    # the foot of the screen, so ctrl+s never looks like it did nothing.
    DEFAULT_CSS = """
    IStatementActivity { padding: 0 2; height: 100%; overflow-y: auto; }
    IStatementActivity #is-foot { dock: bottom; height: auto; }
    IStatementActivity #is-foot #is-said { margin: 0; }
    IStatementActivity #is-intro { color: $text-muted; margin: 1 0 0 0; }
    IStatementActivity Label { margin: 1 0 0 0; text-style: bold; }
    IStatementActivity .hint { color: $text-muted; }
    IStatementActivity #is-sentence {
        border: round $primary; padding: 0 1; margin: 1 0 0 0; height: auto;
    }
    IStatementActivity #is-nudge { color: $warning; height: auto; }
    IStatementActivity #is-said { color: $text-muted; height: auto; margin: 1 0 0 0; }
    """

    BINDINGS = [
        Binding("ctrl+r", "swap", "Swap writer", key_display="ctrl+r"),
        Binding("ctrl+s", "save", "Save", key_display="ctrl+s"),
    ]

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.statements: list[tuple[PartnerKey, str, str, str]] = []
        self._started_at: datetime | None = None

    def words(self) -> BuilderWords:
        """The words beside the boxes: a subclass builds another sentence with the same boxes."""
        hints = self.closer.library.phrases.i_statement
        return BuilderWords(
            hints.intro,
            hints.feel,
            "when",
            hints.when,
            "a specific moment",
            hints.need,
            hints.avoid,
            list(hints.feelings),
        )

    def assemble(self, feel: str, when: str, need: str) -> str:
        return assemble(feel, when, need)

    def compose(self) -> ComposeResult:
        words = self.words()
        yield TurnBanner(self.closer.couple, speaks="writes", listens="listens")
        yield Static(words.intro, id="is-intro")
        yield Label("I feel …")
        yield LineBox(
            placeholder="a feeling word or two",
            id="is-feel",
            suggester=SuggestFromList(words.feelings, case_sensitive=False),
            max_length=200,
            compact=True,
        )
        yield Static(f"Words to borrow: {', '.join(words.feelings)}", classes="hint")
        yield Label(f"{words.middle} …")
        yield LineBox(
            placeholder=words.middle_placeholder, id="is-when", max_length=500, compact=True
        )
        yield Static(words.middle_hint, classes="hint")
        yield Label("I need …")
        yield LineBox(
            placeholder="something positive and doable", id="is-need", max_length=500, compact=True
        )
        yield Static(words.need, classes="hint")
        yield Static(
            f"{words.avoid}\nEnter moves on; enter on the last box keeps it and "
            "passes to the other partner.",
            classes="hint",
        )
        with Vertical(id="is-foot"):
            yield Static(self.assemble("", "", ""), id="is-sentence")
            yield Static("", id="is-nudge")
            yield Static("", id="is-said")

    def on_mount(self) -> None:
        self._started_at = self.closer.now()

    def on_show(self) -> None:
        # Focus on show, not on mount: focusing inside a hidden tab would switch to it.
        if not any(box.has_focus for box in self.query(Input)):
            self.query_one("#is-feel", Input).focus()

    def _parts(self) -> tuple[str, str, str]:
        return (
            self.query_one("#is-feel", Input).value,
            self.query_one("#is-when", Input).value,
            self.query_one("#is-need", Input).value,
        )

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        feel, when, need = self._parts()
        self.query_one("#is-sentence", Static).update(self.assemble(feel, when, need))
        # Only the words calm.toml lists, and never a guess beyond them.
        found = notice(f"{when} {need}", self.closer.library.calm.gentle.watch, "blaming")
        nudge = f"“{found.said}” can sound like blame. {found.gentler}" if found else ""
        self.query_one("#is-nudge", Static).update(nudge)

    @on(Input.Submitted, "#is-feel")
    def _feel_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#is-when", Input).focus()

    @on(Input.Submitted, "#is-when")
    def _when_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#is-need", Input).focus()

    @on(Input.Submitted, "#is-need")
    def _need_done(self, event: Input.Submitted) -> None:
        event.stop()
        self._keep_typed()

    def _keep_typed(self) -> bool:
        """Keep what the writer typed as their statement and hand over; False if empty."""
        feel, when, need = (part.strip() for part in self._parts())
        if not feel:
            self.notify("Start with how you feel: one or two words.", timeout=3)
            self.query_one("#is-feel", Input).focus()
            return False
        banner = self.query_one(TurnBanner)
        self.statements.append((banner.speaker, feel, when, need))
        for box in self.query(Input):
            box.value = ""
        banner.swap()
        self._show_said()
        self.query_one("#is-feel", Input).focus()
        return True

    @property
    def both_wrote(self) -> bool:
        return {who for who, *_ in self.statements} == {"first", "second"}

    def _show_said(self) -> None:
        text = Text()
        for who, feel, when, need in self.statements:
            text.append_text(named(self.closer.couple.partner(who)))
            text.append(f": {self.assemble(feel, when, need)}\n")
        if self.both_wrote:
            text.append("Say them aloud to each other. ctrl+s saves them together.")
        elif self.statements:
            # One save for the visit, once both had their turn: one row in the history.
            text.append_text(named(self.closer.couple.partner(self.query_one(TurnBanner).speaker)))
            text.append("'s turn. ctrl+s saves when you're both done.")
        self.query_one("#is-said", Static).update(text)

    def action_swap(self) -> None:
        self.query_one(TurnBanner).swap()

    def _entries(self) -> list[Entry]:
        statements = list(self.statements)
        if self.is_mounted:
            feel, when, need = (part.strip() for part in self._parts())
            if feel or when or need:
                statements.append((self.query_one(TurnBanner).speaker, feel, when, need))
        return [
            Entry(
                who=who,
                prompt=self.PROMPT,
                text=self.assemble(feel, when, need),
                parts={"feel": feel, self.words().middle: when, "need": need},
            )
            for who, feel, when, need in statements
        ]

    def pending(self) -> tuple[Outcome, datetime] | None:
        entries = self._entries()
        if not entries or self._started_at is None:
            return None
        outcome = self.untimed_outcome(
            self.TITLE,
            self._started_at,
            entries=entries,
        )
        return outcome, self._started_at

    def forget(self) -> None:
        self.statements.clear()
        if self.is_mounted:
            for box in self.query(Input):
                box.value = ""
            self._show_said()

    def action_save(self) -> None:
        """Save the visit's statements as one session, once both had their turn.

        ctrl+s straight after the first writer's statement hands over instead;
        pressed again with nothing typed, it saves what there is.
        """
        feel, when, need = (part.strip() for part in self._parts())
        if (when or need) and not feel:
            self._keep_typed()  # says what's missing
            return
        if feel and self._keep_typed() and not self.both_wrote:
            return  # the other partner's turn: one save for both
        if not self.report_pending():
            self.notify("Write one first: how you feel, when, what you need.", timeout=3)
            return
        self._started_at = self.closer.now()
        couple = self.closer.couple
        text = Text(self.saved_then("Thank you, "))
        text.append_text(named_together(couple.first, couple.second))
        text.append(", for saying it kindly.")
        self.query_one("#is-said", Static).update(text)


class GentleStartActivity(IStatementActivity):
    """Raising something hard gently: "I feel … about … and I need …", one each.

    The same builder as the I-statement; it names the situation rather than a
    moment, and a listed blaming word ("you always") gets a gentler way to say it.
    """

    KIND = "gentle_start"
    TITLE = "Gentle start-up"
    PROMPT = "I feel … about … and I need …"

    def words(self) -> BuilderWords:
        gentle = self.closer.library.calm.gentle
        return BuilderWords(
            f"{gentle.intro} {cited(gentle.claims)}",
            gentle.feel,
            "about",
            gentle.about,
            "the situation, not the person",
            gentle.need,
            f"For example: {gentle.example}",
            list(self.closer.library.phrases.i_statement.feelings),
        )

    def assemble(self, feel: str, when: str, need: str) -> str:
        return gently(feel, when, need)


class JustListenActivity(TimedActivity):
    """One shares, the other only listens, for a few minutes; then a thank-you.

    ``planned_seconds`` sets the timer; otherwise the couple picks (3 minutes first).
    """

    KIND = "just_listen"
    RUNNING = "listening"
    TITLE = "Just listen"
    KEEPS_A_PART = False
    """A round left before its end is not offered for keeping, as with the hug."""

    DEFAULT_CSS = """
    JustListenActivity { padding: 0 1; }
    JustListenActivity #jl-intro { margin: 1 1 0 1; }
    JustListenActivity #jl-roles { color: $text-muted; margin: 1 1 0 1; height: auto; }
    JustListenActivity #jl-minutes { color: $text-muted; margin: 0 1; }
    JustListenActivity #jl-stage { height: auto; width: 1fr; }
    JustListenActivity #jl-after { margin: 1 1 0 1; height: auto; }
    """

    BINDINGS = [
        Binding("m", "minutes", "Minutes"),
        Binding("tab", "swap", "Swap", key_display="tab"),
        Binding("a", "again", "Again, swapped"),
    ]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._choice = 0
        self._rounds = 0

    @property
    def seconds(self) -> float:
        if self.planned_seconds:
            return float(self.planned_seconds)
        options = self.closer.library.just_listen.minutes_options
        return float(options[self._choice % len(options)] * 60)

    def compose(self) -> ComposeResult:
        listen = self.closer.library.just_listen
        yield TurnBanner(self.closer.couple, speaks="shares", listens="only listens")
        yield Static(listen.intro, id="jl-intro")
        yield Static("", id="jl-roles")
        yield Static("", id="jl-minutes")
        yield Center(id="jl-stage")
        yield Static("", id="jl-after")

    async def on_show(self) -> None:
        # The gate focuses itself when mounted, so it is mounted only once this
        # activity is on screen; mounted in a hidden tab, it would switch to it.
        if self.stage == "ready" and not self.query(BothReady):
            await self.show_gate()

    @property
    def banner(self) -> TurnBanner:
        return self.query_one(TurnBanner)

    def _show_roles(self) -> None:
        listen = self.closer.library.just_listen
        couple = self.closer.couple
        text = Text.assemble(named(couple.partner(self.banner.speaker)))
        text.append(f": {listen.sharer}\n")
        text.append_text(named(couple.partner(self.banner.listener)))
        text.append(f": {listen.listener} No fixing, no advice.")
        self.query_one("#jl-roles", Static).update(text)

    def _show_minutes(self) -> None:
        minutes = self.seconds / 60
        shown = f"{minutes:g} minutes"
        hint = "" if self.planned_seconds else "  (m to change)"
        self.query_one("#jl-minutes", Static).update(shown + hint)

    async def show_gate(self) -> None:
        if self.stage == "after":
            self.banner.swap()  # again: the other one shares this time
        # Not awaited: the gate is in place at once, so a second show mounts no other.
        stage = self.query_one("#jl-stage")
        stage.remove_children()
        gate = BothReady(self.closer.couple, prompt="When the sharer is ready to begin")
        stage.mount(gate)
        self.call_after_refresh(gate.focus)  # on screen now: the keys go to the gate
        self.query_one("#jl-after").display = False
        self.query_one("#jl-minutes").display = True
        self._show_roles()
        self._show_minutes()
        self.stage = "ready"

    def action_minutes(self) -> None:
        if self.stage == "ready" and not self.planned_seconds:
            self._choice += 1
            self._show_minutes()

    def action_swap(self) -> None:
        if self.stage == "ready":
            self.banner.swap()
            self._show_roles()

    async def make_room(self) -> Widget:
        self.query_one("#jl-minutes").display = False
        return self.query_one("#jl-stage")

    def round_data(self, countdown: Countdown) -> dict[str, Any]:
        return {"sharer": self.banner.speaker, "listener": self.banner.listener}

    async def show_after(self, outcome: Outcome) -> None:
        text = thank_you_line(self, self.banner.listener, self._rounds)
        text.append("\n\nPress a to swap and let the other one share.")
        after = self.query_one("#jl-after", Static)
        after.update(text)
        after.display = True
        self._rounds += 1
        self.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "minutes":
            return self.stage == "ready" and not self.planned_seconds
        if action == "swap":
            return self.stage == "ready"
        return super().check_action(action, parameters)

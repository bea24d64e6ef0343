"""After a hard moment: settling in, feelings revealed together, and talking it over in turns.

The plan ("After a hard moment", in plans.toml) follows the shape of the
Gottmans' "aftermath of a fight" exercise, paraphrased (claim
``aftermath-structure``): settle in, each one's feelings (private first,
revealed together), what it was like for each, what it touched, what each
owns, one request each for next time, and a close. Three activities serve it:
the settling in (the hug, after the safety note), the feelings (a private
round over a list of feeling words) and the turns (one part of the talk per
step, from calm.toml).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static, TextArea

from closer_tui.activities.hug import HugActivity
from closer_tui.core.content import HardMomentPart
from closer_tui.core.gentle import notice
from closer_tui.core.models import PARTNER_KEYS, Entry, Outcome, PartnerKey
from closer_tui.widgets.activity import Activity
from closer_tui.widgets.both_ready import BothReady
from closer_tui.widgets.partner import named
from closer_tui.widgets.private_activity import Answers, PrivateActivity
from closer_tui.widgets.private_round import Ask, PrivateRound
from closer_tui.widgets.turn_entry import Turn, TurnEntry


class SettleInActivity(HugActivity):
    """The safety note, plainly and once, then a hug if both want one (passing is fine)."""

    KIND = "settle_in"

    DEFAULT_CSS = """
    SettleInActivity #si-safety { margin: 0 2 1 2; height: auto; }
    SettleInActivity #si-settle { margin: 0 2; height: auto; }
    SettleInActivity #si-credit { margin: 1 2 0 2; height: auto; color: $text-muted; }
    """

    def compose(self) -> ComposeResult:
        library = self.closer.library
        safety = library.safety
        yield Static(
            Text.assemble((safety.unsafe, "bold"), "\n\n", safety.helplines), id="si-safety"
        )
        yield Static(library.calm.hard_moment.settle, id="si-settle")
        yield from super().compose()
        yield Static(library.calm.hard_moment.credit, id="si-credit")

    BINDINGS = [
        Binding("f", "gate('first')", show=False),
        Binding("j", "gate('second')", show=False),
        Binding("space", "gate('')", "Start both", key_display="space"),
    ]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        # The session focuses the step itself, which keeps its top (the note) in view;
        # focusing the gate below would scroll the note away. Its keys reach the gate.
        self.can_focus = True

    def action_gate(self, who: str) -> None:
        for gate in self.query(BothReady):
            if who in ("first", "second"):
                gate.action_ready(who)  # type: ignore[arg-type]
            else:
                gate.action_together()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "gate":
            gates = self.query(BothReady)
            return self.stage == "ready" and bool(gates) and not gates.first().has_focus
        return super().check_action(action, parameters)

    def _count_text(self) -> str:
        return ""  # not a count of hugs tonight: this one is only an offer


class FeelingsActivity(PrivateActivity):
    """Each chooses how they felt from a list of feeling words, unseen; then both are shown."""

    KIND = "feelings"
    TITLE = "How we felt"
    AFTER = "#fe-after"
    SAFETY_NOTE = False  # the settling in, the step before, has just shown it

    DEFAULT_CSS = """
    FeelingsActivity { padding: 0 2; }
    FeelingsActivity #fe-intro { height: auto; margin: 0 0 1 0; }
    FeelingsActivity #fe-after { height: auto; margin: 0 0 1 0; }
    """

    def asks(self) -> list[Ask]:
        words = self.closer.library.calm.hard_moment
        scale = tuple(words.feelings)
        return [
            Ask("strongest", words.feelings_first, scale, words=True),
            Ask("another", words.feelings_second, scale, words=True),
        ]

    def compose(self) -> ComposeResult:
        words = self.closer.library.calm.hard_moment
        yield Static(words.feelings_intro, id="fe-intro")
        yield Static("", id="fe-after")
        yield self.private_round()

    def on_show(self) -> None:
        if self.answers is None:
            self.query_one(PrivateRound).focus()

    def show_revealed(self, answers: Answers) -> None:
        self.query_one("#fe-intro").display = False
        after = self.query_one("#fe-after", Static)
        after.update(self.closer.library.calm.hard_moment.feelings_after)
        after.display = True

    def pending(self) -> tuple[Outcome, datetime] | None:
        # Before the reveal nothing exists to keep: private answers stay in the round.
        if self.answers is None or self._started_at is None:
            return None
        feelings = self.closer.library.calm.hard_moment.feelings
        entries = []
        for key in PARTNER_KEYS:
            chosen = [self.answers.get(key, {}).get(ask.id) for ask in self.asks()]
            words = [feelings[answer - 1] for answer in chosen if isinstance(answer, int)]
            entries.append(
                Entry(
                    who=key,
                    prompt="How I felt",
                    text=", ".join(words),
                    passed=not words,
                )
            )
        outcome = self.untimed_outcome(self.TITLE, self._started_at, entries=entries)
        return outcome, self._started_at

    def forget(self) -> None:
        self.answers = None


class HardMomentTurnsActivity(Activity):
    """One part of talking it over, in turns: the speaker shares, the listener understands.

    Option ``part``: which part (an id from calm.toml). Where the part asks
    for it, each turn ends with a paraphrase check: the listener says back
    "What I heard is…", and the speaker says yes (y) or adds what was missing (a).
    """

    KIND = "hard_moment"

    DEFAULT_CSS = """
    HardMomentTurnsActivity { padding: 0 2; }
    HardMomentTurnsActivity #hm-heard {
        height: auto; margin: 1 0; padding: 1 2; border: round $primary 50%;
    }
    HardMomentTurnsActivity #hm-next { color: $text-muted; height: auto; }
    """

    BINDINGS = [
        Binding("y", "heard(True)", "That's it"),
        Binding("a", "heard(False)", "I'll add something"),
    ]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.can_focus = False  # the writing box has it, except during the check
        self.entries: list[Entry] = []
        self.had_turn: set[PartnerKey] = set()
        self.checking: PartnerKey | None = None
        """Whose turn the listener is saying back, during a paraphrase check."""
        self._adding = False
        self._started_at: datetime | None = None

    @property
    def part(self) -> HardMomentPart:
        words = self.closer.library.calm.hard_moment
        try:
            return words.part(str(self.options.get("part", "")))
        except KeyError:  # a couple's own plan naming no part, or one since renamed
            return words.parts[0]

    @property
    def turns(self) -> TurnEntry:
        return self.query_one(TurnEntry)

    def compose(self) -> ComposeResult:
        yield TurnEntry(
            self.closer.couple,
            self._on_turn,
            speaks="shares",
            listens="listens",
            listener_note=self.part.listener,
        )
        yield Static("", id="hm-heard")
        yield Static("", id="hm-next")

    def on_mount(self) -> None:
        self._started_at = self.closer.now()
        self.query_one("#hm-heard").display = False
        self._ask()

    def on_show(self) -> None:
        if self.checking is None:
            self.turns.focus_text()

    # -- the turns -------------------------------------------------------------------

    def _ask(self) -> None:
        part = self.part
        speaker = self.closer.couple.partner(self.turns.speaker)
        prompt = "What was missing? Add it in your own words." if self._adding else part.prompt
        self.turns.ask(Text.assemble(named(speaker), ": ", prompt), part.hint)
        if self.had_turn >= set(PARTNER_KEYS):
            text = "You've both had a turn. Another if you like, or ctrl+n to move on."
        else:
            text = "ctrl+s when it's said · ctrl+o to pass"
        self.query_one("#hm-next", Static).update(text)

    def _on_turn(self, turn: Turn) -> None:
        parts = {"part": self.part.id}
        if self._adding:
            parts["adds"] = "yes"
        self.entries.append(
            Entry(
                who=turn.who,
                prompt=self.part.title,
                text=turn.text,
                passed=turn.passed,
                parts=parts,
            )
        )
        self.had_turn.add(turn.who)
        self._adding = False
        if self.part.heard_check and not turn.passed:
            self._check(turn.who)
            return
        self._ask()

    def _check(self, speaker: PartnerKey) -> None:
        """The listener says back what they heard; the speaker says yes, or adds."""
        self.checking = speaker
        couple = self.closer.couple
        words = self.closer.library.calm.hard_moment
        line = words.heard_prompt.format(
            listener=couple.partner(couple.other(speaker)).name,
            speaker=couple.partner(speaker).name,
        )
        heard = self.query_one("#hm-heard", Static)
        heard.update(line)
        heard.display = True
        self.turns.display = False
        self.query_one("#hm-next").display = False
        self.can_focus = True
        self.focus()
        self.refresh_bindings()

    def action_heard(self, yes: bool) -> None:
        speaker = self.checking
        if speaker is None:
            return
        last = next(e for e in reversed(self.entries) if e.who == speaker and not e.passed)
        last.parts["heard"] = "yes" if yes else "added"
        self.checking = None
        self.query_one("#hm-heard").display = False
        self.query_one("#hm-next").display = True
        self.turns.display = True
        self.can_focus = False
        if not yes:
            self._adding = True
            self.turns.speaker = speaker  # the same speaker again, to add what was missing
        self._ask()
        self.committed()
        self.refresh_bindings()

    @on(TextArea.Changed)
    def _listen_for_words(self, event: TextArea.Changed) -> None:
        """A listed blaming word (or a "but", when owning) gets a gentler way to say it."""
        kind = self.part.watch
        if kind is None or event.text_area.id != "te-text":
            return
        found = notice(event.text_area.text, self.closer.library.calm.gentle.watch, kind)
        self.turns.warn(f"“{found.said}”: {found.gentler}" if found else "")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "heard":
            return self.checking is not None
        return True

    def advance(self) -> bool:
        """The session's "next": a turn still being written is said first; both have a turn."""
        if self.checking is not None:
            self.notify("First the check: y if that's it, a to add something.", timeout=4)
            return True
        turns = self.turns
        if turns.has_draft():
            turn = turns.take()
            if turn is not None:
                self._on_turn(turn)
                self.committed()
            return True
        missing = [key for key in PARTNER_KEYS if key not in self.had_turn]
        if missing:
            who = self.closer.couple.partner(missing[0])
            turns.warn(f"{who.name} hasn't had a turn yet: share, or pass (ctrl+o).")
            return True
        return False

    # -- keeping it --------------------------------------------------------------------

    def pending(self) -> tuple[Outcome, datetime] | None:
        if self._started_at is None:
            return None
        entries = list(self.entries)
        boxes = self.query(TurnEntry)
        if boxes and boxes.first().has_draft():
            draft = boxes.first().draft()
            entries.append(
                Entry(
                    who=draft.who,
                    prompt=self.part.title,
                    text=draft.text,
                    parts={"part": self.part.id},
                )
            )
        if not entries:
            return None
        outcome = self.untimed_outcome(self.part.title, self._started_at, entries=entries)
        return outcome, self._started_at

    def pick_up(self, kept: Outcome) -> bool:
        """After an interruption: what was said in this part, and whose turn it is."""
        if any(entry.parts.get("part") != self.part.id for entry in kept.entries):
            return False
        self.entries = [entry.model_copy(deep=True) for entry in kept.entries]
        self.had_turn = {e.who for e in self.entries if e.who in PARTNER_KEYS}
        self.turns.carry_on_after([entry.who for entry in self.entries])
        self._ask()
        return True

    def forget(self) -> None:
        self.entries = []
        self.had_turn = set()
        for turns in self.query(TurnEntry):
            turns.clear_draft()

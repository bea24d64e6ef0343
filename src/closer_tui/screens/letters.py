"""Sealed letters: write one privately, seal it until its day, open it together.

Writing uses the private round's curtain (the other partner looks away, the
text is masked), but nothing is revealed: each letter is sealed at once,
in its own file. On or after its day it opens only when both partners press
their key (``f`` and ``j``, no ``space``), so one partner never reads it
alone. The list never shows a sealed letter's words.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from closer_tui.core.letters import may_open, when_words
from closer_tui.core.models import PartnerKey, SealedLetter
from closer_tui.core.store import StoreError
from closer_tui.mends.text_box import LineBox
from closer_tui.screens.base import CloserScreen
from closer_tui.screens.history_detail import when_words as moment_words
from closer_tui.screens.save_failed import plain_words
from closer_tui.widgets.both_ready import EachOwnKey
from closer_tui.widgets.footer import CalmFooter
from closer_tui.widgets.option_list import CalmOptionList, PageList, Row
from closer_tui.widgets.partner import named
from closer_tui.widgets.private_round import Ask, PrivateRound

HELP = """\
**Letters.** Each of you can write a letter privately and seal it until a
day you choose: a date, one of your days to remember, or simply the next
time you are both here. **w** writes one. A sealed letter's words are shown
to no one; on or after its day, **enter** opens it, and only once you both
press your key (**f** and **j**) together.
"""

LETTER_LIMIT = 2000
NO_LETTERS = "No letters yet. Press w to write one: it stays sealed until the day you choose."


class LettersScreen(CloserScreen[None]):
    """Every letter: who sealed it and when it may open; opened ones can be read again."""

    BINDINGS: ClassVar = [
        Binding("escape", "back", "Back"),
        Binding("w", "write", "Write a letter"),
    ]

    TITLE = "Letters"
    SUB_TITLE = "Sealed until their day"
    help_text = HELP

    def compose(self) -> ComposeResult:
        yield Header()
        yield PageList(id="letters")
        yield CalmFooter()

    def on_mount(self) -> None:
        self.fill()

    def on_screen_resume(self) -> None:
        self.fill()

    def today(self) -> date:
        return self.closer.now().astimezone().date()

    @property
    def listing(self) -> PageList[SealedLetter]:
        return self.query_one("#letters", PageList)

    def fill(self) -> None:
        self.listing.fill(self._rows(self.closer.letters()), empty=NO_LETTERS)

    def _rows(self, letters: list[SealedLetter]) -> Iterator[Row[SealedLetter]]:
        """The newest first."""
        couple = self.closer.couple
        for letter in reversed(letters):
            line = Text("From ")
            line.append_text(named(couple.partner(letter.who)))
            line.append(f", sealed {moment_words(letter.sealed_at)}", style="dim")
            line.append("\n  ")
            if letter.opened_at is not None:
                line.append(f"Opened together {moment_words(letter.opened_at)} · enter reads it")
            elif may_open(letter, self.today(), couple.anniversaries, None):
                line.append("✉ Ready to open together · enter", style="bold")
            else:
                line.append(f"Sealed · opens {when_words(letter, couple.anniversaries, None)}")
            yield letter, line

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        letter = self.listing.thing(event.option)
        if letter is None:
            return
        couple = self.closer.couple
        if letter.opened_at is None and not may_open(
            letter, self.today(), couple.anniversaries, None
        ):
            self.notify(
                f"This one stays sealed until {when_words(letter, couple.anniversaries, None)}.",
                timeout=5,
            )
            return
        self.app.push_screen(OpenLetterScreen(letter))

    def action_write(self) -> None:
        self.app.push_screen(WriteLetterScreen())

    def action_back(self) -> None:
        self.dismiss(None)


# -- writing ------------------------------------------------------------------------


class SealingRound(PrivateRound):
    """The private round's curtain and masked writing, for letters: sealed, never revealed."""

    LOCKED_AWAY = "'s letter is written and hidden. ✓"

    class Sealed(Message):
        """Both have written (or passed); nothing was shown."""

        def __init__(self, letters: dict[PartnerKey, str]) -> None:
            super().__init__()
            self.letters = letters

    def _show_both_look(self) -> None:
        # Where a round would reveal both answers, a letter is sealed unseen.
        letters: dict[PartnerKey, str] = {}
        for key, answers in self.answers.items():
            text = answers.get("letter")
            if isinstance(text, str) and text.strip():
                letters[key] = text.strip()
        self.query_one("#pr-both", Static).update(Text("Sealing…", style="bold"))
        self._switch("both-look", "pr-both")
        self.post_message(self.Sealed(letters))

    def _reveal(self) -> None:  # pragma: no cover - a sealed letter is never revealed here
        return


class WriteLetterScreen(CloserScreen[None]):
    """First when it may open, then each partner writes privately; then sealed."""

    BINDINGS: ClassVar = [
        Binding("escape", "back", "Back"),
        Binding("ctrl+s", "seal", "Try again", show=False),
    ]

    DEFAULT_CSS = """
    WriteLetterScreen VerticalScroll { padding: 1 2; }
    WriteLetterScreen OptionList { height: auto; max-height: 10; margin: 1 0; }
    WriteLetterScreen .aside { color: $text-muted; }
    WriteLetterScreen #date { display: none; }
    """

    TITLE = "Letters"
    SUB_TITLE = "Write a letter"
    help_text = (
        "**Writing a letter.** Choose when it may be opened, then each of you writes, while"
        " the other looks away (leave it empty to write none this time). It is sealed at"
        " once; no one sees its words until you open it together."
    )

    def __init__(self) -> None:
        super().__init__()
        self.opens: dict[str, object] | None = None
        self.unsaved: list[SealedLetter] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="when"):
            yield Static("When may it be opened?", classes="question")
            options = [Option("The next time we are both here (from tomorrow)", id="together")]
            options.append(Option("On a date", id="date"))
            for index, anniversary in enumerate(self.closer.couple.anniversaries):
                options.append(Option(f"On {anniversary.label}", id=f"a{index}"))
            yield CalmOptionList(*options, id="choices")
            yield LineBox(placeholder="YYYY-MM-DD", id="date")
            yield Static("", id="said", classes="aside")
        yield CalmFooter()

    def on_mount(self) -> None:
        self.query_one("#choices").focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id != "choices" or event.option.id is None:
            return
        choice = event.option.id
        if choice == "date":
            box = self.query_one("#date", Input)
            box.display = True
            box.focus()
            self.query_one("#said", Static).update("Type the day, then press enter.")
            return
        if choice == "together":
            self.begin({"opens": "together"})
        else:
            anniversary = self.closer.couple.anniversaries[int(choice[1:])]
            self.begin({"opens": "anniversary", "anniversary": anniversary.label})

    @on(Input.Submitted, "#date")
    def _date_given(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            day = date.fromisoformat(event.value.strip())
        except ValueError:
            self.query_one("#said", Static).update("That is not a date like 2027-06-14.")
            return
        if day <= self.closer.now().astimezone().date():
            self.query_one("#said", Static).update("Choose a day after today.")
            return
        self.begin({"opens": "date", "opens_on": day})

    def begin(self, opens: dict[str, object]) -> None:
        self.opens = opens
        self.query_one("#when").remove()
        ask = Ask(
            "letter",
            f"Your letter, sealed until it may open (up to {LETTER_LIMIT:,} characters)",
        )
        round_ = SealingRound(self.closer.couple, [ask], clock=self.closer.clock, id="writing")
        self.mount(round_, before=self.query_one(CalmFooter))
        round_.focus()

    def on_sealing_round_sealed(self, event: SealingRound.Sealed) -> None:
        assert self.opens is not None
        now = self.closer.now()
        self.unsaved = [
            SealedLetter.model_validate({"who": who, "text": text, "sealed_at": now, **self.opens})
            for who, text in event.letters.items()
        ]
        if not self.unsaved:
            self.notify("No letter was written this time; nothing was sealed.", timeout=5)
            self.dismiss(None)
            return
        self.seal()

    def seal(self) -> None:
        try:
            while self.unsaved:
                self.closer.seal_letter(self.unsaved[0])
                self.unsaved.pop(0)
        except (StoreError, OSError) as error:
            self.notify(
                f"{plain_words(error)} The letter is still here: press ctrl+s to try again.",
                severity="error",
                timeout=20,
            )
            return
        self.notify("Sealed. It waits, unread, until its day.", timeout=6)
        self.dismiss(None)

    def action_seal(self) -> None:
        if self.unsaved:
            self.seal()

    def action_back(self) -> None:
        if self.unsaved:
            self.notify("The letter is not sealed yet: press ctrl+s to try again.", timeout=8)
            return
        self.dismiss(None)


# -- opening ------------------------------------------------------------------------


class OpenTogether(EachOwnKey):
    """Both keys, no ``space``: a sealed letter is never opened by one partner alone."""

    IS_IN = " is here"
    HINT = "each of you presses your own key; it opens once you both have"


class OpenLetterScreen(CloserScreen[None]):
    """The both-key gate, then the letter; an opened letter can be read again at once."""

    BINDINGS: ClassVar = [Binding("escape", "back", "Back")]

    DEFAULT_CSS = """
    OpenLetterScreen VerticalScroll { padding: 1 2; }
    OpenLetterScreen #letter { border: round $primary; padding: 1 2; height: auto; }
    OpenLetterScreen .aside { color: $text-muted; margin: 1 0; }
    """

    TITLE = "Letters"
    SUB_TITLE = "A sealed letter"
    help_text = (
        "**Opening a letter.** Sit together: each of you presses your key (f and j). It opens"
        " only once you both have."
    )

    def __init__(self, letter: SealedLetter) -> None:
        super().__init__()
        self.letter = letter

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(can_focus=False):
            with Vertical(id="gate-box"):
                if self.letter.opened_at is None:
                    yield OpenTogether(self.closer.couple, prompt="Open it together")
            yield Static("", id="about", classes="aside")
            yield Static("", id="letter")
        yield CalmFooter()

    def on_mount(self) -> None:
        writer = self.closer.couple.partner(self.letter.who)
        about = Text("A letter from ")
        about.append_text(named(writer))
        about.append(f", sealed {moment_words(self.letter.sealed_at)}.")
        self.query_one("#about", Static).update(about)
        if self.letter.opened_at is None:
            self.query_one("#letter").display = False
            self.query_one(OpenTogether).focus()
        else:
            self.show_letter()

    def on_each_own_key_through(self, event: EachOwnKey.Through) -> None:
        try:
            self.letter = self.closer.open_letter(self.letter)
        except (StoreError, OSError) as error:
            self.notify(
                f"{plain_words(error)} It is open on screen, but will show as sealed next time.",
                severity="warning",
                timeout=15,
            )
        self.query_one(OpenTogether).remove()
        self.show_letter()

    def show_letter(self) -> None:
        box = self.query_one("#letter", Static)
        box.update(Text(self.letter.text))
        box.display = True

    def action_back(self) -> None:
        self.dismiss(None)

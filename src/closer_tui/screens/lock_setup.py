"""Turning the lock on: what it does and does not do, a passphrase each, the recovery code.

Asked at first run and from Settings; off unless the couple chooses it. Each
partner types their own passphrase twice, masked, while the other looks away;
the lock then seals every file (off the main thread) and shows the recovery
code once. Nothing is locked until both passphrases are in, and escape at any
step before that leaves everything as it was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Button, ContentSwitcher, Header, Input, Markdown, Static

from closer_tui.core.lock import PASSPHRASE_MIN
from closer_tui.mends.text_box import LineBox
from closer_tui.screens.base import CloserScreen
from closer_tui.widgets.footer import CalmFooter

if TYPE_CHECKING:
    from closer_tui.core.models import Couple, PartnerKey

OFFER = """\
## Lock closer with a passphrase?

Today anyone who can open this account can read what you write in closer. With
the lock on, everything is kept encrypted on the disk, and each of you has your
own passphrase: either one opens closer. It protects you from other people using
this laptop or account, from a lost laptop, and from a backup or sync service
that holds the folder. It does not hide the screen from someone watching while
closer is open, and nothing can guard against a keylogger or other harmful
software on the laptop itself.

**Without one of your two passphrases or the recovery code, nobody can read
your data: not you, not anyone you could ask.** There is no way round it.
"""

CODE = """\
## Your recovery code

If you both ever forget your passphrases, this code opens closer. Write it down
now, on paper, and keep it somewhere safe away from the laptop. It is shown only
this once.
"""

HELP = """\
**Locking closer.** Each of you chooses your own passphrase and types it twice
(the other looks away); then closer locks every file and shows a recovery code,
once. **escape** goes back without locking anything.
"""


class PassphrasePair(Vertical):
    """A passphrase typed twice, masked; says what is wrong, kindly, before it answers."""

    DEFAULT_CSS = """
    PassphrasePair { height: auto; }
    PassphrasePair Input { margin: 0 0 1 0; }
    PassphrasePair .pair-problem { color: $warning; height: auto; }
    """

    class Chosen(Message):
        def __init__(self, pair: PassphrasePair, secret: str) -> None:
            super().__init__()
            self.pair = pair
            self.secret = secret

    def __init__(self, heading: str, *, id: str) -> None:
        super().__init__(id=id)
        self.heading = heading

    def compose(self) -> ComposeResult:
        yield Static(self.heading, classes="pair-heading")
        yield LineBox(password=True, placeholder="passphrase", classes="pair-once")
        yield LineBox(password=True, placeholder="the same again", classes="pair-again")
        yield Static("", classes="pair-problem")

    def start(self) -> None:
        for field in self.query(Input):
            field.value = ""
        self.query_one(".pair-problem", Static).update("")
        self.query_one(".pair-once", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        once = self.query_one(".pair-once", Input)
        again = self.query_one(".pair-again", Input)
        problem = self.query_one(".pair-problem", Static)
        if len(once.value) < PASSPHRASE_MIN:
            problem.update(
                f"At least {PASSPHRASE_MIN} characters, please: a few words you will "
                "remember are best."
            )
            once.focus()
            return
        if event.input is once:
            again.focus()  # enter after the first: on to the second
            return
        if again.value != once.value:
            problem.update("The two were not the same. Type it once more, twice.")
            again.value = ""
            once.value = ""
            once.focus()
            return
        problem.update("")
        self.post_message(self.Chosen(self, once.value))


def pair_heading(couple: Couple, who: PartnerKey, *, what: str = "choose your passphrase") -> str:
    """Whose turn it is, by name, and a word to the other to look away."""
    partner, other = couple.partner(who), couple.partner(couple.other(who))
    return f"{partner.name}, {what}. {other.name}, please look away for a moment."


class LockSetupScreen(CloserScreen[bool]):
    """Dismisses True once the lock is on (the code was shown), False if they chose not to."""

    BINDINGS = [Binding("escape", "back", "Not now")]

    DEFAULT_CSS = """
    LockSetupScreen VerticalScroll { padding: 0 2; }
    LockSetupScreen .buttons { height: auto; margin: 1 0; }
    LockSetupScreen .buttons Button { margin: 0 1 0 0; }
    LockSetupScreen #recovery-code {
        text-style: bold; margin: 1 0; padding: 1 2; width: auto; border: round $primary;
    }
    LockSetupScreen #working { margin: 2 0; }
    """

    SUB_TITLE = "The lock"
    help_text = HELP

    def __init__(self) -> None:
        super().__init__()
        self._secrets: dict[PartnerKey, str] = {}
        self._locked = False

    def compose(self) -> ComposeResult:
        couple = self.closer.couple
        yield Header()
        with ContentSwitcher(initial="offer"):
            with VerticalScroll(id="offer"):
                yield Markdown(OFFER)
                with Horizontal(classes="buttons"):
                    yield Button("Lock closer", id="lock-yes", variant="primary")
                    yield Button("Not now", id="lock-no")
            with VerticalScroll(id="first"):
                yield PassphrasePair(pair_heading(couple, "first"), id="pair-first")
            with VerticalScroll(id="second"):
                yield PassphrasePair(pair_heading(couple, "second"), id="pair-second")
            with VerticalScroll(id="working"):
                yield Static("Locking your data… every file is being sealed.", id="working-words")
            with VerticalScroll(id="code"):
                yield Markdown(CODE)
                yield Static("", id="recovery-code")
                with Horizontal(classes="buttons"):
                    yield Button("We wrote it down", id="code-kept", variant="primary")
        yield CalmFooter()

    def on_mount(self) -> None:
        self.query_one("#lock-yes", Button).focus()

    def _show(self, step: str) -> None:
        self.query_one(ContentSwitcher).current = step
        if step in ("first", "second"):
            self.query_one(f"#pair-{step}", PassphrasePair).start()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "lock-yes":
            self._show("first")
        elif event.button.id == "lock-no":
            self.dismiss(False)
        elif event.button.id == "code-kept":
            self.dismiss(True)

    def action_back(self) -> None:
        step = self.query_one(ContentSwitcher).current
        if step == "working":
            return  # sealing: it finishes on its own
        if step == "code":
            self.dismiss(True)  # the lock is on; the code was on screen
        elif step == "second":
            self._show("first")
        elif step == "first":
            self._show("offer")
        else:
            self.dismiss(False)

    def on_passphrase_pair_chosen(self, event: PassphrasePair.Chosen) -> None:
        event.stop()
        who: PartnerKey = "first" if event.pair.id == "pair-first" else "second"
        self._secrets[who] = event.secret
        if who == "first":
            self._show("second")
            return
        self._show("working")
        self._lock(self._secrets["first"], self._secrets["second"])
        self._secrets.clear()

    @work(thread=True, exclusive=True, group="lock")
    def _lock(self, first: str, second: str) -> None:
        from closer_tui.core.store import StoreError

        try:
            code = self.closer.turn_lock_on(first, second)
        except StoreError as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        self.app.call_from_thread(self._show_code, code)

    def _failed(self, why: str) -> None:
        self.notify(why, severity="error", timeout=20)
        self.closer.refresh_bindings()
        self.dismiss(self.closer.lock_is_on)

    def _show_code(self, code: str) -> None:
        self._locked = True
        self.closer.refresh_bindings()  # the lock key shows in the footer now
        self.query_one("#recovery-code", Static).update(code)
        self._show("code")
        self.query_one("#code-kept", Button).focus()

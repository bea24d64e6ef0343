"""The lock, in Settings: turn it on, change or remove a passphrase, a new code, turn it off.

Changing a passphrase asks for the current one (or the recovery code) first.
Removing one and turning the lock off each need both partners, each with their
own key (:class:`~closer_tui.screens.both_agree.BothAgreeScreen`): one partner
alone never unlocks the couple's shared history. Anything that derives a key
or rewrites files runs off the main thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import (
    Button,
    ContentSwitcher,
    Header,
    Input,
    Label,
    Markdown,
    Select,
    Static,
)

from closer_tui.mends.text_box import LineBox
from closer_tui.screens.base import CloserScreen
from closer_tui.screens.both_agree import BothAgreeScreen
from closer_tui.screens.dialog import WideDialog
from closer_tui.screens.lock_setup import CODE, LockSetupScreen, PassphrasePair, pair_heading
from closer_tui.widgets.footer import CalmFooter

if TYPE_CHECKING:
    from closer_tui.core.models import PartnerKey

OFF = """\
**The lock is off.** What you write is kept as plain files, readable by anyone
who can open this account or the folder.
"""
ON = """\
**The lock is on.** Everything is kept encrypted on the disk. Either of your
passphrases opens closer, and so does the recovery code.
"""
MINUTES = (1, 5, 10, 30, 60)

HELP = """\
**The lock.** Lock closer with a passphrase for each of you, choose how soon it
locks again when left alone, change or remove a passphrase, get a new recovery
code, or turn the lock off. Removing a passphrase and turning the lock off need
both of you. **ctrl+f** locks closer at once.
"""


class LockSettingsScreen(CloserScreen[None]):
    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

    DEFAULT_CSS = """
    LockSettingsScreen VerticalScroll { padding: 1 2; }
    LockSettingsScreen .buttons { height: auto; margin: 1 0 0 0; }
    LockSettingsScreen .buttons Button { margin: 0 1 0 0; }
    LockSettingsScreen #idle-row { height: auto; margin: 1 0 0 0; }
    LockSettingsScreen #idle-row Label { padding: 1 1 0 0; }
    LockSettingsScreen #idle-row Select { width: 22; }
    """

    SUB_TITLE = "The lock"
    help_text = HELP

    def compose(self) -> ComposeResult:
        couple = self.closer.couple
        on = self.closer.lock_is_on
        slots = self.closer.lock_slots()
        yield Header()
        with VerticalScroll():
            yield Markdown(ON if on else OFF)
            if not on:
                with Horizontal(classes="buttons"):
                    yield Button("Lock closer…", id="turn-on", variant="primary")
            else:
                minutes = couple.preferences.lock_after_minutes
                choices = sorted({*MINUTES, minutes})
                with Horizontal(id="idle-row"):
                    yield Label("Lock again after")
                    yield Select(
                        [(f"{m} minute{'' if m == 1 else 's'}", m) for m in choices],
                        value=minutes,
                        allow_blank=False,
                        id="idle-minutes",
                    )
                for who in ("first", "second"):
                    name = couple.partner(who).name
                    with Horizontal(classes="buttons"):
                        if who in slots:
                            yield Button(f"Change {name}'s passphrase", id=f"change-{who}")
                            yield Button(f"Remove {name}'s passphrase", id=f"remove-{who}")
                        else:
                            yield Button(f"Give {name} a passphrase", id=f"change-{who}")
                with Horizontal(classes="buttons"):
                    yield Button("New recovery code", id="new-code")
                    yield Button("Turn the lock off", id="turn-off", variant="error")
        yield CalmFooter()

    async def _again(self) -> None:
        await self.recompose()
        self.closer.refresh_bindings()

    def on_select_changed(self, event: Select.Changed) -> None:
        couple = self.closer.couple
        if event.value == couple.preferences.lock_after_minutes or not isinstance(event.value, int):
            return
        prefs = couple.preferences.model_copy(update={"lock_after_minutes": event.value})
        if self.closer.save_couple(couple.model_copy(update={"preferences": prefs})):
            self.notify(f"closer locks itself after {event.value} quiet minutes.")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        pressed = event.button.id or ""
        couple = self.closer.couple
        if pressed == "turn-on":
            self.app.push_screen(LockSetupScreen(), self._back_here)
        elif pressed.startswith("change-"):
            who: PartnerKey = "first" if pressed.endswith("first") else "second"
            self.app.push_screen(ChangePassphraseScreen(who), self._back_here)
        elif pressed.startswith("remove-"):
            who = "first" if pressed.endswith("first") else "second"
            name = couple.partner(who).name
            question = (
                f"Remove {name}'s passphrase? Then only "
                f"{couple.partner(couple.other(who)).name}'s passphrase and the recovery "
                "code open closer."
            )
            chosen = who

            def agreed(yes: bool | None) -> None:
                if yes:
                    self._remove(chosen)

            self.app.push_screen(BothAgreeScreen(question, couple, prompt="To remove it"), agreed)
        elif pressed == "turn-off":
            question = (
                "Turn the lock off? Every file becomes plain again, readable by anyone "
                "who can open this account or the folder."
            )
            self.app.push_screen(
                BothAgreeScreen(question, couple, prompt="To turn the lock off"),
                self._turn_off_if_agreed,
            )
        elif pressed == "new-code":
            self._new_code()

    def _back_here(self, _changed: bool | None) -> None:
        self.call_later(self._again)

    def _turn_off_if_agreed(self, yes: bool | None) -> None:
        if yes:
            self._turn_off()

    @work(thread=True, exclusive=True, group="lock-settings")
    def _remove(self, who: PartnerKey) -> None:
        from closer_tui.core.store import StoreError

        try:
            self.closer.remove_passphrase(who)
        except StoreError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error", timeout=15)
            return
        name = self.closer.couple.partner(who).name
        self.app.call_from_thread(self.notify, f"{name}'s passphrase no longer opens closer.")
        self.app.call_from_thread(self.call_later, self._again)

    @work(thread=True, exclusive=True, group="lock-settings")
    def _turn_off(self) -> None:
        from closer_tui.core.store import StoreError

        try:
            self.closer.turn_lock_off()
        except StoreError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error", timeout=20)
            return
        self.app.call_from_thread(self.notify, "The lock is off: your files are plain again.")
        self.app.call_from_thread(self.call_later, self._again)

    @work(thread=True, exclusive=True, group="lock-settings")
    def _new_code(self) -> None:
        from closer_tui.core.store import StoreError

        try:
            code = self.closer.new_recovery_code()
        except StoreError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error", timeout=15)
            return
        self.app.call_from_thread(self.app.push_screen, RecoveryCodeScreen(code))


class RecoveryCodeScreen(WideDialog[None]):
    """A new recovery code, shown once; the old one opens nothing any more."""

    BINDINGS: ClassVar = [Binding("escape", "dismiss", "Done")]

    DEFAULT_CSS = """
    RecoveryCodeScreen #recovery-code { text-style: bold; margin: 1 0; }
    """

    def __init__(self, code: str) -> None:
        super().__init__()
        self.code = code

    def contents(self) -> ComposeResult:
        yield Markdown(CODE + "\nThe old code no longer opens anything.")
        yield Static(self.code, id="recovery-code")
        yield Button("We wrote it down", id="code-kept", variant="primary")

    def on_mount(self) -> None:
        self.query_one(Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss()


class ChangePassphraseScreen(CloserScreen[bool]):
    """A partner's new passphrase, once a secret that opens closer now was typed."""

    BINDINGS = [Binding("escape", "dismiss(False)", "Cancel")]

    DEFAULT_CSS = """
    ChangePassphraseScreen VerticalScroll { padding: 1 2; }
    ChangePassphraseScreen #current-problem { color: $warning; height: auto; }
    """

    SUB_TITLE = "A new passphrase"
    help_text = (
        "**A new passphrase.** First the current passphrase (or the recovery code), "
        "then the new one twice. **escape** changes nothing."
    )

    def __init__(self, who: PartnerKey) -> None:
        super().__init__()
        self.who = who

    def compose(self) -> ComposeResult:
        couple = self.closer.couple
        has_one = self.who in self.closer.lock_slots()
        asked = "your current passphrase" if has_one else "a passphrase that opens closer"
        yield Header()
        with ContentSwitcher(initial="current"):
            with VerticalScroll(id="current"):
                yield Static(pair_heading(couple, self.who, what=f"type {asked}"))
                yield Static("(or the recovery code)")
                yield LineBox(password=True, placeholder="current passphrase", id="current-secret")
                yield Static("", id="current-problem")
            with VerticalScroll(id="new"):
                yield PassphrasePair(
                    pair_heading(couple, self.who, what="choose your new passphrase"), id="pair-new"
                )
        yield CalmFooter()

    def on_mount(self) -> None:
        self.query_one("#current-secret", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "current-secret" or not event.value:
            return
        event.stop()
        self._check(event.value)

    @work(thread=True, exclusive=True, group="change")
    def _check(self, secret: str) -> None:
        opened = self.closer.try_unlock(secret)
        slots = self.closer.lock_slots()
        fits = opened is not None and (opened in (self.who, "recovery") or self.who not in slots)
        self.app.call_from_thread(self._checked, fits)

    def _checked(self, fits: bool) -> None:
        field = self.query_one("#current-secret", Input)
        field.value = ""
        if not fits:
            self.query_one("#current-problem", Static).update(
                "That is not the current passphrase. Take your time and try again."
            )
            return
        self.query_one(ContentSwitcher).current = "new"
        self.query_one(PassphrasePair).start()

    def on_passphrase_pair_chosen(self, event: PassphrasePair.Chosen) -> None:
        event.stop()
        self._save(event.secret)

    @work(thread=True, exclusive=True, group="change")
    def _save(self, secret: str) -> None:
        from closer_tui.core.store import StoreError

        try:
            self.closer.set_passphrase(self.who, secret)
        except StoreError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error", timeout=15)
            return
        name = self.closer.couple.partner(self.who).name
        self.app.call_from_thread(self.notify, f"{name}'s new passphrase opens closer now.")
        self.app.call_from_thread(self.dismiss, True)

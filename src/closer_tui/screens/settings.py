"""Settings: names, colours, the end-of-timer cues, and light or dark."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Header, Label, Switch

from closer_tui.core.models import Anniversary
from closer_tui.core.on_this_day import days_words, parse_days
from closer_tui.core.shelf import close_intimacy, intimacy_is_open
from closer_tui.mends.text_box import LineBox
from closer_tui.screens.base import CloserScreen
from closer_tui.widgets.couple_form import CoupleForm
from closer_tui.widgets.footer import CalmFooter

if TYPE_CHECKING:
    from closer_tui.core.models import Couple

HELP = """\
**Settings.** Change your names and colours, whether a timer's end rings the
terminal bell or flashes softly, the light or dark look, and reduced motion
(the break's breathing guide counts instead of moving). **ctrl+s** saves,
and so does going back with **escape**: a change is never lost on the way out.
**Cancel** leaves everything as it was. **The lock…** locks closer with a
passphrase for each of you, or changes how it is locked.
"""


def on_or_off(value: bool) -> str:
    """A switch's state in a word: its slider says it only in colour."""
    return "On" if value else "Off"


def lock_words(on: bool) -> str:
    """The lock's state beside its button."""
    if on:
        return "On: either of your passphrases opens closer"
    return "Off: lock closer with a passphrase for each of you"


class SettingsScreen(CloserScreen[None]):
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("ctrl+s", "save", "Save"),
    ]

    DEFAULT_CSS = """
    SettingsScreen VerticalScroll { padding: 1 2; }
    SettingsScreen .switch-row { height: auto; }
    SettingsScreen .switch-row Label { padding: 1 1; }
    SettingsScreen .switch-row .switch-state { width: 5; padding: 1 0 1 1; text-style: bold; }
    SettingsScreen .switch-row .switch-label { width: 1fr; }
    SettingsScreen #settings-buttons { height: auto; margin: 1 0; }
    SettingsScreen #days { margin: 0 0; }
    SettingsScreen .hint { color: $text-muted; }
    SettingsScreen #settings-buttons Button { margin: 0 1 0 0; }
    """

    SUB_TITLE = "Settings"
    help_text = HELP

    def compose(self) -> ComposeResult:
        couple = self.closer.couple
        prefs = couple.preferences
        yield Header()
        with VerticalScroll():
            yield CoupleForm(couple)
            for switch_id, value, label in (
                ("bell", prefs.bell, "Ring the terminal bell when a timer ends"),
                ("pulse", prefs.pulse, "Flash the timer softly when it ends"),
                ("light", prefs.theme == "textual-light", "Light theme"),
                (
                    "on_this_day",
                    prefs.on_this_day,
                    "On this day: one line on home from your own past",
                ),
                ("still", prefs.reduced_motion, "Reduced motion: a plain count, nothing moving"),
            ):
                with Horizontal(classes="switch-row"):
                    yield Switch(value=value, id=switch_id)
                    yield Label(on_or_off(value), id=f"{switch_id}-state", classes="switch-state")
                    yield Label(label, classes="switch-label")
            if intimacy_is_open(self.closer):
                # Either partner can close the opt-in deck, here or in the deck chooser.
                yield Button("Close the deck on desire and closeness", id="close-opt-in")
            yield Label("Days to remember each year (shown on home on the day):")
            yield LineBox(days_words(couple.anniversaries), id="days")
            yield Label(
                "Like: the day we met 2019-06-14; moving in 03-01 (year optional)",
                classes="hint",
            )
            # The lock: its own screen, as it asks for passphrases and both of you.
            with Horizontal(classes="switch-row", id="lock-row"):
                yield Button("The lock…", id="lock")
                yield Label(
                    lock_words(self.closer.lock_is_on), id="lock-state", classes="switch-label"
                )
            with Horizontal(id="settings-buttons"):
                yield Button("Save", id="save", variant="primary")
                yield Button("Cancel", id="cancel")
        yield CalmFooter()

    def on_switch_changed(self, event: Switch.Changed) -> None:
        self.query_one(f"#{event.switch.id}-state", Label).update(on_or_off(event.value))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "lock":
            from closer_tui.screens.lock_settings import LockSettingsScreen

            self.app.push_screen(LockSettingsScreen(), self._lock_changed)
            return
        if event.button.id == "save":
            self.action_save()
        elif event.button.id == "close-opt-in":
            close_intimacy(self.closer)
            event.button.remove()
            self.notify("The opt-in deck is closed. Either of you can ask again another day.")
        else:
            self.app.pop_screen()

    def _lock_changed(self, _: None) -> None:
        """Only the lock's line changes: names typed meanwhile stay as they are."""
        self.query_one("#lock-state", Label).update(lock_words(self.closer.lock_is_on))

    def action_back(self) -> None:
        """Escape keeps what was changed (or stays to say what to fix), never drops it."""
        chosen = self.chosen()
        if chosen == self.closer.couple:
            self.app.pop_screen()
        elif chosen is not None:
            self.keep(chosen)

    def action_save(self) -> None:
        chosen = self.chosen()
        if chosen is not None:
            self.keep(chosen)

    def keep(self, couple: Couple) -> None:
        if self.closer.save_couple(couple):
            self.notify("Saved.")
            self.app.pop_screen()

    def chosen(self) -> Couple | None:
        """The couple as the form has it now, or None (with the reason shown) if it can't be."""
        partners = self.query_one(CoupleForm).partners()
        if partners is None:
            return None
        first, second = partners
        try:
            days = parse_days(self.query_one("#days", LineBox).value)
        except ValueError as error:
            self.notify(str(error), severity="warning", timeout=10)
            self.query_one("#days").focus()
            return None
        couple = self.closer.couple
        prefs = couple.preferences.model_copy(
            update={
                "bell": self.query_one("#bell", Switch).value,
                "pulse": self.query_one("#pulse", Switch).value,
                "reduced_motion": self.query_one("#still", Switch).value,
                "theme": "textual-light"
                if self.query_one("#light", Switch).value
                else "textual-dark",
                "on_this_day": self.query_one("#on_this_day", Switch).value,
            }
        )
        anniversaries = [Anniversary(**vars(day)) for day in days]
        if [a.model_dump() for a in anniversaries] == [
            a.model_dump() for a in couple.anniversaries
        ]:
            anniversaries = couple.anniversaries  # unchanged: escape leaves without saving
        return couple.model_copy(
            update={
                "first": first,
                "second": second,
                "preferences": prefs,
                "anniversaries": anniversaries,
            }
        )

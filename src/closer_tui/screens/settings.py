"""Settings: names, colours, the end-of-timer cues, and light or dark."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Header, Label, Switch

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
**Cancel** leaves everything as it was.
"""


def on_or_off(value: bool) -> str:
    """A switch's state in a word: its slider says it only in colour."""
    return "On" if value else "Off"


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
    SettingsScreen #settings-buttons Button { margin: 0 1 0 0; }
    """

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
                ("still", prefs.reduced_motion, "Reduced motion: a plain count, nothing moving"),
            ):
                with Horizontal(classes="switch-row"):
                    yield Switch(value=value, id=switch_id)
                    yield Label(on_or_off(value), id=f"{switch_id}-state", classes="switch-state")
                    yield Label(label, classes="switch-label")
            with Horizontal(id="settings-buttons"):
                yield Button("Save", id="save", variant="primary")
                yield Button("Cancel", id="cancel")
        yield CalmFooter()

    def on_mount(self) -> None:
        self.sub_title = "Settings"

    def on_switch_changed(self, event: Switch.Changed) -> None:
        self.query_one(f"#{event.switch.id}-state", Label).update(on_or_off(event.value))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.app.pop_screen()

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
        couple = self.closer.couple
        prefs = couple.preferences.model_copy(
            update={
                "bell": self.query_one("#bell", Switch).value,
                "pulse": self.query_one("#pulse", Switch).value,
                "reduced_motion": self.query_one("#still", Switch).value,
                "theme": "textual-light"
                if self.query_one("#light", Switch).value
                else "textual-dark",
            }
        )
        return couple.model_copy(update={"first": first, "second": second, "preferences": prefs})

"""First run: what closer is (and is not), then the two partners' names and colours."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Horizontal, VerticalScroll
from textual.widgets import Button, ContentSwitcher, Input, Label, Markdown, Static, Switch

from closer_tui.core.models import Couple
from closer_tui.screens.base import CloserScreen
from closer_tui.widgets.couple_form import CoupleForm
from closer_tui.widgets.footer import CalmFooter

if TYPE_CHECKING:
    from closer_tui.app import CloserApp


WELCOME = """\
## Welcome to closer

Small practices for two people who want to feel closer: a long hug, a good
question, a few minutes of really listening. Do them together, side by
side, on this one keyboard.

Everything stays on this laptop. Nothing is sent anywhere.
"""


def safety_markdown(app: CloserApp) -> str:
    safety = app.library.safety
    return "\n\n".join(
        [
            "## Before you start",
            safety.not_therapy,
            f"**{safety.unsafe}**",
            "Where to find help is always on the help page: press **?** on any screen.",
        ]
    )


class SetupScreen(CloserScreen[Couple]):
    """Returns the new couple through ``dismiss``; nothing is saved before then."""

    wants_lock = False
    """Whether they asked, beside their names, to be offered the lock next."""

    BINDINGS = [Binding("ctrl+s", "save", "Save", show=False)]

    DEFAULT_CSS = """
    SetupScreen VerticalScroll { padding: 0 2; }
    SetupScreen #welcome Markdown { margin: 0; }
    SetupScreen .buttons { height: auto; margin: 1 0; }
    SetupScreen .buttons Button { margin: 0 1 0 0; }
    SetupScreen #names-intro { margin: 1 0; }
    SetupScreen #want-lock-row { height: auto; }
    SetupScreen #want-lock-row Label { padding: 1 1; width: 1fr; }
    """

    def compose(self) -> ComposeResult:
        with ContentSwitcher(initial="welcome"):
            with VerticalScroll(id="welcome"):
                yield Markdown(WELCOME)
                with Center(classes="buttons"):
                    yield Button("Continue", id="to-safety", variant="primary")
            with VerticalScroll(id="safety"):
                yield Markdown(safety_markdown(self.closer))
                # The only way on is below the note, so it is read, not skipped.
                with Center(classes="buttons"):
                    yield Button("We understand — continue", id="continue", variant="primary")
            with VerticalScroll(id="names"):
                yield Static(
                    "Who are you two? Your names and colours show whose turn it is "
                    "and who wrote what. You can change them later in settings.",
                    id="names-intro",
                )
                yield CoupleForm()
                # Off unless chosen: the lock's own screen explains it before anything locks.
                with Horizontal(id="want-lock-row"):
                    yield Switch(value=False, id="want-lock")
                    yield Label("Lock closer with a passphrase for each of you (explained next)")
                with Horizontal(classes="buttons"):
                    yield Button("Begin", id="begin", variant="primary")
                    yield Button("Back", id="back")
        yield CalmFooter()

    def on_mount(self) -> None:
        self.query_one("#to-safety").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        switcher = self.query_one(ContentSwitcher)
        if event.button.id == "to-safety":
            switcher.current = "safety"
            self.query_one("#safety", VerticalScroll).scroll_home(animate=False)
            self.query_one("#continue").focus(scroll_visible=False)
        elif event.button.id == "continue":
            switcher.current = "names"
            self.query_one("#first-name").focus()
        elif event.button.id == "back":
            switcher.current = "safety"
            self.query_one("#continue").focus(scroll_visible=False)
        elif event.button.id == "begin":
            self.action_save()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "first-name":
            self.query_one("#second-name").focus()
        else:
            self.action_save()

    def action_save(self) -> None:
        partners = self.query_one(CoupleForm).partners()
        if partners is not None:
            first, second = partners
            self.wants_lock = self.query_one("#want-lock", Switch).value
            self.dismiss(Couple(first=first, second=second))

"""First run: what closer is (and is not), then the two partners' names and colours.

The welcome is a first run's first frame, so it is built from plain Textual
widgets alone: no pydantic, no Markdown parser, no text boxes. The other two
pages are built only when a couple moves on to them (the safety note from the
content library, which loads behind the welcome; the names' form, with its
models, after it), so the couple never waits for a page they cannot see yet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, ContentSwitcher, Input, Label, Static, Switch

from closer_tui.screens.base import CloserScreen
from closer_tui.widgets.footer import CalmFooter

if TYPE_CHECKING:
    from closer_tui.app import CloserApp
    from closer_tui.core.models import Couple  # noqa: F401  (named in a string: pydantic waits)


WELCOME_TITLE = "Welcome to closer"
WELCOME = [
    "Small practices for two people who want to feel closer: a long hug, a good "
    "question, a few minutes of really listening. Do them together, side by "
    "side, on this one keyboard.",
    "Everything stays on this laptop. Nothing is sent anywhere.",
]


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


class Welcome(Vertical):
    """The welcome's words, set as closer's Markdown pages set a title and paragraphs."""

    DEFAULT_CSS = """
    Welcome { height: auto; padding: 0 1; color: $foreground; }
    Welcome .title {
        margin: 2 0 1 0;
        color: $markdown-h2-color;
        background: $markdown-h2-background;
        text-style: $markdown-h2-text-style;
    }
    Welcome .paragraph { margin: 0 0 1 0; }
    """

    def compose(self) -> ComposeResult:
        yield Static(WELCOME_TITLE, classes="title", markup=False)
        for paragraph in WELCOME:
            yield Static(paragraph, classes="paragraph", markup=False)


class SetupScreen(CloserScreen["Couple"]):
    """Returns the new couple through ``dismiss``; nothing is saved before then."""

    offers_break = False  # nothing to pause yet

    wants_lock = False
    """Whether they asked, beside their names, to be offered the lock next."""

    BINDINGS = [Binding("ctrl+s", "save", "Save", show=False)]

    DEFAULT_CSS = """
    SetupScreen VerticalScroll { padding: 0 2; }
    SetupScreen .buttons { height: auto; margin: 1 0; }
    SetupScreen .buttons Button { margin: 0 1 0 0; }
    SetupScreen #names-intro { margin: 1 0; }
    SetupScreen #want-lock-row { height: auto; }
    SetupScreen #want-lock-row Label { padding: 1 1; width: 1fr; }
    """

    def compose(self) -> ComposeResult:
        with ContentSwitcher(initial="welcome"), VerticalScroll(id="welcome"):
            yield Welcome()
            with Center(classes="buttons"):
                yield Button("Continue", id="to-safety", variant="primary")
        yield CalmFooter(at_once=True)

    def on_mount(self) -> None:
        self.query_one("#to-safety").focus()

    def _safety_page(self) -> Widget:
        from textual.widgets import Markdown

        return VerticalScroll(
            Markdown(safety_markdown(self.closer)),
            # The only way on is below the note, so it is read, not skipped.
            Center(
                Button("We understand — continue", id="continue", variant="primary"),
                classes="buttons",
            ),
            id="safety",
        )

    def _names_page(self) -> Widget:
        from closer_tui.widgets.couple_form import CoupleForm

        return VerticalScroll(
            Static(
                "Who are you two? Your names and colours show whose turn it is "
                "and who wrote what. You can change them later in settings.",
                id="names-intro",
            ),
            CoupleForm(),
            # Off unless chosen: the lock's own screen explains it before anything locks.
            Horizontal(
                Switch(value=False, id="want-lock"),
                Label("Lock closer with a passphrase for each of you (explained next)"),
                id="want-lock-row",
            ),
            Horizontal(
                Button("Begin", id="begin", variant="primary"),
                Button("Back", id="back"),
                classes="buttons",
            ),
            id="names",
        )

    async def _show(self, page: str) -> None:
        """Show one page, building it the first time it is asked for."""
        switcher = self.query_one(ContentSwitcher)
        if not self._has(page):
            build = self._safety_page if page == "safety" else self._names_page
            await switcher.mount(build())
        switcher.current = page

    def _has(self, page: str) -> bool:
        return bool(self.query_one(ContentSwitcher).query_children(f"#{page}"))

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "to-safety":
            await self._show("safety")
            self.query_one("#safety", VerticalScroll).scroll_home(animate=False)
            self.query_one("#continue").focus(scroll_visible=False)
        elif event.button.id == "continue":
            await self._show("names")
            self.query_one("#first-name").focus()
        elif event.button.id == "back":
            await self._show("safety")
            self.query_one("#continue").focus(scroll_visible=False)
        elif event.button.id == "begin":
            self.action_save()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "first-name":
            self.query_one("#second-name").focus()
        else:
            self.action_save()

    def action_save(self) -> None:
        if not self._has("names"):
            return  # ctrl+s before the names' page: there is nothing to save yet
        from closer_tui.core.models import Couple
        from closer_tui.widgets.couple_form import CoupleForm

        partners = self.query_one(CoupleForm).partners()
        if partners is not None:
            first, second = partners
            self.wants_lock = self.query_one("#want-lock", Switch).value
            self.dismiss(Couple(first=first, second=second))

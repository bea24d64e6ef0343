"""After an interruption: pick up where you stopped, save what you did, or let it go."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from closer_tui.core.models import SessionDraft
from closer_tui.core.words import duration_words, when_words

ResumeChoice = Literal["resume", "save", "discard", "later"]


class ResumeScreen(ModalScreen[ResumeChoice]):
    BINDINGS = [Binding("escape", "dismiss('later')", "Later")]

    DEFAULT_CSS = """
    ResumeScreen { align: center middle; }
    ResumeScreen > Vertical {
        width: 90%; max-width: 72; height: auto;
        border: round $primary; background: $surface; padding: 1 2;
    }
    ResumeScreen Horizontal { height: auto; margin: 1 0 0 0; }
    ResumeScreen Button { margin: 0 1 0 0; }
    """

    def __init__(
        self,
        draft: SessionDraft,
        plan_title: str,
        steps: int,
        can_resume: bool,
        now: datetime,
    ) -> None:
        super().__init__()
        self.draft = draft
        self.now = now
        self.plan_title = plan_title
        self.steps = steps
        self.can_resume = can_resume

    def compose(self) -> ComposeResult:
        draft = self.draft
        when = when_words(draft.started_at, self.now)
        together = sum(o.actual_seconds for o in draft.done) + draft.step_elapsed
        with Vertical():
            yield Static(
                f"[b]{self.plan_title}[/b] stopped part-way: step "
                f"{min(draft.step_index + 1, self.steps)} of {self.steps}, started {when}, "
                f"{duration_words(together)} together so far. Everything you did is kept.\n\n"
                "Pick up where you stopped?"
            )
            with Horizontal():
                if self.can_resume:
                    yield Button("Pick up", id="resume", variant="primary")
                yield Button("Save what we did", id="save")
                yield Button("Let it go", id="discard", variant="error")

    def on_mount(self) -> None:
        self.query_one(Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)  # type: ignore[arg-type]

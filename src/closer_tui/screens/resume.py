"""After an interruption: pick up where you stopped, save what you did, or let it go."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Button, Static

from closer_tui.core.models import SessionDraft
from closer_tui.core.words import duration_words, when_words
from closer_tui.screens.dialog import Dialog

if TYPE_CHECKING:
    from closer_tui.core.content import Plan

ResumeChoice = Literal["resume", "save", "discard", "later"]


class ResumeScreen(Dialog[ResumeChoice]):
    """Pick up, save what was done, or let it go; escape asks again next time."""

    BINDINGS = [Binding("escape", "dismiss('later')", "Later")]

    DEFAULT_CSS = """
    ResumeScreen > Vertical { width: 90%; max-width: 72; }
    """

    def __init__(self, draft: SessionDraft, plan: Plan | None, now: datetime) -> None:
        """``plan`` is None when the draft's plan is no longer in the library: then it can
        be saved or let go, not picked up."""
        super().__init__()
        self.draft = draft
        self.plan = plan
        self.now = now

    def contents(self) -> ComposeResult:
        draft, plan = self.draft, self.plan
        title = plan.title if plan else draft.plan
        steps = len(plan.steps) if plan else len(draft.done) + 1
        when = when_words(draft.started_at, self.now)
        together = sum(o.actual_seconds for o in draft.done) + draft.step_elapsed
        yield Static(
            f"[b]{title}[/b] stopped part-way: step "
            f"{min(draft.step_index + 1, steps)} of {steps}, started {when}, "
            f"{duration_words(together)} together so far. Everything you did is kept.\n\n"
            "Pick up where you stopped?"
        )
        with Horizontal():
            if plan is not None:
                yield Button("Pick up", id="resume", variant="primary")
            yield Button("Save what we did", id="save")
            yield Button("Let it go", id="discard", variant="error")

    def on_mount(self) -> None:
        self.query_one(Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)  # type: ignore[arg-type]

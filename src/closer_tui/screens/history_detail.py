"""One session from the history, in full: when, how long, and what each partner wrote."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from closer_tui.core.insights import recorded_seconds
from closer_tui.core.models import Couple, Outcome, SessionRecord
from closer_tui.core.words import duration_words, step_words, steps_words
from closer_tui.screens.base import CloserScreen
from closer_tui.widgets.entries import entries_block
from closer_tui.widgets.footer import CalmFooter
from closer_tui.widgets.partner import named

if TYPE_CHECKING:
    pass

RATING_LABELS = {
    "weekly_checkin": "How connected you felt this week (1–10)",
    "connection_check": "Connection check",
}


def when_words(moment: datetime) -> str:
    """A start time in this computer's zone: "Tue 24 Nov 2026 19:30"."""
    local = moment.astimezone()
    return f"{local:%a} {local.day} {local:%b %Y %H:%M}"


def outcome_block(couple: Couple, outcome: Outcome) -> list[RenderableType]:
    """Ratings, the tally and the entries of one session or step, plainly."""
    parts: list[RenderableType] = []
    if outcome.ratings:
        line = Text(f"{RATING_LABELS.get(outcome.kind, 'Ratings')}: ", style="dim")
        for index, (key, value) in enumerate(sorted(outcome.ratings.items())):
            if index:
                line.append("  ·  ")
            line.append_text(named(couple.partner(key)))
            line.append(f" {value}")
        parts.append(line)
    if outcome.tally is not None:
        tally = outcome.tally
        good = "good moment" if tally.positive == 1 else "good moments"
        hard = "hard one" if tally.negative == 1 else "hard ones"
        parts.append(
            Text(f"Noticed: {tally.positive} {good}, {tally.negative} {hard}", style="dim")
        )
    if outcome.entries:
        parts.append(entries_block(couple, outcome.entries))
    return parts


def session_detail(couple: Couple, record: SessionRecord) -> RenderableType:
    """The whole session as one renderable: a heading, then each step with its time."""
    head = Text(record.title, style="bold")
    head.append(f"\n{when_words(record.started_at)}", style="dim")
    said = [duration_words(recorded_seconds(record)), steps_words(record.steps)]
    head.append("".join(f"  ·  {part}" for part in said if part))
    blocks: list[RenderableType] = [head, Text()]
    own = outcome_block(couple, record)
    if own:
        blocks += [*own, Text()]
    for step in record.steps:
        line = Text("▸ ", style="dim")
        line.append(step.title, style="bold")
        line.append(f"  ·  {step_words(step)}", style="dim")
        blocks.append(line)
        blocks += outcome_block(couple, step)
        blocks.append(Text())
    if not own and not any(step.entries or step.ratings for step in record.steps):
        blocks.append(Text("Nothing was written down this time — it was lived.", style="dim"))
    return Group(*blocks)


class HistoryDetailScreen(CloserScreen[bool]):
    """A session in full. Dismisses True when the couple asks to delete it."""

    BINDINGS: ClassVar = [
        Binding("escape", "dismiss(False)", "Back"),
        Binding("k", "keep", "Keep this"),
        Binding("d,delete", "dismiss(True)", "Delete", key_display="d"),
    ]

    DEFAULT_CSS = """
    HistoryDetailScreen VerticalScroll { padding: 1 2; }
    HistoryDetailScreen #detail { height: auto; }
    """

    TITLE = "History"
    help_text = (
        "**A session from your history.** Scroll with the arrow keys. **k** keeps something"
        " one of you said on your favourites shelf. **d** deletes the session for good,"
        " after asking; **escape** goes back to the list."
    )

    def __init__(self, record: SessionRecord, *, can_delete: bool = True) -> None:
        super().__init__()
        self.record = record
        self.can_delete = can_delete
        """False when opened from the favourites shelf: deleting belongs to History's list."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "dismiss" and parameters == (True,):
            return self.can_delete
        return True

    def action_keep(self) -> None:
        """Choose something said in this session to keep on the favourites shelf."""
        from closer_tui.core.favourites import KEPT, SECTION, keeping, kept_keys
        from closer_tui.core.story import shared_entries
        from closer_tui.screens.keep_picker import KeepPicker

        said = list(shared_entries(self.record))
        if not said:
            self.notify(
                "Nothing here can be kept: passes, and rounds marked hard or never"
                " revealed, stay out of your favourites.",
                timeout=6,
            )
            return
        kept = self.closer.recall_keepsake(SECTION, KEPT)

        def chosen(key: str | None) -> None:
            if key is None:
                return
            raw = self.closer.recall_keepsake(SECTION, KEPT)
            self.closer.save_keepsake(SECTION, KEPT, keeping(raw, key, self.closer.now()))
            self.notify("Kept on your favourites shelf (History, then v).", timeout=5)

        self.app.push_screen(KeepPicker(self.closer.couple, said, set(kept_keys(kept))), chosen)

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(can_focus=True):
            yield Static(session_detail(self.closer.couple, self.record), id="detail")
        yield CalmFooter()

    def on_mount(self) -> None:
        self.sub_title = self.record.title
        self.query_one(VerticalScroll).focus()

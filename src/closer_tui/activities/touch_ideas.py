"""Touch beyond sex: small everyday ideas to tick off for today, and a gentle count.

Each "save today's" is one saved Outcome, one entry per idea, so the counts
come from history like every other count and survive a restart. Ideas
already saved today stay ticked (and locked) so nothing is counted twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from closer_tui.core.counts import day_and_week
from closer_tui.core.models import Entry, Outcome, SessionRecord
from closer_tui.widgets.activity import Activity
from closer_tui.widgets.option_list import CalmOptionList, Hanging
from closer_tui.widgets.tick_box import TICK

KIND = "touch_ideas"


def touches(history: Iterable[SessionRecord]) -> Iterator[tuple[datetime, str]]:
    """(when, idea id) for every touch idea ever saved: ticked here, alone or in a guided
    session, or done from a deck of cards ("we did it")."""
    for record in history:
        for outcome in (record, *record.steps):
            for entry in outcome.entries:
                if outcome.kind == KIND:
                    yield record.started_at, entry.parts.get("id", "")
                elif outcome.kind == "deck" and entry.parts.get("did") == "touch":
                    yield record.started_at, entry.parts.get("card", "")


def saved_today(history: Iterable[SessionRecord], now: datetime) -> set[str]:
    """Ids of the ideas already saved on the couple's local today."""
    local = now.astimezone()
    return {
        idea
        for when, idea in touches(history)
        if when.astimezone(local.tzinfo).date() == local.date()
    }


TICKED, UNTICKED = f"[{TICK}]", "[ ]"
"""A tick in text, so it reads without colour (an unticked box looked ticked)."""


def idea_prompt(text: str, ticked: bool, today: bool) -> Hanging:
    """The box, then the idea; a long idea wraps under itself, its "✓ today" kept whole."""
    line = Text(text)
    if today:
        line.append(f"  {TICK} today", style="bold")
    return Hanging(TICKED if ticked else UNTICKED, line, lead_width=4)


class TouchIdeasActivity(Activity):
    """A list of non-sexual touch ideas; tick what you did (or will do) today."""

    KIND = KIND

    DEFAULT_CSS = """
    TouchIdeasActivity { padding: 0 1; }
    TouchIdeasActivity #touch-intro { color: $text-muted; margin: 1 1 0 1; }
    TouchIdeasActivity CalmOptionList {
        height: auto; max-height: 60vh; margin: 1 0 0 0; padding: 0 0 0 1;
    }
    TouchIdeasActivity #touch-count { margin: 1 1 0 1; text-style: bold; }
    """

    BINDINGS = [
        Binding("space", "tick", "Tick", show=False),
        Binding("s", "save", "Save"),
    ]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._started_at: datetime | None = None
        # Reported but maybe not yet in history (a guided session saves at its end).
        self._reported: set[str] = set()
        self.ticked: set[str] = set()
        """Ideas ticked now and not yet saved."""

    def compose(self) -> ComposeResult:
        yield Static(
            "Tick the ones you shared today. Each is an offer: "
            "either of you can say “not now”. Space ticks, s saves.",
            id="touch-intro",
        )
        yield CalmOptionList(id="touch-list")
        yield Static("", id="touch-count")

    def on_mount(self) -> None:
        self._started_at = self.closer.now()
        self._fill()
        self._show_count()
        self.watch(self.closer, "history", self._on_history_changed, init=False)

    def on_show(self) -> None:
        # Focus on show, not on mount: focusing inside a hidden tab would switch to it.
        self.ideas.focus()

    @property
    def ideas(self) -> CalmOptionList:
        return self.query_one("#touch-list", CalmOptionList)

    def _done_today(self) -> set[str]:
        return saved_today(self.closer.history, self.closer.now()) | self._reported

    def _fill(self) -> None:
        done = self._done_today()
        self.ticked -= done
        ideas = self.ideas
        highlighted = ideas.highlighted
        ideas.clear_options()
        ideas.add_options(
            Option(
                idea_prompt(idea.text, idea.id in done or idea.id in self.ticked, idea.id in done),
                id=idea.id,
                disabled=idea.id in done,
            )
            for idea in self.closer.library.affection
        )
        if highlighted is not None:
            ideas.highlighted = highlighted
        else:
            ideas.action_first()

    def action_tick(self) -> None:
        option = self.ideas.highlighted_option
        if option is not None and option.id is not None and not option.disabled:
            self._toggle(option.id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self._toggle(event.option.id)

    def _toggle(self, idea_id: str) -> None:
        self.ticked ^= {idea_id}
        text = next(idea.text for idea in self.closer.library.affection if idea.id == idea_id)
        self.ideas.replace_option_prompt(
            idea_id, idea_prompt(text, idea_id in self.ticked, today=False)
        )

    def _on_history_changed(self, history: list[SessionRecord]) -> None:
        self._fill()
        self._show_count()

    def _show_count(self) -> None:
        counts = day_and_week((when for when, _ in touches(self.closer.history)), self.closer.now())
        touch = "touch" if counts.today == 1 else "touches"
        self.query_one("#touch-count", Static).update(
            f"Today: {counts.today} {touch} · This week: {counts.this_week}"
        )

    def _new_ticks(self) -> list[str]:
        chosen = self.ticked - self._done_today()
        return [idea.id for idea in self.closer.library.affection if idea.id in chosen]

    def pending(self) -> tuple[Outcome, datetime] | None:
        new = self._new_ticks()
        if not new or self._started_at is None:
            return None
        texts = {idea.id: idea.text for idea in self.closer.library.affection}
        outcome = self.untimed_outcome(
            "Touch ideas",
            self._started_at,
            entries=[Entry(who="both", prompt=texts[i], parts={"id": i}) for i in new],
            data={"ideas": new},
        )
        return outcome, self._started_at

    def forget(self) -> None:
        for idea in self._new_ticks():
            self._toggle(idea)

    def action_save(self) -> None:
        pending = self.pending()
        if pending is None:
            self.notify("Tick an idea first (space), then save.", timeout=3)
            return
        kept = self.report(*pending)  # if not, closer asked what to do with it
        self._reported.update(pending[0].data["ideas"])
        self._started_at = self.closer.now()
        self._fill()
        if kept:
            count = len(pending[0].entries)
            self.notify(f"Saved {count} for today. Lovely.", timeout=3)

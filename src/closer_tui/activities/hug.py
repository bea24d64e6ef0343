"""The 20-second hug: both ready, a countdown, a gentle end, and "again?"."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Static

from closer_tui.core.counts import day_and_week, kept_as, really_done, times_done
from closer_tui.core.models import Outcome, SessionRecord
from closer_tui.widgets.both_ready import BothReady
from closer_tui.widgets.countdown import CountdownPanel
from closer_tui.widgets.timed_activity import TimedActivity

LINE_SECONDS = 6.0


class HugActivity(TimedActivity):
    """Hug for as long as the countdown says (20 seconds unless a plan says otherwise)."""

    KIND = "hug"
    RUNNING = "hugging"
    KEEPS_A_PART = False
    """Twenty seconds cut short are not worth a question on the way out."""

    DEFAULT_CSS = """
    HugActivity #hug-invitation { width: 1fr; text-align: center; margin: 1 2 0 2; }
    HugActivity #hug-stage { height: auto; width: 1fr; margin: 1 0 0 0; }
    HugActivity #hug-line { width: 1fr; text-align: center; color: $text-muted; height: 2; }
    HugActivity #hug-after { width: 1fr; text-align: center; margin: 0 2; color: $text-muted; }
    HugActivity #hug-count { width: 1fr; text-align: center; color: $text-muted; }
    """

    BINDINGS = [Binding("a", "again", "Another hug")]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._line_timer: Timer | None = None
        self._line = 0

    @property
    def seconds(self) -> float:
        return float(self.closer.library.hug.seconds)

    @property
    def title(self) -> str:
        return self.closer.library.hug.title

    def compose(self) -> ComposeResult:
        hug = self.closer.library.hug
        yield Static(hug.invitation, id="hug-invitation")
        yield Center(id="hug-stage")
        yield Static("", id="hug-line")
        yield Static("", id="hug-after")
        yield Static(self._count_text(), id="hug-count")

    async def on_mount(self) -> None:
        self.watch(self.closer, "history", self._on_history_changed, init=False)
        await self.show_gate()

    async def show_gate(self) -> None:
        stage = self.query_one("#hug-stage")
        await stage.remove_children()
        gate = BothReady(self.closer.couple, prompt="Close together? Then each press your key")
        await stage.mount(gate)
        # The last hug's words go with it: the gate waits for a new one.
        self.query_one("#hug-line", Static).update("")
        self.query_one("#hug-invitation").display = True
        self.query_one("#hug-after").display = False
        if self.stage == "after":
            gate.focus()  # "again": the keys go straight back to the gate
        self.stage = "ready"

    async def make_room(self) -> Widget:
        return self.query_one("#hug-stage")

    async def show_running(self, panel: CountdownPanel) -> None:
        # Read before the keys; while they hold on, the calm lines take its place.
        self.query_one("#hug-invitation").display = False
        self._line = 0
        self._show_line()
        self._line_timer = self.set_interval(LINE_SECONDS, self._next_line)

    def _show_line(self) -> None:
        lines = self.closer.library.hug.during
        # The line's box never changes size, so a new line needs no new layout.
        self.query_one("#hug-line", Static).update(lines[self._line % len(lines)], layout=False)

    def _next_line(self) -> None:
        self._line += 1
        self._show_line()

    def stop_running(self) -> None:
        if self._line_timer is not None:
            self._line_timer.stop()

    async def show_after(self, outcome: Outcome) -> None:
        self.query_one("#hug-line", Static).update(self.closer.library.hug.after)
        after = self.query_one("#hug-after", Static)
        after.update(self._after_text(outcome))
        after.display = True

    def _after_text(self, outcome: Outcome) -> str:
        """What comes next; for a hug cut short, also why the count below did not move."""
        if really_done(outcome):
            return "Press a for another hug."
        kept = f"{kept_as(outcome)}\n" if self.last_round_kept else ""  # if not, closer asked
        return (
            f"{kept}A hug is counted once it has run its {self.seconds:g} seconds.\n"
            "Press a for another hug."
        )

    def _on_history_changed(self, history: list[SessionRecord]) -> None:
        self.query_one("#hug-count", Static).update(self._count_text())

    def _count_text(self) -> str:
        counts = day_and_week(times_done(self.closer.history, self.KIND), self.closer.now())
        if counts.this_week == 0:
            return "Your first hug this week."
        hugs = "hug" if counts.today == 1 else "hugs"
        return f"Today: {counts.today} {hugs} · This week: {counts.this_week}"

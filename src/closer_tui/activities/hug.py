"""The 20-second hug: both ready, a countdown, a gentle end, and "again?"."""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center
from textual.reactive import reactive
from textual.timer import Timer
from textual.widgets import Static

from closer_tui.core.counts import day_and_week, kept_as, really_done, times_done
from closer_tui.core.models import Outcome, PartnerKey, SessionRecord
from closer_tui.widgets.activity import Activity
from closer_tui.widgets.both_ready import BothReady
from closer_tui.widgets.countdown import CountdownPanel

LINE_SECONDS = 6.0


class HugActivity(Activity):
    """Hug for as long as the countdown says (20 seconds unless a plan says otherwise)."""

    KIND = "hug"

    DEFAULT_CSS = """
    HugActivity #hug-invitation { width: 1fr; text-align: center; margin: 1 2 0 2; }
    HugActivity #hug-stage { height: auto; width: 1fr; margin: 1 0 0 0; }
    HugActivity #hug-line { width: 1fr; text-align: center; color: $text-muted; height: 2; }
    HugActivity #hug-after { width: 1fr; text-align: center; margin: 0 2; color: $text-muted; }
    HugActivity #hug-count { width: 1fr; text-align: center; color: $text-muted; }
    """

    BINDINGS = [Binding("a", "again", "Another hug")]

    stage: reactive[str] = reactive("ready", init=False, bindings=True)
    """``ready`` (the gate is up), ``hugging`` or ``after``."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._started_at: datetime | None = None
        self._ready: list[PartnerKey] = []
        self._line_timer: Timer | None = None
        self._line = 0

    @property
    def seconds(self) -> float:
        return float(self.closer.library.hug.seconds)

    def compose(self) -> ComposeResult:
        hug = self.closer.library.hug
        yield Static(hug.invitation, id="hug-invitation")
        yield Center(id="hug-stage")
        yield Static("", id="hug-line")
        yield Static("", id="hug-after")
        yield Static(self._count_text(), id="hug-count")

    def on_mount(self) -> None:
        self.watch(self.closer, "history", self._on_history_changed, init=False)
        self._show_gate()

    def _show_gate(self) -> None:
        stage = self.query_one("#hug-stage")
        stage.remove_children()
        gate = BothReady(self.closer.couple, prompt="Close together? Then each press your key")
        stage.mount(gate)
        # The last hug's words go with it: the gate waits for a new one.
        self.query_one("#hug-line", Static).update("")
        self.query_one("#hug-invitation").display = True
        self.query_one("#hug-after").display = False
        if self.stage == "after":
            gate.focus()  # "again": the keys go straight back to the gate
        self.stage = "ready"

    async def on_both_ready_started(self, event: BothReady.Started) -> None:
        event.stop()
        self._ready = event.ready
        self._started_at = self.closer.now()
        await self.start_countdown(self.query_one("#hug-stage"), self.seconds)
        # Read before the keys; while they hold on, the calm lines take its place.
        self.query_one("#hug-invitation").display = False
        self._line = 0
        self._show_line()
        self._line_timer = self.set_interval(LINE_SECONDS, self._next_line)
        self.stage = "hugging"

    def _show_line(self) -> None:
        lines = self.closer.library.hug.during
        # The line's box never changes size, so a new line needs no new layout.
        self.query_one("#hug-line", Static).update(lines[self._line % len(lines)], layout=False)

    def _next_line(self) -> None:
        self._line += 1
        self._show_line()

    def on_countdown_panel_ended(self, event: CountdownPanel.Ended) -> None:
        event.stop()
        if self._line_timer is not None:
            self._line_timer.stop()
        outcome = self.timed_outcome(event.countdown, self.closer.library.hug.title, self._ready)
        assert self._started_at is not None
        self.report(outcome, self._started_at)
        self.query_one("#hug-line", Static).update(self.closer.library.hug.after)
        after = self.query_one("#hug-after", Static)
        after.update(self._after_text(outcome))
        after.display = True
        self.stage = "after"

    def _after_text(self, outcome: Outcome) -> str:
        """What comes next; for a hug cut short, also why the count below did not move."""
        if really_done(outcome):
            return "Press a for another hug."
        return (
            f"{kept_as(outcome)}\n"
            f"A hug is counted once it has run its {self.seconds:g} seconds.\n"
            "Press a for another hug."
        )

    def action_again(self) -> None:
        if self.stage == "after":
            self._show_gate()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "again":
            return self.stage == "after"
        return True

    def _on_history_changed(self, history: list[SessionRecord]) -> None:
        self.query_one("#hug-count", Static).update(self._count_text())

    def _count_text(self) -> str:
        counts = day_and_week(times_done(self.closer.history, self.KIND), self.closer.now())
        if counts.this_week == 0:
            return "Your first hug this week."
        hugs = "hug" if counts.today == 1 else "hugs"
        return f"Today: {counts.today} {hugs} · This week: {counts.this_week}"

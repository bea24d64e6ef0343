"""Eye gazing: a few quiet minutes of soft eye contact, on an almost empty screen.

A big ticking timer pulls the eyes away from each other, so while the couple
gazes the screen shows only a tiny, dim remaining time and one calm line.
Either partner can stop at any moment with their own key.

The time is the shared countdown panel in its compact form, so pausing,
+1 minute, ending early and an honest, drift-free end all work as in every
other timed practice.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.widget import Widget
from textual.widgets import Static

from closer_tui.core.clock import Countdown
from closer_tui.core.models import Outcome, PartnerKey
from closer_tui.widgets.both_ready import BothReady
from closer_tui.widgets.countdown import CountdownPanel
from closer_tui.widgets.minutes_choice import MinutesChoice, clamp_seconds
from closer_tui.widgets.timed_activity import TimedActivity

LINE_SECONDS = 40.0
"""A calm line stays long enough that it never feels like a slideshow."""

Stopper = PartnerKey | None


class EyeGazingActivity(TimedActivity):
    """Options: ``minutes`` (clamped to the content's range); ``lines`` 0 hides the calm line."""

    KIND = "eye_gazing"
    RUNNING = "gazing"
    TITLE = "Eye gazing"
    COMPACT = True
    """A big ticking timer would pull the eyes away from each other."""

    DEFAULT_CSS = """
    EyeGazingActivity { padding: 0 2; }
    EyeGazingActivity #eye-setup { height: auto; }
    EyeGazingActivity #eye-intro { width: 1fr; margin: 1 0 0 0; }
    EyeGazingActivity #eye-stage { height: auto; width: 1fr; }
    EyeGazingActivity #eye-calm { height: auto; width: 1fr; margin: 4 0 0 0; }
    EyeGazingActivity #eye-line { width: 1fr; text-align: center; color: $text-muted; }
    EyeGazingActivity #eye-time { height: auto; width: 1fr; margin: 3 0 0 0; }
    EyeGazingActivity #eye-after { width: 1fr; text-align: center; margin: 2 0 0 0; }
    """

    BINDINGS = [
        Binding("left", "minutes(-1)", "Shorter", key_display="←"),
        Binding("right", "minutes(1)", "Longer", key_display="→"),
        *(Binding(str(n), f"pick({n})", f"{n} min", show=False) for n in range(1, 10)),
        Binding("f", "stop('first')", "Stop", show=False),
        Binding("j", "stop('second')", "Stop", show=False),
        Binding("space", "stop('')", "Stop", key_display="f/j/space"),
        Binding("a", "again", "Again"),
    ]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._stopped_by: Stopper = None
        self._line_offset = 0
        self._line = ""

    # -- choosing ------------------------------------------------------------------------

    @property
    def limits(self) -> tuple[int, int, int]:
        gazing = self.closer.library.eye_gazing
        return gazing.min_minutes, gazing.default_minutes, gazing.max_minutes

    @property
    def seconds(self) -> float:
        low, _, high = self.limits
        if self.planned_seconds:
            return clamp_seconds(self.planned_seconds, low, high)
        return self.query_one(MinutesChoice).chosen * 60.0

    def compose(self) -> ComposeResult:
        low, default, high = self.limits
        wanted = self.options.get("minutes", default)
        chosen = min(max(wanted if isinstance(wanted, int) else default, low), high)
        with Vertical(id="eye-setup"):
            yield Static(self.closer.library.eye_gazing.intro, id="eye-intro")
            yield MinutesChoice(range(low, high + 1), chosen, hint=f"← → or {low}–{high} to choose")
        yield Center(id="eye-stage")
        with Vertical(id="eye-calm"):
            yield Static("", id="eye-line")
            yield Vertical(id="eye-time")
        yield Static("", id="eye-after")

    def on_mount(self) -> None:
        if self.planned_seconds:
            self.query_one(MinutesChoice).display = False
        self.show_gate_once_painted()

    async def show_gate(self) -> None:
        self.query_one("#eye-setup").display = True
        self.query_one("#eye-calm").display = False
        await self.query_one("#eye-time").remove_children()
        self.query_one("#eye-after", Static).update("")
        stage = self.query_one("#eye-stage")
        stage.display = True
        await stage.remove_children()
        prompt = "Each press your key, then turn towards each other"
        gate = BothReady(self.closer.couple, prompt=prompt)
        await stage.mount(gate)
        gate.focus()  # the keys move from the quiet screen back to the gate
        self.stage = "ready"

    def action_minutes(self, by: int) -> None:
        self.query_one(MinutesChoice).step(by)

    def action_pick(self, minutes: int) -> None:
        low, _, high = self.limits
        self.query_one(MinutesChoice).pick(min(max(minutes, low), high))

    # -- gazing ---------------------------------------------------------------------------

    async def make_room(self) -> Widget:
        self._stopped_by = None
        stage = self.query_one("#eye-stage")
        await stage.remove_children()
        stage.display = False
        self.query_one("#eye-setup").display = False
        self.query_one("#eye-calm").display = True
        self.query_one("#eye-line").display = True
        self._line_offset = self.closer.rng.randrange(len(self.closer.library.eye_gazing.lines))
        # The panel takes the keys: its own p, + and e, while f, j and space bubble up to us.
        return self.query_one("#eye-time")

    async def show_running(self, panel: CountdownPanel) -> None:
        # The calm line follows the panel's ticks: it changes on time and needs
        # no timer of its own.
        self.watch(panel, "shown", self._show_line)

    def _show_line(self) -> None:
        line = ""
        panel = self.query_one(CountdownPanel)
        if self.options.get("lines", 1) != 0:
            lines = self.closer.library.eye_gazing.lines
            index = self._line_offset + int(panel.countdown.elapsed // LINE_SECONDS)
            line = lines[index % len(lines)]
        if line != self._line:
            self._line = line
            self.query_one("#eye-line", Static).update(line)

    def action_stop(self, who: str) -> None:
        """Either partner stops it, at any moment: ``f`` or ``j``, or ``space`` for either."""
        if self.stage != "gazing":
            return
        self._stopped_by = "first" if who == "first" else "second" if who == "second" else None
        self.query_one(CountdownPanel).action_end()

    def round_data(self, countdown: Countdown) -> dict[str, Any]:
        return {"stopped_by": self._stopped_by} if countdown.ended_early else {}

    async def show_after(self, outcome: Outcome) -> None:
        # The small time stays, so its end pulse shows; the calm line gives way to the close.
        self.query_one("#eye-line").display = False
        self.query_one("#eye-after", Static).update(
            Text.assemble(
                self.closer.library.eye_gazing.after, ("\n\nPress a to gaze again.", "dim")
            )
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("minutes", "pick"):
            return self.stage == "ready" and not self.planned_seconds
        if action == "stop":
            return self.stage == "gazing"
        return super().check_action(action, parameters)

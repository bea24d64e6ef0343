"""A break either partner can call, from any screen: time apart to settle, then back together.

``ctrl+g`` (an app-wide key) puts this screen over whatever is there. The
screen below keeps everything it held, half-typed words included; a guided
session under it stops counting time together, and any countdown below
holds still until the couple are back. Nothing is asked and nothing typed:
the couple choose how long (20 to 60 minutes), settle apart with a slow
breathing guide, and come back when both press their key. All the break
keeps is that it happened, and only if the couple ask it to.
"""

from __future__ import annotations

from typing import ClassVar, Protocol, runtime_checkable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Header, Static

from closer_tui.core.content import BreakWords
from closer_tui.mends.compositor import draw_only_what_changes
from closer_tui.screens.base import CloserScreen
from closer_tui.widgets.both_ready import BothReady, gate_keys
from closer_tui.widgets.breathing import BreathingGuide
from closer_tui.widgets.countdown import CountdownPanel
from closer_tui.widgets.footer import CalmFooter
from closer_tui.widgets.minutes_choice import MinutesChoice
from closer_tui.widgets.why import cited

KEEPSAKE = ("calm", "breaks")
"""Where the count of kept breaks lives in keepsakes.json: a number, never words."""

HELP = """\
**A break.** Either of you can call one, from anywhere, with **ctrl+g**: no
reason needed. Choose when to come back (← →, then enter), spend the time
apart doing something soothing, then both press your key to come back.
Whatever was on screen before waits, exactly as it was; a guided session
does not count the break as time together.

| key | |
|---|---|
| ← → | choose how long (before it starts) |
| enter | start the break |
| p | pause the countdown |
| + | one more minute |
| e | end the break now and come back |
| f, j | each of you: ready to come back |
| m | more time apart |
| k | keep a note that you took a break (no words) |
| escape | before it starts: not now |
"""


@runtime_checkable
class HoldsForBreak(Protocol):
    """A screen whose time stops during a break (a guided session), and carries on after."""

    def hold_for_break(self, held: bool) -> None:
        """Stop counting while ``held``; released, carry on as it was before."""


class ComingBack(BothReady):
    """The both-ready gate, in a break's words: both press their key to come back."""

    BINDINGS = gate_keys("First back", "Second back", both="Back, both")

    IS_IN = " is back"
    HINT = "or press space for both of you · m for more time apart"

    def heading(self) -> str:
        return self.prompt


class BreakScreen(CloserScreen[None]):
    """Choose a time, settle apart with the breathing guide, come back together."""

    offers_break = False

    BINDINGS: ClassVar = [
        Binding("left", "minutes(-1)", "Shorter", show=False),
        Binding("right", "minutes(1)", "Longer", show=False),
        Binding("enter", "begin", "Start the break"),
        Binding("m", "more_time", "More time"),
        Binding("k", "keep", "Keep a note"),
        Binding("escape", "escape", "Not now", show=False),
    ]

    DEFAULT_CSS = """
    BreakScreen { background: $background; }
    BreakScreen VerticalScroll { padding: 0 2; }
    BreakScreen .calm-title { text-style: bold; text-align: center; width: 1fr; margin: 1 0 0 0; }
    BreakScreen .calm-line { text-align: center; width: 1fr; height: auto; }
    BreakScreen .calm-dim { color: $text-muted; text-align: center; width: 1fr; height: auto; }
    BreakScreen #break-why { margin: 1 0 0 0; }
    BreakScreen #break-apart, BreakScreen #break-back { height: auto; }
    BreakScreen #break-clock { height: auto; margin: 1 0 0 0; }
    BreakScreen BreathingGuide { margin: 1 0 0 0; }
    BreakScreen #break-clock .calm-dim { margin: 0; }
    BreakScreen #break-ideas { margin: 1 0 0 0; }
    BreakScreen ComingBack { margin: 1 0 0 0; }
    """

    SUB_TITLE = "A break"

    def __init__(self) -> None:
        super().__init__()
        draw_only_what_changes(self)  # the countdown and the breathing bar repaint only themselves
        self.help_text = HELP
        self.stage = "choose"
        """``choose`` the time, ``apart`` while it runs, ``back`` at the both-ready gate."""
        self.keep_note = False
        self._times_apart = 0
        self._held: list[HoldsForBreak | CountdownPanel] = []

    @property
    def words(self) -> BreakWords:
        return self.closer.library.calm.pause

    def compose(self) -> ComposeResult:
        words = self.words
        yield Header()
        with VerticalScroll():
            with Vertical(id="break-choose"):
                yield Static(words.ask, classes="calm-title")
                yield Static(words.under_ask, classes="calm-line")
                yield MinutesChoice(
                    words.minutes,
                    words.default_minutes,
                    hint="← → to choose · enter starts the break · escape: not now",
                )
                yield Static(
                    f"{words.why} {cited(words.claims)}", id="break-why", classes="calm-dim"
                )
            with Vertical(id="break-apart"):
                yield Static(words.apart, classes="calm-title")
                yield Vertical(id="break-clock")
                yield Static("", id="break-ideas", classes="calm-line")
            with Vertical(id="break-back"):
                yield Static(words.come_back, classes="calm-title")
                yield Static(words.soft_start, classes="calm-line")
                yield Vertical(id="break-gate")
                yield Static("", id="break-keep", classes="calm-dim")
        yield CalmFooter()

    def on_mount(self) -> None:
        self.query_one("#break-apart").display = False
        self.query_one("#break-back").display = False
        self._hold_below()

    # -- what waits below ------------------------------------------------------------

    def _hold_below(self) -> None:
        """Everything timed below stops: a session's time together, any running countdown."""
        for screen in self.app.screen_stack:
            if screen is self:
                continue
            if isinstance(screen, HoldsForBreak):
                screen.hold_for_break(True)
                self._held.append(screen)
            for panel in screen.query(CountdownPanel):
                if not panel.held:
                    panel.hold(True)
                    self._held.append(panel)

    def _release_below(self) -> None:
        held, self._held = self._held, []
        for thing in held:
            if isinstance(thing, CountdownPanel):
                if thing.is_attached:
                    thing.hold(False)
            else:
                thing.hold_for_break(False)

    def on_unmount(self) -> None:
        self._release_below()  # however the break ended, nothing below stays held

    # -- the stages --------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("minutes", "begin"):
            return self.stage == "choose"
        if action in ("more_time", "keep"):
            return self.stage == "back"
        return True

    def action_minutes(self, by: int) -> None:
        self.query_one(MinutesChoice).step(by)

    async def action_begin(self) -> None:
        await self._go_apart(self.query_one(MinutesChoice).chosen * 60)

    async def _go_apart(self, seconds: float) -> None:
        self.stage = "apart"
        prefs = self.closer.couple.preferences
        words = self.closer.library.calm
        self.query_one("#break-choose").display = False
        self.query_one("#break-back").display = False
        await self.query_one("#break-gate").remove_children()
        clock_area = self.query_one("#break-clock")
        await clock_area.remove_children()
        panel = CountdownPanel(seconds, clock=self.closer.clock, bell=prefs.bell, pulse=prefs.pulse)
        panel.caption = "until you come back together"
        breathing = words.breathing
        note = breathing.note_still if prefs.reduced_motion else breathing.note
        await clock_area.mount(
            panel,
            BreathingGuide(breathing, clock=self.closer.clock, still=prefs.reduced_motion),
            Static(note, classes="calm-dim"),
        )
        # Three ideas at a time; more time apart brings the next three.
        every = words.pause.ideas
        ideas = [every[(self._times_apart * 3 + n) % len(every)] for n in range(3)]
        self._times_apart += 1
        text = Text("\n".join(f"· {idea}" for idea in ideas))
        text.append(f"\n\n{words.pause.ideas_note}", style="dim")
        self.query_one("#break-ideas", Static).update(text)
        self.query_one("#break-apart").display = True
        panel.start()
        self.refresh_bindings()

    @on(CountdownPanel.Ended)
    async def _time_is_up(self, event: CountdownPanel.Ended) -> None:
        event.stop()
        if self.stage != "apart":
            return
        self.stage = "back"
        await self.query_one("#break-clock").remove_children()  # no clock or bar left running
        self.query_one("#break-apart").display = False
        gate = ComingBack(self.closer.couple, prompt="Ready to come back?")
        await self.query_one("#break-gate").mount(gate)
        self._show_keep()
        self.query_one("#break-back").display = True
        gate.focus()
        self.refresh_bindings()

    async def action_more_time(self) -> None:
        await self._go_apart(self.words.more_minutes * 60)

    def action_keep(self) -> None:
        self.keep_note = not self.keep_note
        self._show_keep()

    def _show_keep(self) -> None:
        mark = "[x]" if self.keep_note else "[ ]"
        self.query_one("#break-keep", Static).update(
            f"{mark} k: keep a note that we took a break\n{self.words.kept_note}"
        )

    def action_escape(self) -> None:
        """Escape never ends a break by accident: before it starts, it means "not now"."""
        if self.stage == "choose":
            self.dismiss()
        elif self.stage == "apart":
            self.notify("To come back now, press e; then you both press your key.", timeout=5)
        else:
            self.notify("When you're both ready: f and j (or space).", timeout=5)

    @on(BothReady.Started)
    def _both_back(self, event: BothReady.Started) -> None:
        event.stop()
        if self.keep_note:
            section, key = KEEPSAKE
            kept = self.closer.recall_keepsake(section, key)
            count = kept if isinstance(kept, int) and kept >= 0 else 0
            self.closer.save_keepsake(section, key, count + 1)
        self.dismiss()

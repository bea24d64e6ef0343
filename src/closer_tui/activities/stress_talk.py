"""The daily connection ritual: a stress-reducing conversation, in turns.

Phones away first, a reminder that this talk is about stress from *outside*
the relationship, then 20 or 30 minutes in which one partner speaks and the
other listens. Turns run on their own timer and swap with a soft cue; the
listening cues rotate quietly on screen for the listener.

Every turn's length is read from the countdown's elapsed time (a monotonic
clock, pauses excluded), never from counting ticks: the countdown panel's tick,
once a second, only decides when to look at the clock again. The turn's line
and the cue move on that same tick, so the screen changes once a second, not
twice, and a line is redrawn only when its words change.

Two times are shown, each saying what it counts: the big clock is the whole
talk ("left of your talk"), the line under it is this turn. ``+`` gives the
minute to the one speaking now, so both move on by the same minute.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from closer_tui.core.clock import Countdown, format_mmss
from closer_tui.core.models import PARTNER_KEYS, Outcome
from closer_tui.widgets.both_ready import BothReady
from closer_tui.widgets.countdown import PULSE_SECONDS, CountdownPanel
from closer_tui.widgets.minutes_choice import MinutesChoice
from closer_tui.widgets.partner import named
from closer_tui.widgets.phones_check import PhonesCheck
from closer_tui.widgets.timed_activity import MinutesGate
from closer_tui.widgets.turn_banner import TurnBanner

CUE_SECONDS = 20.0
"""How long each listening cue stays on screen: long enough to read, slow enough to ignore."""

TURN_CHOICES: tuple[int, ...] = (0, 5, 3)
"""Turn lengths in minutes a couple can choose; 0 means the talk is split in two halves."""

KEEPSAKE = ("stress_talk", "turn_minutes")

TALK_CAPTION = "left of your talk"
"""Under the big clock, so it is never taken for the turn's time."""


def turn_label(turn_minutes: int) -> str:
    return "two halves" if turn_minutes == 0 else f"{turn_minutes}-minute turns, alternating"


def rows(words: Content, line: Static) -> int:
    """How many rows ``words`` take on ``line``, as Textual works it out; 0 before its layout.

    Words that fit the width take one row: only longer ones are wrapped to count.
    """
    width = line.content_size.width
    if not width:
        return 0
    if words.cell_length <= width:
        return 1
    return words.get_height(line.styles, width)  # type: ignore[arg-type]


@dataclass
class Talk:
    """What a running talk changes each second, held rather than looked up at every tick."""

    banner: TurnBanner
    opener: Static
    lines: dict[str, Static]
    panel: CountdownPanel | None = None

    @property
    def running(self) -> bool:
        return self.panel is not None and self.panel.is_attached


class StressTalkActivity(MinutesGate):
    """Options: ``turn_minutes`` (0 = halves), ``phones_check`` (0 skips the check)."""

    KIND = "stress_talk"
    TITLE = "Stress-reducing conversation"
    RUNNING = "talking"

    BINDINGS = [
        Binding("t", "turn_length", "Turn length"),
        Binding("tab", "swap", "Swap"),
        Binding("o", "opener", "New opener"),
        Binding("a", "again", "Another talk"),
    ]

    DEFAULT_CSS = """
    StressTalkActivity { padding: 0 2; }
    StressTalkActivity #talk-stage { height: auto; width: 1fr; }
    StressTalkActivity .talk-text { width: 1fr; margin: 1 0 0 0; }
    StressTalkActivity .talk-safety { width: 1fr; color: $text-muted; margin: 1 0 0 0; }
    StressTalkActivity #talk-turns { width: 1fr; text-align: center; color: $text-muted; }
    StressTalkActivity TurnBanner { margin: 1 0 0 0; }
    StressTalkActivity #talk-opener { width: 1fr; text-align: center; color: $text-muted; }
    StressTalkActivity #talk-timer { height: auto; }
    StressTalkActivity #talk-turn-time { width: 1fr; text-align: center; }
    StressTalkActivity #talk-cue {
        width: 1fr; text-align: center; color: $text-muted; text-style: italic; margin: 1 0 0 0;
    }
    StressTalkActivity #talk-after { width: 1fr; text-align: center; margin: 1 0 0 0; }
    StressTalkActivity #talk-after.-pulse { background: $accent 15%; text-style: bold; }
    StressTalkActivity #talk-summary { width: 1fr; text-align: center; color: $text-muted; }
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.set_reactive(StressTalkActivity.stage, "phones")
        self._phones_away = False
        self._turn_minutes = 0
        self._turns: list[dict[str, Any]] = []
        self._turn_began = 0.0  # countdown elapsed when the current turn began
        self._turn_length = 0.0
        self._turn_extra = 0.0  # seconds given to this turn with +
        self._talk_seconds = 0.0  # the talk's length when last looked at, to notice a +
        self._cue_offset = 0
        self._opener = 0
        self._lines: dict[str, tuple[str, int, int]] = {}
        """What the turn's line and the cue show now, by id, on how many rows of what width:
        redrawn only when it changes, laid out again only when its rows do."""
        self._talk: Talk | None = None
        """While the talk runs: its countdown, whose turn it is, and the lines under it."""

    # -- choices ------------------------------------------------------------------------

    @property
    def turn_minutes(self) -> int:
        """From the plan's options, else the couple's last choice, else halves."""
        wanted = self.options.get("turn_minutes", self.closer.recall_keepsake(*KEEPSAKE))
        return wanted if isinstance(wanted, int) and wanted in TURN_CHOICES else 0

    @property
    def seconds(self) -> float:
        if self.planned_seconds:
            return float(self.planned_seconds)
        return self.query_one(MinutesChoice).chosen * 60.0

    # -- building -----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Vertical(id="talk-stage")

    def on_mount(self) -> None:
        self._turn_minutes = self.turn_minutes
        self.show_gate_once_painted()

    async def show_gate(self) -> None:
        if self.options.get("phones_check", 1) == 0:
            self._phones_away = True
            await self._show_ready()
        else:
            await self._show_phones()

    async def _restage(self, *widgets: Any) -> None:
        stages = self.query("#talk-stage")
        if not self.is_attached or not stages:
            # A late callback: the screen closed, or the step is being taken down
            # (skipped just as it began), its children already gone.
            return
        self._lines.clear()
        self._talk = None
        self.can_focus = False
        stage = stages.first()
        await stage.remove_children()
        await stage.mount_all(widgets)
        if not self.is_attached:
            return  # taken down while the new stage was being put up
        # On a small terminal the keys' widget may sit below the fold: bring it in.
        for widget in widgets:
            if widget.focusable:
                widget.focus()
                widget.call_after_refresh(widget.scroll_visible, animate=False)

    async def _show_phones(self) -> None:
        talk = self.closer.library.stress_talk
        await self._restage(
            Static(talk.intro, classes="talk-text"),
            PhonesCheck(self.closer.couple, prompt="Phones face down, out of reach?"),
        )
        self.stage = "phones"

    async def on_phones_check_answered(self, event: PhonesCheck.Answered) -> None:
        event.stop()
        self._phones_away = event.away
        await self._show_ready()

    async def _show_ready(self) -> None:
        library = self.closer.library
        talk = library.stress_talk
        widgets: list[Any] = [
            Static(talk.outside_only, classes="talk-text"),
            Static(library.safety.short, classes="talk-safety"),
        ]
        if not self.planned_seconds:
            options = talk.minutes_options
            widgets.append(MinutesChoice(options, options[0]))
        widgets.append(Static(self._turns_text(), id="talk-turns"))
        widgets.append(BothReady(self.closer.couple, prompt="When you're both ready to talk"))
        await self._restage(*widgets)
        self.stage = "ready"

    def _turns_text(self) -> str:
        return f"Turns: {turn_label(self._turn_minutes)} (t to change)"

    def action_turn_length(self) -> None:
        index = TURN_CHOICES.index(self._turn_minutes)
        self._turn_minutes = TURN_CHOICES[(index + 1) % len(TURN_CHOICES)]
        self.closer.save_keepsake(*KEEPSAKE, self._turn_minutes)
        self.query_one("#talk-turns", Static).update(self._turns_text())

    # -- talking --------------------------------------------------------------------------

    async def make_room(self) -> Widget:
        planned = self.seconds
        half = planned / 2
        self._turn_length = (
            half if self._turn_minutes == 0 else min(self._turn_minutes * 60.0, half)
        )
        self._turns = []
        self._turn_began = 0.0
        self._turn_extra = 0.0
        self._talk_seconds = planned
        rng = self.closer.rng
        self._cue_offset = rng.randrange(len(self.closer.library.phrases.listening_cues))
        self._opener = rng.randrange(len(self.closer.library.stress_talk.speaker_prompts))
        banner, timer = TurnBanner(self.closer.couple), Vertical(id="talk-timer")
        lines = {line_id: Static("", id=line_id) for line_id in ("talk-turn-time", "talk-cue")}
        opener = Static("", id="talk-opener")
        await self._restage(banner, opener, timer, *lines.values())
        self._talk = Talk(banner, opener, lines)
        return timer

    async def show_running(self, panel: CountdownPanel) -> None:
        panel.caption = TALK_CAPTION
        if self._talk is not None:
            self._talk.panel = panel
        self.watch(panel, "paused", self._on_paused, init=False)
        self.watch(panel, "shown", self._on_shown, init=False)
        self._show_opener()
        self.sync()

    @property
    def panel(self) -> CountdownPanel:
        """The talk's countdown, kept at hand: it is looked at every second."""
        assert self._talk is not None and self._talk.panel is not None
        return self._talk.panel

    @property
    def banner(self) -> TurnBanner:
        assert self._talk is not None
        return self._talk.banner

    def _on_paused(self, paused: bool) -> None:
        self.sync()

    def _on_shown(self, shown: str) -> None:
        # The panel's tick (once a second, and at a +, when this turn gets the minute).
        self.sync()

    def _turn_end(self) -> float:
        return self._turn_began + self._turn_length + self._turn_extra

    def _swaps_at_turn_end(self) -> bool:
        """A turn swaps on its own only if a worthwhile turn is left after it (half a turn)."""
        return self.panel.countdown.duration - self._turn_end() >= self._turn_length / 2

    def _close_turn(self, at: float) -> None:
        seconds = round(max(at - self._turn_began, 0.0), 3)
        self._turns.append({"speaker": self.banner.speaker, "seconds": seconds})
        self._turn_began = at
        self._turn_extra = 0.0

    def sync(self) -> None:
        """Look at the clock: swap a turn that is over, move the cue on.

        Called at each tick of the countdown panel (the second it shows
        changed), when the countdown pauses or resumes, and by tests after
        they move the fake clock. A turn that ends between two ticks is closed
        at its exact end (``_catch_up``), and noticed at the next tick.
        """
        talk = self._talk
        if self.stage != "talking" or talk is None or not talk.running:
            return
        self._give_extensions_to_the_turn()
        swapped = self._catch_up()
        if swapped:
            self._soft_cue()
        self._show_time()

    def _give_extensions_to_the_turn(self) -> None:
        duration = self.panel.countdown.duration
        self._turn_extra += duration - self._talk_seconds
        self._talk_seconds = duration

    def _catch_up(self) -> bool:
        """Swap every turn whose time is up (a sleeping laptop can miss more than one)."""
        elapsed = self.panel.countdown.elapsed
        swapped = False
        while elapsed >= self._turn_end() and self._swaps_at_turn_end():
            self._close_turn(self._turn_end())
            self.banner.swap()
            swapped = True
        if swapped:
            self._next_opener()
        return swapped

    def _soft_cue(self) -> None:
        couple = self.closer.couple
        speaker = couple.partner(self.banner.speaker).name
        listener = couple.partner(self.banner.listener).name
        self.notify(f"Time to swap: {speaker} speaks, {listener} listens.", timeout=6)
        if couple.preferences.bell:
            self.app.bell()

    def _show_time(self) -> None:
        elapsed = self.panel.countdown.elapsed
        if self._swaps_at_turn_end():
            left = format_mmss(self._turn_end() - elapsed)
            line = f"This turn: {left} left · tab swaps now"
        else:
            line = "Last turn: to the end of your talk · tab swaps now"
        self._put("talk-turn-time", line)
        cues = self.closer.library.phrases.listening_cues
        cue = cues[(self._cue_offset + int(elapsed // CUE_SECONDS)) % len(cues)]
        self._put("talk-cue", f"For the listener: {cue}")

    def _put(self, line_id: str, text: str) -> None:
        """Show ``text`` on a line, if it is news; laid out again only if it needs more rows.

        The words are plain (``Content``, never read as markup), and a line
        that wraps onto as many rows as before ("This turn: 4:31 left" after
        "4:32", a new listening cue) takes the same room: only it is
        repainted, not the screen's layout worked out again.
        """
        before = self._lines.get(line_id)
        if before is not None and text == before[0]:
            return
        assert self._talk is not None
        line, words = self._talk.lines[line_id], Content(text)
        width = line.content_size.width
        now = rows(words, line)
        self._lines[line_id] = (text, now, width)
        if before is None or not now:
            layout = True
        else:
            # Counted at another width (before the first layout, or the terminal resized),
            # the rows of the words shown are counted again at this one.
            then = before[1] if before[2] == width else rows(Content(before[0]), line)
            layout = now != then
        line.update(words, layout=layout)

    @property
    def cue(self) -> str:
        """The listening cue on screen now."""
        return str(self.query_one("#talk-cue", Static).render())

    def action_swap(self) -> None:
        if self.stage != "talking":
            return
        self._catch_up()
        self._close_turn(self.panel.countdown.elapsed)
        self.banner.swap()
        self._next_opener()
        self.sync()

    def _next_opener(self) -> None:
        self._opener += 1
        self._show_opener()

    def action_opener(self) -> None:
        self._next_opener()

    def _show_opener(self) -> None:
        prompts = self.closer.library.stress_talk.speaker_prompts
        speaker = self.closer.couple.partner(self.banner.speaker)
        text = Text.assemble(
            "If it helps, ", named(speaker), ": ", prompts[self._opener % len(prompts)]
        )
        assert self._talk is not None
        self._talk.opener.update(text)

    # -- the end -------------------------------------------------------------------------

    def round_data(self, countdown: Countdown) -> dict[str, Any]:
        turns = list(self._turns)
        turns.append(
            {
                "speaker": self.banner.speaker,
                "seconds": round(max(countdown.elapsed - self._turn_began, 0.0), 3),
            }
        )
        return {
            "turns": turns,
            "phones_away": self._phones_away,
            "turn_minutes": self._turn_minutes,
        }

    def stop_running(self) -> None:
        if self.stage == "talking":
            # Turns whose time was up are closed first (a sleeping laptop can miss a
            # swap), so the round keeps its turns as they ran.
            self._catch_up()

    async def show_after(self, outcome: Outcome) -> None:
        await self._restage(
            Static(self.closer.library.stress_talk.after, id="talk-after"),
            Static(self._summary(outcome), id="talk-summary"),
        )
        # Nothing inside is left to hold the focus, and "a" must still reach us.
        self.can_focus = True
        self.focus()
        if self.closer.couple.preferences.pulse:
            after = self.query_one("#talk-after")
            after.add_class("-pulse")
            self.set_timer(PULSE_SECONDS, lambda: after.remove_class("-pulse"))

    def _summary(self, outcome: Outcome) -> Text:
        couple = self.closer.couple
        text = Text()
        for key in PARTNER_KEYS:
            seconds = sum(t["seconds"] for t in outcome.data["turns"] if t["speaker"] == key)
            if text:
                text.append("  ·  ")
            text.append_text(named(couple.partner(key)))
            text.append(f" spoke {format_mmss(seconds)}")
        text.append("\n\nPress a to start another talk.")
        return text

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "minutes":
            return self.stage == "ready" and not self.planned_seconds
        if action == "turn_length":
            return self.stage == "ready"
        if action in ("swap", "opener"):
            return self.stage == "talking"
        return super().check_action(action, parameters)

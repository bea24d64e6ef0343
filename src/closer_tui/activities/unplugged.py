"""Minimise digital distractions: phones away, phone-free zones, unplugged evenings.

Two things live here: the short "settle in, phones away" step that opens a
guided evening, and the unplugged-evening practice (a long phones-away timer,
the couple's own phone-free zones, and this week's unplugged evenings).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from closer_tui.core.clock import Countdown
from closer_tui.core.counts import kept_as, really_done, times_done
from closer_tui.core.models import Outcome, SessionRecord
from closer_tui.mends.text_box import LineBox
from closer_tui.widgets.both_ready import BothReady
from closer_tui.widgets.countdown import CountdownPanel
from closer_tui.widgets.minutes_choice import MinutesChoice
from closer_tui.widgets.option_list import CalmOptionList
from closer_tui.widgets.phones_check import PhonesCheck
from closer_tui.widgets.timed_activity import MinutesGate, TimedActivity

SETTLE_SECONDS = 120.0
UNPLUGGED_MINUTES = (30, 60, 90, 120)
UNPLUGGED_DEFAULT = 60
ZONE_MAX_CHARS = 80
WEEKDAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")


# -- the weekly tracker (pure) ---------------------------------------------------------------


def week_of_evenings(times: Iterable[datetime], now: datetime) -> list[tuple[date, bool]]:
    """This local week, Monday to Sunday: each day, and whether it had an unplugged session."""
    local_now = now.astimezone()
    monday = local_now.date() - timedelta(days=local_now.weekday())
    days = {t.astimezone(local_now.tzinfo).date() for t in times}
    return [(monday + timedelta(days=n), monday + timedelta(days=n) in days) for n in range(7)]


def tracker_text(week: list[tuple[date, bool]], today: date) -> Text:
    """Seven dots, Monday first: filled for an unplugged evening, dim for days still to come."""
    text = Text()
    for (day, _), name in zip(week, WEEKDAYS, strict=True):
        style = "bold" if day == today else ("dim" if day > today else "")
        text.append(f" {name} ", style=style)
    text.append("\n")
    for day, done in week:
        mark = "●" if done else "○"
        style = "bold green" if done else ("dim" if day > today else "")
        text.append(f" {mark}  ", style=style)
    evenings = sum(done for _, done in week)
    if evenings == 0:
        text.append(
            "\nNo unplugged evening yet this week. Tonight could be the first.", style="dim"
        )
    else:
        word = "evening" if evenings == 1 else "evenings"
        text.append(f"\n{evenings} unplugged {word} this week.", style="dim")
    return text


def after_text(outcome: Outcome, *, on_disk: bool = True) -> str:
    """Welcome back, and honestly where this evening went (the tracker, or only the history).

    Not ``on_disk``: the disk refused it, and closer asked the couple what to do with it.
    """
    if not on_disk:
        return "Welcome back.\nPress a to start another timer."
    if really_done(outcome):
        kept = "Welcome back. Your unplugged evening is kept in this week's tracker."
    else:
        kept = (
            f"Welcome back. {kept_as(outcome)}\n"
            "An evening joins the tracker once its timer has run to the end."
        )
    return f"{kept}\nPress a to start another timer."


def clean_zones(value: Any) -> list[str]:
    """Zones as kept in couple.json; anything odd in the file is left out, not trusted."""
    if not isinstance(value, list):
        return []
    return [str(zone)[:ZONE_MAX_CHARS] for zone in value if isinstance(zone, str) and zone.strip()]


# -- settle in, phones away ---------------------------------------------------------------------


class PhonesAwayActivity(TimedActivity):
    """A couple of minutes to put the phones away and arrive (the first step of an evening)."""

    KIND = "phones_away"
    TITLE = "Settle in, phones away"
    RUNNING = "settling"

    DEFAULT_CSS = """
    PhonesAwayActivity #settle-intro { width: 1fr; text-align: center; margin: 1 2 0 2; }
    PhonesAwayActivity #settle-stage { height: auto; width: 1fr; }
    PhonesAwayActivity #settle-line { width: 1fr; text-align: center; color: $text-muted; }
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._away = False
        self.set_reactive(PhonesAwayActivity.stage, "phones")

    @property
    def seconds(self) -> float:
        return float(self.planned_seconds or SETTLE_SECONDS)

    def compose(self) -> ComposeResult:
        yield Static(self.closer.library.digital.phones_away, id="settle-intro")
        with Center(id="settle-stage"):
            yield PhonesCheck(self.closer.couple, prompt="Phones face down, out of reach?")
        yield Static("", id="settle-line")

    async def on_phones_check_answered(self, event: PhonesCheck.Answered) -> None:
        event.stop()
        self._away = event.away
        await self.begin_round(event.confirmed)

    async def show_gate(self) -> None:
        """Settling in comes once an evening: after a dropped round there is no gate to put up."""

    async def make_room(self) -> Widget:
        return self.query_one("#settle-stage")

    async def show_running(self, panel: CountdownPanel) -> None:
        self.query_one("#settle-line", Static).update(
            "Sit back. Breathe out slowly. Let the day settle; you're here now."
        )

    def round_data(self, countdown: Countdown) -> dict[str, Any]:
        return {"phones_away": self._away}

    async def show_after(self, outcome: Outcome) -> None:
        self.query_one("#settle-line", Static).update("You're here. Carry on when you're ready.")


# -- the unplugged evening ------------------------------------------------------------------------


class UnpluggedActivity(MinutesGate):
    """Practice 6: a phones-away timer, the couple's phone-free zones, and this week's evenings."""

    KIND = "unplugged"
    TITLE = "An unplugged evening"
    RUNNING = "unplugged"

    DEFAULT_CSS = """
    UnpluggedActivity { padding: 0 2; }
    UnpluggedActivity .section { text-style: bold; margin: 1 0 0 0; }
    UnpluggedActivity .hint { color: $text-muted; }
    UnpluggedActivity #unplug-stage { height: auto; width: 1fr; }
    UnpluggedActivity #unplug-after { width: 1fr; text-align: center; }
    UnpluggedActivity #unplug-week { margin: 0 0 0 1; }
    UnpluggedActivity #zones { height: auto; max-height: 9; border: round $primary 40%; }
    UnpluggedActivity #zones:focus { border: round $primary; }
    UnpluggedActivity #zone-suggestions { height: auto; max-height: 9; border: round $primary 20%; }
    UnpluggedActivity #zone-suggestions:focus { border: round $primary; }
    UnpluggedActivity #zone-input { margin: 0 0 0 0; }
    """

    BINDINGS = [
        Binding("delete,backspace", "remove_zone", "Remove zone"),
        Binding("i", "idea", "Idea"),
        Binding("a", "again", "Another evening"),
    ]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._idea = 0

    # -- building ---------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        digital = self.closer.library.digital
        yield Static("Phones away for the evening", classes="section")
        yield Static(digital.phones_away, classes="hint")
        yield MinutesChoice(UNPLUGGED_MINUTES, UNPLUGGED_DEFAULT, id="unplug-minutes")
        yield Vertical(id="unplug-stage")
        yield Static("", id="unplug-after")
        yield Static("", id="unplug-idea", classes="hint")
        yield Static("This week, unplugged", classes="section")
        yield Static("", id="unplug-week")
        yield Static("Our phone-free zones", classes="section")
        yield Static(
            "Places and times your phones stay away. delete removes the highlighted one.",
            classes="hint",
        )
        yield CalmOptionList(id="zones")
        yield LineBox(
            placeholder="Add a zone of your own, then enter",
            id="zone-input",
            max_length=ZONE_MAX_CHARS,
        )
        yield Static("Ideas to add (enter adds one)", classes="hint")
        yield CalmOptionList(id="zone-suggestions")

    def on_mount(self) -> None:
        self._idea = self.closer.rng.randrange(len(self.closer.library.digital.unplugged_ideas))
        self.watch(self.closer, "history", self._on_history_changed, init=False)
        self._show_zones()
        self._show_week()
        self._show_idea()
        self.show_gate_once_painted()

    @property
    def seconds(self) -> float:
        if self.planned_seconds:
            return float(self.planned_seconds)
        return self.query_one(MinutesChoice).chosen * 60.0

    # -- the timer --------------------------------------------------------------------

    async def show_gate(self) -> None:
        stage = self.query_one("#unplug-stage")
        await stage.remove_children()
        gate = BothReady(self.closer.couple, prompt="Phones away, and when you're both ready")
        await stage.mount(gate)
        if self.stage != "ready":  # coming back from a timer: the keys belong to the gate again
            gate.focus()
        self.query_one("#unplug-after", Static).update("")
        self.query_one(MinutesChoice).display = not self.planned_seconds
        self.stage = "ready"

    async def make_room(self) -> Widget:
        return self.query_one("#unplug-stage")

    async def show_running(self, panel: CountdownPanel) -> None:
        self.query_one(MinutesChoice).display = False

    def round_data(self, countdown: Countdown) -> dict[str, Any]:
        return {"phones_away": True}

    async def show_after(self, outcome: Outcome) -> None:
        self.query_one("#unplug-after", Static).update(
            after_text(outcome, on_disk=self.last_round_kept)
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "minutes":
            return self.stage != "unplugged" and not self.planned_seconds
        if action == "remove_zone":
            return self.app.focused is self.query_one("#zones")
        return super().check_action(action, parameters)

    # -- ideas and the tracker --------------------------------------------------------

    def action_idea(self) -> None:
        self._idea += 1
        self._show_idea()

    def _show_idea(self) -> None:
        ideas = self.closer.library.digital.unplugged_ideas
        self.query_one("#unplug-idea", Static).update(
            f"An idea for tonight: {ideas[self._idea % len(ideas)]}  (i: another)"
        )

    def _on_history_changed(self, history: list[SessionRecord]) -> None:
        self._show_week()

    def _show_week(self) -> None:
        now = self.closer.now()
        week = week_of_evenings(times_done(self.closer.history, self.KIND), now)
        self.query_one("#unplug-week", Static).update(tracker_text(week, now.astimezone().date()))

    # -- phone-free zones --------------------------------------------------------------

    @property
    def zones(self) -> list[str]:
        return clean_zones(self.closer.recall_keepsake("digital", "zones"))

    def _save_zones(self, zones: list[str]) -> None:
        self.closer.save_keepsake("digital", "zones", zones)
        self._show_zones()

    def _show_zones(self) -> None:
        zones = self.zones
        listing = self.query_one("#zones", OptionList)
        highlighted = listing.highlighted
        listing.clear_options()
        if zones:
            listing.add_options(zones)
            listing.highlighted = min(highlighted or 0, len(zones) - 1)
        else:
            listing.add_option(Option("No zones yet: add one below.", disabled=True))
        taken = {zone.casefold() for zone in zones}
        suggestions = self.query_one("#zone-suggestions", OptionList)
        was = suggestions.highlighted
        suggestions.clear_options()
        left = [
            s for s in self.closer.library.digital.zone_suggestions if s.casefold() not in taken
        ]
        suggestions.add_options(left)
        suggestions.display = bool(left)
        if left:
            # Stay in place, so enter, enter adds the suggestions one after another.
            suggestions.highlighted = min(was or 0, len(left) - 1)

    def add_zone(self, zone: str) -> bool:
        """Add a zone unless it is empty or already there; True when it was added."""
        zone = " ".join(zone.split())[:ZONE_MAX_CHARS]
        zones = self.zones
        if not zone or zone.casefold() in {z.casefold() for z in zones}:
            return False
        self._save_zones([*zones, zone])
        return True

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "zone-input":
            return
        event.stop()
        if self.add_zone(event.value):
            event.input.value = ""
            self.notify("Zone kept.", timeout=2)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id != "zone-suggestions":
            return
        event.stop()
        self.add_zone(str(event.option.prompt))

    def action_remove_zone(self) -> None:
        zones = self.zones
        index = self.query_one("#zones", OptionList).highlighted
        if index is None or not 0 <= index < len(zones):
            return
        removed = zones.pop(index)
        self._save_zones(zones)
        self.notify(f"Removed: {removed}", timeout=2)

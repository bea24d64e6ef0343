"""Tonight: the first screen, and the way to everything else."""

from __future__ import annotations

from contextlib import suppress
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from closer_tui.screens.base import NARROW, CloserScreen
from closer_tui.screens.catalog import GROUP_TITLES, Group, Place, places
from closer_tui.widgets.footer import CalmFooter
from closer_tui.widgets.option_list import CalmOptionList, Hanging
from closer_tui.widgets.partner import named_together

if TYPE_CHECKING:
    from closer_tui.core.insights import Suggestion

HELP = """\
**Home.** Move with the arrow keys and press **enter**, or press a practice's
number. **ctrl+p** finds any screen by name. **ctrl+l** hides the screen at
once; press it again to come back.
"""


def greeting(now: datetime) -> str:
    hour = now.astimezone().hour
    if hour < 5 or hour >= 18:
        return "Good evening"
    return "Good morning" if hour < 12 else "Good afternoon"


class HomeScreen(CloserScreen[None]):
    """The couple's names, one line about their week, and every place to go."""

    BINDINGS: ClassVar = [
        *(Binding(str(n), f"open_key('{n}')", show=False) for n in range(1, 8)),
        Binding("h", "open('history')", "History"),
        Binding("l", "open('letters')", "Letters", show=False),
        Binding("s", "start_suggested", "Start tonight"),
        Binding("comma", "open('settings')", "Settings", key_display=","),
        Binding("q", "app.quit", "Quit"),
    ]

    DEFAULT_CSS = """
    HomeScreen #tonight { padding: 1 2 0 2; height: auto; }
    HomeScreen OptionList {
        height: 1fr; margin: 1 2; padding: 0 0 0 1; border: round $primary 40%;
        /* Room for the scrollbar from the first frame: the rows are not wrapped
           again, and drawn twice more, once the list finds it needs one. */
        scrollbar-gutter: stable;
    }
    HomeScreen OptionList:focus { border: round $primary; }
    """

    help_text = HELP
    SUB_TITLE = "Tonight"
    """Set before the first frame, so the header says it at once (not a frame later)."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self._tonight(), id="tonight")
        # Laid out for the terminal's width at once: not rebuilt at the first resize.
        self._was_narrow = self.narrow
        yield CalmOptionList(*self._options())
        yield CalmFooter(at_once=True)

    _was_narrow: bool | None = None

    def on_mount(self) -> None:
        self.watch(self.closer, "couple", self._refresh_tonight, init=False)
        self.watch(self.closer, "history", self._refresh_tonight, init=False)
        self.watch(self.closer, "catalog", self._refresh_places, init=False)

    def on_screen_resume(self) -> None:
        # Back from a practice: the highlighted row, where the next enter goes, is in sight.
        self.query_one(OptionList).scroll_to_highlight()
        if self.closer.history_loaded:
            self._refresh_tonight()  # a letter sealed or opened meanwhile, a new evening

    def _refresh_tonight(self) -> None:
        self.query_one("#tonight", Static).update(self._tonight())

    def _refresh_places(self) -> None:
        """The couple's own plans join the list once their content is loaded."""
        options = self.query_one(OptionList)
        chosen = options.highlighted_option
        options.clear_options()
        options.add_options(self._options())
        if chosen is not None and chosen.id is not None:
            # The same place stays highlighted, wherever the new plans moved it.
            with suppress(OptionDoesNotExist):
                options.highlighted = options.get_option_index(chosen.id)

    def _tonight(self) -> Text:
        couple = self.closer.names
        text = Text(f"{greeting(self.closer.now())}, ")
        text.append_text(named_together(couple.first, couple.second))
        text.append(".")
        if self.closer.history_loaded:
            from closer_tui.core.insights import home_summary

            now = self.closer.now()
            text.append(f" {home_summary(self.closer.history, now, None)}", style="dim")
            text.append("\n")
            text.append(self.suggestion().line())
            text.append(" (press s)", style="dim")
            for line in self.story_lines():
                text.append("\n")
                text.append(line, style="italic")
        return text

    def story_lines(self) -> list[str]:
        """After the first frame: one line from their own past, if any (see core/on_this_day),
        and that a sealed letter is waiting (never a word of it, see core/letters)."""
        from closer_tui.core.on_this_day import one_line

        couple = self.closer.couple
        if couple is None:
            return []
        names = {"first": couple.first.name, "second": couple.second.name}
        line = one_line(
            self.closer.history,
            names,
            couple.anniversaries,
            self.closer.now(),
            None,
            enabled=couple.preferences.on_this_day,
        )
        lines = [line] if line else []
        from closer_tui.core.letters import waiting_line

        waiting = waiting_line(
            self.closer.letters(), self.closer.now().astimezone().date(), couple.anniversaries, None
        )
        if waiting:
            lines.append(waiting)
        return lines

    def suggestion(self) -> Suggestion:
        from closer_tui.core.insights import tonight_suggestion

        return tonight_suggestion(self.closer.history, self.closer.now(), None)

    def action_start_suggested(self) -> None:
        self.closer.start_plan(self.suggestion().plan_id)

    def _options(self) -> list[Option | None]:
        options: list[Option | None] = []
        group: Group | None = None
        for place in places(self.closer):
            if not place.on_home:
                continue
            if place.group != group:
                if group is not None:
                    options.append(None)
                group = place.group
                options.append(Option(Text(GROUP_TITLES[group], style="bold"), disabled=True))
            options.append(Option(self._label(place), id=place.id))
        return options

    def _label(self, place: Place) -> Hanging:
        """The key, then the title; a summary that wraps hangs under the title, not the key."""
        text = Text(place.title)
        if not self.narrow:
            text.append("  " + place.summary, style="dim")
        return Hanging(place.key or "", text, lead_width=2)

    @property
    def narrow(self) -> bool:
        """Below 70 columns the summaries would wrap; titles alone keep the list short."""
        # Before its first layout a screen has no size yet: it will fill the terminal.
        return (self.size.width or self.app.size.width) < NARROW

    def on_resize(self, event: events.Resize) -> None:
        narrow = event.size.width < NARROW
        if narrow != self._was_narrow:
            self._was_narrow = narrow
            self._refresh_places()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.action_open(event.option.id)

    def action_open(self, place_id: str) -> None:
        self.closer.open_place(place_id)

    def action_open_key(self, key: str) -> None:
        for place in places(self.closer):
            if place.key == key:
                self.closer.open_place(place.id)

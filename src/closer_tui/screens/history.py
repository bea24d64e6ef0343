"""Everything you have done together, newest first, and what it adds up to.

The list is one line-API widget whatever the history's size (ten years is
about 4,200 rows): no widget per session, and only visible rows are drawn.
The history itself is loaded by the app in a worker after the first frame;
this screen waits for it calmly.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from rich.console import Group, RenderableType
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Header, Input, Select, Static, TabbedContent, TabPane

from closer_tui.core.export import to_markdown
from closer_tui.core.insights import (
    RatingSeries,
    checkin_trend,
    connection_trend,
    current_streak,
    days_together_this_week,
    minutes_this_month,
    sparkline,
    tally_by_week,
)
from closer_tui.core.kinds import GUIDED, kind_label
from closer_tui.core.models import PARTNER_KEYS, Couple, PartnerKey, SessionRecord
from closer_tui.core.store import StoreError, plain_reason, write_atomic
from closer_tui.core.words import duration_words
from closer_tui.mends.text_box import LineBox
from closer_tui.screens.base import CloserScreen
from closer_tui.screens.both_agree import BothAgreeScreen
from closer_tui.screens.confirm import ConfirmScreen
from closer_tui.screens.dialog import WideDialog
from closer_tui.screens.history_detail import HistoryDetailScreen, when_words
from closer_tui.screens.history_list import SessionList, header_row
from closer_tui.screens.save_failed import plain_words
from closer_tui.widgets.footer import CalmFooter
from closer_tui.widgets.partner import named
from closer_tui.widgets.tab_keys import TAB_KEYS, TAB_KEYS_HELP, step_tab

if TYPE_CHECKING:
    from closer_tui.app import CloserApp
    from closer_tui.core.keepsake import Letter

ALL = "all"

DEFAULT_EXPORT = "~/closer-history.md"

HELP = """\
**History.** Every session, newest first. **enter** opens one; **d** deletes
the one under the cursor for good, once each of you has pressed your own key;
**f** chooses which kind to show; **x** exports everything you wrote as a
Markdown file; **k** writes a keepsake of a year, one page to open in a browser
or print; **v** opens your favourites; **l** your sealed letters. *Together*
shows what it adds up to. Nothing here is a score: it is simply what you made
time for.
"""


def kinds_of(record: SessionRecord) -> set[str]:
    """The kinds a session counts under: its own, and every step's in a guided one."""
    return {record.kind, *(step.kind for step in record.steps)}


def filter_options(history: Sequence[SessionRecord]) -> list[tuple[str, str]]:
    """All, then guided sessions, then each kind present, most frequent first."""
    counts: Counter[str] = Counter()
    for record in history:
        counts.update(kinds_of(record))
    ordered = sorted(counts, key=lambda kind: (kind != GUIDED, -counts[kind], kind_label(kind)))
    labels: dict[str, str] = {}
    for kind in ordered:
        # Two kinds may share a label (an old name and a new one); show it once.
        labels.setdefault(kind_label(kind), kind)
    return [("All sessions", ALL), *((label, kind) for label, kind in labels.items())]


def matches(record: SessionRecord, kind: str) -> bool:
    if kind == ALL:
        return True
    if kind == GUIDED:
        return record.kind == GUIDED
    label = kind_label(kind)
    return any(kind_label(own) == label for own in kinds_of(record))


# -- insights, in words --------------------------------------------------------

TREND_POINTS = 16


def plural(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"


def week_words(history: Sequence[SessionRecord], closer: CloserApp) -> Text:
    now = closer.now()
    days = days_together_this_week(history, now, None)
    streak = current_streak(history, now, None)
    minutes = minutes_this_month(history, now, None)
    text = Text()
    if days:
        text.append(f"{plural(days, 'day', 'days')} together this week", style="bold")
    else:
        text.append("A fresh week — any evening is a good one to begin.", style="bold")
    if streak >= 2:
        text.append(f"  ·  {streak:,} days in a row")
    text.append("\n")
    if minutes:
        text.append(f"{duration_words(minutes * 60)} together this month.")
    else:
        text.append("This month is still ahead of you.", style="dim")
    return text


def tally_words(history: Sequence[SessionRecord], closer: CloserApp) -> RenderableType:
    weeks = tally_by_week(history, closer.now(), None)
    head = Text("Noticing the good, week by week", style="bold")
    if weeks is None:
        return Group(
            head,
            Text(
                "After a few weeks of noticing the good, the counts appear here.",
                style="dim",
            ),
        )
    weeks = weeks[-12:]
    high = max(max(w.positive for w in weeks), 1)
    bars = sparkline([w.positive for w in weeks], 0, high)
    # One column per week, oldest on the left, so each count sits under its bar.
    bar_row = Text("      ") + Text("".join(f"{b:>3}" for b in bars), style="green")
    good = Text("good  ") + Text("".join(f"{w.positive:>3}" for w in weeks))
    hard = Text("hard  ", style="dim") + Text(
        "".join(f"{w.negative:>3}" for w in weeks), style="dim"
    )
    note = Text(
        f"Since {weeks[0].week_start.day} {weeks[0].week_start:%b}, oldest first."
        " Counts to notice, not a verdict.",
        style="dim",
    )
    return Group(head, bar_row, good, hard, note)


def trend_rows(
    couple: Couple, trend: dict[str, RatingSeries], low: int, high: int
) -> list[RenderableType]:
    rows: list[RenderableType] = []
    width = max(len(couple.partner(key).name) for key in PARTNER_KEYS)
    for key in PARTNER_KEYS:
        series = trend.get(key)
        partner = couple.partner(key)
        line = named(partner)
        line.append(" " * (width - len(partner.name) + 2))
        if series is None:
            line.append("not enough ratings yet", style="dim")
        else:
            recent = series.values[-TREND_POINTS:]
            bars = sparkline(recent, min(low, *recent), max(high, *recent))
            line.append(bars, style=partner.hex)
            line.append(f"  {recent[0]} → {recent[-1]}", style="dim")
        rows.append(line)
    return rows


@dataclass(frozen=True)
class TrendWords:
    """What History says around one rating's trend."""

    title: str
    scale: tuple[int, int]
    gentle: str
    """Until there are enough ratings to draw."""
    footnote: str


CHECKIN_WORDS = TrendWords(
    "Weekly check-in: how connected each of you felt",
    (1, 10),
    "After a few check-ins you'll see a trend here.",
    "The last few weeks, 1 to 10.",
)
CONNECTION_WORDS = TrendWords(
    "Connection check over time",
    (1, 5),
    "After a few connection checks you'll see how it moves here.",
    "Each answered privately; for reflection only.",
)


def trend_block(
    couple: Couple, words: TrendWords, trend: dict[PartnerKey, RatingSeries] | None
) -> RenderableType:
    """A rating's trend under its title: a line each, or a gentle word until there is one."""
    head = Text(words.title, style="bold")
    if trend is None:
        return Group(head, Text(words.gentle, style="dim"))
    rows = trend_rows(couple, cast("dict[str, RatingSeries]", trend), *words.scale)
    return Group(head, *rows, Text(words.footnote, style="dim"))


def checkin_words(history: Sequence[SessionRecord], couple: Couple) -> RenderableType:
    return trend_block(couple, CHECKIN_WORDS, checkin_trend(history, None))


def connection_words(history: Sequence[SessionRecord], couple: Couple) -> RenderableType:
    return trend_block(couple, CONNECTION_WORDS, connection_trend(history, None))


# -- export --------------------------------------------------------------------


class ExportScreen(WideDialog[Path | None]):
    """Asks where the Markdown file should go. Returns the path, or None."""

    BINDINGS: ClassVar = [Binding("escape", "dismiss(None)", "Cancel")]

    DEFAULT_CSS = """
    ExportScreen Input { margin: 1 0; }
    """

    def contents(self) -> ComposeResult:
        yield Static("Export your history as Markdown, to read or print.")
        yield LineBox(DEFAULT_EXPORT, id="path")
        yield Static(
            "enter saves · escape cancels. The file holds everything you both wrote:"
            " keep it somewhere private.",
            classes="hint",
        )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        self.dismiss(Path(value).expanduser() if value else None)


# -- the screen ------------------------------------------------------------------


class HistoryScreen(CloserScreen[None]):
    """Every session newest first, a filter by kind, and what it adds up to."""

    BINDINGS: ClassVar = [
        Binding("escape", "back", "Back"),
        Binding("f", "choose_kind", "Filter"),
        Binding("d,delete", "delete", "Delete", key_display="d"),
        Binding("x", "export", "Export"),
        Binding("k", "keepsake", "Keepsake"),
        # In words in the help (the footer at 80 columns has no room left for them).
        Binding("v", "favourites", "Favourites", show=False),
        Binding("l", "letters", "Letters", show=False),
        *TAB_KEYS,
    ]

    DEFAULT_CSS = """
    HistoryScreen TabbedContent { height: 1fr; }
    HistoryScreen TabPane { padding: 0 1; }
    HistoryScreen #bar { height: 1; margin: 1 0; }
    HistoryScreen #kind { width: 32; }
    HistoryScreen #count { padding: 0 2; color: $text-muted; width: 1fr; }
    HistoryScreen #columns { color: $text-muted; text-style: bold; height: 1; }
    HistoryScreen #waiting { padding: 1 2; color: $text-muted; }
    HistoryScreen #insights { padding: 1 1; }
    HistoryScreen #insights Static { margin: 0 0 1 0; height: auto; }
    """

    TITLE = "History"
    SUB_TITLE = "Your time together"
    help_text = f"{HELP}\n{TAB_KEYS_HELP}"

    def __init__(self) -> None:
        super().__init__()
        self.kind = ALL
        self.records: dict[str, SessionRecord] = {}
        self._changing_history = False
        self._insights_stale = True

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(initial="list-tab"):
            with TabPane("Sessions", id="list-tab"):
                with Horizontal(id="bar"):
                    yield Select(
                        [("All sessions", ALL)],
                        value=ALL,
                        allow_blank=False,
                        compact=True,
                        id="kind",
                    )
                    yield Static("", id="count")
                yield Static("Loading your history…", id="waiting")
                yield Static(id="columns")
                yield SessionList(id="sessions")
            with TabPane("Together", id="insights-tab"), VerticalScroll(id="insights"):
                yield Static("Loading your history…", id="week")
                yield Static(id="tally")
                yield Static(id="checkin")
                yield Static(id="connection")
        yield CalmFooter()

    def on_mount(self) -> None:
        self.watch(self.closer, "history", self._history_changed, init=False)
        self._set_listing(False)
        if self.closer.history_loaded:
            self._show_history()
        self.query_one(SessionList).focus()

    def _history_changed(self) -> None:
        if self._changing_history:
            return
        # The app sets history before it marks it loaded: look once both are in.
        self.call_later(self._show_history)

    def _show_history(self) -> None:
        if not self.closer.history_loaded:
            return
        history = self.closer.history
        self.records = {record.id: record for record in history}
        select: Select[str] = self.query_one("#kind", Select)
        options = filter_options(history)
        with self.prevent(Select.Changed):
            select.set_options(options)
            if self.kind not in {value for _, value in options}:
                self.kind = ALL
            select.value = self.kind
        self._fill_table()
        self._show_insights()

    # -- the list ------------------------------------------------------------------

    def _fill_table(self) -> None:
        shown = [record for record in self.closer.history if matches(record, self.kind)]
        self.query_one(SessionList).show(shown)
        total = len(self.closer.history)
        self._show_count(len(shown), total)
        self._set_listing(bool(shown))
        waiting = self.query_one("#waiting", Static)
        if total == 0:
            waiting.update(
                "Nothing here yet. After your first time together, it will wait for you here."
            )
        elif not shown:
            waiting.update("None of these yet.")

    def _set_listing(self, listing: bool) -> None:
        """Show the list (with its column names) or the calm words in its place."""
        self.query_one("#waiting").display = not listing
        self.query_one("#columns").display = listing
        self.query_one(SessionList).display = listing
        if listing:
            self.call_after_refresh(self._show_columns)

    def _show_columns(self) -> None:
        width = self.query_one(SessionList).scrollable_content_region.width
        self.query_one("#columns", Static).update(header_row(width))

    def on_resize(self) -> None:
        self.call_after_refresh(self._show_columns)

    def _show_count(self, shown: int, total: int) -> None:
        words = plural(total, "session", "sessions")
        if shown != total:
            words = f"{shown:,} of {words}"
        self.query_one("#count", Static).update(words)

    def on_select_changed(self, event: Select.Changed) -> None:
        if not self.closer.history_loaded or event.value == self.kind:
            return  # the first value a Select announces, or nothing new
        if event.select.id == "kind" and isinstance(event.value, str):
            self.kind = event.value
            self._fill_table()
            listing = self.query_one(SessionList)
            if listing.display:
                listing.focus()

    def action_choose_kind(self) -> None:
        self.query_one(TabbedContent).active = "list-tab"
        select = self.query_one("#kind", Select)
        select.focus()
        select.expanded = True

    def selected(self) -> SessionRecord | None:
        listing = self.query_one(SessionList)
        return listing.current if listing.display else None

    def on_session_list_selected(self, event: SessionList.Selected) -> None:
        self.open_detail(event.record)

    def open_detail(self, record: SessionRecord) -> None:
        def closed(delete: bool | None) -> None:
            if delete:
                self.ask_to_delete(record)

        self.app.push_screen(HistoryDetailScreen(record), closed)

    # -- delete ----------------------------------------------------------------------

    def action_delete(self) -> None:
        if self.query_one(TabbedContent).active != "list-tab":
            return
        record = self.selected()
        if record is not None:
            self.ask_to_delete(record)

    def ask_to_delete(self, record: SessionRecord) -> None:
        question = (
            f"Delete “{record.title}” from {when_words(record.started_at)} for good?\n\n"
            "It is removed from closer on this computer. Copies in backups or in a"
            " sync folder are not touched: remove them there too if you want it gone"
            " everywhere."
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self.delete(record)

        # Both of you, each with your own key: one alone never erases what you share.
        gate = BothAgreeScreen(question, self.closer.couple, prompt="To delete it for good")
        self.app.push_screen(gate, answered)

    def delete(self, record: SessionRecord) -> None:
        self._changing_history = True  # this screen shows the change itself, below
        try:
            self.closer.delete_session(record)
        except (StoreError, OSError) as error:
            self.notify(plain_words(error), severity="error", timeout=15)
            return
        finally:
            self._changing_history = False
        self.records.pop(record.id, None)
        listing = self.query_one(SessionList)
        listing.drop(record.id)
        self._show_count(len(listing.records), len(self.closer.history))
        if not listing.records:
            self._fill_table()
        self._show_insights()
        self.notify("Deleted from closer.", timeout=4)

    # -- insights --------------------------------------------------------------------

    def _show_insights(self) -> None:
        """Work the insights out now if they are on screen, else when they next are."""
        self._insights_stale = True
        if self.query_one(TabbedContent).active == "insights-tab":
            self._work_out_insights()

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id == "insights-tab" and self._insights_stale:
            self._work_out_insights()
        focused = self.focused
        if focused is None or event.pane not in focused.ancestors:
            # The keys act on what the tab shows (the filter may be open already).
            if event.pane.id == "insights-tab":
                self.query_one("#insights").focus()
            elif self.query_one(SessionList).display:
                self.query_one(SessionList).focus()
            else:
                self.query_one("#kind").focus()

    def _work_out_insights(self) -> None:
        if not self.closer.history_loaded:
            return
        self._insights_stale = False
        history = self.closer.history
        couple = self.closer.couple
        self.query_one("#week", Static).update(week_words(history, self.closer))
        self.query_one("#tally", Static).update(tally_words(history, self.closer))
        self.query_one("#checkin", Static).update(checkin_words(history, couple))
        self.query_one("#connection", Static).update(connection_words(history, couple))
        self._draw_charts()

    def _draw_charts(self) -> None:
        """The pictures, made the first time the tab is shown: off History's first frame."""
        from closer_tui.screens.history_charts import draw_minutes, draw_ratings, new_chart

        insights = self.query_one("#insights")
        if not self.query("#minutes-chart"):
            # After the words, which stay first in view: the pictures are for a longer look.
            insights.mount(new_chart("minutes-chart"), new_chart("ratings-chart"))
        history = self.closer.history
        minutes = self.query_one("#minutes-chart")
        ratings = self.query_one("#ratings-chart")
        today = self.closer.now().astimezone().date()
        minutes.display = draw_minutes(minutes, history, today)  # type: ignore[arg-type]
        ratings.display = draw_ratings(ratings, history, self.closer.couple)  # type: ignore[arg-type]

    def action_step_tab(self, step: int) -> None:
        step_tab(self.query_one(TabbedContent), step)

    # -- export ----------------------------------------------------------------------

    def action_export(self) -> None:
        if not self.closer.history_loaded:
            self.notify("Your history is still loading; try again in a moment.")
            return

        def chosen(path: Path | None) -> None:
            if path is not None:
                self.write_unless_there(path, "this export", lambda: self.export_to(path))

        self.app.push_screen(ExportScreen(), chosen)

    def write_unless_there(self, path: Path, what: str, write: Callable[[], object]) -> None:
        """``write``, after asking if ``path`` is already there: never over a file unasked."""
        if not path.is_file():
            write()
            return

        def answered(replace: bool | None) -> None:
            if replace:
                write()

        question = f"{path} is already there. Replace it with {what}?"
        self.app.push_screen(ConfirmScreen(question, yes="Replace it", no="Keep it"), answered)

    def action_favourites(self) -> None:
        from closer_tui.screens.favourites import FavouritesScreen

        self.app.push_screen(FavouritesScreen())

    def action_letters(self) -> None:
        from closer_tui.screens.letters import LettersScreen

        self.app.push_screen(LettersScreen())

    def action_keepsake(self) -> None:
        if not self.closer.history_loaded:
            self.notify("Your history is still loading; try again in a moment.")
            return
        from closer_tui.screens.history_keepsake import KeepsakeChoice, KeepsakeScreen

        now = self.closer.now().astimezone()
        years = sorted({r.started_at.astimezone().year for r in self.closer.history}, reverse=True)

        def chosen(choice: KeepsakeChoice | None) -> None:
            if choice is None:
                return
            from closer_tui.core.letters import opened_in

            # Read here, on the app's own thread: the worker only gathers and draws.
            letters = opened_in(self.closer.letters(), None)
            self.write_unless_there(
                choice.path,
                "this keepsake",
                lambda: self.keep_year(choice.year, choice.path, letters),
            )

        self.app.push_screen(KeepsakeScreen(years or [now.year]), chosen)

    @work(thread=True, exclusive=True, group="export")
    def keep_year(self, year: int, path: Path, letters: list[Letter]) -> None:
        """Gather, draw and write the keepsake off the main thread (the same page as the CLI)."""
        from closer_tui.core.favourites import KEPT, SECTION
        from closer_tui.core.keepsake import Period
        from closer_tui.core.keepsake_page import keepsake_html

        kept = self.closer.recall_keepsake(SECTION, KEPT)
        history = list(self.closer.history)
        page, story = keepsake_html(
            self.closer.couple,
            history,
            Period.year(year),
            self.closer.now(),
            kept=kept,
            letters=letters,
        )
        done = f"The keepsake of {story.period.words} is in {path}. Open it in any browser."
        self.write_out(path, page, "The keepsake", done, "Kept")

    def write_out(self, path: Path, text: str, what: str, done: str, title: str) -> None:
        """From a worker: write ``text`` to ``path`` atomically, and say how it went."""
        try:
            write_atomic(path, text.encode("utf-8"))
        except OSError as error:
            self.app.call_from_thread(
                self.notify,
                f"{what} could not be written to {path}: {plain_reason(error)}.",
                severity="error",
                timeout=15,
            )
            return
        if self.closer.lock_is_on:
            # Whatever leaves the data folder leaves the lock behind: say so, every time.
            from closer_tui.screens.lock import UNLOCKED_EXPORT

            done = f"{done}. {UNLOCKED_EXPORT}"
        self.app.call_from_thread(self.notify, done, title=title, timeout=10)

    @work(thread=True, exclusive=True, group="export")
    def export_to(self, path: Path) -> None:
        """Write the Markdown off the main thread: ten years take a moment to format."""
        text = to_markdown(self.closer.couple, list(self.closer.history))
        self.write_out(path, text, "The export", f"Your history is in {path}", "Exported")

    def action_back(self) -> None:
        self.dismiss(None)

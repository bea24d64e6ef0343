"""Notice the good: count the good moments between you today, and the hard ones too.

Two keys each, so neither has to reach across. Only the plain counts of the
two of you together are shown. 5:1 appears as what it is, a rule of thumb from
research on conflict conversations; nothing here turns the numbers into a
score, a verdict, a colour or a comparison of the two of you.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from closer_tui.core.counts import noticed_today
from closer_tui.core.models import PARTNER_KEYS, Outcome, PartnerKey, Tally
from closer_tui.widgets.activity import Activity
from closer_tui.widgets.partner import badge, named

TITLE = "Notice the good"

KEYS: dict[PartnerKey, tuple[str, str]] = {"first": ("q", "a"), "second": ("p", "l")}
"""(good, hard) for each partner: the left hand for the first, the right for the second."""


def added(*tallies: Tally) -> Tally:
    return Tally(
        positive=sum(t.positive for t in tallies), negative=sum(t.negative for t in tallies)
    )


class GoodTallyActivity(Activity):
    """Counts good and hard moments; ``s`` saves today's tally."""

    KIND = "good_tally"

    DEFAULT_CSS = """
    GoodTallyActivity { padding: 0 2; }
    GoodTallyActivity #gt-intro { height: auto; margin: 0 0 1 0; }
    GoodTallyActivity #gt-counts { height: auto; border: round $primary 50%; padding: 0 1; }
    GoodTallyActivity #gt-last { height: 1; color: $text-muted; }
    GoodTallyActivity #gt-keys { height: auto; margin: 1 0 0 0; }
    GoodTallyActivity #gt-note { height: auto; color: $text-muted; margin: 1 0 0 0; }
    """

    BINDINGS = [
        Binding("u", "undo", "Undo"),
        Binding("s", "save", "Save"),
    ]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.can_focus = True
        self.counts: dict[PartnerKey, Tally] = {key: Tally() for key in PARTNER_KEYS}
        self._history: list[tuple[PartnerKey, bool]] = []  # for undo: (who, good?)
        self._started_at: datetime | None = None
        self._before = Tally()
        """Kept today before this visit, and saved during it: the count shown goes on from here.

        Added up here rather than read again from the history, because in a guided
        session what is saved joins the history only when the evening ends.
        """

    @property
    def total(self) -> Tally:
        return added(*self.counts.values())

    def compose(self) -> ComposeResult:
        tally = self.closer.library.tally
        yield Static(tally.intro, id="gt-intro")
        yield Static("", id="gt-counts")
        yield Static("", id="gt-last")
        yield Static(self._keys_text(), id="gt-keys")
        yield Static(f"About 5:1 — {tally.ratio_note}", id="gt-note")

    def on_mount(self) -> None:
        earlier = noticed_today(self.closer.history, self.closer.now())
        self._before = Tally(positive=earlier.good, negative=earlier.hard)
        couple = self.closer.couple
        # One footer key per partner ("q/a Alex"): the lines above say which is good, which
        # hard, and four keys that each carry a name would not fit the footer at 80 columns.
        for key, (good, hard) in KEYS.items():
            name = couple.partner(key).name
            self._bindings.bind(good, f"count('{key}', True)", name, key_display=f"{good}/{hard}")
            self._bindings.bind(hard, f"count('{key}', False)", f"{name}: hard", show=False)
        self.refresh_bindings()
        self._show()
        self.focus()

    def _keys_text(self) -> Text:
        couple = self.closer.couple
        text = Text()
        for key, (good, hard) in KEYS.items():
            text.append_text(badge(couple.partner(key)))
            text.append("  press ")
            text.append(good, style="bold")
            text.append(" for a good moment, ")
            text.append(hard, style="bold")
            text.append(" for a hard one\n")
        tally = self.closer.library.tally
        text.append(
            f"Good: {', '.join(tally.positive_examples[:4])} …\n"
            f"Hard: {', '.join(tally.negative_examples[:4])} …",
            style="dim",
        )
        return text

    @property
    def today(self) -> Tally:
        """Everything noticed today: kept already, and counted since."""
        return added(self._before, self.total)

    def _show(self) -> None:
        total = self.today
        table = Table.grid(padding=(0, 4), expand=True)
        table.add_column(justify="center", ratio=1)
        table.add_column(justify="center", ratio=1)
        table.add_row(
            Text(str(total.positive), style="bold"), Text(str(total.negative), style="bold")
        )
        table.add_row("good moments today", "hard moments today")
        self.query_one("#gt-counts", Static).update(table)

    def action_count(self, who: PartnerKey, good: bool) -> None:
        if self._started_at is None:
            self._started_at = self.closer.now()
        tally = self.counts[who]
        field = "positive" if good else "negative"
        self.counts[who] = tally.model_copy(update={field: getattr(tally, field) + 1})
        self._history.append((who, good))
        noticed = Text.assemble(
            named(self.closer.couple.partner(who)),
            " noticed a good moment." if good else " noticed a hard moment.",
        )
        self.query_one("#gt-last", Static).update(noticed)
        self._show()

    def action_undo(self) -> None:
        if not self._history:
            return
        who, good = self._history.pop()
        tally = self.counts[who]
        field = "positive" if good else "negative"
        self.counts[who] = tally.model_copy(update={field: getattr(tally, field) - 1})
        self.query_one("#gt-last", Static).update("Taken back.")
        self._show()

    def action_save(self) -> None:
        counted = self.total
        if not self.report_pending():
            self.query_one("#gt-last", Static).update("Nothing counted yet.")
            return
        self._before = added(self._before, counted)
        self.query_one("#gt-last", Static).update(
            self.saved_then("Today's count carries on from here.")
        )
        self._show()

    def pending(self) -> tuple[Outcome, datetime] | None:
        if self._started_at is None or not self._history:
            return None
        outcome = self.untimed_outcome(
            TITLE,
            self._started_at,
            tally=self.total,
            data={"by": {key: tally.model_dump(mode="json") for key, tally in self.counts.items()}},
        )
        return outcome, self._started_at

    def forget(self) -> None:
        self.counts = {key: Tally() for key in PARTNER_KEYS}
        self._history = []
        self._started_at = None

"""The favourites shelf: every card they loved and every entry they kept, by kind.

Each line says what it was, when, and who; **enter** opens the session it
came from, **p** plays the loved cards again as a simple talk-through, and
**t** takes a kept entry off the shelf. Reached from History (**v**) and the
palette. What is on the shelf follows :mod:`closer_tui.core.favourites`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from closer_tui.core.favourites import KEPT, SECTION, Favourite, by_kind, letting_go, shelf
from closer_tui.screens.base import CloserScreen
from closer_tui.screens.history_detail import when_words
from closer_tui.widgets.card_deck import CardFace
from closer_tui.widgets.footer import CalmFooter
from closer_tui.widgets.option_list import Hanging, PageList, Row
from closer_tui.widgets.partner import named

HELP = """\
**Favourites.** The cards you loved ("we loved this one", **l** on a card) and
the entries you kept from History (**k** in a session). **enter** opens the
evening it came from; **p** talks through your loved cards again, one by one;
**t** takes a kept entry off the shelf (the session itself stays in History).
"""

EMPTY = (
    "Nothing on the shelf yet. Press l on a card you love, or k on a session in"
    " History to keep something one of you said."
)


def who_words(favourite: Favourite, closer: CloserScreen[None]) -> Text:
    if favourite.who in ("first", "second"):
        return named(closer.closer.couple.partner(favourite.who))  # type: ignore[arg-type]
    return Text("both of you")


class FavouritesScreen(CloserScreen[None]):
    """The shelf, grouped by kind, newest first in each group."""

    BINDINGS: ClassVar = [
        Binding("escape", "back", "Back"),
        Binding("p", "play", "Talk them through"),
        Binding("t", "let_go", "Take off the shelf"),
    ]

    DEFAULT_CSS = """
    FavouritesScreen #waiting { padding: 1 2; color: $text-muted; }
    """

    TITLE = "Favourites"
    SUB_TITLE = "What you loved and kept"
    help_text = HELP

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Loading your history…", id="waiting")
        yield PageList(id="shelf")
        yield CalmFooter()

    def on_mount(self) -> None:
        self.watch(self.closer, "history", self._history_changed, init=False)
        self.fill()

    def _history_changed(self) -> None:
        self.call_later(self.fill)  # the app marks the history loaded just after setting it

    @property
    def shelf(self) -> PageList[Favourite]:
        return self.query_one("#shelf", PageList)

    @property
    def favourites(self) -> list[Favourite]:
        """What is on the shelf, in the order shown."""
        return self.shelf.things

    def fill(self) -> None:
        shelf_list = self.shelf
        if not self.closer.history_loaded:
            shelf_list.display = False
            return
        kept = self.closer.recall_keepsake(SECTION, KEPT)
        shelf_list.display = True
        self.query_one("#waiting", Static).display = False
        shelf_list.fill(self._rows(shelf(self.closer.history, kept)), empty=EMPTY)

    def _rows(self, favourites: list[Favourite]) -> Iterator[Row[Favourite]]:
        """Each kind under its name, a gap between kinds."""
        for number, (kind, items) in enumerate(by_kind(favourites)):
            if number:
                yield None
            yield Option(Text(f"{kind} · {len(items)}", style="bold"), disabled=True)
            for favourite in items:
                yield favourite, self._label(favourite)

    def _label(self, favourite: Favourite) -> Hanging:
        text = Text(favourite.text.splitlines()[0][:300] if favourite.text else "")
        if favourite.prompt and favourite.entry is not None:
            text = Text.assemble((f"{favourite.prompt}: ", "dim"), text)
        text.append("\n")
        text.append_text(who_words(favourite, self))
        text.append(f" · {when_words(favourite.when)}", style="dim")
        text.append(" · kept" if favourite.entry else " · loved", style="dim")
        return Hanging("", text, lead_width=0)

    def current(self) -> Favourite | None:
        return self.shelf.thing(self.shelf.highlighted_option)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        favourite = self.current()
        if favourite is None:
            return
        from closer_tui.screens.history_detail import HistoryDetailScreen

        for record in self.closer.history:
            if record.id == favourite.session_id:
                self.app.push_screen(HistoryDetailScreen(record, can_delete=False))
                return

    def action_play(self) -> None:
        cards = [f for f in self.favourites if f.card_id is not None]
        if not cards:
            self.notify("No loved cards yet: press l on a card you love.", timeout=5)
            return
        self.app.push_screen(TalkThroughScreen(cards))

    def action_let_go(self) -> None:
        favourite = self.current()
        if favourite is None:
            return
        if favourite.entry is None:
            self.notify("A loved card stays loved; only kept entries can be taken off.", timeout=5)
            return
        kept = self.closer.recall_keepsake(SECTION, KEPT)
        self.closer.save_keepsake(SECTION, KEPT, letting_go(kept, favourite.entry))
        self.notify("Taken off the shelf. The session is still in History.", timeout=4)
        self.fill()

    def action_back(self) -> None:
        self.dismiss(None)


class TalkThroughScreen(CloserScreen[None]):
    """The loved cards again, one at a time, to talk about together: nothing is saved."""

    BINDINGS: ClassVar = [
        Binding("escape", "back", "Back"),
        Binding("n,right,space", "step(1)", "Next", key_display="n"),
        Binding("b,left", "step(-1)", "Before", key_display="b"),
    ]

    DEFAULT_CSS = """
    TalkThroughScreen Vertical { padding: 1 2; }
    TalkThroughScreen .aside { color: $text-muted; }
    """

    TITLE = "Favourites"
    SUB_TITLE = "Talk them through"
    help_text = (
        "**Your loved cards, again.** Read the card aloud and talk about it; **n** for the"
        " next, **b** for the one before. Nothing here is saved: it is just for tonight."
    )

    def __init__(self, cards: list[Favourite]) -> None:
        super().__init__()
        self.cards = cards
        self.at = 0

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical():
            yield Static(id="where", classes="aside")
            yield CardFace("", id="card")
            yield Static(id="from", classes="aside")
        yield CalmFooter()

    def on_mount(self) -> None:
        self.show()

    def show(self) -> None:
        card = self.cards[self.at]
        self.query_one("#where", Static).update(
            f"Card {self.at + 1} of {len(self.cards)} you loved · {card.kind_words}"
        )
        self.query_one("#card", CardFace).update(Text(card.text))
        self.query_one("#from", Static).update(
            f"You loved it on {when_words(card.when)}. n: next · b: before · escape: back"
        )

    def action_step(self, by: int) -> None:
        self.at = (self.at + by) % len(self.cards)
        self.show()

    def action_back(self) -> None:
        self.dismiss(None)

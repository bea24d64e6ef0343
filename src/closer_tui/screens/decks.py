"""The deck chooser: every deck a couple can pick tonight, and how many cards each has left.

Beside the three depths: the topic decks, the quick ways to play (this or
that, where do you stand), Love Maps, the inner world, touch and date ideas,
and, once both partners said yes privately, the opt-in deck. "Things feel
tense tonight" draws only gentle cards, here and in a guided session tonight.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from closer_tui.core.deck import Deck, drawable, feel_tense, tense_tonight
from closer_tui.core.shelf import (
    GROUP_TITLES,
    NOT_NOW,
    Shelf,
    both_said_yes,
    close_intimacy,
    intimacy_is_open,
    open_shelves,
)
from closer_tui.screens.activity import ActivityScreen
from closer_tui.screens.base import CloserScreen
from closer_tui.screens.confirm import ConfirmScreen
from closer_tui.widgets.footer import CalmFooter
from closer_tui.widgets.option_list import CalmOptionList
from closer_tui.widgets.private_round import Ask, PrivateRound

if TYPE_CHECKING:
    from closer_tui.app import CloserApp

ASK_INTIMACY = "ask-intimacy"

PLAYING_HELP = """\
**Playing a card.** n the next card (you swap who goes first) · s pass it, no reason
needed · w another way to play it · l "we loved this one" · d save.

**The ways.** *Talk* it through. *Answer privately*: each types unseen, then both
answers appear together. *Guess my answer*: one answers, the other guesses; nobody
keeps score. *This or that*: both choose at the same moment, the first partner on
`f` / `d`, the second on `j` / `k`; nothing shows until you both chose. *Where do you
stand?*: each places yourself from 1 to 5, privately, then side by side.

**Your own decks.** Add `[[decks]]` and cards in `my-content.toml`, or bring in a
friend's or a therapist's deck with `closer deck import FILE` (and share one with
`closer deck export DECK -o FILE`)."""


def deck_screen(app: CloserApp, shelf_id: str) -> Screen[None]:
    """One deck, card by card: from the chooser, or straight from the palette."""
    from closer_tui.activities.deck_play import DeckActivity

    title = next(s.title for s in open_shelves(app.library, app) if s.id == shelf_id)
    tense = tense_tonight(app, app.now().astimezone().date())
    activity = DeckActivity(options={"deck": shelf_id, "tense": tense})
    return ActivityScreen(title, [("Cards", activity)], help_text=PLAYING_HELP)


class DeckChooserScreen(CloserScreen[None]):
    """Pick a deck; enter opens it, card by card."""

    help_text = (
        "Pick a deck to play tonight. Beside each: how many cards are still to come "
        "before it starts over.\n\n"
        "t says things feel tense tonight: only gentle cards, until the day ends, in "
        "guided sessions too. o asks you both, privately, about the opt-in deck (or "
        "closes it).\n\n" + PLAYING_HELP
    )

    BINDINGS: ClassVar = [
        Binding("escape", "back", "Back"),
        Binding("t", "tense", "Tense tonight"),
        Binding("o", "opt_in", "Opt-in deck"),
    ]

    DEFAULT_CSS = """
    DeckChooserScreen #decks-intro { padding: 0 2; margin: 1 0 0 0; color: $text-muted; }
    DeckChooserScreen #decks-tense { padding: 0 2; height: auto; }
    DeckChooserScreen CalmOptionList { height: 1fr; margin: 1 1 0 1; }
    """

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            "Pick a deck. Enter opens it; every card can be passed without a reason.",
            id="decks-intro",
        )
        yield Static("", id="decks-tense")
        yield CalmOptionList(id="decks-list")
        yield CalmFooter(compact=True)

    _filled_for_mount = False

    def on_mount(self) -> None:
        self.title = "Card decks"
        self._fill()
        self._filled_for_mount = True
        self.query_one(CalmOptionList).focus()

    def on_screen_resume(self) -> None:
        if self._filled_for_mount:  # the first resume follows the mount: filled already
            self._filled_for_mount = False
            return
        self._fill()  # a deck played since has fewer cards to go

    @property
    def tense(self) -> bool:
        return tense_tonight(self.closer, self.closer.now().astimezone().date())

    def _shelves(self) -> list[Shelf]:
        return open_shelves(self.closer.library, self.closer)

    def _fill(self) -> None:
        library = self.closer.library
        tense = self.tense
        options: list[Option | None] = []
        group = None
        for found in self._shelves():
            if found.group != group:
                group = found.group
                options.append(Option(Text(GROUP_TITLES[found.group], style="bold"), disabled=True))
            cards = drawable(found.cards(library), tense=tense)
            line = Text(f"  {found.title}")
            if cards:
                left = Deck(found.memory, self.closer, self.closer.rng).left(cards)
                line.append(f"  ·  {left} to go", style="dim")
            else:
                line.append("  ·  no gentle cards" if tense else "  ·  no cards yet", style="dim")
            options.append(Option(line, id=found.id, disabled=not cards))
        if not intimacy_is_open(self.closer):
            options.append(Option(Text(GROUP_TITLES["opt-in"], style="bold"), disabled=True))
            options.append(
                Option(Text("  Desire and closeness: ask us both, privately (o)"), id=ASK_INTIMACY)
            )
        deck_list = self.query_one(CalmOptionList)
        highlighted = deck_list.highlighted
        deck_list.clear_options()
        deck_list.add_options(options)
        if highlighted is not None and highlighted < len(options):
            deck_list.highlighted = highlighted
        else:
            deck_list.action_first()
        self.query_one("#decks-tense", Static).update(
            "Things feel tense tonight: gentle cards only. t to change."
            if tense
            else "t if things feel tense tonight: then only gentle cards."
        )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        chosen = event.option.id
        if chosen == ASK_INTIMACY:
            self.action_opt_in()
        elif chosen is not None:
            self.open_deck(chosen)

    def open_deck(self, shelf_id: str) -> None:
        self.app.push_screen(deck_screen(self.closer, shelf_id))

    def action_tense(self) -> None:
        feel_tense(self.closer, self.closer.now().astimezone().date(), not self.tense)
        self._fill()

    def action_opt_in(self) -> None:
        if not intimacy_is_open(self.closer):
            self.app.push_screen(ConsentScreen(), lambda _: self._fill())
            return

        def close(yes: bool | None) -> None:
            if yes:
                close_intimacy(self.closer)
                self.notify("The opt-in deck is closed.", timeout=3)
                self._fill()

        self.app.push_screen(
            ConfirmScreen(
                "Close the deck on desire and closeness? Either of you can ask to open "
                "it again another day.",
                yes="Close it",
                no="Keep it open",
            ),
            close,
        )

    def action_back(self) -> None:
        self.dismiss()


CONSENT_ASK = Ask(
    "yes",
    "Would you like the deck on desire and closeness to be open to you both? "
    "Warm and never explicit. It opens only if you both say yes, and neither "
    "of you will learn what the other said.",
    scale=("Yes, I'd like that", "No, not now"),
)


CONSENT_NOTE = (
    "One question for each of you, answered privately, about a deck of cards on "
    "desire and closeness."
)


class ConsentScreen(CloserScreen[None]):
    """Both answer yes or no at once, privately; only two yeses open the deck.

    The answers are never shown and never kept: whatever the reason it stays
    closed, both see the same words, so a single yes is learned by nobody.
    """

    help_text = (
        "Each of you answers privately. The deck opens only if you both say yes; "
        "otherwise it stays closed and neither of you learns what the other said."
    )

    BINDINGS: ClassVar = [Binding("escape", "back", "Back")]

    DEFAULT_CSS = """
    ConsentScreen VerticalScroll { padding: 1 2; }
    ConsentScreen #consent-after { margin: 1 0 0 0; text-style: bold; }
    """

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(), Vertical():
            couple, clock = self.closer.couple, self.closer.clock
            yield PrivateRound(couple, [CONSENT_ASK], clock=clock, show=False, note=CONSENT_NOTE)
            yield Static("", id="consent-after")
        yield CalmFooter(compact=True)

    def on_mount(self) -> None:
        self.title = "The opt-in deck"
        self.query_one(PrivateRound).focus()

    def on_private_round_revealed(self, event: PrivateRound.Revealed) -> None:
        event.stop()
        yes = all(answer.get("yes") == 1 for answer in event.answers.values())
        event.answers.clear()  # nothing about a single answer outlives this moment
        event.round.remove()
        if yes:
            both_said_yes(self.closer, self.closer.now().astimezone().date())
            after = (
                "You both said yes: the deck is open, in the chooser under "
                "“Just for the two of you”. Either of you can close it again (o)."
            )
        else:
            after = NOT_NOW
        self.query_one("#consent-after", Static).update(f"{after}\n\nEscape goes back.")

    def action_back(self) -> None:
        self.dismiss()

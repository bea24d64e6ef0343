"""The deck chooser and the five ways to play a card, by two partners at one keyboard."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from helpers import (
    AppFactory,
    choose,
    hand_over,
    open_place,
    screen_flat,
    screen_text,
    start_plan,
    tap,
)
from textual.pilot import Pilot

from closer_tui.activities.deck_play import DeckActivity
from closer_tui.app import CloserApp
from closer_tui.core.basics import OWN_CONTENT_FILE
from closer_tui.core.clock import ManualClock
from closer_tui.core.store import Store
from closer_tui.screens.decks import DeckChooserScreen
from closer_tui.widgets.card_deck import PickRound
from closer_tui.widgets.private_round import HANDOVER_SECONDS

SCORE_WORDS = re.compile(r"\b(score[ds]?|points?|right|wrong|correct|wins?)\b", re.IGNORECASE)

CARDS = Path(__file__).parent / "card_samples"
OWN = (CARDS / "sundays.toml").read_text("utf-8")
"""The couple's own Sunday deck: one card of each way to play, one of them risky."""


def score_words(shown: str, card_text: str) -> set[str]:
    """Words of scoring on screen, but for those the card's own text uses ("turned out wrong")."""
    on_card = {word.lower() for word in SCORE_WORDS.findall(card_text)}
    return {word.lower() for word in SCORE_WORDS.findall(shown)} - on_card


def with_own_cards(store: Store, text: str = OWN) -> Store:
    (Path(store.root) / OWN_CONTENT_FILE).write_text(text, "utf-8")
    return store


@pytest.fixture
def app(store_with_couple: Store, make_app: AppFactory) -> CloserApp:
    """Alex and Sam's closer with their own Sunday deck beside the shelf's."""
    return make_app(with_own_cards(store_with_couple))


async def draw(pilot: Pilot[None], deck: DeckActivity, times: int) -> set[str]:
    """The ids of the next ``times`` cards the deck shows, each passed on with n."""
    seen = set()
    for _ in range(times):
        assert deck.current is not None
        seen.add(deck.current.card.id)
        await tap(pilot, "n")
    return seen


async def open_deck(pilot: Pilot[None], shelf_id: str, way: str | None = None) -> DeckActivity:
    """Open a deck from the chooser; with ``way``, check its first card is played that way."""
    await open_place(pilot, "decks")
    chooser = pilot.app.screen
    assert isinstance(chooser, DeckChooserScreen)
    chooser.open_deck(shelf_id)
    await pilot.pause()
    await pilot.pause()
    deck = pilot.app.screen.query_one(DeckActivity)
    if way is not None:
        assert deck.current is not None and deck.current.way == way
    return deck


async def settle(pilot: Pilot[None], clock: ManualClock) -> None:
    clock.advance(HANDOVER_SECONDS)
    await pilot.pause()


async def test_the_chooser_lists_every_kind_of_deck_with_what_is_left(
    app: CloserApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_place(pilot, "decks")
        assert isinstance(app.screen, DeckChooserScreen)
        ids = [o.id for o in app.screen.query_one("#decks-list").options]  # type: ignore[attr-defined]
        for wanted in ("light", "deeper", "deep", "our-days", "body-rest", "quick-picks",
                       "where-we-stand", "love-maps", "inner-world", "touch-ideas", "dates",
                       "sundays", "ask-intimacy"):  # fmt: skip
            assert wanted in ids, wanted
        assert "intimacy" not in ids, "the opt-in deck is closed until both say yes"
        chooser = app.screen
        option = chooser.query_one("#decks-list").get_option("sundays")  # type: ignore[attr-defined]
        assert "Our Sundays  ·  3 to go" in str(option.prompt)
        chooser.open_deck("sundays")
        await pilot.pause()
        await tap(pilot, "n", "escape")  # the first card was talked about: saved on leaving
        await tap(pilot, "s")
        assert app.screen is chooser
        option = chooser.query_one("#decks-list").get_option("sundays")  # type: ignore[attr-defined]
        assert "1 to go" in str(option.prompt), "two of the three are seen: one to go"


async def test_this_or_that_shows_nothing_until_both_chose_then_both_together(
    app: CloserApp, store_with_couple: Store, clock: ManualClock
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        deck = await open_deck(pilot, "quick-picks", way="pick")
        card = deck.current.card
        first_option, second_option = card.options  # type: ignore[union-attr]
        assert card.text in screen_flat(app)
        await settle(pilot, clock)
        await tap(pilot, "f")  # Alex: the first option
        shown = screen_text(app)
        assert "Alex: chosen ✓" in shown and "Sam: choosing…" in shown
        assert deck.pending() is None, "one choice alone is never kept nor shown"
        await pilot.press("d")  # Alex changes their mind: still nothing shown
        await tap(pilot, "k")  # Sam: the second option
        shown = screen_flat(app)
        assert f"You both chose {second_option.lower()}" in shown
        assert first_option not in shown.replace(card.text, "")
        assert not score_words(screen_text(app), card.text)
        # On disk before the next key: the round is kept the moment both chose.
        [record] = store_with_couple.load_history().sessions
        assert record.title == "This or that"
        assert [(e.who, e.text) for e in record.entries] == [
            ("first", second_option),
            ("second", second_option),
        ]
        assert app.screen.query(PickRound).first().choices == {"first": 1, "second": 1}


async def test_where_do_you_stand_is_private_then_side_by_side_then_what_surprised_you(
    app: CloserApp, store_with_couple: Store, clock: ManualClock
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        deck = await open_deck(pilot, "where-we-stand", way="stand")
        low, high = deck.current.card.ends  # type: ignore[union-attr]
        await hand_over(pilot, clock)
        assert low in screen_flat(app)  # the ends label the scale
        await choose(pilot, "2")
        await hand_over(pilot, clock)
        await choose(pilot, "5")
        assert deck.pending() is None
        await hand_over(pilot, clock)  # both look
        shown = screen_flat(app)
        assert "What surprised you?" in shown
        assert f"1 = {low} · 5 = {high}" in shown
        [record] = store_with_couple.load_history().sessions
        assert [(e.who, e.text[:6]) for e in record.entries] == [
            ("first", "2 of 5"),
            ("second", "5 of 5"),
        ]


async def test_guess_my_answer_and_answer_privately_reveal_together(
    app: CloserApp, store_with_couple: Store, clock: ManualClock
) -> None:
    app.rng = random.Random(3)
    async with app.run_test(size=(80, 24)) as pilot:
        deck = await open_deck(pilot, "light", way="talk")
        await tap(pilot, "w")  # answer privately
        assert deck.current.way == "private"
        await hand_over(pilot, clock)
        await pilot.press(*"sourdough", "enter")
        await hand_over(pilot, clock)
        await pilot.press(*"the sea", "enter")
        assert "sourdough" not in screen_text(app)
        await hand_over(pilot, clock)
        shown = screen_text(app)
        assert "sourdough" in shown and "the sea" in shown
        await tap(pilot, "n")  # the next card: Sam goes first
        await pilot.press("w", "w")  # guess my answer
        await pilot.pause()
        assert deck.current.way == "guess" and deck.current.first == "second"
        assert "Sam answers" in screen_text(app) and "Alex guesses" in screen_text(app)
        await hand_over(pilot, clock)
        await pilot.press(*"a quiet walk", "enter")
        await hand_over(pilot, clock)
        await pilot.press(*"a long nap", "enter")
        await hand_over(pilot, clock)
        shown = screen_text(app)
        assert "Sam answered" in shown and "Alex guessed" in shown
        assert not score_words(shown, deck.current.card.text)
    sessions = store_with_couple.load_history().sessions
    texts = [(e.who, e.text, e.parts.get("role", "")) for s in sessions for e in s.entries]
    assert ("first", "sourdough", "") in texts and ("second", "the sea", "") in texts
    assert ("second", "a quiet walk", "answer") in texts
    assert ("first", "a long nap", "guess") in texts


async def test_a_risky_card_is_never_a_guessing_game(
    app: CloserApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        deck = await open_deck(pilot, "sundays")
        for _ in range(3):
            assert deck.current is not None
            if deck.current.card.id == "sun-q2":
                break
            await tap(pilot, "n")
        assert deck.current is not None and deck.current.card.id == "sun-q2"
        ways = []
        for _ in range(3):
            ways.append(deck.current.way)
            await tap(pilot, "w")
        assert "guess" not in ways and set(ways) == {"talk", "private"}


async def test_a_date_can_be_marked_done_and_kept_for_again_some_time(
    app: CloserApp, store_with_couple: Store
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        deck = await open_deck(pilot, "dates")
        assert deck.current is not None
        date = deck.current.card.id
        assert "we did it" in screen_flat(app)
        await tap(pilot, "y", "l")
        [record] = store_with_couple.load_history().sessions
        assert record.entries[0].parts["did"] == "date"
        assert date in deck.deck.memory.loved


async def test_tense_tonight_draws_only_gentle_cards_in_the_chooser_and_the_deck(
    app: CloserApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_place(pilot, "decks")
        await tap(pilot, "t")
        assert "gentle cards only" in screen_flat(app)
        chooser = app.screen
        assert isinstance(chooser, DeckChooserScreen)
        chooser.open_deck("sundays")
        await pilot.pause()
        deck = app.screen.query_one(DeckActivity)
        seen = await draw(pilot, deck, 4)
        assert seen == {"sun-q1", "date-sun"}, "the risky card is not gentle: never drawn"


async def test_tense_tonight_reaches_tonights_question_too(app: CloserApp) -> None:
    """The question step of a guided session is this activity: it keeps to gentle cards."""
    from closer_tui.activities.questions import QuestionActivity

    async with app.run_test(size=(80, 24)) as pilot:
        await open_place(pilot, "decks")
        await tap(pilot, "t", "escape")
        await open_place(pilot, "questions")
        question = app.screen.query_one(QuestionActivity)
        drawn = []
        for _ in range(25):  # about one in three light questions is not gentle
            assert question.card is not None
            drawn.append(question.card)
            await tap(pilot, "s")
        assert all(card.gentle for card in drawn), [c.id for c in drawn if not c.gentle]


async def test_a_touch_idea_done_from_a_deck_counts_as_a_touch(app: CloserApp) -> None:
    from closer_tui.activities.touch_ideas import touches

    async with app.run_test(size=(80, 24)) as pilot:
        deck = await open_deck(pilot, "touch-ideas")
        assert deck.current is not None
        touch = deck.current.card.id
        await tap(pilot, "y")
        assert [idea for _, idea in touches(app.history)] == [touch]


PLAN = (CARDS / "sunday_plan.toml").read_text("utf-8")


async def test_a_guided_session_never_draws_a_risky_card(
    store_with_couple: Store, make_app: AppFactory, clock: ManualClock
) -> None:
    app = make_app(with_own_cards(store_with_couple, OWN + PLAN))
    async with app.run_test(size=(80, 24)) as pilot:
        await start_plan(pilot, "sunday-cards")
        await pilot.pause()
        deck = app.screen.query_one(DeckActivity)
        assert deck.guided
        seen = await draw(pilot, deck, 4)
        assert "sun-q2" not in seen and seen == {"sun-q1", "date-sun"}

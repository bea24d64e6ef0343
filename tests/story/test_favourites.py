"""The favourites shelf: loved cards and kept entries, by kind, with when and who."""

from __future__ import annotations

from datetime import UTC, date, datetime

from helpers import AppFactory, screen_text, tap
from story_kit import appreciation, loved_question, session

from closer_tui.core.favourites import KEPT, SECTION, by_kind, keeping, kept_keys, letting_go, shelf
from closer_tui.core.models import Entry
from closer_tui.core.store import Store
from closer_tui.screens.catalog import places
from closer_tui.screens.favourites import FavouritesScreen, TalkThroughScreen
from closer_tui.screens.history_detail import HistoryDetailScreen
from closer_tui.screens.keep_picker import KeepPicker

NOW = datetime(2026, 6, 1, 21, tzinfo=UTC)


def test_loved_cards_come_from_the_sessions_they_were_loved_in() -> None:
    loved = loved_question(date(2026, 5, 1), "What would you teach a child about love?")
    [favourite] = shelf([loved], None)
    assert (favourite.kind_words, favourite.text, favourite.who) == (
        "Questions",
        "What would you teach a child about love?",
        "both",
    )
    assert favourite.session_id == loved.id
    assert favourite.card_id == "q-1"


def test_a_card_loved_on_two_evenings_is_on_the_shelf_once_the_newest() -> None:
    older = loved_question(date(2026, 1, 1), "Where shall we go next summer?", card="q-7")
    newer = loved_question(date(2026, 5, 1), "Where shall we go next summer?", card="q-7")
    [favourite] = shelf([older, newer], None)
    assert favourite.session_id == newer.id


def test_kept_entries_by_their_place_and_nothing_hard_or_unrevealed() -> None:
    kept_one = appreciation(date(2026, 5, 2), "You waited up for me", "The bread")
    hard = appreciation(date(2026, 5, 3), "x", "y", data={"hard": True})
    hidden = appreciation(date(2026, 5, 4), "x", "y", completed=False)
    raw: object = None
    for record in (kept_one, hard, hidden):
        raw = keeping(raw, f"{record.id}/-/0", NOW)
    found = shelf([kept_one, hard, hidden], raw)
    assert [(f.text, f.who) for f in found] == [("You waited up for me", "first")]


def test_a_session_removed_from_history_takes_its_favourites_with_it() -> None:
    record = appreciation(date(2026, 5, 2), "You waited up for me", "The bread")
    raw = keeping(None, f"{record.id}/-/1", NOW)
    assert shelf([record], raw)
    assert shelf([], raw) == []


def test_keeping_is_once_and_letting_go_is_exact() -> None:
    raw = keeping(None, "a/-/0", NOW)
    raw = keeping(raw, "a/-/0", NOW)
    raw = keeping(raw, "b/-/1", NOW)
    assert kept_keys(raw) == ["a/-/0", "b/-/1"]
    assert kept_keys(letting_go(raw, "a/-/0")) == ["b/-/1"]
    assert kept_keys("nonsense") == []
    assert kept_keys([1, {"entry": 2}, {"entry": "c/-/0"}]) == ["c/-/0"]


def test_the_shelf_is_grouped_by_kind_largest_first() -> None:
    history = [loved_question(date(2026, 5, d), f"Question {d}", card=f"q-{d}") for d in (1, 2)] + [
        session(date(2026, 5, 3), "inner_world", data={"cards": ["i"], "loved": ["i"]})
    ]
    groups = by_kind(shelf(history, None))
    assert [kind for kind, _ in groups] == ["Questions", "Inner world"]
    assert [f.text for f in groups[0][1]] == ["Question 2", "Question 1"]


def test_the_palette_reaches_the_shelf_and_home_does_not_list_it(
    make_app: AppFactory, store_with_couple: Store
) -> None:
    app = make_app(store_with_couple)
    from closer_tui.core.quick import built_in_catalog

    app.catalog = built_in_catalog()
    place = next(p for p in places(app) if p.id == "favourites")
    assert not place.on_home
    assert "favorites" in place.words


async def test_keep_this_in_history_then_the_shelf_opens_plays_and_lets_go(
    make_app: AppFactory, store_with_couple: Store
) -> None:
    record = appreciation(date(2026, 5, 2), "You waited up for me", "The bread was still warm")
    loved = loved_question(date(2026, 5, 9), "Which song is ours, and why?")
    passed = session(
        date(2026, 5, 10), "question", entries=[Entry(who="first", prompt="Q", passed=True)]
    )
    for saved in (record, loved, passed):
        store_with_couple.save_session(saved)
    app = make_app(store_with_couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.push_screen(HistoryDetailScreen(passed))
        await pilot.pause()
        await tap(pilot, "k")  # only a pass: nothing to keep, and it says so
        assert isinstance(app.screen, HistoryDetailScreen)
        app.pop_screen()
        app.push_screen(HistoryDetailScreen(record))
        await pilot.pause()
        await tap(pilot, "k")
        assert isinstance(app.screen, KeepPicker)
        await pilot.press("down", "enter")  # Sam's appreciation
        await pilot.pause()
        assert kept_keys(app.recall_keepsake(SECTION, KEPT)) == [f"{record.id}/-/1"]
        assert kept_keys(store_with_couple.load_keepsakes().recall(SECTION, KEPT)) == [
            f"{record.id}/-/1"
        ]
        app.pop_screen()
        app.open_place("history")
        await pilot.pause()
        await tap(pilot, "v")
        assert isinstance(app.screen, FavouritesScreen)
        text = screen_text(app)
        assert "Appreciations · 1" in text and "Questions · 1" in text
        assert "The bread was still warm" in text and "Sam" in text
        assert "Which song is ours, and why?" in text and "both of you" in text

        await tap(pilot, "p")
        assert isinstance(app.screen, TalkThroughScreen)
        assert "Which song is ours, and why?" in screen_text(app)
        await tap(pilot, "escape")

        shelf_screen = app.screen
        assert isinstance(shelf_screen, FavouritesScreen)
        while shelf_screen.current() is None or shelf_screen.current().entry is None:  # type: ignore[union-attr]
            await pilot.press("down")
        await tap(pilot, "enter")
        assert isinstance(app.screen, HistoryDetailScreen)
        assert app.screen.record.id == record.id
        await tap(pilot, "d")  # no delete from the shelf: History's list does that
        assert isinstance(app.screen, HistoryDetailScreen)
        await tap(pilot, "escape", "t")
        assert kept_keys(app.recall_keepsake(SECTION, KEPT)) == []
        assert "The bread was still warm" not in screen_text(app)
        assert "Which song is ours, and why?" in screen_text(app)

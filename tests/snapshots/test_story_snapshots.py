"""Snapshots at 80x24 of our story's screens: the favourites shelf, sealed letters (one
sealed, one ready), the both-key gate, and History's keepsake dialog."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date, timedelta

from helpers import EVENING, AppFactory
from textual.pilot import Pilot

from closer_tui.core.models import Entry, SealedLetter, SessionRecord
from closer_tui.core.store import Store

Snap = Callable[..., bool]


def opening(place: str, *keys: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        pilot.app.open_place(place)  # type: ignore[attr-defined]
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause()

    return run_before


def with_a_loved_card_and_letters(store: Store) -> None:
    start = EVENING - timedelta(days=3)
    store.save_session(
        SessionRecord(
            kind="question",
            title="Ask better questions",
            actual_seconds=900,
            entries=[Entry(who="both", prompt="Which small ritual would you keep forever?")],
            data={"cards": ["q-1"], "loved": ["q-1"]},
            started_at=start,
            ended_at=start + timedelta(minutes=15),
        )
    )
    two_days_ago = EVENING - timedelta(days=2)
    store.save_letter(SealedLetter(who="first", text="Not yet", sealed_at=two_days_ago))
    store.save_letter(
        SealedLetter(
            who="second",
            text="Later",
            sealed_at=EVENING - timedelta(days=1),
            opens="date",
            opens_on=date(EVENING.year + 1, 2, 14),
        )
    )


def test_favourites_shelf(
    snap_compare: Snap, make_app: AppFactory, store_with_couple: Store
) -> None:
    with_a_loved_card_and_letters(store_with_couple)
    app = make_app(store_with_couple)
    assert snap_compare(app, terminal_size=(80, 24), run_before=opening("favourites"))


def test_letters_list(snap_compare: Snap, make_app: AppFactory, store_with_couple: Store) -> None:
    with_a_loved_card_and_letters(store_with_couple)
    app = make_app(store_with_couple)
    assert snap_compare(app, terminal_size=(80, 24), run_before=opening("letters"))


def test_letter_gate_with_one_key_pressed(
    snap_compare: Snap, make_app: AppFactory, store_with_couple: Store
) -> None:
    with_a_loved_card_and_letters(store_with_couple)
    app = make_app(store_with_couple)
    run = opening("letters", "down", "enter", "f")
    assert snap_compare(app, terminal_size=(80, 24), run_before=run)


def test_keepsake_dialog(
    snap_compare: Snap, make_app: AppFactory, store_with_couple: Store
) -> None:
    with_a_loved_card_and_letters(store_with_couple)
    app = make_app(store_with_couple)
    assert snap_compare(app, terminal_size=(80, 24), run_before=opening("history", "k"))

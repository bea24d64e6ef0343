"""The app holds the history it loads lightly (core/memory.py): alike records share."""

from __future__ import annotations

from helpers import EVENING, AppFactory

from closer_tui.core.models import SessionRecord
from closer_tui.core.store import Store


async def test_the_loaded_history_shares_its_sets(
    store_with_couple: Store, make_app: AppFactory
) -> None:
    for day in range(1, 4):
        start = EVENING.replace(day=day)
        store_with_couple.save_session(
            SessionRecord(kind="hug", title="A hug", started_at=start, ended_at=start)
        )
    app = make_app(store_with_couple)
    async with app.run_test(size=(80, 24)) as pilot:
        while not app.history_loaded:
            await pilot.pause()
        assert len(app.history) == 3
        assert len({id(record.__pydantic_fields_set__) for record in app.history}) == 1

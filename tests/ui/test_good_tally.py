"""Notice the good: plain counts, 5:1 only as a rule of thumb, and no verdict anywhere."""

from __future__ import annotations

import re

from helpers import screen_text
from textual.pilot import Pilot

from closer_tui.activities.good_tally import GoodTallyActivity
from closer_tui.app import CloserApp
from closer_tui.core.models import Tally
from closer_tui.core.store import Store

VERDICT_WORDS = re.compile(r"\b(fail\w*|bad|score\w*|grade\w*|poor|good job|well done|warning)\b")


async def open_tally(pilot: Pilot[None]) -> GoodTallyActivity:
    await pilot.pause()
    app = pilot.app
    assert isinstance(app, CloserApp)
    app.open_place("appreciation")
    await pilot.pause()
    await pilot.press("ctrl+pagedown")  # from the first tab to "Notice the good"
    await pilot.pause()
    activity = app.screen.query_one(GoodTallyActivity)
    activity.focus()
    await pilot.pause()
    return activity


async def test_each_partner_counts_with_their_own_keys_and_the_tally_is_saved(
    store_with_couple: Store, app: CloserApp
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        tally = await open_tally(pilot)
        await pilot.press("q", "q", "p", "a", "p", "p", "l")
        assert tally.total == Tally(positive=5, negative=2)
        assert "Sam noticed a hard moment." in screen_text(app)
        await pilot.press("u")  # take back Sam's last
        assert tally.total == Tally(positive=5, negative=1)
        await pilot.press("s")
        await pilot.pause()
        assert tally.pending() is None, "nothing is left unsaved after saving"

    [record] = store_with_couple.load_history().sessions
    assert record.kind == "good_tally"
    assert record.tally == Tally(positive=5, negative=1)
    assert record.data["by"] == {
        "first": {"positive": 2, "negative": 1},
        "second": {"positive": 3, "negative": 0},
    }


async def test_the_numbers_never_become_a_verdict(app: CloserApp) -> None:
    """Whatever the counts, only the digits change: no word, grade or colour follows them."""
    async with app.run_test(size=(100, 40)) as pilot:
        await open_tally(pilot)
        ratio_note = app.library.tally.ratio_note
        intro = app.library.tally.intro
        screens = []
        for keys in ([], ["a"] * 6, ["q"] * 10, ["q"] * 5 + ["a"], ["p"] * 2 + ["l"] * 9):
            await pilot.press("u", *(["u"] * 20))  # back to nothing
            if keys:
                await pilot.press(*keys)
            await pilot.pause()
            shown = screen_text(app)
            assert "5:1" in shown, "the rule of thumb is shown"
            # The fixed texts say what the tally is NOT; everything else must hold no verdict.
            rest = " ".join(shown.split())
            for fixed in (ratio_note, intro):
                rest = rest.replace(" ".join(fixed.split()), "")
            assert "5:1" in rest
            assert not VERDICT_WORDS.search(rest.lower()), rest
            # The last-noticed line names who pressed; strip it, then only digits may differ.
            body = "\n".join("" if "noticed" in line else line for line in shown.splitlines())
            screens.append(re.sub(r"\d+", "#", body.replace("Taken back.", "")))
        assert len(set(screens)) == 1, "only the numbers change with the numbers"
        assert "ratio" not in screens[0].lower()


async def test_usable_at_60x20(app: CloserApp) -> None:
    async with app.run_test(size=(60, 20)) as pilot:
        await open_tally(pilot)
        await pilot.press("q")
        shown = screen_text(app)
        assert "good moments today" in shown
        assert "q/a Alex" in shown, "the footer says whose keys are whose"


def counted_today(app: CloserApp) -> tuple[int, int]:
    """The two numbers above "good moments today" and "hard moments today"."""
    lines = screen_text(app).splitlines()
    label = next(i for i, line in enumerate(lines) if "good moments today" in line)
    good, hard = (int(n) for n in re.findall(r"\d+", lines[label - 1]))
    return good, hard


async def test_saving_keeps_todays_count_and_a_later_visit_goes_on_from_it(
    store_with_couple: Store, app: CloserApp
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        tally = await open_tally(pilot)
        await pilot.press("q", "p", "q")
        await pilot.press("s")
        await pilot.pause()
        assert counted_today(app) == (3, 0), "three saved are still three today"
        assert "Today's count carries on" in screen_text(app)
        await pilot.press("l", "u")  # undo takes back only what is not saved
        await pilot.press("u")
        await pilot.pause()
        assert counted_today(app) == (3, 0)
        await pilot.press("p")
        await pilot.pause()
        assert counted_today(app) == (4, 0)
        assert tally.total == Tally(positive=1, negative=0), "only the new one is saved next"
        await pilot.press("s")
        await pilot.pause()

        await pilot.press("escape")
        await pilot.pause()
        await open_tally(pilot)
        assert counted_today(app) == (4, 0), "today's earlier tallies count on a new visit"
    records = store_with_couple.load_history().sessions
    assert sorted(r.tally.positive for r in records if r.tally) == [1, 3]

"""The countdown panel draws its own lines and redraws only the rows that change.

These tests read the lines the way Textual's compositor does (through the
widget's line cache), so a row left stale after a tick would show here.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from rich.style import Style
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.pilot import Pilot
from textual.renderables.digits import Digits

from closer_tui.core.clock import ManualClock, format_mmss
from closer_tui.widgets.countdown import BAR_ROW, BAR_WIDTH, STATUS_ROW, CountdownPanel


class PanelApp(App[None]):
    def __init__(self, clock: ManualClock, seconds: float, *, compact: bool = False) -> None:
        super().__init__()
        self.panel = CountdownPanel(seconds, clock=clock, bell=False, pulse=False, compact=compact)

    def compose(self) -> ComposeResult:
        yield self.panel


def drawn(panel: CountdownPanel) -> list[str]:
    """The panel's lines as the compositor gets them, as text."""
    width, height = panel.size
    return [strip.text for strip in panel.render_lines(Region(0, 0, width, height))]


def bar_filled(panel: CountdownPanel) -> int:
    width, height = panel.size
    strip = panel.render_lines(Region(0, 0, width, height))[BAR_ROW]
    done = panel.get_component_rich_style("countdown--done")
    return sum(len(segment.text) for segment in strip if segment.style == done)


def digit_rows(time: str) -> list[str]:
    big = "".join(segment.text for segment in Digits(time).render(Style()))
    return [row.strip() for row in big.splitlines()]


class Running:
    """A started panel on its own fake clock, read the way the compositor reads it."""

    def __init__(self, pilot: Pilot[Any], panel: CountdownPanel, clock: ManualClock) -> None:
        self.pilot = pilot
        self.panel = panel
        self.clock = clock

    async def tick(self, seconds: float) -> None:
        """Time moves on and the panel notices, as its timer would."""
        self.clock.advance(seconds)
        self.panel.sync()
        await self.pilot.pause()

    async def press(self, key: str) -> None:
        await self.pilot.press(key)
        await self.pilot.pause()

    def digits(self) -> list[str]:
        """The big time, row by row."""
        return [line.strip() for line in drawn(self.panel)[:3]]

    def status(self) -> str:
        return drawn(self.panel)[STATUS_ROW].strip()

    def compact(self) -> list[str]:
        return [line.strip() for line in drawn(self.panel)]


@asynccontextmanager
async def started(
    seconds: float, *, compact: bool = False, width: int = 60
) -> AsyncIterator[Running]:
    clock = ManualClock()
    app = PanelApp(clock, seconds, compact=compact)
    async with app.run_test(size=(width, 8)) as pilot:
        app.panel.start()
        await pilot.pause()
        yield Running(pilot, app.panel, clock)


async def test_every_tick_shows_the_time_left_and_a_bar_in_step() -> None:
    async with started(80) as run:
        for seconds in (0.4, 0.6, 1, 3, 7.5, 0.5, 13, 20, 4):
            await run.tick(seconds)
            assert run.digits() == digit_rows(format_mmss(run.panel.countdown.remaining))
            assert bar_filled(run.panel) == round(run.panel.countdown.progress * BAR_WIDTH)
            assert run.status() == ""


async def test_pause_shows_a_status_line_and_carrying_on_clears_it() -> None:
    async with started(30) as run:
        await run.tick(4)
        await run.pilot.press("p")
        await run.tick(100)
        assert run.status() == "Paused. Press p to carry on."
        assert run.digits() == digit_rows("0:26")
        await run.pilot.press("p")
        await run.tick(1)
        assert run.status() == ""
        assert run.digits() == digit_rows("0:25")


async def test_a_resize_draws_everything_again_at_the_new_width() -> None:
    async with started(40, width=80) as run:
        await run.tick(10)
        await run.pilot.resize_terminal(30, 8)
        await run.pilot.pause()
        panel = run.panel
        assert all(len(line) == panel.content_size.width for line in drawn(panel))
        assert bar_filled(panel) == round(0.25 * min(BAR_WIDTH, panel.content_size.width))
        assert run.digits() == digit_rows("0:30")


async def test_compact_shows_one_quiet_line() -> None:
    async with started(90, compact=True) as run:
        await run.tick(31)
        assert run.panel.size.height == 1
        assert run.compact() == ["0:59"]
        await run.press("p")
        assert run.compact() == ["0:59 · paused"]


async def test_an_ended_panel_shows_the_time_spent_not_the_time_left() -> None:
    async with started(180) as run:
        await run.tick(5)
        await run.pilot.press("e")
        await run.tick(30)  # the clock moves on; the panel does not
        assert run.digits() == digit_rows("0:05")
        assert run.status() == "time together"
        assert run.panel.shown == "0:05"


async def test_a_panel_that_ran_out_shows_its_whole_time() -> None:
    async with started(20) as run:
        await run.tick(25)
        assert run.digits() == digit_rows("0:20")
        assert run.status() == "time together"
        assert bar_filled(run.panel) == min(BAR_WIDTH, run.panel.content_size.width)


async def test_compact_ended_says_the_time_together() -> None:
    async with started(180, compact=True) as run:
        await run.tick(5)
        await run.press("e")
        assert run.compact() == ["0:05 together"]


async def test_a_caption_says_what_the_time_counts_and_a_pause_replaces_it() -> None:
    async with started(600) as run:
        run.panel.caption = "left of your talk"
        await run.tick(1)
        assert run.status() == "left of your talk"
        await run.press("p")
        assert run.status() == "Paused. Press p to carry on."
        await run.press("p")
        assert run.status() == "left of your talk"


async def test_the_bar_reads_without_colour() -> None:
    async with started(40) as run:
        await run.tick(10)
        bar = drawn(run.panel)[BAR_ROW].strip()
        assert bar == "━" * 10 + "─" * 30, "done and still to come differ in shape, not only hue"

"""The countdown panel draws its own lines and redraws only the rows that change.

These tests read the lines the way Textual's compositor does (through the
widget's line cache), so a row left stale after a tick would show here.
"""

from __future__ import annotations

from rich.style import Style
from textual.app import App, ComposeResult
from textual.geometry import Region
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


async def tick(pilot: object, clock: ManualClock, panel: CountdownPanel, seconds: float) -> None:
    clock.advance(seconds)
    panel.sync()
    await pilot.pause()  # type: ignore[attr-defined]


async def test_every_tick_shows_the_time_left_and_a_bar_in_step() -> None:
    clock = ManualClock()
    app = PanelApp(clock, 80)
    async with app.run_test(size=(60, 8)) as pilot:
        panel = app.panel
        panel.start()
        await pilot.pause()
        for seconds in (0.4, 0.6, 1, 3, 7.5, 0.5, 13, 20, 4):
            await tick(pilot, clock, panel, seconds)
            lines = drawn(panel)
            assert [line.strip() for line in lines[:3]] == digit_rows(
                format_mmss(panel.countdown.remaining)
            )
            assert bar_filled(panel) == round(panel.countdown.progress * BAR_WIDTH)
            assert lines[STATUS_ROW].strip() == ""


async def test_pause_shows_a_status_line_and_carrying_on_clears_it() -> None:
    clock = ManualClock()
    app = PanelApp(clock, 30)
    async with app.run_test(size=(60, 8)) as pilot:
        panel = app.panel
        panel.start()
        await tick(pilot, clock, panel, 4)
        await pilot.press("p")
        await tick(pilot, clock, panel, 100)
        lines = drawn(panel)
        assert lines[STATUS_ROW].strip() == "Paused. Press p to carry on."
        assert [line.strip() for line in lines[:3]] == digit_rows("0:26")
        await pilot.press("p")
        await tick(pilot, clock, panel, 1)
        lines = drawn(panel)
        assert lines[STATUS_ROW].strip() == ""
        assert [line.strip() for line in lines[:3]] == digit_rows("0:25")


async def test_a_resize_draws_everything_again_at_the_new_width() -> None:
    clock = ManualClock()
    app = PanelApp(clock, 40)
    async with app.run_test(size=(80, 8)) as pilot:
        panel = app.panel
        panel.start()
        await tick(pilot, clock, panel, 10)
        await pilot.resize_terminal(30, 8)
        await pilot.pause()
        lines = drawn(panel)
        assert all(len(line) == panel.content_size.width for line in lines)
        assert bar_filled(panel) == round(0.25 * min(BAR_WIDTH, panel.content_size.width))
        assert [line.strip() for line in lines[:3]] == digit_rows("0:30")


async def test_compact_shows_one_quiet_line() -> None:
    clock = ManualClock()
    app = PanelApp(clock, 90, compact=True)
    async with app.run_test(size=(60, 8)) as pilot:
        panel = app.panel
        panel.start()
        await tick(pilot, clock, panel, 31)
        assert panel.size.height == 1
        assert [line.strip() for line in drawn(panel)] == ["0:59"]
        await pilot.press("p")
        await pilot.pause()
        assert [line.strip() for line in drawn(panel)] == ["0:59 · paused"]


async def test_an_ended_panel_shows_the_time_spent_not_the_time_left() -> None:
    clock = ManualClock()
    app = PanelApp(clock, 180)
    async with app.run_test(size=(60, 8)) as pilot:
        panel = app.panel
        panel.start()
        await tick(pilot, clock, panel, 5)
        await pilot.press("e")
        await tick(pilot, clock, panel, 30)  # the clock moves on; the panel does not
        lines = drawn(panel)
        assert [line.strip() for line in lines[:3]] == digit_rows("0:05")
        assert lines[STATUS_ROW].strip() == "time together"
        assert panel.shown == "0:05"


async def test_a_panel_that_ran_out_shows_its_whole_time() -> None:
    clock = ManualClock()
    app = PanelApp(clock, 20)
    async with app.run_test(size=(60, 8)) as pilot:
        panel = app.panel
        panel.start()
        await tick(pilot, clock, panel, 25)
        lines = drawn(panel)
        assert [line.strip() for line in lines[:3]] == digit_rows("0:20")
        assert lines[STATUS_ROW].strip() == "time together"
        assert bar_filled(panel) == min(BAR_WIDTH, panel.content_size.width)


async def test_compact_ended_says_the_time_together() -> None:
    clock = ManualClock()
    app = PanelApp(clock, 180, compact=True)
    async with app.run_test(size=(60, 8)) as pilot:
        panel = app.panel
        panel.start()
        await tick(pilot, clock, panel, 5)
        await pilot.press("e")
        await pilot.pause()
        assert [line.strip() for line in drawn(panel)] == ["0:05 together"]


async def test_a_caption_says_what_the_time_counts_and_a_pause_replaces_it() -> None:
    clock = ManualClock()
    app = PanelApp(clock, 600)
    async with app.run_test(size=(60, 8)) as pilot:
        panel = app.panel
        panel.start()
        panel.caption = "left of your talk"
        await tick(pilot, clock, panel, 1)
        assert drawn(panel)[STATUS_ROW].strip() == "left of your talk"
        await pilot.press("p")
        await pilot.pause()
        assert drawn(panel)[STATUS_ROW].strip() == "Paused. Press p to carry on."
        await pilot.press("p")
        await pilot.pause()
        assert drawn(panel)[STATUS_ROW].strip() == "left of your talk"


async def test_the_bar_reads_without_colour() -> None:
    clock = ManualClock()
    app = PanelApp(clock, 40)
    async with app.run_test(size=(60, 8)) as pilot:
        panel = app.panel
        panel.start()
        await tick(pilot, clock, panel, 10)
        bar = drawn(panel)[BAR_ROW].strip()
        assert bar == "━" * 10 + "─" * 30, "done and still to come differ in shape, not only hue"

"""The countdown panel tells Textual only the columns that changed, and every one of them.

A tick repaints the digits' span (and the bar's), not the whole width: what
the terminal is sent is that much shorter. A cell that changed outside the
regions the panel names would stay stale on the terminal, so each tick here
checks every changed cell against them.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.geometry import Region

from closer_tui.core.clock import ManualClock
from closer_tui.widgets.countdown import CountdownPanel


class PanelApp(App[None]):
    def __init__(self, clock: ManualClock, *, compact: bool) -> None:
        super().__init__()
        self.panel = CountdownPanel(660, clock=clock, bell=False, pulse=False, compact=compact)

    def compose(self) -> ComposeResult:
        yield self.panel


def whole(panel: CountdownPanel) -> list[str]:
    """Each row of the panel, padding included, as the terminal would show it."""
    width, height = panel.outer_size
    return [strip.text for strip in panel.render_lines(Region(0, 0, width, height))]


@pytest.mark.parametrize("compact", [False, True])
async def test_every_changed_cell_is_in_a_region_it_names(compact: bool) -> None:
    clock = ManualClock()
    app = PanelApp(clock, compact=compact)
    async with app.run_test(size=(60, 8)) as pilot:
        panel = app.panel
        panel.start()
        await pilot.pause()
        named: list[Region] = []
        real = panel.refresh

        def refresh(*regions: Region, **kwargs: Any) -> CountdownPanel:
            named.extend(regions)
            return real(*regions, **kwargs)

        panel.refresh = refresh  # type: ignore[method-assign]
        narrower = 0
        # 11:00 to 10:59 to 9:59 (fewer digits), through a pause (the status line).
        for seconds, pause in [(1, False), (60, False), (0.5, True), (0, True), (7, False)]:
            before = whole(panel)
            named.clear()
            if pause:
                panel.action_pause()
            clock.advance(seconds)
            panel.sync()
            await pilot.pause()
            after = whole(panel)
            for y, (old, new) in enumerate(zip(before, after, strict=True)):
                for x, (a, b) in enumerate(zip(old, new, strict=True)):
                    if a != b:
                        assert any(r.contains(x, y) for r in named), (seconds, x, y, old, new)
            narrower += sum(r.width < panel.outer_size.width - 2 for r in named)
        assert compact or narrower, "the digits' span, not the whole width"

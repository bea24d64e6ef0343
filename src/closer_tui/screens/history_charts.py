"""History's *Together* tab, drawn: minutes by month and each partner's check-in line.

Charts are drawn with textual-plotext (Textualize's own plotting widget),
imported only when the *Together* tab is first shown, so History's first
frame never waits for it. Each partner's line is in their own colour and
with their own marker, and the legend names them, so the chart reads without
colour too; the lines beside it keep the numbers in words.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from closer_tui.core.insights import checkin_trend
from closer_tui.core.keepsake import last_months, minutes_by_month
from closer_tui.core.models import PARTNER_KEYS, Couple, SessionRecord

if TYPE_CHECKING:
    from textual_plotext import PlotextPlot

MARKERS = {"first": "●", "second": "◆"}
RATED_WEEKS = 26


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    value = hex_colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def new_chart(chart_id: str) -> PlotextPlot:
    from textual_plotext import PlotextPlot

    chart = PlotextPlot(id=chart_id)
    chart.styles.height = 14
    chart.styles.margin = (0, 0, 1, 0)
    return chart


def draw_minutes(chart: PlotextPlot, history: Sequence[SessionRecord], today: date) -> bool:
    """Minutes together in each of the last twelve months; False when there are none."""
    months = minutes_by_month(history, last_months(today), None)
    plt = chart.plt
    plt.clear_data()
    plt.clear_figure()
    if not any(minutes for _, minutes in months):
        return False
    values = [minutes for _, minutes in months]
    plt.bar([f"{month:%b}" for month, _ in months], values, marker="▇")
    top = max(values)
    plt.yticks([0, top // 2, top])  # whole minutes, not 477.5
    plt.title("Minutes together, month by month (the last twelve)")
    chart.refresh()
    return True


def draw_ratings(chart: PlotextPlot, history: Sequence[SessionRecord], couple: Couple) -> bool:
    """Each partner's weekly check-in ratings (1–10) as their own line; False if too few."""
    trend = checkin_trend(history, None)
    plt = chart.plt
    plt.clear_data()
    plt.clear_figure()
    if trend is None:
        return False
    days = sorted({day for series in trend.values() for day in series.days[-RATED_WEEKS:]})
    place = {day: index for index, day in enumerate(days)}
    for key in PARTNER_KEYS:
        series = trend.get(key)
        if series is None:
            continue
        pairs = zip(series.days, series.values, strict=True)
        points = [(place[day], value) for day, value in pairs if day in place]
        partner = couple.partner(key)
        plt.plot(
            [x for x, _ in points],
            [y for _, y in points],
            marker=MARKERS[key],
            color=_rgb(partner.hex),
            label=f"{partner.name} {MARKERS[key]}",
        )
    step = max(1, len(days) // 6)
    ticks: list[float] = list(range(0, len(days), step))
    plt.xticks(ticks, [f"{days[int(i)].day} {days[int(i)]:%b}" for i in ticks])
    plt.ylim(1, 10)
    plt.yticks([1, 4, 7, 10])
    plt.title("How connected each of you felt, week by week (each your own line)")
    chart.refresh()
    return True

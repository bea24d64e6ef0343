"""The keepsake as one self-contained HTML page: inline CSS, inline SVG, nothing else.

Why these two libraries:

- **jinja2** fills the page from ``templates/keepsake.html.j2`` with
  autoescaping on for every field: a couple's words are data, and
  ``<script>`` or ``{{ }}`` in an appreciation is shown as written, never run
  or expanded (jinja2 never evaluates the values it is given).
- **pygal** draws the charts as SVG in pure Python, offline, with no browser
  or native library to install. Its SVG carries a small ``<script>`` (its
  configuration for optional tooltips): that element is removed here, so the
  page runs no script at all and loads nothing (its ``js`` list is emptied,
  so it names no script from elsewhere either).

The page prints on A4 and Letter alike (content narrower than both, sections
kept whole across pages), and reads without colour: together days are
outlined as well as tinted, each partner's line has its own dash and name.
"""

from __future__ import annotations

import calendar
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from importlib.resources import files
from typing import Any

from closer_tui.core.basics import PARTNER_KEYS
from closer_tui.core.favourites import shelf
from closer_tui.core.insights import local_day
from closer_tui.core.keepsake import (
    Letter,
    Loved,
    Period,
    YearStory,
    day_words,
    gather,
    shorten,
)
from closer_tui.core.models import Couple, SessionRecord
from closer_tui.core.words import duration_words

TEMPLATE = "keepsake.html.j2"
SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
INK = "#2b2b33"
MUTED = "#6b6b76"
ACCENT = "#009E73"
"""Together days and the minutes' bars: the app's green, one of the Okabe–Ito colours."""
FONTS = 'system-ui, -apple-system, "Segoe UI", "Noto Sans", "DejaVu Sans", sans-serif'
DASHES = {"first": None, "second": "8,5"}
"""The second partner's line is dashed: the two read apart without colour too."""


@dataclass(frozen=True)
class CalendarDay:
    day: int
    together: bool
    inside: bool
    """Inside the keepsake's period (a from/to period may start mid-month)."""
    label: str


@dataclass(frozen=True)
class CalendarMonth:
    name: str
    weeks: list[list[CalendarDay | None]]
    together: int


def render(story: YearStory, made_on: datetime) -> str:
    """The whole page for ``story``, made on ``made_on`` (its date is printed at the foot)."""
    from jinja2 import Environment, StrictUndefined

    environment = Environment(
        autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True
    )
    source = files("closer_tui").joinpath("templates", TEMPLATE).read_text(encoding="utf-8")
    template = environment.from_string(source)
    return template.render(**_context(story, made_on))


def _context(story: YearStory, made_on: datetime) -> dict[str, Any]:
    from markupsafe import Markup

    names = story.names
    rated = any(len(series) >= 2 for series in story.ratings.values())
    return {
        "story": story,
        "names": names,
        "colours": story.colours,
        "both": f"{names['first']} & {names['second']}",
        "period": story.period.words,
        "headline": _headline(story),
        "months": _calendar(story),
        "minutes_chart": Markup(_minutes_chart(story)) if story.minutes else None,
        "minutes_words": duration_words(story.seconds),
        "month_rows": [
            (f"{month:%B}", duration_words(minutes * 60) if minutes else "—")
            for month, minutes in story.minutes_by_month
        ],
        "ratings_chart": Markup(_ratings_chart(story)) if rated else None,
        "rating_counts": {key: len(story.ratings[key]) for key in PARTNER_KEYS},
        "favourites": _grouped(story.favourites),
        "made_on": day_words(made_on.date()),
        "day_words": day_words,
        "partners": PARTNER_KEYS,
    }


def _headline(story: YearStory) -> str:
    if story.empty:
        return (
            f"No time together was saved in closer for {story.period.words}. "
            "This page is kept for the evenings still to come."
        )
    days = len(story.days_together)
    evenings = "one day" if days == 1 else f"{days:,} days"
    sessions = "one session" if story.sessions == 1 else f"{story.sessions:,} sessions"
    return (
        f"In {story.period.words} you made time for each other on {evenings}: "
        f"{sessions}, {duration_words(story.seconds)} together."
    )


def _calendar(story: YearStory) -> list[CalendarMonth]:
    weeks_of = calendar.Calendar(firstweekday=0)
    months = []
    for month in story.period.months():
        weeks: list[list[CalendarDay | None]] = []
        count = 0
        for week in weeks_of.monthdatescalendar(month.year, month.month):
            row: list[CalendarDay | None] = []
            for day in week:
                if day.month != month.month:
                    row.append(None)
                    continue
                together = day in story.days_together
                count += together
                label = f"{day_words(day)}{', together' if together else ''}"
                row.append(CalendarDay(day.day, together, story.period.holds(day), label))
            weeks.append(row)
        months.append(CalendarMonth(f"{month:%B}", weeks, count))
    return months


def _grouped(favourites: tuple[Loved, ...]) -> list[tuple[str, list[Loved]]]:
    groups: dict[str, list[Loved]] = {}
    for loved in favourites:
        groups.setdefault(loved.kind, []).append(loved)
    return list(groups.items())


# -- charts ----------------------------------------------------------------------


def _style(colours: tuple[str, ...]) -> Any:
    from pygal.style import Style

    return Style(
        background="transparent",
        plot_background="transparent",
        foreground=INK,
        foreground_strong=INK,
        foreground_subtle="#d8d8de",
        font_family=FONTS,
        label_font_family=FONTS,
        major_label_font_family=FONTS,
        value_font_family=FONTS,
        legend_font_family=FONTS,
        title_font_family=FONTS,
        label_font_size=13,
        major_label_font_size=13,
        legend_font_size=14,
        value_font_size=12,
        colors=colours,
        opacity="1",
        opacity_hover="1",
        transition="0s",
    )


def _quiet(chart: Any, label: str) -> str:
    """The chart's SVG with no script in it, named for screen readers, ready for the page."""
    svg: str = chart.render(is_unicode=True)
    ET.register_namespace("", SVG)
    ET.register_namespace("xlink", XLINK)
    root = ET.fromstring(svg)
    for parent in root.iter():
        for child in list(parent):
            if child.tag in (f"{{{SVG}}}script", "script"):
                parent.remove(child)
    root.set("role", "img")
    root.set("aria-label", label)
    return ET.tostring(root, encoding="unicode")


def _config() -> dict[str, Any]:
    return {
        "js": [],
        "disable_xml_declaration": True,
        "tooltip_fancy_mode": False,
        "width": 760,
        "height": 300,
        "margin": 12,
        "show_y_guides": True,
        "show_x_guides": False,
        "legend_at_bottom": True,
        "truncate_legend": -1,
        "truncate_label": -1,
    }


def _minutes_chart(story: YearStory) -> str:
    import pygal

    chart = pygal.Bar(
        style=_style((ACCENT,)),
        show_legend=False,
        print_values=True,
        print_values_position="top",
        y_title="minutes",
        **_config(),
    )
    chart.x_labels = [f"{month:%b}" for month, _ in story.minutes_by_month]
    chart.add("Minutes together", [minutes or None for _, minutes in story.minutes_by_month])
    return _quiet(chart, "Minutes together in each month, as bars")


def _ratings_chart(story: YearStory) -> str:
    import pygal

    colours = tuple(story.colours[key] for key in PARTNER_KEYS)
    chart = pygal.DateLine(
        style=_style(colours),
        range=(1, 10),
        y_labels=list(range(1, 11)),
        x_value_formatter=lambda d: f"{d:%b}",
        x_labels=[month for month in story.period.months()],
        dots_size=3,
        **_config(),
    )
    for key in PARTNER_KEYS:
        series = [(day, value) for day, value in story.ratings[key]]
        dash = DASHES[key]
        stroke: dict[str, Any] = {"width": 2.5}
        if dash:
            stroke["dasharray"] = dash
        chart.add(story.names[key], series, stroke_style=stroke)
    names = " and ".join(story.names[key] for key in PARTNER_KEYS)
    return _quiet(chart, f"Weekly check-in ratings from 1 to 10, one line each for {names}")


def keepsake_html(
    couple: Couple,
    sessions: Sequence[SessionRecord],
    period: Period,
    made_on: datetime,
    *,
    kept: Any = None,
    letters: Sequence[Letter] = (),
    tz: tzinfo | None = None,
) -> tuple[str, YearStory]:
    """The page for ``period``, with the shelf's favourites and the letters opened in it."""
    loved = []
    for favourite in shelf(sessions, kept):
        text, cut = shorten(favourite.text)
        day = local_day(favourite.when, tz)
        loved.append(Loved(favourite.kind_words, text, day, favourite.who, cut))
    story = gather(couple, sessions, period, tz, favourites=loved, letters=letters)
    return render(story, made_on), story

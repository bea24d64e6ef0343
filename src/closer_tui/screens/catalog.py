"""Every place a couple can go: one list, used by home and the command palette."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Literal

from textual.screen import Screen

if TYPE_CHECKING:
    from closer_tui.app import CloserApp

Group = Literal["tonight", "practice", "exercise", "guide", "more"]

GROUP_TITLES: dict[Group, str] = {
    "tonight": "Guided sessions",
    "practice": "Seven practices",
    "exercise": "Exercises",
    "guide": "To read and reflect",
    "more": "More",
}
"""The heading home shows above each group of places."""

Opener = Callable[["CloserApp"], Screen[None]]


@dataclass(frozen=True)
class Place:
    """A screen a couple can open, with the words and key that lead there."""

    id: str
    title: str
    summary: str
    group: Group
    open: Opener
    key: str | None = None
    kind: str = ""
    """What it is, beside its title in the palette: "guided session", "practice 2"."""
    on_home: bool = True
    """False for a place reached from another screen and the palette, not home's list."""

    @property
    def words(self) -> str:
        """Other words a couple might type to find it (its tabs, everyday names)."""
        return SEARCH_WORDS.get(self.id, "")


def _built_by(module: str, builder: str, item_id: str) -> Opener:
    """Opens ``item_id`` with ``builder`` from ``closer_tui.screens.<module>``, imported only
    when a couple goes there: start-up pays for no screen it does not show."""

    def open_it(app: CloserApp) -> Screen[None]:
        build: Callable[[CloserApp, str], Screen[None]]
        build = getattr(import_module(f"closer_tui.screens.{module}"), builder)
        return build(app, item_id)

    return open_it


def _practice(practice_id: str) -> Opener:
    return _built_by("practice", "practice_screen", practice_id)


def _exercise(exercise_id: str) -> Opener:
    return _built_by("practice", "exercise_screen", exercise_id)


def _guide(guide_id: str) -> Opener:
    return _built_by("guide", "guide_screen", guide_id)


def _deck(shelf_id: str) -> Opener:
    return _built_by("decks", "deck_screen", shelf_id)


def _plan(plan_id: str) -> Opener:
    def open_it(app: CloserApp) -> Screen[None]:
        from closer_tui.core.plans import GuidedRun
        from closer_tui.screens.session import SessionScreen

        plan = app.plan(plan_id)
        assert plan is not None
        return SessionScreen(plan, GuidedRun(plan, app.clock, app.now()))

    return open_it


def _history(app: CloserApp) -> Screen[None]:
    from closer_tui.screens.history import HistoryScreen

    return HistoryScreen()


def _favourites(app: CloserApp) -> Screen[None]:
    from closer_tui.screens.favourites import FavouritesScreen

    return FavouritesScreen()


def _letters(app: CloserApp) -> Screen[None]:
    from closer_tui.screens.letters import LettersScreen

    return LettersScreen()


def _settings(app: CloserApp) -> Screen[None]:
    from closer_tui.screens.settings import SettingsScreen

    return SettingsScreen()


def _help(app: CloserApp) -> Screen[None]:
    from closer_tui.screens.help import HelpScreen

    return HelpScreen()


def _hug(app: CloserApp) -> Screen[None]:
    from closer_tui.screens.hug import hug_screen

    return hug_screen(app)


def _decks(app: CloserApp) -> Screen[None]:
    from closer_tui.screens.decks import DeckChooserScreen

    return DeckChooserScreen()


DECKS = ("Card decks", "Topics, quick picks, and five ways to play a card.")


HUG = ("A 20-second hug", "Both press your key, then hold each other.")
"""The hug's title (as in hug.toml) and summary: it is also practice 2's first tab."""


GUIDES: list[tuple[str, str, str]] = [
    # (guide id, title, summary): the guide screens know how to show each one.
    # A guide from guides.toml has its title here too, word for word, so the
    # FAQ and help can name it and a couple finds it under that name.
    ("starter-plan", "A starter plan", "Tonight, tomorrow, this week, this month."),
    ("attachment", "Attachment styles", "How each of you reaches for closeness."),
    ("connection-check", "Connection check", "How close do you feel lately? Privately."),
    ("rebuilding", "Rebuilding after a rough patch", "Finding your way back, with care."),
    ("barriers", "When closeness feels out of reach", "What often gets in the way."),
    ("therapy", "Finding a couples therapist", "When to look for one, and how."),
    ("evidence", "How sure are we?", "What the research does and doesn't show."),
    ("faq", "Questions couples ask", "Short answers."),
]

SEARCH_WORDS: dict[str, str] = {
    # Words a couple might type for a place, beyond its title: what its tabs
    # hold, and everyday names. The palette ranks them below a title's words.
    "plan-tonight-30": "evening session",
    "plan-quick-reconnect": "short evening session",
    "daily-connection": "talk stress days conversation listen",
    "affection": "touch ideas cuddle hug",
    "questions": "question deck cards",
    "decks": "cards topics this or that where do you stand guess dates rituals tense gentle",
    "safety": "self-check four patterns criticism contempt defensiveness stonewalling repair",
    "inner-world": "I-statement prompt cards feelings just listen",
    "digital": "phones away unplugged evening phone-free zones screens",
    "appreciation": "appreciations thank you notice the good tally",
    "hug": "cuddle hold",
    "eye-gazing": "eye contact look",
    "appreciation-ritual": "thank you bedtime",
    "temperature-reading": "DTR complaints wishes",
    "love-maps": "game guess know each other",
    "weekly-checkin": "rating",
    "attachment": "quiz pursue withdraw",
    "barriers": "stuck",
    "therapy": "therapist counselling counseling support",
    "faq": "FAQ",
    "history": "past sessions together insights export",
    "favourites": "loved cards kept favorites shelf our story",
    "letters": "letter write seal sealed future open together",
    "settings": "names colours colors bell sound theme light dark",
    "help": "keys support safety helplines",
}


def deck_places(app: CloserApp) -> list[Place]:
    """The topic decks and the quick ways to play, for the palette only: "this or that"
    or "money" opens that deck itself. (The depths, Love Maps, the inner world and
    touch ideas have their own places already.)

    None until the library is in hand (the store's opening loads it, just
    after the first frame): home's first frame lists no deck and reads no cards.
    """
    if not app.library_loaded:
        return []
    from closer_tui.core.shelf import open_shelves

    return [
        Place(f"deck-{s.id}", s.title, s.about, "exercise", _deck(s.id), kind="deck",
              on_home=False)
        for s in open_shelves(app.library, app)
        if s.group in ("topic", "play")
    ]  # fmt: skip


def places(app: CloserApp) -> list[Place]:
    """Every place, in home's order, from the app's catalog of titles.

    The catalog, not the library: it is there for the first frame, before
    the content library has been loaded and validated.
    """
    catalog = app.catalog
    assert catalog is not None, "the app sets its catalog before anything lists places"
    found = [
        Place(
            f"plan-{plan.id}",
            plan.title,
            f"{plan.minutes} min · {plan.summary}",
            "tonight",
            _plan(plan.id),
            kind="guided session",
        )
        for plan in catalog.plans
    ]
    found += [
        Place(
            p.id,
            p.title,
            p.tagline,
            "practice",
            _practice(p.id),
            key=str(p.number),
            kind=f"practice {p.number}",
        )
        for p in sorted(catalog.practices, key=lambda p: p.number)
    ]
    found.append(Place("decks", *DECKS, "exercise", _decks, kind="decks"))
    found += deck_places(app)
    found.append(Place("hug", *HUG, "exercise", _hug, kind="exercise"))
    found += [
        Place(e.id, e.title, e.tagline, "exercise", _exercise(e.id), kind="exercise")
        for e in catalog.exercises
    ]
    found += [
        Place(g, title, summary, "guide", _guide(g), kind="guide") for g, title, summary in GUIDES
    ]
    found += [
        Place(
            "history",
            "Your history",
            "Every evening together, and how it's going.",
            "more",
            _history,
            key="h",
        ),
        Place(
            "favourites",
            "Favourites",
            "The cards you loved and the words you kept.",
            "more",
            _favourites,
            on_home=False,  # reached from History (v) and the palette
        ),
        Place(
            "letters",
            "Sealed letters",
            "Write one privately; open it together on its day.",
            "more",
            _letters,
            on_home=False,  # reached from History (l), home's l and the palette
        ),
        Place("settings", "Settings", "Names, colours, sounds, theme.", "more", _settings),
        Place("help", "Help and support", "Keys, and help beyond closer.", "more", _help),
    ]
    return found

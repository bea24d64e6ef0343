"""What the first frame needs, read without pydantic: two names, their colours, the places.

Start-up is dominated by imports. Painting home needs only the couple's names,
colours and theme, and the titles of the plans, practices and exercises; all of
that is read here with plain ``json`` and ``tomllib``, so the first frame does
not wait for pydantic, the store or the content library. The app then opens
the real :class:`~closer_tui.core.store.Store` after the first frame and swaps
in the validated couple and library (see ``CloserApp``).

This module only ever *reads*, and it is a fast path, never a judge: anything
unexpected (no file, a link, a newer schema, a field of the wrong shape) gives
``None``, and the app then takes the ordinary path, where the store decides
what to quarantine and what to leave alone. The checks mirror the models so
that a file read here is one the store will almost always accept; when it does
not, the app falls back to setup exactly as before.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from closer_tui.core.basics import (
    COUPLE_FILE,
    COUPLE_SCHEMA,
    DEFAULT_THEME,
    NAME_MAX,
    PALETTE,
)
from closer_tui.core.files import is_locked, read_plain

if TYPE_CHECKING:
    from typing import Protocol

    class PartnerLike(Protocol):
        """Anything that can draw a partner's name: a validated ``Partner`` or a quick one."""

        @property
        def name(self) -> str: ...

        @property
        def hex(self) -> str: ...

    class CoupleLike(Protocol):
        """Anything with two partners to greet."""

        @property
        def first(self) -> PartnerLike: ...

        @property
        def second(self) -> PartnerLike: ...


_WHITE_SPACE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
"""What pydantic strips from a name: Unicode's White_Space (Python's ``isspace`` adds U+001C-1F)."""

# NamedTuples rather than dataclasses: a dataclass costs about a millisecond to
# define, and these are defined on every start.


class QuickPartner(NamedTuple):
    name: str
    colour: str

    @property
    def hex(self) -> str:
        return PALETTE[self.colour]


class QuickCouple(NamedTuple):
    """The part of ``couple.json`` the first frame shows."""

    first: QuickPartner
    second: QuickPartner
    theme: str


def read_couple(root: Path) -> QuickCouple | None:
    """The names, colours and theme in ``root/couple.json``, or None if in any doubt.

    Never raises and never changes anything on disk. A locked folder gives
    None without a look inside: its names are for the two of them alone, and
    the app shows the lock screen instead.
    """
    if is_locked(root):
        return None
    try:
        data = read_plain(root / COUPLE_FILE)
        return _couple_from(json.loads(data))
    except (OSError, ValueError, TypeError, KeyError, RecursionError):
        return None


def _couple_from(raw: Any) -> QuickCouple | None:
    if not isinstance(raw, dict):
        return None
    schema = raw.get("schema")
    if type(schema) is not int or schema != COUPLE_SCHEMA:
        return None  # older, newer or missing: the store migrates, leaves or sets aside
    first, second = _partner(raw.get("first")), _partner(raw.get("second"))
    preferences = raw.get("preferences", {})
    if first is None or second is None or not isinstance(preferences, dict):
        return None
    theme = preferences.get("theme", DEFAULT_THEME)
    if not isinstance(theme, str):
        return None
    return QuickCouple(first, second, theme)


def _partner(raw: Any) -> QuickPartner | None:
    if not isinstance(raw, dict):
        return None
    name, colour = raw.get("name"), raw.get("colour")
    if not isinstance(name, str) or not isinstance(colour, str) or colour not in PALETTE:
        return None
    name = name.strip(_WHITE_SPACE)  # as ``models.Name`` does
    if not 1 <= len(name) <= NAME_MAX:
        return None
    return QuickPartner(name, colour)


# --- The places home lists ---------------------------------------------------------


class PlanTitle(NamedTuple):
    id: str
    title: str
    minutes: int
    summary: str


class PracticeTitle(NamedTuple):
    id: str
    number: int
    title: str
    tagline: str


class ExerciseTitle(NamedTuple):
    id: str
    title: str
    tagline: str


class Catalog(NamedTuple):
    """The titles of every plan, practice and exercise: all that home and the palette list."""

    plans: tuple[PlanTitle, ...]
    practices: tuple[PracticeTitle, ...]
    exercises: tuple[ExerciseTitle, ...]

    @classmethod
    def of(cls, library: Any) -> Catalog:
        """The catalog of a loaded (validated) ``Library``, own plans included."""
        return cls(
            tuple(PlanTitle(p.id, p.title, p.minutes, p.summary) for p in library.plans),
            tuple(PracticeTitle(p.id, p.number, p.title, p.tagline) for p in library.practices),
            tuple(ExerciseTitle(e.id, e.title, e.tagline) for e in library.exercises),
        )


def built_in_catalog() -> Catalog:
    """The built-in titles, straight from three TOML files, without the rest of the library.

    The built-in files are validated in full whenever the library loads (and
    a test checks this gives the same titles as the validated library); text
    is stripped as the models strip it.
    """
    plans = _section("plans")
    practices = _section("practices")
    exercises = _section("exercises")
    return Catalog(
        tuple(
            PlanTitle(p["id"], p["title"].strip(), p["minutes"], p["summary"].strip())
            for p in plans
        ),
        tuple(
            PracticeTitle(p["id"], p["number"], p["title"].strip(), p["tagline"].strip())
            for p in practices
        ),
        tuple(ExerciseTitle(e["id"], e["title"].strip(), e["tagline"].strip()) for e in exercises),
    )


def built_in_plan_titles() -> dict[str, str]:
    """Each built-in plan's title by its id: for a line that names one (``closer today``)."""
    return {plan.id: plan.title for plan in built_in_catalog().plans}


def _content_text(name: str) -> str:
    folder = Path(__file__).resolve().parent.parent / "content"
    try:
        return (folder / name).read_text("utf-8")
    except OSError:  # installed somewhere without plain files (a zip, say)
        from importlib import resources

        return resources.files("closer_tui.content").joinpath(name).read_text("utf-8")


def _section(name: str) -> list[dict[str, Any]]:
    """The items of ``[[name]]`` with only their own keys (not their sub-tables).

    Most of practices.toml is the evidence under each practice; parsing only
    the lines from each ``[[name]]`` to the next table header takes a fraction
    of the time. A cut that is not clean TOML (a line in a long string that
    starts with "[") fails to parse, and then the whole file is parsed.
    """
    import tomllib

    text = _content_text(f"{name}.toml")
    header = f"[[{name}]]"
    kept: list[str] = []
    keeping = False
    for line in text.splitlines(keepends=True):
        if line.startswith("["):
            keeping = line.strip() == header
        if keeping:
            kept.append(line)
    try:
        items = tomllib.loads("".join(kept))[name]
    except (tomllib.TOMLDecodeError, KeyError):
        items = tomllib.loads(text)[name]
    if not isinstance(items, list):
        raise ValueError(f"{name}.toml: [[{name}]] is not a list of tables")
    return items

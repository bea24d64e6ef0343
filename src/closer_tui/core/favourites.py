"""The favourites shelf: cards the couple loved and entries they chose to keep.

Two ways in, one shelf:

- **"We loved this one"** on a card: the deck keeps the card's id in its
  memory (:mod:`closer_tui.core.deck`) and, when the visit is saved, in the
  session's ``data["loved"]``; the shelf reads it from the saved session,
  which also says when it was and where to open it.
- **"Keep this"** on an entry in History: its place (:attr:`Shared.key`) and
  when it was kept go to ``keepsakes.json`` under :data:`SECTION`, through
  the app's ``save_keepsake``; session files are written once and never
  rewritten, so the mark lives beside them rather than in them.

Both follow :mod:`closer_tui.core.story`: nothing from a session marked hard,
nothing unrevealed; a session removed from History takes its favourites with it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from closer_tui.core.kinds import kind_label
from closer_tui.core.story import loved_cards, shared_entries

if TYPE_CHECKING:
    from closer_tui.core.models import SessionRecord

SECTION = "story"
KEPT = "kept"
"""``keepsakes.json`` → "story" → "kept": ``[{"entry": key, "at": iso time}, …]``."""


@dataclass(frozen=True)
class Favourite:
    """One thing on the shelf: what it says, what kind, when, who, and where it came from."""

    kind: str
    """The kind's id ("question", "appreciation"…)."""
    text: str
    prompt: str
    when: datetime
    who: str
    """"first", "second" or "both"."""
    session_id: str
    card_id: str | None = None
    """Set for a loved card: the deck's id for it, so it can be played again."""
    entry: str | None = None
    """Set for a kept entry: its :attr:`Shared.key`."""

    @property
    def kind_words(self) -> str:
        return kind_label(self.kind)


def kept_keys(raw: Any) -> list[str]:
    """The entries kept, oldest first, read leniently: anything malformed is skipped."""
    if not isinstance(raw, list):
        return []
    keys = []
    for item in raw:
        if isinstance(item, dict) and isinstance(item.get("entry"), str):
            keys.append(item["entry"])
    return list(dict.fromkeys(keys))


def keeping(raw: Any, entry: str, at: datetime) -> list[dict[str, str]]:
    """What to keep after "keep this" on ``entry`` (kept once, whatever was there before)."""
    items = [i for i in raw if isinstance(i, dict)] if isinstance(raw, list) else []
    if entry in kept_keys(items):
        return items
    return [*items, {"entry": entry, "at": at.isoformat()}]


def letting_go(raw: Any, entry: str) -> list[dict[str, str]]:
    """What to keep after taking ``entry`` off the shelf."""
    items = [i for i in raw if isinstance(i, dict)] if isinstance(raw, list) else []
    return [i for i in items if i.get("entry") != entry]


def shelf(sessions: Iterable[SessionRecord], kept: Any) -> list[Favourite]:
    """Everything on the shelf, newest first: loved cards and kept entries."""
    wanted = set(kept_keys(kept))
    found: list[Favourite] = []
    seen_cards: set[str] = set()  # a card loved on two evenings is on the shelf once, newest
    for session in sorted(sessions, key=lambda s: s.started_at, reverse=True):
        for step, card_id, text in loved_cards(session):
            if card_id in seen_cards:
                continue
            seen_cards.add(card_id)
            part = session if step is None else session.steps[step]
            found.append(
                Favourite(
                    kind=part.kind,
                    text=text or part.title,
                    prompt="",
                    when=session.started_at,
                    who="both",
                    session_id=session.id,
                    card_id=card_id,
                )
            )
        if wanted:
            for shared in shared_entries(session):
                if shared.key in wanted:
                    found.append(
                        Favourite(
                            kind=shared.kind,
                            text=shared.text or shared.prompt,
                            prompt=shared.prompt if shared.text else "",
                            when=shared.when,
                            who=shared.who,
                            session_id=session.id,
                            entry=shared.key,
                        )
                    )
    found.sort(key=lambda f: f.when, reverse=True)
    return found


def by_kind(favourites: Iterable[Favourite]) -> list[tuple[str, list[Favourite]]]:
    """The shelf grouped by kind's name, the largest group first, each newest first."""
    groups: dict[str, list[Favourite]] = {}
    for favourite in favourites:
        groups.setdefault(favourite.kind_words, []).append(favourite)
    return sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))

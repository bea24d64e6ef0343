"""What of a couple's past may come back to them: the one rule every "our story" page keeps.

The keepsake, "on this day" and the favourites shelf all draw on the same
saved sessions, and all must leave out the same things:

- anything from a session or round **marked hard** (its ``data`` says
  ``"hard": true``; a session is hard when it or any of its steps is), so a
  painful evening never resurfaces uninvited;
- anything written privately that was **never revealed**: a round that did
  not finish (``completed`` false) may hold answers still behind the curtain,
  and a round whose ``data`` says ``"revealed": false`` did not reveal them;
- passes and empty answers, which said nothing to bring back (a card both
  talked about is kept as its question: the entry's prompt).

An entry a partner removed from History is simply not in the history any
more, so nothing here can bring it back. Pure and pydantic-free: home's
"on this day" runs these after the first frame on the loaded history.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from closer_tui.core.models import Entry, Outcome, SessionRecord

HARD = "hard"
"""The key in a session's or round's ``data`` that marks it hard (``true``)."""

APPRECIATION_KINDS = frozenset({"appreciation", "appreciations"})

HARD_KINDS = frozenset({"settle_in", "feelings", "hard_moment", "gentle_start"})
"""Kinds that are about a hard moment by what they are: "After a hard moment"'s steps and
the gentle start-up. Hard without anyone having to say so."""


def is_hard(part: Outcome) -> bool:
    """This one round (or session) was marked hard, or is of a kind that always is."""
    return part.data.get(HARD) is True or part.kind in HARD_KINDS


def session_is_hard(session: SessionRecord) -> bool:
    """The session or any of its steps was marked hard: none of it comes back."""
    return is_hard(session) or any(is_hard(step) for step in session.steps)


def revealed(part: Outcome) -> bool:
    """Whatever the round's partners wrote was shown to both of them."""
    return part.completed and part.data.get("revealed") is not False


def parts(session: SessionRecord) -> Iterator[Outcome]:
    """The session itself and each step of a guided session."""
    yield session
    yield from session.steps


@dataclass(frozen=True)
class Shared:
    """One thing said in a session that may come back: what, who, when, from where."""

    session_id: str
    step: int | None
    """Index of the step in a guided session, None for the session itself."""
    index: int
    """Index of the entry in its round."""
    kind: str
    prompt: str
    text: str
    who: str
    when: datetime

    @property
    def key(self) -> str:
        """Where it lives, as one string: ``session-id/step/entry`` (step ``-`` for none)."""
        step = "-" if self.step is None else str(self.step)
        return f"{self.session_id}/{step}/{self.index}"


def shared_entries(session: SessionRecord) -> Iterator[Shared]:
    """Every entry of ``session`` that may come back, by the rules above."""
    if session_is_hard(session):
        return
    for step, part in enumerate_parts(session):
        if not revealed(part):
            continue
        for index, entry in enumerate(part.entries):
            if said_something(entry):
                yield Shared(
                    session.id,
                    step,
                    index,
                    part.kind,
                    entry.prompt,
                    entry.text.strip(),
                    entry.who,
                    session.started_at,
                )


def enumerate_parts(session: SessionRecord) -> Iterator[tuple[int | None, Outcome]]:
    """``(None, session)`` then ``(i, step)`` for each step."""
    yield None, session
    yield from enumerate(session.steps)


def said_something(entry: Entry) -> bool:
    """Not a pass, and words to bring back: an answer, or a card both talked about."""
    if entry.passed:
        return False
    return bool(entry.text.strip()) or (entry.who == "both" and bool(entry.prompt.strip()))


def find_shared(sessions: list[SessionRecord], key: str) -> Shared | None:
    """The entry ``key`` points to (see :attr:`Shared.key`), if it may still come back."""
    session_id = key.partition("/")[0]
    for session in sessions:
        if session.id == session_id:
            for shared in shared_entries(session):
                if shared.key == key:
                    return shared
            return None
    return None


def loved_cards(session: SessionRecord) -> Iterator[tuple[int | None, str, str]]:
    """``(step, card id, card text)`` for each card the couple loved during ``session``.

    A deck keeps ``{"cards": [...], "loved": [...]}`` beside entries made one
    per card, so a loved card's words are the prompt of its entry.
    """
    if session_is_hard(session):
        return
    for step, part in enumerate_parts(session):
        data: dict[str, Any] = part.data
        loved = data.get("loved")
        cards = data.get("cards")
        if not isinstance(loved, list):
            continue
        order = cards if isinstance(cards, list) else []
        for card_id in loved:
            if not isinstance(card_id, str):
                continue
            text = ""
            if card_id in order:
                at = order.index(card_id)
                if at < len(part.entries):
                    text = part.entries[at].prompt
            yield step, card_id, text

"""Deck packs: one deck of cards in a TOML file, to share with friends or take from a therapist.

A pack is data only. It is read as TOML (never run), checked card by card with
the same models as closer's own cards, and refused whole with messages that
name the line of each bad card. Importing writes closer's own clean copy of it
into the data folder's ``decks/`` folder under a name closer chooses from the
deck's id (a slug: no folder, no dots), so no pack can reach any other file.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from closer_tui.core.basics import DECK_PACKS_FOLDER
from closer_tui.core.content import (
    CARD_SECTIONS,
    OWN_SECTIONS,
    DeckCard,
    DeckInfo,
    _own_items,
    describe_validation_error,
)
from closer_tui.core.files import NotPlainFile, read_plain

PACK_SCHEMA = 1
"""The version of the pack format this closer writes (``schema = 1`` at the top)."""

MAX_PACK_BYTES = 1024 * 1024
"""A thousand cards take about 150 KB: a bigger file is not a deck pack."""

MAX_PACK_CARDS = 2000

PACK_EXAMPLE = """\
schema = 1

[[decks]]
id = "sunday-mornings"    # letters, digits and dashes
title = "Sunday mornings"
about = "Slow questions for a slow start."

[[questions]]
depth = "light"           # light, deeper or deep
text = "What would make next Sunday morning feel unhurried?"
gentle = true

[[this_or_that]]
text = "Pancakes or a long lie-in?"
options = ["Pancakes", "A long lie-in"]

[[scales]]
text = "When a Sunday has no plan at all…"
ends = ["I feel a bit lost", "I feel free"]
"""


class PackError(Exception):
    """A pack that cannot be used; the message says why, line by line, in plain words."""


@dataclass(frozen=True)
class Pack:
    """One deck and its cards, checked."""

    deck: DeckInfo
    cards: dict[str, list[DeckCard]]
    """The cards by section (questions, this_or_that…), each naming the pack's deck."""

    @property
    def file_name(self) -> str:
        """The name closer gives the pack in the data folder: from its id, a slug."""
        return f"{self.deck.id}.toml"

    def all_cards(self) -> list[DeckCard]:
        return [card for section in CARD_SECTIONS for card in self.cards.get(section, [])]


def parse_pack(text: str, source: str, taken_ids: Iterable[str] = ()) -> Pack:
    """The pack in ``text`` (from the file called ``source``), or :class:`PackError`.

    ``taken_ids``: card ids already used (closer's own, the couple's): a pack
    may not reuse one, as a deck's memory and history know a card by its id.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise PackError(f"{source} is not a TOML file closer can read: {error}") from error
    allowed = {"schema", "decks", *CARD_SECTIONS}
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise PackError(
            f"{source}: a deck pack holds one [[decks]] and its cards, not "
            f"{', '.join(unknown)}. Cards go in {', '.join(CARD_SECTIONS)}."
        )
    schema = data.get("schema", PACK_SCHEMA)
    if schema != PACK_SCHEMA:
        raise PackError(f"{source} is a version {schema!r} pack; this closer reads version 1.")
    deck = _the_deck(data.get("decks"), source)
    taken = set(taken_ids)
    problems: list[str] = []
    cards: dict[str, list[DeckCard]] = {}
    path = Path(source)
    for section in CARD_SECTIONS:
        raw = data.get(section)
        if raw is None:
            continue
        named = _named_for(raw, deck.id)
        items, section_problems = _own_items(path, text, section, named, taken)
        problems += section_problems
        for item in items:
            if item.deck != deck.id:
                problems.append(
                    f"{source}, [[{section}]] {item.id!r}: names the deck {item.deck!r}, "
                    f"but this pack holds {deck.id!r}."
                )
        cards[section] = items
    ids = [card.id for section in cards.values() for card in section]
    if len(ids) != len(set(ids)):
        twice = sorted({i for i in ids if ids.count(i) > 1})
        problems.append(f"{source}: the card id(s) {', '.join(twice)} are used twice.")
    if len(ids) > MAX_PACK_CARDS:
        problems.append(f"{source} has {len(ids)} cards; a pack holds {MAX_PACK_CARDS} at most.")
    elif not ids and not problems:
        problems.append(f"{source} has no cards in it.")
    if problems:
        raise PackError("\n".join(problems))
    return Pack(deck, cards)


def _the_deck(raw: Any, source: str) -> DeckInfo:
    if not (isinstance(raw, list) and len(raw) == 1 and isinstance(raw[0], dict)):
        raise PackError(f"{source}: a deck pack names exactly one deck, in one [[decks]] table.")
    try:
        return DeckInfo.model_validate(raw[0])
    except ValidationError as error:
        raise PackError(describe_validation_error(error, f"{source}, [[decks]]")) from error


def _named_for(raw: Any, deck_id: str) -> Any:
    """Cards that name no deck are the pack's own deck's (the usual way to write one)."""
    if not isinstance(raw, list):
        return raw  # _own_items says it must be a list of tables
    return [{"deck": deck_id, **entry} if isinstance(entry, dict) else entry for entry in raw]


def read_pack(path: Path, taken_ids: Iterable[str] = ()) -> Pack:
    """Read and check the pack file at ``path``: a plain file, not too big, UTF-8."""
    try:
        data = read_plain(path)
    except FileNotFoundError as error:
        raise PackError(f"There is no file {path}.") from error
    except NotPlainFile as error:
        raise PackError(f"{path} is not a deck pack: {error}") from error
    except OSError as error:
        raise PackError(f"{path} could not be read: {error.strerror or error}.") from error
    if len(data) > MAX_PACK_BYTES:
        raise PackError(f"{path} is {len(data) // 1024} KB: too big to be a deck pack (1 MB).")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise PackError(f"{path} is not text in UTF-8, so it is not a deck pack.") from error
    return parse_pack(text, path.name, taken_ids)


# --- Writing a pack -----------------------------------------------------------------


def _value(value: Any) -> str:
    """A TOML value: JSON's escapes for strings are TOML's, lists and booleans alike."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    raise TypeError(f"a pack holds no {type(value).__name__}")


def _table(header: str, fields: dict[str, Any]) -> str:
    lines = [f"[[{header}]]"]
    lines += [f"{key} = {_value(value)}" for key, value in fields.items() if value is not None]
    return "\n".join(lines)


def pack_text(deck: DeckInfo, cards: Sequence[DeckCard]) -> str:
    """A pack file for ``deck`` holding ``cards``: what ``closer deck export`` writes."""
    sections = {model: section for section, model in OWN_SECTIONS.items()}
    parts = [
        "# A closer deck pack: import it with `closer deck import FILE`.",
        f"schema = {PACK_SCHEMA}",
        _table("decks", deck.model_dump(exclude_defaults=True) | {"id": deck.id}),
    ]
    for card in cards:
        section = sections[type(card)]
        fields = card.model_dump(exclude_defaults=True) | {"deck": deck.id}
        parts.append(_table(section, fields))
    return "\n\n".join(parts) + "\n"


def exported(deck: DeckInfo, cards: Sequence[DeckCard]) -> str:
    """The cards of ``cards`` that are in ``deck``, as a pack."""
    return pack_text(deck, [card for card in cards if card.deck == deck.id])


# --- Packs in the data folder -----------------------------------------------------------


def packs_folder(data_dir: Path) -> Path:
    return data_dir / DECK_PACKS_FOLDER


def load_packs(
    folder: Path, taken_ids: set[str], taken_decks: set[str]
) -> tuple[list[Pack], list[str]]:
    """Every pack imported into ``folder``, and a message for each that cannot be used.

    Each pack is all or nothing; one broken pack never stops the others.
    """
    try:
        names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".toml"))
    except FileNotFoundError:
        return [], []
    except OSError as error:
        return [], [f"The imported decks in {folder} could not be read: {error.strerror}."]
    packs: list[Pack] = []
    problems: list[str] = []
    ids, decks = set(taken_ids), set(taken_decks)
    for name in names:
        try:
            pack = read_pack(folder / name, ids)
        except PackError as error:
            problems.append(str(error))
            continue
        if pack.deck.id in decks:
            problems.append(f"{name}: the deck {pack.deck.id!r} is already there; it was left out.")
            continue
        decks.add(pack.deck.id)
        ids |= {card.id for card in pack.all_cards()}
        packs.append(pack)
    return packs, problems

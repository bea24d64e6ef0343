"""What ``closer today``, ``closer history`` and ``closer export`` print.

``today`` is a shell greeting, so it must start fast: it never imports
Textual, pydantic or rich, and reads only the last few weeks of sessions with
plain ``json`` (session files are named by their UTC start time, so the
recent ones are found by name alone). It only reads: any file it cannot
understand is skipped, and left for the app to look after.

``history`` and ``export`` go through the store like the app does; anything
the store had to set aside is told on stderr in plain words.

When the couple locked closer, ``today`` says so in a neutral line and reads
nothing; ``history`` and ``export`` ask for a passphrase (hidden, on a
terminal; from ``--passphrase-file`` for scripts; never as an argument, which
other users could read in the process list). ``lock`` and ``unlock`` turn the
lock on and off for the whole folder.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from closer_tui.core.basics import COUPLE_FILE, PartnerKey
from closer_tui.core.files import folder_problem, is_locked, read_plain
from closer_tui.core.insights import SessionLike, tonight_suggestion

if TYPE_CHECKING:
    from closer_tui.core.models import Couple
    from closer_tui.core.store import History, Notice, Store

RECENT_DAYS = 21
"""How far back ``today`` looks: enough for every rule behind tonight's suggestion."""
HISTORY_ROWS = 12

FIRST_RUN = "Welcome to closer. Run `closer` together to choose your names and begin."
NOTHING_YET = "Nothing here yet. Run `closer` together to begin; your evenings will show up here."
LOCKED_TODAY = "closer is locked. Open it together with `closer` for tonight's suggestion."


# -- today ---------------------------------------------------------------------


@dataclass(frozen=True)
class _GlanceStep:
    kind: str
    actual_seconds: float


@dataclass(frozen=True)
class _Glance:
    """Just enough of a session file to suggest tonight's plan."""

    kind: str
    actual_seconds: float
    started_at: datetime
    plan: str | None
    steps: tuple[_GlanceStep, ...]


def run_today(store_root: Path) -> int:
    """Print tonight's suggestion in one line."""
    if not _usable(store_root):
        return 1
    if is_locked(store_root):
        print(LOCKED_TODAY)  # not a word more: no name, no count, no plan
        return 0
    if (code := _before_a_couple(store_root, FIRST_RUN)) is not None:
        return code
    now = datetime.now(UTC)
    sessions = recent_sessions(store_root / "sessions", since=now - timedelta(days=RECENT_DAYS))
    print(tonight_suggestion(sessions, now, None).line())
    return 0


def recent_sessions(folder: Path, since: datetime) -> list[SessionLike]:
    """Sessions that started after ``since``, read lightly; unreadable files are skipped."""
    oldest_name = f"{since.astimezone(UTC):%Y%m%dT%H%M%SZ}"
    try:
        names = [
            entry.name
            for entry in os.scandir(folder)
            if entry.name[:1].isdigit() and entry.name.endswith(".json")
        ]
    except OSError:
        return []
    # File names start with the UTC start time, fixed width: compare as text.
    found: list[SessionLike] = []
    for name in names:
        if name >= oldest_name and (glance := _glance(folder / name)) is not None:
            found.append(glance)
    return found


def _glance(path: Path) -> _Glance | None:
    try:
        raw = json.loads(read_plain(path))
        started_at = datetime.fromisoformat(raw["started_at"])
        if started_at.tzinfo is None:
            return None
        return _Glance(
            kind=str(raw.get("kind", "")),
            actual_seconds=float(raw.get("actual_seconds", 0.0)),
            started_at=started_at,
            plan=raw.get("plan") if isinstance(raw.get("plan"), str) else None,
            steps=tuple(_glance_step(step) for step in raw.get("steps", [])),
        )
    except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None


def _glance_step(raw: dict[str, Any]) -> _GlanceStep:
    return _GlanceStep(str(raw.get("kind", "")), float(raw.get("actual_seconds", 0.0)))


# -- history -------------------------------------------------------------------


def run_history(store_root: Path, passphrase_file: Path | None = None) -> int:
    """Print recent sessions as a table, then what the history says."""
    if (code := _before_a_couple(store_root, NOTHING_YET)) is not None:
        return code
    from rich.console import Console
    from rich.table import Table

    from closer_tui.core.insights import insight_lines, recorded_seconds
    from closer_tui.core.words import duration_words, steps_words

    read = _read_all(store_root, passphrase_file)
    if read is None:
        return 1
    couple, history = read
    if not history.sessions:
        print(NOTHING_YET)
        return 0

    table = Table(title=f"Your last {min(HISTORY_ROWS, len(history.sessions))} sessions")
    table.add_column("When")
    table.add_column("What")
    table.add_column("Time", justify="right")
    table.add_column("Steps")
    for session in history.sessions[:HISTORY_ROWS]:
        start = session.started_at.astimezone()
        table.add_row(
            f"{start:%a} {start.day} {start:%b %Y %H:%M}",
            session.title,
            duration_words(recorded_seconds(session)),
            steps_words(session.steps),
        )
    console = Console(highlight=False)
    console.print(table)
    names: dict[PartnerKey, str] = {
        "first": couple.first.name if couple else "First partner",
        "second": couple.second.name if couple else "Second partner",
    }
    oldest = history.sessions[-1].started_at.astimezone()
    console.print(f"{len(history.sessions)} sessions since {oldest.day} {oldest:%B %Y}.")
    for line in insight_lines(history.sessions, names, datetime.now(UTC), None):
        console.print(line, markup=False)
    return 0


# -- export --------------------------------------------------------------------


def run_export(
    store_root: Path,
    fmt: Literal["md", "json"],
    output: Path | None,
    *,
    force: bool = False,
    passphrase_file: Path | None = None,
) -> int:
    """Write the whole history as Markdown or JSON to stdout, or atomically to ``output``.

    An ``output`` already there is replaced only with ``force``.
    """
    if not _usable(store_root):
        return 1
    if output is not None and _already_there(output, force, "Choose another name"):
        return 1
    if not store_root.is_dir():
        print(f"There is no closer data in {store_root} to export yet.", file=sys.stderr)
        return 1
    from closer_tui.core.export import to_json, to_markdown

    read = _read_all(store_root, passphrase_file)
    if read is None:
        return 1
    couple, history = read
    text = (
        to_json(couple, history.sessions)
        if fmt == "json"
        else to_markdown(couple, history.sessions)
    )
    if output is None:
        return _print_all(text)
    if not _written(output, text):
        return 1
    count = len(history.sessions)
    print(f"Wrote {count} session{'' if count == 1 else 's'} to {output}.")
    if is_locked(store_root):
        print(UNLOCKED_EXPORT.format(output=output), file=sys.stderr)
    return 0


# -- deck packs ----------------------------------------------------------------


def run_deck(store_root: Path, args: Any) -> int:
    """``closer deck list``, ``export DECK -o FILE`` and ``import FILE``."""
    if not _usable(store_root):
        return 1
    if args.deck_command == "list":
        return run_deck_list(store_root)
    if args.deck_command == "export":
        output = Path(args.output).expanduser()
        return run_deck_export(store_root, args.deck, output, force=args.force)
    return run_deck_import(store_root, Path(args.file).expanduser(), replace=args.replace)


def _library_here(store_root: Path) -> Any:
    from closer_tui.core.basics import OWN_CONTENT_FILE
    from closer_tui.core.content import load_library

    library, problems = load_library(store_root / OWN_CONTENT_FILE)
    for problem in problems:
        print(problem, file=sys.stderr)
    return library


def run_deck_list(store_root: Path) -> int:
    from closer_tui.core.content import BUILTIN_DECKS

    library = _library_here(store_root)
    lines = []
    for deck in library.decks:
        mine = "" if deck.id in BUILTIN_DECKS else "  (yours)"
        count = len(library.deck_cards(deck.id))
        lines.append(f"{deck.id:<22} {count:>4} cards  {deck.title}{mine}")
    return _print_all("\n".join(lines) + "\n")


def run_deck_export(store_root: Path, deck_id: str, output: Path, *, force: bool = False) -> int:
    """Write one of the couple's own decks (from my-content.toml or imported) as a pack."""
    from closer_tui.core.content import BUILTIN_DECKS
    from closer_tui.core.packs import exported
    from closer_tui.core.store import plain_reason, write_atomic

    library = _library_here(store_root)
    if deck_id in BUILTIN_DECKS:
        print(
            f"{deck_id} is one of closer's own decks: everyone with closer has it already. "
            "You can export a deck of your own (see `closer deck list`).",
            file=sys.stderr,
        )
        return 1
    try:
        deck = library.deck_info(deck_id)
    except KeyError:
        print(f"There is no deck {deck_id!r}. `closer deck list` shows them all.", file=sys.stderr)
        return 1
    if os.path.lexists(output) and not force:
        print(
            f"{output} is already there, so nothing was written. "
            "Choose another name, or add --force to replace it.",
            file=sys.stderr,
        )
        return 1
    cards = library.deck_cards(deck_id)
    try:
        write_atomic(output, exported(deck, cards).encode("utf-8"))
    except OSError as error:
        print(f"closer could not write {output}: {plain_reason(error)}.", file=sys.stderr)
        return 1
    print(f"Wrote the deck {deck.title!r} ({len(cards)} cards) to {output}.")
    return 0


def run_deck_import(store_root: Path, pack_path: Path, *, replace: bool = False) -> int:
    """Check a deck pack and keep closer's own copy of it in the data folder."""
    from closer_tui.core.packs import PackError, pack_text, packs_folder, read_pack
    from closer_tui.core.store import StoreError

    library = _library_here(store_root)
    store = _open(store_root)
    if store is None:
        return 1
    mine = packs_folder(store_root)
    try:
        peek = read_pack(pack_path)  # its deck, to know whether it is there already
        replacing = replace and (mine / peek.file_name).is_file()
        if peek.deck.id in {deck.id for deck in library.decks} and not replacing:
            again = " Add --replace to replace it." if (mine / peek.file_name).is_file() else ""
            print(
                f"There is a deck {peek.deck.id!r} already, so nothing was imported.{again}",
                file=sys.stderr,
            )
            return 1
        old = {card.id for card in library.deck_cards(peek.deck.id)} if replacing else set()
        pack = read_pack(pack_path, {card.id for card in library.all_cards()} - old)
    except PackError as error:
        print(f"{error}\nNothing was imported.", file=sys.stderr)
        return 1
    try:
        path = store.save_pack(pack.file_name, pack_text(pack.deck, pack.all_cards()))
    except StoreError as error:
        print(error, file=sys.stderr)
        return 1
    count = len(pack.all_cards())
    print(f"Imported {pack.deck.title!r}: {count} cards, kept as {path}. It is in the chooser.")
    return 0


# -- the lock ------------------------------------------------------------------

WRONG_PASSPHRASE = "That passphrase does not open closer. Nothing was read or changed."
NO_PASSPHRASE = (
    "closer is locked. Type a passphrase on a terminal, or give one with "
    "--passphrase-file FILE (never as an argument: others could see it)."
)
UNLOCKED_EXPORT = (
    "{output} is not locked: keep it where only the two of you can open it, "
    "and delete it when you are done."
)
RECOVERY_WORDS = (
    "closer is locked. Either passphrase opens it, and so does this recovery code:\n\n"
    "    {code}\n\n"
    "Write it down now and keep it somewhere safe: it is shown only this once. "
    "Without a passphrase or this code, nobody can read your data, not even you."
)


def run_lock(
    store_root: Path, passphrase_file: Path | None, second_passphrase_file: Path | None
) -> int:
    """Lock the whole folder with the two partners' passphrases; print the recovery code."""
    from closer_tui.core.store import StoreError

    if is_locked(store_root):
        print("closer is already locked. Nothing was changed.", file=sys.stderr)
        return 1
    store = _open(store_root)
    if store is None:
        return 1
    first = _secret(passphrase_file, "The first partner's passphrase: ", twice=True)
    if first is None:
        return 1
    second = _secret(second_passphrase_file, "The second partner's passphrase: ", twice=True)
    if second is None:
        return 1
    try:
        code = store.turn_lock_on(first, second)
    except StoreError as error:
        print(str(error), file=sys.stderr)
        return 1
    print(RECOVERY_WORDS.format(code=code))
    return 0


def run_unlock(store_root: Path, passphrase_file: Path | None) -> int:
    """Turn the lock off: every file back to plain JSON, ``lock.json`` gone."""
    from closer_tui.core.store import StoreError

    if not is_locked(store_root):
        print("closer is not locked. Nothing was changed.", file=sys.stderr)
        return 1
    store = _open(store_root, passphrase_file)
    if store is None:
        return 1
    try:
        store.turn_lock_off()
    except StoreError as error:
        print(str(error), file=sys.stderr)
        return 1
    _tell(store.notices)
    print("closer is no longer locked: your data is plain JSON again, readable by this account.")
    return 0


def _secret(from_file: Path | None, prompt: str, *, twice: bool = False) -> str | None:
    """A passphrase from ``from_file``, else typed hidden on a terminal; None (said why) if not."""
    if from_file is not None:
        try:
            text = read_plain(from_file.expanduser()).decode("utf-8")
        except (OSError, ValueError) as error:
            why = plain_words(error)
            print(f"closer could not read the passphrase in {from_file}: {why}.", file=sys.stderr)
            return None
        # One line: the newline an editor or ``echo`` adds is not part of it.
        return text[:-2] if text.endswith("\r\n") else text.removesuffix("\n")
    if not sys.stdin.isatty():
        print(NO_PASSPHRASE, file=sys.stderr)
        return None
    import getpass

    try:
        secret = getpass.getpass(prompt)
        if twice and getpass.getpass("Once more, to be sure: ") != secret:
            print("The two did not match. Nothing was changed.", file=sys.stderr)
            return None
    except (EOFError, KeyboardInterrupt):
        print("", file=sys.stderr)
        return None
    return secret


def plain_words(error: Exception) -> str:
    from closer_tui.core.files import plain_reason

    if isinstance(error, OSError):
        return plain_reason(error)
    return "it is not text closer can read" if isinstance(error, UnicodeError) else str(error)


# -- shared --------------------------------------------------------------------


def _already_there(output: Path, force: bool, choose: str) -> bool:
    """True, once said on stderr, if ``output`` exists and may not be replaced."""
    if not os.path.lexists(output) or force:
        return False
    print(
        f"{output} is already there, so nothing was written. "
        f"{choose}, or add --force to replace it.",
        file=sys.stderr,
    )
    return True


def _written(output: Path, text: str) -> bool:
    """Write ``text`` to ``output``; False, once said on stderr, if it could not be."""
    from closer_tui.core.store import plain_reason, write_atomic

    try:
        # Same care as the couple's own files: atomic, and readable by them alone.
        write_atomic(output, text.encode("utf-8"))
    except OSError as error:
        print(f"closer could not write {output}: {plain_reason(error)}.", file=sys.stderr)
        return False
    return True


def _usable(store_root: Path) -> bool:
    """False, once said on stderr, if ``store_root`` cannot be a data folder (a file, say)."""
    problem = folder_problem(store_root)
    if problem is not None:
        print(problem, file=sys.stderr)
    return problem is None


def _before_a_couple(store_root: Path, greeting: str) -> int | None:
    """The exit status when there is nothing to read yet: 1 for a folder that cannot be one
    (said on stderr), 0 with ``greeting`` before anyone has set closer up. None: read on."""
    if not _usable(store_root):
        return 1
    if not (store_root / COUPLE_FILE).is_file():
        print(greeting)
        return 0
    return None


def _open(store_root: Path, passphrase_file: Path | None = None) -> Store | None:
    """The store, opened with a passphrase when it is locked; None (said why) if it cannot be."""
    from closer_tui.core.store import Store

    try:
        store = Store.open(store_root)
    except OSError as error:
        print(cannot_use_folder(store_root, error), file=sys.stderr)
        return None
    if not store.locked:
        return store
    if store.lock_problem:
        print(store.lock_problem, file=sys.stderr)
        return None
    secret = _secret(passphrase_file, "Your passphrase (or the recovery code): ")
    if secret is None:
        return None
    if store.unlock(secret) is None:
        print(WRONG_PASSPHRASE, file=sys.stderr)
        return None
    return store


def _read_all(
    store_root: Path, passphrase_file: Path | None = None
) -> tuple[Couple | None, History] | None:
    """The couple and the whole history, through the store as the app reads them (asking for
    a passphrase when it is locked); anything set aside on the way is told on stderr. None
    (already said) if the folder cannot be used."""
    store = _open(store_root, passphrase_file)
    if store is None:
        return None
    couple = store.load_couple()
    history = store.load_history()
    _tell(store.notices + history.notices)
    return couple, history


def cannot_use_folder(store_root: Path, error: OSError) -> str:
    """Why the data folder cannot be used, as one plain sentence for the terminal."""
    from closer_tui.core.store import StoreError, plain_reason

    if isinstance(error, StoreError):
        return str(error)  # the store's own words: already plain, naming the folder
    return f"closer cannot use its data folder {store_root}: {plain_reason(error)}."


def _tell(notices: Iterable[Notice]) -> None:
    for notice in notices:
        print(notice.text, file=sys.stderr)


def _print_all(text: str) -> int:
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        # `closer export | head` is fine: stop quietly, as the docs advise.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    return 0


# -- keepsake ------------------------------------------------------------------


def run_keepsake(
    store_root: Path,
    output: Path | None,
    *,
    year: int | None = None,
    start: date | None = None,
    end: date | None = None,
    force: bool = False,
    passphrase_file: Path | None = None,
) -> int:
    """Write the keepsake of a year (or of ``start``–``end``) as one HTML file.

    Without a year or dates, the year so far. ``output`` defaults to
    ``closer-keepsake-YEAR.html`` here; one already there is replaced only with ``force``.
    """
    if not _usable(store_root):
        return 1
    from closer_tui.core.favourites import KEPT, SECTION
    from closer_tui.core.keepsake import Period
    from closer_tui.core.keepsake_page import keepsake_html

    try:
        if start is not None or end is not None:
            if start is None or end is None:
                print("Give both --from and --to, or a --year.", file=sys.stderr)
                return 2
            period = Period(start, end)
        else:
            period = Period.year(year if year is not None else datetime.now().year)
    except ValueError as error:
        print(f"That period cannot be kept: {error}.", file=sys.stderr)
        return 2
    if output is None:
        output = Path(f"closer-keepsake-{period.start.year}.html")
    if _already_there(output, force, "Choose another name with -o"):
        return 1
    if not (store_root / COUPLE_FILE).is_file():
        print(NOTHING_YET, file=sys.stderr)
        return 1
    store = _open(store_root, passphrase_file)
    if store is None:
        return 1
    couple = store.load_couple()
    history = store.load_history()
    _tell(store.notices + history.notices)
    if couple is None:
        print(NOTHING_YET, file=sys.stderr)
        return 1
    from closer_tui.core.letters import opened_in

    kept = store.load_keepsakes().recall(SECTION, KEPT)
    letters = opened_in(store.load_letters(), None)
    _tell(store.notices)
    page, story = keepsake_html(
        couple, history.sessions, period, datetime.now(UTC), kept=kept, letters=letters
    )
    if not _written(output, page):
        return 1
    days = len(story.days_together)
    print(
        f"Wrote the keepsake of {story.period.words} to {output}: "
        f"{days} day{'' if days == 1 else 's'} together, {story.sessions} "
        f"session{'' if story.sessions == 1 else 's'}. It holds what you wrote: keep it private."
    )
    if store.locked:
        print(UNLOCKED_EXPORT.format(output=output), file=sys.stderr)
    return 0

"""The couple's data directory: atomic writes, locking, migration, quarantine.

Layout::

    couple.json          names, colours, preferences
    keepsakes.json       what practices remember between evenings (a deck's place…)
    sessions/            one file per finished session, written once
    in-progress/         one file per guided session not yet finished
    letters/             one file per sealed letter (made when the first is sealed)
    quarantine/          files that could not be read, moved aside, never deleted
    lock.json            only when the couple locked closer: the wrapped keys

When the folder is locked (see ``core/lock.py``), every file above is sealed
at this one layer, :meth:`Store._read` and :meth:`Store._write`, and nothing
else changes: the same names, the same atomic writes, quarantine and
migrations. Turning the lock on or off rewrites every file under a journal
(the ``state`` in ``lock.json``) that the next unlock finishes.

Session files keep their UTC start time in their names when locked. The
files' own dates tell anyone who can list the folder as much (when each was
written), a sync service needs names that never collide (start time and a
random id), and ``closer today`` reads recent sessions by name when unlocked:
the lock hides what a couple wrote, not how often they sat down together, and
the README says so.

Every write goes to a temporary file in the same folder, is flushed and
fsynced, renamed over the target with ``os.replace`` and the folder is
fsynced. A crash therefore leaves either the old file or the new one.

Ground rules, each one tested in ``tests/safety``:

- Reading never raises. A file that cannot be read is moved to
  ``quarantine/`` (bytes untouched) and becomes a :class:`Notice`; a file
  written by a newer closer is left exactly where it is.
- Writing raises only :class:`StoreError`, whose message is a plain sentence,
  and leaves what was on disk before untouched.
- Links are never followed inside the data folder: a linked file is read as
  "not ours" and set aside (the link moves, its target is never touched); a
  linked sub-folder is set aside and a real one made. The data folder itself
  may be a link (to a synced folder, say): the couple chose where it lives.
- Folders are ``0700`` and files ``0600`` whatever the umask.
- Text is kept exactly, including NUL and lone surrogates (which UTF-8 cannot
  hold: such a file is written with ``\\uXXXX`` escapes instead). The one
  exception: a high and a low surrogate stored as two separate code points
  come back as the single character they spell, as JSON defines.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import json
import os
import re
import stat
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import PydanticSerializationError, to_jsonable_python

from closer_tui.core import lock as sealing
from closer_tui.core.basics import COUPLE_FILE, DECK_PACKS_FOLDER, LOCK_FILE
from closer_tui.core.files import not_a_folder, opened_plain, read_plain, read_to_end, sync
from closer_tui.core.files import plain_reason as plain_reason  # screens say failures with it
from closer_tui.core.models import (
    COUPLE_SCHEMA,
    DRAFT_SCHEMA,
    KEEPSAKES_SCHEMA,
    LETTER_SCHEMA,
    SESSION_SCHEMA,
    Couple,
    Keepsakes,
    Persisted,
    SealedLetter,
    SessionDraft,
    SessionRecord,
    within_reach,
)

try:  # POSIX only; elsewhere closer runs without cross-process locks.
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

DIR_MODE = 0o700
FILE_MODE = 0o600
TEMP_PREFIX = ".closer-tmp-"
LOCK_NAME = ".lock"
TURNING_NAME = ".turning"
"""Held shared by every write, and alone while the lock is turned on or off."""
_ID = re.compile(r"[0-9a-f]{32}")
_NOT_OURS_FLAGS = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
"""For the files closer opens to lock: never follow a link, never wait on a pipe (POSIX only)."""

ModelT = TypeVar("ModelT", bound=BaseModel)
SETTINGS = "the settings"
KEEPSAKES = "what closer keeps for next time"
Migration = Callable[[dict[str, Any]], dict[str, Any]]

MIGRATIONS: dict[str, dict[int, Migration]] = {
    # kind -> {from_schema: step to from_schema + 1}. Schema 1 is the first
    # closer ever wrote; the next change adds its step here, never edits one.
    # A step returns the upgraded dict; the store stamps the new number on it.
    "couple": {},
    "session": {},
    "draft": {},
    "keepsakes": {},
    "letter": {},
}


class StoreError(Exception):
    """A write failed; what was on disk before is untouched.

    The message is one plain sentence (or two) fit to show the couple.
    """


class Locked(StoreError):
    """The folder is locked and this store has not been opened with a passphrase."""

    def __init__(self) -> None:
        super().__init__("closer is locked: open it with a passphrase first. Nothing was changed.")


class LockChanged(StoreError):
    """Another window turned the lock on or off, or another key is in use, since this one opened."""


LOCKED_ELSEWHERE = (
    "closer was locked in another window since this one opened, so what is locked now is "
    "left out here. Close this window and open closer again."
)


class StaleCopy(StoreError):
    """The couple's settings changed on disk since this copy was read."""


class DataFolderError(StoreError, OSError):
    """The data folder itself cannot be used.

    Also an ``OSError`` (with ``strerror`` set to the plain message) so that
    callers written for the first store keep catching it.
    """

    def __str__(self) -> str:
        return self.strerror or super().__str__()


class NewerFile(Exception):
    """A file written by a newer closer: left exactly as it is."""


@dataclass
class Notice:
    """Something the couple should hear about their data, in plain words."""

    text: str
    path: Path | None = None


@dataclass
class History:
    """Every session that could be read, newest first, and what could not."""

    sessions: list[SessionRecord] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)


def _fsync_dir(folder: Path) -> None:
    """Make a rename or removal in ``folder`` survive a power cut."""
    if os.name == "nt":
        return  # Windows cannot open a folder to sync it; NTFS journals the rename itself
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        sync(fd)
    except OSError as error:
        # Some file systems cannot sync a folder; the rename stands regardless.
        if error.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(fd)


def _write_through_temp(path: Path, data: bytes) -> bool:
    """One attempt at an atomic replace; False if a clean-up took our temp file."""
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=TEMP_PREFIX, suffix=".json")
    tmp = Path(tmp_name)
    replaced = False
    try:
        with os.fdopen(fd, "wb") as handle:
            if fcntl is not None:
                # Held until the rename: start-up clean-up only removes temp
                # files nobody holds, so it never pulls one from under a writer.
                fcntl.flock(fd, fcntl.LOCK_EX)
                if os.fstat(fd).st_nlink == 0:
                    # A clean-up locked and removed it in the instant between
                    # its creation and our lock: start again with a new one.
                    return False
            if hasattr(os, "fchmod"):  # not on Windows before Python 3.13
                os.fchmod(fd, FILE_MODE)
            handle.write(data)
            handle.flush()
            sync(fd)
            os.replace(tmp, path)
            replaced = True
    finally:
        if not replaced:
            with contextlib.suppress(OSError):
                tmp.unlink()
    return True


def write_atomic(path: Path, data: bytes, *, sync_folder: bool = True) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves the old or the new file.

    The file is created ``0600``. Raises ``OSError``; on any failure the old
    file is untouched and no temporary file is left behind. ``sync_folder``
    False leaves the folder's sync to the caller, who does it once for many
    files (turning the lock on or off) before saying they are done.
    """
    for _attempt in range(5):
        if _write_through_temp(path, data):
            break
    else:
        raise OSError(errno.EAGAIN, "the temporary file kept disappearing")
    if sync_folder:
        _fsync_dir(path.parent)


def file_bytes(model: BaseModel) -> bytes:
    """``model`` as closer writes it to disk: JSON that always reads back as the same text."""
    try:
        return model.model_dump_json(by_alias=True, indent=2).encode("utf-8")
    except PydanticSerializationError:
        # Lone surrogates cannot be UTF-8: write them as JSON escapes instead,
        # which read back as exactly the same text. (Python mode: the JSON
        # mode would quietly replace them in dictionary keys.)
        plain = model.model_dump(mode="python", by_alias=True)
        return json.dumps(
            plain, indent=2, ensure_ascii=True, allow_nan=False, default=to_jsonable_python
        ).encode("ascii")


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


class Store:
    """The data directory of one couple. Make one with :meth:`Store.open`."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.couple_path = self.root / COUPLE_FILE
        self.keepsakes_path = self.root / "keepsakes.json"
        self.sessions_dir = self.root / "sessions"
        self.drafts_dir = self.root / "in-progress"
        self.quarantine_dir = self.root / "quarantine"
        self.letters_dir = self.root / "letters"
        self.lock_path = self.root / LOCK_FILE
        self.notices: list[Notice] = []
        self._lock: sealing.LockFile | None = None
        self._lock_seen: tuple[int, int, int] | None = None
        self._key: sealing.DataKey | None = None
        self.locked = False
        """Whether the folder is locked (``lock.json`` is there), opened here or not."""
        self.lock_problem: str | None = None
        """Why ``lock.json`` cannot be used, in plain words; None when it can."""
        self._opened_plain = True
        """Opened on a plain folder: a lock found later was turned on in another window."""
        # Session id -> the names of every file holding it, so a delete gets them all.
        self._session_files: dict[str, set[str]] = {}

    @classmethod
    def open(cls, root: Path) -> Store:
        """Create or check the data directory; problems become ``notices``.

        Raises :class:`DataFolderError` (a :class:`StoreError` and an
        ``OSError``) only when the data folder itself cannot be made or is not
        a folder of this user.
        """
        store = cls(_make_root(Path(root).expanduser()))
        store._prepare()
        return store

    # -- the folders ---------------------------------------------------------

    def _prepare(self) -> None:
        self._make_private(self.root)
        # Quarantine first: setting anything else aside needs it.
        for folder in (self.quarantine_dir, self.sessions_dir, self.drafts_dir):
            self._ensure_sub_folder(folder)
        for folder in self._private_folders:
            self._remove_abandoned_temp_files(folder)
        self._read_lock_file()
        self._opened_plain = not self.locked

    def _ensure_sub_folder(self, folder: Path) -> bool:
        """Make ``folder`` a real private folder; False (with a notice) if it cannot be."""
        try:
            info = folder.lstat()
        except FileNotFoundError:
            info = None
        except OSError as error:
            self.notices.append(Notice(f"{folder} could not be checked: {plain_reason(error)}."))
            return False
        if info is not None and not stat.S_ISDIR(info.st_mode):
            # A link (never followed out of the data folder) or a file where
            # a folder belongs: set it aside and make the real folder.
            if not self._set_aside_folder(folder):
                return False
            info = None
        if info is None:
            try:
                folder.mkdir(mode=DIR_MODE)
            except FileExistsError:
                pass  # another closer made it a moment ago
            except OSError as error:
                self.notices.append(
                    Notice(f"{folder} could not be made: {plain_reason(error)}.", folder)
                )
                return False
        return self._make_private(folder)

    def _set_aside_folder(self, folder: Path) -> bool:
        if folder == self.quarantine_dir:
            # Nowhere to quarantine the quarantine: rename it beside itself.
            target = self._free_name(self.root, f"quarantine.{_stamp()}.set-aside")
            try:
                os.rename(folder, target)
            except OSError as error:
                self.notices.append(
                    Notice(
                        f"{folder} is not a folder and could not be moved aside: "
                        f"{plain_reason(error)}.",
                        folder,
                    )
                )
                return False
            self.notices.append(
                Notice(
                    f"{folder.name} was not a real folder; it was renamed {target.name}.", target
                )
            )
            return True
        return self._quarantine(folder)

    def _make_private(self, folder: Path) -> bool:
        try:
            mode = stat.S_IMODE(folder.lstat().st_mode)
            if mode != DIR_MODE:
                os.chmod(folder, DIR_MODE)
        except OSError as error:
            self.notices.append(
                Notice(f"{folder} could not be made private: {plain_reason(error)}.", folder)
            )
            return False
        if mode & 0o077:
            self.notices.append(
                Notice(f"{folder} could be read by other users; it is now private.", folder)
            )
        return True

    def _remove_abandoned_temp_files(self, folder: Path) -> None:
        try:
            names = [n for n in os.listdir(folder) if n.startswith(TEMP_PREFIX)]
        except OSError:
            return
        for name in names:
            tmp = folder / name
            try:
                if not stat.S_ISREG(tmp.lstat().st_mode):
                    continue  # we only ever make plain files: this is not ours
                fd = os.open(tmp, os.O_RDONLY | _NOT_OURS_FLAGS)
            except OSError:
                continue
            try:
                if fcntl is not None:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                # Unlocked: its writer died before the rename. Nothing refers
                # to a temp file, so removing it loses nothing.
                tmp.unlink(missing_ok=True)
            except OSError:
                continue  # a live writer holds it, or the folder is read-only
            finally:
                os.close(fd)

    @contextlib.contextmanager
    def _locked(self, what: str) -> Iterator[None]:
        """Serialise read-modify-write of ``couple.json`` or ``keepsakes.json`` across processes."""
        if fcntl is None:  # pragma: no cover
            yield
            return
        try:
            fd = os.open(
                self.root / LOCK_NAME,
                os.O_RDWR | os.O_CREAT | _NOT_OURS_FLAGS,
                FILE_MODE,
            )
        except OSError as error:
            raise StoreError(
                f"Could not save {what}: {plain_reason(error)}. Nothing saved before was changed."
            ) from error
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)

    # -- reading any file ----------------------------------------------------

    def _read(
        self,
        path: Path,
        model: type[ModelT],
        kind: str,
        schema: int,
        plain: bool | None = None,
    ) -> ModelT:
        """Read, migrate and validate one file.

        ``plain`` is what a folder listing already said about the file's type
        (None: not known, so look first). Raises ``NewerFile``, ``ValueError``
        (the file is not readable as ours), ``FileNotFoundError`` or another
        ``OSError`` (the disk failed).
        """
        with opened_plain(path, plain) as (fd, info):
            if stat.S_IMODE(info.st_mode) & 0o077 and hasattr(os, "fchmod"):
                with contextlib.suppress(OSError):
                    os.fchmod(fd, FILE_MODE)  # copied in from elsewhere: keep it private
            data = read_to_end(fd, info.st_size)
        data, bound_schema = self._unseal(path, data)
        return _parse(path, data, model, kind, schema, bound_schema)

    def _free_name(self, folder: Path, name: str) -> Path:
        target = folder / name
        counter = 1
        while os.path.lexists(target):
            target = folder / f"{name}-{counter}"
            counter += 1
        return target

    def _quarantine(self, path: Path, notices: list[Notice] | None = None) -> bool:
        """Move ``path`` (never what it links to) into ``quarantine/``, with a notice.

        The notice says, in the couple's words, what could not be read and what
        that means for them (not why, in a programmer's words); the path is
        there for anyone who wants to look.
        """
        if notices is None:
            notices = self.notices
        lost = self._what_is_missed(path)
        target = self._free_name(self.quarantine_dir, f"{path.name}.{_stamp()}")
        try:
            if not self._ensure_sub_folder(self.quarantine_dir):
                raise OSError(errno.ENOTDIR, "the quarantine folder is not usable")
            os.rename(path, target)
        except FileNotFoundError:
            if not os.path.lexists(path):
                return True  # gone already: nothing left to set aside
            notices.append(Notice(f"{lost} It is at {path}.", path))
            return False
        except OSError as error:
            notices.append(
                Notice(
                    f"{lost} It could not be moved aside either ({plain_reason(error)}), "
                    f"so it was left as it is, at {path}.",
                    path,
                )
            )
            return False
        notices.append(
            Notice(
                f"{lost} Nothing was deleted: what was there is kept as it was, in {target}.",
                target,
            )
        )
        return True

    def _what_is_missed(self, path: Path) -> str:
        """What a file that could not be read held, and what that means, in the couple's words."""
        if path == self.couple_path:
            return "Your names and settings could not be read, so closer asks for them again."
        if path == self.keepsakes_path:
            return (
                "What closer remembered between evenings (where each deck was, your phone-free "
                "zones) could not be read, so it starts afresh."
            )
        if path.parent == self.sessions_dir:
            return "One saved session could not be read, so History leaves it out."
        if path.parent == self.drafts_dir:
            return "An unfinished session could not be read, so it cannot be picked up."
        if path.parent == self.letters_dir:
            return "One sealed letter could not be read, so it cannot be opened."
        return f"The {path.name} folder was not a real folder, so closer made a new one."

    def _read_or_set_aside(
        self,
        path: Path,
        model: type[ModelT],
        kind: str,
        schema: int,
        notices: list[Notice],
        plain: bool | None = None,
    ) -> ModelT | None:
        try:
            return self._read(path, model, kind, schema, plain)
        except FileNotFoundError:
            return None
        except LockChanged as error:
            # Read as plain, found locked: nothing is set aside, the couple is told.
            if not any(notice.text == str(error) for notice in notices):
                notices.append(Notice(str(error)))
        except NewerFile:
            notices.append(
                Notice(
                    f"{path.name} was saved by a newer closer, so this one leaves it "
                    "untouched: please update closer.",
                    path,
                )
            )
        except ValueError:
            self._quarantine(path, notices)
        except OSError as error:
            # The disk, not the file, is at fault: leave it for next time.
            notices.append(
                Notice(f"{path.name} could not be read just now: {plain_reason(error)}.", path)
            )
        return None

    # -- the couple ----------------------------------------------------------

    def load_couple(self) -> Couple | None:
        """The couple, or None on a first run (or if their file had to be set aside)."""
        return self._read_or_set_aside(
            self.couple_path, Couple, "couple", COUPLE_SCHEMA, self.notices
        )

    def save_couple(self, couple: Couple) -> Couple:
        """Save a couple read at ``couple.revision``; refuse if the file moved on.

        Raises :class:`StaleCopy` if the settings on disk changed since
        ``couple`` was read, :class:`StoreError` if they cannot be written.
        """
        with self._locked(SETTINGS):
            current = self._current(self.couple_path, Couple, "couple", COUPLE_SCHEMA, SETTINGS)
            if current is not None and current.revision != couple.revision:
                raise StaleCopy(
                    "The settings were changed in another closer window since they were "
                    "opened here; nothing was overwritten."
                )
            self._carry_keepsakes_over(couple if current is None else current)
            saved = couple.model_copy(update={"revision": couple.revision + 1})
            self._write(self.couple_path, saved, SETTINGS)
            return saved

    def update_couple(self, change: Callable[[Couple], Couple]) -> Couple:
        """Apply ``change`` to the newest couple on disk, under the lock.

        Unknown fields in the file survive. Raises :class:`StoreError` if there
        are no readable settings to change, or they cannot be written.
        """
        with self._locked(SETTINGS):
            current = self._current(self.couple_path, Couple, "couple", COUPLE_SCHEMA, SETTINGS)
            if current is None:
                raise StoreError("There are no settings to change yet.")
            self._carry_keepsakes_over(current)
            changed = change(current)
            saved = changed.model_copy(update={"revision": current.revision + 1})
            self._write(self.couple_path, saved, SETTINGS)
            return saved

    def _current(
        self, path: Path, model: type[ModelT], kind: str, schema: int, what: str
    ) -> ModelT | None:
        """The file on disk, about to be rewritten under the lock; None if there is none.

        A file that cannot be read is set aside first: bytes closer could not
        read are never overwritten. Raises :class:`StoreError` when rewriting
        could lose something (a newer closer's file, a disk that failed).
        """
        try:
            return self._read(path, model, kind, schema)
        except FileNotFoundError:
            return None
        except NewerFile:
            raise StoreError(
                f"Could not save {what}: they were saved by a newer version of closer and "
                "were left as they are. Please update closer."
            ) from None
        except ValueError as error:
            if not self._quarantine(path):
                raise StoreError(
                    f"Could not save {what}: their file could not be read nor moved aside. "
                    "Nothing was changed."
                ) from error
            return None
        except OSError as error:
            raise StoreError(
                f"Could not save {what}: they could not be read ({plain_reason(error)}). "
                "Nothing was changed."
            ) from error

    # -- what practices remember between evenings ----------------------------

    # -- imported deck packs -------------------------------------------------

    @property
    def packs_dir(self) -> Path:
        return self.root / DECK_PACKS_FOLDER

    def save_pack(self, name: str, text: str) -> Path:
        """Keep an imported deck pack as ``decks/<name>`` in the data folder.

        ``name`` is closer's own choice (the deck's slug id and ``.toml``): a
        pack never names the file it lands in, and a link where the folder
        belongs is set aside rather than followed. Raises :class:`StoreError`.
        """
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*\.toml", name):
            raise ValueError(f"not a deck pack's file name: {name!r}")
        with self._locked("the deck"):
            if not self._ensure_sub_folder(self.packs_dir):
                raise StoreError(
                    f"Could not save the deck: the {DECK_PACKS_FOLDER} folder could not be made."
                )
            path = self.packs_dir / name
            try:
                write_atomic(path, text.encode("utf-8"))
            except OSError as error:
                raise StoreError(
                    f"Could not save the deck: {plain_reason(error)}. Nothing else was changed."
                ) from error
        return path

    def load_keepsakes(self) -> Keepsakes:
        """What practices remember between evenings; never raises."""
        kept = self._read_or_set_aside(
            self.keepsakes_path, Keepsakes, "keepsakes", KEEPSAKES_SCHEMA, self.notices
        )
        return kept if kept is not None else self._keepsakes_in_couple()

    def remember(self, section: str, key: str, value: Any) -> Keepsakes:
        """Keep ``value`` under ``section`` and ``key``; return everything kept.

        Merged under the lock into the newest file, so two windows remembering
        different things keep both; ``couple.json`` and its revision are never
        touched. Raises :class:`StoreError` if it cannot be written.
        """
        with self._locked(KEEPSAKES):
            current = self._current(
                self.keepsakes_path, Keepsakes, "keepsakes", KEEPSAKES_SCHEMA, KEEPSAKES
            )
            if current is None:
                current = self._keepsakes_in_couple()
            kept = current.with_kept(section, key, value)
            self._write(self.keepsakes_path, kept, KEEPSAKES)
            return kept

    def _keepsakes_in_couple(self) -> Keepsakes:
        """What a closer before ``keepsakes.json`` kept in ``couple.json``, if anything."""
        try:
            couple = self._read(self.couple_path, Couple, "couple", COUPLE_SCHEMA)
        except (NewerFile, ValueError, OSError):
            return Keepsakes()  # reading the couple itself tells what is wrong
        return Keepsakes(sections=couple.keepsakes)

    def _carry_keepsakes_over(self, couple: Couple) -> None:
        """Before ``couple.json`` is rewritten without them, move old keepsakes to their file."""
        if couple.keepsakes and not os.path.lexists(self.keepsakes_path):
            self._write(self.keepsakes_path, Keepsakes(sections=couple.keepsakes), KEEPSAKES)

    # -- sessions ------------------------------------------------------------

    def save_session(self, record: SessionRecord) -> Path:
        """Write one finished session to its own file; return where it went."""
        try:
            # A copy made without validation can still hold a far-off date:
            # refuse it here rather than write a file that would not read back.
            within_reach(record.started_at)
            within_reach(record.ended_at)
            name = record.file_name
        except (OverflowError, ValueError) as error:
            raise StoreError("The session's date is out of range; it was not saved.") from error
        path = self.sessions_dir / name
        self._write(path, record, "the session")
        self._session_files.setdefault(record.id, set()).add(name)
        return path

    def load_history(self) -> History:
        """Every readable session, newest first; never raises.

        Unreadable files are set aside, each with a notice. A second copy of a
        session (a file-sync tool's "conflicted copy") is shown once.
        """
        history = History()
        files = _listed(self.sessions_dir, "The history", history.notices, newest_first=True)
        if files is None:
            return history
        found: dict[str, SessionRecord] = {}
        copies: dict[str, set[str]] = {}
        with _collector_paused():
            for name, plain in files:
                record = self._read_or_set_aside(
                    self.sessions_dir / name,
                    SessionRecord,
                    "session",
                    SESSION_SCHEMA,
                    history.notices,
                    plain,
                )
                if record is None:
                    continue
                copies.setdefault(record.id, set()).add(name)
                if record.id not in found or _is_own_name(record, name):
                    found[record.id] = record
        self._session_files = copies  # every copy, so a delete removes them all
        history.sessions = sorted(found.values(), key=lambda r: r.started_at, reverse=True)
        return history

    def delete_session(self, record: SessionRecord) -> None:
        """Remove a session's file for good (copies in backups are not ours to touch)."""
        if not _ID.fullmatch(record.id):
            raise StoreError("That session cannot be deleted: its id is not one closer made.")
        paths = set(self.sessions_dir.glob(f"*-{record.id}.json"))
        paths |= {self.sessions_dir / name for name in self._session_files.pop(record.id, set())}
        try:
            for path in paths:
                path.unlink(missing_ok=True)
            _fsync_dir(self.sessions_dir)
        except OSError as error:
            raise StoreError(f"The session could not be deleted: {plain_reason(error)}.") from error

    # -- guided sessions in progress ----------------------------------------

    def save_draft(self, draft: SessionDraft) -> None:
        """Autosave a guided session in progress (after every step)."""
        self._write(self.drafts_dir / draft.file_name, draft, "the session in progress")

    def load_drafts(self) -> list[SessionDraft]:
        """Guided sessions to resume, most recently touched first; never raises."""
        drafts = []
        files = _listed(self.drafts_dir, "Unfinished sessions", self.notices)
        if files is None:
            return []
        for name, plain in files:
            draft = self._read_or_set_aside(
                self.drafts_dir / name, SessionDraft, "draft", DRAFT_SCHEMA, self.notices, plain
            )
            if draft is not None:
                drafts.append(draft)
        return sorted(drafts, key=lambda d: d.updated_at, reverse=True)

    def discard_draft(self, draft_id: str) -> None:
        """Forget a session in progress (finished, or let go)."""
        if not _ID.fullmatch(draft_id):
            # Guards against a path such as "../couple" reaching unlink.
            raise StoreError("That unfinished session cannot be removed: its id is not valid.")
        try:
            (self.drafts_dir / f"{draft_id}.json").unlink(missing_ok=True)
            _fsync_dir(self.drafts_dir)
        except OSError as error:
            raise StoreError(
                f"The unfinished session could not be removed: {plain_reason(error)}."
            ) from error

    def finish_draft(self, draft_id: str, record: SessionRecord) -> Path:
        """Save the finished session first, then drop its draft: never neither."""
        path = self.save_session(record)
        self.discard_draft(draft_id)
        return path

    # -- sealed letters --------------------------------------------------------

    def save_letter(self, letter: SealedLetter) -> None:
        """Write a sealed letter to its own file (sealing it, or marking it opened)."""
        self._write(self.letters_dir / letter.file_name, letter, "the letter")

    def load_letters(self) -> list[SealedLetter]:
        """Every letter that could be read, oldest sealed first; never raises."""
        if not os.path.lexists(self.letters_dir):
            return []  # no letter sealed yet
        if not self._ensure_sub_folder(self.letters_dir):  # a link is set aside, never followed
            return []
        files = _listed(self.letters_dir, "Your sealed letters", self.notices)
        if files is None:
            return []
        found: dict[str, SealedLetter] = {}
        for name, plain in files:
            letter = self._read_or_set_aside(
                self.letters_dir / name, SealedLetter, "letter", LETTER_SCHEMA, self.notices, plain
            )
            if letter is None:
                continue
            # A second copy (a sync tool's, or an older name) is shown once: opening is
            # one way, so an opened copy wins; else the file under the letter's own name.
            known = found.get(letter.id)
            if (
                known is None
                or (known.opened_at is None and letter.opened_at is not None)
                or (known.opened_at is None and name == letter.file_name)
            ):
                found[letter.id] = letter
        return sorted(found.values(), key=lambda letter: letter.sealed_at)

    # -- any other file of the couple's ----------------------------------------

    def save_private(self, name: str, model: Persisted, what: str) -> Path:
        """Write ``model`` as ``name`` in the data folder, the way every file here is written.

        For a new file format (letters, say): atomic, ``0600``, sealed when
        the folder is locked, included when the lock is turned on or off.
        ``what`` names it in an error ("the letters"). Raises :class:`StoreError`.
        """
        path = self._private_path(name)
        self._write(path, model, what)
        return path

    def load_private(self, name: str, model: type[ModelT], kind: str, schema: int) -> ModelT | None:
        """Read back what :meth:`save_private` wrote; None if there is none.

        Never raises but :class:`Locked`: a file that cannot be read is set
        aside with a notice, and migrated through ``MIGRATIONS[kind]``.
        """
        path = self._private_path(name)
        return self._read_or_set_aside(path, model, kind, schema, self.notices)

    def plain_bytes(self, path: Path) -> bytes:
        """The bytes of one of the couple's files as they read them: opened if locked.

        Raises ``OSError``, ``ValueError`` (not ours, or it does not open) or :class:`Locked`.
        """
        return self._unseal(path, read_plain(path))[0]

    def _private_path(self, name: str) -> Path:
        if not re.fullmatch(r"[a-z][a-z0-9-]*\.json", name) or name in (LOCK_FILE,):
            raise StoreError(f"{name} is not a name closer gives its files.")
        return self.root / name

    # -- the lock --------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        """Whether what is here can be read: the folder is plain, or a passphrase opened it."""
        return not self.locked or self._key is not None

    @property
    def lock_pending(self) -> str | None:
        """``"on"`` or ``"off"`` when closer stopped half way through turning the lock so."""
        if self._lock is None or self._lock.state == "on":
            return None
        return self._lock.state.removeprefix("turning-")

    def slots(self) -> tuple[str, ...]:
        """The ways in that are set: ``first``, ``second``, ``recovery``."""
        if self._lock is None:
            return ()
        return tuple(name for name in sealing.SLOT_NAMES if name in self._lock.slots)

    def unlock(self, secret: str) -> str | None:
        """Open the folder with a partner's passphrase or the recovery code.

        Returns the slot that opened (``"first"``, ``"second"`` or
        ``"recovery"``), or None: a wrong passphrase changes nothing at all.
        A slot derived with weaker Argon2 parameters than this closer's is
        wrapped again with the stronger ones; a turn on or off that was cut
        short is finished.
        """
        if not self.locked:
            return None
        self._read_lock_file()
        if self._lock is None:
            return None
        code = sealing.recovery_form(secret)
        opened = sealing.open_any(self._lock, [("recovery", code)]) if code else None
        opened = opened or sealing.open_any(
            self._lock, [(name, secret) for name in sealing.PARTNER_SLOTS]
        )
        if opened is None:
            return None
        name, key = opened
        given = code if name == "recovery" and code else secret
        self._key = sealing.DataKey(key, self._lock.key_id)
        wanted = sealing.RECOVERY_KDF if name == "recovery" else sealing.PASSPHRASE_KDF
        if self._lock.slots[name].params < wanted:
            with contextlib.suppress(StoreError):  # a read-only disk still opens
                self._change_slots(lambda lock: self._wrap_into(lock, name, given, wanted))
        if self._lock.state != "on":
            self._finish_turning()
        return name

    def lock(self) -> None:
        """Forget the key (the idle lock, the lock key): reading needs a passphrase again."""
        self._key = None

    def turn_lock_on(self, first: str, second: str) -> str:
        """Lock every file with the two partners' passphrases; return the recovery code.

        Every file is rewritten sealed, under ``lock.json``'s journal: if
        closer stops half way, the next unlock finishes. Raises
        :class:`StoreError` (the lock is then on for what was done so far, and
        the next unlock finishes the rest).
        """
        for secret in (first, second):
            if len(secret) < sealing.PASSPHRASE_MIN:
                raise StoreError(
                    f"A passphrase needs at least {sealing.PASSPHRASE_MIN} characters."
                )
        key = sealing.DataKey.new()
        code = sealing.new_recovery_code()
        lock = sealing.LockFile(key.key_id, {}, "turning-on")
        self._wrap_into(lock, "first", first, sealing.PASSPHRASE_KDF, key)
        self._wrap_into(lock, "second", second, sealing.PASSPHRASE_KDF, key)
        self._wrap_into(lock, "recovery", code, sealing.RECOVERY_KDF, key)
        with self._turning(exclusive=True, what="the lock"):
            if os.path.lexists(self.lock_path):
                raise LockChanged("closer is already locked (perhaps in another window).")
            self._lock, self._key, self.locked = lock, key, True
            self._opened_plain = False
            self._save_lock_file("the lock")
            self._finish_turning(held=True)
        return code

    def turn_lock_off(self) -> None:
        """Rewrite every file as plain JSON again and remove ``lock.json``.

        Needs the folder open. Cut short, the next unlock finishes it.
        """
        lock = self._open_lock()
        with self._turning(exclusive=True, what="the lock"):
            lock.state = "turning-off"
            self._save_lock_file("the lock")
            self._finish_turning(held=True)

    def set_passphrase(self, slot: str, secret: str) -> None:
        """Give ``slot`` (``"first"`` or ``"second"``) a new passphrase; no file is rewritten."""
        if slot not in sealing.PARTNER_SLOTS:
            raise StoreError("Only a partner's passphrase can be set.")
        if len(secret) < sealing.PASSPHRASE_MIN:
            raise StoreError(f"A passphrase needs at least {sealing.PASSPHRASE_MIN} characters.")
        self._change_slots(lambda lock: self._wrap_into(lock, slot, secret, sealing.PASSPHRASE_KDF))

    def remove_passphrase(self, slot: str) -> None:
        """Take away one partner's passphrase; the other's (and the recovery code) still open it."""
        if slot not in sealing.PARTNER_SLOTS:
            raise StoreError("Only a partner's passphrase can be removed.")

        def remove(lock: sealing.LockFile) -> None:
            others = [name for name in sealing.PARTNER_SLOTS if name != slot]
            if not any(name in lock.slots for name in others):
                raise StoreError(
                    "That is the last passphrase: closer keeps one, or turn the lock off instead."
                )
            lock.slots.pop(slot, None)

        self._change_slots(remove)

    def new_recovery_code(self) -> str:
        """Replace the recovery code (the old one no longer opens anything); return the new one."""
        code = sealing.new_recovery_code()
        self._change_slots(
            lambda lock: self._wrap_into(lock, "recovery", code, sealing.RECOVERY_KDF)
        )
        return code

    def _wrap_into(
        self,
        lock: sealing.LockFile,
        name: str,
        secret: str,
        params: sealing.KdfParameters,
        key: sealing.DataKey | None = None,
    ) -> None:
        key = key or self._key
        assert key is not None
        lock.slots[name] = sealing.wrap(key.key, secret, name, key.key_id, params)

    def _open_lock(self) -> sealing.LockFile:
        if not self.locked:
            raise StoreError("closer is not locked.")
        if self._key is None or self._lock is None:
            raise Locked()
        return self._lock

    def _change_slots(self, change: Callable[[sealing.LockFile], None]) -> None:
        """Apply ``change`` to the newest ``lock.json`` and save it, alone."""
        self._open_lock()
        with self._turning(exclusive=True, what="the lock"):
            self._check_lock_unchanged("the lock")
            lock = self._open_lock()
            change(lock)
            self._save_lock_file("the lock")

    def _save_lock_file(self, what: str) -> None:
        assert self._lock is not None
        try:
            write_atomic(self.lock_path, self._lock.to_bytes())
        except OSError as error:
            raise StoreError(
                f"Could not save {what}: {plain_reason(error)}. Nothing was changed."
            ) from error
        self._lock_seen = _signature(self.lock_path)

    def _finish_turning(self, *, held: bool = False) -> None:
        """Rewrite every file the way ``lock.json``'s state says, then mark it done."""
        if not held:
            with self._turning(exclusive=True, what="the lock"):
                self._read_lock_file()
                if self._lock is not None and self._key is not None:
                    how = "on" if self._lock.state == "turning-on" else "off"
                    self._finish_turning(held=True)
                    self.notices.append(
                        Notice(
                            f"closer had stopped while turning the lock {how}; it has "
                            "finished now, and nothing was lost."
                        )
                    )
            return
        assert self._lock is not None and self._key is not None
        turning_on = self._lock.state == "turning-on"
        try:
            self._rewrite_every_file(seal=turning_on)
            if turning_on:
                self._lock.state = "on"
                self._save_lock_file("the lock")
            else:
                self.lock_path.unlink()
                _fsync_dir(self.root)
                self._lock, self._key, self.locked, self._lock_seen = None, None, False, None
        except OSError as error:
            raise StoreError(
                f"closer could not finish turning the lock {'on' if turning_on else 'off'}: "
                f"{plain_reason(error)}. Nothing was lost; it finishes the next time closer "
                "is opened with a passphrase."
            ) from error

    def _rewrite_every_file(self, *, seal: bool) -> None:
        """Seal (or open) every file of the couple in place, each with the atomic write.

        Files are independent, so a few threads overlap the waits for the
        disk (ten years: minutes alone, seconds so); each folder is synced
        once at the end, before the journal says the turn is done: a power
        cut before then brings back some old files, which the next unlock
        simply rewrites again.
        """
        from concurrent.futures import ThreadPoolExecutor

        key = self._key
        assert key is not None

        def rewrite(path: Path) -> None:
            try:
                data = read_plain(path)
            except (OSError, ValueError):
                return  # gone, or not a plain file: the reader sets it aside
            if sealing.is_sealed(data) == seal:
                return  # done before closer stopped
            if seal:
                schema = 0 if path.parent == self.quarantine_dir else sealing.schema_of_plain(data)
                write_atomic(path, key.seal(data, self._bound(path), schema), sync_folder=False)
                return
            for bound in self._bindings(path):
                try:
                    plain = key.open(data, bound)[1]
                except ValueError:
                    continue
                write_atomic(path, plain, sync_folder=False)
                return
            # A file that opens with no binding was never this folder's: left as
            # it is, and the reader sets it aside.

        with ThreadPoolExecutor(max_workers=8) as pool:
            list(pool.map(rewrite, self._every_private_file()))  # the first OSError raises
        for folder in self._private_folders:
            with contextlib.suppress(FileNotFoundError):
                _fsync_dir(folder)

    @property
    def _private_folders(self) -> tuple[Path, ...]:
        """Every folder holding what a couple said: sealed when the folder is locked."""
        return (
            self.root,
            self.sessions_dir,
            self.drafts_dir,
            self.letters_dir,
            self.quarantine_dir,
        )

    def _every_private_file(self) -> list[Path]:
        files = []
        for folder in self._private_folders:
            try:
                with os.scandir(folder) as entries:
                    for entry in entries:
                        if entry.name.startswith(".") or entry.name == LOCK_FILE:
                            continue
                        if folder != self.quarantine_dir and not entry.name.endswith(".json"):
                            continue
                        if entry.is_file(follow_symlinks=False):
                            files.append(Path(entry.path))
            except OSError:
                continue
        return files

    def _bound(self, path: Path) -> str:
        """What a sealed file is bound to: its folder and the stem of its name.

        The stem, not the whole name, so that a sync tool's conflicted copy
        (``<name> (conflicted copy).json``, ``<name>.sync-conflict-….json``)
        still opens, as it does unlocked.
        """
        where = "" if path.parent == self.root else path.parent.name
        stem = _STEM.match(path.name)
        return f"{where}/{stem.group(0) if stem else ''}"

    def _bindings(self, path: Path) -> list[str]:
        """Where a sealed file may have been bound: a quarantined one, wherever it came from."""
        bound = self._bound(path)
        if path.parent != self.quarantine_dir:
            return [bound]
        stem = bound.split("/", 1)[1]
        return [bound, *(f"{where}/{stem}" for where in ("", "sessions", "in-progress"))]

    def _unseal(self, path: Path, data: bytes) -> tuple[bytes, int | None]:
        """The plain bytes of a file read, and the schema a sealed header vouched for."""
        if not self.locked:
            if not sealing.is_sealed(data):
                return data, None
            self._read_lock_file()  # locked in another window since this one opened?
            if not self.locked:
                raise ValueError("it is locked, but this folder is not: it comes from elsewhere")
            raise LockChanged(LOCKED_ELSEWHERE)
        if self._key is None:
            raise LockChanged(LOCKED_ELSEWHERE) if self._opened_plain else Locked()
        if sealing.is_sealed(data):
            schema, plain = self._key.open(data, self._bound(path))
            return plain, schema
        # Plain in a locked folder: expected while the lock is being turned on
        # or off (here or in another window); otherwise it was put here.
        if self._lock is not None and self._lock.state == "on":
            self._read_lock_file()
        if self.locked and self._lock is not None and self._lock.state == "on":
            raise ValueError("it is not locked like everything else in this folder")
        return data, None

    def _read_lock_file(self) -> None:
        """Learn whether the folder is locked, and its slots; keeps the key if it still fits."""
        try:
            with opened_plain(self.lock_path) as (fd, info):
                data = read_to_end(fd, info.st_size)
                seen = (info.st_ino, info.st_mtime_ns, info.st_size)
            lock = sealing.LockFile.from_bytes(data)
        except FileNotFoundError:
            self._lock, self._key, self.locked, self._lock_seen = None, None, False, None
            self.lock_problem = None
            return
        except (OSError, ValueError) as error:
            reason = plain_reason(error) if isinstance(error, OSError) else str(error)
            self._lock, self._key, self.locked, self._lock_seen = None, None, True, None
            self.lock_problem = (
                f"closer's lock file {self.lock_path} could not be read ({reason}), so nothing "
                "locked can be opened. It was left exactly as it is."
            )
            return
        if self._key is not None and self._key.key_id != lock.key_id:
            self._key = None  # locked afresh with another key elsewhere
        self._lock, self.locked, self._lock_seen, self.lock_problem = lock, True, seen, None

    def _check_lock_unchanged(self, what: str) -> None:
        """Refuse to write when another window turned the lock on or off since this one looked."""
        if _signature(self.lock_path) == self._lock_seen and self.is_open:
            return
        was_locked = self.locked
        self._read_lock_file()
        if self.locked != was_locked:
            raise LockChanged(
                f"Could not save {what}: closer was locked or unlocked in another window, so "
                "nothing was saved here. Close this window and open closer again."
            )
        if not self.is_open:
            raise Locked()

    @contextlib.contextmanager
    def _turning(self, *, exclusive: bool, what: str) -> Iterator[None]:
        """Every write holds this shared; turning the lock on or off holds it alone."""
        if fcntl is None:  # pragma: no cover
            yield
            return
        try:
            fd = os.open(
                self.root / TURNING_NAME, os.O_RDWR | os.O_CREAT | _NOT_OURS_FLAGS, FILE_MODE
            )
        except OSError as error:
            raise StoreError(
                f"Could not save {what}: {plain_reason(error)}. Nothing saved before was changed."
            ) from error
        try:
            fcntl.flock(fd, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
            yield
        finally:
            os.close(fd)

    # -- writing ---------------------------------------------------------------

    def _write(self, path: Path, model: Persisted, what: str) -> None:
        folder = path.parent
        if folder != self.root:
            try:
                is_folder = stat.S_ISDIR(folder.lstat().st_mode)
            except FileNotFoundError:
                is_folder = self._ensure_sub_folder(folder)
            except OSError:
                is_folder = False
            if not is_folder:
                raise StoreError(
                    f"Could not save {what}: the {folder.name} folder is missing or not a "
                    "real folder. Nothing saved before was changed."
                )
        try:
            data = file_bytes(model)
        except (PydanticSerializationError, ValueError, TypeError) as error:
            raise StoreError(
                f"Could not save {what}: it holds something closer cannot write."
            ) from error
        try:
            with self._turning(exclusive=False, what=what):
                self._check_lock_unchanged(what)
                if self.locked:
                    assert self._key is not None  # _check_lock_unchanged made sure
                    data = self._key.seal(data, self._bound(path), getattr(model, "schema_", 0))
                write_atomic(path, data)
        except OSError as error:
            raise StoreError(
                f"Could not save {what}: {plain_reason(error)}. Nothing saved before was changed."
            ) from error


def _make_root(root: Path) -> Path:
    """Create the data folder (and missing parents) private; return its real path."""
    missing = []
    probe = root
    while not os.path.lexists(probe) and probe.parent != probe:
        missing.append(probe)
        probe = probe.parent
    if missing and not probe.is_dir():
        raise DataFolderError(errno.ENOTDIR, not_a_folder(probe))  # a file in the way
    for folder in reversed(missing):
        try:
            with contextlib.suppress(FileExistsError):
                folder.mkdir(mode=DIR_MODE)
        except OSError as error:
            # Parents are made first, so a "missing" one means the place
            # refuses new folders (/proc, say), not that it is missing.
            why = (
                f"no folder can be made in {folder.parent}"
                if error.errno == errno.ENOENT
                else plain_reason(error)
            )
            raise DataFolderError(
                error.errno or errno.EIO, f"closer could not make its data folder {root}: {why}."
            ) from error
    try:
        real = root.resolve(strict=True)
        info = real.stat()
    except OSError as error:
        raise DataFolderError(
            error.errno or errno.EIO,
            f"closer could not open its data folder {root}: {plain_reason(error)}.",
        ) from error
    if not stat.S_ISDIR(info.st_mode):
        raise DataFolderError(errno.ENOTDIR, not_a_folder(root))
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        raise DataFolderError(errno.EPERM, f"closer's data folder {root} belongs to another user.")
    return real


_STEM = re.compile(r"[^ (.]*")


def _signature(path: Path) -> tuple[int, int, int] | None:
    """What tells that ``lock.json`` changed, without reading it; None if it is not there."""
    try:
        info = path.lstat()
    except OSError:
        return None
    return (info.st_ino, info.st_mtime_ns, info.st_size)


def _listed(
    folder: Path, what: str, notices: list[Notice], *, newest_first: bool = False
) -> list[tuple[str, bool | None]] | None:
    """Our files in ``folder`` by name, or None with a notice saying why they could not be listed.

    Sorted as text: far cheaper than comparing thousands of Paths.
    """
    try:
        return sorted(_our_files(folder), reverse=newest_first)
    except OSError as error:
        notices.append(Notice(f"{what} could not be listed: {plain_reason(error)}."))
        return None


def _our_files(folder: Path) -> list[tuple[str, bool | None]]:
    """The ``*.json`` files in ``folder``, without hidden ones (our own temp files among them).

    Each comes with whether the listing says it is a plain file (None: it
    does not say), which most file systems tell without a call per file.
    """
    with os.scandir(folder) as entries:
        return [
            (entry.name, _is_plain(entry))
            for entry in entries
            if entry.name.endswith(".json") and not entry.name.startswith(".")
        ]


def _is_plain(entry: os.DirEntry[str]) -> bool | None:
    try:
        return entry.is_file(follow_symlinks=False)
    except OSError:
        return None  # the reader looks again, and tells what went wrong


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while thousands of records are built.

    Each batch of new objects would otherwise set it walking every record
    made so far. Afterwards everything made is moved straight to the oldest
    generation (``freeze`` then ``unfreeze``, as documented): records kept for
    the whole run are not walked twice more on their way there, and garbage
    is still collected there in time. Skipped if someone froze objects on
    purpose, as ``unfreeze`` would let theirs go too.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        if was_enabled:
            gc.enable()


def _is_own_name(record: SessionRecord, name: str) -> bool:
    try:
        return name == record.file_name
    except (OverflowError, ValueError):
        return False


def _parse(
    path: Path,
    data: bytes,
    model: type[ModelT],
    kind: str,
    schema: int,
    bound_schema: int | None = None,
) -> ModelT:
    """``data`` as a ``model``; ``bound_schema`` is what a sealed file's header vouched for."""
    if not data.strip():
        raise ValueError("it is empty")
    try:
        loaded: ModelT | None = model.model_validate_json(data)
    except (ValidationError, RecursionError):
        loaded = None
    if (
        loaded is not None
        and getattr(loaded, "schema_", None) == schema
        and bound_schema in (None, schema)
    ):
        return loaded
    # The slow path: an older file to migrate, a newer one, or a broken one.
    try:
        raw = json.loads(data)
    except (ValueError, RecursionError) as error:
        raise ValueError("it is not valid JSON") from error
    if not isinstance(raw, dict):
        raise ValueError("it is not a file closer wrote")
    version = raw.get("schema")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ValueError("it has no schema number")
    if bound_schema is not None and version != bound_schema:
        raise ValueError("it holds another schema than the one it was locked with")
    if version > schema:
        raise NewerFile(path)
    while version < schema:
        step = MIGRATIONS.get(kind, {}).get(version)
        if step is None:
            raise ValueError(f"closer cannot read schema {version}")
        try:
            raw = {**step(raw), "schema": version + 1}
        except Exception as error:  # a step meets data it did not expect
            raise ValueError(f"it could not be brought up to date from schema {version}") from error
        version += 1
    try:
        return model.model_validate(raw)
    except (ValidationError, RecursionError, ValueError, TypeError) as error:
        raise ValueError("its contents are not what closer expects") from error

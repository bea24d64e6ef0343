"""The couple's data directory: atomic writes, locking, migration, quarantine.

Layout::

    couple.json          names, colours, preferences, keepsakes
    sessions/            one file per finished session, written once
    in-progress/         one file per guided session not yet finished
    quarantine/          files that could not be read, moved aside, never deleted

Every write goes to a temporary file in the same folder, is flushed and
fsynced, renamed over the target with ``os.replace`` and the folder is
fsynced. A crash therefore leaves either the old file or the new one.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from closer_tui.core.models import (
    COUPLE_SCHEMA,
    DRAFT_SCHEMA,
    SESSION_SCHEMA,
    Couple,
    Persisted,
    SessionDraft,
    SessionRecord,
)

try:  # POSIX only; elsewhere closer runs without cross-process locks.
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

DIR_MODE = 0o700
FILE_MODE = 0o600
MAX_FILE_BYTES = 4 * 1024 * 1024
"""Larger than any real session by far; a bigger file is not ours to parse."""
TEMP_PREFIX = ".closer-tmp-"

ModelT = TypeVar("ModelT", bound=BaseModel)
Migration = Callable[[dict[str, Any]], dict[str, Any]]

MIGRATIONS: dict[str, dict[int, Migration]] = {
    # kind -> {from_schema: step to from_schema + 1}. Schema 1 is the first
    # closer ever wrote; the next change adds its step here, never edits one.
    "couple": {},
    "session": {},
    "draft": {},
}


class StoreError(Exception):
    """A write failed; what was on disk before is untouched."""


class StaleCopy(StoreError):
    """The couple's settings changed on disk since this copy was read."""


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


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves the old or the new file."""
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=TEMP_PREFIX, suffix=".json")
    tmp = Path(tmp_name)
    try:
        if fcntl is not None:
            # Held until the rename: start-up cleanup only removes temp files
            # nobody holds, so it never pulls one from under a live writer.
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.fchmod(fd, FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(path.parent)


def _dump(model: BaseModel) -> bytes:
    return model.model_dump_json(by_alias=True, indent=2).encode("utf-8")


class Store:
    """The data directory of one couple."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.couple_path = self.root / "couple.json"
        self.sessions_dir = self.root / "sessions"
        self.drafts_dir = self.root / "in-progress"
        self.quarantine_dir = self.root / "quarantine"
        self.notices: list[Notice] = []

    @classmethod
    def open(cls, root: Path) -> Store:
        """Create or check the data directory; problems become ``notices``."""
        store = cls(root)
        store._prepare()
        return store

    # -- the folders ---------------------------------------------------------

    def _prepare(self) -> None:
        for folder in (self.root, self.sessions_dir, self.drafts_dir, self.quarantine_dir):
            self._ensure_private_dir(folder)
        for folder in (self.root, self.sessions_dir, self.drafts_dir):
            self._remove_abandoned_temp_files(folder)

    def _ensure_private_dir(self, folder: Path) -> None:
        if folder.is_symlink():
            # Never follow a link out of the data directory: set it aside.
            self._quarantine(folder, "was a link to somewhere else")
        folder.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        mode = stat.S_IMODE(folder.stat().st_mode)
        if mode & 0o077:
            os.chmod(folder, DIR_MODE)
            self.notices.append(
                Notice(f"{folder} could be read by other users; it is now private.", folder)
            )

    def _remove_abandoned_temp_files(self, folder: Path) -> None:
        for tmp in folder.glob(f"{TEMP_PREFIX}*"):
            try:
                fd = os.open(tmp, os.O_RDONLY | os.O_NOFOLLOW)
            except OSError:
                continue
            try:
                if fcntl is not None:
                    try:
                        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    except BlockingIOError:
                        continue  # a live writer holds it
                tmp.unlink(missing_ok=True)
            finally:
                os.close(fd)

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """Serialise read-modify-write of ``couple.json`` across processes."""
        if fcntl is None:  # pragma: no cover
            yield
            return
        fd = os.open(self.root / ".lock", os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, FILE_MODE)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)

    # -- reading any file ----------------------------------------------------

    def _read(self, path: Path, model: type[ModelT], kind: str, schema: int) -> ModelT:
        """Read, migrate and validate one file; raise ``NewerFile`` or ``ValueError``."""
        info = path.lstat()
        if not stat.S_ISREG(info.st_mode):
            raise ValueError("it is not a plain file")
        if info.st_size > MAX_FILE_BYTES:
            raise ValueError("it is far larger than any file closer writes")
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
        with os.fdopen(fd, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
        if not data.strip():
            raise ValueError("it is empty")
        try:
            loaded = model.model_validate_json(data)
        except ValidationError:
            loaded = None
        found = getattr(loaded, "schema_", None)
        if loaded is not None and found == schema:
            return loaded
        # The slow path: an older file to migrate, a newer one, or a broken one.
        try:
            raw = json.loads(data)
        except (ValueError, RecursionError) as error:
            raise ValueError("it is not valid JSON") from error
        if not isinstance(raw, dict) or not isinstance(raw.get("schema"), int):
            raise ValueError("it has no schema number")
        if raw["schema"] > schema:
            raise NewerFile(path)
        while raw["schema"] < schema:
            step = MIGRATIONS[kind].get(raw["schema"])
            if step is None:
                raise ValueError(f"no way to read schema {raw['schema']}")
            raw = step(raw)
        try:
            return model.model_validate(raw)
        except (ValidationError, RecursionError) as error:
            raise ValueError("its contents are not what closer expects") from error

    def _quarantine(self, path: Path, why: str) -> None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        self.quarantine_dir.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        target = self.quarantine_dir / f"{path.name}.{stamp}"
        try:
            os.replace(path, target)
        except OSError:
            self.notices.append(Notice(f"{path} could not be read ({why}) nor moved aside.", path))
            return
        self.notices.append(
            Notice(f"{path.name} could not be read ({why}); it was moved to {target}.", target)
        )

    def _read_or_set_aside(
        self, path: Path, model: type[ModelT], kind: str, schema: int, notices: list[Notice]
    ) -> ModelT | None:
        try:
            return self._read(path, model, kind, schema)
        except FileNotFoundError:
            return None
        except NewerFile:
            notices.append(
                Notice(f"{path.name} was written by a newer closer; it was left untouched.", path)
            )
        except (ValueError, OSError) as error:
            before = len(self.notices)
            self._quarantine(path, str(error))
            notices.extend(self.notices[before:])
            del self.notices[before:]
        return None

    # -- the couple ----------------------------------------------------------

    def load_couple(self) -> Couple | None:
        """The couple, or None on a first run (or if their file had to be set aside)."""
        return self._read_or_set_aside(
            self.couple_path, Couple, "couple", COUPLE_SCHEMA, self.notices
        )

    def save_couple(self, couple: Couple) -> Couple:
        """Save a couple read at ``couple.revision``; refuse if the file moved on."""
        with self._locked():
            on_disk = self._peek_revision()
            if on_disk is not None and on_disk != couple.revision:
                raise StaleCopy("the settings were changed elsewhere since they were read")
            saved = couple.model_copy(update={"revision": couple.revision + 1})
            self._write(self.couple_path, saved)
            return saved

    def update_couple(self, change: Callable[[Couple], Couple]) -> Couple:
        """Apply ``change`` to the newest couple on disk, under the lock."""
        with self._locked():
            current = self._read(self.couple_path, Couple, "couple", COUPLE_SCHEMA)
            changed = change(current)
            saved = changed.model_copy(update={"revision": current.revision + 1})
            self._write(self.couple_path, saved)
            return saved

    def _peek_revision(self) -> int | None:
        try:
            return self._read(self.couple_path, Couple, "couple", COUPLE_SCHEMA).revision
        except FileNotFoundError:
            return None
        except (ValueError, NewerFile):
            return None

    # -- sessions ------------------------------------------------------------

    def save_session(self, record: SessionRecord) -> Path:
        path = self.sessions_dir / record.file_name
        self._write(path, record)
        return path

    def load_history(self) -> History:
        history = History()
        try:
            paths = sorted(self.sessions_dir.glob("*.json"), reverse=True)
        except OSError as error:
            history.notices.append(Notice(f"The history could not be listed: {error}."))
            return history
        for path in paths:
            if path.name.startswith("."):
                continue
            record = self._read_or_set_aside(
                path, SessionRecord, "session", SESSION_SCHEMA, history.notices
            )
            if record is not None:
                history.sessions.append(record)
        history.sessions.sort(key=lambda r: r.started_at, reverse=True)
        return history

    def delete_session(self, record: SessionRecord) -> None:
        """Remove a session's file for good (copies in backups are not ours to touch)."""
        for path in self.sessions_dir.glob(f"*-{record.id}.json"):
            path.unlink(missing_ok=True)
        _fsync_dir(self.sessions_dir)

    # -- guided sessions in progress ----------------------------------------

    def save_draft(self, draft: SessionDraft) -> None:
        self._write(self.drafts_dir / draft.file_name, draft)

    def load_drafts(self) -> list[SessionDraft]:
        drafts = []
        for path in sorted(self.drafts_dir.glob("*.json")):
            draft = self._read_or_set_aside(path, SessionDraft, "draft", DRAFT_SCHEMA, self.notices)
            if draft is not None:
                drafts.append(draft)
        return sorted(drafts, key=lambda d: d.updated_at, reverse=True)

    def discard_draft(self, draft_id: str) -> None:
        (self.drafts_dir / f"{draft_id}.json").unlink(missing_ok=True)

    def finish_draft(self, draft_id: str, record: SessionRecord) -> Path:
        """Save the finished session first, then drop its draft: never neither."""
        path = self.save_session(record)
        self.discard_draft(draft_id)
        return path

    # -- writing ---------------------------------------------------------------

    def _write(self, path: Path, model: Persisted) -> None:
        try:
            write_atomic(path, _dump(model))
        except OSError as error:
            raise StoreError(f"closer could not save to {path.parent}: {error.strerror}") from error

"""Files read, or made to last, with the same care on every system closer runs on.

Pure ``os``: no pydantic, so ``closer today`` and the first frame read through
here too. Everything the store, the quick start and the command line read
comes through :func:`read_plain`'s rules:

- a link, a pipe, a device or anything but a plain file is refused, never
  opened to be followed or waited on;
- a file larger than :data:`MAX_FILE_BYTES` is refused without being read;
- a file is read to its end, however the system hands it over.

Some of the flags that make this safe exist only on POSIX systems (Windows
has neither ``O_NOFOLLOW``, ``O_NONBLOCK`` nor ``O_NOCTTY``): where one is
missing, the checks before and after opening still hold.

Also here, for the same readers: what the system said, in plain words
(:func:`plain_reason`), and whether a data folder can be used at all
(:func:`folder_problem`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from closer_tui.core.basics import LOCK_FILE

try:  # POSIX only
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

MAX_FILE_BYTES = 4 * 1024 * 1024
"""Larger than any real session by far; a bigger file is not ours to parse."""

NOT_PLAIN = "it is a link or something other than a plain file"
TOO_BIG = "it is far larger than any file closer writes"

_READ_FLAGS = (
    os.O_RDONLY
    # A link or a pipe swapped in since the file was looked at fails at once,
    # rather than being followed or leaving closer waiting.
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_BINARY", 0)  # Windows: bytes as they are, no newline translation
)


def plain_reason(error: OSError) -> str:
    """Why the system refused, in words for people rather than programmers."""
    reasons = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is full",
        errno.EROFS: "the disk is read-only",
        errno.EACCES: "closer is not allowed to write there",
        errno.EPERM: "closer is not allowed to write there",
        errno.ELOOP: "a link stands where a real file or folder should be",
        errno.ENOENT: "the folder is missing",
        errno.EIO: "the disk reported an error",
    }
    if error.errno in reasons:
        return reasons[error.errno]
    return (error.strerror or "the system refused").rstrip(".").lower()


def not_a_folder(root: Path) -> str:
    """What to say when closer's data folder is a file (or something else) instead."""
    return (
        f"closer keeps your data in a folder, but {root} is a file, not a folder. "
        "Move that file away, or choose another folder with --data-dir."
    )


def folder_problem(root: Path) -> str | None:
    """Why ``root`` cannot be closer's data folder, seen without changing anything.

    None if it can, or if it does not exist yet (a first run makes it).
    """
    try:
        is_folder = stat.S_ISDIR(root.stat().st_mode)  # a link to a folder is fine
    except FileNotFoundError:
        return None
    except NotADirectoryError:
        return not_a_folder(nearest_existing(root))
    except OSError as error:
        return f"closer cannot use its data folder {root}: {plain_reason(error)}."
    return None if is_folder else not_a_folder(root)


def is_locked(root: Path) -> bool:
    """Whether the couple locked the data folder ``root`` (its ``lock.json`` is there).

    A look without reading, for the paths that must not wait for the lock's
    ciphers: the first frame and ``closer today``.
    """
    return os.path.lexists(root / LOCK_FILE)


def pending_turn(root: Path) -> str | None:
    """``"on"`` or ``"off"`` when the lock in ``root`` was cut short turning so; else None.

    Read lightly for the lock screen's first frame (``core/lock.py`` and its
    ciphers load only once a passphrase is given); never raises.
    """
    import json

    try:
        state = json.loads(read_plain(root / LOCK_FILE)).get("state")
    except (OSError, ValueError, AttributeError, RecursionError):
        return None
    return {"turning-on": "on", "turning-off": "off"}.get(state) if isinstance(state, str) else None


def nearest_existing(path: Path) -> Path:
    """``path`` or the closest of its parents that exists (say, a file in the way)."""
    while not os.path.lexists(path) and path.parent != path:
        path = path.parent
    return path


class NotPlainFile(ValueError):
    """The path holds something closer never writes: a link, a device, a huge file."""


@contextlib.contextmanager
def opened_plain(
    path: Path, listed_plain: bool | None = None
) -> Iterator[tuple[int, os.stat_result]]:
    """An open descriptor on the plain file at ``path``, with what ``fstat`` says of it.

    ``listed_plain`` is what a folder listing already said about the file's
    type (None: not known, so look first). Raises :class:`NotPlainFile`,
    ``FileNotFoundError`` or another ``OSError`` (the disk failed).
    """
    if listed_plain is None:
        listed_plain = stat.S_ISREG(path.lstat().st_mode)
    if not listed_plain:
        # Never opened: opening a device can have effects of its own.
        raise NotPlainFile(NOT_PLAIN)
    try:
        fd = os.open(path, _READ_FLAGS)
    except OSError as error:
        if error.errno in (errno.ELOOP, errno.ENXIO):
            raise NotPlainFile(NOT_PLAIN) from error
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotPlainFile(NOT_PLAIN)
        if info.st_size > MAX_FILE_BYTES:
            raise NotPlainFile(TOO_BIG)
        yield fd, info
    finally:
        os.close(fd)


def read_to_end(fd: int, size: int) -> bytes:
    """All of an open file, read at its own ``size``; :class:`NotPlainFile` past the limit.

    The first read asks for a byte more than ``size``; reading on until the
    end (rather than trusting one short read) is what catches a file that
    grew, or a file system that hands data over in pieces.
    """
    chunks = []
    total = 0
    want = size + 1
    while chunk := os.read(fd, min(want, MAX_FILE_BYTES + 1 - total)):
        chunks.append(chunk)
        total += len(chunk)
        if total > MAX_FILE_BYTES:
            raise NotPlainFile(TOO_BIG)
        want = 64 * 1024
    return b"".join(chunks)


def read_plain(path: Path, listed_plain: bool | None = None) -> bytes:
    """The bytes of the plain file at ``path``, under the rules above."""
    with opened_plain(path, listed_plain) as (fd, info):
        return read_to_end(fd, info.st_size)


def sync(fd: int) -> None:
    """Ask the disk itself, not only its cache, to keep what was written to ``fd``.

    On macOS ``fsync`` stops at the drive's cache; ``F_FULLFSYNC`` goes on to
    the disk, as SQLite does, falling back to ``fsync`` where a file system
    refuses it.
    """
    full = getattr(fcntl, "F_FULLFSYNC", None)
    if full is not None:
        try:
            fcntl.fcntl(fd, full)
            return
        except OSError:
            pass
    os.fsync(fd)

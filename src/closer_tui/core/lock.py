"""The lock: what a couple wrote, sealed with a key only their passphrases open.

Well-kept parts only, nothing home-made:

- every file is sealed with AES-256-GCM (``cryptography``), an authenticated
  cipher: a file changed by a single bit, cut short or copied in from another
  folder does not open, rather than opening wrong;
- the key that seals the files (the *data key*) is random, and is kept in
  ``lock.json`` only *wrapped*: sealed once per key slot (the first partner's
  passphrase, the second's, the recovery code) by a key derived from that
  secret with Argon2id (``argon2-cffi``), a memory-hard function that makes
  guessing a passphrase slow and costly. The Argon2 parameters are stored with
  each slot, so they can be raised later without touching a single file;
- each sealed file names, in its associated data, where it lives (its folder
  and the stem of its name) and the schema number of what it holds, so one
  file cannot be passed off as another, nor an old schema as a new one.

A sealed file is a short clear header (``CLOSER-LOCKED 1 schema=N``, so any
closer can tell a locked file at a glance and know which schema it holds
without the key), a 12-byte random nonce and the ciphertext with its tag.

This module knows nothing of the store's folders or models: it seals and opens
bytes, and makes and reads ``lock.json``. It never imports textual or pydantic.
"""

from __future__ import annotations

import base64
import json
import os
import re
import secrets
import unicodedata
from dataclasses import dataclass, field
from typing import Any

LOCK_SCHEMA = 1
MAGIC = b"CLOSER-LOCKED 1 schema="
"""How every sealed file starts; the schema number and a newline follow."""
NONCE_BYTES = 12
KEY_BYTES = 32

SLOT_NAMES = ("first", "second", "recovery")
"""The three ways in: each partner's own passphrase, and the recovery code."""
PARTNER_SLOTS = ("first", "second")

PASSPHRASE_MIN = 8
"""The shortest passphrase closer accepts: a few words are better still."""


@dataclass(frozen=True)
class KdfParameters:
    """Argon2id's cost, stored with each slot so it can be raised later."""

    time_cost: int
    memory_cost: int  # KiB
    parallelism: int = 1

    def __lt__(self, other: KdfParameters) -> bool:
        return (self.time_cost, self.memory_cost) < (other.time_cost, other.memory_cost) and (
            self.time_cost <= other.time_cost and self.memory_cost <= other.memory_cost
        )


PASSPHRASE_KDF = KdfParameters(time_cost=2, memory_cost=32 * 1024)
"""32 MiB and two passes, above OWASP's Argon2id minimum (19 MiB, two passes):
about 0.05 s on the project's two-core machine when idle and 0.11 s when seven
other jobs share it, so trying both partners' slots stays well under half a
second, while each guess at a passphrase costs an attacker the same memory and
time. 64 MiB measured 0.12 s idle but 0.25 s busy: two slots then missed the
half second. Raise it later and each slot is re-wrapped when it next opens."""

RECOVERY_KDF = KdfParameters(time_cost=1, memory_cost=8 * 1024)
"""The recovery code is 120 random bits: no one can guess it, so a light
derivation is enough and it opens at once."""

RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
"""Crockford's base32: no I, L, O or U, so what is written down reads back."""
RECOVERY_GROUPS = 6
RECOVERY_GROUP_LEN = 4
_RECOVERY_SHAPE = re.compile(r"[0-9A-Za-z]{4}(?:[- ]?[0-9A-Za-z]{4}){5}")


class BrokenLockFile(ValueError):
    """``lock.json`` is not one closer wrote: without it nothing locked can be opened."""


def normal_secret(secret: str) -> bytes:
    """A passphrase as the same bytes however the keyboard composed its letters."""
    return unicodedata.normalize("NFC", secret).encode("utf-8", "surrogatepass")


def new_recovery_code() -> str:
    """Six groups of four letters and digits, 120 random bits: ``7K2M-...``."""
    letters = "".join(
        secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_GROUPS * RECOVERY_GROUP_LEN)
    )
    return "-".join(
        letters[i : i + RECOVERY_GROUP_LEN] for i in range(0, len(letters), RECOVERY_GROUP_LEN)
    )


def recovery_form(text: str) -> str | None:
    """``text`` as the recovery code it spells (any case, spaces or dashes), or None."""
    text = text.strip()
    if not _RECOVERY_SHAPE.fullmatch(text):
        return None
    plain = re.sub(r"[- ]", "", text).upper()
    plain = plain.translate(str.maketrans("OIL", "011"))
    if any(c not in RECOVERY_ALPHABET for c in plain):
        return None
    return "-".join(
        plain[i : i + RECOVERY_GROUP_LEN] for i in range(0, len(plain), RECOVERY_GROUP_LEN)
    )


def derive(secret: str, salt: bytes, params: KdfParameters) -> bytes:
    """The key that wraps the data key, derived from ``secret`` with Argon2id."""
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(
        normal_secret(secret),
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_cost,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise BrokenLockFile("a slot holds something that is not text")
    try:
        return base64.b64decode(text, validate=True)
    except ValueError as error:
        raise BrokenLockFile("a slot is not base64") from error


@dataclass
class Slot:
    """One way in: the data key wrapped by a key derived from one secret."""

    params: KdfParameters
    salt: bytes
    nonce: bytes
    wrapped: bytes

    def as_json(self) -> dict[str, Any]:
        return {
            "kdf": "argon2id",
            "time_cost": self.params.time_cost,
            "memory_cost": self.params.memory_cost,
            "parallelism": self.params.parallelism,
            "salt": _b64(self.salt),
            "nonce": _b64(self.nonce),
            "wrapped": _b64(self.wrapped),
        }

    @classmethod
    def from_json(cls, raw: Any) -> Slot:
        if not isinstance(raw, dict) or raw.get("kdf") != "argon2id":
            raise BrokenLockFile("a slot is not an Argon2id slot")
        numbers = [raw.get(k) for k in ("time_cost", "memory_cost", "parallelism")]
        if not all(type(n) is int and 1 <= n <= 2**32 for n in numbers):
            raise BrokenLockFile("a slot's parameters are not numbers closer uses")
        time_cost, memory_cost, parallelism = (int(n) for n in numbers)  # type: ignore[arg-type]
        if memory_cost > 4 * 1024 * 1024 or time_cost > 64 or parallelism > 64:
            raise BrokenLockFile("a slot asks for more than any closer would")  # a hostile file
        if memory_cost < 8 * parallelism:
            raise BrokenLockFile("a slot's parameters are not ones Argon2 accepts")
        return cls(
            KdfParameters(time_cost, memory_cost, parallelism),
            _unb64(raw.get("salt")),
            _unb64(raw.get("nonce")),
            _unb64(raw.get("wrapped")),
        )


def _slot_aad(name: str, key_id: str) -> bytes:
    return f"closer lock slot {name} {key_id}".encode()


def wrap(data_key: bytes, secret: str, name: str, key_id: str, params: KdfParameters) -> Slot:
    """A new slot: ``data_key`` sealed by what ``secret`` derives, with a fresh salt."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt = os.urandom(16)
    nonce = os.urandom(NONCE_BYTES)
    wrapping = AESGCM(derive(secret, salt, params))
    return Slot(params, salt, nonce, wrapping.encrypt(nonce, data_key, _slot_aad(name, key_id)))


def unwrap(slot: Slot, secret: str, name: str, key_id: str) -> bytes | None:
    """The data key if ``secret`` opens ``slot``; None if it does not."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        key = AESGCM(derive(secret, slot.salt, slot.params)).decrypt(
            slot.nonce, slot.wrapped, _slot_aad(name, key_id)
        )
    except (InvalidTag, ValueError):
        return None
    return key if len(key) == KEY_BYTES else None


def open_any(lock: LockFile, tries: list[tuple[str, str]]) -> tuple[str, bytes] | None:
    """The first of ``tries`` (slot name, secret) that opens its slot, with the data key.

    The derivations run side by side (Argon2 lets go of Python's lock while
    it works), so trying both partners' slots costs one derivation's time on
    a laptop with two cores, not two.
    """
    found = [(name, lock.slots[name], secret) for name, secret in tries if name in lock.slots]
    if len(found) > 1:
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(len(found)) as pool:
            keys = list(pool.map(lambda c: unwrap(c[1], c[2], c[0], lock.key_id), found))
    else:
        keys = [unwrap(slot, secret, name, lock.key_id) for name, slot, secret in found]
    for (name, _slot, _secret), key in zip(found, keys, strict=True):
        if key is not None:
            return name, key
    return None


@dataclass
class LockFile:
    """``lock.json``: the key slots, and whether a turn on or off is under way.

    ``state`` is ``"on"``, or ``"turning-on"`` / ``"turning-off"`` while every
    file is being rewritten: the journal that tells the next start to finish.
    """

    key_id: str
    slots: dict[str, Slot]
    state: str = "on"
    extra: dict[str, Any] = field(default_factory=dict)

    def to_bytes(self) -> bytes:
        body = {
            **self.extra,
            "schema": LOCK_SCHEMA,
            "what": "closer's lock: the key to the data here, wrapped once per passphrase",
            "cipher": "AES-256-GCM",
            "key_id": self.key_id,
            "state": self.state,
            "slots": {name: slot.as_json() for name, slot in self.slots.items()},
        }
        return json.dumps(body, indent=2).encode("ascii")

    @classmethod
    def from_bytes(cls, data: bytes) -> LockFile:
        try:
            raw = json.loads(data)
        except (ValueError, RecursionError) as error:
            raise BrokenLockFile("it is not valid JSON") from error
        if not isinstance(raw, dict) or raw.get("schema") != LOCK_SCHEMA:
            raise BrokenLockFile("it is not a lock file this closer knows")
        key_id, state, slots = raw.get("key_id"), raw.get("state"), raw.get("slots")
        if not isinstance(key_id, str) or not re.fullmatch(r"[0-9a-f]{32}", key_id):
            raise BrokenLockFile("it has no key id")
        if state not in ("on", "turning-on", "turning-off"):
            raise BrokenLockFile("its state is not one closer writes")
        if not isinstance(slots, dict) or not slots:
            raise BrokenLockFile("it has no slots")
        extra = {
            k: v
            for k, v in raw.items()
            if k not in ("schema", "what", "cipher", "key_id", "state", "slots")
        }
        return cls(
            key_id,
            {name: Slot.from_json(slot) for name, slot in slots.items() if name in SLOT_NAMES},
            state,
            extra,
        )


class DataKey:
    """The open key of one locked folder: seals and opens its files."""

    def __init__(self, key: bytes, key_id: str) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        self.key = key
        self.key_id = key_id
        self._aead = AESGCM(key)

    @classmethod
    def new(cls) -> DataKey:
        return cls(os.urandom(KEY_BYTES), secrets.token_hex(16))

    def seal(self, data: bytes, bound: str, schema: int) -> bytes:
        """``data`` sealed for the file ``bound`` names, holding schema ``schema``."""
        header = MAGIC + str(schema).encode("ascii") + b"\n"
        nonce = os.urandom(NONCE_BYTES)
        return header + nonce + self._aead.encrypt(nonce, data, header + bound.encode())

    def open(self, data: bytes, bound: str) -> tuple[int, bytes]:
        """The schema and the bytes a sealed file holds; ``ValueError`` if it does not open.

        It does not open when it was changed, cut short, sealed for another
        file or by another folder's key: all the same to the couple.
        """
        from cryptography.exceptions import InvalidTag

        schema, body_at = sealed_schema(data)
        header = data[:body_at]
        nonce = data[body_at : body_at + NONCE_BYTES]
        if len(nonce) < NONCE_BYTES:
            raise ValueError("it is cut short")
        try:
            body = data[body_at + NONCE_BYTES :]
            plain = self._aead.decrypt(nonce, body, header + bound.encode())
        except InvalidTag as error:
            raise ValueError(
                "it does not open with this folder's key: it was changed, cut short, "
                "or comes from another folder"
            ) from error
        return schema, plain


def is_sealed(data: bytes) -> bool:
    """Whether ``data`` is a file the lock sealed (by any key)."""
    return data.startswith(MAGIC)


def sealed_schema(data: bytes) -> tuple[int, int]:
    """The schema number in a sealed file's clear header, and where its body starts."""
    end = data.find(b"\n", len(MAGIC), len(MAGIC) + 12)
    digits = data[len(MAGIC) : end] if end > 0 else b""
    if not digits.isdigit():
        raise ValueError("its locked header is broken")
    return int(digits), end + 1


def schema_of_plain(data: bytes) -> int:
    """The schema number a plain JSON file says it holds; 0 for anything else."""
    try:
        raw = json.loads(data)
    except (ValueError, RecursionError):
        return 0
    version = raw.get("schema") if isinstance(raw, dict) else None
    return version if type(version) is int and 0 <= version < 10**9 else 0

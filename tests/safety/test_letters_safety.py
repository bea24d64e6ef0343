"""Sealed letters survive what a session survives: kill -9, torn and hostile files, links."""

from __future__ import annotations

import json
import os
import random
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from safety_kit import killed_at_random, temp_files

from closer_tui.core.models import SealedLetter, new_id
from closer_tui.core.store import Store

SEALED = datetime(2026, 11, 24, 20, tzinfo=UTC)


def letter(text: str = "Until our next quiet evening", **changes: object) -> SealedLetter:
    return SealedLetter.model_validate(
        {"who": "second", "text": text, "sealed_at": SEALED} | changes
    )


def test_a_letter_round_trips_exactly_and_privately(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    sealed = letter("שלום 🌙 \x00 line\nbreak", opens="date", opens_on=SEALED.date())
    store.save_letter(sealed)
    [back] = Store.open(tmp_path).load_letters()
    assert back == sealed
    path = tmp_path / "letters" / sealed.file_name
    assert path.stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "letters").stat().st_mode & 0o777 == 0o700


@pytest.mark.parametrize(
    "bytes_",
    [
        b"",
        b'{"schema": 1, "who": "first", "te',  # torn
        b"[1, 2, 3]",
        b'{"schema": 1, "who": "nobody", "text": "x", "sealed_at": "2026-01-01T00:00:00Z"}',
        b'{"schema": 1, "who": "first", "text": "", "sealed_at": "2026-01-01T00:00:00Z"}',
        b"[" * 100_000,
        b"\xff\xfe not utf-8",
    ],
    ids=["empty", "torn", "a-list", "unknown-partner", "no-text", "deep", "not-utf8"],
)
def test_an_unreadable_letter_is_set_aside_and_the_rest_load(tmp_path: Path, bytes_: bytes) -> None:
    store = Store.open(tmp_path)
    good = letter()
    store.save_letter(good)
    bad = tmp_path / "letters" / f"{new_id()}.json"
    bad.write_bytes(bytes_)
    store = Store.open(tmp_path)
    assert [x.id for x in store.load_letters()] == [good.id]
    assert not bad.exists()
    [aside] = list((tmp_path / "quarantine").iterdir())
    assert aside.read_bytes() == bytes_
    assert any("sealed letter could not be read" in n.text for n in store.notices)


def test_a_letter_from_a_newer_closer_is_left_as_it_is(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    (tmp_path / "letters").mkdir(mode=0o700)
    newer = tmp_path / "letters" / f"{new_id()}.json"
    newer.write_text(json.dumps({"schema": 99, "who": "first"}))
    assert store.load_letters() == []
    assert newer.exists()
    assert any("newer closer" in n.text for n in store.notices)


def test_a_linked_letters_folder_is_never_followed(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / f"{new_id()}.json").write_text(letter().model_dump_json(by_alias=True))
    root = tmp_path / "data"
    store = Store.open(root)
    (root / "letters").symlink_to(elsewhere, target_is_directory=True)
    assert store.load_letters() == []
    assert not (root / "letters").is_symlink()
    assert len(list(elsewhere.iterdir())) == 1  # its target untouched


@pytest.mark.skipif(sys.platform == "win32", reason="needs fork and SIGKILL")
def test_kill_nine_while_sealing_and_opening_loses_nothing_acknowledged(tmp_path: Path) -> None:
    rng = random.Random(20261124)
    for kill in range(40):
        root = tmp_path / f"data-{kill // 10}"
        seed = rng.randrange(2**32)

        def seal_and_open(said: int, seed: int = seed, root: Path = root) -> None:
            child = random.Random(seed)
            store = Store.open(root)
            while True:
                sealed = letter("é" * child.randrange(1, 30_000), id=new_id())
                store.save_letter(sealed)
                os.write(said, f"sealed {sealed.id}\n".encode())
                opened = sealed.model_copy(update={"opened_at": SEALED + timedelta(days=1)})
                store.save_letter(opened)
                os.write(said, f"opened {sealed.id}\n".encode())

        acknowledged = [line.split(" ") for line in killed_at_random(seal_and_open, rng)]

        store = Store.open(root)
        assert temp_files(root) == []
        letters = {x.id: x for x in store.load_letters()}
        assert store.notices == []
        for what, letter_id in acknowledged:
            assert letter_id in letters, f"a sealed letter was lost after kill {kill}"
            if what == "opened":
                assert letters[letter_id].opened_at is not None


DATA = Path(__file__).parents[1] / "data"


def test_every_letter_example_loads_and_unknown_fields_survive_opening(tmp_path: Path) -> None:
    from closer_tui.core.models import LETTER_SCHEMA

    store = Store.open(tmp_path)
    (tmp_path / "letters").mkdir(mode=0o700)
    for version in range(1, LETTER_SCHEMA + 1):
        example = DATA / f"letter_v{version}.json"
        assert example.is_file(), f"keep an example of letter v{version}"
        (tmp_path / "letters" / example.name).write_bytes(example.read_bytes())
    [sealed] = store.load_letters()
    assert store.notices == []
    assert (sealed.who, sealed.opens) == ("first", "anniversary")
    assert sealed.anniversary == "the day we met"
    store.save_letter(sealed.model_copy(update={"opened_at": SEALED + timedelta(days=200)}))
    [opened] = Store.open(tmp_path).load_letters()
    assert opened.opened_at is not None
    assert (opened.model_extra or {})["from_a_newer_closer"] == {"kept": True}

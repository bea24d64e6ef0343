"""Long and odd text round-trips through save_session and load_history exactly.

Decision on lone surrogates (code points U+D800..U+DFFF on their own, which
Python strings can hold but UTF-8 cannot): they are kept. Such a file is
written as ASCII JSON with ``\\uXXXX`` escapes and reads back as the same
text. The one thing JSON itself cannot tell apart: a high and a low surrogate
stored as two separate code points read back as the one character they spell.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from safety_kit import record

from closer_tui.core.store import Store

ODD = {
    "emoji": "😀👩🏽‍❤️‍💋‍👨🏿🏳️‍🌈 🫶",
    "right to left": "שלום עליכם — مرحبا بكم \u202eolleh\u202c",
    "combining": "e\u0301 a\u0308\u0304 Z\u0336\u0335\u0334 \u1100\u1161\u11a8",
    "nul and controls": "a\x00b\x01\x1b[31mred\x7f\r\n\t\u2028\u2029\ufeff",
    "noncharacters": "\ufffe\uffff\U0010ffff\U000e0001",
    "hundred thousand": ("ça va? 💛 " * 12_500)[:100_000],
    "only spaces": "   ",
    "empty": "",
}


def _round_trip(root: Path, text: str) -> tuple[str, dict[str, str]]:
    store = Store.open(root)
    session = record(text)
    session.entries[0].parts = {text: text}
    path = store.save_session(session)
    raw = store.plain_bytes(path)
    json.loads(raw)  # always valid JSON
    [loaded] = Store.open(root).load_history().sessions
    return loaded.entries[0].text, loaded.entries[0].parts


@pytest.mark.parametrize("text", list(ODD.values()), ids=list(ODD))
def test_odd_text_round_trips_byte_for_byte(tmp_path: Path, text: str) -> None:
    back, parts = _round_trip(tmp_path, text)
    assert back.encode("utf-8", "surrogatepass") == text.encode("utf-8", "surrogatepass")
    assert parts == {text: text}


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(codec=None, exclude_categories=["Cs"]), max_size=300))
def test_any_text_round_trips(text: str) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        back, parts = _round_trip(Path(scratch), text)
    assert back == text and parts == {text: text}


@pytest.mark.parametrize("text", ["a\ud800b", "\udfff", "x\udc80\ud83d y"])
def test_lone_surrogates_are_kept_as_escapes(tmp_path: Path, text: str) -> None:
    back, parts = _round_trip(tmp_path, text)
    assert back == text and parts == {text: text}
    [path] = (tmp_path / "sessions").iterdir()
    Store.open(tmp_path).plain_bytes(path).decode("ascii")  # written as escapes, still plain JSON


def test_a_split_surrogate_pair_reads_back_as_its_character(tmp_path: Path) -> None:
    back, _ = _round_trip(tmp_path, "\ud83d\ude00")
    assert back == "😀"

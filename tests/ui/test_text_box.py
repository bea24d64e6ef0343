"""Every character a keyboard or input method sends is kept by closer's text boxes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import hand_over, open_place
from textual import events
from textual.app import App, ComposeResult
from textual.keys import _character_to_key
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

import closer_tui
from closer_tui.app import CloserApp
from closer_tui.core.clock import ManualClock
from closer_tui.mends.text_box import LineBox, WritingBox, types_text
from closer_tui.widgets.private_round import PrivateRound

KEPT = {
    "\u200c": "zero width non-joiner (Persian, Hindi)",
    "\u200d": "zero width joiner (joined emoji)",
    "\u00a0": "no-break space (French)",
    "\u202f": "narrow no-break space (French)",
    "\u00ad": "soft hyphen",
    "\u200e": "left-to-right mark",
    "\u200f": "right-to-left mark",
    "\u2060": "word joiner",
}
WORDS = "می\u200cخواهم · 👩\u200d❤️\u200d👨 · « oui\u202f» 10\u00a0h · co\u00adop · \u200fשלום"


async def send(pilot: Pilot[None], text: str) -> None:
    """Each character as one key, as the terminal's key parser sends it (not as a paste)."""
    for character in text:
        key = character if character.isalnum() else _character_to_key(character)
        pilot.app.post_message(events.Key(key, character))
        await pilot.pause()


class Boxes(App[None]):
    def compose(self) -> ComposeResult:
        yield LineBox(id="line")
        yield WritingBox(id="writing")


@pytest.mark.parametrize("character", list(KEPT), ids=list(KEPT.values()))
async def test_each_character_is_typed_into_both_boxes(character: str) -> None:
    async with Boxes().run_test() as pilot:
        line = pilot.app.query_one(LineBox)
        line.focus()
        await send(pilot, f"a{character}b")
        writing = pilot.app.query_one(WritingBox)
        writing.focus()
        await send(pilot, f"a{character}b")
        assert line.value == f"a{character}b"
        assert writing.text == f"a{character}b"


async def test_words_in_many_scripts_arrive_whole_and_keys_still_work() -> None:
    async with Boxes().run_test() as pilot:
        line = pilot.app.query_one(LineBox)
        line.focus()
        await send(pilot, WORDS + "x")
        await pilot.press("backspace")
        assert line.value == WORDS
        writing = pilot.app.query_one(WritingBox)
        writing.focus()
        await send(pilot, WORDS)
        await pilot.press("enter")
        await send(pilot, "\u200c")
        assert writing.text == WORDS + "\n\u200c"
        writing.read_only = True
        await send(pilot, "\u200d")
        assert writing.text == WORDS + "\n\u200c", "a read-only box types nothing"


def test_control_characters_and_lone_surrogates_are_never_typed() -> None:
    assert not any(types_text(chr(c)) for c in [*range(0x20), *range(0x7F, 0xA0)])
    assert not types_text("\ud83d") and not types_text(None) and not types_text("")
    assert all(types_text(c) for c in KEPT)


def test_every_text_box_in_closer_is_one_of_ours() -> None:
    """A stock Input or TextArea would drop the characters above again."""
    package = Path(closer_tui.__file__).parent
    stock = re.compile(r"\b(Input|TextArea)\(")
    found = [
        f"{path.relative_to(package)}:{n}"
        for path in package.rglob("*.py")
        if path.name != "text_box.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if stock.search(line)
    ]
    assert found == []
    assert issubclass(LineBox, Input) and issubclass(WritingBox, TextArea)


async def test_a_private_answer_and_a_name_keep_them_in_the_app(
    app: CloserApp, clock: ManualClock
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_place(pilot, "love-maps")
        await pilot.press("m")  # the game: each answers privately, in a masked box
        await hand_over(pilot, clock)
        await send(pilot, WORDS)
        await pilot.press("enter")
        assert app.screen.query_one(PrivateRound).answers["first"] == {"answer": WORDS}
        app.open_place("settings")
        await pilot.pause()
        name = app.screen.query_one("#first-name", Input)
        name.focus()
        name.value = ""
        await send(pilot, "Ana\u00a0María")
        assert name.value == "Ana\u00a0María"

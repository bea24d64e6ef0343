"""closer's text boxes: Textual's Input and TextArea, keeping every character a couple types.

Textual 8.2.8 types a key into an ``Input`` or a ``TextArea`` only when
``str.isprintable()`` says so (``events.Key.is_printable``, read by both
widgets' key handlers and ``check_consume_key``). Python calls every format
character and every space but U+0020 unprintable, so typed keys vanished:
U+200C ZERO WIDTH NON-JOINER (Persian, Hindi), U+200D ZERO WIDTH JOINER
(joined emoji), U+00A0 and U+202F no-break spaces (French), U+00AD SOFT
HYPHEN, U+200E/U+200F direction marks — while a paste of the same text kept
them. These boxes take those keys too, and still refuse what a key should
never type: control characters (C0 and C1: enter, tab, escape, backspace…)
and lone surrogates.

The mend acts only on keys Textual 8.2.8 drops, through public API alone
(``check_consume_key``, a ``Key`` handler, ``insert_text_at_cursor``,
``replace``), so it needs no version check: should a later Textual type these
keys itself, the result is the same. Offered upstream, it is one rule for
``Key.is_printable``: "not a control character or a lone surrogate".
"""

from __future__ import annotations

import unicodedata

from textual import events
from textual.widgets import Input, TextArea

NEVER_TYPED = frozenset({"Cc", "Cs"})
"""Unicode categories a key never types: control characters and lone surrogates."""


def types_text(character: str | None) -> bool:
    """Whether a key's character is text to insert, as a keyboard or input method means it."""
    return bool(character) and all(
        unicodedata.category(c) not in NEVER_TYPED for c in character or ""
    )


def dropped_by_textual(character: str | None) -> bool:
    """Text that Textual 8.2.8's boxes would drop: typed, yet not ``str.isprintable()``."""
    return types_text(character) and not (character or "").isprintable()


class LineBox(Input):
    """A one-line text box (names, zones, the I-statement, a path) that keeps every character."""

    def check_consume_key(self, key: str, character: str | None = None) -> bool:
        return super().check_consume_key(key, character) or dropped_by_textual(character)

    def on_key(self, event: events.Key) -> None:
        if not dropped_by_textual(event.character):
            return  # stock Textual handles it
        assert event.character is not None
        event.stop()
        event.prevent_default()
        selection = self.selection
        if selection.is_empty:
            self.insert_text_at_cursor(event.character)
        else:
            self.replace(event.character, *selection)


class WritingBox(TextArea):
    """A text box for a few lines (turns, appreciations, answers) that keeps every character."""

    def check_consume_key(self, key: str, character: str | None = None) -> bool:
        return super().check_consume_key(key, character) or (
            not self.read_only and dropped_by_textual(character)
        )

    def on_key(self, event: events.Key) -> None:
        if self.read_only or not dropped_by_textual(event.character):
            return  # stock Textual handles it
        assert event.character is not None
        event.stop()
        event.prevent_default()
        self.replace(event.character, *self.selection, maintain_selection_offset=False)

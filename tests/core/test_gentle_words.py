"""Blaming words are noticed from calm.toml's list only, each with a gentler way to say it."""

from __future__ import annotations

import pytest

from closer_tui.core.content import library
from closer_tui.core.gentle import notice

WATCH = library().calm.gentle.watch


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("You always forget the bins", "You always"),
        ("you  never\tlisten", "you  never\tlisten"[:10]),
        ("I feel it happens every time we visit", "every time"),
        ("You make me so tired", "You make me"),
        ("it's your fault", "your fault"),
        ("Why don't you ever call", "Why don't you"),
        ("Why don’t you ever call", "Why don’t you"),  # a curly apostrophe is the same word
        ("what's wrong with you", "what's wrong with you"),
        ("you're so selfish", "selfish"),
        ("I always feel lonely at parties", "always"),
        ("I was worried about the bills", None),
        ("nevertheless, I'd like a hug", None),  # a word inside a word is not the word
        ("Could we stay together at parties?", None),
        ("I feel unappreciated", None),  # no guessing beyond the list
    ],
)
def test_blaming_words_are_noticed_from_the_list(typed: str, said: str | None) -> None:
    found = notice(typed, WATCH, "blaming")
    assert (found.said if found else None) == said
    if found:
        assert found.gentler


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("I was short with you, but you", "but"),
        ("I was short with you. BUT", "BUT"),
        ("I was short with you", None),
        ("I was a butterfly", None),
    ],
)
def test_a_but_is_noticed_only_when_owning(typed: str, said: str | None) -> None:
    found = notice(typed, WATCH, "owning")
    assert (found.said if found else None) == said
    assert notice("I was tired, but", WATCH, "blaming") is None


def test_a_phrase_is_named_before_the_word_in_it() -> None:
    found = notice("you always do this", WATCH, "blaming")
    assert found is not None and found.said == "you always"
    assert "moment" in found.gentler

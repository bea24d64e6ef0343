"""The base of every full screen in closer: the app as closer's own, and its help.

``?`` shows a screen's :attr:`~CloserScreen.help_text` above the keys that
work everywhere; a screen says what it is for there, in a line or two.
"""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual.screen import Screen

from closer_tui.widgets.in_closer import InCloser

ResultT = TypeVar("ResultT")

NARROW = 70
"""Below this many columns a screen lays itself out for a small terminal."""


class CloserScreen(InCloser, Screen[ResultT]):
    """A closer screen. Subclasses set ``help_text`` (a class attribute, or in ``__init__``)."""

    help_text: str = ""
    """Markdown that ``?`` shows for this screen: what it is for, and its keys in words."""

    offers_break: ClassVar[bool] = True
    """Whether ctrl+g is offered over this screen: not on the break itself, nor in setup,
    where there is nothing to pause yet."""

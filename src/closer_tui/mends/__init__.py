"""Where closer mends a gap in Textual: every mend here, each written for one Textual.

Each module names the Textual behaviour it mends, the version it was written for
(:data:`WRITTEN_FOR`), and how it could be offered upstream.

A mend that leans on Textual's private API applies only while that very version
runs (:func:`in_force`); on any other, closer gets stock Textual behaviour, so an
upgrade can cost a mend but never break the app. A mend written with public API
alone holds on any version and needs no check.

=================  ===============================================  ============
module             what it mends                                    private API
=================  ===============================================  ============
``compositor``     a partial update redraws every widget whose      yes: checked
                   container overlaps it (a timer's CPU)
``palette``        a search finishing after the palette closed      yes: checked
                   (NoMatches); page keys before its list has room
                   (KeyError)                                       (page: no)
``option_list``    page keys before a list has room (KeyError)      no
``footer``         a footer too short for its keys cuts the last    yes: checked
``text_box``       typed keys ``str.isprintable()`` refuses vanish  no
=================  ===============================================  ============

Checked elsewhere, public API only: ``screens/first_sight.py`` (keys typed before a
screen was drawn) and ``widgets/tab_keys.py`` (keys no text box takes).
"""

from __future__ import annotations

from functools import cache
from importlib.metadata import version

WRITTEN_FOR = "8.2.8"
"""The Textual whose private API the checked mends were written against (pinned)."""


@cache
def running_textual() -> str:
    """The Textual installed, read once: at the first screen that asks."""
    return version("textual")


def in_force() -> bool:
    """Whether the mends that use Textual's private API apply: only on :data:`WRITTEN_FOR`."""
    return running_textual() == WRITTEN_FOR

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
                   container overlaps it, and those hidden behind
                   others (a timer's CPU)
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

import os
from functools import cache

WRITTEN_FOR = "8.2.8"
"""The Textual whose private API the checked mends were written against (pinned)."""


@cache
def running_textual() -> str:
    """The Textual installed, read once: at the first screen that asks.

    Read from its ``dist-info`` folder's name beside the package: the first
    frame asks, and ``importlib.metadata`` would cost it a tenth of a bare
    app's start (``email``, ``zipfile`` and the rest). Any other layout (an
    egg, a zip, a source tree) asks ``importlib.metadata`` after all.
    """
    import textual

    beside = os.path.dirname(os.path.dirname(textual.__file__ or ""))
    try:
        with os.scandir(beside) as entries:
            for entry in entries:
                name, _, version = entry.name.removesuffix(".dist-info").partition("-")
                if entry.name.endswith(".dist-info") and name.lower() == "textual":
                    return version
    except OSError:
        pass
    from importlib.metadata import version as installed

    return installed("textual")


def in_force() -> bool:
    """Whether the mends that use Textual's private API apply: only on :data:`WRITTEN_FOR`."""
    return running_textual() == WRITTEN_FOR

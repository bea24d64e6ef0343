"""The hug on its own, as the foundation's first practice screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from closer_tui.activities.hug import HugActivity
from closer_tui.screens.activity import ActivityScreen

if TYPE_CHECKING:
    from closer_tui.app import CloserApp

HELP = """\
**The hug.** The first partner presses **f**, the second **j**, in either order
(or **space** to start for both). Then hold on until the timer ends.

**p** pauses, **+** adds a minute, **e** ends early. **a** for another hug.
"""


def hug_screen(app: CloserApp) -> ActivityScreen:
    hug = app.library.hug
    return ActivityScreen(hug.title, [("Hug", HugActivity())], why=hug.why, help_text=HELP)

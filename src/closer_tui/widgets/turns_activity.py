"""What every activity taken in turns does the same way: appreciations, the DTR, check-ins.

The partners write one after the other in a :class:`TurnEntry`; what comes after
the turns (both lists, the closing line) stays hidden until every turn is taken.
"""

from __future__ import annotations

from typing import Any, ClassVar

from closer_tui.core.models import Entry
from closer_tui.widgets.turn_entry import TurnEntry
from closer_tui.widgets.untimed_activity import UntimedActivity


class TurnsActivity(UntimedActivity):
    """An activity said in turns; subclasses yield one TurnEntry and start in :meth:`begin`."""

    SHOWN_AFTER: ClassVar[tuple[str, ...]] = ()
    """The ids of what shows only once the turns are over (``"#ap-after"``)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        # Focus belongs in the writing box; the activity takes it only when all is said.
        self.can_focus = False
        self.entries: list[Entry] = []
        """What has been said this round, in order."""

    @property
    def turns(self) -> TurnEntry:
        return self.query_one(TurnEntry)

    def on_mount(self) -> None:
        """Before UntimedActivity's own, which asks for the first turn (:meth:`begin`)."""
        self.hide_after()

    def hide_after(self) -> None:
        """Hide what follows the turns: at the start, and when a round begins again."""
        for selector in self.SHOWN_AFTER:
            self.query_one(selector).display = False

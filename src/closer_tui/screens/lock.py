"""The lock screen: the first frame of a locked closer, and what covers it when it locks again.

It shows no name and no word of the couple's (those are locked too), only a
calm line and one masked field. Either partner's passphrase or the recovery
code opens it. The passphrase is tried off the main thread (Argon2 takes a
fraction of a second on purpose), so the screen stays calm meanwhile. A wrong
one is simply said; nothing is counted, nothing on disk changes.

Light on purpose: no pydantic, no store at import, so it paints as fast as
home does; the store opens behind it once a passphrase is given.
"""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.widgets import Input, Static

from closer_tui.mends.text_box import LineBox
from closer_tui.screens.base import CloserScreen
from closer_tui.widgets.footer import CalmFooter

LOCKED = "closer is locked"
HOW = (
    "Either of you can open it with your own passphrase,\nor with the recovery code you wrote down."
)
OPENING = "Opening…"
WRONG = "That does not open it. Take your time: capitals and spaces count."
HALF_DONE = {
    "on": (
        "closer stopped while it was locking your data. Open it to finish: until then, "
        "some of your files are locked and some are not yet."
    ),
    "off": (
        "closer stopped while it was turning the lock off. Open it to finish: until then, "
        "some of your files are plain and some are still locked."
    ),
}
LOCK_KEY = """\
With the lock on, **ctrl+f** locks closer at once: either passphrase, or the
recovery code, opens it again, back where you were.
"""
UNLOCKED_EXPORT = "That file is not locked: keep it where only the two of you can open it."
HELP = """\
**closer is locked.** Type either partner's passphrase, or the recovery code,
and press **enter**. Nothing is shown until it opens. **ctrl+q** quits.
"""


class LockScreen(CloserScreen[None]):
    """Dismissed once a passphrase opened closer; ``at_start``: nothing is loaded yet."""

    BINDINGS = [Binding("escape", "clear", "Clear", show=False)]

    DEFAULT_CSS = """
    LockScreen { align: center middle; }
    LockScreen > Vertical { width: 64; max-width: 100%; height: auto; padding: 1 2; }
    LockScreen #lock-title { text-style: bold; width: 100%; text-align: center; }
    LockScreen #lock-how { width: 100%; text-align: center; margin: 1 0; color: $text-muted; }
    LockScreen #lock-pending { width: 100%; margin: 0 0 1 0; color: $warning; }
    LockScreen Input { width: 100%; }
    LockScreen #lock-answer { width: 100%; text-align: center; height: 2; margin: 1 0 0 0; }
    """

    help_text = HELP

    def __init__(self, *, at_start: bool, pending: str | None = None) -> None:
        super().__init__()
        self.at_start = at_start
        self.pending = pending
        self._trying = False
        self.opened = False
        """Set when a passphrase opened closer: a lock screen left lower down then goes too."""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(LOCKED, id="lock-title")
            yield Static(HOW, id="lock-how")
            if self.pending in HALF_DONE:
                yield Static(HALF_DONE[self.pending], id="lock-pending")
            with Center():
                yield LineBox(
                    password=True, placeholder="passphrase or recovery code", id="passphrase"
                )
            yield Static("", id="lock-answer")
        # Nothing behind the lock to find with ctrl+p.
        yield CalmFooter(show_command_palette=False, at_once=True)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_screen_suspend(self) -> None:
        """Something pushed itself above the lock (a timer's end, a failed save): cover it too."""
        if not self.opened:
            self.app.call_after_refresh(self._cover_what_came_over)

    def _cover_what_came_over(self) -> None:
        from closer_tui.screens.privacy import PrivacyScreen

        top = self.app.screen
        if self.opened or top is self or isinstance(top, LockScreen | PrivacyScreen):
            return  # the blank screen over the lock is the couple's own choice
        self.app.push_screen(LockScreen(at_start=False))

    def on_screen_resume(self) -> None:
        if self.opened:
            self.dismiss()  # opened higher up: nothing left to guard here

    def action_clear(self) -> None:
        self.query_one(Input).value = ""
        self.query_one("#lock-answer", Static).update("")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._trying or not event.value:
            return  # enter pressed twice, or too early: nothing to try
        self._trying = True
        self.query_one("#lock-answer", Static).update(OPENING)
        self._try(event.value)

    @work(thread=True, exclusive=True, group="unlock")
    def _try(self, secret: str) -> None:
        opened = self.closer.try_unlock(secret)
        self.app.call_from_thread(self._answered, opened)

    def _answered(self, opened: str | None) -> None:
        self._trying = False
        field = self.query_one(Input)
        if opened is None:
            field.value = ""
            self.query_one("#lock-answer", Static).update(WRONG)
            field.focus()
            return
        field.value = ""
        self.closer.unlocked(self)

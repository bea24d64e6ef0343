"""Help for the screen underneath, the keys that work everywhere, and where to find support."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from closer_tui.widgets.footer import CalmFooter
from closer_tui.widgets.in_closer import InCloser

if TYPE_CHECKING:
    from closer_tui.app import CloserApp

EVERYWHERE = """\
## Keys that work everywhere

| key | what it does |
|---|---|
| ctrl+l | hide the screen at once; press again to come back |
| ctrl+g | a break, for either of you: time apart to settle, then back |
| ctrl+p | find any screen or plan by name |
| ? | this help |
| escape | back |
| ctrl+q | quit (anything in progress is kept) |

When something is timed, the first partner presses **f** and the second
**j**, in either order; **space** starts it for both.
"""


def keys_table(keys: Sequence[tuple[str, str]]) -> str:
    """The keys of the screen underneath, all of them: a short footer shows only some."""
    if not keys:
        return ""
    rows = "\n".join(f"| {key} | {what} |" for key, what in keys)
    return f"## Keys on this screen\n\n| key | what it does |\n|---|---|\n{rows}"


def lock_key_help(app: CloserApp) -> str:
    """The lock's key, only where the couple locked closer."""
    from closer_tui.screens.lock import LOCK_KEY

    return LOCK_KEY if app.lock_is_on else ""


def own_content_help(app: CloserApp) -> str:
    """How to add your own cards and plans: the FAQ and the example point here."""
    from closer_tui.core.basics import OWN_CONTENT_FILE
    from closer_tui.core.content import ACTIVITY_KINDS, OWN_CONTENT_EXAMPLE

    kinds = ", ".join(f"`{kind}`" for kind in ACTIVITY_KINDS)
    return (
        "## Your own cards and plans\n\n"
        f"Write them in `{app.data_dir / OWN_CONTENT_FILE}`. closer reads the file "
        "when it starts and says, line by line, if something needs fixing. "
        "For example:\n\n"
        f"```toml\n{OWN_CONTENT_EXAMPLE}```\n\n"
        f"A plan's steps can be any of these: {kinds}."
    )


class HelpScreen(InCloser, ModalScreen[None]):
    """Closes with escape, ``?`` or ``q``."""

    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "Close")]

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen VerticalScroll {
        width: 90%; max-width: 90; height: 90%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    """

    def __init__(self, screen_help: str = "", keys: Sequence[tuple[str, str]] = ()) -> None:
        super().__init__()
        self.screen_help = screen_help
        self.keys = keys

    def compose(self) -> ComposeResult:
        closer = self.closer
        safety = closer.library.safety
        parts = [
            "# Help",
            self.screen_help,
            keys_table(self.keys),
            EVERYWHERE,
            lock_key_help(closer),
            "## When closer is not enough",
            safety.not_therapy,
            f"**{safety.unsafe}**",
            safety.find_therapist,
            safety.helplines,
            own_content_help(closer),
        ]
        with VerticalScroll():
            yield Markdown("\n\n".join(part for part in parts if part))
        yield CalmFooter()

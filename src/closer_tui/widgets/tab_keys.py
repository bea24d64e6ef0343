"""The keys that move between a screen's tabs: the same on every tabbed screen.

``]`` and ``[`` were printable, so once a tab had put the cursor in a text box
the next ``]`` was typed into it. These keys are ones no text box takes:
ctrl+PgDn / ctrl+PgUp, as in a browser, and alt+→ / alt+← for keyboards
without page keys. Textual 8.2.8's ``Input`` and ``TextArea`` bind none of
them, and xterm and tmux pass all four through.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import TabbedContent, TabPane

TAB_KEYS = [
    Binding("ctrl+pagedown,alt+right", "step_tab(1)", "Next tab", key_display="^PgDn"),
    Binding("ctrl+pageup,alt+left", "step_tab(-1)", "Previous tab", show=False),
]
"""A tabbed screen lists these in its ``BINDINGS`` and calls :func:`step_tab`."""

TAB_KEYS_HELP = (
    "**ctrl+PgDn** and **ctrl+PgUp** (or **alt+→** and **alt+←**) move between the tabs, "
    "even while you are typing."
)


def step_tab(tabs: TabbedContent, step: int) -> None:
    """Show the tab ``step`` places on from the current one, round and round."""
    ids = [pane.id for pane in tabs.query(TabPane) if pane.id]
    if tabs.active in ids:
        tabs.active = ids[(ids.index(tabs.active) + step) % len(ids)]

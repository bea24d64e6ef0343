"""The keys that move between a screen's tabs: the same on every tabbed screen.

``]`` and ``[`` were printable, so once a tab had put the cursor in a text box
the next ``]`` was typed into it. These keys are ones no text box takes:
ctrl+] (the old ``]``, held with ctrl; its footer entry is as short as the
old one, where footers are full), ctrl+PgDn / ctrl+PgUp as in a browser, and
alt+→ / alt+←. Textual 8.2.8's ``Input`` and ``TextArea`` bind none of them,
and xterm and tmux pass them all through. (ctrl+[ is escape to a terminal,
so going back has only the other two.)
"""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import TabbedContent, TabPane

TAB_KEYS = [
    Binding(
        "ctrl+right_square_bracket,ctrl+pagedown,alt+right", "step_tab(1)", "Tab", key_display="^]"
    ),
    Binding("ctrl+pageup,alt+left", "step_tab(-1)", "Previous tab", show=False),
]
"""A tabbed screen lists these in its ``BINDINGS`` and calls :func:`step_tab`."""

TAB_KEYS_HELP = (
    "**ctrl+]** moves to the next tab, even while you are typing; so do **ctrl+PgDn** "
    "and **alt+→**. **ctrl+PgUp** or **alt+←** go back a tab."
)


def step_tab(tabs: TabbedContent, step: int) -> None:
    """Show the tab ``step`` places on from the current one, round and round.

    Done in the tabs' own queue, after what they have still to handle: focus
    moving into a tab that was just shown makes it the active one again, and
    a second key pressed meanwhile would otherwise be undone by it.
    """
    tabs.call_later(_step, tabs, step)


def _step(tabs: TabbedContent, step: int) -> None:
    ids = [pane.id for pane in tabs.query(TabPane) if pane.id]
    if tabs.active in ids:
        tabs.active = ids[(ids.index(tabs.active) + step) % len(ids)]

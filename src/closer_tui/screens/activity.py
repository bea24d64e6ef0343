"""The one layout every practice shares: *try it now*, *why*, and *ideas*."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.lazy import Lazy
from textual.widget import Widget
from textual.widgets import Header, Markdown, TabbedContent, TabPane

from closer_tui.core.content import Why
from closer_tui.mends.compositor import draw_only_what_changes
from closer_tui.screens.base import CloserScreen
from closer_tui.screens.leave import LeaveChoice, LeaveScreen
from closer_tui.widgets.activity import Activity
from closer_tui.widgets.footer import CalmFooter
from closer_tui.widgets.tab_keys import TAB_KEYS, TAB_KEYS_HELP, step_tab
from closer_tui.widgets.why import WhyPanel

if TYPE_CHECKING:
    pass


def bullet_list(items: list[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


class ShownTabPane(TabPane):
    """A tab that a late focus inside it, once it is hidden, does not bring back.

    An activity focuses its box when it is shown; if a tab key has moved on
    meanwhile, Textual 8.2.8 makes the tab holding the newly focused box the
    active one again, undoing the key. Here the key wins: the focus goes back
    into the tab that is shown.
    """

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        tabs = self.query_ancestor(TabbedContent)
        screen = self.screen
        if tabs.active != self.id and isinstance(screen, ActivityScreen):
            event.prevent_default()  # TabPane's own handler would make this tab active
            screen.call_later(screen.focus_active)


class ActivityScreen(CloserScreen[None]):
    """Tabs for each *try it now*, then *why*, then reading tabs (ideas, how…).

    Saves each outcome its activities report, and asks before leaving with
    anything unsaved.
    """

    BINDINGS: ClassVar = [
        Binding("escape", "back", "Back"),
        *TAB_KEYS,
    ]

    DEFAULT_CSS = """
    ActivityScreen TabbedContent { height: 1fr; }
    ActivityScreen TabPane { padding: 0; }
    ActivityScreen .reading { padding: 0 1; }
    """

    def __init__(
        self,
        title: str,
        tries: list[tuple[str, Widget]],
        *,
        why: Why | None = None,
        reading: list[tuple[str, str]] | None = None,
        help_text: str = "",
    ) -> None:
        super().__init__()
        draw_only_what_changes(self)  # a running timer repaints only itself
        self.title = title
        self.tries = tries
        self.why = why
        self.reading = reading or []
        self.help_text = f"{help_text}\n\n{TAB_KEYS_HELP}" if help_text else TAB_KEYS_HELP

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent():
            for index, (label, widget) in enumerate(self.tries):
                with ShownTabPane(label, id=f"try-{index}"):
                    yield VerticalScroll(widget, can_focus=False)
            # Hidden at first, the reading tabs are mounted just after the first frame
            # (Lazy): the first try's card or timer is painted without waiting for them.
            if self.why is not None:
                with TabPane("Why", id="why"):
                    yield Lazy(WhyPanel(self.why))
            for index, (label, markdown) in enumerate(self.reading):
                with TabPane(label, id=f"read-{index}"):
                    yield Lazy(VerticalScroll(Markdown(markdown), classes="reading"))
        yield CalmFooter(compact=True)

    def on_mount(self) -> None:
        self.call_after_refresh(self.focus_active)

    def focus_active(self) -> None:
        """Put the focus on the first thing to use in the tab that is shown."""
        if not self.is_attached:
            return  # called after a refresh, and the screen was closed meanwhile
        pane = self.query_one(TabbedContent).active_pane
        if pane is None:
            return
        focusable = [w for w in pane.query("*") if w.focusable]
        if focusable:
            focusable[0].focus()

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        self.call_after_refresh(self.focus_active)

    def action_step_tab(self, step: int) -> None:
        step_tab(self.query_one(TabbedContent), step)

    def _unsaved(self) -> list[Activity]:
        return [a for a in self.query(Activity) if a.pending() is not None]

    def action_back(self) -> None:
        if not self._ask_about_unsaved(self._leave):
            self._leave()

    def _leave(self) -> None:
        self.dismiss()

    def ask_before_quit(self, quit: Callable[[], None]) -> bool:
        """A round only in memory is asked about on quit too, as on leaving."""
        return self._ask_about_unsaved(quit)

    def _ask_about_unsaved(self, then: Callable[[], None]) -> bool:
        """Save or let go what is unsaved, then ``then``; False when there is nothing to ask."""
        unsaved = self._unsaved()
        if not unsaved:
            return False
        if isinstance(self.app.screen, LeaveScreen):
            return True  # already asking: one question at a time

        def chosen(choice: LeaveChoice | None) -> None:
            if choice == "stay" or choice is None:
                return
            for activity in unsaved:
                pending = activity.pending()
                if choice == "save" and pending is not None:
                    self.closer.save_round(*pending)
                activity.forget()
            then()

        self.app.push_screen(LeaveScreen(), chosen)
        return True

"""The one layout every practice shares: *try it now*, *why*, and *ideas*."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Header, Markdown, TabbedContent, TabPane

from closer_tui.core.content import Why
from closer_tui.widgets.activity import Activity
from closer_tui.widgets.why import WhyPanel

if TYPE_CHECKING:
    from closer_tui.app import CloserApp


def bullet_list(items: list[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


class ActivityScreen(Screen[None]):
    """Hosts one *try it now* (an :class:`Activity` or a few) and saves each outcome."""

    BINDINGS: ClassVar = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("t", "show_tab('try')", "Try it"),
        Binding("w", "show_tab('why')", "Why"),
        Binding("i", "show_tab('ideas')", "Ideas"),
    ]

    DEFAULT_CSS = """
    ActivityScreen TabbedContent { height: 1fr; }
    ActivityScreen TabPane { padding: 0; }
    ActivityScreen #try { height: 1fr; }
    ActivityScreen .ideas { padding: 0 1; }
    """

    def __init__(
        self,
        title: str,
        try_it: Widget,
        *,
        why: Why | None = None,
        why_extra: str = "",
        ideas: str = "",
        help_text: str = "",
    ) -> None:
        super().__init__()
        self.title = title
        self.try_it = try_it
        self.why = why
        self.why_extra = why_extra
        self.ideas = ideas
        self.help_text = help_text

    @property
    def closer(self) -> CloserApp:
        return cast("CloserApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(initial="try"):
            with TabPane("Try it now", id="try"):
                yield VerticalScroll(self.try_it, id="try-scroll", can_focus=False)
            if self.why is not None:
                with TabPane("Why", id="why"):
                    yield WhyPanel(self.why, extra=self.why_extra)
            if self.ideas:
                with TabPane("Ideas", id="ideas"), VerticalScroll(classes="ideas"):
                    yield Markdown(self.ideas)
        yield Footer()

    def on_mount(self) -> None:
        self.call_after_refresh(self._focus_try_it)

    def _focus_try_it(self) -> None:
        focusable = [w for w in self.try_it.query("*") if w.focusable]
        if focusable:
            focusable[0].focus()

    def action_show_tab(self, tab: str) -> None:
        tabs = self.query_one(TabbedContent)
        if tabs.query(f"TabPane#{tab}"):
            tabs.active = tab
            if tab == "try":
                self._focus_try_it()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "show_tab" and parameters:
            return bool(self.query(f"TabPane#{parameters[0]}"))
        return True

    def on_activity_done(self, event: Activity.Done) -> None:
        event.stop()
        self.closer.keep(event.outcome, event.started_at)

"""The guides: the starter plan, attachment, the connection check, and reading pages.

Reading pages are Markdown with their claims shown the way every *why* is:
the source and how strong the evidence is, with the honest caveat.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Checkbox, Collapsible, Header, Markdown, Static

from closer_tui.core.content import Guide, Library, StarterWhen, Why
from closer_tui.screens.activity import ActivityScreen, bullet_list
from closer_tui.screens.base import CloserScreen
from closer_tui.widgets.footer import CalmFooter
from closer_tui.widgets.tick_box import TickBox
from closer_tui.widgets.why import claim_markdown, source_markdown, why_markdown

if TYPE_CHECKING:
    from closer_tui.app import CloserApp

STARTER_SECTION = "starter-plan"
WHEN_TITLES: dict[StarterWhen, str] = {
    "tonight": "Tonight",
    "tomorrow": "Tomorrow",
    "this-week": "This week",
    "this-month": "This month",
}


def guide_markdown(guide: Guide) -> str:
    """A guide's body, then its claims with sources, as a *why* shows them."""
    if not guide.claims:
        return guide.body
    return why_markdown(Why(summary=guide.body, claims=guide.claims))


class ReadingScreen(CloserScreen[None]):
    """A scrollable page to read; escape goes back."""

    BINDINGS: ClassVar = [Binding("escape", "back", "Back")]

    DEFAULT_CSS = """
    ReadingScreen VerticalScroll { padding: 1 2 0 2; }
    ReadingScreen Markdown { margin: 0; padding: 0; }
    ReadingScreen Collapsible { margin: 0; }
    """

    def __init__(
        self, title: str, markdown: str, *, later: Sequence[str] = (), help_text: str = ""
    ) -> None:
        super().__init__()
        self.title = title
        self.markdown = markdown
        self.later = tuple(later)
        """Parts of a long page put below the first just after it is painted, in order."""
        self.help_text = (
            help_text or f"**{title}.** Arrow keys or the mouse scroll; escape goes back."
        )

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="reading"):
            yield from self.body()
        yield CalmFooter()

    def body(self) -> ComposeResult:
        yield Markdown(self.markdown)

    def on_mount(self) -> None:
        self.focus_first()
        if self.later:
            self.call_after_refresh(self._read_on)

    async def _read_on(self) -> None:
        """A long page's first part is on screen at once, its other parts a moment after:
        Textual makes a widget of every paragraph, and "How sure are we?" has hundreds."""
        reading = self.query_one("#reading")
        for part in self.later:
            if not reading.is_attached:
                return  # they went back before the rest was in
            await reading.mount(Markdown(part))

    def focus_first(self) -> None:
        self.query_one("#reading").focus()

    def action_back(self) -> None:
        self.dismiss()


class FaqScreen(ReadingScreen):
    """One collapsible answer per question; enter opens the focused one."""

    def __init__(self, library: Library) -> None:
        super().__init__(
            "Questions couples ask",
            "",
            help_text="**Questions couples ask.** Tab moves between questions; enter opens one.",
        )
        self.library = library

    def body(self) -> ComposeResult:
        yield Static(
            Text("Tab to a question and press enter to open it.", style="italic"),
            classes="faq-hint",
        )
        for index, faq in enumerate(self.library.faq):
            with Collapsible(title=faq.question, collapsed=index != 0):
                yield Markdown(faq.answer)

    def focus_first(self) -> None:
        self.query_one(Collapsible).query_one("CollapsibleTitle").focus()


class StarterPlanScreen(ReadingScreen):
    """Small steps to tick, tonight to this month; the ticks are kept for later."""

    BINDINGS: ClassVar = [
        # Priority, so the arrows move between steps instead of scrolling past them.
        Binding("down", "move(1)", "Next step", key_display="↓↑", priority=True),
        Binding("up", "move(-1)", "Previous step", show=False, priority=True),
    ]

    DEFAULT_CSS = """
    StarterPlanScreen .when { text-style: bold; margin: 1 0 0 0; }
    StarterPlanScreen Checkbox {
        width: 1fr; height: auto; border: none; padding: 0; margin: 0;
        text-wrap: wrap; text-overflow: fold;
    }
    StarterPlanScreen Checkbox:focus { border: none; }
    StarterPlanScreen .step-why { color: $text-muted; padding: 0 0 0 4; margin: 0 0 1 0; }
    StarterPlanScreen #starter-intro { color: $text-muted; margin: 1 0 0 0; }
    """

    def __init__(self) -> None:
        super().__init__(
            "A starter plan",
            "",
            help_text="**A starter plan.** Tab or the arrows move between steps; "
            "space or enter ticks one.",
        )

    def ticked(self) -> set[str]:
        raw = self.closer.recall_keepsake(STARTER_SECTION, "ticked")
        return {x for x in raw if isinstance(x, str)} if isinstance(raw, list) else set()

    def body(self) -> ComposeResult:
        ticked = self.ticked()
        yield Static(
            "Small steps, in order. Tick them off as you go (space); they stay ticked.",
            id="starter-intro",
        )
        for when, title in WHEN_TITLES.items():
            steps = [s for s in self.closer.library.starter_plan if s.when == when]
            if not steps:
                continue
            yield Static(title, classes="when")
            for step in steps:
                yield TickBox(step.text, step.id in ticked, id=f"step-{step.id}")
                yield Static(step.why, classes="step-why")

    def focus_first(self) -> None:
        self.query_one(Checkbox).focus()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        chosen = {
            box.id.removeprefix("step-") for box in self.query(Checkbox) if box.value and box.id
        }
        order = [s.id for s in self.closer.library.starter_plan]
        self.closer.save_keepsake(STARTER_SECTION, "ticked", [i for i in order if i in chosen])

    def action_move(self, step: int) -> None:
        boxes = list(self.query(Checkbox))
        focused = self.focused
        index = boxes.index(focused) if isinstance(focused, Checkbox) else -1
        target = boxes[(index + step) % len(boxes)]
        target.focus()


def styles_markdown(library: Library) -> str:
    parts = [library.attachment.intro, "", f"*{library.attachment.disclaimer}*"]
    for style in library.attachment.styles:
        parts += ["", f"### {style.name}", "", style.description, "", style.in_relationships]
    return "\n".join(parts)


def attachment_screen(app: CloserApp) -> ActivityScreen:
    from closer_tui.activities.reflection import AttachmentQuizActivity

    attachment = app.library.attachment
    return ActivityScreen(
        "Attachment styles",
        [("Reflection quiz", AttachmentQuizActivity())],
        why=attachment.why,
        reading=[
            ("Four styles", styles_markdown(app.library)),
            ("The cycle", f"### Pursue and withdraw\n\n{attachment.cycle}"),
        ],
        help_text=f"**Attachment styles.** {attachment.disclaimer}",
    )


def connection_check_screen(app: CloserApp) -> ActivityScreen:
    from closer_tui.activities.reflection import ConnectionCheckActivity

    check = app.library.connection_check
    signs = (
        "### Signs of a strong connection\n\n"
        + bullet_list(check.strong)
        + "\n\n### Signs the connection is running low\n\n"
        + bullet_list(check.low)
        + f"\n\n{check.after}"
    )
    return ActivityScreen(
        "Connection check",
        [("Check", ConnectionCheckActivity())],
        reading=[("The signs", signs)],
        help_text="**Connection check.** A conversation starter, not a test.",
    )


def barriers_markdown(library: Library) -> str:
    """The barriers, and the way on to the guide about finding a therapist."""
    therapy = library.guide("therapy").title
    return (
        f"{guide_markdown(library.guide('barriers'))}\n\n"
        f'*The guide "{therapy}" says when to look for one and how (ctrl+p finds it).*'
    )


def therapy_markdown(library: Library) -> str:
    """Finding a therapist, then where to find help, and help when it is not safe."""
    safety = library.safety
    return (
        f"{guide_markdown(library.guide('therapy'))}\n\n"
        f"## Where to find help\n\n{safety.find_therapist}\n\n{safety.unsafe}\n\n{safety.helplines}"
    )


def evidence_parts(library: Library) -> tuple[str, str, str]:
    """ "How sure are we?": the page's own text, then every claim, then every source, once."""
    claims = "\n".join(claim_markdown(claim) for claim in library.claims)
    sources = "\n".join(
        source_markdown(source) for source in sorted(library.sources, key=lambda s: s.cite)
    )
    return (
        guide_markdown(library.guide("evidence")),
        f"## Every claim closer makes\n\n{claims}",
        f"## The sources\n\n{sources}",
    )


def guide_screen(app: CloserApp, guide_id: str) -> Screen[None]:
    """The screen for one guide id from the catalog (KeyError for an unknown id)."""
    library = app.library
    if guide_id == "starter-plan":
        return StarterPlanScreen()
    if guide_id == "attachment":
        return attachment_screen(app)
    if guide_id == "connection-check":
        return connection_check_screen(app)
    if guide_id == "faq":
        return FaqScreen(library)
    if guide_id == "barriers":
        return ReadingScreen(library.guide("barriers").title, barriers_markdown(library))
    if guide_id == "therapy":
        return ReadingScreen(library.guide("therapy").title, therapy_markdown(library))
    if guide_id == "evidence":
        page, *later = evidence_parts(library)
        return ReadingScreen(library.guide("evidence").title, page, later=later)
    if guide_id == "rebuilding":
        guide = library.guide("rebuilding")
        return ReadingScreen(guide.title, f"{guide_markdown(guide)}\n\n*{library.safety.short}*")
    raise KeyError(guide_id)

"""When a save fails (disk full, read-only): what is only in memory stays in hand until it is safe.

One screen for every such moment: a finished round, a session at its end, a
guided session in progress whose draft could not be written. It offers to try
again, to save a copy somewhere else, or, asked twice, to let it go.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.markup import escape
from textual.widgets import Button, Input, Label, Static

from closer_tui.core.store import StoreError, file_bytes, plain_reason, write_atomic
from closer_tui.core.words import sentence
from closer_tui.mends.text_box import LineBox
from closer_tui.screens.dialog import Dialog

SaveOutcome = Literal["saved", "copied", "let go"]


def and_then(reason: object, more: str) -> str:
    """``reason`` followed by ``more``, with exactly one full stop between them.

    Store messages are whole sentences already; joining them with ". " left
    two full stops ("…was changed.. Tonight's…").
    """
    return f"{sentence(str(reason))} {more}"


def plain_words(error: Exception) -> str:
    """What went wrong, fit to show the couple: the store's own sentence, or the system's."""
    if isinstance(error, OSError) and not isinstance(error, StoreError):
        return f"closer could not use its data folder: {plain_reason(error)}."
    return str(error)


@dataclass
class Unsaved:
    """Something that exists only in memory, and how to keep it.

    ``save`` tries the usual place again (raising :class:`StoreError` or
    ``OSError``); ``copy`` is what a copy elsewhere holds, ``folder`` the
    folder of the data folder a copy can be put back in to be read again;
    ``after`` hears how it ended, before the screen closes.
    """

    title: str
    copy: BaseModel
    file_name: str
    folder: str
    save: Callable[[], object]
    after: Callable[[SaveOutcome], None] = lambda outcome: None


class SaveFailedScreen(Dialog[SaveOutcome]):
    """Try again, or write a copy to a file the couple chooses. Letting go is asked twice."""

    DEFAULT_CSS = """
    SaveFailedScreen > Vertical {
        width: 90%; max-width: 76; max-height: 90%; border: round $error;
    }
    """

    def __init__(self, unsaved: Unsaved, reason: str) -> None:
        super().__init__()
        self.unsaved = unsaved
        self.reason = reason
        self._confirm_discard = False
        self._settled = False
        self.quit_after: Callable[[], None] | None = None
        """Set when the couple asked to quit meanwhile: closer quits once this is settled."""

    def contents(self) -> ComposeResult:
        yield Static(
            f"[b]{escape(self.unsaved.title)} could not be saved.[/b]\n{escape(self.reason)}"
            "\n\nIt is still here. Your earlier history is untouched. Free some space "
            "and try again, or save a copy somewhere else.",
            id="save-failed-message",
        )
        yield Label("Save a copy to:")
        yield LineBox(value=str(Path.home() / f"closer-{self.unsaved.file_name}"), id="elsewhere")
        with Horizontal():
            yield Button("Try again", id="retry", variant="primary")
            yield Button("Save copy", id="copy")
            yield Button("Let it go", id="discard", variant="error")

    def ask_before_quit(self, quit: Callable[[], None]) -> bool:
        """This is the question a quit would ask: answer it, and closer quits after."""
        if self._settled:
            return False
        self.quit_after = quit
        self.notify("It is not saved yet: try again, save a copy, or let it go.", timeout=6)
        return True

    def _close(self, outcome: SaveOutcome) -> None:
        self._settled = True
        # Closed first: what comes after (a summary, home) takes this screen's place.
        self.dismiss(outcome)
        self.unsaved.after(outcome)
        if self.quit_after is not None:
            self.quit_after()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "retry":
            try:
                self.unsaved.save()
            except (StoreError, OSError) as error:
                self.query_one("#save-failed-message", Static).update(
                    f"[b]Still not saved.[/b]\n{escape(plain_words(error))}\n\nIt is still here."
                )
                return
            self.app.notify("Saved.")
            self._close("saved")
        elif event.button.id == "copy":
            target = Path(self.query_one("#elsewhere", Input).value).expanduser()
            reason = write_copy(self.unsaved.copy, target)
            if reason is not None:
                self.app.notify(
                    f"Could not write {target}: {reason}.",
                    severity="error",
                    markup=False,  # a path may hold square brackets
                )
                return
            self.app.notify(
                f"A copy is in {target}. closer can read it back from {self.unsaved.folder}/.",
                markup=False,
            )
            self._close("copied")
        elif event.button.id == "discard":
            if not self._confirm_discard:
                self._confirm_discard = True
                event.button.label = "Really let it go?"
                return
            self._close("let go")


def write_copy(model: BaseModel, target: Path) -> str | None:
    """Write ``model`` to ``target`` as the store would; None, or why it could not be."""
    try:
        # The store's own encoding: text it cannot hold as UTF-8 survives as escapes.
        write_atomic(target, file_bytes(model))
    except OSError as error:
        return plain_reason(error)
    except ValueError:  # pydantic's serialisation errors among them
        return "it holds something closer cannot write"
    return None

"""When a save fails (disk full, read-only): the session stays in hand until it is safe."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.markup import escape
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from closer_tui.core.models import SessionRecord
from closer_tui.core.store import StoreError, file_bytes, plain_reason, write_atomic
from closer_tui.widgets.text_box import LineBox

if TYPE_CHECKING:
    from closer_tui.app import CloserApp


class SaveFailedScreen(ModalScreen[None]):
    """Try again, or write the session to a file the couple chooses. Letting go is asked twice."""

    DEFAULT_CSS = """
    SaveFailedScreen { align: center middle; }
    SaveFailedScreen > Vertical {
        width: 90%; max-width: 76; height: auto; max-height: 90%;
        border: round $error; background: $surface; padding: 1 2;
    }
    SaveFailedScreen Horizontal { height: auto; margin: 1 0 0 0; }
    SaveFailedScreen Button { margin: 0 1 0 0; }
    """

    def __init__(self, record: SessionRecord, reason: str) -> None:
        super().__init__()
        self.record = record
        self.reason = reason
        self._confirm_discard = False

    @property
    def closer(self) -> CloserApp:
        return cast("CloserApp", self.app)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                f"[b]This session could not be saved.[/b]\n{escape(self.reason)}\n\n"
                "It is still here. Your earlier history is untouched. Free some space "
                "and try again, or save a copy somewhere else.",
                id="save-failed-message",
            )
            yield Label("Save a copy to:")
            yield LineBox(
                value=str(Path.home() / f"closer-{self.record.file_name}"), id="elsewhere"
            )
            with Horizontal():
                yield Button("Try again", id="retry", variant="primary")
                yield Button("Save copy", id="copy")
                yield Button("Let it go", id="discard", variant="error")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "retry":
            try:
                self.closer.store.save_session(self.record)
            except StoreError as error:
                self.query_one("#save-failed-message", Static).update(
                    f"[b]Still not saved.[/b]\n{escape(str(error))}\n\nIt is still here."
                )
                return
            self.closer.history = [self.record, *self.closer.history]
            self.app.notify("Saved.")
            self.dismiss()
        elif event.button.id == "copy":
            target = Path(self.query_one("#elsewhere", Input).value).expanduser()
            reason = write_copy(self.record, target)
            if reason is not None:
                self.app.notify(
                    f"Could not write {target}: {reason}.",
                    severity="error",
                    markup=False,  # a path may hold square brackets
                )
                return
            self.app.notify(
                f"A copy is in {target}. closer can read it back from sessions/.", markup=False
            )
            self.dismiss()
        elif event.button.id == "discard":
            if not self._confirm_discard:
                self._confirm_discard = True
                event.button.label = "Really let it go?"
                return
            self.dismiss()


def write_copy(record: SessionRecord, target: Path) -> str | None:
    """Write ``record`` to ``target`` as the store would; None, or why it could not be."""
    try:
        # The store's own encoding: text it cannot hold as UTF-8 survives as escapes.
        write_atomic(target, file_bytes(record))
    except OSError as error:
        return plain_reason(error)
    except ValueError:  # pydantic's serialisation errors among them
        return "the session holds something closer cannot write"
    return None

"""What every snapshot needs: a picture that does not depend on when it was taken."""

from __future__ import annotations

import pytest
from textual.widgets import Input, TextArea


@pytest.fixture(autouse=True)
def steady_cursor(monkeypatch: pytest.MonkeyPatch) -> None:
    """A text box's cursor shows steadily while the box has focus, as with blinking off.

    Textual blinks it every half second; a picture taken a moment later on a
    busy machine caught it hidden, and the snapshot failed for nothing.
    """
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)

"""What every screen and activity of closer may ask for: the app, as closer's own.

Textual types ``self.app`` as any app; closer's screens and activities only
ever run inside :class:`~closer_tui.app.CloserApp`, and ask it for the couple,
the clock and the verbs that change what the app holds. One cast, here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, cast

if TYPE_CHECKING:
    from textual.app import App

    from closer_tui.app import CloserApp


class _InApp(Protocol):
    @property
    def app(self) -> App[Any]: ...


class InCloser:
    """Mixed into a widget or screen: :attr:`closer` is the running ``CloserApp``."""

    @property
    def closer(self: _InApp) -> CloserApp:
        return cast("CloserApp", self.app)

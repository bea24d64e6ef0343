"""The yardstick for closer's start: a bare Textual app with a Header and a Footer.

Its title reads like closer's home ("closer — Tonight") so that both are timed
to the moment the same words reach the terminal.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header


class BareApp(App[None]):
    TITLE = "closer"
    SUB_TITLE = "Tonight"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Footer()


if __name__ == "__main__":
    BareApp().run()

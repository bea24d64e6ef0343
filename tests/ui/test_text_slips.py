"""Small slips in what closer says, looked for everywhere rather than one screen at a time."""

from __future__ import annotations

import importlib
import pkgutil

from textual.binding import Binding
from textual.dom import DOMNode

import closer_tui.activities
import closer_tui.screens
import closer_tui.widgets


def every_binding() -> list[tuple[str, Binding]]:
    found = []
    for package in (closer_tui.activities, closer_tui.screens, closer_tui.widgets):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for thing in vars(module).values():
                if isinstance(thing, type) and issubclass(thing, DOMNode):
                    for binding in thing.BINDINGS:
                        if isinstance(binding, Binding):
                            found.append((thing.__name__, binding))
    return found


def test_no_footer_label_reads_as_cut_off() -> None:
    bindings = every_binding()
    assert bindings, "the bindings were found"
    cut = [
        (owner, b.description)
        for owner, b in bindings
        if b.description.endswith(("'s", "’s", " the", " a", " to", " of"))
    ]
    assert cut == [], "a label like “Start tonight's” looks cut off in the footer"

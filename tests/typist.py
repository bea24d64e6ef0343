"""Keys at a fast typist's pace, for the sweeps that press many keys on every screen
(tests/ui/test_fuzz.py, tests/ui/test_small_terminals.py).

``Pilot.press`` waits at least 40 ms per key (two 20 ms idle checks); across every screen
that wait, not what the keys do, was most of a sweep's time. :func:`hit` sends each key the
way ``Pilot.press`` builds it and waits until the app has been idle for a few milliseconds:
still one key after another, each after the app finished with the last one.
"""

from __future__ import annotations

import asyncio
import unicodedata
from time import process_time
from typing import Any

from textual import events
from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key
from textual.pilot import Pilot


def key_event(key: str) -> events.Key:
    """The event a terminal sends for ``key``, built the way ``Pilot.press`` builds it."""
    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    try:
        char: str | None = unicodedata.lookup(
            _get_unicode_name_from_key(REPLACED_KEYS.get(key, key))
        )
    except KeyError:
        char = key if len(key) == 1 else None
    return events.Key(key, char)


async def settle(pilot: Pilot[Any]) -> None:
    """Let the app finish with a key before the next one, at a fast typist's pace.

    This waits until the process has been idle for a few milliseconds. Keys sent without
    any wait race the screens' own mounting and unmounting, which made the outcome depend
    on the machine's load.
    """
    await asyncio.sleep(0)
    while True:
        cpu = process_time()
        await asyncio.sleep(0.003)
        if process_time() - cpu < 0.0005:
            break
    pilot.app.screen._on_timer_update()


async def hit(pilot: Pilot[Any], *keys: str) -> None:
    """Press ``keys`` one after another, each once the app is idle again."""
    for key in keys:
        pilot.app.post_message(key_event(key))
        await settle(pilot)

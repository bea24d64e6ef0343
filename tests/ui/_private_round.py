"""Keys for a private round, as a couple presses them: a hand-over passed once it is on
screen, a point on a scale chosen by its number and locked in with enter."""

from __future__ import annotations

from textual.pilot import Pilot

from closer_tui.core.clock import ManualClock
from closer_tui.widgets.private_round import HANDOVER_SECONDS


async def hand_over(pilot: Pilot[None], clock: ManualClock) -> None:
    """Enter on a "look away" or "both look" screen, pressed after it appeared."""
    clock.advance(HANDOVER_SECONDS)
    await pilot.press("enter")
    await pilot.pause()


async def choose(pilot: Pilot[None], *answers: str) -> None:
    """Each answer's digits, then enter to lock it in ("10" is 1 then 0)."""
    for answer in answers:
        await pilot.press(*answer, "enter")


async def answer_privately(pilot: Pilot[None], clock: ManualClock, answers: list[str]) -> None:
    """One partner's turn: past the curtain, then each answer chosen and locked in."""
    await hand_over(pilot, clock)
    await choose(pilot, *answers)

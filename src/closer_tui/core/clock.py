"""Honest time: a countdown whose remaining time is always read from a clock.

The screen only decides *when* to repaint; it never counts ticks. Every
quantity here is derived from a monotonic clock that is injected, so tests
advance a fake clock instead of sleeping.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from enum import Enum

Clock = Callable[[], float]
"""A monotonic clock: seconds as a float, only ever moving forward."""


class ManualClock:
    """A clock that moves only when told to: for tests and benchmarks."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a clock cannot go backwards")
        self.now += seconds


class Phase(Enum):
    """Where a countdown is in its life."""

    READY = "ready"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"


class Countdown:
    """A countdown of ``duration`` seconds that can pause, extend and end early.

    ``poll()`` reports the end exactly once, whichever way it came: the time
    running out or ``end_early()``.
    """

    def __init__(self, duration: float, clock: Clock = time.monotonic) -> None:
        if duration <= 0:
            raise ValueError("a countdown needs a positive duration")
        self._clock = clock
        self.planned = float(duration)
        """The length first asked for; ``duration`` grows with every extension."""
        self.duration = float(duration)
        self.phase = Phase.READY
        self.ended_early = False
        self._run_started_at = 0.0
        self._banked = 0.0  # seconds elapsed before the current run
        self._frozen_elapsed: float | None = None
        self._end_reported = False

    # -- reading -----------------------------------------------------------

    @property
    def elapsed(self) -> float:
        """Seconds counted so far, pauses excluded, never beyond the duration."""
        if self._frozen_elapsed is not None:
            return self._frozen_elapsed
        running = self._clock() - self._run_started_at if self.phase is Phase.RUNNING else 0.0
        return min(self._banked + running, self.duration)

    @property
    def remaining(self) -> float:
        return max(self.duration - self.elapsed, 0.0)

    @property
    def progress(self) -> float:
        """From 0.0 to 1.0."""
        return self.elapsed / self.duration

    @property
    def ran_its_time(self) -> bool:
        """It has run the time first asked for: a hug given an extra minute and ended
        after 45 seconds did run its 20. What closer counts as done (see ``counts``)."""
        return self.elapsed >= self.planned

    @property
    def is_over(self) -> bool:
        return self.phase is Phase.FINISHED or (
            self.phase is Phase.RUNNING and self.remaining <= 0.0
        )

    # -- acting ------------------------------------------------------------

    def start(self) -> None:
        if self.phase is not Phase.READY:
            return
        now = self._clock()
        self._run_started_at = now
        self.phase = Phase.RUNNING

    def pause(self) -> None:
        if self.phase is not Phase.RUNNING or self.is_over:
            return
        self._banked = self.elapsed
        self.phase = Phase.PAUSED

    def resume(self) -> None:
        if self.phase is not Phase.PAUSED:
            return
        self._run_started_at = self._clock()
        self.phase = Phase.RUNNING

    def toggle_pause(self) -> None:
        if self.phase is Phase.RUNNING:
            self.pause()
        elif self.phase is Phase.PAUSED:
            self.resume()

    def extend(self, seconds: float) -> None:
        """Add time, also to one that ran out but was not yet polled.

        Elapsed time is derived from the clock, so the extra seconds count
        from the true end, not from whenever the screen noticed it.
        """
        if self.phase is Phase.FINISHED or seconds <= 0:
            return
        self.duration += seconds

    def end_early(self) -> None:
        if self.phase is Phase.FINISHED:
            return
        self._frozen_elapsed = self.elapsed
        self.ended_early = self.remaining > 0.0
        self.phase = Phase.FINISHED

    def poll(self) -> bool:
        """True exactly once: the first call after the countdown has ended."""
        if self._end_reported:
            return False
        if self.phase is Phase.RUNNING and self.remaining <= 0.0:
            self._frozen_elapsed = self.duration
            self.phase = Phase.FINISHED
        if self.phase is Phase.FINISHED:
            self._end_reported = True
            return True
        return False


def format_mmss(seconds: float) -> str:
    """``83.2`` → ``"1:24"``: whole seconds, rounded up so 0:00 means done."""
    whole = math.ceil(seconds)
    minutes, secs = divmod(max(whole, 0), 60)
    return f"{minutes}:{secs:02d}"


def until_next_second(seconds: float) -> float:
    """How long until ``seconds``, counting down, shows one whole second less.

    Time is shown in whole seconds rounded up (:func:`format_mmss`), so the
    shown second changes when ``seconds`` crosses the integer below it:
    ``83.2`` → ``0.2``, ``83.0`` → ``1.0``.
    """
    return seconds - (math.ceil(seconds) - 1)


class Stopwatch:
    """Active time, pauses excluded, with no upper bound: a step may run over its plan."""

    def __init__(self, clock: Clock = time.monotonic, *, already: float = 0.0) -> None:
        self._clock = clock
        self._banked = max(already, 0.0)
        self._run_started_at: float | None = None

    @property
    def running(self) -> bool:
        return self._run_started_at is not None

    @property
    def elapsed(self) -> float:
        if self._run_started_at is None:
            return self._banked
        return self._banked + self._clock() - self._run_started_at

    def start(self) -> None:
        if self._run_started_at is None:
            self._run_started_at = self._clock()

    def pause(self) -> None:
        if self._run_started_at is not None:
            self._banked = self.elapsed
            self._run_started_at = None

    def discount(self, seconds: float) -> None:
        """Take back time that was not spent together (a walk away, a sleeping laptop)."""
        running = self.running
        self.pause()
        self._banked = max(self._banked - seconds, 0.0)
        if running:
            self.start()

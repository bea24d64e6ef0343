"""Guided sessions: a plan's steps, where the couple is in them, and what each step left.

A :class:`GuidedRun` knows no screen. It turns into a ``SessionDraft`` after
every step (and every few seconds within one) so an interrupted evening can be
resumed, and into one ``SessionRecord`` when the couple is done.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from closer_tui.core.clock import Clock, Stopwatch
from closer_tui.core.content import Plan, PlanStep
from closer_tui.core.models import (
    Entry,
    Outcome,
    PartnerKey,
    SessionDraft,
    SessionRecord,
    Tally,
)


@dataclass(frozen=True)
class StepView:
    """One row of the step list."""

    index: int
    step: PlanStep
    state: str  # "done", "skipped", "current" or "next"
    minutes: int
    """The step's minutes: the current one's with every minute the couple added."""


@dataclass(frozen=True)
class StepWork:
    """What the current step's activity holds that no finished round does yet.

    ``kept`` is what it has settled (said turns, revealed answers), ``typed``
    the same with the words still being typed, and ``typing`` those words by
    the box they are in. A draft keeps all three: picked up, the boxes are
    filled again and nothing is counted twice; saved as it was, nothing typed
    is lost.
    """

    kept: Outcome | None = None
    typed: Outcome | None = None
    typing: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_draft(cls, current: dict[str, Any]) -> StepWork:
        def outcome(raw: object) -> Outcome | None:
            return Outcome.model_validate(raw) if raw else None

        typing = current.get("typing") or {}
        return cls(
            kept=outcome(current.get("kept")),
            typed=outcome(current.get("typed")),
            typing={str(k): str(v) for k, v in typing.items()} if isinstance(typing, dict) else {},
        )

    def to_draft(self) -> dict[str, Any]:
        return {
            "kept": self.kept.model_dump(mode="json") if self.kept else None,
            "typed": self.typed.model_dump(mode="json") if self.typed else None,
            "typing": dict(self.typing),
        }


def merge_outcomes(step: PlanStep, outcomes: list[Outcome], seconds: float) -> Outcome:
    """One outcome for a step, however many rounds of its activity the couple did."""
    entries: list[Entry] = []
    ratings: dict[PartnerKey, int] = {}
    data: dict[str, Any] = {}
    tally: Tally | None = None
    ready: list[PartnerKey] = []
    for outcome in outcomes:
        entries += outcome.entries
        ratings.update(outcome.ratings)
        data.update(outcome.data)
        ready = list(outcome.ready) or ready
        if outcome.tally is not None:
            tally = Tally(
                positive=(tally.positive if tally else 0) + outcome.tally.positive,
                negative=(tally.negative if tally else 0) + outcome.tally.negative,
            )
    return Outcome(
        kind=step.activity,
        title=step.title,
        planned_seconds=step.minutes * 60.0,
        actual_seconds=round(seconds, 3),
        completed=bool(outcomes) and all(o.completed for o in outcomes),
        ready=ready,
        entries=entries,
        ratings=ratings,
        tally=tally,
        data=data,
    )


class GuidedRun:
    """Where a couple is in a plan, and what they have done so far."""

    def __init__(
        self,
        plan: Plan,
        clock: Clock,
        started_at: datetime,
        *,
        draft: SessionDraft | None = None,
    ) -> None:
        self.plan = plan
        self.clock = clock
        self.draft = draft or SessionDraft(
            plan=plan.id, started_at=started_at, updated_at=started_at
        )
        self.step_outcomes: list[Outcome] = []
        """Rounds finished within the current step, not yet folded into ``done``."""
        self.extra_seconds = 0.0
        self.watch = Stopwatch(clock, already=self.draft.step_elapsed)
        if self.draft.current.get("extra_seconds"):
            self.extra_seconds = float(self.draft.current["extra_seconds"])
        for raw in self.draft.current.get("rounds", []):
            self.step_outcomes.append(Outcome.model_validate(raw))
        self.work = StepWork.from_draft(self.draft.current)
        """The current step's unfinished work, as last seen (or as the draft left it)."""

    # -- where we are ----------------------------------------------------------------

    @property
    def index(self) -> int:
        return self.draft.step_index

    @property
    def finished(self) -> bool:
        return self.index >= len(self.plan.steps)

    @property
    def step(self) -> PlanStep:
        return self.plan.steps[min(self.index, len(self.plan.steps) - 1)]

    @property
    def step_seconds(self) -> float:
        """The current step's planned time, with any minutes the couple added."""
        return self.step.minutes * 60.0 + self.extra_seconds

    @property
    def step_left(self) -> float:
        """Seconds left in this step; negative once it runs over."""
        return self.step_seconds - self.watch.elapsed

    @property
    def step_minutes(self) -> int:
        """The current step's minutes as the couple has made them (``ctrl+e`` adds one)."""
        return math.ceil(self.step_seconds / 60)

    @property
    def total_seconds(self) -> float:
        return self.plan.minutes * 60.0

    @property
    def together_seconds(self) -> float:
        """Active time so far: finished steps plus the current one."""
        done = sum(outcome.actual_seconds for outcome in self.draft.done)
        return done + (0.0 if self.finished else self.watch.elapsed)

    @property
    def progress(self) -> float:
        """Through the plan, 0.0 to 1.0: finished steps count whole, the current one partly."""
        done = sum(step.minutes * 60.0 for step in self.plan.steps[: self.index])
        if not self.finished:
            done += min(self.watch.elapsed, self.step.minutes * 60.0)
        return min(done / self.total_seconds, 1.0)

    def steps(self) -> list[StepView]:
        views = []
        for index, step in enumerate(self.plan.steps):
            if index < len(self.draft.done):
                skipped = self.draft.done[index].data.get("skipped") is True
                state = "skipped" if skipped else "done"
            else:
                state = "current" if index == self.index else "next"
            minutes = self.step_minutes if state == "current" else step.minutes
            views.append(StepView(index, step, state, minutes))
        return views

    # -- moving on ---------------------------------------------------------------------

    def add_round(self, outcome: Outcome) -> None:
        self.step_outcomes.append(outcome)

    def extend(self, seconds: float = 60.0) -> None:
        self.extra_seconds += seconds

    def next_step(self, *, skipped: bool = False, pending: Outcome | None = None) -> None:
        """Close the current step with everything it produced, and begin the next.

        The next step's time runs if this one's was running.
        """
        if self.finished:
            return
        was_running = self.watch.running
        self.watch.pause()
        rounds = [*self.step_outcomes, *([pending] if pending else [])]
        outcome = merge_outcomes(self.step, rounds, self.watch.elapsed)
        if skipped:
            outcome.completed = False
            outcome.data["skipped"] = True
        self.draft.done.append(outcome)
        self.draft.step_index += 1
        self.step_outcomes = []
        self.work = StepWork()
        self.extra_seconds = 0.0
        self.watch = Stopwatch(self.clock)
        if was_running and not self.finished:
            self.watch.start()

    # -- on disk -----------------------------------------------------------------------

    def snapshot(self, now: datetime, work: StepWork | None = None) -> SessionDraft:
        """The draft to autosave: done steps, and the current one's rounds and work.

        ``work`` is what the step's activity holds now; without it, the work
        last seen is kept, so a draft never knows less than the one before.
        """
        if work is not None:
            self.work = work
        self.draft.updated_at = now
        self.draft.step_elapsed = self.watch.elapsed
        self.draft.current = {
            "extra_seconds": self.extra_seconds,
            "rounds": [outcome.model_dump(mode="json") for outcome in self.step_outcomes],
            **self.work.to_draft(),
        }
        return self.draft.model_copy(deep=True)

    def as_left(self, ended_at: datetime) -> SessionRecord:
        """The evening as its draft left it, half-typed words and all ("save what we did")."""
        return self.record(ended_at, self.work.typed or self.work.kept)

    def record(self, ended_at: datetime, pending: Outcome | None = None) -> SessionRecord:
        """The whole evening as one session; an unfinished current step is kept too."""
        steps = list(self.draft.done)
        rounds = [*self.step_outcomes, *([pending] if pending else [])]
        if not self.finished and (rounds or self.watch.elapsed >= 1):
            partial = merge_outcomes(self.step, rounds, self.watch.elapsed)
            partial.completed = False
            steps.append(partial)
        # Finished means they went through to the plan's end; each step says
        # for itself whether it was done, skipped or cut short.
        completed = self.finished
        return SessionRecord(
            id=self.draft.id,
            kind="guided",
            title=self.plan.title,
            plan=self.plan.id,
            started_at=self.draft.started_at,
            ended_at=max(ended_at, self.draft.started_at),
            planned_seconds=self.total_seconds,
            actual_seconds=round(sum(step.actual_seconds for step in steps), 3),
            completed=completed,
            steps=steps,
        )


def draft_record(
    draft: SessionDraft, plan: Plan | None, clock: Clock, now: datetime
) -> SessionRecord:
    """What an interrupted session holds, as a record, even if its plan is gone."""
    if plan is None:
        return SessionRecord(
            id=draft.id,
            kind="guided",
            title=draft.plan,
            plan=draft.plan,
            started_at=draft.started_at,
            ended_at=max(draft.updated_at, draft.started_at),
            actual_seconds=sum(step.actual_seconds for step in draft.done),
            completed=False,
            steps=draft.done,
        )
    return GuidedRun(plan, clock, draft.started_at, draft=draft).as_left(draft.updated_at)


TIME_ALONE_SECONDS = 30.0
"""How often a draft in which only the time has moved is written again.

Its words, a round, a step or a turn are written at once; rewriting an
unchanged evening every few seconds only to move its clock would cost the
laptop more than the hug it is timing. A crash loses at most this much of
the time counted, never a word.
"""


def beyond_the_clock(draft: SessionDraft) -> dict[str, Any]:
    """All a draft holds but its clock: where this is unchanged, only time has moved.

    The clock is the draft's own times and the running time of the step's
    unfinished round (finished rounds and steps keep theirs for good).
    """
    held = draft.model_dump(exclude={"updated_at", "step_elapsed"})
    for unfinished in ("kept", "typed"):
        if isinstance(outcome := held["current"].get(unfinished), dict):
            outcome.pop("actual_seconds", None)
    return held

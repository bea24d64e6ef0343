"""Guided sessions without a screen: progress, skips, honest time, drafts and resume."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from closer_tui.core.clock import ManualClock
from closer_tui.core.content import Plan, library
from closer_tui.core.models import Entry, Outcome, SessionDraft, Tally
from closer_tui.core.plans import GuidedRun, StepWork, merge_outcomes

START = datetime(2026, 11, 24, 19, 0, tzinfo=UTC)


@pytest.fixture
def plan() -> Plan:
    return next(p for p in library().plans if p.id == "tonight-30")


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


def said(who: str, text: str) -> Outcome:
    return Outcome(kind="appreciations", title="x", entries=[Entry(who=who, prompt="p", text=text)])


def test_progress_follows_the_clock_and_the_steps(plan: Plan, clock: ManualClock) -> None:
    run = GuidedRun(plan, clock, START)
    run.watch.start()
    first = plan.steps[0].minutes * 60
    clock.advance(first / 2)
    assert run.progress == pytest.approx(first / 2 / run.total_seconds)
    assert run.step_left == pytest.approx(first / 2)
    clock.advance(first * 3)  # running over does not push progress past the step
    assert run.progress == pytest.approx(first / run.total_seconds)
    assert run.step_left < 0


def test_pauses_are_not_time_together(plan: Plan, clock: ManualClock) -> None:
    run = GuidedRun(plan, clock, START)
    run.watch.start()
    clock.advance(30)
    run.watch.pause()
    clock.advance(900)
    run.watch.start()
    clock.advance(10)
    assert run.together_seconds == pytest.approx(40)


def test_next_step_keeps_every_round_and_what_was_typed(plan: Plan, clock: ManualClock) -> None:
    run = GuidedRun(plan, clock, START)
    run.watch.start()
    clock.advance(50)
    run.add_round(said("first", "the tea"))
    run.next_step(pending=said("second", "the walk"))
    done = run.draft.done[0]
    assert [e.text for e in done.entries] == ["the tea", "the walk"]
    assert done.actual_seconds == pytest.approx(50)
    assert done.kind == plan.steps[0].activity
    assert run.index == 1
    assert run.watch.elapsed == 0


def test_skip_marks_the_step_and_drops_nothing_else(plan: Plan, clock: ManualClock) -> None:
    run = GuidedRun(plan, clock, START)
    run.watch.start()
    run.next_step(skipped=True)
    assert run.draft.done[0].data["skipped"] is True
    assert run.draft.done[0].completed is False
    assert [view.state for view in run.steps()[:2]] == ["skipped", "current"]


def test_extend_adds_a_minute_to_this_step_only(plan: Plan, clock: ManualClock) -> None:
    run = GuidedRun(plan, clock, START)
    run.extend(60)
    assert run.step_seconds == plan.steps[0].minutes * 60 + 60
    run.next_step()
    assert run.step_seconds == plan.steps[1].minutes * 60


def test_a_draft_resumes_where_it_stopped(plan: Plan, clock: ManualClock) -> None:
    run = GuidedRun(plan, clock, START)
    run.watch.start()
    clock.advance(100)
    run.next_step(pending=said("first", "kept"))
    clock.advance(42)
    run.add_round(said("second", "half-way"))
    run.extend(60)
    work = StepWork(kept=None, typed=said("first", "typing…"), typing={"te-text": "typing…"})
    draft = run.snapshot(START + timedelta(minutes=3), work)
    reread = SessionDraft.model_validate_json(draft.model_dump_json(by_alias=True))

    later = ManualClock(start=50_000.0)  # a new process: its clock starts anywhere
    resumed = GuidedRun(plan, later, START, draft=reread)
    assert resumed.index == 1
    assert resumed.watch.elapsed == pytest.approx(42)
    assert resumed.step_seconds == plan.steps[1].minutes * 60 + 60
    # The words being typed are kept apart, to go back in their box.
    assert [o.entries[0].text for o in resumed.step_outcomes] == ["half-way"]
    assert resumed.work.typing == {"te-text": "typing…"}
    resumed.watch.start()
    later.advance(8)
    record = resumed.as_left(START + timedelta(minutes=10))
    assert record.id == draft.id
    assert [e.text for s in record.steps for e in s.entries] == ["kept", "half-way", "typing…"]
    assert record.actual_seconds == pytest.approx(150)
    assert record.completed is False


def test_the_whole_plan_done_is_one_completed_record(plan: Plan, clock: ManualClock) -> None:
    run = GuidedRun(plan, clock, START)
    for step in plan.steps:
        run.watch.start()
        clock.advance(step.minutes * 60)
        run.next_step(pending=Outcome(kind=step.activity, title=step.title))
    assert run.finished
    record = run.record(START + timedelta(minutes=31))
    assert record.completed is True
    assert record.kind == "guided" and record.plan == plan.id
    assert len(record.steps) == len(plan.steps)
    assert record.actual_seconds == pytest.approx(plan.minutes * 60)


def test_merge_sums_tallies_and_keeps_ratings() -> None:
    step = library().plans[0].steps[0]
    merged = merge_outcomes(
        step,
        [
            Outcome(kind="x", title="x", tally=Tally(positive=3, negative=1), ratings={"first": 7}),
            Outcome(kind="x", title="x", tally=Tally(positive=2), ratings={"second": 8}),
        ],
        12.0,
    )
    assert merged.tally == Tally(positive=5, negative=1)
    assert merged.ratings == {"first": 7, "second": 8}
    assert merged.completed is True
    assert merge_outcomes(step, [], 3.0).completed is False

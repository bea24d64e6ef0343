"""The countdown is derived from its clock: pauses, extensions and ends are exact."""

from __future__ import annotations

import pytest

from closer_tui.core.clock import Countdown, ManualClock, Phase, format_mmss, until_next_second


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


def test_counts_down_from_the_clock(clock: ManualClock) -> None:
    countdown = Countdown(20, clock)
    countdown.start()
    clock.advance(7.25)
    assert countdown.elapsed == pytest.approx(7.25)
    assert countdown.remaining == pytest.approx(12.75)
    assert countdown.progress == pytest.approx(7.25 / 20)


def test_nothing_moves_before_start(clock: ManualClock) -> None:
    countdown = Countdown(20, clock)
    clock.advance(100)
    assert countdown.remaining == 20
    assert countdown.poll() is False


def test_pause_excludes_the_paused_time(clock: ManualClock) -> None:
    countdown = Countdown(20, clock)
    countdown.start()
    clock.advance(5)
    countdown.pause()
    clock.advance(600)  # a long phone call
    assert countdown.phase is Phase.PAUSED
    assert countdown.remaining == pytest.approx(15)
    countdown.resume()
    clock.advance(10)
    assert countdown.remaining == pytest.approx(5)


def test_extend_adds_time_even_after_pausing(clock: ManualClock) -> None:
    countdown = Countdown(20, clock)
    countdown.start()
    clock.advance(15)
    countdown.extend(60)
    assert countdown.remaining == pytest.approx(65)
    assert countdown.duration == 80


def test_extend_after_running_out_counts_from_the_true_end(clock: ManualClock) -> None:
    countdown = Countdown(20, clock)
    countdown.start()
    clock.advance(21)  # the screen has not noticed yet
    countdown.extend(60)
    assert countdown.remaining == pytest.approx(59)
    assert countdown.poll() is False


def test_finishes_exactly_once(clock: ManualClock) -> None:
    countdown = Countdown(20, clock)
    countdown.start()
    clock.advance(19.999)
    assert countdown.poll() is False
    clock.advance(0.001)
    assert countdown.poll() is True
    assert countdown.poll() is False
    clock.advance(100)
    assert countdown.poll() is False
    assert countdown.phase is Phase.FINISHED
    assert countdown.elapsed == 20
    assert countdown.ended_early is False


def test_end_early_is_reported_once_and_freezes_time(clock: ManualClock) -> None:
    countdown = Countdown(20, clock)
    countdown.start()
    clock.advance(8)
    countdown.end_early()
    clock.advance(50)
    assert countdown.ended_early is True
    assert countdown.elapsed == pytest.approx(8)
    assert countdown.poll() is True
    assert countdown.poll() is False
    countdown.extend(60)
    countdown.resume()
    assert countdown.phase is Phase.FINISHED


def test_it_ran_its_time_once_the_time_first_asked_for_has_passed(clock: ManualClock) -> None:
    countdown = Countdown(20, clock)
    countdown.start()
    countdown.extend(60)
    clock.advance(19)
    assert not countdown.ran_its_time
    clock.advance(26)
    countdown.end_early()
    assert countdown.ended_early, "there was time left on the clock"
    assert countdown.ran_its_time, "but it ran the 20 seconds it was for"


def test_a_blocked_loop_does_not_make_it_drift(clock: ManualClock) -> None:
    """However irregularly it is looked at, the remaining time is the clock's."""
    countdown = Countdown(30 * 60, clock)
    countdown.start()
    looks = [0.25, 3.0, 0.001, 17.5, 0.9] * 60  # about 22 minutes, looked at unevenly
    for gap in looks:
        clock.advance(gap)
        countdown.poll()
    assert countdown.elapsed == pytest.approx(sum(looks))


def test_pausing_when_over_does_nothing(clock: ManualClock) -> None:
    countdown = Countdown(5, clock)
    countdown.start()
    clock.advance(6)
    countdown.pause()
    assert countdown.poll() is True


def test_rejects_nonsense() -> None:
    with pytest.raises(ValueError):
        Countdown(0)
    with pytest.raises(ValueError):
        ManualClock().advance(-1)


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(20, "0:20"), (19.01, "0:20"), (19.0, "0:19"), (0.2, "0:01"), (0, "0:00"), (183, "3:03")],
)
def test_format_rounds_up_so_zero_means_done(seconds: float, shown: str) -> None:
    assert format_mmss(seconds) == shown


@pytest.mark.parametrize(("seconds", "wait"), [(83.2, 0.2), (83.0, 1.0), (0.5, 0.5), (1.0, 1.0)])
def test_the_shown_second_changes_when_the_time_crosses_the_whole_second_below(
    seconds: float, wait: float
) -> None:
    assert until_next_second(seconds) == pytest.approx(wait)
    assert format_mmss(seconds - wait + 1e-6) == format_mmss(seconds)
    assert format_mmss(seconds - wait - 1e-6) != format_mmss(seconds)

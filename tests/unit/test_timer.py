"""The stage timer on a FakeClock: arithmetic, phases, events, drift, save and restore."""

from __future__ import annotations

import random

import pytest

from workshop.clock import FakeClock
from workshop.flows.timer import (
    PHASE_IDLE,
    PHASE_OVERTIME,
    PHASE_PAUSED,
    PHASE_RUNNING,
    PHASE_WARNING,
    StageTimer,
    format_mmss,
)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(start=100.0)


def test_counts_down_only_while_running(clock: FakeClock) -> None:
    timer = StageTimer(600, clock)
    clock.advance(30)
    assert timer.remaining() == 600 and timer.phase == PHASE_IDLE
    timer.start()
    clock.advance(100)
    assert timer.remaining() == 500 and timer.elapsed() == 100
    timer.pause()
    clock.advance(1000)
    assert timer.remaining() == 500 and timer.phase == PHASE_PAUSED
    timer.resume()
    clock.advance(50)
    assert timer.remaining() == 450 and timer.running


def test_toggle_starts_pauses_and_resumes(clock: FakeClock) -> None:
    timer = StageTimer(60, clock)
    timer.toggle()
    assert timer.running
    clock.advance(10)
    timer.toggle()
    clock.advance(10)
    assert not timer.running and timer.remaining() == 50
    timer.toggle()
    clock.advance(5)
    assert timer.remaining() == 45


def test_extend_both_ways_and_never_below_zero(clock: FakeClock) -> None:
    timer = StageTimer(300, clock)
    timer.start()
    clock.advance(100)
    timer.extend(60)
    assert timer.remaining() == 260
    timer.extend(-200)
    assert timer.remaining() == 60
    timer.extend(-10_000)
    assert timer.duration == 0
    assert timer.remaining() == -100 and timer.phase == PHASE_OVERTIME


def test_reset_returns_to_the_plan(clock: FakeClock) -> None:
    timer = StageTimer(300, clock)
    timer.start()
    timer.extend(120)
    clock.advance(400)
    assert timer.tick() == ["warning"]
    timer.reset()
    assert timer.phase == PHASE_IDLE and timer.remaining() == 300 and not timer.running
    timer.start()
    clock.advance(300)
    assert timer.tick() == ["warning", "time_up"]


def test_warning_is_the_shorter_of_20_percent_and_2_minutes(clock: FakeClock) -> None:
    long_stage = StageTimer(25 * 60, clock)  # 20% = 5 min, so 2 min wins
    short_stage = StageTimer(5 * 60, clock)  # 20% = 1 min wins
    long_stage.start()
    short_stage.start()
    clock.advance(5 * 60 - 61)
    assert short_stage.phase == PHASE_RUNNING
    clock.advance(1)
    assert short_stage.phase == PHASE_WARNING
    clock.advance(23 * 60 - (5 * 60 - 60) - 1)
    assert long_stage.phase == PHASE_RUNNING and long_stage.remaining() == 121
    clock.advance(1)
    assert long_stage.phase == PHASE_WARNING


def test_overtime_phase_even_when_paused_and_shown_as_plus(clock: FakeClock) -> None:
    timer = StageTimer(60, clock)
    timer.start()
    clock.advance(60)
    assert timer.phase == PHASE_WARNING  # exactly zero is not over yet
    clock.advance(83)
    timer.pause()
    assert timer.phase == PHASE_OVERTIME
    assert timer.display() == "+01:23"


def test_events_fire_once_per_run_even_with_a_late_tick(clock: FakeClock) -> None:
    timer = StageTimer(600, clock)
    timer.start()
    assert timer.tick() == []
    clock.advance(490)
    assert timer.tick() == ["warning"]
    assert timer.tick() == []
    clock.advance(5000)  # the app froze: one very late tick
    assert timer.tick() == ["time_up"]
    for _ in range(100):
        clock.advance(1)
        assert timer.tick() == []


def test_a_tick_that_misses_both_thresholds_reports_both_once(clock: FakeClock) -> None:
    timer = StageTimer(600, clock)
    timer.start()
    clock.advance(700)
    assert timer.tick() == ["warning", "time_up"]
    assert timer.tick() == []


def test_extending_back_above_a_threshold_arms_it_again(clock: FakeClock) -> None:
    timer = StageTimer(600, clock)
    timer.start()
    clock.advance(601)
    assert timer.tick() == ["warning", "time_up"]
    timer.extend(60)  # 59 s left: time-up armed again, warning still spent
    assert timer.tick() == []
    clock.advance(60)
    assert timer.tick() == ["time_up"]
    timer.extend(300)  # well above the warning again
    assert timer.tick() == []
    clock.advance(200)
    assert timer.tick() == ["warning"]


def test_a_thousand_irregular_ticks_leave_no_drift(clock: FakeClock) -> None:
    rng = random.Random(7)
    timer = StageTimer(1500, clock)
    timer.start()
    events: list[str] = []
    waited = 0.0
    for _ in range(1000):
        step = rng.choice([0.0, 0.05, 0.3, 0.97, 1.0, 1.02, 2.5, 7.0])
        clock.advance(step)
        waited += step
        events += timer.tick()
    assert timer.elapsed() == pytest.approx(waited, abs=1e-9)
    assert timer.remaining() == pytest.approx(1500 - waited, abs=1e-9)
    assert waited > 1500  # the run crossed both thresholds, at irregular moments
    assert events == ["warning", "time_up"]


def test_running_timer_restored_after_restart_lost_the_time_in_between() -> None:
    before = FakeClock(start=50.0, wall_start=1_800_000_000.0)
    timer = StageTimer(20 * 60, before)
    timer.start()
    before.advance(300)
    saved = timer.to_dict()
    # The app restarts: a fresh monotonic origin, the wall clock 90 s later.
    after = FakeClock(start=7.0, wall_start=1_800_000_000.0 + 300 + 90)
    restored = StageTimer.from_dict(saved, after)
    assert restored.running
    assert restored.remaining() == pytest.approx(20 * 60 - 390)
    after.advance(10)
    assert restored.remaining() == pytest.approx(20 * 60 - 400)


def test_paused_timer_restored_later_lost_nothing() -> None:
    before = FakeClock()
    timer = StageTimer(600, before)
    timer.start()
    before.advance(200)
    timer.pause()
    timer.extend(60)
    saved = timer.to_dict()
    after = FakeClock(start=0.0, wall_start=before.wall() + 86_400)
    restored = StageTimer.from_dict(saved, after)
    assert not restored.running and restored.phase == PHASE_PAUSED
    assert restored.remaining() == 460
    restored.reset()
    assert restored.remaining() == 600  # the plan survived the round trip


def test_restored_timer_remembers_which_events_fired() -> None:
    clock = FakeClock()
    timer = StageTimer(300, clock)
    timer.start()
    clock.advance(250)
    assert timer.tick() == ["warning"]
    restored = StageTimer.from_dict(timer.to_dict(), clock)
    assert restored.tick() == []
    clock.advance(60)
    assert restored.tick() == ["time_up"]


def test_from_dict_rejects_garbage() -> None:
    with pytest.raises(ValueError):
        StageTimer.from_dict({"duration_s": "ten minutes"}, FakeClock())
    with pytest.raises(ValueError):
        StageTimer.from_dict({}, FakeClock())


@pytest.mark.parametrize(("seconds", "shown"), [
    (761, "12:41"), (760.2, "12:41"), (300, "05:00"), (0.4, "00:01"), (0, "00:00"),
    (-0.5, "+00:00"), (-83, "+01:23"), (3723, "1:02:03"), (-3723, "+1:02:03"),
])
def test_format_mmss(seconds: float, shown: str) -> None:
    assert format_mmss(seconds) == shown

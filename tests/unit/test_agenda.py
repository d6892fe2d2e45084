"""Agenda templates, moving minutes, and the schedule with its risk warning."""

from __future__ import annotations

import pytest

from workshop.flows.agenda import (
    ACTION_PLAN_MIN_MINUTES,
    TEMPLATES,
    compute_schedule,
    custom_template,
    ensure_stages,
    move_minutes,
    plan_stages,
    stage_times,
    template_for,
)
from workshop.model import STAGE_CURRENT, STAGE_DONE, Workshop

T0 = 1_800_000_000.0
MIN = 60.0


@pytest.mark.parametrize(("key", "total"), [("90min", 90), ("2h", 120), ("halfday", 240)])
def test_templates_add_up_and_end_with_protected_action_planning(key: str, total: int) -> None:
    template = TEMPLATES[key]
    assert template.total_minutes == total == sum(m for _, m in template.minutes)
    last_key, last_minutes = template.minutes[-1]
    assert last_key == "action_plan" and last_minutes >= ACTION_PLAN_MIN_MINUTES
    assert ("break" in dict(template.minutes)) == (key == "halfday")


@pytest.mark.parametrize("total", [45, 100, 150, 179, 180, 300, 480])
def test_custom_lengths_add_up(total: int) -> None:
    template = template_for(f"custom:{total}")
    assert sum(m for _, m in template.minutes) == total == template.total_minutes
    assert template.minutes[-1][0] == "action_plan"
    assert template.minutes[-1][1] >= ACTION_PLAN_MIN_MINUTES
    assert all(m >= 1 for _, m in template.minutes)


def test_custom_length_out_of_range_is_refused() -> None:
    with pytest.raises(ValueError, match="between"):
        custom_template(20)
    with pytest.raises(ValueError, match="unknown agenda"):
        template_for("all-day")


def test_plan_stages_with_custom_minutes() -> None:
    stages = plan_stages("90min", {"objectives": 25, "action_plan": 20})
    assert [(s.key, s.planned_minutes) for s in stages][2] == ("objectives", 25)
    assert stages[-1].planned_minutes == 20
    with pytest.raises(ValueError, match="at least 15"):
        plan_stages("2h", {"action_plan": 10})
    with pytest.raises(ValueError, match="no stage 'break'"):
        plan_stages("2h", {"break": 10})


def test_ensure_stages_fills_an_empty_agenda_once() -> None:
    ws = Workshop(agenda_template="something old")
    ensure_stages(ws)
    assert [s.planned_minutes for s in ws.stages] == [m for _, m in TEMPLATES["2h"].minutes]
    assert ws.stages[0].state == STAGE_CURRENT
    ws.stages[1].planned_minutes = 99
    ensure_stages(ws)
    assert ws.stages[1].planned_minutes == 99


def test_move_minutes_between_stages_keeps_the_total() -> None:
    ws = Workshop(agenda_template="2h")
    move_minutes(ws, "ask_why", "key_results", 5)
    assert ws.stage("ask_why").planned_minutes == 15
    assert ws.stage("key_results").planned_minutes == 30
    assert sum(s.planned_minutes for s in ws.stages) == 120
    move_minutes(ws, "action_plan", "review", 5)  # 20 -> 15 is allowed
    with pytest.raises(ValueError, match="action planning keeps at least 15 minutes"):
        move_minutes(ws, "action_plan", "review", 1)
    with pytest.raises(ValueError, match="only 5 minutes"):
        move_minutes(ws, "setup", "review", 6)
    with pytest.raises(ValueError):
        move_minutes(ws, "setup", "lunch", 1)
    with pytest.raises(ValueError):
        move_minutes(ws, "setup", "review", 0)


def _started(template: str = "2h") -> Workshop:
    ws = Workshop(agenda_template=template, started_at=T0)
    ensure_stages(ws)
    return ws


def _finish(ws: Workshop, key: str, minutes: float, next_key: str) -> None:
    ws.stage(key).actual_seconds = minutes * MIN
    ws.stage(key).state = STAGE_DONE
    ws.stage(next_key).state = STAGE_CURRENT
    ws.current_stage = next_key


def test_before_the_start_the_projection_is_the_plan() -> None:
    ws = Workshop(agenda_template="90min")
    schedule = compute_schedule(ws, T0)
    assert not schedule.started and schedule.risk is None and schedule.behind_minutes == 0
    assert schedule.planned_end == T0 + 90 * MIN == schedule.projected_end
    for row in schedule.rows:
        assert (row.projected_start, row.projected_end) == (row.planned_start, row.planned_end)
        assert row.actual_minutes is None


def test_finished_stages_shift_the_projection() -> None:
    ws = _started()
    _finish(ws, "setup", 8, "strategy")
    now = T0 + 10 * MIN  # two minutes into strategy
    schedule = compute_schedule(ws, now)
    assert schedule.behind_minutes == pytest.approx(3)
    strategy = schedule.row("strategy")
    assert strategy.projected_start == T0 + 8 * MIN
    assert strategy.projected_end == now + 13 * MIN
    assert strategy.actual_minutes == pytest.approx(2)
    assert schedule.row("setup").actual_minutes == pytest.approx(8)
    assert schedule.risk is None  # 2 hours plan 20 minutes for action planning: room for 3


def test_being_ahead_is_negative() -> None:
    ws = _started()
    _finish(ws, "setup", 2, "strategy")
    assert compute_schedule(ws, T0 + 2 * MIN).behind_minutes == pytest.approx(-3)


def test_stages_paged_past_without_the_clock_count_as_on_plan() -> None:
    """Before: paging on to key results right after Start banked the skipped stages'
    minutes ("45 min ahead") while the timer on screen ran into overtime."""
    ws = _started()
    for key, nxt in (("setup", "strategy"), ("strategy", "objectives"),
                     ("objectives", "key_results")):
        _finish(ws, key, 0, nxt)
    now = T0 + 1 * MIN
    schedule = compute_schedule(ws, now)
    assert schedule.behind_minutes == pytest.approx(0)  # on plan, nothing banked
    assert schedule.row("objectives").actual_minutes == 0  # shown as not timed


def test_a_current_stage_without_timer_counts_once_past_its_plan() -> None:
    ws = _started("90min")  # action planning has exactly 15 minutes: no slack
    assert compute_schedule(ws, T0 + 5 * MIN).risk is None
    late = compute_schedule(ws, T0 + 5 * MIN + 30)
    assert late.behind_minutes == pytest.approx(0.5)
    assert late.risk is not None
    assert late.risk.minutes_left_for_action_plan == pytest.approx(14.5)
    assert late.risk.minutes_short == pytest.approx(0.5)


def test_risk_names_a_stage_to_shorten_and_following_it_clears_the_risk() -> None:
    ws = _started()
    _finish(ws, "setup", 5, "strategy")
    _finish(ws, "strategy", 24, "objectives")  # nine minutes over, the buffer was five
    now = T0 + 29 * MIN
    risk = compute_schedule(ws, now).risk
    assert risk is not None
    assert risk.minutes_left_for_action_plan == pytest.approx(11)
    assert risk.minutes_short == pytest.approx(4)
    assert "11 min left" in risk.message
    (key, cut), = risk.cuts
    assert cut == 4 and key in ("objectives", "key_results", "ask_why", "review")
    assert f"by {cut} min" in risk.suggestion
    move_minutes(ws, key, "action_plan", cut)
    assert compute_schedule(ws, now).risk is None


def test_risk_spreads_a_big_cut_and_says_when_it_cannot_be_covered() -> None:
    ws = _started("90min")
    for done, nxt in (("setup", "strategy"), ("strategy", "objectives"),
                      ("objectives", "key_results"), ("key_results", "ask_why")):
        _finish(ws, done, 18, nxt)  # 72 minutes gone where 60 were planned
    risk = compute_schedule(ws, T0 + 72 * MIN).risk
    # Ask why and review still need 20 minutes: action planning would start at 92 of 90.
    assert risk is not None and risk.minutes_short == pytest.approx(17)
    assert "starts 2 min after the planned end" in risk.message
    # Each stage keeps 40% of its plan: the rest cannot be covered by cuts alone.
    assert dict(risk.cuts) == {"review": 6, "ask_why": 6}
    assert risk.suggestion.startswith("Shorten Review checklist by 6 min (10 -> 4)")
    assert "wrap up Ask why 6 min early" in risk.suggestion
    assert "finish 5 min later" in risk.suggestion


def test_no_risk_once_action_planning_has_begun() -> None:
    ws = _started("90min")
    for rec in ws.stages[:-1]:
        rec.actual_seconds = 20 * MIN
        rec.state = STAGE_DONE
    ws.stages[-1].state = STAGE_CURRENT
    ws.current_stage = "action_plan"
    schedule = compute_schedule(ws, T0 + 120 * MIN)
    assert schedule.risk is None and schedule.behind_minutes > 40


def test_stage_times_for_the_handout() -> None:
    ws = _started()
    ws.stage("objectives").actual_seconds = 31 * MIN
    times = {t.key: t for t in stage_times(ws)}
    assert times["objectives"].text == "planned 25, took 31"
    assert times["review"].text == "planned 10, skipped"

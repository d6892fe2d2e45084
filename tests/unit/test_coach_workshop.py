"""Checks on a whole session: focus, the action plan, strategy links, objectives."""

from __future__ import annotations

from datetime import date

from workshop.coach import check_objective, check_workshop
from workshop.demo import demo_workshop
from workshop.model import Action, KeyResult, Objective, Participant


def by_code(findings, code):
    return [f for f in findings if f.code == code]


def test_the_worked_example_is_clean_apart_from_its_five_krs() -> None:
    ws = demo_workshop()
    findings = check_workshop(ws)
    assert {f.code for f in findings} == {"focus.too_many_okrs", "focus.first_time"}


def test_output_krs_are_reported_against_their_id_with_a_question() -> None:
    ws = demo_workshop()
    kr = ws.objectives[0].key_results[0]
    kr.text = "Launch v3.0 of our platform"
    output = by_code(check_workshop(ws), "kr.output")
    assert [f.subject_id for f in output] == [kr.id]
    assert output[0].question == "Why do we want to launch v3.0 of our platform?"


def test_a_kept_output_is_a_reminder_not_a_warning() -> None:
    ws = demo_workshop()
    kr = ws.objectives[0].key_results[0]
    kr.text = "Launch v3.0 of our platform"
    kr.keep_reason = "The board made the launch date public"
    (output,) = by_code(check_workshop(ws), "kr.output")
    assert output.severity == "info" and "board made the launch" in output.message


def test_focus_limits() -> None:
    ws = demo_workshop()
    for o in ws.objectives:
        o.selected = True
        o.strategy_id = ws.context.strategies[0].id
    ws.objectives[0].key_results.append(KeyResult(text="Raise expansion revenue by 10%"))
    findings = check_workshop(ws)
    assert by_code(findings, "focus.too_many_objectives")
    (too_many,) = by_code(findings, "focus.too_many_krs")
    assert too_many.subject_id == ws.objectives[0].id
    ws.first_time = False
    assert not by_code(check_workshop(ws), "focus.first_time")


def test_a_small_focused_set_raises_no_focus_finding() -> None:
    ws = demo_workshop()
    ws.objectives = ws.objectives[:2]
    ws.objectives[0].key_results = ws.objectives[0].key_results[:2]
    assert not [f for f in check_workshop(ws) if f.code.startswith("focus.")]


def test_action_plan_problems() -> None:
    ws = demo_workshop()
    signups, churn, leads = ws.objectives[0].key_results
    signups.actions = []
    churn.actions = churn.actions[:1]
    leads.actions = leads.actions * 2  # six actions
    ttv = ws.objectives[1].key_results[0]
    nobody, undated, late, early = ttv.actions[0], ttv.actions[1], ttv.actions[2], \
        Action("Kick-off call", ws.participants[0].id, date(2026, 11, 1))
    ttv.actions.append(early)
    nobody.owner_id = ""
    undated.deadline = None
    late.deadline = date(2027, 5, 2)
    findings = check_workshop(ws)
    assert [f.subject_id for f in by_code(findings, "plan.kr_without_actions")] == [signups.id]
    assert [f.subject_id for f in by_code(findings, "plan.too_few_actions")] == [churn.id]
    assert [f.subject_id for f in by_code(findings, "plan.too_many_actions")] == [leads.id]
    assert [f.subject_id for f in by_code(findings, "plan.action_no_owner")] == [nobody.id]
    assert [f.subject_id for f in by_code(findings, "plan.action_no_deadline")] == [undated.id]
    assert [f.subject_id for f in by_code(findings, "plan.deadline_outside_period")] == \
        [late.id]
    assert [f.subject_id for f in by_code(findings, "plan.deadline_before_workshop")] == \
        [early.id]


def test_deadlines_that_passed_are_noticed_on_a_later_day() -> None:
    ws = demo_workshop()
    assert not by_code(check_workshop(ws, today=date(2027, 1, 2)), "plan.deadline_passed")
    passed = by_code(check_workshop(ws, today=date(2027, 2, 1)), "plan.deadline_passed")
    assert passed and all("not done" in f.message for f in passed)


def test_one_person_owning_most_actions_is_flagged() -> None:
    ws = demo_workshop()
    yuki = ws.participants[4]
    for _o, _kr, action in ws.all_actions():
        action.owner_id = yuki.id
    (overload,) = by_code(check_workshop(ws), "plan.owner_overloaded")
    assert overload.subject_id == yuki.id and "Yuki Tanaka" in overload.message


def test_objectives_without_a_strategy_float() -> None:
    ws = demo_workshop()
    ws.objectives[1].strategy_id = ""
    (unlinked,) = by_code(check_workshop(ws), "strategy.unlinked")
    assert unlinked.subject_id == ws.objectives[1].id


def test_objective_findings_carry_the_objectives_id() -> None:
    ws = demo_workshop()
    bau = Objective(text="Keep the lights on", strategy_id=ws.context.strategies[0].id,
                    selected=True)
    ws.objectives.append(bau)
    ws.participants.append(Participant("Extra"))
    found = by_code(check_workshop(ws), "objective.business_as_usual")
    assert [f.subject_id for f in found] == [bau.id]


def test_objective_checks() -> None:
    def codes(text: str) -> set[str]:
        return {f.code for f in check_objective(text)}

    assert "objective.business_as_usual" in codes("Continue improving product quality")
    assert "objective.business_as_usual" in codes("maintian the website")
    assert "objective.business_as_usual" not in codes(
        "Make onboarding effortless for new enterprise customers")
    deliverable = check_objective("Launch the new portal")
    assert deliverable[0].code == "objective.deliverable"
    assert deliverable[0].question == "Why do we want to launch the new portal?"
    assert "objective.has_metric" in codes("Grow revenue by 20%")
    assert "objective.has_metric" not in codes("Win the Nordic market in Q1 2027")
    assert "objective.vague" in codes("Become a leader in enterprise AI")
    assert "objective.vague" not in codes("Accelerate enterprise AI adoption")
    assert "objective.too_long" in codes(
        "Make our platform the most reliable and easy to use tool that enterprise "
        "customers in every region rely on for their daily work")
    assert codes("Help every new hire feel productive in their first month") == set()


def test_no_finding_about_an_empty_row():
    """Before: an empty key result was an output without a target and without actions,
    an empty objective '"" is not linked to a strategy', an empty task had no owner."""
    from workshop.coach import check_workshop
    from workshop.demo import demo_workshop
    from workshop.model import Action, KeyResult, Objective

    ws = demo_workshop()
    empty_kr = KeyResult()
    ws.objectives[0].key_results.append(empty_kr)
    ws.objectives[0].key_results[0].actions.append(Action())
    empty_objective = Objective(selected=True)
    ws.objectives.append(empty_objective)
    found = check_workshop(ws)
    assert [f for f in found if f.subject_id in (empty_kr.id, empty_objective.id)] == []
    assert not any('""' in f.message or "Why do we want ?" in f.message for f in found)
    assert not any(f.code.startswith("plan.action_no") and f.subject_id ==
                   ws.objectives[0].key_results[0].actions[-1].id for f in found)

"""The named edits, on plain model objects: no Qt, no controller, no database."""

from __future__ import annotations

from datetime import date

import pytest

from workshop import edits
from workshop.model import (
    ORIGIN_FROM_OUTPUT,
    Action,
    ChecklistAnswer,
    KeyResult,
    Objective,
    Participant,
    Strategy,
    StrategyContext,
    WhyStep,
    Workshop,
)

OPERATIONS = [
    edits.add_participant, edits.remove_participant, edits.add_strategy,
    edits.remove_strategy, edits.add_objective, edits.remove_objective,
    edits.sort_objectives_by_votes, edits.add_key_result, edits.remove_key_result,
    edits.rewrite_key_result, edits.keep_key_result, edits.add_action, edits.remove_action,
    edits.answer_checklist_question, edits.comment_checklist_question,
    edits.suggest_cadence_dates,
]


def _workshop() -> Workshop:
    maria, lars = Participant("Maria"), Participant("Lars")
    grow = Strategy("Grow in the Nordics")
    launch = KeyResult("Launch v3.0 of our platform",
                       actions=[Action("Fix the installer", owner_id=maria.id)])
    kept = Objective("Accelerate enterprise adoption", strategy_id=grow.id, selected=True,
                     votes=2, key_results=[launch])
    dropped = Objective("Tidy the wiki", strategy_id=grow.id, votes=5, key_results=[
        KeyResult("Rewrite 20 pages", actions=[Action("Pick the pages", owner_id=maria.id)])])
    return Workshop(title="Q1", participants=[maria, lars],
                    context=StrategyContext(strategies=[grow]),
                    objectives=[kept, dropped])


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda o: o.__name__)
def test_every_operation_has_a_label_for_the_edit_menu(operation) -> None:
    assert operation.label and operation.label[0].isupper()


def test_adding_returns_the_new_id_and_appends() -> None:
    ws = _workshop()
    participant_id = edits.add_participant(ws)
    assert ws.participants[-1].id == participant_id and ws.participants[-1].name == ""
    strategy_id = edits.add_strategy(ws)
    assert ws.context.strategies[-1].id == strategy_id
    objective_id = edits.add_objective(ws)
    assert ws.objectives[-1].id == objective_id and ws.objectives[-1].text == ""
    kr_id = edits.add_key_result(ws, objective_id)
    assert ws.objectives[-1].key_results[0].id == kr_id
    action_id = edits.add_action(ws, kr_id)
    assert ws.objectives[-1].key_results[0].actions[0].id == action_id


def test_adding_under_something_gone_changes_nothing() -> None:
    ws = _workshop()
    before = repr(ws)
    assert edits.add_key_result(ws, "no-such-objective") == ""
    assert edits.add_action(ws, "no-such-kr") == ""
    assert repr(ws) == before


def test_removing_a_participant_frees_their_actions_even_under_a_dropped_objective() -> None:
    ws = _workshop()
    maria = ws.participants[0]
    edits.remove_participant(ws, maria.id)
    assert [p.name for p in ws.participants] == ["Lars"]
    actions = [a for o in ws.objectives for kr in o.key_results for a in kr.actions]
    assert [a.text for a in actions] == ["Fix the installer", "Pick the pages"]
    assert all(a.owner_id == "" for a in actions)


def test_removing_a_strategy_unlinks_its_objectives() -> None:
    ws = _workshop()
    edits.remove_strategy(ws, ws.context.strategies[0].id)
    assert ws.context.strategies == []
    assert [o.strategy_id for o in ws.objectives] == ["", ""]
    assert len(ws.objectives) == 2


def test_removing_objectives_key_results_and_actions() -> None:
    ws = _workshop()
    kept, dropped = ws.objectives
    edits.remove_action(ws, dropped.key_results[0].actions[0].id)
    assert dropped.key_results[0].actions == []
    edits.remove_key_result(ws, kept.key_results[0].id)
    assert kept.key_results == []
    edits.remove_objective(ws, dropped.id)
    assert ws.objectives == [kept]


def test_sorting_by_votes_puts_the_most_voted_first_and_keeps_ties_in_order() -> None:
    ws = Workshop(objectives=[Objective("a", votes=1), Objective("b", votes=3),
                              Objective("c", votes=1), Objective("d", votes=3)])
    edits.sort_objectives_by_votes(ws)
    assert [o.text for o in ws.objectives] == ["b", "d", "a", "c"]


def test_rewriting_on_the_ladder_keeps_the_output_as_the_first_action() -> None:
    ws = _workshop()
    kr = ws.objectives[0].key_results[0]
    steps = [WhyStep("Why do we want to launch v3.0 of our platform?",
                     "To increase enterprise adoption.")]
    action_id = edits.rewrite_key_result(
        ws, kr.id, text="Increase enterprise sign-ups by 25%", baseline="120",
        target="150", direction="increase", why_steps=steps)
    assert kr.text == "Increase enterprise sign-ups by 25%"
    assert kr.rewritten_from == "Launch v3.0 of our platform"
    assert kr.actions[0].id == action_id and kr.actions[0].origin == ORIGIN_FROM_OUTPUT
    assert kr.why_steps == steps and kr.why_steps[0] is not steps[0]


def test_a_rewrite_without_text_and_keeping_without_reason_are_refused() -> None:
    ws = _workshop()
    kr = ws.objectives[0].key_results[0]
    with pytest.raises(ValueError):
        edits.rewrite_key_result(ws, kr.id, text="  ")
    with pytest.raises(ValueError):
        edits.keep_key_result(ws, kr.id, " ")
    assert kr.text == "Launch v3.0 of our platform" and not kr.keep_reason
    edits.keep_key_result(ws, kr.id, "The launch is the contract's milestone")
    assert kr.keep_reason == "The launch is the contract's milestone"


def test_checklist_entries_are_created_in_question_order() -> None:
    ws = Workshop(checklist=[ChecklistAnswer(question=4, answer=True)])
    edits.answer_checklist_question(ws, 2, False)
    edits.comment_checklist_question(ws, 6, "Ask the team on Monday")
    edits.answer_checklist_question(ws, 4, None)
    assert [(e.question, e.answer, e.comment) for e in ws.checklist] == [
        (2, False, ""), (4, None, ""), (6, None, "Ask the team on Monday")]


def test_suggested_dates_follow_the_period() -> None:
    # The middle of Q1 2027 is Sunday 14 February: the review goes to the check-in day
    # nearest to it (before: it fell on that Sunday).
    assert edits.suggested_mid_review(date(2027, 1, 1), date(2027, 3, 31)) == date(2027, 2, 15)
    assert edits.suggested_mid_review(date(2027, 1, 1), date(2027, 3, 31), 3) == \
        date(2027, 2, 11)  # Thursdays
    assert edits.suggested_mid_review(date(2027, 1, 1), date(2027, 3, 31), 6).weekday() < 5
    assert edits.suggested_retro(date(2027, 10, 31)) == date(2027, 10, 29)  # not a Sunday
    assert edits.suggested_mid_review(None, date(2027, 3, 31)) is None
    assert edits.suggested_mid_review(date(2027, 3, 31), date(2027, 1, 1)) is None
    ws = Workshop(period_start=date(2027, 1, 1), period_end=date(2027, 3, 31))
    assert edits.suggest_cadence_dates(ws) is True
    assert (ws.cadence.mid_review, ws.cadence.retro_date) == (date(2027, 2, 15),
                                                              date(2027, 3, 31))


def test_no_dates_are_suggested_without_a_period() -> None:
    ws = Workshop()
    ws.cadence.retro_date = date(2027, 6, 30)
    assert edits.suggest_cadence_dates(ws) is False
    assert ws.cadence.mid_review is None and ws.cadence.retro_date == date(2027, 6, 30)


def test_fill_stated_numbers_sets_only_what_it_is_given():
    ws = Workshop(objectives=[Objective(key_results=[KeyResult(text="x", metric="NPS",
                                                               unit="points")])])
    kr = ws.objectives[0].key_results[0]
    edits.fill_stated_numbers(ws, kr.id, {"baseline": "31", "target": "45"})
    assert (kr.metric, kr.baseline, kr.target, kr.unit) == ("NPS", "31", "45", "points")
    edits.fill_stated_numbers(ws, "gone", {"target": "1"})  # a late key: nothing happens

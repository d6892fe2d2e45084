from __future__ import annotations

import json
from datetime import date

import pytest

from workshop.demo import demo_workshop, large_workshop
from workshop.model import (
    KeyResult,
    ModelError,
    Objective,
    copy_for_next_period,
    kr_range,
    next_period_dates,
    next_period_label,
    objective_statement,
    validate,
    workshop_from_dict,
    workshop_to_dict,
)


def test_demo_round_trips_through_json_exactly():
    ws = demo_workshop()
    text = json.dumps(workshop_to_dict(ws))
    assert workshop_from_dict(json.loads(text)) == ws


def test_statement_reads_as_one_sentence():
    ws = demo_workshop()
    statement = objective_statement(ws.objectives[0])
    assert statement.startswith("We will accelerate enterprise AI adoption, as measured by: ")
    assert "reduce churn in the enterprise segment to below 5%" in statement
    assert statement.endswith("through events.")


@pytest.mark.parametrize("text, expected", [
    # A theme before the objective stays in front: "We will reliability: ..." is no sentence.
    ("Reliability: keep our services up",
     "Reliability: we will keep our services up, as measured by: cut outages to one a month."),
    ("Customer support: Answer every ticket within a day",
     "Customer support: we will answer every ticket within a day, as measured by: cut "
     "outages to one a month."),
    ("Keep our services up",
     "We will keep our services up, as measured by: cut outages to one a month."),
    # A colon later in the text is no theme.
    ("Grow revenue in three markets: Norway, Sweden and Denmark",
     "We will grow revenue in three markets: Norway, Sweden and Denmark, as measured by: cut "
     "outages to one a month."),
])
def test_statement_keeps_a_theme_in_front(text, expected):
    objective = Objective(text, key_results=[KeyResult("Cut outages to one a month")])
    assert objective_statement(objective) == expected


def test_kr_range_shows_baseline_and_target_with_unit():
    kr = demo_workshop().objectives[0].key_results[1]
    assert kr_range(kr) == "8% -> 5%"


@pytest.mark.parametrize("label, expected", [
    ("Q1 2027", "Q2 2027"), ("Q4 2027", "Q1 2028"), ("H2 2027", "H1 2028"),
    ("FY 2027", "FY 2028"), ("Spring", "Spring"),
])
def test_next_period_label(label, expected):
    assert next_period_label(label) == expected


def test_next_period_dates_follow_whole_quarters():
    assert next_period_dates(date(2027, 10, 1), date(2027, 12, 31)) == (
        date(2028, 1, 1), date(2028, 3, 31))


def test_copy_for_next_period_keeps_okrs_and_resets_the_plan():
    ws = demo_workshop()
    ws.objectives[0].key_results[0].score = 0.7
    copy = copy_for_next_period(ws)
    assert copy.title == "Q2 2027 OKRs: Enterprise growth"
    assert copy.period_label == "Q2 2027"
    assert [o.text for o in copy.objectives] == [o.text for o in ws.objectives]
    assert all(not kr.actions and kr.score is None for o in copy.objectives
               for kr in o.key_results)
    assert all(o.votes == 0 for o in copy.objectives)
    assert copy.checklist == [] and copy.stages == []
    assert copy.id != ws.id
    validate(copy)  # strategy links were remapped to the new ids
    assert copy.objectives[0].strategy_id == copy.context.strategies[0].id


@pytest.mark.parametrize("mutate, message", [
    (lambda d: d.update(format="something else"), "not an OKR Workshop export"),
    (lambda d: d.update(schema_version=99), "newer version"),
    (lambda d: d["workshop"].update(title=5), "workshop.title: expected text"),
    (lambda d: d["workshop"].update(workshop_date="tomorrow"), "is not a date"),
    (lambda d: d["workshop"].update(title="x" * 50_000), "text too long"),
    (lambda d: d["workshop"]["objectives"][0].update(votes="many"), "whole number"),
    (lambda d: d["workshop"].update(participants=[{}] * 5000), "too many items"),
])
def test_hostile_or_malformed_data_is_rejected_with_the_path(mutate, message):
    data = workshop_to_dict(demo_workshop())
    mutate(data)
    with pytest.raises(ModelError, match=message):
        workshop_from_dict(data)


def test_validate_catches_dangling_owner():
    ws = large_workshop()
    ws.objectives[0].key_results[0].actions[0].owner_id = "nobody"
    with pytest.raises(ModelError, match="unknown owner"):
        validate(ws)


def test_every_item_text_is_found_by_its_id():
    ws = demo_workshop()
    texts = ws.texts_by_id()
    objective = ws.objectives[0]
    kr = objective.key_results[0]
    assert texts[objective.id] == objective.text.strip()
    assert texts[kr.id] == kr.text.strip()
    for _, _, action in ws.all_actions():
        assert texts[action.id] == action.text.strip()
    for strategy in ws.context.strategies:
        assert texts[strategy.id] == strategy.text.strip()

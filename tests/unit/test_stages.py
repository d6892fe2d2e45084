"""Stage texts and exit checks."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from workshop.flows.stages import STAGE_KEYS, STAGES, exit_advice, exit_findings, stage_by_key


@dataclass
class FakeFinding:
    code: str
    message: str = ""


def test_the_stages_in_order() -> None:
    assert STAGE_KEYS == ("setup", "strategy", "objectives", "key_results", "ask_why",
                          "review", "break", "action_plan")


@pytest.mark.parametrize("stage", STAGES, ids=lambda s: s.key)
def test_every_stage_has_what_the_screens_show(stage) -> None:
    assert stage.title and stage.goal
    assert stage.audience_question.endswith(("?", "!"))
    assert 2 <= len(stage.prompts) <= 4
    assert all(p.strip() for p in stage.prompts)
    assert stage.tips


def test_guardrails_appear_as_tips() -> None:
    tips = " ".join(t for s in STAGES for t in s.tips).lower()
    assert "pay" in tips and "bonus" in tips  # OKRs are not tied to money
    assert "weekly" in tips  # review progress often
    assert "15 minutes" in tips  # the protected action planning


def test_stage_by_key_and_unknown_key() -> None:
    assert stage_by_key("ask_why").title == "Ask why"
    with pytest.raises(KeyError):
        stage_by_key("lunch")


def test_leaving_key_results_surfaces_outputs_but_not_plan_findings() -> None:
    findings = [FakeFinding("kr.output"), FakeFinding("plan.action_no_owner"),
                FakeFinding("kr.no_target"), FakeFinding("objective.vague")]
    kept = exit_findings("key_results", findings)
    assert [f.code for f in kept] == ["kr.output", "kr.no_target"]
    assert "Ask why" in exit_advice("key_results", findings)


def test_prefixes_match_whole_parts_only() -> None:
    # "kr.own_output_count" must not count as "kr.output" on the ask-why exit...
    ask = stage_by_key("ask_why")
    assert "kr.output" in ask.exit_codes
    assert [f.code for f in exit_findings("action_plan", [FakeFinding("planning.x")])] == []
    # ...while a broad prefix takes every code below it.
    review = exit_findings("review", [FakeFinding("kr.vanity"), FakeFinding("focus.first_time"),
                                      FakeFinding("plan.too_many_actions")])
    assert [f.code for f in review] == ["kr.vanity", "focus.first_time"]


def test_nothing_to_say_when_leaving_setup_or_with_no_findings() -> None:
    assert exit_findings("setup", [FakeFinding("kr.output")]) == []
    assert exit_advice("action_plan", []) == ""
    assert "1 output is not rewritten" in exit_advice("ask_why", [FakeFinding("kr.milestone")])

"""Checks on a whole workshop: focus limits, the action plan and strategy links, plus
every key result and objective finding, each tagged with the id it is about."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from workshop.coach.findings import INFO, WARN, Finding
from workshop.coach.key_results import assess_kr
from workshop.coach.objectives import check_objective

if TYPE_CHECKING:
    from workshop.model import Workshop

MAX_OBJECTIVES = 3
MAX_KRS_PER_OBJECTIVE = 3
MAX_OKRS_TOTAL = 4  # 5 or more key results in total: the set has lost focus
FIRST_TIME_OBJECTIVES = 2
FIRST_TIME_KRS = 2
MIN_ACTIONS = 3
MAX_ACTIONS = 5
OVERLOAD_SHARE = 0.4  # one owner with more than this share of all actions
OVERLOAD_MIN_ACTIONS = 5  # ... once there are at least this many actions


def _short(text: str, limit: int = 50) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def check_focus(workshop: Workshop) -> list[Finding]:
    """Too many objectives, too many KRs on one objective, too many in total."""
    objectives = workshop.selected_objectives()
    findings: list[Finding] = []
    if len(objectives) > MAX_OBJECTIVES:
        findings.append(Finding(
            "focus.too_many_objectives", WARN,
            f"{len(objectives)} objectives: with more than {MAX_OBJECTIVES} the team's "
            "attention splits. Start less, finish more: which ones can wait a period?"))
    for o in objectives:
        if len(o.key_results) > MAX_KRS_PER_OBJECTIVE:
            findings.append(Finding(
                "focus.too_many_krs", WARN,
                f'"{_short(o.text)}" has {len(o.key_results)} key results; keep at most '
                f"{MAX_KRS_PER_OBJECTIVE}, the ones that best show the objective is met.",
                subject_id=o.id))
    total = sum(len(o.key_results) for o in objectives)
    if total > MAX_OKRS_TOTAL:
        findings.append(Finding(
            "focus.too_many_okrs", WARN,
            f"{total} key results in total: at 5 or more the set has lost focus. Fewer "
            "key results, followed every week, move more than many followed never."))
    if workshop.first_time and (len(objectives) > FIRST_TIME_OBJECTIVES or any(
            len(o.key_results) > FIRST_TIME_KRS for o in objectives)):
        findings.append(Finding(
            "focus.first_time", INFO,
            "This team is new to OKRs: start with 2 objectives and at most 2 key results "
            "each (2x2). Learning the rhythm matters more than covering everything."))
    return findings


def check_plan(workshop: Workshop, today: date | None = None) -> list[Finding]:
    """Actions per KR, owners, deadlines inside the period, one person owning too much."""
    findings: list[Finding] = []
    start, end = workshop.period_start, workshop.period_end
    earliest = workshop.workshop_date
    owners: Counter[str] = Counter()
    total_actions = 0
    for _objective, kr in workshop.all_key_results():
        n = len(kr.actions)
        label = _short(kr.text)
        if not label:
            continue  # a row still being typed: nothing to say about it yet
        if n == 0:
            findings.append(Finding(
                "plan.kr_without_actions", WARN,
                f'"{label}" has no action yet: who does what first, and by when?',
                subject_id=kr.id))
        elif n < MIN_ACTIONS:
            findings.append(Finding(
                "plan.too_few_actions", INFO,
                f'"{label}" has {n} action{"s" if n > 1 else ""}; plan {MIN_ACTIONS} to '
                f"{MAX_ACTIONS} first tasks so the work starts on Monday.",
                subject_id=kr.id))
        elif n > MAX_ACTIONS:
            findings.append(Finding(
                "plan.too_many_actions", INFO,
                f'"{label}" has {n} actions; plan only the first {MAX_ACTIONS} at most. '
                "The next steps appear as the work goes.",
                subject_id=kr.id))
        for a in kr.actions:
            total_actions += 1
            what = _short(a.text)
            if not what:
                continue  # an empty task row: the facilitator is about to type it
            if not a.owner_id or workshop.participant(a.owner_id) is None:
                findings.append(Finding(
                    "plan.action_no_owner", WARN,
                    f'"{what}" has no owner. Each action needs exactly one person who '
                    "answers for it.", subject_id=a.id))
            else:
                owners[a.owner_id] += 1
            if a.deadline is None:
                findings.append(Finding(
                    "plan.action_no_deadline", WARN,
                    f'"{what}" has no deadline. Pick a date inside the period.',
                    subject_id=a.id))
                continue
            if earliest is not None and a.deadline < earliest:
                findings.append(Finding(
                    "plan.deadline_before_workshop", WARN,
                    f'"{what}" is due {a.deadline.isoformat()}, before the workshop '
                    f"({earliest.isoformat()}).", subject_id=a.id))
            elif (start is not None and a.deadline < start) or (
                    end is not None and a.deadline > end):
                period = workshop.period_label or "the period"
                findings.append(Finding(
                    "plan.deadline_outside_period", WARN,
                    f'"{what}" is due {a.deadline.isoformat()}, outside {period}. Actions '
                    "serve this period's key results.", subject_id=a.id))
            if today is not None and not a.done and a.deadline < today and (
                    earliest is None or a.deadline >= earliest):
                findings.append(Finding(
                    "plan.deadline_passed", INFO,
                    f'"{what}" was due {a.deadline.isoformat()} and is not done yet.',
                    subject_id=a.id))
    if total_actions >= OVERLOAD_MIN_ACTIONS and owners:
        owner_id, count = owners.most_common(1)[0]
        if count / total_actions > OVERLOAD_SHARE:
            name = workshop.participant_name(owner_id) or "One person"
            findings.append(Finding(
                "plan.owner_overloaded", WARN,
                f"{name} owns {count} of {total_actions} actions. Spread the work, or the "
                "plan stalls the week that person is busy.", subject_id=owner_id))
    return findings


def check_strategy_links(workshop: Workshop) -> list[Finding]:
    """Objectives that serve no stated strategy float."""
    findings: list[Finding] = []
    has_strategies = bool(workshop.context.strategies)
    for o in workshop.selected_objectives():
        if not o.text.strip() or (o.strategy_id and workshop.strategy(o.strategy_id)
                                  is not None):
            continue  # linked, or an empty row nobody has written yet
        hint = ("Which of the strategies does it serve?" if has_strategies else
                "No strategy is stated yet: write down the strategy it serves first.")
        findings.append(Finding(
            "strategy.unlinked", WARN,
            f'"{_short(o.text)}" is not linked to a strategy. {hint}', subject_id=o.id))
    return findings


def check_workshop(workshop: Workshop, today: date | None = None) -> list[Finding]:
    """Every finding for the session: KRs of the selected objectives, objectives, focus,
    plan and strategy links. Each finding carries the id of what it is about."""
    findings: list[Finding] = []
    for o in workshop.selected_objectives():
        if o.text.strip():
            findings.extend(check_objective(o.text, o))
        for kr in o.key_results:
            if not kr.text.strip():
                continue  # an empty row is not a key result yet: no finding about it
            for f in assess_kr(kr.text, kr).findings:
                if f.code == "kr.output" and kr.keep_reason.strip():
                    # The room decided to keep it and said why: remind, don't nag.
                    f = replace(f, severity=INFO, message=f.message +
                                f' The room kept it: "{_short(kr.keep_reason, 80)}".')
                findings.append(replace(f, subject_id=kr.id))
    findings.extend(check_focus(workshop))
    findings.extend(check_plan(workshop, today))
    findings.extend(check_strategy_links(workshop))
    return findings

"""The coach: explainable, offline checks for key results, objectives, focus and plans.

Pure Python, no Qt, no network. Every check returns Findings: advice with a code, a
severity, a plain-words message and, for output key results, the first "why" question.
"""

from __future__ import annotations

from workshop.coach import findings as _findings
from workshop.coach.checks import check_focus, check_plan, check_strategy_links, check_workshop
from workshop.coach.command import coach_command
from workshop.coach.key_results import assess_kr, is_output, why_question
from workshop.coach.objectives import check_objective

# The vocabulary of findings, offered here so callers need only `workshop.coach`.
FAMILIES, INFO, WARN = _findings.FAMILIES, _findings.INFO, _findings.WARN
OUTCOME, OUTPUT = _findings.OUTCOME, _findings.OUTPUT
Finding, KRAssessment = _findings.Finding, _findings.KRAssessment

__all__ = [
    "FAMILIES", "INFO", "OUTCOME", "OUTPUT", "WARN", "Finding", "KRAssessment",
    "assess_kr", "check_focus", "check_objective", "check_plan", "check_strategy_links",
    "check_workshop", "coach_command", "is_output", "why_question",
]

"""The coach: explainable, offline checks for key results, objectives, focus and plans.

Pure Python, no Qt, no network. Every check returns Findings: advice with a code, a
severity, a plain-words message and, for output key results, the first "why" question.
"""

from __future__ import annotations

from workshop.coach.findings import (
    FAMILIES,
    INFO,
    OUTCOME,
    OUTPUT,
    WARN,
    Finding,
    KRAssessment,
)
from workshop.coach.key_results import assess_kr, is_output, why_question

__all__ = [
    "FAMILIES", "INFO", "OUTCOME", "OUTPUT", "WARN", "Finding", "KRAssessment",
    "assess_kr", "is_output", "why_question",
]

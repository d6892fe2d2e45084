"""Fixed texts of the method that several parts of the app print: the review checklist
and the retro questions (DOMAIN.md). Kept in one place so the screen, the projector and
the handout always ask the same thing."""

from __future__ import annotations

CHECKLIST_QUESTIONS: tuple[str, ...] = (
    "Does each objective say what we want to achieve and why it matters?",
    "Are the key results outcomes rather than actions?",
    "Are they specific, measurable, ambitious, realistic and time-bound?",
    "Are there only a few of them (fewer than five in total)?",
    "Did we write them together with the people who will do the work?",
    "Would achieving them really move the needle?",
)
"""Question n (1-based) is CHECKLIST_QUESTIONS[n - 1]; ChecklistAnswer.question holds n."""

CHECKLIST_MAX_NO = 1
"""More "no" answers than this mean there is work to do before the group leaves."""

RETRO_QUESTIONS: tuple[tuple[str, str], ...] = (
    ("focus_helped", "Which OKRs helped us focus?"),
    ("noise", "Which ones were noise?"),
    ("output_trap", "Where did we fall into the output trap?"),
    ("more_voices", "How do we involve more voices next time?"),
)
"""(Retro field name, question) pairs."""

GOOD_SCORE = 0.7
"""A retro score of 0.7 is a good result for a stretch target."""


def score_band(score: float | None) -> str:
    """"green" from 0.7, "yellow" from 0.4, "red" below, "" when not scored."""
    if score is None:
        return ""
    if score >= GOOD_SCORE:
        return "green"
    if score >= 0.4:
        return "yellow"
    return "red"

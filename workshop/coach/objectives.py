"""Checks on an objective's wording: business as usual, a deliverable, a metric inside,
vague evergreen wording, too long to remember."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from workshop.coach import lexicon as lx
from workshop.coach.findings import INFO, WARN, Finding
from workshop.coach.key_results import lemma, normalise

if TYPE_CHECKING:
    from workshop.model import Objective

# Business as usual: carrying on what already happens. Typos of the two commonest verbs
# are spelled out because facilitators type fast in front of a room.
_BAU_RE = re.compile(
    r"^(?:(?:to|we will|we'll) )?(?:continu\w*|contin\w*|cont\w*ue|maintain\w*|maint[ai]\w*n|"
    r"mantain\w*|keep(?:ing)?|kept|carry(?:ing)? (?:on|over|forward)|carried (?:on|over|forward)|"
    r"sustain\w*|preserv\w*|uphold\w*|stay(?:ing)?|remain\w*|ongoing|routine|regular|"
    r"day-to-day|day to day|upkeep|business as usual|bau\b|still)\b"
    r"|\b(?:business as usual|as usual|as before|as we do today|keep the lights on|"
    r"status quo|ongoing (?:maintenance|support|operations?|work|compliance)|"
    r"routine (?:upkeep|maintenance|work)|(?:day-to-day|day to day) (?:running|operations?|"
    r"work)|unchanged|same as last (?:quarter|year)|"
    r"(?:on[ -]time|as planned) (?:every|each) (?:day|week|month|quarter|year))\b")
# "Keep patients safe from avoidable infections" names who benefits and a change to avoid;
# these words after keep/maintain turn it from routine into a real aim.
_KEEP_BUT_CHANGE_RE = re.compile(
    r"^(?:keep|maintain)\w* \w+ (?:safe|safer|healthy|healthier)\b")
_METRIC_IN_TEXT_RE = re.compile(
    r"\d\s*%|[$€£¥]\s*\d|\b\d[\d.,]*\s*(?:k|m|bn|x)\b|\bby \d|\bto \d|\b\d[\d,]{2,}\b|"
    r"\b(?:nps|csat|enps|arr|mrr)\b(?: \w+)? (?:of|to|above|below) \d|\b\d+ ?(?:points|pp)\b")
_PERIOD_RE = re.compile(r"\b(?:q[1-4]|h[12]|fy\s?\d+|(?:19|20)\d\d)\b")
_EVERGREEN = lx._words("""excellence excellent world-class world leader leading best
    innovation innovative innovate synergy synergies better great greatness awesome
    amazing success successful next level cutting-edge premier top number one #1
    optimise optimize optimal efficiency efficient things stuff improve improvement
    transform transformation value-add empower empowered strive strong stronger""")
_BENEFICIARIES = lx._words("""customer customers client clients user users patient
    patients student students pupils learners citizen citizens resident residents
    donor donors partner partners team teams employee employees staff engineers
    people families family member members buyer buyers retailer retailers shopper
    shoppers teacher teachers parent parents volunteer volunteers community
    contributors businesses companies developers readers hospital hospitals
    schools nurses doctors""")
_ABSTRACT_OBJECTS = lx._words("""team culture brand reputation community trust
    relationships relationship habit habits movement momentum""")
_DELIVERABLE_VERBS = lx._words("""launch ship release build implement migrate redesign
    deploy hire roll roll-out develop create rebuild rewrite replace install open
    introduce complete finish deliver publish upgrade automate digitise digitize
    modernise modernize move integrate set set-up establish select procure""")
MAX_OBJECTIVE_WORDS = 14


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def check_objective(text: str, objective: Objective | None = None) -> list[Finding]:
    """Findings about one objective's wording (advice only, never a block)."""
    if not text.strip() and objective is not None:
        text = objective.text
    subject = objective.id if objective is not None else ""
    norm = normalise(text)
    words = norm.split()
    tokens = [w.strip(",;:()\"'") for w in words]
    findings: list[Finding] = []
    if not tokens:
        return findings

    if _BAU_RE.search(norm) and not _KEEP_BUT_CHANGE_RE.search(norm):
        findings.append(Finding(
            "objective.business_as_usual", WARN,
            "This reads as business as usual: it carries on what already happens. An "
            "objective names a change the team wants to make this period and why it "
            "matters; keep routine work and health metrics outside the OKRs.",
            question="What would be different at the end of the period if we succeed?",
            subject_id=subject))

    verb = lemma(tokens[0])
    if verb in _DELIVERABLE_VERBS and not (set(tokens[1:5]) & _ABSTRACT_OBJECTS):
        shown = text.strip().rstrip(".")
        findings.append(Finding(
            "objective.deliverable", WARN,
            f'"{_short(shown)}" is a deliverable, not an aim: once it is done, nothing says '
            "who is better off. Put the deliverable under a key result as an action.",
            question=f"Why do we want to {verb} {' '.join(words[1:])}?".replace(" ?", "?"),
            subject_id=subject))

    without_periods = _PERIOD_RE.sub("", norm)
    if _METRIC_IN_TEXT_RE.search(without_periods):
        findings.append(Finding(
            "objective.has_metric", INFO,
            "The objective holds a number. Objectives are qualitative and inspiring; move "
            "the number into a key result that measures the objective.",
            subject_id=subject))

    token_set = set(tokens)
    has_beneficiary = bool(token_set & _BENEFICIARIES)
    evergreen = token_set & _EVERGREEN
    content_words = [t for t in tokens if t not in lx.PHRASE_STOPS and t not in
                     ("be", "become", "we", "our", "to", "all", "everything", "do")]
    if not has_beneficiary and (evergreen or len(content_words) <= 2):
        findings.append(Finding(
            "objective.vague", INFO,
            "The wording could fit any team in any year: it names nobody who benefits and "
            "nothing that changes. Say for whom, and what will be different.",
            question="Who will notice the difference, and what will they notice?",
            subject_id=subject))

    if len(words) > MAX_OBJECTIVE_WORDS:
        findings.append(Finding(
            "objective.too_long", INFO,
            f"{len(words)} words is hard to remember. A good objective fits on one line "
            f"(about {MAX_OBJECTIVE_WORDS} words or fewer); move detail into the key "
            "results or the why.",
            subject_id=subject))
    return findings

"""The coach's result types: a Finding (one piece of advice) and a KRAssessment."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

INFO = "info"
WARN = "warn"
SEVERITIES = (INFO, WARN)

OUTPUT = "output"
OUTCOME = "outcome"

FAMILY_CUSTOMER = "customer value"
FAMILY_FINANCIAL = "financial"
FAMILY_PROCESS = "process"
FAMILY_PEOPLE = "people"
FAMILIES = (FAMILY_CUSTOMER, FAMILY_FINANCIAL, FAMILY_PROCESS, FAMILY_PEOPLE)


@dataclass(frozen=True)
class Finding:
    """One piece of coaching advice. Advice only: it never blocks the facilitator.

    `question` is the first "why" question for an output KR; `families` are the outcome
    families (customer value, financial, process, people) to steer the rewrite toward.
    """

    code: str
    severity: str
    message: str
    question: str = ""
    subject_id: str = ""
    families: tuple[str, ...] = ()

    def to_json(self) -> dict[str, str]:
        """The four keys the command line prints for a finding."""
        return {"code": self.code, "severity": self.severity, "message": self.message,
                "question": self.question}


@dataclass(frozen=True)
class KRAssessment:
    """What the coach thinks of one key result.

    `confidence` (0.5 to 1) is how likely the verdict is right, calibrated on published
    OKRs; `unsure` is set when it is too low to state, and the findings then ask the room
    instead. `cues` are the words of the key result that drove the verdict. `read` is False
    when the text is in a language the coach does not read: `kind` is then only the model's
    lean, never shown (the views show "?"), and the verdict is unsure.
    """

    text: str
    kind: str  # OUTPUT or OUTCOME
    measurable: bool
    findings: tuple[Finding, ...] = ()
    confidence: float = 1.0
    unsure: bool = False
    cues: tuple[str, ...] = ()
    read: bool = True

    @property
    def is_output(self) -> bool:
        return self.kind == OUTPUT and self.read

    @property
    def shown_kind(self) -> str:
        """The verdict the views show: "output", "outcome", or "" when the coach could not
        read the words."""
        return self.kind if self.read else ""

    def finding(self, code: str) -> Finding | None:
        """The finding with this code, or None."""
        for f in self.findings:
            if f.code == code:
                return f
        return None

    def to_json(self) -> dict[str, Any]:
        """The JSON object `okr-workshop coach --json` prints for one line."""
        return {"text": self.text, "kind": self.shown_kind, "measurable": self.measurable,
                "confidence": self.confidence, "unsure": self.unsure,
                "cues": list(self.cues),
                "findings": [f.to_json() for f in self.findings]}

"""What `okr-workshop coach [--objectives] [--json]` does with the lines on stdin."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from workshop.coach.key_results import assess_kr
from workshop.coach.objectives import check_objective

_TEXT_WIDTH = 60


def _clip(text: str, width: int = _TEXT_WIDTH) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def coach_command(lines: Iterable[str], *, objectives: bool, as_json: bool,
                  out: TextIO) -> int:
    """Coach one key result (or objective) per line; blank lines are skipped.

    With `as_json`, print one JSON object per input line, in order (JSON Lines), each with
    the verdict's confidence; without, a table for people where an unsure verdict carries a
    question mark. Returns the exit status (0).
    """
    write = out.write
    if not as_json:
        header = ("OBJECTIVE" if objectives else "KIND     MEASURABLE  SURE  KEY RESULT")
        write(header + "\n")
    for raw in lines:
        text = raw.strip()
        if not text:
            continue
        if objectives:
            findings = check_objective(text)
            if as_json:
                write(json.dumps({"text": text,
                                  "findings": [f.to_json() for f in findings]},
                                 ensure_ascii=False) + "\n")
                continue
            write(_clip(text, 100) + "\n")
            for f in findings:
                write(f"    {f.severity:<5} {f.code}: {f.message}\n")
                if f.question:
                    write(f"          ask: {f.question}\n")
            if not findings:
                write("    ok\n")
            continue
        assessment = assess_kr(text)
        if as_json:
            write(json.dumps(assessment.to_json(), ensure_ascii=False) + "\n")
            continue
        measurable = "yes" if assessment.measurable else "no"
        # An unsure verdict is shown as a question, never as a plain label.
        kind = assessment.shown_kind + ("?" if assessment.unsure else "")
        write(f"{kind:<8} {measurable:<11} {assessment.confidence:<5.2f} "
              f"{_clip(assessment.text)}\n")
        for f in assessment.findings:
            write(f"    {f.severity:<5} {f.code}: {f.message}\n")
            if f.question:
                write(f"          ask: {f.question}\n")
    return 0

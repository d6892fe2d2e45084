"""The handout's why-chains never call an output an outcome."""

from __future__ import annotations

import io

from pypdf import PdfReader

from workshop.demo import demo_workshop
from workshop.export.formats import to_markdown
from workshop.export.pdf import build_pdf
from workshop.model import KeyResult, WhyStep


def with_a_half_climbed_ladder():
    ws = demo_workshop()
    objective = ws.selected_objectives()[0]
    kr = KeyResult(text="Launch the new onboarding wizard by March",
                   why_steps=[WhyStep("Why do we want to launch the wizard?",
                                      "So new teams get going without us")])
    objective.key_results.append(kr)
    return ws, kr


def test_an_output_on_the_ladder_but_not_rewritten_is_called_an_output():
    ws, kr = with_a_half_climbed_ladder()
    md = to_markdown(ws)
    line = next(x for x in md.splitlines() if "Launch the new onboarding wizard" in x
                and x.startswith("1. **"))
    assert line.startswith("1. **Still an output: not yet rewritten:**")
    buffer = io.BytesIO()
    build_pdf(ws, buffer)
    text = " ".join(" ".join((p.extract_text() or "").split())
                    for p in PdfReader(io.BytesIO(buffer.getvalue())).pages)
    assert "Still an output: not yet rewritten" in text
    assert "OUTCOME KEY RESULT Launch the new onboarding" not in text


def test_a_key_result_kept_on_purpose_says_why():
    ws, kr = with_a_half_climbed_ladder()
    kr.keep_reason = "the board asked for this date"
    assert "**Kept as it is (the board asked for this date):** Launch" in to_markdown(ws)

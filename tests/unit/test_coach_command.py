"""`okr-workshop coach`: one line in, one judgement out, in order."""

from __future__ import annotations

import io
import json

from workshop.coach import coach_command


def run(lines: list[str], **flags: bool) -> str:
    out = io.StringIO()
    assert coach_command(lines, out=out, **flags) == 0
    return out.getvalue()


def test_json_lines_have_exactly_the_documented_keys_in_input_order() -> None:
    text = run(["Launch v3.0 of our platform\n", "\n", "  ",
                "Reduce churn in the enterprise segment to below 5%\n"],
               objectives=False, as_json=True)
    records = [json.loads(line) for line in text.splitlines()]
    assert [r["text"] for r in records] == [
        "Launch v3.0 of our platform", "Reduce churn in the enterprise segment to below 5%"]
    first, second = records
    assert set(first) == {"text", "kind", "measurable", "confidence", "unsure", "cues",
                          "findings"}
    assert (first["kind"], second["kind"]) == ("output", "outcome")
    assert first["confidence"] >= 0.9 and second["confidence"] >= 0.9
    assert (first["unsure"], second["unsure"]) == (False, False)
    assert "launch" in first["cues"]
    assert (first["measurable"], second["measurable"]) == (False, True)
    output = first["findings"][0]
    assert set(output) == {"code", "severity", "message", "question"}
    assert output["code"] == "kr.output"
    assert output["question"] == "Why do we want to launch v3.0 of our platform?"


def test_objectives_json_marks_business_as_usual() -> None:
    text = run(["Continue improving product quality", "Accelerate enterprise AI adoption"],
               objectives=True, as_json=True)
    first, second = (json.loads(line) for line in text.splitlines())
    assert "objective.business_as_usual" in {f["code"] for f in first["findings"]}
    assert second["findings"] == []


def test_the_table_is_readable() -> None:
    text = run(["Host 5 webinars on enterprise AI", "Grow MRR to $1M"],
               objectives=False, as_json=False)
    lines = text.splitlines()
    assert lines[0].split()[:3] == ["KIND", "MEASURABLE", "SURE"]
    assert lines[1].startswith("output") and "Host 5 webinars" in lines[1]
    assert any("ask: Why do we want to host 5 webinars on enterprise AI?" in ln
               for ln in lines)
    assert any(ln.startswith("outcome") and "Grow MRR" in ln for ln in lines)


def test_non_ascii_text_survives_json() -> None:
    (line,) = run(["Øke kundetilfredshet fra 60 % til 75 %"], objectives=False,
                  as_json=True).splitlines()
    assert json.loads(line)["text"] == "Øke kundetilfredshet fra 60 % til 75 %"


def test_an_unsure_verdict_is_a_question_in_the_table_and_in_json() -> None:
    text = "Improve our internal on-page optimization"
    (line,) = run([text], objectives=False, as_json=True).splitlines()
    record = json.loads(line)
    assert record["unsure"] is True and 0.5 <= record["confidence"] < 0.8
    (finding,) = [f for f in record["findings"] if f["code"] == "kr.unsure"]
    assert finding["message"].startswith("Is this something we do, or a change we want "
                                         "to see?")
    table = run([text], objectives=False, as_json=False).splitlines()
    assert table[1].split()[0].endswith("?")


def test_a_line_in_another_language_is_asked_about_in_json() -> None:
    (line,) = run(["Aumentar a receita recorrente em 15%"], objectives=False,
                  as_json=True).splitlines()
    record = json.loads(line)
    assert record["unsure"] is True and record["confidence"] == 0.5
    assert record["kind"] == ""  # no lean: the coach cannot tell
    table = run(["Aumentar a receita recorrente em 15%"], objectives=False,
                as_json=False).splitlines()
    assert table[1].split()[0] == "?"
    assert any("English only" in f["message"] for f in record["findings"])

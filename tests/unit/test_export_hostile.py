"""Hostile text in every field: every format exports, and Markdown, CSV and JSON give
the text back exactly (CSV with its formula guard)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from datetime import date

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from pypdf import PdfReader

from workshop.export.formats import (
    actions_csv,
    escape_markdown,
    key_results_csv,
    neutralise_formula,
    to_ics,
    to_json,
    to_markdown,
    unescape_markdown,
)
from workshop.export.pdf import build_participant_pdf, build_pdf
from workshop.model import (
    Action,
    Cadence,
    ChecklistAnswer,
    KeyResult,
    Objective,
    Participant,
    Retro,
    Strategy,
    StrategyContext,
    WhyStep,
    Workshop,
    workshop_from_dict,
)

NASTY = [
    "<b>bold</b> & <i>x</i> </para> <font size=99>", "R&D; &amp; &#0; &lt;", '"quoted" \'single\'',
    "x" * 10_000, ("word " * 2_000).strip(),
    "مرحبا بكم في ورشة العمل", "שלום עולם", "Ελληνικά Русский текст",
    "😀👍🏽 👨‍👩‍👧 漢字かなカナ", "\x00\x01\x1b[31mred\x7f\x85", "line one\nline two\r\nthree\rfour",
    "=cmd|' /C calc'!A0", "+1+1", "-2-2", "@SUM(A1)", "# heading\n---\n| a | b |",
    "\\*not emphasis\\* `code` [link](http://x) ![img](y)", "<br>", "\u202eright-to-left\u202c",
    "   ", "", "\t", "\u2028\u2029", "\ufeffbom",
]

hostile_text = st.one_of(st.sampled_from(NASTY), st.text(max_size=40),
                         st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=12))


def build(texts: Iterator[str]) -> Workshop:
    """A workshop whose every text field takes the next string from `texts`."""
    t = lambda: next(texts)  # noqa: E731 - short on purpose: it is called 60 times
    people = [Participant(t(), t(), t()) for _ in range(2)]
    strategy = Strategy(t(), t())
    krs = [KeyResult(text=t(), metric=t(), baseline=t(), target=t(), unit=t(),
                     why_steps=[WhyStep(t(), t())], rewritten_from=t(), keep_reason=t(),
                     retro_note=t(), score=0.5,
                     actions=[Action(t(), people[0].id, date(2027, 2, 1), "from_output"),
                              Action(t(), people[1].id, date(2027, 3, 1))])
           for _ in range(2)]
    return Workshop(
        title=t(), client=t(), team=t(), facilitator=t(), period_label=t(),
        workshop_date=date(2026, 12, 10), period_start=date(2027, 1, 1),
        period_end=date(2027, 3, 31), participants=people,
        context=StrategyContext(t(), t(), [t(), t()], [strategy]),
        objectives=[Objective(t(), t(), strategy.id, selected=True, key_results=krs)],
        checklist=[ChecklistAnswer(1, False, t()), ChecklistAnswer(2, True, t())],
        cadence=Cadence("weekly", 2, date(2027, 2, 15), date(2027, 4, 1)),
        retro=Retro(t(), t(), t(), t()), notes=t())


def markdown_structure(md: str) -> list[tuple[str, int]]:
    """Each line's first two characters and its count of unescaped table pipes."""
    return [(line[:2], len(line.replace("\\|", "").split("|")) - 1) for line in md.split("\n")]


def workshop_from(strings: list[str], mapper: Callable[[str], str] = lambda s: s) -> Workshop:
    cycle = (mapper(strings[i % len(strings)]) for i in range(10_000))
    return build(iter(cycle))


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(hostile_text, min_size=1, max_size=70))
@example(NASTY)  # every nasty sample, each in a different field
@example(["x" * 10_000])  # the longest text in every field at once
@example(list(reversed(NASTY)))
def test_hostile_text_exports_in_every_format_and_text_formats_give_it_back(strings):
    ws = workshop_from(strings)

    # PDF: the group handout and a personal page build and open.
    buffer = io.BytesIO()
    build_pdf(ws, buffer)
    assert len(PdfReader(io.BytesIO(buffer.getvalue())).pages) >= 4
    build_participant_pdf(ws, ws.participants[0].id, io.BytesIO())

    # Markdown: the structure of a plain twin, and every field's exact text back.
    md = to_markdown(ws)
    twin = to_markdown(workshop_from(strings, lambda s: "x" if s.strip() else s))
    assert markdown_structure(md) == markdown_structure(twin)
    for value in (ws.title, ws.client, ws.participants[0].name,
                  ws.objectives[0].key_results[0].why_steps[0].answer,
                  ws.objectives[0].key_results[1].actions[1].text):
        if value.strip():
            # Fields are trimmed like any typed text; Python's strip() counts control
            # characters such as U+001F as space, so the trimmed text is what must come back.
            assert escape_markdown(value.strip()) in md
            assert unescape_markdown(escape_markdown(value)) == value
    ws.notes = "PRIVATE-MARKER: the facilitator's own note"
    assert "PRIVATE-MARKER" not in to_markdown(ws)

    # CSV: every cell comes back (formula cells with their guard).
    actions = list(csv.reader(io.StringIO(actions_csv(ws), newline="")))
    expected = [[neutralise_formula(v) for v in (o.text, kr.text, a.text,
                                                 ws.participant_name(a.owner_id),
                                                 a.deadline.isoformat() if a.deadline else "")]
                for o, kr, a in ws.all_actions()]
    assert actions[1:] == expected
    krs = list(csv.reader(io.StringIO(key_results_csv(ws), newline="")))
    assert krs[1][2] == neutralise_formula(ws.objectives[0].key_results[0].metric)

    # JSON: the whole session comes back unchanged.
    assert workshop_from_dict(json.loads(to_json(ws))) == ws

    # ICS: parses back with one event per deadline, the check-ins, review and retro.
    events = list(Calendar.from_ical(to_ics(ws)).walk("VEVENT"))
    assert len(events) == len(ws.all_actions()) + 3

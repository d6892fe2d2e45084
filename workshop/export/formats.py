"""The text formats: Markdown (the handout as text), CSV (actions and KRs for a
spreadsheet), JSON (the whole session, re-importable) and ICS (the dates, for a calendar).

No reportlab here; icalendar is imported only when a calendar is written.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import UTC, date, datetime, timedelta

from workshop.export.content import (
    WEEKDAYS,
    clean_text,
    commitments,
    format_date,
    has_retro,
    owner_name,
    period_text,
    score_words,
    strategy_text,
    why_chains,
)
from workshop.method import CHECKLIST_QUESTIONS, RETRO_QUESTIONS
from workshop.model import (
    KeyResult,
    Workshop,
    kr_range_parts,
    objective_statement,
    workshop_to_dict,
)

# ---------------------------------------------------------------------------------------
# Dates of the cadence
# ---------------------------------------------------------------------------------------


def checkin_dates(ws: Workshop) -> list[date]:
    """Every check-in inside the period: on the cadence's weekday, weekly or every other
    week, from the first such weekday on or after the later of period start and workshop
    date, up to and including the period's end. Empty without a period end or a start."""
    starts = [d for d in (ws.period_start, ws.workshop_date) if d is not None]
    if not starts or ws.period_end is None:
        return []
    first = max(starts)
    weekday = ws.cadence.checkin_weekday % 7
    first += timedelta(days=(weekday - first.weekday()) % 7)
    step = timedelta(weeks=2 if ws.cadence.checkin_interval == "biweekly" else 1)
    dates = []
    day = first
    while day <= ws.period_end:
        dates.append(day)
        day += step
    return dates


def cadence_summary(ws: Workshop) -> str:
    """"Every Monday" / "Every other Monday", in words."""
    weekday = WEEKDAYS[ws.cadence.checkin_weekday % 7]
    if ws.cadence.checkin_interval == "biweekly":
        return f"Every other {weekday}"
    return f"Every {weekday}"


# ---------------------------------------------------------------------------------------
# Markdown
# ---------------------------------------------------------------------------------------

# Characters that can start or end Markdown structure anywhere in a line (emphasis, code,
# links, raw HTML, table cells, strikethrough) plus the backslash itself. '#', '+', '-',
# '=' and digits only matter at the start of a line, and user text never starts one: it
# always follows a list marker, a heading marker, a label or a table pipe.
_MD_SPECIAL = set("\\`*_[]<>|~#")
_MD_ENTITY_LIKE = re.compile(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_MD_LINE_BREAKS = {"\n", "\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c",
                   "\x1c", "\x1d", "\x1e"}


def escape_markdown(text: str) -> str:
    """User text made inert inside one Markdown line (a heading, a list item, a table cell).

    Punctuation that means something is backslash-escaped, "&" is escaped only where it
    would start an entity, a newline becomes "<br>" (a line break inside a table cell
    too), and other control characters become numeric character references. The exact
    text comes back with `unescape_markdown`.
    """
    out = []
    for index, ch in enumerate(text):
        if ch in _MD_SPECIAL:
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("<br>")
        elif ch == "&" and _MD_ENTITY_LIKE.match(text, index):
            out.append("\\&")
        elif ch in _MD_LINE_BREAKS or (ord(ch) < 32 and ch != "\t") or 0x7F <= ord(ch) <= 0x9F:
            out.append(f"&#{ord(ch)};")
        else:
            out.append(ch)
    return "".join(out)


_MD_TOKEN = re.compile(r"\\([!-/:-@\[-`{-~])|<br>|&#([0-9]+);")


def unescape_markdown(text: str) -> str:
    """The inverse of `escape_markdown`: the user's text as it was typed."""

    def replace(match: re.Match[str]) -> str:
        if match.group(1) is not None:
            return match.group(1)
        if match.group(2) is not None:
            return chr(int(match.group(2)))
        return "\n"

    return _MD_TOKEN.sub(replace, text)


def _md_range(kr: KeyResult) -> str:
    """Baseline -> target with the unit, like model.kr_range, each part escaped."""
    parts = kr_range_parts(kr)
    if parts is None:
        return ""
    return f"{escape_markdown(parts[0])} \u2192 {escape_markdown(parts[1])}"


def to_markdown(ws: Workshop) -> str:
    """The handout as Markdown: the same sections as the PDF, user text escaped."""
    e = escape_markdown
    lines: list[str] = [f"# {e(ws.title.strip() or 'OKR workshop')}", ""]
    facts = [("Client", ws.client), ("Team", ws.team),
             ("Workshop date", format_date(ws.workshop_date) if ws.workshop_date else ""),
             ("Period", period_text(ws)), ("Facilitator", ws.facilitator)]
    for label, value in facts:
        if value.strip():
            lines.append(f"- **{label}:** {e(value)}")
    if ws.participants:
        people = ", ".join(e(p.name) + (f" ({e(p.role)})" if p.role.strip() else "")
                           for p in ws.participants)
        lines.append(f"- **Participants:** {people}")
    lines.append("")

    ctx = ws.context
    if ctx.vision.strip() or ctx.mission.strip() or ctx.values or ctx.strategies:
        lines += ["## Strategy context", ""]
        if ctx.vision.strip():
            lines.append(f"- **Vision:** {e(ctx.vision)}")
        if ctx.mission.strip():
            lines.append(f"- **Mission:** {e(ctx.mission)}")
        if ctx.values:
            lines.append(f"- **Values:** {'; '.join(e(v) for v in ctx.values)}")
        for strategy in ctx.strategies:
            horizon = f" ({e(strategy.horizon)})" if strategy.horizon.strip() else ""
            lines.append(f"- **Strategy:** {e(strategy.text)}{horizon}")
        lines.append("")

    objectives = ws.selected_objectives()
    lines += ["## Our objectives and key results", ""]
    if not objectives:
        lines += ["No objectives were set.", ""]
    for number, objective in enumerate(objectives, 1):
        lines += [f"### Objective {number}: {e(objective.text)}", ""]
        lines.append(f"> {e(objective_statement(objective))}")
        lines.append("")
        if objective.why_it_matters.strip():
            lines.append(f"- **Why it matters:** {e(objective.why_it_matters)}")
        serves = strategy_text(ws, objective)
        if serves.strip():
            lines.append(f"- **Serves the strategy:** {e(serves)}")
        lines.append("")
        if objective.key_results:
            lines += ["| Key result | Metric | Baseline \u2192 target |", "|---|---|---|"]
            for kr in objective.key_results:
                lines.append(f"| {e(kr.text)} | {e(kr.metric)} | {_md_range(kr)} |")
            lines.append("")

    chains = why_chains(ws)
    if chains:
        lines += ["## How we got here", "",
                  "Outputs are things we do; outcomes are the change they should cause. "
                  "We asked why until each output named an outcome.", ""]
        for chain in chains:
            lines += [f"### {e(chain.key_result.text)}", ""]
            if chain.original:
                lines.append(f"1. **Output we started with:** {e(chain.original)}")
            for step in chain.key_result.why_steps:
                lines.append(f"1. **{e(step.question) or 'Why?'}** {e(step.answer)}")
            outcome = e(chain.key_result.text)
            span = _md_range(chain.key_result)
            lines.append(f"1. **{e(chain.outcome_label)}:** {outcome}"
                         + (f" ({span})" if span else ""))
            if chain.output_action is not None:
                action = chain.output_action
                lines.append(f"1. **The output is now an action:** {e(action.text)} "
                             f"({e(owner_name(ws, action))}, {format_date(action.deadline)})")
            lines.append("")

    lines += ["## Action plan", ""]
    for number, objective in enumerate(objectives, 1):
        for kr in objective.key_results:
            lines += [f"### {e(kr.text)}", "", f"Objective {number}: {e(objective.text)}", ""]
            if not kr.actions:
                lines += ["No actions yet.", ""]
                continue
            lines += ["| Task | Owner | Deadline |", "|---|---|---|"]
            for action in kr.actions:
                done = " (done)" if action.done else ""
                lines.append(f"| {e(action.text)}{done} | {e(owner_name(ws, action))} | "
                             f"{format_date(action.deadline)} |")
            lines.append("")

    lines += ["## When we meet", ""]
    dates = checkin_dates(ws)
    if dates:
        lines.append(f"- **Check-ins:** {cadence_summary(ws)}: "
                     + ", ".join(format_date(d) for d in dates))
    else:
        lines.append(f"- **Check-ins:** {cadence_summary(ws)}")
    lines.append(f"- **Mid-period review:** {format_date(ws.cadence.mid_review)}")
    lines.append(f"- **Retro:** {format_date(ws.cadence.retro_date)}")
    lines.append("")

    answered = [a for a in ws.checklist if 1 <= a.question <= len(CHECKLIST_QUESTIONS)]
    if answered:
        lines += ["## Review checklist", "", "| Question | Answer | Comment |", "|---|---|---|"]
        for answer in sorted(answered, key=lambda a: a.question):
            word = {True: "Yes", False: "No", None: "Not answered"}[answer.answer]
            lines.append(f"| {CHECKLIST_QUESTIONS[answer.question - 1]} | {word} | "
                         f"{e(answer.comment)} |")
        lines.append("")

    if has_retro(ws):
        lines += ["## Retro", "", "| Key result | Score | Note |", "|---|---|---|"]
        for _, kr in ws.all_key_results():
            score = f"{kr.score:.1f} ({score_words(kr.score)})" if kr.score is not None else ""
            lines.append(f"| {e(kr.text)} | {score} | {e(kr.retro_note)} |")
        lines.append("")
        for field_name, question in RETRO_QUESTIONS:
            answer = getattr(ws.retro, field_name)
            if answer.strip():
                lines.append(f"- **{question}** {e(answer)}")
        lines.append("")

    if ws.participants:
        lines += ["## Commitments by person", ""]
        for person in ws.participants:
            lines += [f"### {e(person.name.strip() or 'Participant')}", ""]
            mine = commitments(ws, person.id)
            if not mine:
                lines += ["No actions assigned.", ""]
                continue
            for _, kr, action in mine:
                lines.append(f"- {format_date(action.deadline)}: {e(action.text)} "
                             f"(for: {e(kr.text)})")
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


# ---------------------------------------------------------------------------------------
# CSV
# ---------------------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A plain number ("-5", "+3.5", "-12,5 %") is not a formula and stays a number.
_PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+([.,][0-9]+)?\s?%?")


def neutralise_formula(value: str) -> str:
    """A cell a spreadsheet would run as a formula, made inert with a leading apostrophe.

    Spreadsheets skip leading spaces and line breaks before they look for the "=", so
    " =cmd" or "\n=cmd" are formulas too: the test looks past any leading whitespace."""
    if value.startswith(("\t", "\r")):
        return "'" + value
    stripped = value.lstrip()
    if stripped.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(stripped):
        return "'" + value
    return value


def _csv(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow([neutralise_formula(cell) for cell in row])
    return buffer.getvalue()


def actions_csv(ws: Workshop) -> str:
    """One row per action: objective, key result, task, owner, deadline (ISO date)."""
    rows = [["Objective", "Key result", "Task", "Owner", "Deadline"]]
    for objective, kr, action in ws.all_actions():
        owner = ws.participant_name(action.owner_id)
        rows.append([objective.text, kr.text, action.text, owner,
                     action.deadline.isoformat() if action.deadline else ""])
    return _csv(rows)


def key_results_csv(ws: Workshop) -> str:
    """One row per key result: objective, key result, metric, baseline, target, unit."""
    rows = [["Objective", "Key result", "Metric", "Baseline", "Target", "Unit"]]
    for objective, kr in ws.all_key_results():
        rows.append([objective.text, kr.text, kr.metric, kr.baseline, kr.target, kr.unit])
    return _csv(rows)


# ---------------------------------------------------------------------------------------
# JSON
# ---------------------------------------------------------------------------------------


def to_json(ws: Workshop) -> str:
    """The whole session in the exchange format `okr-workshop import` reads.

    This is the facilitator's own copy (a backup, or a move to another laptop), so it is
    complete, private notes included; hand participants the PDF or Markdown instead.
    """
    return json.dumps(workshop_to_dict(ws), indent=2, ensure_ascii=False) + "\n"


# ---------------------------------------------------------------------------------------
# ICS
# ---------------------------------------------------------------------------------------


def _one_line(text: str, limit: int = 200) -> str:
    text = " ".join(clean_text(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def to_ics(ws: Workshop) -> bytes:
    """A calendar of the period: each action deadline as an all-day event naming its
    owner, the check-ins as one recurring event up to the period's end, the mid-period
    review and the retro. Event UIDs are derived from the session's ids, so importing
    the file again updates the events instead of duplicating them."""
    from icalendar import Calendar, Event, vRecur

    title = _one_line(ws.title) or "OKR workshop"
    # A fixed stamp from the session keeps the file reproducible; falls back to a
    # constant when the stored timestamp cannot be read.
    try:
        stamp = datetime.fromisoformat(ws.updated_at)
        if stamp.tzinfo is None:
            stamp = stamp.replace(tzinfo=UTC)
    except ValueError:
        stamp = datetime(2000, 1, 1, tzinfo=UTC)

    calendar = Calendar()
    calendar.add("prodid", "-//OKR Workshop//Handout calendar//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", title)

    def add_day(uid: str, day: date, summary: str, description: str) -> Event:
        event = Event()
        event.add("uid", f"{uid}@okr-workshop")
        event.add("dtstamp", stamp)
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add("summary", summary)
        if description:
            event.add("description", description)
        event.add("transp", "TRANSPARENT")  # a deadline does not block the day
        calendar.add_component(event)
        return event

    for objective, kr, action in ws.all_actions():
        if action.deadline is None:
            continue
        owner = owner_name(ws, action)
        add_day(f"action-{action.id}", action.deadline,
                f"Due: {_one_line(action.text, 120)} ({_one_line(owner, 60)})",
                f"Owner: {_one_line(owner)}\nKey result: {_one_line(kr.text)}\n"
                f"Objective: {_one_line(objective.text)}\nFrom: {title}")

    dates = checkin_dates(ws)
    if dates:
        event = add_day(f"checkin-{ws.id}", dates[0], f"OKR check-in: {title}",
                        f"{cadence_summary(ws)} until the period ends.")
        rule = vRecur(freq="WEEKLY", until=dates[-1])
        if ws.cadence.checkin_interval == "biweekly":
            rule["interval"] = 2
        event.add("rrule", rule)
    if ws.cadence.mid_review is not None:
        add_day(f"review-{ws.id}", ws.cadence.mid_review, f"OKR mid-period review: {title}",
                "Where are we on each key result? What do we change?")
    if ws.cadence.retro_date is not None:
        add_day(f"retro-{ws.id}", ws.cadence.retro_date, f"OKR retro: {title}",
                "Score each key result from 0.0 to 1.0; 0.7 is a good result for a stretch.")
    return calendar.to_ical()

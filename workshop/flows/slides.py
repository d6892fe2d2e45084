"""What the room sees for each stage: plain rows built from the session, no Qt.

Each stage of flows/stages.py names its slide function here. A slide function takes the
session and the room state and returns rows; the projector lays them out, pages them and
styles them. Only shared content is ever returned: never the facilitator's notes, the
stage's prompts or tips, or the coach's findings (the one finding the facilitator puts
on screen travels in the room state, not here).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from workshop.method import CHECKLIST_QUESTIONS, RETRO_QUESTIONS
from workshop.model import KeyResult, Workshop, kr_range, objective_statement


@dataclass(frozen=True)
class Row:
    """One row of the room's content.

    `style` is "item", "heading" (bold, introduces the rows after it), "step" (a rung
    of the why-ladder) or "big" (one large line, the break's return time). `lead` is a
    short first column (votes, a number, "Why?"), `badge` a word in a coloured box
    ("OUTPUT", "SELECTED", "YES") with `badge_kind` naming its colours, and `cells`
    the extra columns of a table row (owner, deadline).
    """

    text: str
    style: str = "item"
    lead: str = ""
    badge: str = ""
    badge_kind: str = ""
    cells: tuple[str, ...] = ()


def _deadline(value: date | None) -> str:
    return f"{value.day} {value:%b %Y}" if value else "no date yet"


def _kr_kind(kr: KeyResult) -> str:
    try:
        from workshop.coach import assess_kr

        return assess_kr(kr.text, kr).kind
    except Exception:  # noqa: BLE001 - a coach problem must never blank the projector
        return ""


def _kr_line(kr: KeyResult) -> str:
    span = kr_range(kr).replace("->", "→")
    return f"{kr.text.strip()}   ({span})" if span else kr.text.strip()


def _kr_badge(kr: KeyResult) -> tuple[str, str]:
    kind = _kr_kind(kr)
    if kind in ("output", "outcome"):
        return kind.upper(), kind
    return "", ""


def ladder_kr(ws: Workshop, focus: tuple[str, str] | None) -> KeyResult | None:
    """The key result whose why-ladder the room sees: the focused one, else the first
    output still waiting for the ladder, else the first one that has a ladder."""
    if focus and focus[0] == "kr":
        found = ws.find_key_result(focus[1])
        if found is not None:
            return found[1]
    krs = [kr for _, kr in ws.all_key_results()]
    for kr in krs:
        if not kr.rewritten_from and not kr.keep_reason and _kr_kind(kr) == "output":
            return kr
    for kr in krs:
        if kr.why_steps:
            return kr
    return krs[0] if krs else None


def _ladder_rows(ws: Workshop, focus: tuple[str, str] | None) -> list[Row]:
    kr = ladder_kr(ws, focus)
    if kr is None:
        return [Row("No key results yet.")]
    original = kr.rewritten_from.strip() or kr.text.strip()
    rows = [Row(original, "heading", lead="We had")]
    for step in kr.why_steps:
        if step.question.strip():
            rows.append(Row(step.question.strip(), "step", lead="Why?"))
        if step.answer.strip():
            rows.append(Row(step.answer.strip(), "item", lead="→"))
    if kr.rewritten_from.strip():
        badge, kind = _kr_badge(kr)
        rows.append(Row(_kr_line(kr), "heading", lead="Now", badge=badge, badge_kind=kind))
    elif kr.keep_reason.strip():
        rows.append(Row(f"Kept as it is: {kr.keep_reason.strip()}", "item", lead="Now"))
    return rows


def _action_rows(ws: Workshop, focus: tuple[str, str] | None) -> list[Row]:
    pairs = ws.all_key_results()
    if focus and focus[0] == "kr":
        found = ws.find_key_result(focus[1])
        if found is not None:
            pairs = [found]
    rows: list[Row] = []
    for _, kr in pairs:
        rows.append(Row(kr.text.strip() or "(key result without text)", "heading"))
        for action in kr.actions:
            owner = ws.participant_name(action.owner_id) or "nobody yet"
            rows.append(Row(action.text.strip(), cells=(owner, _deadline(action.deadline))))
        if not kr.actions:
            rows.append(Row("No actions yet.", "item"))
    return rows or [Row("No key results yet.")]


Focus = tuple[str, str] | None


def setup_slide(ws: Workshop, focus: Focus = None, back_at: str = "") -> list[Row]:
    rows = [Row(ws.title.strip() or "Untitled workshop", "heading")]
    if ws.client.strip() or ws.team.strip():
        who = " · ".join(p for p in (ws.client.strip(), ws.team.strip()) if p)
        rows.append(Row(who, lead="For"))
    period = ws.period_label.strip()
    if ws.period_start and ws.period_end:
        span = f"{_deadline(ws.period_start)} – {_deadline(ws.period_end)}"
        period = f"{period} ({span})" if period else span
    if period:
        rows.append(Row(period, lead="Period"))
    names = [p.name.strip() for p in ws.participants if p.name.strip()]
    if names:
        rows.append(Row(" · ".join(names), lead="With"))
    return rows


def strategy_slide(ws: Workshop, focus: Focus = None, back_at: str = "") -> list[Row]:
    c = ws.context
    rows = []
    if c.vision.strip():
        rows.append(Row(c.vision.strip(), lead="Vision"))
    if c.mission.strip():
        rows.append(Row(c.mission.strip(), lead="Mission"))
    for strategy in c.strategies:
        if strategy.text.strip():
            horizon = f"   ({strategy.horizon.strip()})" if strategy.horizon.strip() else ""
            rows.append(Row(strategy.text.strip() + horizon, lead="Strategy"))
    return rows or [Row("Vision, mission and strategies appear here.")]


def objectives_slide(ws: Workshop, focus: Focus = None, back_at: str = "") -> list[Row]:
    rows = [Row(o.text.strip() or "(untitled objective)", lead=f"● {o.votes}",
                badge="SELECTED" if o.selected else "",
                badge_kind="selected" if o.selected else "")
            for o in ws.objectives]
    return rows or [Row("Candidate objectives appear here.")]


def key_results_slide(ws: Workshop, focus: Focus = None, back_at: str = "") -> list[Row]:
    rows = []
    for objective in ws.selected_objectives():
        rows.append(Row(objective.text.strip() or "(untitled objective)", "heading"))
        for kr in objective.key_results:
            badge, kind = _kr_badge(kr)
            rows.append(Row(_kr_line(kr), lead="•", badge=badge, badge_kind=kind))
    return rows or [Row("Key results appear here.")]


def ask_why_slide(ws: Workshop, focus: Focus = None, back_at: str = "") -> list[Row]:
    return _ladder_rows(ws, focus)


def review_slide(ws: Workshop, focus: Focus = None, back_at: str = "") -> list[Row]:
    answers = {a.question: a.answer for a in ws.checklist}
    rows = []
    for number, question in enumerate(CHECKLIST_QUESTIONS, start=1):
        answer = answers.get(number)
        badge, kind = (("YES", "yes") if answer is True else
                       ("NO", "no") if answer is False else ("OPEN", "open"))
        rows.append(Row(question, lead=f"{number}.", badge=badge, badge_kind=kind))
    return rows


def action_plan_slide(ws: Workshop, focus: Focus = None, back_at: str = "") -> list[Row]:
    return _action_rows(ws, focus)


def break_slide(ws: Workshop, focus: Focus = None, back_at: str = "") -> list[Row]:
    return [Row(f"Back at {back_at}" if back_at else "Back soon", "big")]


def wrap_up_slide(ws: Workshop, focus: Focus = None, back_at: str = "") -> list[Row]:
    rows = [Row(objective_statement(o)) for o in ws.selected_objectives()
            if o.text.strip()]
    return rows or [Row("Our objectives appear here.")]


def retro_slide(ws: Workshop, focus: Focus = None, back_at: str = "") -> list[Row]:
    return [Row(question, lead="?") for _, question in RETRO_QUESTIONS]

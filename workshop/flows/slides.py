"""What the room sees for each stage: plain rows built from the session, no Qt.

Each stage of flows/stages.py names its slide function here. A slide function takes the
session, the item under discussion and the break's return time, and returns rows; the
projector lays them out, pages them and styles them. Only shared content is ever
returned: never the facilitator's notes, the stage's prompts or tips, or the coach's
findings (the one finding the facilitator puts on screen travels in the room state).

The words are the room's: the same stage titles and the same "Keep" as the laptop, no
keyboard hints, no repeated numbers. The title slide and the timer's text live here too,
so the projector, the tests and later the participants' phones share one definition.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from workshop.direction import has_right_to_left, left_to_right_piece
from workshop.method import CHECKLIST_QUESTIONS, RETRO_QUESTIONS, score_band
from workshop.model import KeyResult, Workshop

Focus = tuple[str, str] | None


@dataclass(frozen=True)
class Row:
    """One row of the room's content.

    `style`: "item"; "heading" (bold, introduces the rows after it; repeated with
    "(continued)" when its rows run onto the next page); "headline" (a larger heading:
    the objective a summary slide is about); "step" (a question already
    asked on the why-ladder); "ask" (the question the room is answering now); "table"
    (a dense row of a table: action, owner, deadline); "big" (one large line).
    `lead` is a short first column ("Why?", "1.", "•"); `badge` a word in a solid box
    ("OUTCOME", "KEEP", "YES") coloured by `badge_kind`; `cells` extra table columns
    (owner, deadline); `note` a second, quieter line (owners, an answer).
    `key` names the item the row shows, so the one under discussion is highlighted
    (`focus`). `bar` (0..1) draws a bar with `bar_label` ("7 votes", "0.7") coloured
    by `bar_kind` ("votes", "green", "yellow", "red"). `new_page` starts a new page
    (one objective per summary slide); `keep` asks to keep a heading's rows together
    on one page when they fit on one.
    """

    text: str
    style: str = "item"
    lead: str = ""
    badge: str = ""
    badge_kind: str = ""
    cells: tuple[str, ...] = ()
    note: str = ""
    key: tuple[str, str] | None = None
    focus: bool = False
    bar: float | None = None
    bar_label: str = ""
    bar_kind: str = ""
    new_page: bool = False
    keep: bool = False


# ---------------------------------------------------------------------------------------
# Small texts
# ---------------------------------------------------------------------------------------

NBSP = "\u00a0"
# Beyond this length a range may wrap like any text: one unbreakable run wider than the
# screen would be worse than a break.
_MAX_UNBROKEN = 40


def day_text(value: date | None, empty: str = "no date yet") -> str:
    """"26 Feb 2027"."""
    return _day_text(value) if value else empty


@lru_cache(maxsize=1024)
def _day_text(value: date) -> str:
    return f"{value.day} {value:%b %Y}"  # strftime is slow; a plan has few dates


def long_day_text(value: date) -> str:
    """"Monday 14 December 2026": a date the room reads out loud."""
    return f"{value:%A} {value.day} {value:%B %Y}"


def clock_text(seconds: float) -> str:
    """The countdown as the room reads it: "12:41", "00:00" at zero, then "+00:01".

    Overtime counts from the first whole second over: the half second after zero still
    reads "00:00" rather than a puzzling "+00:00"."""
    if not math.isfinite(seconds):
        return "--:--"
    if seconds >= 0:
        whole, sign = math.ceil(seconds - 1e-9), ""
    else:
        whole = math.floor(-seconds + 1e-9)
        sign = "+" if whole else ""
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes:02d}:{secs:02d}"


def _number_in(text: str, number: str) -> bool:
    """True when `number` ("21", "3.8") stands in `text` as a number of its own."""
    if not number:
        return False
    return re.search(rf"(?<![\d.,]){re.escape(number)}(?![\d]|[.,]\d)", text) is not None


def _with_unit(value: str, unit: str) -> str:
    if not unit:
        return value
    return f"{value}{unit}" if unit in ("%", "pp") else f"{value} {unit}"


def range_text(kr: KeyResult) -> str:
    """The KR's from and to in the fewest words that add something to its text:
    "120 → 150 sign-ups", "from 8%" when the text already names the 5%, "" when it
    names both. Joined by no-break spaces, so a range never breaks inside."""
    base, target, unit = kr.baseline.strip(), kr.target.strip(), kr.unit.strip()
    if not base and not target:
        return ""
    text = kr.text
    has_base, has_target = _number_in(text, base), _number_in(text, target)
    if (has_base or not base) and (has_target or not target):
        return ""
    if has_target or not target:
        words = f"from {_with_unit(base, unit)}"
    elif has_base or not base:
        words = f"to {_with_unit(target, unit)}"
    elif unit in ("%", "pp") or unit.startswith("/"):
        words = f"{_with_unit(base, unit)} → {_with_unit(target, unit)}"
    else:
        words = f"{base} → {_with_unit(target, unit)}"
    if len(words) <= _MAX_UNBROKEN:
        words = words.replace(" ", NBSP)
    return words


def kr_line(kr: KeyResult) -> str:
    """The KR's text and, when it adds something, its range in brackets."""
    return _kr_line(kr.text, kr.baseline, kr.target, kr.unit)


@lru_cache(maxsize=4096)
def _kr_line(text: str, baseline: str, target: str, unit: str) -> str:
    # Remembered by the only things it reads: a slide of 150 KRs re-read after each key
    # works out the line of the one KR being typed into, not of all of them.
    span = range_text(KeyResult(text=text, baseline=baseline, target=target, unit=unit))
    shown = text.strip() or "(key result without text)"
    if not span:
        return shown
    if has_right_to_left(shown):
        # After Arabic or Hebrew our "(120 → 150 sign-ups)" would be laid out right to left,
        # the arrow pointing from 150 to 120.
        return f"{shown} {left_to_right_piece(f'({span})')}"
    return f"{shown} ({span})"


@lru_cache(maxsize=4096)
def _verdict_of(text: str, has_metric: bool, has_target: bool) -> tuple[str, bool]:
    """The coach's verdict for a KR and whether it is unsure, by the only things it
    reads: remembered, so the projector never re-runs the coach on a KR whose words did
    not change."""
    try:
        from workshop.coach import assess_kr

        probe = KeyResult(text=text, metric="m" if has_metric else "",
                          target="1" if has_target else "")
        assessment = assess_kr(text, probe)
        return assessment.shown_kind, assessment.unsure
    except Exception:  # noqa: BLE001 - a coach problem must never blank the projector
        return "", False


def kr_kind(kr: KeyResult) -> str:
    """"output", "outcome" or "" (the coach cannot tell)."""
    return _verdict_of(kr.text, bool(kr.metric.strip()), bool(kr.target.strip()))[0]


def _kr_badge(kr: KeyResult) -> tuple[str, str]:
    """The badge's word, with "?" when the coach is unsure (the room decides), and its
    colours."""
    return _badge_of(kr.text, bool(kr.metric.strip()), bool(kr.target.strip()))


def _badge_of(text: str, has_metric: bool, has_target: bool) -> tuple[str, str]:
    kind, unsure = _verdict_of(text, has_metric, has_target)
    if kind in ("output", "outcome"):
        return kind.upper() + ("?" if unsure else ""), "unsure" if unsure else kind
    if unsure:
        return "?", "unsure"  # words the coach does not read: no lean shown
    return "", ""


def _mark(rows: list[Row], focus: Focus) -> list[Row]:
    """The row showing the item under discussion is highlighted."""
    if focus is None:
        return rows
    return [replace(r, focus=True) if r.key == focus and not r.focus else r for r in rows]


def owners_of(ws: Workshop, kr: KeyResult) -> list[str]:
    """The people with an action on this KR, in order of first appearance."""
    names: list[str] = []
    for action in kr.actions:
        name = ws.participant_name(action.owner_id).strip()
        if name and name not in names:
            names.append(name)
    return names


def first_checkin(ws: Workshop) -> date | None:
    """The first check-in: the first check-in weekday after the workshop (or the
    period's start, whichever is later); None when the session has no dates."""
    start = ws.workshop_date or ws.period_start
    if start is None:
        return None
    if ws.period_start and ws.period_start > start:
        start = ws.period_start - timedelta(days=1)
    weekday = ws.cadence.checkin_weekday % 7
    ahead = (weekday - start.weekday()) % 7 or 7
    return start + timedelta(days=ahead)


# ---------------------------------------------------------------------------------------
# The stages' slides
# ---------------------------------------------------------------------------------------


def setup_slide(ws: Workshop, focus: Focus = None, back_at: str = "") -> list[Row]:
    # The workshop's title is in the footer already: shown twice it reads as a glitch.
    rows = []
    if ws.client.strip() or ws.team.strip():
        who = " · ".join(p for p in (ws.client.strip(), ws.team.strip()) if p)
        rows.append(Row(who, lead="For"))
    period = ws.period_label.strip()
    if ws.period_start and ws.period_end:
        span = f"{day_text(ws.period_start)} – {day_text(ws.period_end)}"
        period = f"{period} ({span})" if period else span
    if period:
        rows.append(Row(period, lead="Period"))
    names = [p.name.strip() for p in ws.participants if p.name.strip()]
    if names:
        rows.append(Row(" · ".join(names), lead="With"))
    if ws.facilitator.strip():
        rows.append(Row(ws.facilitator.strip(), lead="Led by"))
    return rows or [Row("Welcome!")]


def strategy_slide(ws: Workshop, focus: Focus = None, back_at: str = "") -> list[Row]:
    c = ws.context
    rows = []
    if c.vision.strip():
        rows.append(Row(c.vision.strip(), lead="Vision"))
    if c.mission.strip():
        rows.append(Row(c.mission.strip(), lead="Mission"))
    for strategy in c.strategies:
        if strategy.text.strip():
            horizon = f" ({strategy.horizon.strip()})" if strategy.horizon.strip() else ""
            rows.append(Row(strategy.text.strip() + horizon, lead="Strategy",
                            key=("strategy", strategy.id)))
    return _mark(rows, focus) or [Row("Vision, mission and strategies appear here.")]


def votes_text(votes: int) -> str:
    return "no votes" if votes <= 0 else "1 vote" if votes == 1 else f"{votes} votes"


def objectives_slide(ws: Workshop, focus: Focus = None, back_at: str = "") -> list[Row]:
    most = max((o.votes for o in ws.objectives), default=0)
    rows = [Row(o.text.strip() or "(untitled objective)",
                badge="KEEP" if o.selected else "", badge_kind="keep" if o.selected else "",
                key=("objective", o.id), bar=(max(0, o.votes) / most) if most > 0 else 0.0,
                bar_label=votes_text(o.votes), bar_kind="votes")
            for o in ws.objectives]
    return _mark(rows, focus) or [Row("Candidate objectives appear here.")]


def key_results_slide(ws: Workshop, focus: Focus = None, back_at: str = "") -> list[Row]:
    rows = []
    for objective in ws.selected_objectives():
        rows.append(_heading_row(objective.id, objective.text))
        for kr in objective.key_results:
            rows.append(_kr_row(kr.id, kr.text, kr.baseline, kr.target, kr.unit,
                                bool(kr.metric.strip()), bool(kr.target.strip())))
    return _mark(rows, focus) or [Row("Key results appear here.")]


@lru_cache(maxsize=1024)
def _heading_row(objective_id: str, text: str) -> Row:
    return Row(text.strip() or "(untitled objective)", "heading",
               key=("objective", objective_id))


@lru_cache(maxsize=4096)
def _kr_row(kr_id: str, text: str, baseline: str, target: str, unit: str,
            has_metric: bool, has_target: bool) -> Row:
    # The same KR gives the very same row until one of these changes: the projector
    # then sees at a glance that only the row being typed into is new.
    badge, badge_kind = _badge_of(text, has_metric, has_target)
    return Row(_kr_line(text, baseline, target, unit), lead="•", badge=badge,
               badge_kind=badge_kind, key=("kr", kr_id))


def ladder_kr(ws: Workshop, focus: Focus) -> KeyResult | None:
    """The key result whose why-ladder the room sees: the focused one, else the first
    output still waiting for the ladder, else the first one that has a ladder."""
    if focus and focus[0] == "kr":
        found = ws.find_key_result(focus[1])
        if found is not None:
            return found[1]
    krs = [kr for _, kr in ws.all_key_results()]
    for kr in krs:
        if not kr.rewritten_from and not kr.keep_reason and kr_kind(kr) == "output":
            return kr
    for kr in krs:
        if kr.why_steps:
            return kr
    return krs[0] if krs else None


def ask_why_slide(ws: Workshop, focus: Focus = None, back_at: str = "") -> list[Row]:
    from workshop.flows.ask_why import ladder_question

    kr = ladder_kr(ws, focus)
    if kr is None:
        return [Row("No key results yet.")]
    original = kr.rewritten_from.strip() or kr.text.strip() or "(key result without text)"
    key = ("kr", kr.id)
    rows = [Row(original, "heading", lead="We had", key=key)]
    done = bool(kr.rewritten_from.strip() or kr.keep_reason.strip())
    for step in kr.why_steps:
        if not step.answer.strip():
            continue  # the open question is shown once, below, as the one being asked
        if step.question.strip():
            rows.append(Row(step.question.strip(), "step", lead="Why?"))
        rows.append(Row(step.answer.strip(), "item", lead="→"))
    if kr.rewritten_from.strip():
        badge, kind = _kr_badge(kr)
        rows.append(Row(kr_line(kr), "heading", lead="Now", badge=badge, badge_kind=kind))
    elif kr.keep_reason.strip():
        rows.append(Row(f"Kept as it is: {kr.keep_reason.strip()}", "item", lead="Now"))
    if not done:
        # The question the room is answering, from the moment the KR is on the ladder:
        # the one typed on the laptop if there is one, else the ladder's next question.
        pending = [s.question.strip() for s in kr.why_steps
                   if s.question.strip() and not s.answer.strip()]
        question = pending[-1] if pending else ladder_question(original, kr.why_steps)
        rows.append(Row(question, "ask", lead="Why?", focus=True))
        draft = str(kr.rewrite_draft.get("text", "")).strip() if kr.rewrite_draft else ""
        if draft:
            rows.append(Row(draft, "item", lead="Draft"))
    return rows


def review_slide(ws: Workshop, focus: Focus = None, back_at: str = "") -> list[Row]:
    answers = {a.question: a.answer for a in ws.checklist}
    discussed = focus[1] if focus and focus[0] == "checklist" else ""
    if not discussed:  # nothing chosen: the first open question is the one being asked
        for number in range(1, len(CHECKLIST_QUESTIONS) + 1):
            if answers.get(number) is None:
                discussed = str(number)
                break
    rows = []
    for number, question in enumerate(CHECKLIST_QUESTIONS, start=1):
        answer = answers.get(number)
        badge, kind = (("YES", "yes") if answer is True else
                       ("NO", "no") if answer is False else ("OPEN", "open"))
        rows.append(Row(question, lead=f"{number}.", badge=badge, badge_kind=kind,
                        key=("checklist", str(number)), focus=str(number) == discussed))
    return rows


def action_plan_slide(ws: Workshop, focus: Focus = None, back_at: str = "") -> list[Row]:
    """A compact table: each KR a heading, each action a row with its owner and
    deadline; long tasks wrap. The KR under discussion is shown alone."""
    pairs = ws.all_key_results()
    if focus and focus[0] in ("kr", "action"):
        for pair in pairs:
            kr = pair[1]
            if (focus[0] == "kr" and kr.id == focus[1]) or \
                    any(a.id == focus[1] for a in kr.actions):
                pairs = [pair]
                break
    rows: list[Row] = []
    names = {p.id: p.name.strip() for p in ws.participants}
    for _, kr in pairs:
        rows.append(Row(kr.text.strip() or "(key result without text)", "heading",
                        key=("kr", kr.id), keep=True))
        for action in kr.actions:
            owner = names.get(action.owner_id, "") or "nobody yet"
            rows.append(Row(action.text.strip() or "(action without text)", "table",
                            cells=(owner, day_text(action.deadline)),
                            key=("action", action.id)))
        if not kr.actions:
            rows.append(Row("No actions yet.", "table"))
    return _mark(rows, focus) or [Row("No key results yet.")]


def break_slide(ws: Workshop, focus: Focus = None, back_at: str = "") -> list[Row]:
    return [Row(f"Back at {back_at}" if back_at else "Back soon", "big")]


def wrap_up_slide(ws: Workshop, focus: Focus = None, back_at: str = "") -> list[Row]:
    """The closing summary: one slide per objective with its KRs from and to, who
    owns the first actions, and when the group meets again."""
    checkin = first_checkin(ws)
    interval = "every two weeks" if ws.cadence.checkin_interval == "biweekly" else "weekly"
    if checkin is not None:
        next_text = f"Next: first check-in {long_day_text(checkin)}, then {interval}"
    else:
        next_text = f"Next: check-ins {interval}"
    later = []
    if ws.cadence.mid_review:
        later.append(f"review {day_text(ws.cadence.mid_review)}")
    if ws.cadence.retro_date:
        later.append(f"retro {day_text(ws.cadence.retro_date)}")
    rows: list[Row] = []
    for objective in ws.selected_objectives():
        if not objective.text.strip() and not objective.key_results:
            continue
        rows.append(Row(objective.text.strip() or "(untitled objective)", "headline",
                        key=("objective", objective.id), new_page=bool(rows)))
        for kr in objective.key_results:
            owners = owners_of(ws, kr)
            rows.append(Row(kr_line(kr), lead="•", key=("kr", kr.id),
                            note=("Owners: " + ", ".join(owners)) if owners
                            else "No owner yet"))
        rows.append(Row(next_text, lead="•",
                        note=("Then the " + " and the ".join(later)) if later else ""))
    return _mark(rows, focus) or [Row("Our objectives appear here.")]


RETRO_BADGES = {"green": "GOOD", "yellow": "PROGRESS", "red": "SHORT", "": "NOT SCORED"}


def retro_slide(ws: Workshop, focus: Focus = None, back_at: str = "") -> list[Row]:
    """The scoreboard (a bar per KR: its score, the band's colour and its word), then
    the retro's questions with what the room answered."""
    rows: list[Row] = []
    scored = [kr.score for _, kr in ws.all_key_results() if kr.score is not None]
    if scored:
        mean = sum(scored) / len(scored)
        rows.append(Row(f"Average {mean:.1f} over {len(scored)} scored key "
                        f"result{'s' if len(scored) != 1 else ''} (0.7 is a good result)",
                        "heading"))
    for _, kr in ws.all_key_results():
        score = kr.score
        band = score_band(score)
        rows.append(Row(kr.text.strip() or "(key result without text)", key=("kr", kr.id),
                        bar=max(0.0, min(1.0, score)) if score is not None else 0.0,
                        bar_label=f"{score:.1f}" if score is not None else "–",
                        bar_kind=band, badge=RETRO_BADGES[band],
                        badge_kind=f"band_{band}" if band else "open",
                        note=kr.retro_note.strip()))
    for n, (field_name, question) in enumerate(RETRO_QUESTIONS):
        answer = str(getattr(ws.retro, field_name, "") or "").strip()
        rows.append(Row(question, lead="?", note=answer, new_page=n == 0 and bool(rows)))
    return _mark(rows, focus)


# What each stage's slide reads, by the kinds of the controller's "what changed"
# (an edit of ("workshop", "") may be anything and always counts): an edit of anything
# else cannot change the slide, and the projector does not even look.
SLIDE_READS: dict[str, frozenset[str]] = {
    "setup": frozenset({"participant"}),
    "strategy": frozenset({"context", "strategy"}),
    "objectives": frozenset({"objective"}),
    "key_results": frozenset({"objective", "kr"}),
    "ask_why": frozenset({"objective", "kr"}),
    "review": frozenset({"checklist"}),
    "break": frozenset(),
    "action_plan": frozenset({"objective", "kr", "action", "participant"}),
    "wrap_up": frozenset({"objective", "kr", "action", "participant", "cadence"}),
    "retro": frozenset({"objective", "kr", "retro"}),
}


def slide_reads(stage_key: str, kind: str) -> bool:
    """True when an edit of `kind` may change the slide of `stage_key`."""
    reads = SLIDE_READS.get(stage_key)
    return kind == "workshop" or reads is None or kind in reads

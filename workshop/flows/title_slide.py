"""The title slide: what the room sees before the first stage starts.

Not a stage's slide: it shows the whole agenda with clock times, so it reads the
schedule (flows/agenda.py), which the stages' own slides never need.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from workshop.flows.agenda import compute_schedule
from workshop.model import Workshop


@dataclass(frozen=True)
class AgendaLine:
    time: str  # "10:05"
    title: str  # the stage's title, as both windows name it
    minutes: int


@dataclass(frozen=True)
class TitleSlide:
    """What the room sees before the first stage starts."""

    client: str
    title: str
    details: str  # "10 December 2026 · Facilitator: Kari Nilsen"
    agenda: tuple[AgendaLine, ...]


def title_slide(ws: Workshop, now_wall: float) -> TitleSlide:
    """The title slide: who it is for, what, when, who leads it, and the agenda with
    clock times (from now, until the first stage starts)."""
    details = []
    if ws.workshop_date:
        details.append(f"{ws.workshop_date.day} {ws.workshop_date:%B %Y}")
    if ws.period_label.strip():
        details.append(ws.period_label.strip())
    if ws.facilitator.strip():
        details.append(f"Facilitator: {ws.facilitator.strip()}")
    agenda = []
    # Before the start the agenda is projected from now; rounded up to five minutes it
    # reads like a plan ("10:05") and does not creep forward every minute.
    start = now_wall if ws.started_at is not None else math.ceil(now_wall / 300) * 300
    try:
        schedule = compute_schedule(ws, start)
        for row in schedule.rows:
            at = datetime.fromtimestamp(row.projected_start).strftime("%H:%M")
            agenda.append(AgendaLine(at, row.title, row.planned_minutes))
        end = datetime.fromtimestamp(schedule.projected_end).strftime("%H:%M")
        agenda.append(AgendaLine(end, "End", 0))
    except (KeyError, ValueError, OverflowError, OSError):
        agenda = []
    who = " · ".join(p for p in (ws.client.strip(), ws.team.strip()) if p)
    return TitleSlide(client=who, title=ws.title.strip() or "Untitled workshop",
                      details=" · ".join(details), agenda=tuple(agenda))

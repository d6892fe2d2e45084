"""Agenda templates and the schedule maths: where are we against the plan?

The plan has a fixed end: start time plus the planned minutes of every stage. Overruns do
not move that end; they eat into the stages still to come, and the last of them, action
planning, must keep at least 15 minutes. The schedule therefore projects forward from
*now*: the stage running now ends when its timer says (or its plan, without a timer),
every later stage takes its planned minutes, and a warning appears the moment the
projection leaves action planning less than its 15 minutes, with a concrete cut to make.

Custom lengths are agenda keys of the form "custom:<minutes>" (e.g. "custom:150"): the
2-hour proportions stretched or squeezed, the half-day ones (with a break) from 3 hours.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from workshop.flows.stages import FINAL_STAGE_KEY, stage_by_key
from workshop.flows.timer import StageTimer
from workshop.model import STAGE_CURRENT, STAGE_PENDING, StageRecord, Workshop

ACTION_PLAN_MIN_MINUTES = 15
"""The protected final stage never gets less than this."""

DEFAULT_TEMPLATE = "2h"
CUSTOM_PREFIX = "custom:"
MIN_CUSTOM_MINUTES = 45
MAX_CUSTOM_MINUTES = 8 * 60


@dataclass(frozen=True)
class AgendaTemplate:
    """A named agenda: which stages, in which order, for how many minutes each."""

    key: str
    title: str
    total_minutes: int
    minutes: tuple[tuple[str, int], ...]

    def minutes_for(self, stage_key: str) -> int:
        """Planned minutes of one stage (0 when the template leaves it out)."""
        return dict(self.minutes).get(stage_key, 0)


def _template(key: str, title: str, minutes: tuple[tuple[str, int], ...]) -> AgendaTemplate:
    return AgendaTemplate(key, title, sum(m for _, m in minutes), minutes)


TEMPLATES: dict[str, AgendaTemplate] = {
    "90min": _template("90min", "90 minutes", (
        ("setup", 5), ("strategy", 10), ("objectives", 20), ("key_results", 20),
        ("ask_why", 10), ("review", 10), ("action_plan", 15),
    )),
    "2h": _template("2h", "2 hours", (
        ("setup", 5), ("strategy", 15), ("objectives", 25), ("key_results", 25),
        ("ask_why", 20), ("review", 10), ("action_plan", 20),
    )),
    # The break sits after key results: the room comes back fresh for asking why, and
    # action planning, the part that needs the most energy, is not right after coffee.
    "halfday": _template("halfday", "Half a day (with a break)", (
        ("setup", 10), ("strategy", 30), ("objectives", 45), ("key_results", 40),
        ("break", 15), ("ask_why", 40), ("review", 25), ("action_plan", 35),
    )),
}


# ---------------------------------------------------------------------------------------
# Planning
# ---------------------------------------------------------------------------------------


def custom_template(total_minutes: int) -> AgendaTemplate:
    """An agenda of any length: a template's proportions scaled to `total_minutes`.

    Action planning keeps at least 15 minutes; the other stages share the rest in the
    proportions of the 2-hour template (of the half-day one from 180 minutes on).
    """
    if isinstance(total_minutes, bool) or not isinstance(total_minutes, int):
        raise ValueError("the workshop length must be a whole number of minutes")
    if not MIN_CUSTOM_MINUTES <= total_minutes <= MAX_CUSTOM_MINUTES:
        raise ValueError(f"a workshop runs between {MIN_CUSTOM_MINUTES} minutes and "
                         f"{MAX_CUSTOM_MINUTES // 60} hours (got {total_minutes} minutes)")
    base = TEMPLATES["halfday" if total_minutes >= 180 else "2h"]
    scale = total_minutes / base.total_minutes
    final = max(ACTION_PLAN_MIN_MINUTES, round(base.minutes_for(FINAL_STAGE_KEY) * scale))
    others = [(k, m) for k, m in base.minutes if k != FINAL_STAGE_KEY]
    share = total_minutes - final
    weight = sum(m for _, m in others)
    exact = [(k, m * share / weight) for k, m in others]
    floored = [(k, max(1, math.floor(x))) for k, x in exact]
    # Largest remainders get the spare minutes, so the stages add up to the total.
    spare = share - sum(m for _, m in floored)
    order = sorted(range(len(exact)), key=lambda i: exact[i][1] - math.floor(exact[i][1]),
                   reverse=True)
    minutes = dict(floored)
    for i in order[:max(0, spare)]:
        minutes[exact[i][0]] += 1
    plan = tuple((k, minutes[k]) for k, _ in others) + ((FINAL_STAGE_KEY, final),)
    return AgendaTemplate(f"{CUSTOM_PREFIX}{total_minutes}", f"{total_minutes} minutes",
                          sum(m for _, m in plan), plan)


def template_for(template_key: str) -> AgendaTemplate:
    """The template for a key ("90min", "2h", "halfday", "custom:150"); ValueError if unknown."""
    if template_key in TEMPLATES:
        return TEMPLATES[template_key]
    if template_key.startswith(CUSTOM_PREFIX):
        number = template_key[len(CUSTOM_PREFIX):]
        if number.isdigit():
            return custom_template(int(number))
    raise ValueError(f"unknown agenda {template_key!r}; choose one of "
                     f"{', '.join(TEMPLATES)} or custom:<minutes>")


def plan_stages(template_key: str,
                custom_minutes: dict[str, int] | None = None) -> list[StageRecord]:
    """Fresh stage records for an agenda, with per-stage minutes overridden as given.

    ValueError for an unknown template or stage, a negative number of minutes, or less
    than 15 minutes of action planning.
    """
    template = template_for(template_key)
    minutes = dict(template.minutes)
    for key, value in (custom_minutes or {}).items():
        if key not in minutes:
            raise ValueError(f"the {template.title} agenda has no stage {key!r}")
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError(f"minutes for {key!r} must be a whole number, 0 or more")
        minutes[key] = value
    _check_final(minutes[FINAL_STAGE_KEY])
    return [StageRecord(key=key, planned_minutes=minutes[key]) for key, _ in template.minutes]


def ensure_stages(workshop: Workshop) -> None:
    """Give a workshop its agenda's stages if it has none yet (unknown agenda: 2 hours)."""
    if workshop.stages:
        return
    try:
        workshop.stages = plan_stages(workshop.agenda_template)
    except ValueError:
        workshop.stages = plan_stages(DEFAULT_TEMPLATE)
    keys = [s.key for s in workshop.stages]
    if workshop.current_stage not in keys:
        workshop.current_stage = keys[0]
    for record in workshop.stages:
        if record.key == workshop.current_stage:
            record.state = STAGE_CURRENT


def move_minutes(workshop: Workshop, from_key: str, to_key: str, minutes: int) -> None:
    """Move planned minutes from one stage to another; the total stays the same.

    ValueError (with a message fit for the facilitator) when a stage is unknown, the
    minutes are not a positive whole number, the giving stage does not have them, or
    action planning would drop below its protected 15 minutes.
    """
    ensure_stages(workshop)
    if isinstance(minutes, bool) or not isinstance(minutes, int) or minutes <= 0:
        raise ValueError("move a whole number of minutes, at least one")
    if from_key == to_key:
        raise ValueError("choose two different stages to move minutes between")
    giver, taker = workshop.stage(from_key), workshop.stage(to_key)
    if giver is None or taker is None:
        missing = from_key if giver is None else to_key
        raise ValueError(f"this agenda has no stage {missing!r}")
    left = giver.planned_minutes - minutes
    if from_key == FINAL_STAGE_KEY and left < ACTION_PLAN_MIN_MINUTES:
        raise ValueError(f"action planning keeps at least {ACTION_PLAN_MIN_MINUTES} minutes; "
                         f"it has {giver.planned_minutes}, so at most "
                         f"{max(0, giver.planned_minutes - ACTION_PLAN_MIN_MINUTES)} can move")
    if left < 0:
        raise ValueError(f"{stage_by_key(from_key).title} has only "
                         f"{giver.planned_minutes} minutes to give")
    giver.planned_minutes = left
    taker.planned_minutes += minutes


def _check_final(minutes: int) -> None:
    if minutes < ACTION_PLAN_MIN_MINUTES:
        raise ValueError(f"action planning needs at least {ACTION_PLAN_MIN_MINUTES} "
                         f"minutes (got {minutes})")


# ---------------------------------------------------------------------------------------
# The schedule
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScheduleRow:
    """One stage on the timeline: the plan, what happened, and what we now expect."""

    key: str
    title: str
    planned_minutes: int
    actual_minutes: float | None  # None while the stage has not run at all
    planned_start: float  # epoch seconds
    planned_end: float
    projected_start: float
    projected_end: float
    state: str

    @property
    def projected_minutes(self) -> float:
        return (self.projected_end - self.projected_start) / 60.0


@dataclass(frozen=True)
class RiskWarning:
    """Action planning is about to lose part of its protected 15 minutes."""

    minutes_left_for_action_plan: float
    minutes_short: float
    message: str
    suggestion: str
    cuts: tuple[tuple[str, int], ...] = ()
    """The suggestion as data: (stage key, whole minutes to take off it)."""


@dataclass(frozen=True)
class Schedule:
    rows: list[ScheduleRow]
    behind_minutes: float  # positive: behind the plan; negative: ahead
    projected_end: float
    planned_start: float
    planned_end: float
    started: bool
    current_key: str
    risk: RiskWarning | None

    def row(self, key: str) -> ScheduleRow:
        for r in self.rows:
            if r.key == key:
                return r
        raise KeyError(key)


class _ClockAt:
    """A clock frozen at one wall-clock instant: lets a saved timer be read 'as of now'."""

    def __init__(self, wall: float) -> None:
        self._wall = wall

    def monotonic(self) -> float:
        return self._wall

    def wall(self) -> float:
        return self._wall


def _title(key: str) -> str:
    try:
        return stage_by_key(key).title
    except KeyError:
        return key


def _current_index(workshop: Workshop) -> int:
    keys = [s.key for s in workshop.stages]
    if workshop.current_stage in keys:
        return keys.index(workshop.current_stage)
    for i, s in enumerate(workshop.stages):
        if s.state == STAGE_CURRENT:
            return i
    return 0


def _timer_remaining(timer_state: dict[str, Any], now_wall: float) -> float | None:
    """Seconds the current stage's timer has left at `now_wall`; None if it never ran."""
    if not timer_state:
        return None
    try:
        timer = StageTimer.from_dict(timer_state, _ClockAt(now_wall))
    except ValueError:
        return None
    return timer.remaining() if timer.started else None


NOT_TIMED_SECONDS = 30.0
"""A stage left with less time than this on it was passed without the clock."""


def compute_schedule(workshop: Workshop, now_wall: float) -> Schedule:
    """Plan versus projection for every stage, how far behind we are, and the risk.

    Stages before the current one took their recorded time. The current stage has run
    since the other stages' time ran out (so time no stage recorded, like an app restart,
    counts against it) and ends when its timer reaches zero, or at once when it is already
    over. Later stages take their planned minutes (less any time they already had).
    Before the start (`started_at` None) everything is projected from `now_wall`.
    """
    ensure_stages(workshop)
    stages = workshop.stages
    started = workshop.started_at is not None
    start = workshop.started_at if workshop.started_at is not None else now_wall
    current = _current_index(workshop)

    planned_starts: list[float] = []
    cursor = start
    for s in stages:
        planned_starts.append(cursor)
        cursor += s.planned_minutes * 60.0
    planned_end = cursor

    projected: list[tuple[float, float]] = []
    actuals: list[float | None] = []
    if not started:
        for i, s in enumerate(stages):
            projected.append((planned_starts[i], planned_starts[i] + s.planned_minutes * 60.0))
            actuals.append(s.actual_seconds / 60.0 if s.actual_seconds > 0 else None)
    else:
        cursor = start
        # A stage passed without the clock (paged through, or before Start) counts as
        # taking its plan: it banks no time, and the schedule says "on time", not
        # "45 min ahead", while the timer on screen runs over.
        not_timed_shift = 0.0
        for s in stages[:current]:
            took = s.actual_seconds
            if took < NOT_TIMED_SECONDS:
                not_timed_shift += s.planned_minutes * 60.0 - took
                took = s.planned_minutes * 60.0
            projected.append((cursor, cursor + took))
            actuals.append(s.actual_seconds / 60.0 if s.actual_seconds > 0
                           or s.state != STAGE_PENDING else None)
            cursor += took
        record = stages[current]
        others = sum(s.actual_seconds for i, s in enumerate(stages) if i != current)
        # Wall time since the start that no other stage accounts for was spent here.
        elapsed = max(record.actual_seconds, now_wall - (start + others), 0.0)
        remaining = _timer_remaining(record.timer, now_wall)
        if remaining is None:
            remaining = record.planned_minutes * 60.0 - elapsed
        current_end = now_wall + max(remaining, 0.0) + not_timed_shift
        projected.append((now_wall - elapsed + not_timed_shift, current_end))
        actuals.append(elapsed / 60.0)
        cursor = current_end
        for s in stages[current + 1:]:
            left = max(s.planned_minutes * 60.0 - s.actual_seconds, 0.0)
            projected.append((cursor, cursor + left))
            actuals.append(s.actual_seconds / 60.0 if s.actual_seconds > 0 else None)
            cursor += left

    rows = [
        ScheduleRow(
            key=s.key, title=_title(s.key), planned_minutes=s.planned_minutes,
            actual_minutes=actuals[i], planned_start=planned_starts[i],
            planned_end=planned_starts[i] + s.planned_minutes * 60.0,
            projected_start=projected[i][0], projected_end=projected[i][1], state=s.state,
        )
        for i, s in enumerate(stages)
    ]
    projected_end = rows[-1].projected_end if rows else start
    return Schedule(
        rows=rows,
        behind_minutes=(projected_end - planned_end) / 60.0,
        projected_end=projected_end,
        planned_start=start,
        planned_end=planned_end,
        started=started,
        current_key=stages[current].key if stages else "",
        risk=_risk(rows, current, planned_end, now_wall) if started else None,
    )


# A stage that gets shortened keeps at least this share of its plan (a break: 5 minutes).
_KEEP_SHARE = 0.4
_MIN_BREAK = 5


def _risk(rows: list[ScheduleRow], current: int, planned_end: float,
          now_wall: float) -> RiskWarning | None:
    final = next((i for i, r in enumerate(rows) if r.key == FINAL_STAGE_KEY), None)
    # Once action planning has begun there is nothing left to shorten before it.
    if final is None or final <= current:
        return None
    left = (planned_end - rows[final].projected_start) / 60.0
    if left >= ACTION_PLAN_MIN_MINUTES - 1e-9:
        return None
    short = ACTION_PLAN_MIN_MINUTES - left
    need = max(1, math.ceil(short - 1e-9))

    # Who can give time: stages still to come first (the break last), then the one
    # running now, which can wrap up early.
    candidates: list[tuple[str, str, int, int]] = []  # key, title, can give, planned
    for r in rows[current + 1:final]:
        keep = _MIN_BREAK if r.key == "break" else math.ceil(r.planned_minutes * _KEEP_SHARE)
        give = math.floor(r.projected_minutes - keep + 1e-9)
        if give > 0:
            candidates.append((r.key, r.title, give, r.planned_minutes))
    candidates.sort(key=lambda c: (c[0] == "break", -c[2]))
    now_row = rows[current]
    # The stage running now can end early, but keeps its share of the plan as well.
    done_now = (now_wall - now_row.projected_start) / 60.0
    keep_now = max(0.0, math.ceil(now_row.planned_minutes * _KEEP_SHARE) - done_now)
    give_now = math.floor((now_row.projected_end - now_wall) / 60.0 - keep_now + 1e-9)
    if give_now > 0:
        candidates.append((now_row.key, now_row.title, give_now, now_row.planned_minutes))

    cuts: list[tuple[str, int]] = []
    parts: list[str] = []
    still = need
    # A single stage that can absorb the whole cut is the simplest advice.
    single = next((c for c in candidates if c[2] >= still), None)
    chosen = [single] if single else candidates
    for key, title, give, planned in chosen:
        if still <= 0:
            break
        cut = min(give, still)
        still -= cut
        cuts.append((key, cut))
        if key == now_row.key:
            parts.append(f"wrap up {title} {cut} min early")
        else:
            parts.append(f"shorten {title} by {cut} min ({planned} -> {planned - cut})")

    if left > 0:
        message = (f"Action planning at risk: {math.floor(left + 1e-9)} min left of the "
                   f"{ACTION_PLAN_MIN_MINUTES} it needs.")
    else:
        message = (f"Action planning at risk: at this pace it starts "
                   f"{math.ceil(-left - 1e-9)} min after the planned end.")
    if parts:
        suggestion = _join(parts)
        suggestion = suggestion[:1].upper() + suggestion[1:]
        if still > 0:
            suggestion += (f"; that still leaves {still} min short, so agree with the room "
                           f"to finish {still} min later")
        suggestion += "."
    else:
        suggestion = (f"No stage has time left to give: agree with the room to finish "
                      f"{need} min later, or plan actions for the most important key "
                      f"results first.")
    return RiskWarning(minutes_left_for_action_plan=left, minutes_short=short,
                       message=message, suggestion=suggestion, cuts=tuple(cuts))


def _join(parts: list[str]) -> str:
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + " and " + parts[-1]


# ---------------------------------------------------------------------------------------
# Reporting
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StageTime:
    """Planned against actual minutes of one stage, for the handout and the retro."""

    key: str
    title: str
    planned_minutes: int
    actual_minutes: float | None  # None: the stage never ran

    @property
    def text(self) -> str:
        """"planned 25, took 31" (or "planned 25, skipped")."""
        if self.actual_minutes is None:
            return f"planned {self.planned_minutes}, skipped"
        return f"planned {self.planned_minutes}, took {round(self.actual_minutes)}"


def stage_times(workshop: Workshop) -> list[StageTime]:
    """Planned and actual minutes per stage, in agenda order."""
    return [
        StageTime(s.key, _title(s.key), s.planned_minutes,
                  s.actual_seconds / 60.0 if s.actual_seconds > 0 else None)
        for s in workshop.stages
    ]

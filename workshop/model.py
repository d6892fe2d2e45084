"""The workshop's domain model: plain dataclasses, no Qt, no SQL.

Every entity has a stable string id (a uuid4 hex) so that a session exported to JSON and
imported again keeps its identity, and so that links (an action's owner, an objective's
strategy) survive a round trip.

`to_dict` / `from_dict` convert a Workshop to and from JSON-ready data. `from_dict` is
strict: it checks every field's type and raises `ModelError` naming the path of the first
bad value, so a malformed or hostile file is rejected before anything is written.
"""

from __future__ import annotations

import copy
import dataclasses
import re
import types
import typing
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

SCHEMA_VERSION = 1
"""Version of the JSON exchange format (not the SQLite schema, which lives in store.py)."""

ORIGIN_PLANNED = "planned"
ORIGIN_FROM_OUTPUT = "from_output"
ACTION_ORIGINS = (ORIGIN_PLANNED, ORIGIN_FROM_OUTPUT)

DIRECTIONS = ("increase", "decrease", "reach", "stay_below", "stay_above", "")
CHECKIN_INTERVALS = ("weekly", "biweekly")

STAGE_PENDING = "pending"
STAGE_CURRENT = "current"
STAGE_DONE = "done"
STAGE_STATES = (STAGE_PENDING, STAGE_CURRENT, STAGE_DONE)

# Hard limits on imported data: a hostile file must not exhaust memory or the disk.
MAX_TEXT = 20_000
MAX_ITEMS = 2_000
# Dates a workshop can have: outside these, calendars (ICS), date arithmetic (a check-in
# a week later) and the PDF's formatting fail, so an import refuses them.
EARLIEST_YEAR = 1900
LATEST_YEAR = 2200


class ModelError(ValueError):
    """Data that does not describe a valid workshop."""


def new_id() -> str:
    return uuid.uuid4().hex


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


@dataclass
class Participant:
    name: str = ""
    role: str = ""
    email: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class Strategy:
    text: str = ""
    horizon: str = ""  # e.g. "2027-2029"; strategies span 1 to 5 years
    id: str = field(default_factory=new_id)


@dataclass
class StrategyContext:
    vision: str = ""
    mission: str = ""
    values: list[str] = field(default_factory=list)
    strategies: list[Strategy] = field(default_factory=list)


@dataclass
class WhyStep:
    """One rung of the why-ladder: the question asked and the room's answer."""

    question: str = ""
    answer: str = ""


@dataclass
class Action:
    text: str = ""
    owner_id: str = ""  # a Participant id; "" while nobody has taken it
    deadline: date | None = None
    origin: str = ORIGIN_PLANNED  # ORIGIN_FROM_OUTPUT when it was an output KR
    done: bool = False
    id: str = field(default_factory=new_id)


@dataclass
class KeyResult:
    text: str = ""
    metric: str = ""
    baseline: str = ""  # kept as typed ("61", "unknown"): the room decides the form
    target: str = ""
    unit: str = ""
    direction: str = ""  # one of DIRECTIONS
    why_steps: list[WhyStep] = field(default_factory=list)
    rewritten_from: str = ""  # the original output KR's text once the ladder rewrote it
    keep_reason: str = ""  # why the room kept a KR the coach called an output
    # The outcome KR being drafted on the why-ladder (text, metric, baseline, target,
    # unit, direction), saved as it is typed so a crash loses none of it; emptied when
    # the rewrite is accepted.
    rewrite_draft: dict[str, str] = field(default_factory=dict)
    actions: list[Action] = field(default_factory=list)
    score: float | None = None  # retro score 0.0 - 1.0
    retro_note: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class Objective:
    text: str = ""
    why_it_matters: str = ""
    strategy_id: str = ""  # a Strategy id; "" when not linked
    votes: int = 0
    selected: bool = False
    key_results: list[KeyResult] = field(default_factory=list)
    id: str = field(default_factory=new_id)


@dataclass
class ChecklistAnswer:
    question: int = 0  # 1..6, the review checklist of the method
    answer: bool | None = None  # None: not answered yet
    comment: str = ""


@dataclass
class Cadence:
    checkin_interval: str = "weekly"  # one of CHECKIN_INTERVALS
    checkin_weekday: int = 0  # Monday = 0
    mid_review: date | None = None
    retro_date: date | None = None


@dataclass
class StageRecord:
    """A stage of this workshop's agenda and what happened in it."""

    key: str = ""
    planned_minutes: int = 0
    actual_seconds: float = 0.0
    state: str = STAGE_PENDING  # one of STAGE_STATES
    timer: dict[str, Any] = field(default_factory=dict)  # StageTimer.to_dict()


@dataclass
class Retro:
    focus_helped: str = ""  # which OKRs helped us focus
    noise: str = ""  # which were noise
    output_trap: str = ""  # where we fell into the output trap
    more_voices: str = ""  # how to involve more voices next time
    held_on: date | None = None


@dataclass
class Workshop:
    title: str = ""
    client: str = ""
    team: str = ""
    facilitator: str = ""
    workshop_date: date | None = None
    period_label: str = ""  # e.g. "Q1 2027"
    period_start: date | None = None
    period_end: date | None = None
    first_time: bool = True  # first time with OKRs: coach suggests 2 objectives x 2 KRs
    agenda_template: str = "2h"
    current_stage: str = ""  # "" until the run starts: the agenda's first stage
    started_at: float | None = None  # wall-clock epoch seconds when the workshop started
    participants: list[Participant] = field(default_factory=list)
    context: StrategyContext = field(default_factory=StrategyContext)
    objectives: list[Objective] = field(default_factory=list)
    checklist: list[ChecklistAnswer] = field(default_factory=list)
    cadence: Cadence = field(default_factory=Cadence)
    stages: list[StageRecord] = field(default_factory=list)
    retro: Retro = field(default_factory=Retro)
    # The client's logo, as base64 text of a PNG (small: set-up scales it down), for
    # the title slide and the handout's cover.
    logo_png: str = ""
    notes: str = ""  # the facilitator's private notes: never projected, never printed
    created_at: str = field(default_factory=now_iso)
    updated_at: str = field(default_factory=now_iso)
    id: str = field(default_factory=new_id)

    # -- convenient views -------------------------------------------------------------
    def selected_objectives(self) -> list[Objective]:
        """The objectives the group kept; all of them while none is marked selected."""
        chosen = [o for o in self.objectives if o.selected]
        return chosen if chosen else list(self.objectives)

    def all_key_results(self) -> list[tuple[Objective, KeyResult]]:
        return [(o, kr) for o in self.selected_objectives() for kr in o.key_results]

    def all_actions(self) -> list[tuple[Objective, KeyResult, Action]]:
        return [(o, kr, a) for o, kr in self.all_key_results() for a in kr.actions]

    def participant(self, participant_id: str) -> Participant | None:
        for p in self.participants:
            if p.id == participant_id:
                return p
        return None

    def participant_name(self, participant_id: str) -> str:
        p = self.participant(participant_id)
        return p.name if p else ""

    def strategy(self, strategy_id: str) -> Strategy | None:
        for s in self.context.strategies:
            if s.id == strategy_id:
                return s
        return None

    def find_key_result(self, kr_id: str) -> tuple[Objective, KeyResult] | None:
        for o in self.objectives:
            for kr in o.key_results:
                if kr.id == kr_id:
                    return o, kr
        return None

    def texts_by_id(self) -> dict[str, str]:
        """Each strategy's, objective's, key result's and action's text by its id, read in
        one pass (the side panel names the item of every finding after each pause in
        typing)."""
        texts = {s.id: s.text.strip() for s in self.context.strategies}
        for o in self.objectives:
            texts[o.id] = o.text.strip()
            for kr in o.key_results:
                texts[kr.id] = kr.text.strip()
                texts.update((a.id, a.text.strip()) for a in kr.actions)
        return texts

    def stage(self, key: str) -> StageRecord | None:
        for s in self.stages:
            if s.key == key:
                return s
        return None


# A theme before an objective ("Reliability: keep our services up"): at most three words,
# then a colon and at least two words. The coach reads what follows; the one-sentence form
# keeps the theme in front of "we will".
THEME_RE = re.compile(r"^(?:[\w&/'-]+ ){0,2}([\w&/'-]+): (?=\S+ \S)")


def objective_statement(objective: Objective) -> str:
    """The method's one-sentence form, as a list so that key results written as
    commands still read naturally: "We will <objective>, as measured by: <KR 1>;
    <KR 2>; and <KR 3>."

    The objective's text is used as written, with a leading "We will" not repeated and
    its first letter lowered (not an acronym's) so the sentence reads naturally; a theme
    stays in front ("Reliability: we will keep our services up, ...").
    """
    text = objective.text.strip().rstrip(".")
    theme = THEME_RE.match(text)
    lead = text[:theme.end()] if theme else ""
    text = text[len(lead):]
    we_will = "we will" if lead else "We will"
    lowered = text.lower()
    if lowered.startswith("we will "):
        text = text[len("we will "):]
    elif text[:1].isupper() and not text[1:2].isupper():
        text = text[:1].lower() + text[1:]
    krs = [kr.text.strip().rstrip(".") for kr in objective.key_results if kr.text.strip()]
    if not krs:
        return f"{lead}{we_will} {text}."
    krs = [k[:1].lower() + k[1:] if k[:1].isupper() and not k[1:2].isupper() else k for k in krs]
    if len(krs) == 1:
        measured = krs[0]
    else:
        measured = "; ".join(krs[:-1]) + "; and " + krs[-1]
    return f"{lead}{we_will} {text}, as measured by: {measured}."


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_LOGO_BYTES = 2 * 1024 * 1024


def logo_bytes(ws: Workshop) -> bytes:
    """The logo's PNG bytes; b"" when there is none, or what is stored is not a PNG."""
    import base64
    import binascii

    if not ws.logo_png:
        return b""
    try:
        data = base64.b64decode(ws.logo_png, validate=True)
    except (binascii.Error, ValueError):
        return b""
    return data if data.startswith(PNG_SIGNATURE) and len(data) <= MAX_LOGO_BYTES else b""


def kr_range(kr: KeyResult) -> str:
    """"61 % -> 75 %" style summary of a KR's baseline and target; "" when neither is set."""
    parts = kr_range_parts(kr)
    return f"{parts[0]} -> {parts[1]}" if parts else ""


def kr_range_parts(kr: KeyResult) -> tuple[str, str] | None:
    """(baseline, target), each with the unit ("61%", "120 sign-ups"; "?" when only the
    other is set); None when neither is set."""
    unit = kr.unit.strip()

    def with_unit(value: str) -> str:
        value = value.strip()
        if not value:
            return "?"
        if not unit:
            return value
        return f"{value}{unit}" if unit in ("%", "pp") else f"{value} {unit}"

    if not kr.baseline.strip() and not kr.target.strip():
        return None
    return with_unit(kr.baseline), with_unit(kr.target)


# ---------------------------------------------------------------------------------------
# Serialisation
# ---------------------------------------------------------------------------------------


def to_dict(obj: Any) -> Any:
    """JSON-ready data for any model object (dates as ISO strings)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, list):
        return [to_dict(v) for v in obj]
    if isinstance(obj, dict):
        return {str(k): to_dict(v) for k, v in obj.items()}
    if isinstance(obj, date):
        return obj.isoformat()
    return obj


def workshop_to_dict(workshop: Workshop) -> dict[str, Any]:
    """The exchange format: the session plus a format version, as `import` reads it."""
    return {"format": "okr-workshop", "schema_version": SCHEMA_VERSION,
            "workshop": to_dict(workshop)}


def workshop_from_dict(data: Any) -> Workshop:
    """Read the exchange format back; raises ModelError on anything unexpected."""
    if not isinstance(data, dict):
        raise ModelError("the file does not hold an OKR workshop (expected a JSON object)")
    if data.get("format") != "okr-workshop":
        raise ModelError("the file is not an OKR Workshop export (no 'format' marker)")
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ModelError("the file has no valid schema_version")
    if version > SCHEMA_VERSION:
        raise ModelError(
            f"the file was written by a newer version of OKR Workshop "
            f"(format {version}, this app reads up to {SCHEMA_VERSION})")
    return from_dict(Workshop, data.get("workshop"), "workshop")


_HINTS_CACHE: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    hints = _HINTS_CACHE.get(cls)
    if hints is None:
        hints = typing.get_type_hints(cls)
        _HINTS_CACHE[cls] = hints
    return hints


def from_dict(cls: type, data: Any, path: str = "") -> Any:
    """Build dataclass `cls` from `data`, checking every value's type.

    Unknown keys are ignored (a newer minor version may add fields); missing keys take
    the field's default.
    """
    if not isinstance(data, dict):
        raise ModelError(f"{path or cls.__name__}: expected an object")
    hints = _hints(cls)
    values: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name not in data:
            continue
        values[f.name] = _convert(hints[f.name], data[f.name], f"{path}.{f.name}")
    try:
        return cls(**values)
    except TypeError as exc:  # pragma: no cover - defensive
        raise ModelError(f"{path}: {exc}") from exc


def _convert(tp: Any, value: Any, path: str) -> Any:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        if value is None and type(None) in args:
            return None
        inner = [a for a in args if a is not type(None)]
        return _convert(inner[0], value, path)
    if origin is list:
        if not isinstance(value, list):
            raise ModelError(f"{path}: expected a list")
        if len(value) > MAX_ITEMS:
            raise ModelError(f"{path}: too many items ({len(value)}, at most {MAX_ITEMS})")
        (item_type,) = typing.get_args(tp)
        return [_convert(item_type, v, f"{path}[{i}]") for i, v in enumerate(value)]
    if origin is dict:
        if not isinstance(value, dict):
            raise ModelError(f"{path}: expected an object")
        _check_plain_json(value, path, depth=0)
        if typing.get_args(tp)[1] is str:
            return {str(k): _convert(str, v, f"{path}.{k}") for k, v in value.items()}
        return value
    if dataclasses.is_dataclass(tp):
        return from_dict(tp, value, path)
    if tp is str:
        if not isinstance(value, str):
            raise ModelError(f"{path}: expected text")
        if len(value) > MAX_TEXT:
            raise ModelError(f"{path}: text too long ({len(value)} characters, at most {MAX_TEXT})")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:  # a lone surrogate: not text any file can hold
            raise ModelError(f"{path}: contains an invalid character") from exc
        return value
    if tp is bool:
        if not isinstance(value, bool):
            raise ModelError(f"{path}: expected true or false")
        return value
    if tp is int:
        if not isinstance(value, int) or isinstance(value, bool):
            raise ModelError(f"{path}: expected a whole number")
        if not -(2**63) <= value < 2**63:
            raise ModelError(f"{path}: number out of range")
        return value
    if tp is float:
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            raise ModelError(f"{path}: expected a number")
        if value != value or value in (float("inf"), float("-inf")):
            raise ModelError(f"{path}: expected a finite number")
        return float(value)
    if tp is date:
        if not isinstance(value, str):
            raise ModelError(f"{path}: expected a date (YYYY-MM-DD)")
        try:
            day = date.fromisoformat(value)
        except ValueError as exc:
            raise ModelError(f"{path}: {value[:40]!r} is not a date (YYYY-MM-DD)") from exc
        if not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
            raise ModelError(f"{path}: {value[:40]!r} must be a date between "
                             f"{EARLIEST_YEAR} and {LATEST_YEAR}")
        return day
    if tp is Any:
        _check_plain_json(value, path, depth=0)
        return value
    raise ModelError(f"{path}: unsupported field type {tp!r}")  # pragma: no cover


def _check_plain_json(value: Any, path: str, depth: int) -> None:
    if depth > 8:
        raise ModelError(f"{path}: nested too deeply")
    if isinstance(value, dict):
        if len(value) > 100:
            raise ModelError(f"{path}: too many keys")
        for k, v in value.items():
            _check_plain_json(v, f"{path}.{k}", depth + 1)
    elif isinstance(value, list):
        if len(value) > 100:
            raise ModelError(f"{path}: too many items")
        for v in value:
            _check_plain_json(v, path, depth + 1)
    elif isinstance(value, str):
        if len(value) > 1000:
            raise ModelError(f"{path}: text too long")
    elif value is not None and not isinstance(value, (int, float, bool)):
        raise ModelError(f"{path}: unexpected value")


def validate(workshop: Workshop) -> None:
    """Check the links inside a workshop; raise ModelError on a dangling or duplicate id."""
    seen: set[str] = set()

    def check_id(kind: str, value: str) -> None:
        if not value or len(value) > 64:
            raise ModelError(f"{kind} has an invalid id")
        if value in seen:
            raise ModelError(f"{kind} id {value[:16]} appears twice")
        seen.add(value)

    check_id("workshop", workshop.id)
    for p in workshop.participants:
        check_id("participant", p.id)
    for s in workshop.context.strategies:
        check_id("strategy", s.id)
    participant_ids = {p.id for p in workshop.participants}
    strategy_ids = {s.id for s in workshop.context.strategies}
    for o in workshop.objectives:
        check_id("objective", o.id)
        if o.strategy_id and o.strategy_id not in strategy_ids:
            raise ModelError(f"objective {o.text[:40]!r} links to an unknown strategy")
        for kr in o.key_results:
            check_id("key result", kr.id)
            if kr.score is not None and not 0.0 <= kr.score <= 1.0:
                raise ModelError(f"key result {kr.text[:40]!r} has a score outside 0.0-1.0")
            for a in kr.actions:
                check_id("action", a.id)
                if a.owner_id and a.owner_id not in participant_ids:
                    raise ModelError(f"action {a.text[:40]!r} has an unknown owner")
                if a.origin not in ACTION_ORIGINS:
                    raise ModelError(f"action {a.text[:40]!r} has an unknown origin")
    questions = [c.question for c in workshop.checklist]
    if len(questions) != len(set(questions)):
        raise ModelError("the review checklist answers a question twice")
    if workshop.cadence.checkin_interval not in CHECKIN_INTERVALS:
        raise ModelError("cadence: check-in interval must be weekly or biweekly")
    for st in workshop.stages:
        if st.state not in STAGE_STATES:
            raise ModelError(f"stage {st.key[:20]!r} has an unknown state")


# ---------------------------------------------------------------------------------------
# Copies
# ---------------------------------------------------------------------------------------

_QUARTER = re.compile(r"\bQ([1-4])(\s*)(\d{4})\b", re.IGNORECASE)
_HALF = re.compile(r"\bH([12])(\s*)(\d{4})\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(\d{4})\b")


def next_period_label(label: str) -> str:
    """"Q4 2027" -> "Q1 2028", "H1 2027" -> "H2 2027", "FY 2027" -> "FY 2028"."""
    m = _QUARTER.search(label)
    if m:
        q, year = int(m.group(1)), int(m.group(3))
        q, year = (1, year + 1) if q == 4 else (q + 1, year)
        return label[:m.start()] + f"Q{q}{m.group(2)}{year}" + label[m.end():]
    m = _HALF.search(label)
    if m:
        h, year = int(m.group(1)), int(m.group(3))
        h, year = (1, year + 1) if h == 2 else (2, year)
        return label[:m.start()] + f"H{h}{m.group(2)}{year}" + label[m.end():]
    m = _YEAR.search(label)
    if m:
        return label[:m.start()] + str(int(m.group(1)) + 1) + label[m.end():]
    return label


def _add_months(day: date, months: int) -> date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise ValueError("unreachable")  # pragma: no cover


def next_period_dates(start: date | None, end: date | None) -> tuple[date | None, date | None]:
    """The period that follows [start, end], of the same length in whole months when the
    period is made of whole months (quarters, halves, years), else in days."""
    if start is None or end is None or end < start:
        return None, None
    new_start = end + timedelta(days=1)
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if start.day == 1 and (end + timedelta(days=1)).day == 1:
        return new_start, _add_months(new_start, months) - timedelta(days=1)
    return new_start, new_start + (end - start)


def copy_for_next_period(ws: Workshop) -> Workshop:
    """A fresh session for the next period: keeps the people, the strategy context, the
    objectives and the KRs (with their why-chains); resets actions, votes, timers, the
    checklist, cadence dates and the retro. Every id is new; links are remapped."""
    new = copy.deepcopy(ws)
    new.created_at = new.updated_at = now_iso()
    old_label = ws.period_label
    new.period_label = next_period_label(old_label)
    new.period_start, new.period_end = next_period_dates(ws.period_start, ws.period_end)
    if old_label and new.period_label != old_label and old_label in ws.title:
        new.title = ws.title.replace(old_label, new.period_label)
    elif not new.title.endswith("(copy)"):
        new.title = f"{new.title} (copy)".strip()
    new.workshop_date = None
    new.started_at = None
    new.current_stage = ""  # the next period starts at its agenda's first stage
    new.stages = []
    new.checklist = []
    new.retro = Retro()
    new.cadence = Cadence(ws.cadence.checkin_interval, ws.cadence.checkin_weekday)
    renew_ids(new)
    for o in new.objectives:
        o.votes = 0
        for kr in o.key_results:
            kr.actions = []
            kr.score = None
            kr.retro_note = ""
            kr.rewrite_draft = {}
    return new


def renew_ids(ws: Workshop) -> Workshop:
    """Give every entity of `ws` a new id, in place, keeping the links between them
    (an action's owner, an objective's strategy). Returns `ws`."""
    ws.id = new_id()
    people: dict[str, str] = {}
    for p in ws.participants:
        people[p.id] = p.id = new_id()
    strategies: dict[str, str] = {}
    for s in ws.context.strategies:
        strategies[s.id] = s.id = new_id()
    for o in ws.objectives:
        o.id = new_id()
        o.strategy_id = strategies.get(o.strategy_id, "")
        for kr in o.key_results:
            kr.id = new_id()
            for a in kr.actions:
                a.id = new_id()
                a.owner_id = people.get(a.owner_id, "")
    return ws

"""Every structural change a facilitator can make to a session, as a named operation.

Each operation takes the workshop and plain arguments (ids, numbers, texts: never a
widget or a model object) and changes the workshop in place; some return the id of what
they created. They know nothing of Qt, undo or saving: the controller applies one as a
single undo step (`SessionController.edit(operation, *args)`), named in the Edit menu by
the operation's `label`. Typing into one field is not here: that is
`SessionController.set_field`, which merges a burst of typing into one step.

An id that is not (or no longer) in the workshop is not an error: an edit that arrives
after the thing was removed (a double click, a late shortcut) changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, timedelta
from typing import Any, TypeVar

from workshop.flows import ask_why
from workshop.model import (
    Action,
    ChecklistAnswer,
    KeyResult,
    Objective,
    Participant,
    Strategy,
    WhyStep,
    Workshop,
)

Operation = TypeVar("Operation", bound=Callable[..., Any])


def labelled(label: str) -> Callable[[Operation], Operation]:
    """Name an operation the way the Edit menu says it ("Undo Add task")."""
    def name(operation: Operation) -> Operation:
        operation.label = label  # type: ignore[attr-defined]
        return operation
    return name


# -- who is in the room ----------------------------------------------------------------
@labelled("Add participant")
def add_participant(ws: Workshop) -> str:
    """An empty participant at the end; returns its id."""
    participant = Participant()
    ws.participants.append(participant)
    return participant.id


@labelled("Remove participant")
def remove_participant(ws: Workshop, participant_id: str) -> None:
    """Remove a participant; the actions they owned keep their text and deadline and
    wait for a new owner."""
    ws.participants = [p for p in ws.participants if p.id != participant_id]
    for action in _every_action(ws):
        if action.owner_id == participant_id:
            action.owner_id = ""


def _every_action(ws: Workshop) -> list[Action]:
    """The actions under every objective, kept or not (ws.all_actions() sees only the
    kept ones, and a dropped objective may be kept again later)."""
    return [a for o in ws.objectives for kr in o.key_results for a in kr.actions]


# -- strategy --------------------------------------------------------------------------
@labelled("Add strategy")
def add_strategy(ws: Workshop) -> str:
    """An empty strategy at the end; returns its id."""
    strategy = Strategy()
    ws.context.strategies.append(strategy)
    return strategy.id


@labelled("Remove strategy")
def remove_strategy(ws: Workshop, strategy_id: str) -> None:
    """Remove a strategy; objectives that served it stay, unlinked (a dangling link
    would make the session invalid)."""
    ws.context.strategies = [s for s in ws.context.strategies if s.id != strategy_id]
    for objective in ws.objectives:
        if objective.strategy_id == strategy_id:
            objective.strategy_id = ""


# -- objectives ------------------------------------------------------------------------
@labelled("Add candidate objective")
def add_objective(ws: Workshop) -> str:
    """An empty candidate objective at the end; returns its id."""
    objective = Objective()
    ws.objectives.append(objective)
    return objective.id


@labelled("Remove candidate objective")
def remove_objective(ws: Workshop, objective_id: str) -> None:
    """Remove a candidate with its key results and their actions."""
    ws.objectives = [o for o in ws.objectives if o.id != objective_id]


@labelled("Sort candidates by votes")
def sort_objectives_by_votes(ws: Workshop) -> None:
    """Most votes first; candidates with as many votes keep their order."""
    ws.objectives.sort(key=lambda o: -o.votes)


# -- key results -----------------------------------------------------------------------
@labelled("Add key result")
def add_key_result(ws: Workshop, objective_id: str) -> str:
    """An empty key result at the end of the objective; its id, or "" when the
    objective is gone."""
    for objective in ws.objectives:
        if objective.id == objective_id:
            kr = KeyResult()
            objective.key_results.append(kr)
            return kr.id
    return ""


@labelled("Remove key result")
def remove_key_result(ws: Workshop, kr_id: str) -> None:
    """Remove a key result with its actions and its why-ladder."""
    for objective in ws.objectives:
        objective.key_results = [k for k in objective.key_results if k.id != kr_id]


@labelled("Rewrite key result")
def rewrite_key_result(ws: Workshop, kr_id: str, *, text: str, metric: str = "",
                       baseline: str = "", target: str = "", unit: str = "",
                       direction: str = "", why_steps: Iterable[WhyStep] = ()) -> str:
    """The output becomes the outcome drafted on the why-ladder (see
    ask_why.accept_rewrite); returns the id of the action the output became.
    ValueError for an empty text or an unknown direction, so nothing changes."""
    return ask_why.accept_rewrite(ws, kr_id, text=text, metric=metric, baseline=baseline,
                                  target=target, unit=unit, direction=direction,
                                  why_steps=why_steps).id


@labelled("Keep key result as it is")
def keep_key_result(ws: Workshop, kr_id: str, reason: str) -> None:
    """The room keeps the key result as written, for the reason given (ValueError when
    there is none)."""
    ask_why.keep_as_is(ws, kr_id, reason)


# -- actions ---------------------------------------------------------------------------
@labelled("Add task")
def add_action(ws: Workshop, kr_id: str) -> str:
    """An empty task at the end of the key result's; its id, or "" when the key result
    is gone."""
    found = ws.find_key_result(kr_id)
    if found is None:
        return ""
    action = Action()
    found[1].actions.append(action)
    return action.id


@labelled("Remove task")
def remove_action(ws: Workshop, action_id: str) -> None:
    for objective in ws.objectives:
        for kr in objective.key_results:
            kr.actions = [a for a in kr.actions if a.id != action_id]


# -- the review checklist --------------------------------------------------------------
def _checklist_entry(ws: Workshop, number: int) -> ChecklistAnswer:
    """The entry for question `number`, created (in question order) when missing."""
    for entry in ws.checklist:
        if entry.question == number:
            return entry
    entry = ChecklistAnswer(question=number)
    ws.checklist.append(entry)
    ws.checklist.sort(key=lambda e: e.question)
    return entry


@labelled("Answer checklist question")
def answer_checklist_question(ws: Workshop, number: int, answer: bool | None) -> None:
    """Yes (True), no (False) or not answered (None) for question `number` (1-based)."""
    _checklist_entry(ws, number).answer = answer


@labelled("Comment on checklist question")
def comment_checklist_question(ws: Workshop, number: int, comment: str) -> None:
    _checklist_entry(ws, number).comment = comment


# -- cadence ---------------------------------------------------------------------------
def suggested_mid_review(start: date | None, end: date | None,
                         weekday: int = 0) -> date | None:
    """Halfway through the period, the method's natural point for a mid-period review:
    on the team's check-in weekday nearest to the middle (Monday=0), never a weekend."""
    if start is None or end is None or end < start:
        return None
    middle = start + timedelta(days=(end - start).days // 2)
    weekday = weekday % 7 if weekday % 7 < 5 else 4  # a weekend check-in day: Friday
    ahead = (weekday - middle.weekday()) % 7
    chosen = min(max(middle + timedelta(days=ahead if ahead <= 3 else ahead - 7), start),
                 end)
    return chosen if _is_workday(chosen) else _workday_on_or_before(chosen)


def suggested_retro(end: date | None) -> date | None:
    """The retro belongs at the period's end, when every key result can be scored: its
    last working day."""
    return _workday_on_or_before(end) if end is not None else None


def _is_workday(day: date) -> bool:
    return day.weekday() < 5


def _workday_on_or_before(day: date) -> date:
    while not _is_workday(day):
        day -= timedelta(days=1)
    return day


@labelled("Suggest review and retro dates")
def suggest_cadence_dates(ws: Workshop) -> bool:
    """Fill in the mid-period review (halfway) and the retro (the period's last day).
    False, changing nothing, while the period has no sane start and end."""
    mid = suggested_mid_review(ws.period_start, ws.period_end, ws.cadence.checkin_weekday)
    retro = suggested_retro(ws.period_end)
    if mid is None and retro is None:
        return False
    ws.cadence.mid_review = mid or ws.cadence.mid_review
    ws.cadence.retro_date = retro or ws.cadence.retro_date
    return True


@labelled("Add action")
def add_captured_action(ws: Workshop, kr_id: str, text: str, owner_id: str = "",
                        deadline: date | None = None) -> str:
    """A task typed in one line (quick capture) with its owner and deadline; its id, or
    "" when the key result is gone. An owner who is not a participant is left empty."""
    found = ws.find_key_result(kr_id)
    if found is None:
        return ""
    known = {p.id for p in ws.participants}
    action = Action(text=text, owner_id=owner_id if owner_id in known else "",
                    deadline=deadline)
    found[1].actions.append(action)
    return action.id


@labelled("Fill in the numbers the key result states")
def fill_stated_numbers(ws: Workshop, kr_id: str, values: dict[str, str]) -> None:
    """Baseline, target, unit and direction as read from the key result's own words
    (kr_numbers.read_stated_numbers); other fields are left alone."""
    found = ws.find_key_result(kr_id)
    if found is None:
        return
    kr = found[1]
    for name in ("baseline", "target", "unit", "direction"):
        if name in values:
            setattr(kr, name, str(values[name]))

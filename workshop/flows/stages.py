"""The stages of the workshop, each declared once, here.

A stage is one unit: its key and title (the same words in both windows), whether it is
timed (the wrap-up and the retro are stages without a timer), the question the
projector shows the room, the questions the facilitator asks out loud, a few tips for
running it well (the culture guardrails of the method live here, where they matter), the
one thing the stage must produce, its exit checks (which coaching findings are worth a
look before moving on), and its slide: the pure function giving what the room sees.

The UI adds one page class per stage key (ui/pages/); nothing else anywhere needs to know
a stage's key. How long a timed stage lasts belongs to the agenda (flows/agenda.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from workshop.flows import slides
from workshop.flows.slides import Row
from workshop.model import Workshop

SlideFunction = Callable[..., list[Row]]


@dataclass(frozen=True)
class Stage:
    """One step of the workshop, with its texts for the facilitator and the room."""

    key: str
    title: str
    audience_question: str
    prompts: tuple[str, ...]
    tips: tuple[str, ...]
    goal: str
    exit_codes: tuple[str, ...]
    slide: SlideFunction
    timed: bool = True
    # PageDown reaches it from the stage before. The retro is not part of the day's
    # flow: it is opened from the stage list at the period's end.
    paged_to: bool = True
    # Its slide shows the time of day (the break: "Back at 10:40"), so it is redrawn as
    # the clock moves, not only when the session changes.
    clock_on_slide: bool = False


STAGES: tuple[Stage, ...] = (
    Stage(
        key="setup",
        title="Welcome and set-up",
        audience_question="What do we want to walk out of this room with today?",
        prompts=(
            "Who is in the room, and what do you hope we decide today?",
            "Which period are we setting OKRs for, and when does it end?",
            "Has anyone worked with OKRs before? What went well, what did not?",
        ),
        tips=(
            "Keep it brisk: names, roles, the period, and the promise of the last "
            "15 minutes, when we turn everything into first actions.",
            "Say it early: OKRs are not for appraisals and never tied to pay or bonuses. "
            "That is what makes ambitious targets safe.",
            "Agree the ground rules: everybody writes, everybody votes, the facilitator "
            "keeps the time.",
        ),
        goal="Everyone knows why we are here, the period, and how the session will run.",
        exit_codes=(),
        slide=slides.setup_slide,
    ),
    Stage(
        key="strategy",
        title="Strategy context",
        audience_question="Where are we heading in the next few years, and why?",
        prompts=(
            "In one sentence: what is this organisation here to do?",
            "Which two or three strategies will get us there over the next years?",
            "What has changed since we last set goals: market, customers, the team?",
        ),
        tips=(
            "Objectives without a strategy float. If nobody can name the strategy, "
            "write down the best shared guess and move on; don't invent one here.",
            "Leadership sets the intent; the team's job today is to propose the path. "
            "Invite the quieter voices before the loudest one settles it.",
        ),
        goal="The vision, mission and the strategies the objectives will serve, in writing.",
        exit_codes=(),
        slide=slides.strategy_slide,
    ),
    Stage(
        key="objectives",
        title="Objective drafting",
        audience_question="What do we want to achieve this period, and why does it matter?",
        prompts=(
            "If this period went brilliantly, what would be different at the end of it?",
            "Which strategy does this objective move forward?",
            "Is this a real change, or business as usual we would do anyway?",
            "If we could only pick two, which would they be?",
        ),
        tips=(
            "Let people write alone for three minutes before anyone talks: you get "
            "more ideas and fewer echoes of the boss.",
            "Objectives are qualitative and inspiring; the numbers come next. Steer away "
            "from 'continue', 'maintain' and 'keep'.",
            "Start less, finish more: a team new to OKRs is best served by two objectives.",
        ),
        goal="Two or three objectives, each linked to a strategy and saying why it matters.",
        exit_codes=("objective", "strategy.unlinked", "focus.too_many_objectives",
                    "focus.first_time"),
        slide=slides.objectives_slide,
    ),
    Stage(
        key="key_results",
        title="Key results",
        audience_question="How will we know we are getting there?",
        prompts=(
            "What would tell us this objective is really happening?",
            "Who benefits, and what would they do differently?",
            "Where are we today, and where do we want to be by the end of the period?",
        ),
        tips=(
            "Listen for outputs: launch, ship, host, publish, hire. Note them and keep "
            "going; the next stage turns them into outcomes.",
            "Ask for a from and a to. 'Unknown' is an honest baseline; measuring it can be "
            "the first action.",
            "A stretch target is fine: 0.7 of an ambitious number beats 1.0 of a safe one.",
        ),
        goal="Two or three measurable key results per objective, each with a from and a to.",
        exit_codes=("kr.output", "kr.milestone", "kr.own_output_count", "kr.no_target",
                    "kr.health_metric", "kr.vanity", "focus.too_many_krs",
                    "focus.too_many_okrs"),
        slide=slides.key_results_slide,
    ),
    Stage(
        key="ask_why",
        title="Ask why",
        audience_question="Why do we want this, and who is better off when we get it?",
        prompts=(
            "Why do we want to do this?",
            "And why does that matter, and to whom?",
            "How would we see that change in a number?",
        ),
        tips=(
            "One key result at a time. Ask why, write the answer down, ask again: two or "
            "three rounds usually reach something a customer or colleague would notice.",
            "Nothing is thrown away: the original output becomes an action under the new "
            "key result.",
            "If the room has a good reason to keep a key result as it is, let them, and "
            "write the reason down.",
        ),
        goal="Every output rewritten as an outcome, or kept on purpose with a reason.",
        exit_codes=("kr.output", "kr.milestone", "kr.own_output_count"),
        slide=slides.ask_why_slide,
    ),
    Stage(
        key="review",
        title="Review checklist",
        audience_question="Would we bet this period on these OKRs?",
        prompts=(
            "Read each objective with its key results out loud: does the sentence hold?",
            "Are these outcomes, and are there few enough of them?",
            "Did the people who will do the work help write them?",
            "If we hit these, would it really move the needle?",
        ),
        tips=(
            "A quick round of yes or no per question. Two or more 'no' answers mean there "
            "is work to do before anyone leaves.",
            "Watch the clock here: the last 15 minutes belong to action planning.",
        ),
        goal="The checklist answered together, and what it found fixed or noted.",
        exit_codes=("kr", "objective", "focus"),
        slide=slides.review_slide,
    ),
    Stage(
        key="break",
        title="Break",
        audience_question="Time for a break. Back in a few minutes!",
        prompts=(
            "Let's stop here for a few minutes. We start again on time.",
            "On your way out: anything on your mind you want on the board when we're back?",
        ),
        tips=(
            "Announce the time you restart, not the length of the break.",
            "Good moment to tidy the wording of what the room wrote so far.",
        ),
        goal="Fresh heads for the second half.",
        exit_codes=(),
        slide=slides.break_slide,
        clock_on_slide=True,
    ),
    Stage(
        key="action_plan",
        title="Action planning",
        audience_question="What are the first things we do, who does them, and by when?",
        prompts=(
            "For this key result: what are the first three things we could do?",
            "Who owns each one? One name per task.",
            "By when? Pick a date inside the period.",
            "When do we check in, and when do we look back?",
        ),
        tips=(
            "Three to five first tasks per key result are enough; the next steps appear "
            "once work starts.",
            "One owner per task, a person in the room, and a deadline inside the period.",
            "Fix the check-in rhythm now (weekly or every two weeks) and put the review "
            "and retro dates in the calendar before people leave.",
        ),
        goal="First actions with an owner and a deadline for every key result, and a cadence.",
        exit_codes=("plan",),
        slide=slides.action_plan_slide,
    ),
)

# After the timed stages: the handouts, and the retro at the period's end. They have a
# page and a slide like any stage but no timer and no place in the agenda.
UNTIMED_STAGES: tuple[Stage, ...] = (
    Stage(
        key="wrap_up",
        title="Wrap-up and handouts",
        audience_question="What we agreed today",
        prompts=(
            "Who will tell the rest of the team about these OKRs, and when?",
            "Is the first check-in in everybody's calendar?",
        ),
        tips=(
            "Send the handout the same day, while the room still remembers the "
            "why-chains.",
            "The per-participant pages are the commitments each person made: hand them "
            "to each person, not to their manager.",
        ),
        goal="Everyone leaves with the handout and the dates of the next check-ins.",
        exit_codes=(),
        slide=slides.wrap_up_slide,
        timed=False,
    ),
    Stage(
        key="retro",
        title="Retro",
        audience_question="What did this period teach us?",
        prompts=(
            "Which OKRs helped us focus, and which were noise?",
            "Where did we fall into the output trap?",
            "How do we involve more voices next time?",
        ),
        tips=(
            "0.7 is a good score for a stretch target; a row of 1.0s means the targets "
            "were too easy.",
            "Scores are for learning, never for appraisals or bonuses.",
        ),
        goal="An honest score per key result and the lessons for the next period.",
        exit_codes=(),
        slide=slides.retro_slide,
        timed=False,
        paged_to=False,
    ),
)

STAGE_KEYS: tuple[str, ...] = tuple(s.key for s in STAGES)  # the timed stages, in order
ALL_STAGES: tuple[Stage, ...] = STAGES + UNTIMED_STAGES
FINAL_STAGE_KEY = "action_plan"

_BY_KEY = {s.key: s for s in ALL_STAGES}

# The findings that suggest going (back) to ask-why before leaving a stage.
_OUTPUT_CODES = ("kr.output", "kr.milestone", "kr.own_output_count")


def stage_by_key(key: str) -> Stage:
    """The stage with this key; KeyError for an unknown key."""
    try:
        return _BY_KEY[key]
    except KeyError:
        raise KeyError(f"unknown stage {key!r}") from None


def slide_rows(ws: Workshop, key: str, focus: tuple[str, str] | None = None,
               back_at: str = "") -> list[Row]:
    """What the room sees for the stage `key`: only shared content, never the notes,
    prompts, tips or coach findings. [] for an unknown key."""
    stage = _BY_KEY.get(key)
    return stage.slide(ws, focus, back_at) if stage is not None else []


def code_matches(code: str, prefix: str) -> bool:
    """True when `code` is `prefix` or sits below it ("kr.output" matches "kr").

    Matching is on whole dotted parts, so "kr.output" does not match "kr.own_output_count".
    """
    return code == prefix or code.startswith(prefix + ".")


def exit_findings(stage_key: str, findings: Iterable[Any]) -> list[Any]:
    """The findings (objects with a `.code`) worth a look when leaving this stage."""
    prefixes = stage_by_key(stage_key).exit_codes
    if not prefixes:
        return []
    return [f for f in findings
            if any(code_matches(getattr(f, "code", ""), p) for p in prefixes)]


def exit_advice(stage_key: str, findings: Iterable[Any]) -> str:
    """One calm sentence for the facilitator when leaving a stage with open findings.

    "" when nothing is worth mentioning. Leaving key results while some still read like
    outputs points to the ask-why stage; leaving ask-why with outputs left names them.
    """
    relevant = exit_findings(stage_key, findings)
    if not relevant:
        return ""
    outputs = [f for f in relevant if any(code_matches(f.code, c) for c in _OUTPUT_CODES)]
    if stage_key == "key_results" and outputs:
        count = len(outputs)
        what = "key result still reads" if count == 1 else "key results still read"
        return (f"{count} {what} like an output. The next stage, Ask why, "
                f"is made for exactly that.")
    if stage_key == "ask_why" and outputs:
        count = len(outputs)
        what = "output is" if count == 1 else "outputs are"
        return (f"{count} {what} not rewritten yet. Ask why once more, or keep it on "
                f"purpose and note the reason.")
    count = len(relevant)
    noun = "point" if count == 1 else "points"
    return f"The coach has {count} {noun} worth a look before moving on."

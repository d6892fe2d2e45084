"""The why-ladder: turning an output key result into an outcome by asking why.

For an output ("Launch v3.0 of our platform") the facilitator asks "Why do we want to
launch v3.0 of our platform?", writes the answer, and asks why again, building on the
answer, until it names a change that matters to someone. Then: how would we see that
change in a number? The rewrite keeps the key result's identity, remembers the ladder,
and the original output lives on as the first action under the new key result.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from difflib import SequenceMatcher
from functools import lru_cache

from workshop.model import (
    DIRECTIONS,
    ORIGIN_FROM_OUTPUT,
    Action,
    KeyResult,
    Objective,
    WhyStep,
    Workshop,
)

MAX_WHYS = 5
"""Asking why more often than this goes in circles; by then it is time to measure."""

MEASURE_QUESTION = "How would we see that change in a number?"

# Verbs a key result (or an answer) typically starts with. Not a dictionary, just the
# common ones: a text starting with another word is treated as a noun phrase.
_VERBS = frozenset("""
    accelerate achieve acquire add adopt align analyse analyze attend attract automate
    become boost build buy change close collect complete conduct convert create cut
    decrease define deliver deploy design develop digitise digitize document double
    drive educate eliminate enable establish expand finalise finalize finish fix gain
    generate get give grow halve help hire hold host implement improve increase
    integrate interview introduce invest keep launch lead lower make manage map
    maintain migrate modernise modernize move offer onboard open optimise optimize
    organise organize pilot plan post prepare present produce provide publish raise
    reach rebuild recruit redesign reduce refactor release remove renew replace
    rewrite roll run save scale secure sell send set ship shorten sign simplify speed
    start stop streamline support switch test train translate update upgrade win write
""".split())

_ARTICLES = frozenset("a an the".split())
_NO_ARTICLE = frozenset("""
    all every each more most fewer less our their its my your his her this that these
    those some any no one two three four five six seven eight nine ten
""".split())
_SUBJECTS = frozenset("we it they this that there he she you i our customers".split())
_LEAD_INS = (
    "we will ", "we want to ", "we need to ", "we should ", "we must ", "we'll ",
    "in order to ", "to ",
    # A key result kept as a yes/no question: "Did we publish 8 posts?"
    "did we ", "did i ", "have we ", "have i ", "has the team ",
)


# What a pasted key result may trail that is not part of it.
_TRAILING = " .!?;:,"


def _clean(text: str) -> str:
    text = " ".join(text.split())
    return text.rstrip(_TRAILING)


# A list label in front of a key result, as people paste them: "KR2:", "KR 2 -", "1.",
# "(a)", "- ", "O1 KR2:". It is not part of what the room wants.
_LABEL = re.compile(
    r"^(?:\s*(?:[-*\u2022\u00b7>]+\s|\(?[0-9]{1,2}[.)](?=\s|$)|\(?[a-h][.)](?=\s|$)|"
    r"(?:o[0-9]+\s*)?(?:kr|key result)\s*[0-9]*\s*[:.)\u2013-]))+\s*",
    re.IGNORECASE)


def strip_label(text: str) -> str:
    """The key result without a leading list label ("KR2: Migrate ..." -> "Migrate ...")."""
    return _LABEL.sub("", text, count=1)


def _first_clause(text: str) -> str:
    """The first thought of an answer: up to the first full stop, colon or semicolon."""
    parts = re.split(r"(?<=[^\d])[.;:!?](?:\s|$)|\s[-\u2013\u2014]\s", text, maxsplit=1)
    return _clean(parts[0])


def _lower_first(text: str) -> str:
    """Lower the first letter unless the first word looks like a name or an acronym
    ("CRM", "iOS", "v3.0" keep their case)."""
    word = text.split(" ", 1)[0]
    if len(word) > 1 and word[1:] != word[1:].lower():
        return text
    return text[:1].lower() + text[1:]


# A charter's row: the service or work named, then a dash, a colon or a bar before its
# cells ("Rubbish collection - 3 times a week").
_ROW_NAME_RE = re.compile(r"([^-–—:|]{3,60}?)(?: [-–—] |: | \| )")
# A cell that says how often or how soon.
_TIMETABLE_CELL_RE = re.compile(r"(?:\d|once\b|twice\b|every\b|daily\b|weekly\b|monthly\b|"
                                r"annually\b|yearly\b|within\b|immediately\b)", re.IGNORECASE)


def row_name(text: str) -> str:
    """The name a charter's row starts with, before its cells; "" when it has none."""
    m = _ROW_NAME_RE.match(text)
    return m.group(1) if m else ""


def timetable_row(text: str) -> tuple[str, str] | None:
    """A charter's row split into its work and its timetable ("Rubbish collection - 3
    times a week" -> ("Rubbish collection", "3 times a week")), or None."""
    m = _ROW_NAME_RE.match(text)
    if m is None or not _TIMETABLE_CELL_RE.match(text, m.end()):
        return None
    return m.group(1), text[m.end():]


def _strip_lead_in(text: str) -> str:
    lowered = text.lower()
    if not lowered.startswith(_LEAD_INS):
        return text
    for lead in _LEAD_INS:
        if lowered.startswith(lead) and len(text) > len(lead):
            return text[len(lead):]
    return text


_NOT_IN_A_WORD = re.compile(r"[^a-z'-]")


def _first_word(text: str) -> str:
    return _NOT_IN_A_WORD.sub("", text.split(" ", 1)[0].lower())


def _second_word(text: str) -> str:
    words = text.split()
    return words[1].lower() if len(words) > 1 else ""


def _is_plural(word: str) -> bool:
    word = word.lower().strip(".,;:")
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))


# A gerund followed by one of these has an object: "launching the app", not a noun.
_OBJECT_STARTS = frozenset("a an the our all every more their its".split())
# An answer with one of these is a whole clause: "teams are our growth market".
_CLAUSE_VERBS = frozenset("""is are was were will would can could has have had need needs
    get gets want wants do does don't doesn't leave leaves stay stays""".split())
# Words, with what follows an apostrophe kept beside them: "doesn't" is read whole and
# "can't" by its first part, as a pattern's word boundaries would.
_WORD_RE = re.compile(r"(\w+)('\w+)?")
_PLAIN_WORD_RE = re.compile(r"\w+")


def _has_clause_verb(text: str) -> bool:
    """Whether a verb of a whole clause stands as a word of its own in `text` (a set look-up
    per word: a pattern of alternatives tried at every letter took 4.3 µs a text, this
    2.7)."""
    lowered = text.lower()
    if "'" not in lowered:
        # Without an apostrophe every word stands alone: one look-up for them all.
        return not _CLAUSE_VERBS.isdisjoint(_PLAIN_WORD_RE.findall(lowered))
    for word, contraction in _WORD_RE.findall(lowered):
        if word in _CLAUSE_VERBS or contraction and (
                word + contraction in _CLAUSE_VERBS or contraction[1:] in _CLAUSE_VERBS):
            return True
    return False


def _verb_base(word: str) -> str:
    """The verb `word` is a form of ("launched" -> "launch", "ships" -> "ship",
    "migrated" -> "migrate"), or "" when it is none of the known verbs."""
    if word in _VERBS:
        return word
    candidates: list[str] = []
    if word.endswith("ied"):
        candidates.append(word[:-3] + "y")
    if word.endswith("ed"):
        # "launched" -> launch, "migrated" -> migrate, "shipped" -> ship
        candidates += [word[:-2], word[:-1], word[:-3]]
    if word.endswith("es"):
        candidates.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        candidates.append(word[:-1])
    return next((c for c in candidates if c in _VERBS), "")


@lru_cache(maxsize=4096)
def _typo_of(word: str, verb: str) -> bool:
    """True when `word` is `verb`, or `verb` mistyped ("impelment", "lauch")."""
    if word.lower() == verb:
        return True
    return (len(word) >= 4 and word[:1] == verb[:1]
            and SequenceMatcher(None, word, verb).ratio() >= 0.8)


def first_why_question(kr_text: str, verb: str = "") -> str:
    """The first rung: "Why do we want to launch v3.0 of our platform?".

    A leading list label ("KR2:") is dropped and a verb in any form asks for the verb
    ("Launched the partner portal" -> "Why do we want to launch the partner portal?").
    `verb` is the coach's reading of the first word, when it knows better (a typo such
    as "impelment"). Texts that do not start with a verb work as well ("Why do we want
    a new pricing page?", "Why do we want 5 webinars on enterprise AI?"). An empty key
    result has no question: "".
    """
    # Single-spaced before the label goes, and the label takes the spaces after it: what is
    # left needs only its end trimmed (`_clean` without a second split).
    text = _strip_lead_in(strip_label(" ".join(kr_text.split())).rstrip(_TRAILING))
    if not text:
        return ""
    first = _first_word(text)
    base = _verb_base(first)
    if not base and verb and _typo_of(first, verb):
        base = verb
    if not base and first.endswith("ly") and " " in text:
        # "Regularly measure ...", "Successfully launch ...": an adverb says how, the verb
        # after it what; the question asks about the verb.
        after = text.split(" ", 1)[1]
        second = _first_word(after)
        base = _verb_base(second) or (verb if verb and _typo_of(second, verb) else "")
        if base:
            text = after
    if base:
        rest = text.split(" ", 1)[1] if " " in text else ""
        return f"Why do we want to {base} {rest}".rstrip() + "?"
    row = timetable_row(text)
    if row:
        # A charter's row, the work and how often or how soon it is done: "Rubbish
        # collection - 3 times a week" -> "Why does rubbish collection 3 times a week
        # matter to us?", not "a rubbish collection - 3 times a week".
        work, when = row
        return f"Why does {_lower_first(work)} {_lower_first(when)} matter to us?"
    phrase = _lower_first(text)
    if first.endswith("ing") and len(first) > 5 and _second_word(text) in _OBJECT_STARTS:
        return f"Why does {phrase} matter to us?"  # "launching the partner programme"
    if _has_clause_verb(text):
        # A whole statement: "Users can export reports", "All teams have a runbook".
        return f"Why does it matter that {phrase}?"
    if first in _ARTICLES or first in _NO_ARTICLE or not first or text[0].isdigit():
        return f"Why do we want {phrase}?"
    if _is_plural(first):
        return f"Why do we want {phrase}?"  # a plural needs no article: "webinars ..."
    if phrase[:1].isupper():
        return f"Why do we want {phrase}?"  # a name: "Salesforce in every team"
    article = "an" if first[:1] in "aeiou" else "a"
    return f"Why do we want {article} {phrase}?"


def next_why_question(previous_answer: str) -> str:
    """The next rung, built on the last answer:
    "To increase enterprise adoption." -> "Why does it matter to increase enterprise adoption?"
    """
    text = _first_clause(previous_answer)
    if not text:
        return "Why does that matter?"
    lowered = text.lower()
    for lead, form in (("so that ", "that"), ("because ", "that"), ("so ", "that"),
                       ("in order to ", "to"), ("to ", "to")):
        if lowered.startswith(lead) and len(text) > len(lead):
            rest = _lower_first(text[len(lead):])
            return f"Why does it matter {form} {rest}?"
    if len(text.split()) > 14:
        return "Why does that matter, and to whom?"
    first = _first_word(text)
    phrase = _lower_first(text)
    if first in _VERBS:
        return f"Why does it matter to {phrase}?"
    if first in _SUBJECTS or _has_clause_verb(text):
        return f"Why does it matter that {phrase}?"
    verb = "do" if _is_plural(text.split()[-1]) else "does"
    return f"Why {verb} {phrase} matter?"


def ladder_question(kr_text: str, steps: Iterable[WhyStep]) -> str:
    """The question to ask next on a ladder: the first why, a why building on the last
    answer, or, once the ladder is MAX_WHYS rungs high, the measuring question."""
    answered = [s for s in steps if s.answer.strip()]
    if not answered:
        return first_why_question(kr_text)
    if len(answered) >= MAX_WHYS:
        return MEASURE_QUESTION
    return next_why_question(answered[-1].answer)


# The ladder as the room climbs it. Each function returns a new list of new steps, never
# changing the one it was given: the undo history keeps the old list as it was.
def ladder_steps(kr: KeyResult) -> list[WhyStep]:
    """The rungs to show: the key result's own, or the first question waiting for its
    answer."""
    if kr.why_steps:
        return [WhyStep(s.question, s.answer) for s in kr.why_steps]
    return [WhyStep(first_why_question(kr.text), "")]


def with_answer(kr: KeyResult, index: int, answer: str) -> list[WhyStep]:
    """The ladder with the answer to rung `index` (0-based) replaced by `answer`.
    IndexError for a rung that is not on the ladder."""
    steps = ladder_steps(kr)
    steps[index] = WhyStep(steps[index].question, answer)
    return steps


def can_ask_again(kr: KeyResult) -> bool:
    """True while the last rung is answered and the ladder is below MAX_WHYS."""
    steps = ladder_steps(kr)
    return bool(steps[-1].answer.strip()) and len(steps) < MAX_WHYS


def asked_again(kr: KeyResult) -> list[WhyStep]:
    """The ladder with the next why, built on the last answer, added; unchanged when
    the last rung has no answer yet or the ladder is MAX_WHYS high (time to measure)."""
    steps = ladder_steps(kr)
    if not can_ask_again(kr):
        return steps
    return [*steps, WhyStep(ladder_question(kr.text, steps), "")]


def answered_steps(steps: Iterable[WhyStep]) -> list[WhyStep]:
    """The chain kept with a rewrite: a last question nobody answered is not part of it."""
    chain = [WhyStep(s.question, s.answer) for s in steps]
    while chain and not chain[-1].answer.strip():
        chain.pop()
    return chain


def output_queue(workshop: Workshop,
                 is_output: Callable[[KeyResult], bool]) -> list[tuple[Objective, KeyResult]]:
    """Key results of the chosen objectives still waiting for the ladder: outputs by
    `is_output`, neither rewritten nor kept on purpose, in the order they appear. An
    empty row is nothing to ask why about yet."""
    return [
        (objective, kr)
        for objective in workshop.selected_objectives()
        for kr in objective.key_results
        if kr.text.strip() and not kr.rewritten_from and not kr.keep_reason
        and is_output(kr)
    ]


def _find(workshop: Workshop, kr_id: str) -> KeyResult:
    found = workshop.find_key_result(kr_id)
    if found is None:
        raise ValueError(f"no key result with id {kr_id!r} in this workshop")
    return found[1]


def accept_rewrite(
    workshop: Workshop,
    kr_id: str,
    *,
    text: str,
    metric: str = "",
    baseline: str = "",
    target: str = "",
    unit: str = "",
    direction: str = "",
    why_steps: Iterable[WhyStep],
) -> Action:
    """Rewrite an output KR as an outcome; its old text becomes its first action.

    The key result keeps its id; `rewritten_from` records the original text and
    `why_steps` the ladder. Rewriting a KR that was already rewritten refines the new
    wording and keeps the original output and its action. Returns that action.
    ValueError for an empty text, an unknown direction or an unknown kr_id.
    """
    kr = _find(workshop, kr_id)
    new_text = " ".join(text.split())
    if not new_text:
        raise ValueError("the rewritten key result needs a text")
    if direction not in DIRECTIONS:
        raise ValueError(f"unknown direction {direction!r}")
    steps = [WhyStep(s.question, s.answer) for s in why_steps]

    if kr.rewritten_from:
        original = kr.rewritten_from
        action = next((a for a in kr.actions
                       if a.origin == ORIGIN_FROM_OUTPUT and a.text == original), None)
    else:
        original = kr.text
        action = None
    if action is None:
        action = Action(text=original, origin=ORIGIN_FROM_OUTPUT)
        kr.actions.insert(0, action)

    kr.rewritten_from = original
    kr.text = new_text
    kr.metric = metric.strip()
    kr.baseline = baseline.strip()
    kr.target = target.strip()
    kr.unit = unit.strip()
    kr.direction = direction
    kr.why_steps = steps
    kr.keep_reason = ""
    kr.rewrite_draft = {}
    return action


def keep_as_is(workshop: Workshop, kr_id: str, reason: str) -> None:
    """The room keeps this KR as written, on purpose; the reason is recorded.

    ValueError for an empty reason (it is the point of keeping) or an unknown kr_id.
    """
    kr = _find(workshop, kr_id)
    reason = " ".join(reason.split())
    if not reason:
        raise ValueError("say why the room keeps this key result as it is")
    kr.keep_reason = reason
    kr.rewrite_draft = {}

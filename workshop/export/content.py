"""What a handout says, independent of its format: the PDF and Markdown both read it here,
so the two always agree.

Nothing in here prints ids, timestamps or the facilitator's private notes.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from workshop.model import ORIGIN_FROM_OUTPUT, Action, KeyResult, Objective, Workshop

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
UNASSIGNED = "Unassigned"

# C0 and C1 control characters (tab and newline kept) are invisible in a document but
# draw as boxes or break lines in odd places: they are dropped. Lone surrogates cannot
# be encoded at all: they become the replacement character.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """User text made safe to lay out: line ends unified, control characters dropped,
    lone surrogates replaced, tabs turned into spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n").replace("\t", " ")
    text = _CONTROL.sub("", text)
    return _SURROGATE.sub("\ufffd", text)


def format_date(day: date | None, *, weekday: bool = False) -> str:
    """"26 Feb 2027" (or "Fri 26 Feb 2027"); an en dash when there is no date.

    Written out by hand rather than with strftime so the handout does not depend on the
    machine's locale.
    """
    if day is None:
        return "\u2013"
    text = f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
    return f"{WEEKDAYS[day.weekday()][:3]} {text}" if weekday else text


def initials(name: str) -> str:
    """Up to two letters for a name, for the timeline's owner dots."""
    letters = [part[0] for part in clean_text(name).split() if part and part[0].isalnum()]
    if not letters:
        return "?"
    return (letters[0] + (letters[-1] if len(letters) > 1 else "")).upper()


def owner_name(ws: Workshop, action: Action) -> str:
    """The owner's name, or "Unassigned" when nobody took the action (or the name is blank)."""
    name = ws.participant_name(action.owner_id).strip()
    return name if name else UNASSIGNED


def strategy_text(ws: Workshop, objective: Objective) -> str:
    """The text of the strategy an objective serves, "" when none is linked."""
    strategy = ws.strategy(objective.strategy_id) if objective.strategy_id else None
    return strategy.text if strategy else ""


def commitments(ws: Workshop, participant_id: str) -> list[tuple[Objective, KeyResult, Action]]:
    """One participant's actions with the KR and objective each serves, soonest first
    (actions without a deadline last, in plan order)."""
    mine = [(o, kr, a) for o, kr, a in ws.all_actions() if a.owner_id == participant_id]
    return sorted(mine, key=lambda item: (item[2].deadline is None,
                                          item[2].deadline or date.min))


@dataclass
class WhyChain:
    """How an output KR became an outcome KR: the lesson the handout repeats."""

    objective: Objective
    key_result: KeyResult
    original: str  # the output as first written
    output_action: Action | None  # the output, now an action under the new KR

    @property
    def outcome_label(self) -> str:
        """What the last line of the chain is: the outcome the ladder reached, the key
        result kept on purpose, or an output the room has not rewritten yet (never
        called an outcome)."""
        if self.original:
            return "Outcome key result"
        if self.key_result.keep_reason.strip():
            return f"Kept as it is ({self.key_result.keep_reason.strip()})"
        return "Still an output: not yet rewritten"


def why_chains(ws: Workshop) -> list[WhyChain]:
    """Every KR of the selected objectives that went through the why-ladder."""
    chains = []
    for objective, kr in ws.all_key_results():
        if not kr.rewritten_from.strip() and not kr.why_steps:
            continue
        original = kr.rewritten_from.strip()
        from_output = [a for a in kr.actions if a.origin == ORIGIN_FROM_OUTPUT]
        # Prefer the action whose text is the original output; any converted one will do.
        match = next((a for a in from_output if a.text.strip() == original), None)
        chains.append(WhyChain(objective, kr, original,
                               match or (from_output[0] if from_output else None)))
    return chains


def has_retro(ws: Workshop) -> bool:
    """True once a retro scored a KR or answered one of its questions."""
    retro = ws.retro
    if any(kr.score is not None or kr.retro_note.strip() for _, kr in ws.all_key_results()):
        return True
    return any(getattr(retro, name).strip()
               for name in ("focus_helped", "noise", "output_trap", "more_voices"))


def period_text(ws: Workshop) -> str:
    """"Q1 2027 (1 Jan 2027 - 31 Mar 2027)", or whichever part is known."""
    span = ""
    if ws.period_start and ws.period_end:
        span = f"{format_date(ws.period_start)} \u2013 {format_date(ws.period_end)}"
    label = ws.period_label.strip()
    if label and span:
        return f"{label} ({span})"
    return label or span


def score_words(score: float | None) -> str:
    """How a retro score reads in words (colour never carries the meaning alone)."""
    from workshop.method import score_band

    band = score_band(score)
    return {"green": "on track", "yellow": "partly there", "red": "missed"}.get(band, "")


def safe_file_stem(name: str, fallback: str) -> str:
    """A file name made from a person's name: letters and digits kept (any script),
    everything else folded into single dashes, at most 60 characters."""
    text = unicodedata.normalize("NFC", clean_text(name)).strip().lower()
    stem = "".join(ch if ch.isalnum() else "-" for ch in text)
    stem = re.sub("-+", "-", stem).strip("-")[:60].strip("-")
    # Names Windows reserves for devices cannot be file names there.
    if not stem or stem.upper() in {"CON", "PRN", "AUX", "NUL", *{f"COM{i}" for i in range(10)},
                                    *{f"LPT{i}" for i in range(10)}}:
        stem = fallback
    return stem

"""The numbers a key result states in its own words, offered for its fields.

"Raise onboarding satisfaction from 3.8 to 4.5 out of 5" already says the baseline, the
target, the unit and the direction; the facilitator should not type them again. This
module reads them (plain patterns, no guessing beyond what the words say); the key
results page offers them with one key, and the facilitator accepts or ignores them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBER = r"[-+]?\d+(?:[.,]\d+)?(?:[kKmM](?![a-z]))?"  # "40k" keeps its k
_UNIT_AFTER = r"(?P<unit>%|percent|pp|(?:out )?of \d+|/\s*\d+|[a-z][a-z\-]*(?:\s[a-z\-]+)?)?"
_FROM_TO = re.compile(
    rf"\bfrom\s+(?P<prefix>[$€£])?(?P<base>{_NUMBER})\s*(?P<unit1>%|[a-z]+)?\s+"
    rf"(?:to|->|→|–|-)\s+(?P=prefix)?(?P<target>{_NUMBER})\s*{_UNIT_AFTER}",
    re.IGNORECASE)
_ARROW = re.compile(rf"(?P<base>{_NUMBER})\s*(?P<unit1>%)?\s*(?:->|→)\s*(?P<target>{_NUMBER})"
                    rf"\s*{_UNIT_AFTER}", re.IGNORECASE)
_BOUND = re.compile(rf"\b(?P<word>below|under|less than|at most|above|over|more than|at least)"
                    rf"\s+(?P<prefix>[$€£])?(?P<target>{_NUMBER})\s*{_UNIT_AFTER}",
                    re.IGNORECASE)
_RAISE = ("increase", "raise", "grow", "improve", "lift", "boost", "double", "triple")
_LOWER = ("reduce", "cut", "decrease", "lower", "shrink", "drop", "halve")
# Words after a number that belong to the sentence, not to the unit.
_NOT_UNITS = {"by", "in", "within", "per", "for", "and", "or", "the", "a", "an", "with"}


@dataclass(frozen=True)
class StatedNumbers:
    """What the text says; "" where it says nothing."""

    baseline: str = ""
    target: str = ""
    unit: str = ""
    direction: str = ""

    @property
    def found(self) -> bool:
        return bool(self.target)


def _unit(raw: str | None, prefix: str | None = None) -> str:
    if prefix:
        return prefix
    if not raw:
        return ""
    raw = raw.strip()
    lowered = raw.lower()
    if lowered in ("%", "percent"):
        return "%"
    match = re.fullmatch(r"(?:out )?of (\d+)|/\s*(\d+)", lowered)
    if match:
        return f"/ {match.group(1) or match.group(2)}"
    words = [w for w in lowered.split() if w not in _NOT_UNITS]
    if not words or raw.split()[0].lower() in _NOT_UNITS:
        return ""
    return " ".join(raw.split()[:len(words)])


def _number(text: str) -> str:
    return text.replace(",", ".") if re.fullmatch(r"\d+,\d{1,2}", text) else text


def _says_any(text: str, words: tuple[str, ...]) -> bool:
    """True when one of `words` starts a word of `text` ("reduce" in "Reducing")."""
    lowered = text.lower()
    return any(re.search(rf"\b{w}", lowered) for w in words)


def _direction(text: str, base: str, target: str) -> str:
    if _says_any(text, _RAISE):
        return "increase"
    if _says_any(text, _LOWER):
        return "decrease"
    try:
        return "increase" if _value(target) > _value(base) else "decrease"
    except ValueError:
        return ""


def _value(number: str) -> float:
    scale = {"k": 1e3, "m": 1e6}.get(number[-1:].lower(), 1.0)
    return float((number[:-1] if scale != 1.0 else number).replace(",", ".")) * scale


def read_stated_numbers(text: str) -> StatedNumbers:
    """The baseline, target, unit and direction that `text` states, if it does."""
    for pattern in (_FROM_TO, _ARROW):
        match = pattern.search(text)
        if match:
            base, target = _number(match.group("base")), _number(match.group("target"))
            prefix = match.groupdict().get("prefix")
            unit = _unit(match.group("unit"), prefix) or _unit(match.group("unit1"))
            return StatedNumbers(base, target, unit, _direction(text, base, target))
    match = _BOUND.search(text)
    if match:
        word = match.group("word").lower()
        below = word in ("below", "under", "less than", "at most")
        if _says_any(text, _LOWER + _RAISE):
            direction = "decrease" if below else "increase"
        else:
            direction = "stay_below" if below else "stay_above"
        return StatedNumbers("", _number(match.group("target")),
                             _unit(match.group("unit"), match.group("prefix")), direction)
    return StatedNumbers()


def fields_to_offer(stated: StatedNumbers, current: dict[str, str]) -> dict[str, str]:
    """The fields worth offering: stated, and different from what is filled in. A field
    the facilitator already filled differently is not overwritten silently: it is
    offered too, and accepting is their choice."""
    offer = {}
    for name in ("baseline", "target", "unit", "direction"):
        value = getattr(stated, name)
        if value and value != current.get(name, ""):
            offer[name] = value
    return offer

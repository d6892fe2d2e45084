"""Quick capture: one typed line becomes an action with an owner and a deadline.

"Maria: call five customers by Friday" -> owner Maria (matched against the session's
participants), text "Call five customers", deadline the coming Friday. The date is read
by dateparser (a well-kept natural-language date library), preferring the future and
counting from the workshop's "today", so a test or a reopened session gets the same
answer as the room did.

No Qt: the command palette shows what was understood before Enter adds it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

# The words that introduce a deadline at the end of the line.
_DEADLINE = re.compile(r"\s+(?:by|before|until|till|due|on)\s+(?P<when>[^,;]+?)\s*[.!]?\s*$",
                       re.IGNORECASE)
_OWNER = re.compile(r"^\s*(?P<who>[^:]{1,60}?)\s*:\s*(?P<rest>.+)$", re.DOTALL)
MAX_TEXT = 2000  # an action is a sentence or two; a pasted essay is cut, and says so


@dataclass(frozen=True)
class CapturedAction:
    """What a typed line was read as. `notes` say, in plain words, what could not be
    read (an owner nobody is called, a date after the period), so nothing is silently
    dropped."""

    text: str
    owner_id: str = ""
    owner_name: str = ""
    deadline: date | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def is_empty(self) -> bool:
        return not self.text.strip()


def _match_owner(who: str, participants: Sequence[tuple[str, str]]) -> tuple[str, str]:
    """(id, name) of the participant `who` names: the whole name, else a first name
    that only one participant has. ("", "") when nobody or several match."""
    wanted = who.strip().casefold()
    if not wanted:
        return "", ""
    for ident, name in participants:
        if name.strip().casefold() == wanted:
            return ident, name.strip()
    first = [(ident, name.strip()) for ident, name in participants
             if name.strip() and name.strip().split()[0].casefold() == wanted]
    return first[0] if len(first) == 1 else ("", "")


def read_date(phrase: str, today: date, languages: Iterable[str] = ("en",)) -> date | None:
    """A natural-language date ("Friday", "15 May", "in two weeks"), preferring the
    future from `today`; None when the phrase is not a date."""
    import dateparser  # loads its language data on first use, not at start-up

    base = datetime(today.year, today.month, today.day, 12, 0)
    try:
        parsed = dateparser.parse(
            phrase, languages=list(languages),
            settings={"PREFER_DATES_FROM": "future", "RELATIVE_BASE": base,
                      "RETURN_AS_TIMEZONE_AWARE": False})
    except (ValueError, OverflowError):
        return None
    return parsed.date() if parsed is not None else None


def parse_action(line: str, participants: Sequence[tuple[str, str]], today: date,
                 period_end: date | None = None,
                 languages: Iterable[str] = ("en",)) -> CapturedAction:
    """Read "Owner: what to do by when" into an action (each part optional)."""
    text = " ".join(line.split())  # one line, single spaces: it was typed, not pasted
    notes: list[str] = []
    owner_id = owner_name = ""
    match = _OWNER.match(text)
    if match:
        owner_id, owner_name = _match_owner(match.group("who"), participants)
        if owner_id:
            text = match.group("rest").strip()
        elif len(match.group("who").split()) <= 3:
            notes.append(f"Nobody here is called \u201c{match.group('who').strip()}\u201d: "
                         f"choose the owner after adding it.")
            text = match.group("rest").strip()
    deadline = None
    found = _DEADLINE.search(text)
    if found:
        deadline = read_date(found.group("when"), today, languages)
        if deadline is not None:
            text = text[:found.start()].strip()
    if deadline is not None and period_end is not None and deadline > period_end:
        notes.append("The deadline is after the period's end.")
    if len(text) > MAX_TEXT:
        text = text[:MAX_TEXT].rstrip() + "…"
        notes.append(f"Cut to {MAX_TEXT} characters.")
    if text[:1].islower():
        text = text[0].upper() + text[1:]
    return CapturedAction(text, owner_id, owner_name, deadline, tuple(notes))

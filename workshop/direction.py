"""Which way text is written: Hebrew and Arabic read right to left, and DejaVu's oblique
faces have no Arabic letters. Shared by the windows and the handout; no Qt, no reportlab.
"""

from __future__ import annotations

import re

# Hebrew and Arabic, with their presentation forms: letters that read right to left.
RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
ARABIC = re.compile("[\u0600-\u08ff\ufb50-\ufdff\ufe70-\ufefc]")
# Unicode's left-to-right isolate and its end: what sits between them is laid out left to
# right as one piece, whatever surrounds it.
_LTR_ISOLATE, _END_ISOLATE = "\u2066", "\u2069"


def has_right_to_left(text: str) -> bool:
    return bool(RIGHT_TO_LEFT.search(text))


def has_arabic(text: str) -> bool:
    return bool(ARABIC.search(text))


def left_to_right_piece(words: str) -> str:
    """Our own left-to-right words ("120 → 150 sign-ups") kept in their order when they
    follow right-to-left text on the same line."""
    return f"{_LTR_ISOLATE}{words}{_END_ISOLATE}"

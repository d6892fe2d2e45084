"""User text as the handout draws it: emoji in a symbols face, Arabic joined, and
right-to-left text in its visual order.

reportlab draws a character its font lacks as an empty box, without an error, and never
falls back to another font by itself; DejaVu Sans has no emoji. So user text is cut into
runs: the text face wherever it has the glyph, the symbols face (Symbola, shipped next to
DejaVu) where only that one has it. Paragraph markup gets `<font>` tags around those runs;
strings drawn straight on the canvas or in a picture are drawn run by run.

reportlab also lays every line out left to right, letter by letter. Arabic letters are
joined first (arabic_reshaper: their contextual forms, still in reading order), lines are
broken, and then each line is put in the order it is seen (python-bidi, the Unicode
bidirectional algorithm): paragraphs in `pdf._Para`, single lines here.

Imported by the PDF writer only, after the fonts are registered.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import arabic_reshaper
from bidi import get_base_level, get_display
from reportlab.pdfbase import pdfmetrics

from workshop.direction import has_arabic, has_right_to_left
from workshop.export.fonts import FONT_NAMES, register_fonts

# Where a character the text face lacks can be at all (arrows, technical and dingbat
# symbols, emoji): text without any of them, nearly all of it, is left as it is.
_MAYBE_SYMBOL = re.compile("[\u2190-\u2bff\U0001f000-\U0001faff\ufe0e\ufe0f\u200d]")
# Joiners, presentation selectors and skin-tone modifiers only change how a colour emoji
# looks; a face without colour draws them as boxes or swatches of their own, so they are
# left out of print.
_INVISIBLE = re.compile("[\ufe0e\ufe0f\u200d\U0001f3fb-\U0001f3ff]")


def reads_right_to_left(text: str) -> bool:
    """The text's own direction, set by its first letter that has one (an Arabic title
    that starts with "1.1" still reads right to left)."""
    return has_right_to_left(text) and get_base_level(text) == 1


def joined(text: str) -> str:
    """Arabic letters in their joined forms, in reading order; other text as it is."""
    return arabic_reshaper.reshape(text) if has_arabic(text) else text


def seen(line: str, right_to_left: bool) -> str:
    """One line of text (already joined) in the order it is seen, left to right, within
    a paragraph that reads right to left or not."""
    if not has_right_to_left(line):
        return line
    return get_display(line, base_dir="R" if right_to_left else "L")


def display_line(text: str) -> str:
    """A single line (a header, a label in a picture) joined and in its seen order."""
    if not has_right_to_left(text):
        return text
    text = joined(text)
    return seen(text, reads_right_to_left(text))


@lru_cache(maxsize=8)
def _glyphs(font_name: str) -> frozenset[int]:
    """The code points the registered face `font_name` has a glyph for."""
    register_fonts()
    return frozenset(pdfmetrics.getFont(font_name).face.charToGlyph)


def _needs_symbols(char: str, font_name: str) -> bool:
    code = ord(char)
    return code not in _glyphs(font_name) and code in _glyphs(FONT_NAMES.symbols)


def runs(text: str, font_name: str) -> list[tuple[str, str]]:
    """`text` as (piece, face) runs: `font_name` where it has the glyph, else the symbols
    face when that one has it (a character neither has stays in `font_name`)."""
    if not _MAYBE_SYMBOL.search(text):
        return [(text, font_name)] if text else []
    text = _INVISIBLE.sub("", text)
    pieces: list[tuple[str, str]] = []
    for char in text:
        face = FONT_NAMES.symbols if _needs_symbols(char, font_name) else font_name
        if pieces and pieces[-1][1] == face:
            pieces[-1] = (pieces[-1][0] + char, face)
        else:
            pieces.append((char, face))
    return pieces


def with_faces(markup: str, font_name: str) -> str:
    """Paragraph markup (already escaped) with the runs the text face lacks wrapped in
    the symbols face. Tags and entities hold no such characters, so cutting is safe."""
    if not _MAYBE_SYMBOL.search(markup):
        return markup
    return "".join(piece if face == font_name else f'<font face="{face}">{piece}</font>'
                   for piece, face in runs(markup, font_name))


def width(text: str, font_name: str, size: float) -> float:
    """The drawn width of one line of `text`, each run measured in its own face."""
    return sum(pdfmetrics.stringWidth(piece, face, size)
               for piece, face in runs(display_line(text), font_name))


def starts(text: str, font_name: str, size: float, x: float,
           anchor: str = "start") -> list[tuple[float, str, str]]:
    """(x, piece, face) for drawing one line of `text` run by run from `x`, which is its
    left end, middle or right end as `anchor` says ("start", "middle", "end")."""
    pieces = runs(display_line(text), font_name)
    if anchor == "start" and len(pieces) == 1:
        return [(x, *pieces[0])]  # one face from the left end: nothing to measure
    widths = [pdfmetrics.stringWidth(piece, face, size) for piece, face in pieces]
    left = x - {"start": 0.0, "middle": sum(widths) / 2, "end": sum(widths)}[anchor]
    placed = []
    for (piece, face), w in zip(pieces, widths, strict=True):
        placed.append((left, piece, face))
        left += w
    return placed


def draw(canvas: Any, x: float, y: float, text: str, font_name: str, size: float,
         anchor: str = "start") -> None:
    """canvas.drawString (or drawRightString, anchor "end") that draws emoji too; the
    canvas's font is left as `font_name`."""
    for left, piece, face in starts(text, font_name, size, x, anchor):
        canvas.setFont(face, size)
        canvas.drawString(left, y, piece)
    canvas.setFont(font_name, size)

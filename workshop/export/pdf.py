"""The participants' PDF handout (reportlab platypus) and the per-participant pages.

Every user string goes through `_markup`, which cleans and escapes it before reportlab
reads it as paragraph markup. Tables repeat their header row on every page and may split
inside a row, so a 10,000-character answer flows over pages instead of failing. Ids and
timestamps never reach the page, so `invariant=True` gives byte-identical files.
"""

from __future__ import annotations

import copy
import html
import io
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import BaseDocTemplate
from reportlab.platypus.frames import Frame

from workshop.direction import has_arabic, has_right_to_left
from workshop.export import content, glyphs
from workshop.export.charts import PALETTE, alignment_drawing, fit_lines, timeline_drawing
from workshop.export.content import (
    WhyChain,
    clean_text,
    commitments,
    format_date,
    has_retro,
    initials,
    owner_name,
    period_text,
    score_words,
    strategy_text,
)
from workshop.export.errors import ExportError
from workshop.export.fonts import FONT_NAMES, FontNames, register_fonts
from workshop.export.formats import cadence_summary, checkin_dates
from workshop.method import CHECKLIST_MAX_NO, CHECKLIST_QUESTIONS, RETRO_QUESTIONS
from workshop.model import (
    KeyResult,
    Participant,
    Workshop,
    kr_range,
    logo_bytes,
    objective_statement,
)

_PAGE_SIZES = {"a4": A4, "letter": LETTER}
_MARGIN_X = 22 * mm
_MARGIN_TOP = 26 * mm
_MARGIN_BOTTOM = 22 * mm


# reportlab breaks an over-long word by measuring it one character at a time, which takes
# minutes for a 10,000-character paste; such "words" are cut into chunks first.
_LONG_WORD = re.compile(r"\S{120,}")


def _chunked(match: re.Match[str]) -> str:
    word = match.group(0)
    return " ".join(word[i:i + 40] for i in range(0, len(word), 40))


# A handout is read, not searched: text longer than this is cut in print (Markdown and
# JSON keep all of it). Without a cap, a page-long answer in every table cell makes
# reportlab re-measure the rest of each cell at every page break, for minutes.
PRINT_LIMIT = 1500


def _markup(text: str) -> str:
    """User text as safe paragraph markup: cleaned, escaped, line breaks kept, cut to
    PRINT_LIMIT characters."""
    text = clean_text(text)
    if len(text) > PRINT_LIMIT:
        text = text[:PRINT_LIMIT].rstrip() + "\u2026 (shortened for print)"
    text = glyphs.joined(_LONG_WORD.sub(_chunked, text))
    return glyphs.with_faces(escape(text).replace("\n", "<br/>"), FONT_NAMES.regular)


def _plain(text: str, limit: int = 300) -> str:
    """User text for a canvas string or the PDF's metadata: one line, cut to `limit`."""
    text = " ".join(clean_text(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


class _Styles:
    """The handout's typography, built once per process (after the fonts are registered)."""

    def __init__(self, fonts: FontNames) -> None:
        p = PALETTE

        def style(name: str, **kw: Any) -> ParagraphStyle:
            base = {"fontName": fonts.regular, "fontSize": 9.5, "leading": 13.5,
                    "textColor": p.ink}
            base.update(kw)
            return ParagraphStyle(name, **base)

        self.fonts = fonts
        self.body = style("body", spaceAfter=5)
        self.muted = style("muted", fontSize=8.5, leading=12, textColor=p.muted, spaceAfter=4)
        self.small = style("small", fontSize=7.5, leading=10, textColor=p.muted)
        self.label = style("label", fontName=fonts.bold, fontSize=7, leading=10,
                           textColor=p.accent, spaceBefore=2, spaceAfter=2)
        self.h1 = style("h1", fontName=fonts.bold, fontSize=17, leading=22, textColor=p.accent,
                        spaceBefore=20, spaceAfter=10, keepWithNext=1)
        self.h2 = style("h2", fontName=fonts.bold, fontSize=12, leading=16, spaceBefore=14,
                        spaceAfter=4, keepWithNext=1)
        self.kicker = style("kicker", fontName=fonts.bold, fontSize=7, leading=10,
                            textColor=p.accent, spaceBefore=16, spaceAfter=1, keepWithNext=1)
        self.h2_tight = style("h2_tight", fontName=fonts.bold, fontSize=12, leading=16,
                              spaceBefore=0, spaceAfter=4, keepWithNext=1)
        self.cell_small = style("cell_small", fontSize=7.5, leading=10)
        self.h3 = style("h3", fontName=fonts.bold, fontSize=10, leading=13.5, spaceBefore=10,
                        spaceAfter=3, keepWithNext=1)
        self.italic = style("italic", fontName=fonts.italic, textColor=p.muted, spaceAfter=4)
        self.statement = style("statement", fontName=fonts.italic, fontSize=10.5, leading=15)
        self.cell = style("cell", fontSize=8.5, leading=11.5)
        self.cell_bold = style("cell_bold", fontName=fonts.bold, fontSize=8.5, leading=11.5)
        self.cell_muted = style("cell_muted", fontSize=7.5, leading=10, textColor=p.muted)
        self.cell_head = style("cell_head", fontName=fonts.bold, fontSize=7, leading=9,
                               textColor=p.muted)
        self.cell_right = style("cell_right", fontSize=8.5, leading=11.5, alignment=TA_RIGHT)
        self.cover_kicker = style("cover_kicker", fontName=fonts.bold, fontSize=9, leading=12,
                                  textColor=p.accent, spaceAfter=10)
        self.cover_client = style("cover_client", fontName=fonts.bold, fontSize=30, leading=36,
                                  textColor=p.ink, spaceAfter=8)
        self.cover_title = style("cover_title", fontSize=16, leading=21, textColor=p.muted,
                                 spaceAfter=26)
        self.person = style("person", fontName=fonts.bold, fontSize=22, leading=27,
                            spaceAfter=2)
        self.glance_text = style("glance_text", fontName=fonts.bold, fontSize=13, leading=24,
                                 textColor=p.accent)
        self.big_number = style("big_number", fontName=fonts.bold, fontSize=20, leading=24,
                                textColor=p.accent)


_styles_cache: _Styles | None = None


def _styles() -> _Styles:
    global _styles_cache
    fonts = register_fonts()
    if _styles_cache is None:
        _styles_cache = _Styles(fonts)
    return _styles_cache


def _table(rows: list[list[Any]], widths: list[float], *, header: bool = True,
           labels: bool = False, extra: list[tuple[Any, ...]] | None = None) -> Table:
    """A table with light rules; the header row repeats on every page it spans.

    Cells holding fixed text (headers, labels, dates) are plain strings, drawn without
    paragraph layout: on a 30-page handout that halves the time spent in tables.
    """
    p = PALETTE
    fonts = _styles().fonts
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), fonts.regular, 8.5, 11.5),
        ("TEXTCOLOR", (0, 0), (-1, -1), p.ink),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LINEBELOW", (0, 0 if header else -1), (-1, -1), 0.35, p.rule),
    ]
    if labels:
        commands += [("FONT", (0, 0), (0, -1), fonts.bold, 7, 10),
                     ("TEXTCOLOR", (0, 0), (0, -1), p.accent),
                     ("TOPPADDING", (0, 0), (0, -1), 6)]
    if header:
        commands += [("LINEBELOW", (0, 0), (-1, 0), 0.8, p.muted),
                     ("FONT", (0, 0), (-1, 0), fonts.bold, 7, 9),
                     ("TEXTCOLOR", (0, 0), (-1, 0), p.muted)]
    commands += extra or []
    return Table(rows, colWidths=widths, repeatRows=1 if header else 0, splitInRow=1,
                 style=TableStyle(commands), hAlign="LEFT")


class _Para(Paragraph):
    """A Paragraph that remembers its last line breaking: tables and KeepTogether ask a
    paragraph for its size several times at the same width, and breaking lines is the
    most expensive step of the whole handout. Right-to-left text is broken into lines in
    reading order and drawn in seen order; a paragraph that reads right to left is set
    flush right."""

    _wrapped: tuple[float, float, float, Any] | None = None
    _right_to_left: tuple[bool, bool] = (False, False)  # (has any, reads so)

    def __init__(self, text: str | None, style: ParagraphStyle, *args: Any,
                 **kwargs: Any) -> None:
        # Markup and entities are never Hebrew or Arabic: most paragraphs stop here.
        if text and has_right_to_left(text):
            plain = html.unescape(_TAGS.sub("", text))
            reads = glyphs.reads_right_to_left(plain)
            self._right_to_left = (True, reads)
            if reads:
                style = _flush_right(style)
            if has_arabic(plain):
                # DejaVu's oblique faces have no Arabic letters: italics holding any are
                # set upright rather than as boxes.
                text = _ITALIC.sub(lambda m: m.group(1) if has_arabic(m.group(1))
                                   else m.group(0), text)
                style = _upright(style)
        super().__init__(text, style, *args, **kwargs)

    def drawPara(self, debug: int = 0) -> None:
        has_any, reads = self._right_to_left
        if not has_any:
            super().drawPara(debug)
            return
        # Breaking and splitting keep the reading order; only the drawing sees the other.
        in_reading_order = self.blPara
        self.blPara = _in_seen_order(in_reading_order, reads)
        try:
            super().drawPara(debug)
        finally:
            self.blPara = in_reading_order

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        cached = self._wrapped
        # Splitting copies attributes into new paragraphs: the remembered result counts
        # only while the line breaking it belongs to is still this paragraph's own.
        if (cached is not None and cached[0] == available_width
                and self.__dict__.get("blPara") is cached[3]):
            return cached[1], cached[2]
        width, height = super().wrap(available_width, available_height)
        self._wrapped = (available_width, width, height, self.__dict__.get("blPara"))
        return width, height


_TAGS = re.compile(r"<[^>]*>")
_ITALIC = re.compile(r"<i>(.*?)</i>", re.S)


@lru_cache(maxsize=64)
def _flush_right(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-rtl", parent=style, alignment=TA_RIGHT)


@lru_cache(maxsize=64)
def _upright(style: ParagraphStyle) -> ParagraphStyle:
    upright = {FONT_NAMES.italic: FONT_NAMES.regular, FONT_NAMES.bold_italic: FONT_NAMES.bold}
    if style.fontName not in upright:
        return style
    return ParagraphStyle(f"{style.name}-upright", parent=style,
                          fontName=upright[style.fontName])


def _in_seen_order(lines: Any, right_to_left: bool) -> Any:
    """A copy of a paragraph's broken lines with each line in the order it is seen."""
    seen = copy.copy(lines)
    if lines.kind == 0:  # one style: (extra space, words)
        seen.lines = [(extra, glyphs.seen(" ".join(words), right_to_left).split(" "))
                      for extra, words in lines.lines]
        return seen
    seen.lines = []
    for line in lines.lines:  # styled runs ("frags"), each with its text
        line = copy.copy(line)
        frags = [copy.copy(f) for f in line.words]
        for frag in frags:
            text = frag.text
            core = text.strip(" ")
            lead, trail = text[:len(text) - len(text.lstrip(" "))], text[len(text.rstrip(" ")):]
            core = glyphs.seen(core, right_to_left)
            # Seen from the right, a run's leading space ends up on its left.
            frag.text = trail + core + lead if right_to_left else lead + core + trail
        line.words = frags[::-1] if right_to_left else frags
        seen.lines.append(line)
    return seen


class _Line(Flowable):
    """One line of our own fixed text (a kicker, a label): drawn as a string, skipping the
    markup parser and line breaking that a Paragraph would run."""

    def __init__(self, text: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.spaceBefore = style.spaceBefore
        self.spaceAfter = style.spaceAfter
        self.keepWithNext = getattr(style, "keepWithNext", 0)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, self.style.leading

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFont(self.style.fontName, self.style.fontSize)
        canvas.setFillColor(self.style.textColor)
        # The baseline sits where a Paragraph of the same style would put it.
        canvas.drawString(0, self.style.leading - self.style.fontSize, self.text)


class _Handout:
    """Builds the story (the list of flowables) for one workshop."""

    def __init__(self, ws: Workshop, width: float, height: float) -> None:
        self.ws = ws
        self.height = height  # of the frame: no picture may be taller
        self.s = _styles()
        self.width = width
        self.story: list[Flowable] = []
        self.texts: list[str] = []  # every paragraph's markup, for the benchmark baseline

    # -- small pieces ---------------------------------------------------------------
    def para(self, markup: str, style: ParagraphStyle) -> _Para:
        self.texts.append(markup)
        return _Para(markup, style)

    def line(self, text: str, style: ParagraphStyle) -> _Line:
        """A one-line heading or label of our own words (never user text)."""
        self.texts.append(escape(text))
        return _Line(text, style)

    def fixed(self, text: str) -> str:
        """Fixed text for a table cell, drawn as a plain string (no markup, no wrapping)."""
        self.texts.append(escape(text))
        return text

    def user(self, text: str, style: ParagraphStyle) -> Paragraph:
        return self.para(_markup(text), style)

    def add(self, *flowables: Flowable) -> None:
        self.story.extend(flowables)

    def heading(self, text: str) -> None:
        # A heading never sits alone at the foot of a page.
        self.add(CondPageBreak(60 * mm), self.para(escape(text), self.s.h1))

    def label_value(self, rows: list[tuple[str, str]], label_w: float = 32 * mm, *,
                    fixed_values: bool = False) -> Table:
        """Label / value rows; `fixed_values` for short text of our own (dates), drawn
        as plain strings."""
        data = [[self.fixed(label.upper()),
                 self.fixed(value) if fixed_values else self.user(value, self.s.body)]
                for label, value in rows]
        return _table(data, [label_w, self.width - label_w], header=False, labels=True,
                      extra=[("LINEBELOW", (0, 0), (-1, -1), 0, colors.white),
                             ("TOPPADDING", (0, 0), (-1, -1), 2),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                             ("LEFTPADDING", (0, 0), (-1, -1), 0)])

    def panel(self, inner: list[Flowable]) -> Table:
        """A tinted box with an accent bar on the left, for the sentences that matter."""
        p = PALETTE
        return Table([[inner]], colWidths=[self.width], hAlign="LEFT", splitInRow=1,
                     style=TableStyle([
                         ("BACKGROUND", (0, 0), (-1, -1), p.accent_soft),
                         ("LINEBEFORE", (0, 0), (0, -1), 2.5, p.accent),
                         ("LEFTPADDING", (0, 0), (-1, -1), 10),
                         ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                         ("TOPPADDING", (0, 0), (-1, -1), 7),
                         ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]))

    def range_text(self, kr: KeyResult) -> str:
        return _markup(kr_range(kr).replace(" -> ", " \u2192 "))

    # -- sections -------------------------------------------------------------------
    def cover(self) -> None:
        ws, s = self.ws, self.s
        logo = self.logo()
        if logo is not None:
            self.add(Spacer(1, 8 * mm), logo, Spacer(1, 4 * mm))
        else:
            self.add(Spacer(1, 18 * mm))
        self.add(self.line("OKR WORKSHOP HANDOUT", s.cover_kicker))
        self.add(self.user(ws.client.strip() or ws.title.strip() or "OKR workshop",
                           s.cover_client))
        if ws.client.strip() and ws.title.strip():
            self.add(self.user(ws.title, s.cover_title))
        else:
            self.add(Spacer(1, 20))
        facts = [("Team", ws.team), ("Workshop", format_date(ws.workshop_date)
                                     if ws.workshop_date else ""),
                 ("Period", period_text(ws)), ("Facilitator", ws.facilitator)]
        rows = [(label, value) for label, value in facts if value.strip()]
        if rows:
            self.add(self.label_value(rows), Spacer(1, 14))
        if ws.participants:
            self.add(self.line("PARTICIPANTS", s.label), Spacer(1, 2))
            cells = [self.para(f"<b>{_markup(person.name)}</b>"
                               + (f"<br/>{_markup(person.role)}" if person.role.strip() else ""),
                               s.cell) for person in ws.participants]
            columns = 3
            grid = [cells[i:i + columns] for i in range(0, len(cells), columns)]
            grid[-1] += [""] * (columns - len(grid[-1]))
            self.add(_table(grid, [self.width / columns] * columns, header=False,
                            extra=[("LINEBELOW", (0, 0), (-1, -1), 0, colors.white),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        # At a glance: the size of what the room committed to.
        objectives = ws.selected_objectives()
        krs = ws.all_key_results()
        actions = ws.all_actions()
        glance = [[self.para(str(len(objectives)), s.big_number),
                   self.para(str(len(krs)), s.big_number),
                   self.para(str(len(actions)), s.big_number),
                   self.para(escape(format_date(next(iter(checkin_dates(ws)), None))),
                             s.glance_text)],
                  [self.para("objectives", s.small), self.para("key results", s.small),
                   self.para("first actions", s.small), self.para("first check-in", s.small)]]
        self.add(Spacer(1, 22), _table(glance, [self.width / 4] * 4, header=False,
                                        extra=[("LINEABOVE", (0, 0), (-1, 0), 0.8, PALETTE.rule),
                                               ("LINEBELOW", (0, 0), (-1, -1), 0, colors.white),
                                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                               ("TOPPADDING", (0, 0), (-1, 0), 10),
                                               ("VALIGN", (0, 0), (-1, 0), "BOTTOM")]))
        self.add(NextPageTemplate("body"), PageBreak())

    def strategy_context(self) -> None:
        ctx, s = self.ws.context, self.s
        if not (ctx.vision.strip() or ctx.mission.strip() or ctx.values or ctx.strategies):
            return
        self.heading("Where we are heading")
        rows = [(label, value) for label, value in (("Vision", ctx.vision),
                                                     ("Mission", ctx.mission)) if value.strip()]
        if ctx.values:
            rows.append(("Values", " \u00b7 ".join(v.strip() for v in ctx.values if v.strip())))
        if rows:
            self.add(self.label_value(rows), Spacer(1, 6))
        if ctx.strategies:
            self.add(self.line("OUR STRATEGIES", s.label))
            data = [[self.fixed("Strategy"), self.fixed("Horizon")]]
            data += [[self.user(st.text, s.cell), self.user(st.horizon, s.cell_muted)]
                     for st in ctx.strategies]
            self.add(_table(data, [self.width - 34 * mm, 34 * mm]))
        self.add(Spacer(1, 10))

    def okrs(self) -> None:
        ws, s = self.ws, self.s
        self.heading("Our objectives and key results")
        objectives = ws.selected_objectives()
        if not objectives:
            self.add(self.para("No objectives were set.", s.muted))
        for number, objective in enumerate(objectives, 1):
            block: list[Flowable] = [self.line(f"OBJECTIVE {number}", s.kicker),
                                     self.user(objective.text, s.h2_tight)]
            if objective.why_it_matters.strip():
                block.append(self.user(objective.why_it_matters, s.italic))
            serves = strategy_text(ws, objective)
            if serves.strip():
                block.append(self.para(f"Serves: {_markup(serves)}", s.muted))
            block += [Spacer(1, 4),
                      self.panel([self.user(objective_statement(objective), s.statement)]),
                      Spacer(1, 8)]
            if objective.key_results:
                data = [[self.fixed("#"), self.fixed("Key result"),
                         self.fixed("Metric"),
                         self.fixed("From \u2192 to")]]
                for k, kr in enumerate(objective.key_results, 1):
                    data.append([self.para(f"{number}.{k}", s.cell_muted),
                                 self.user(kr.text, s.cell_bold),
                                 self.user(kr.metric, s.cell),
                                 self.para(self.range_text(kr), s.cell)])
                block.append(_table(data, [10 * mm, self.width - 10 * mm - 54 * mm - 36 * mm,
                                           54 * mm, 36 * mm]))
            # An objective and its KRs stay on one page when they fit on one.
            self.add(KeepTogether(block), Spacer(1, 12))
        if objectives:
            # The picture keeps its heading; the heading's lines are subtracted from the
            # room the picture may take, so the three fit on one page together.
            drawing = alignment_drawing(ws, self.width, s.fonts.regular, s.fonts.bold,
                                        max_height=self.height - 60)
            self.add(KeepTogether([
                self.line("How it fits together", s.h2),
                self.para("From the strategy each objective serves, to its key results "
                          "and the number of first actions behind each.", s.muted),
                Spacer(1, 4), drawing]))

    def logo(self) -> Flowable | None:
        """The client's logo for the cover, at most 45 x 18 mm, its shape kept; None
        without one (or when what is stored cannot be read as an image)."""
        data = logo_bytes(self.ws)
        if not data:
            return None
        try:
            reader = ImageReader(io.BytesIO(data))
            width, height = reader.getSize()
        except Exception:  # noqa: BLE001 - a broken picture must not cost the handout
            return None
        if width <= 0 or height <= 0:
            return None
        scale = min(45 * mm / width, 18 * mm / height)
        picture = Image(io.BytesIO(data), width=width * scale, height=height * scale)
        picture.hAlign = "LEFT"
        return picture

    def chains(self) -> None:
        chains = content.why_chains(self.ws)
        if not chains:
            return
        s = self.s
        self.add(PageBreak())
        self.heading("How we got here")
        self.add(self.para("A key result measures a change for somebody; a task we finish is "
                           "an output. Where the room first wrote an output, we asked "
                           "<i>why</i> until the answer named the change we are after. The "
                           "output was not thrown away: it is now an action under the new "
                           "key result.", s.body), Spacer(1, 4))
        for chain in chains:
            self.add(self.chain_block(chain))

    def chain_block(self, chain: WhyChain) -> Flowable:
        s, p = self.s, PALETTE
        rows: list[list[Any]] = []
        if chain.original:
            rows.append([self.fixed("WE STARTED WITH"),
                         self.para(f"<b>{_markup(chain.original)}</b>", s.cell)])
        for step in chain.key_result.why_steps:
            rows.append([self.fixed("WE ASKED"),
                         self.user(step.question.strip() or "Why?", s.cell)])
            rows.append([self.fixed("THE ROOM SAID"), self.user(step.answer, s.cell)])
        span = kr_range(chain.key_result)
        outcome = f"<b>{_markup(chain.key_result.text)}</b>"
        if span:
            outcome += f" ({self.range_text(chain.key_result)})"
        label = chain.outcome_label
        if chain.original:
            rows.append([self.fixed(label.upper()), self.para(outcome, s.cell)])
        else:  # the label may carry the room's own words (the reason it was kept)
            rows.append([self.fixed("NOT REWRITTEN" if not chain.key_result.keep_reason.strip()
                                    else "KEPT AS IT IS"),
                         self.para(f"{outcome}<br/><i>{_markup(label)}</i>", s.cell)])
        if chain.output_action is not None:
            action = chain.output_action
            rows.append([self.fixed("NOW AN ACTION"),
                         self.para(f"{_markup(action.text)}: "
                                   f"{_markup(owner_name(self.ws, action))}, due "
                                   f"{escape(format_date(action.deadline))}", s.cell)])
        label_w = 38 * mm
        outcome_row = len(rows) - (2 if chain.output_action is not None else 1)
        table = _table(rows, [label_w, self.width - label_w], header=False, labels=True,
                       extra=[("LINEBELOW", (0, 0), (-1, -1), 0, colors.white),
                              ("LINEBEFORE", (0, 0), (0, -1), 2, p.accent),
                              ("BACKGROUND", (0, outcome_row), (-1, outcome_row),
                               p.accent_soft),
                              ("TOPPADDING", (0, 0), (-1, -1), 3),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 3)])
        return KeepTogether([self.user(chain.key_result.text, s.h3), table, Spacer(1, 8)])

    def action_plan(self) -> None:
        ws, s = self.ws, self.s
        self.add(PageBreak())
        self.heading("Who does what by when")
        self.add(self.para("Three to five first steps per key result, each with one owner and "
                           "a deadline inside the period. Next steps will show up as the work "
                           "goes; we add them at the check-ins.", s.body))
        owner_w, date_w = 40 * mm, 26 * mm
        for number, objective in enumerate(ws.selected_objectives(), 1):
            self.add(self.line(f"OBJECTIVE {number}", s.kicker),
                     self.user(objective.text, s.h2_tight))
            for k, kr in enumerate(objective.key_results, 1):
                head = self.para(f"{number}.{k}&nbsp;&nbsp;{_markup(kr.text)}", s.h3)
                if not kr.actions:
                    self.add(head, self.para("No actions yet.", s.muted))
                    continue
                data = [[self.fixed("Task"), self.fixed("Owner"),
                         self.fixed("Deadline")]]
                for action in kr.actions:
                    task = _markup(action.text)
                    if action.origin == "from_output":
                        task += (f" <font size='7' color='#{PALETTE.muted.hexval()[2:]}'>"
                                 "(was an output key result)</font>")
                    if action.done:
                        task += " <b>(done)</b>"
                    data.append([self.para(task, s.cell),
                                 self.user(owner_name(ws, action), s.cell),
                                 self.fixed(format_date(action.deadline))])
                self.add(head, _table(data, [self.width - owner_w - date_w, owner_w, date_w]))
        drawing = timeline_drawing(ws, self.width, s.fonts.regular, s.fonts.bold,
                                   max_height=self.height - 90)
        if drawing is not None:
            owners = []
            for person in ws.participants:
                if any(a.owner_id == person.id for _, _, a in ws.all_actions()):
                    owners.append(f"<b>{escape(initials(person.name))}</b>&nbsp;"
                                  f"{_markup(person.name)}")
            block: list[Flowable] = [
                self.line("Deadlines across the period", s.h2),
                self.para("Each dot is an action's deadline, marked with its owner's "
                          "initials; the shaded band is the period, the small ticks are "
                          "the check-ins.", s.muted),
                Spacer(1, 6), drawing, Spacer(1, 6)]
            if owners:
                block.append(self.para(" \u00b7 ".join(owners), s.small))
            self.add(Spacer(1, 8), KeepTogether(block))

    def cadence(self) -> None:
        ws, s = self.ws, self.s
        self.heading("When we meet")
        dates = checkin_dates(ws)
        intro = f"<b>Check-ins:</b> {escape(cadence_summary(ws))}"
        if dates:
            intro += (f", {len(dates)} in the period, from {escape(format_date(dates[0]))} "
                      f"to {escape(format_date(dates[-1]))}. Short, every time: where is "
                      "each key result, what is in the way, what do we do next.")
        self.add(self.para(intro, s.body))
        if dates:
            columns = 4
            cells = [self.fixed(format_date(d, weekday=True)) for d in dates]
            grid = [cells[i:i + columns] for i in range(0, len(cells), columns)]
            grid[-1] += [""] * (columns - len(grid[-1]))
            self.add(_table(grid, [self.width / columns] * columns, header=False,
                            extra=[("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        self.add(Spacer(1, 8), self.label_value([
            ("Mid-period review", format_date(ws.cadence.mid_review, weekday=True)),
            ("Retro", format_date(ws.cadence.retro_date, weekday=True))], label_w=40 * mm,
            fixed_values=True))
        self.add(Spacer(1, 10))

    def checklist(self) -> None:
        ws, s = self.ws, self.s
        answered = sorted((a for a in ws.checklist if 1 <= a.question <= len(CHECKLIST_QUESTIONS)),
                          key=lambda a: a.question)
        if not answered:
            return
        self.add(CondPageBreak(45 * mm), self.line("Our review checklist", s.h2))
        data = [[self.fixed("Question"), self.fixed("Answer"),
                 self.fixed("Comment")]]
        for answer in answered:
            word = {True: "Yes", False: "<b>No</b>", None: "\u2013"}[answer.answer]
            data.append([self.para(escape(CHECKLIST_QUESTIONS[answer.question - 1]), s.cell),
                         self.para(word, s.cell), self.user(answer.comment, s.cell_muted)])
        self.add(_table(data, [self.width * 0.5, 16 * mm, self.width * 0.5 - 16 * mm]))
        noes = sum(1 for a in answered if a.answer is False)
        if noes > CHECKLIST_MAX_NO:
            self.add(Spacer(1, 4), self.para(f"{noes} answers were \u201cno\u201d: there is "
                                             "work to do on these OKRs.", s.muted))

    def retro(self) -> None:
        ws, s = self.ws, self.s
        if not has_retro(ws):
            return
        self.add(PageBreak())
        self.heading("Retro")
        self.add(self.para("Each key result scored from 0.0 to 1.0; for a stretch target, "
                           "0.7 is a good result.", s.body))
        data = [[self.fixed("Key result"), self.fixed("Score"),
                 self.fixed("Note")]]
        for _, kr in ws.all_key_results():
            score = (f"<b>{kr.score:.1f}</b> {escape(score_words(kr.score))}"
                     if kr.score is not None else "\u2013")
            data.append([self.user(kr.text, s.cell), self.para(score, s.cell),
                         self.user(kr.retro_note, s.cell_muted)])
        self.add(_table(data, [self.width * 0.45, 28 * mm, self.width * 0.55 - 28 * mm]))
        for field_name, question in RETRO_QUESTIONS:
            answer = getattr(ws.retro, field_name)
            if answer.strip():
                self.add(self.para(escape(question), s.h3), self.user(answer, s.body))

    def commitments_page(self, person: Participant, *, standalone: bool) -> None:
        ws, s = self.ws, self.s
        self.add(self.line("YOUR COMMITMENTS", s.cover_kicker),
                 self.user(person.name.strip() or "Participant", s.person))
        if person.role.strip():
            self.add(self.user(person.role, s.muted))
        where = " \u00b7 ".join(_markup(v) for v in (ws.title, period_text(ws)) if v.strip())
        if where:
            self.add(self.para(where, s.muted))
        self.add(Spacer(1, 10))
        mine = commitments(ws, person.id)
        if not mine:
            self.add(self.para("No action carries your name yet. You are part of every "
                               "check-in all the same: bring what you see.", s.body))
        else:
            count = "one action" if len(mine) == 1 else f"{len(mine)} actions"
            self.add(self.para(f"You took on {count}. Each one moves a key result; if a "
                               "deadline slips, say so at the next check-in.", s.body),
                     Spacer(1, 4))
            data = [[self.fixed("Deadline"), self.fixed("Action"),
                     self.fixed("It serves")]]
            for objective, kr, action in mine:
                serves = (f"{_markup(kr.text)}<br/><font color='#"
                          f"{PALETTE.muted.hexval()[2:]}'>Objective: "
                          f"{_markup(objective.text)}</font>")
                data.append([self.fixed(format_date(action.deadline)),
                             self.user(action.text, s.cell), self.para(serves, s.cell_small)])
            date_w = 26 * mm
            self.add(_table(data, [date_w, (self.width - date_w) * 0.52,
                                   (self.width - date_w) * 0.48],
                            extra=[("FONT", (0, 1), (0, -1), s.fonts.bold, 8.5, 11.5)]))
        dates = checkin_dates(ws)
        meet = [("Check-ins", cadence_summary(ws) + (
            f", {format_date(dates[0])} to {format_date(dates[-1])}" if dates else "")),
            ("Mid-period review", format_date(ws.cadence.mid_review, weekday=True)),
            ("Retro", format_date(ws.cadence.retro_date, weekday=True))]
        self.add(Spacer(1, 14), self.line("When we meet", s.h3),
                 self.label_value(meet, label_w=40 * mm, fixed_values=True))
        if standalone:
            # A page sent on its own says what the work is for; inside the group handout
            # the OKRs are a few pages back.
            self.add(Spacer(1, 10), self.line("What we are working towards", s.h3))
            for objective in ws.selected_objectives():
                self.add(self.user(objective_statement(objective), s.body))


def _page_decorations(ws: Workshop, fonts: FontNames, page_size: tuple[float, float],
                      header_text: str) -> tuple[Callable[..., None], Callable[..., None]]:
    """The cover's accent band, and the running header and footer of every other page."""
    p = PALETTE
    width, height = page_size
    footer_left = _plain(" \u00b7 ".join(v for v in (ws.client, ws.team) if v.strip()), 120)

    def cut_to(text: str, font: str, size: float, room: float) -> str:
        lines = fit_lines(text, font, size, room, 1)
        return lines[0] if lines else ""

    # Measured once, drawn on every page.
    room = width - 2 * _MARGIN_X
    header_left = cut_to(header_text, fonts.bold, 7.5, room * 0.75)
    header_right = _plain(ws.period_label, 40)
    footer_left = cut_to(footer_left, fonts.regular, 7.5, room * 0.7)
    facilitated = (cut_to(f"Facilitated by {ws.facilitator}", fonts.regular, 7.5, room)
                   if ws.facilitator.strip() else "")

    def cover(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFillColor(p.accent)
        canvas.rect(0, height - 9 * mm, width, 9 * mm, stroke=0, fill=1)
        canvas.setFillColor(p.muted)
        glyphs.draw(canvas, _MARGIN_X, 14 * mm, facilitated, fonts.regular, 7.5)
        canvas.restoreState()

    def body(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setStrokeColor(p.rule)
        canvas.setLineWidth(0.5)
        canvas.line(_MARGIN_X, height - 16 * mm, width - _MARGIN_X, height - 16 * mm)
        canvas.setFillColor(p.accent)
        glyphs.draw(canvas, width - _MARGIN_X, height - 14 * mm, header_right, fonts.bold, 7.5,
                    anchor="end")
        glyphs.draw(canvas, _MARGIN_X, height - 14 * mm, header_left, fonts.bold, 7.5)
        canvas.setFillColor(p.muted)
        glyphs.draw(canvas, _MARGIN_X, 12 * mm, footer_left, fonts.regular, 7.5)
        canvas.drawRightString(width - _MARGIN_X, 12 * mm, f"Page {doc.page}")
        canvas.restoreState()

    return cover, body


def _document(target: str | Path | IO[bytes], ws: Workshop, page_size: str, invariant: bool,
              title: str, subject: str, header_text: str, with_cover: bool) -> BaseDocTemplate:
    size = _PAGE_SIZES.get(page_size.strip().lower())
    if size is None:
        raise ExportError(f"Unknown page size {page_size!r}; use A4 or Letter.")
    fonts = register_fonts()
    doc = BaseDocTemplate(
        str(target) if isinstance(target, Path) else target, pagesize=size,
        leftMargin=_MARGIN_X, rightMargin=_MARGIN_X, topMargin=_MARGIN_TOP,
        bottomMargin=_MARGIN_BOTTOM, title=_plain(title, 200),
        author=_plain(ws.facilitator, 120), subject=_plain(subject, 200),
        creator="OKR Workshop", keywords=["OKR", "handout"], invariant=1 if invariant else 0)
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="main",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    on_cover, on_body = _page_decorations(ws, fonts, size, header_text)
    templates = [PageTemplate("body", frames=[frame], onPage=on_body)]
    if with_cover:
        templates.insert(0, PageTemplate("cover", frames=[frame], onPage=on_cover))
    doc.addPageTemplates(templates)
    return doc


def _handout(ws: Workshop, width: float, height: float, per_participant: bool) -> _Handout:
    handout = _Handout(ws, width, height)
    handout.cover()
    handout.strategy_context()
    handout.okrs()
    handout.chains()
    handout.action_plan()
    handout.cadence()
    handout.checklist()
    handout.retro()
    if per_participant:
        for person in ws.participants:
            handout.add(PageBreak())
            handout.commitments_page(person, standalone=False)
    return handout


def _handout_title(ws: Workshop) -> str:
    return ws.title.strip() or "OKR workshop handout"


def build_pdf(ws: Workshop, path_or_file: str | Path | IO[bytes], *, page_size: str = "A4",
              per_participant: bool = True, invariant: bool = False) -> None:
    """Write the participants' handout: cover, strategy, OKRs, why-chains, action plan,
    timeline, cadence, checklist, retro and (by default) a "Your commitments" page per
    participant. `invariant=True` makes the bytes reproducible (for golden-file tests)."""
    subject = " \u00b7 ".join(v for v in ("OKR handout", ws.client, ws.period_label)
                              if v.strip())
    header = " \u00b7 ".join(v for v in (ws.client, _handout_title(ws)) if v.strip())
    doc = _document(path_or_file, ws, page_size, invariant, _handout_title(ws), subject,
                    header, with_cover=True)
    handout = _handout(ws, doc.width, doc.height, per_participant)
    _build(doc, handout.story)


def build_participant_pdf(ws: Workshop, participant_id: str,
                          path_or_file: str | Path | IO[bytes], *, page_size: str = "A4",
                          invariant: bool = False) -> None:
    """Write one participant's "Your commitments" PDF: their actions with deadlines and
    the KR and objective each serves, when the group meets, and the objectives."""
    person = ws.participant(participant_id)
    if person is None:
        raise ExportError("That participant is not part of this workshop.")
    name = person.name.strip() or "Participant"
    doc = _document(path_or_file, ws, page_size, invariant,
                    f"Your commitments: {name}", f"{_handout_title(ws)} \u00b7 {name}",
                    " \u00b7 ".join(v for v in (ws.client, _handout_title(ws)) if v.strip()),
                    with_cover=False)
    handout = _Handout(ws, doc.width, doc.height)
    handout.commitments_page(person, standalone=True)
    _build(doc, handout.story)


def _build(doc: BaseDocTemplate, story: list[Flowable]) -> None:
    from reportlab import rl_config

    # reportlab wraps every compressed stream in ASCII85 by default, a 1990s armour for
    # 7-bit mail that PDF readers do not need; without its C accelerator it costs a fifth
    # of the build time. Switched off for our build only, then put back.
    armoured = rl_config.useA85
    rl_config.useA85 = 0
    try:
        doc.build(story)
    except OSError as exc:
        raise ExportError(f"Cannot write the PDF: {exc.strerror or exc}.") from exc
    finally:
        rl_config.useA85 = armoured


def paragraph_texts(ws: Workshop, *, page_size: str = "A4",
                    per_participant: bool = True) -> list[str]:
    """The markup of every paragraph the handout holds (benchmarks compare the handout
    with a bare document of the same paragraphs)."""
    size = _PAGE_SIZES[page_size.strip().lower()]
    return _handout(ws, size[0] - 2 * _MARGIN_X, size[1] - _MARGIN_TOP - _MARGIN_BOTTOM,
                    per_participant).texts


__all__ = ["build_pdf", "build_participant_pdf", "paragraph_texts"]

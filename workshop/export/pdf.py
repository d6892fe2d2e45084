"""The participants' PDF handout (reportlab platypus) and the per-participant pages.

Every user string goes through `_markup`, which cleans and escapes it before reportlab
reads it as paragraph markup. Tables repeat their header row on every page and may split
inside a row, so a 10,000-character answer flows over pages instead of failing. Ids and
timestamps never reach the page, so `invariant=True` gives byte-identical files.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
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
    why_chains,
)
from workshop.export.errors import ExportError
from workshop.export.fonts import FontNames, register_fonts
from workshop.export.formats import cadence_summary, checkin_dates
from workshop.method import CHECKLIST_MAX_NO, CHECKLIST_QUESTIONS, RETRO_QUESTIONS
from workshop.model import KeyResult, Participant, Workshop, kr_range, objective_statement

_PAGE_SIZES = {"a4": A4, "letter": LETTER}
_MARGIN_X = 22 * mm
_MARGIN_TOP = 26 * mm
_MARGIN_BOTTOM = 22 * mm
# Arabic and Hebrew need shaping, which reportlab only does with uharfbuzz installed;
# without it the text still prints, unshaped.
_SHAPING = importlib.util.find_spec("uharfbuzz") is not None


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
    text = _LONG_WORD.sub(_chunked, text)
    return escape(text).replace("\n", "<br/>")


def _plain(text: str, limit: int = 300) -> str:
    """User text for a canvas string or the PDF's metadata: one line, cut to `limit`."""
    text = " ".join(clean_text(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


class _Styles:
    """The handout's typography, built once per process (after the fonts are registered)."""

    def __init__(self, fonts: FontNames) -> None:
        p = PALETTE
        extra: dict[str, Any] = {"shaping": 1} if _SHAPING else {}

        def style(name: str, **kw: Any) -> ParagraphStyle:
            base = {"fontName": fonts.regular, "fontSize": 9.5, "leading": 13.5,
                    "textColor": p.ink, **extra}
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
           extra: list[tuple[Any, ...]] | None = None) -> Table:
    """A table with light rules; the header row repeats on every page it spans."""
    p = PALETTE
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LINEBELOW", (0, 0 if header else -1), (-1, -1), 0.35, p.rule),
    ]
    if header:
        commands.append(("LINEBELOW", (0, 0), (-1, 0), 0.8, p.muted))
    commands += extra or []
    return Table(rows, colWidths=widths, repeatRows=1 if header else 0, splitInRow=1,
                 style=TableStyle(commands), hAlign="LEFT")


class _Handout:
    """Builds the story (the list of flowables) for one workshop."""

    def __init__(self, ws: Workshop, width: float) -> None:
        self.ws = ws
        self.s = _styles()
        self.width = width
        self.story: list[Flowable] = []
        self.texts: list[str] = []  # every paragraph's markup, for the benchmark baseline

    # -- small pieces ---------------------------------------------------------------
    def para(self, markup: str, style: ParagraphStyle) -> Paragraph:
        self.texts.append(markup)
        return Paragraph(markup, style)

    def user(self, text: str, style: ParagraphStyle) -> Paragraph:
        return self.para(_markup(text), style)

    def add(self, *flowables: Flowable) -> None:
        self.story.extend(flowables)

    def heading(self, text: str) -> None:
        # A heading never sits alone at the foot of a page.
        self.add(CondPageBreak(60 * mm), self.para(escape(text), self.s.h1))

    def label_value(self, rows: list[tuple[str, str]], label_w: float = 32 * mm) -> Table:
        data = [[self.para(escape(label.upper()), self.s.label), self.user(value, self.s.body)]
                for label, value in rows]
        return _table(data, [label_w, self.width - label_w], header=False,
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
        self.add(Spacer(1, 18 * mm), self.para("OKR WORKSHOP HANDOUT", s.cover_kicker))
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
            self.add(self.para("PARTICIPANTS", s.label), Spacer(1, 2))
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
            self.add(self.para("OUR STRATEGIES", s.label))
            data = [[self.para("Strategy", s.cell_head), self.para("Horizon", s.cell_head)]]
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
            block: list[Flowable] = [self.para(f"OBJECTIVE {number}", s.kicker),
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
                data = [[self.para("#", s.cell_head), self.para("Key result", s.cell_head),
                         self.para("Metric", s.cell_head),
                         self.para("From \u2192 to", s.cell_head)]]
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
            self.add(CondPageBreak(90 * mm), self.para("How it fits together", s.h2),
                     self.para("From the strategy each objective serves, to its key results "
                               "and the number of first actions behind each.", s.muted),
                     Spacer(1, 4),
                     alignment_drawing(ws, self.width, s.fonts.regular, s.fonts.bold))

    def chains(self) -> None:
        chains = why_chains(self.ws)
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
            rows.append([self.para("WE STARTED WITH", s.label),
                         self.para(f"<b>{_markup(chain.original)}</b>", s.cell)])
        for step in chain.key_result.why_steps:
            rows.append([self.para("WE ASKED", s.label),
                         self.user(step.question.strip() or "Why?", s.cell)])
            rows.append([self.para("THE ROOM SAID", s.label), self.user(step.answer, s.cell)])
        span = kr_range(chain.key_result)
        outcome = f"<b>{_markup(chain.key_result.text)}</b>"
        if span:
            outcome += f" ({self.range_text(chain.key_result)})"
        rows.append([self.para("OUTCOME KEY RESULT", s.label), self.para(outcome, s.cell)])
        if chain.output_action is not None:
            action = chain.output_action
            rows.append([self.para("NOW AN ACTION", s.label),
                         self.para(f"{_markup(action.text)}: "
                                   f"{_markup(owner_name(self.ws, action))}, due "
                                   f"{escape(format_date(action.deadline))}", s.cell)])
        label_w = 38 * mm
        outcome_row = len(rows) - (2 if chain.output_action is not None else 1)
        table = _table(rows, [label_w, self.width - label_w], header=False,
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
            self.add(self.para(f"OBJECTIVE {number}", s.kicker),
                     self.user(objective.text, s.h2_tight))
            for k, kr in enumerate(objective.key_results, 1):
                head = self.para(f"{number}.{k}&nbsp;&nbsp;{_markup(kr.text)}", s.h3)
                if not kr.actions:
                    self.add(head, self.para("No actions yet.", s.muted))
                    continue
                data = [[self.para("Task", s.cell_head), self.para("Owner", s.cell_head),
                         self.para("Deadline", s.cell_head)]]
                for action in kr.actions:
                    task = _markup(action.text)
                    if action.origin == "from_output":
                        task += (f" <font size='7' color='#{PALETTE.muted.hexval()[2:]}'>"
                                 "(was an output key result)</font>")
                    if action.done:
                        task += " <b>(done)</b>"
                    data.append([self.para(task, s.cell),
                                 self.user(owner_name(ws, action), s.cell),
                                 self.para(escape(format_date(action.deadline)), s.cell)])
                self.add(head, _table(data, [self.width - owner_w - date_w, owner_w, date_w]))
        drawing = timeline_drawing(ws, self.width, s.fonts.regular, s.fonts.bold)
        if drawing is not None:
            owners = []
            for person in ws.participants:
                if any(a.owner_id == person.id for _, _, a in ws.all_actions()):
                    owners.append(f"<b>{escape(initials(person.name))}</b>&nbsp;"
                                  f"{_markup(person.name)}")
            self.add(CondPageBreak(drawing.height + 40 * mm), Spacer(1, 8),
                     self.para("Deadlines across the period", s.h2),
                     self.para("Each dot is an action's deadline, marked with its owner's "
                               "initials; the shaded band is the period, the small ticks are "
                               "the check-ins.", s.muted),
                     Spacer(1, 6), drawing, Spacer(1, 6))
            if owners:
                self.add(self.para(" \u00b7 ".join(owners), s.small))

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
            cells = [self.para(escape(format_date(d, weekday=True)), s.cell) for d in dates]
            grid = [cells[i:i + columns] for i in range(0, len(cells), columns)]
            grid[-1] += [""] * (columns - len(grid[-1]))
            self.add(_table(grid, [self.width / columns] * columns, header=False,
                            extra=[("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        self.add(Spacer(1, 8), self.label_value([
            ("Mid-period review", format_date(ws.cadence.mid_review, weekday=True)),
            ("Retro", format_date(ws.cadence.retro_date, weekday=True))], label_w=40 * mm))
        self.add(Spacer(1, 10))

    def checklist(self) -> None:
        ws, s = self.ws, self.s
        answered = sorted((a for a in ws.checklist if 1 <= a.question <= len(CHECKLIST_QUESTIONS)),
                          key=lambda a: a.question)
        if not answered:
            return
        self.add(CondPageBreak(70 * mm), self.para("Our review checklist", s.h2))
        data = [[self.para("Question", s.cell_head), self.para("Answer", s.cell_head),
                 self.para("Comment", s.cell_head)]]
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
        data = [[self.para("Key result", s.cell_head), self.para("Score", s.cell_head),
                 self.para("Note", s.cell_head)]]
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

    def commitments_page(self, person: Participant) -> None:
        ws, s = self.ws, self.s
        self.add(self.para("YOUR COMMITMENTS", s.cover_kicker),
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
            data = [[self.para("Deadline", s.cell_head), self.para("Action", s.cell_head),
                     self.para("It serves", s.cell_head)]]
            for objective, kr, action in mine:
                serves = (f"{_markup(kr.text)}<br/><font color='#"
                          f"{PALETTE.muted.hexval()[2:]}'>Objective: "
                          f"{_markup(objective.text)}</font>")
                data.append([self.para(f"<b>{escape(format_date(action.deadline))}</b>",
                                       s.cell),
                             self.user(action.text, s.cell), self.para(serves, s.cell_small)])
            date_w = 26 * mm
            self.add(_table(data, [date_w, (self.width - date_w) * 0.52,
                                   (self.width - date_w) * 0.48]))
        dates = checkin_dates(ws)
        meet = [("Check-ins", cadence_summary(ws) + (
            f", {format_date(dates[0])} to {format_date(dates[-1])}" if dates else "")),
            ("Mid-period review", format_date(ws.cadence.mid_review, weekday=True)),
            ("Retro", format_date(ws.cadence.retro_date, weekday=True))]
        self.add(Spacer(1, 14), self.para("When we meet", s.h3),
                 self.label_value(meet, label_w=40 * mm))
        # The page may travel on its own (torn out, or as its own file): it says what
        # the work is for.
        self.add(Spacer(1, 10), self.para("What we are working towards", s.h3))
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

    def cover(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFillColor(p.accent)
        canvas.rect(0, height - 9 * mm, width, 9 * mm, stroke=0, fill=1)
        canvas.setFillColor(p.muted)
        canvas.setFont(fonts.regular, 7.5)
        if ws.facilitator.strip():
            canvas.drawString(_MARGIN_X, 14 * mm, cut_to(
                f"Facilitated by {ws.facilitator}", fonts.regular, 7.5, width - 2 * _MARGIN_X))
        canvas.restoreState()

    def body(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        room = width - 2 * _MARGIN_X
        canvas.setStrokeColor(p.rule)
        canvas.setLineWidth(0.5)
        canvas.line(_MARGIN_X, height - 16 * mm, width - _MARGIN_X, height - 16 * mm)
        canvas.setFont(fonts.bold, 7.5)
        canvas.setFillColor(p.accent)
        right = _plain(ws.period_label, 40)
        canvas.drawRightString(width - _MARGIN_X, height - 14 * mm, right)
        canvas.drawString(_MARGIN_X, height - 14 * mm,
                          cut_to(header_text, fonts.bold, 7.5, room * 0.75))
        canvas.setFont(fonts.regular, 7.5)
        canvas.setFillColor(p.muted)
        canvas.drawString(_MARGIN_X, 12 * mm, cut_to(footer_left, fonts.regular, 7.5,
                                                       room * 0.7))
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


def _handout(ws: Workshop, width: float, per_participant: bool) -> _Handout:
    handout = _Handout(ws, width)
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
            handout.commitments_page(person)
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
    handout = _handout(ws, doc.width, per_participant)
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
                    f"Your commitments \u00b7 {_handout_title(ws)}", with_cover=False)
    handout = _Handout(ws, doc.width)
    handout.commitments_page(person)
    _build(doc, handout.story)


def _build(doc: BaseDocTemplate, story: list[Flowable]) -> None:
    try:
        doc.build(story)
    except OSError as exc:
        raise ExportError(f"Cannot write the PDF: {exc.strerror or exc}.") from exc


def paragraph_texts(ws: Workshop, *, page_size: str = "A4",
                    per_participant: bool = True) -> list[str]:
    """The markup of every paragraph the handout holds (benchmarks compare the handout
    with a bare document of the same paragraphs)."""
    size = _PAGE_SIZES[page_size.strip().lower()]
    return _handout(ws, size[0] - 2 * _MARGIN_X, per_participant).texts


__all__ = ["build_pdf", "build_participant_pdf", "paragraph_texts"]

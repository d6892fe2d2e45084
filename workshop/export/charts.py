"""The handout's two pictures, drawn with reportlab graphics: how the OKRs line up with
the strategy (strategy -> objectives -> KRs -> number of actions) and when the action
deadlines fall across the period.

Imported by pdf.py only, so reportlab is loaded only when a PDF is made. Labels are
plain strings (not markup) and are cut to fit their boxes, so no user text can push a
picture off the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, Rect, String
from reportlab.lib.colors import Color, HexColor, white
from reportlab.pdfbase.pdfmetrics import stringWidth

from workshop.export import glyphs
from workshop.export.content import clean_text, format_date, initials, owner_name
from workshop.export.formats import checkin_dates
from workshop.model import KeyResult, Objective, Workshop


@dataclass(frozen=True)
class Palette:
    """The handout's colours, shared with pdf.py so pictures and tables match."""

    ink: Color = HexColor("#1f2933")
    muted: Color = HexColor("#5f6b76")
    accent: Color = HexColor("#1b6a8a")
    accent_soft: Color = HexColor("#e3f0f5")
    rule: Color = HexColor("#d3dae0")
    paper_tint: Color = HexColor("#f5f7f9")
    warm: Color = HexColor("#c2410c")


PALETTE = Palette()
MAX_ROWS = 24  # at most this many KR rows; beyond them (or the page) the rest is counted
_PRE_CUT = 240  # characters of a label worth measuring at all


def fit_lines(text: str, font: str, size: float, width: float, max_lines: int) -> list[str]:
    """Wrap `text` into at most `max_lines` lines no wider than `width`, breaking words
    that are too long on their own and ending with an ellipsis when text was cut."""
    words = clean_text(text).replace("\n", " ").split()
    cut = len(" ".join(words)) > _PRE_CUT
    words = " ".join(words)[:_PRE_CUT].split()
    lines: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}" if current else word
        if glyphs.width(candidate, font, size) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = ""
        # A single word wider than the box is broken by characters.
        while glyphs.width(word, font, size) > width and len(word) > 1:
            split = len(word)
            while split > 1 and glyphs.width(word[:split], font, size) > width:
                split -= 1
            lines.append(word[:split])
            word = word[split:]
        current = word
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines, cut = lines[:max_lines], True
    if cut and lines:
        last = lines[-1]
        while last and glyphs.width(last + "\u2026", font, size) > width:
            last = last[:-1]
        lines[-1] = last.rstrip() + "\u2026"
    return lines


def _label(drawing: Drawing, lines: list[str], x: float, y_top: float, font: str,
           size: float, colour: Color, anchor: str = "start") -> None:
    for index, line in enumerate(lines):
        # Run by run: an emoji is drawn in the symbols face, not as a box.
        for left, piece, face in glyphs.starts(line, font, size, x, anchor):
            drawing.add(String(left, y_top - size - index * size * 1.2, piece,
                               fontName=face, fontSize=size, fillColor=colour))


def alignment_drawing(ws: Workshop, width: float, regular: str, bold: str,
                      max_height: float = 650.0) -> Drawing:
    """Strategy -> objectives -> key results -> number of actions, as linked boxes, never
    taller than `max_height` (rows that do not fit are counted in a note)."""
    p = PALETTE
    objectives = ws.selected_objectives()
    strategies = ws.context.strategies
    # Objectives are grouped under the strategy they serve so the links do not cross.
    order: list[tuple[str, list[Objective]]] = []
    for strategy in strategies:
        group = [o for o in objectives if o.strategy_id == strategy.id]
        if group:
            order.append((strategy.text, group))
    linked = {o.id for _, group in order for o in group}
    unlinked = [o for o in objectives if o.id not in linked]
    if unlinked:
        order.append(("", unlinked))

    row_h, gap_v, header_h = 34.0, 6.0, 18.0
    gap = 14.0
    count_w = 46.0
    col_w = (width - count_w - 3 * gap) / 3
    xs = [0.0, col_w + gap, 2 * (col_w + gap), 3 * (col_w + gap)]

    rows: list[tuple[int, int, Objective, KeyResult | None]] = []  # (group, objective, ...)
    room_rows = int((max_height - header_h - 16.0) // (row_h + gap_v))
    max_rows = max(1, min(MAX_ROWS, room_rows))
    hidden = 0
    for g_index, (_, group) in enumerate(order):
        for o_index, objective in enumerate(group):
            krs: list[KeyResult | None] = list(objective.key_results) or [None]
            for kr in krs:
                if len(rows) >= max_rows:
                    hidden += 1
                    continue
                rows.append((g_index, o_index, objective, kr))
    n_rows = max(len(rows), 1)
    note_h = 16.0 if hidden else 0.0
    height = header_h + n_rows * (row_h + gap_v) + note_h
    drawing = Drawing(width, height)

    for x, title in zip(xs, ("STRATEGY", "OBJECTIVE", "KEY RESULT", "ACTIONS"), strict=True):
        drawing.add(String(x, height - 10, title, fontName=bold, fontSize=6.5,
                           fillColor=p.muted))

    def row_top(index: int) -> float:
        return height - header_h - index * (row_h + gap_v)

    def box(x: float, top: float, bottom: float, w: float, text: str, fill: Color,
            stroke: Color, font: str, size: float, colour: Color) -> None:
        drawing.add(Rect(x, bottom, w, top - bottom, rx=3, ry=3, fillColor=fill,
                         strokeColor=stroke, strokeWidth=0.6))
        max_lines = max(1, int((top - bottom - 6) // (size * 1.2)))
        lines = fit_lines(text, font, size, w - 10, min(max_lines, 4))
        text_h = len(lines) * size * 1.2
        middle_top = top - (top - bottom - text_h) / 2 + size * 0.2
        if glyphs.reads_right_to_left(text):  # Hebrew or Arabic: flush right
            _label(drawing, lines, x + w - 5, middle_top, font, size, colour, anchor="end")
        else:
            _label(drawing, lines, x + 5, middle_top, font, size, colour)

    def link(x1: float, y1: float, x2: float, y2: float) -> None:
        mid = (x1 + x2) / 2
        drawing.add(Line(x1, y1, mid, y1, strokeColor=p.rule, strokeWidth=0.8))
        drawing.add(Line(mid, y1, mid, y2, strokeColor=p.rule, strokeWidth=0.8))
        drawing.add(Line(mid, y2, x2, y2, strokeColor=p.rule, strokeWidth=0.8))

    def span(indices: list[int]) -> tuple[float, float]:
        return row_top(indices[0]), row_top(indices[-1]) - row_h

    for g_index, (strategy_name, _) in enumerate(order):
        g_rows = [i for i, r in enumerate(rows) if r[0] == g_index]
        if not g_rows:
            continue
        s_top, s_bottom = span(g_rows)
        box(xs[0], s_top, s_bottom, col_w, strategy_name or "No strategy named",
            p.paper_tint, p.rule, regular, 7.5, p.ink if strategy_name else p.muted)
        objective_ids = []
        for r in g_rows:
            if rows[r][2].id not in objective_ids:
                objective_ids.append(rows[r][2].id)
        for objective_id in objective_ids:
            o_rows = [i for i in g_rows if rows[i][2].id == objective_id]
            o_top, o_bottom = span(o_rows)
            objective = rows[o_rows[0]][2]
            link(xs[0] + col_w, (s_top + s_bottom) / 2, xs[1], (o_top + o_bottom) / 2)
            box(xs[1], o_top, o_bottom, col_w, objective.text, p.accent_soft, p.accent,
                bold, 7.5, p.ink)
            for r in o_rows:
                kr = rows[r][3]
                top, bottom = row_top(r), row_top(r) - row_h
                if kr is None:
                    box(xs[2], top, bottom, col_w, "No key result yet", white, p.rule,
                        regular, 7.0, p.muted)
                    continue
                link(xs[1] + col_w, (o_top + o_bottom) / 2, xs[2], (top + bottom) / 2)
                box(xs[2], top, bottom, col_w, kr.text, white, p.rule, regular, 7.0, p.ink)
                link(xs[2] + col_w, (top + bottom) / 2, xs[3], (top + bottom) / 2)
                count = len(kr.actions)
                drawing.add(Circle(xs[3] + 12, (top + bottom) / 2, 9,
                                   fillColor=p.accent if count else white,
                                   strokeColor=p.accent, strokeWidth=0.8))
                drawing.add(String(xs[3] + 12, (top + bottom) / 2 - 3, str(count),
                                   fontName=bold, fontSize=8, textAnchor="middle",
                                   fillColor=white if count else p.accent))
    if hidden:
        drawing.add(String(0, 2, f"and {hidden} more key result(s), listed in the action plan",
                           fontName=regular, fontSize=7, fillColor=p.muted))
    if not rows:
        drawing.add(String(0, height - header_h - 14, "No objectives were set.",
                           fontName=regular, fontSize=8, fillColor=p.muted))
    return drawing


def _month_starts(first: date, last: date) -> list[date]:
    day = date(first.year, first.month, 1)
    months = []
    while day <= last:
        if day >= first:
            months.append(day)
        day = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return months


_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                "Nov", "Dec")


def timeline_drawing(ws: Workshop, width: float, regular: str, bold: str,
                     max_height: float = 650.0) -> Drawing | None:
    """One lane per key result with a dot (the owner's initials) at each action's
    deadline, the check-ins as ticks, the review and the retro as dashed lines.
    None when no action has a deadline."""
    p = PALETTE
    lanes = [(o, kr) for o, kr in ws.all_key_results()]
    deadlines = [a.deadline for _, _, a in ws.all_actions() if a.deadline is not None]
    if not deadlines:
        return None
    marks = [d for d in (ws.cadence.mid_review, ws.cadence.retro_date) if d is not None]
    first = min([ws.period_start or min(deadlines), *deadlines, *marks])
    last = max([ws.period_end or max(deadlines), *deadlines, *marks])
    if (last - first).days < 7:
        last = first + timedelta(days=7)
    label_w, lane_h, top_h, bottom_h = 128.0, 24.0, 40.0, 20.0
    max_lanes = max(1, min(MAX_ROWS, int((max_height - top_h - bottom_h - 12) // lane_h)))
    hidden = max(0, len(lanes) - max_lanes)
    lanes = lanes[:max_lanes]

    plot_x0, plot_x1 = label_w + 8, width - 8
    height = top_h + len(lanes) * lane_h + bottom_h + (12 if hidden else 0)
    drawing = Drawing(width, height)
    plot_top = height - top_h
    plot_bottom = plot_top - len(lanes) * lane_h
    span_days = (last - first).days

    def x_of(day: date) -> float:
        return plot_x0 + (plot_x1 - plot_x0) * (day - first).days / span_days

    # Month grid and labels.
    for month in _month_starts(first, last):
        x = x_of(month)
        drawing.add(Line(x, plot_top, x, plot_bottom, strokeColor=p.rule, strokeWidth=0.5))
        name = f"{_MONTH_NAMES[month.month - 1]} {month.year}"
        if x + 2 + stringWidth(name, regular, 6.5) <= width:
            drawing.add(String(x + 2, plot_bottom - 11, name, fontName=regular, fontSize=6.5,
                               fillColor=p.muted))
    drawing.add(Line(plot_x0, plot_bottom, plot_x1, plot_bottom, strokeColor=p.muted,
                     strokeWidth=0.6))
    # The period itself, shaded, so deadlines outside it stand out.
    if ws.period_start and ws.period_end and ws.period_start <= ws.period_end:
        drawing.add(Rect(x_of(ws.period_start), plot_bottom, x_of(ws.period_end)
                         - x_of(ws.period_start), plot_top - plot_bottom,
                         fillColor=p.paper_tint, strokeColor=None))
        drawing.contents.insert(0, drawing.contents.pop())

    # Check-ins as small ticks above the lanes.
    drawing.add(String(0, plot_top + 4, "Check-ins", fontName=regular, fontSize=6.5,
                       fillColor=p.muted))
    for day in checkin_dates(ws):
        x = x_of(day)
        drawing.add(Polygon([x - 2.5, plot_top + 9, x + 2.5, plot_top + 9, x, plot_top + 4],
                            fillColor=p.muted, strokeColor=None))
    # The review's and the retro's labels sit on two heights so they never overlap.
    for level, (day, name) in enumerate(((ws.cadence.mid_review, "Mid-period review"),
                                         (ws.cadence.retro_date, "Retro"))):
        if day is None:
            continue
        x = x_of(day)
        y = plot_top + 13 + level * 10
        label = f"{name} {format_date(day)}"
        drawing.add(Line(x, y + 6, x, plot_bottom, strokeColor=p.warm,
                         strokeWidth=0.8, strokeDashArray=[2, 2]))
        fits_right = x + 3 + stringWidth(label, bold, 6.5) <= width
        drawing.add(String(x + 3 if fits_right else x - 3, y, label, fontName=bold,
                           fontSize=6.5, fillColor=p.warm,
                           textAnchor="start" if fits_right else "end"))

    for index, (_, kr) in enumerate(lanes):
        lane_top = plot_top - index * lane_h
        middle = lane_top - lane_h / 2
        if index:
            drawing.add(Line(0, lane_top, plot_x1, lane_top, strokeColor=p.rule,
                             strokeWidth=0.3))
        lines = fit_lines(kr.text, regular, 6.5, label_w, 2)
        flush_right = glyphs.reads_right_to_left(kr.text)
        _label(drawing, lines, label_w if flush_right else 0,
               middle + len(lines) * 6.5 * 1.2 / 2 + 1, regular, 6.5, p.ink,
               anchor="end" if flush_right else "start")
        previous_x = -100.0
        lift = 0.0
        for action in sorted((a for a in kr.actions if a.deadline is not None),
                             key=lambda a: a.deadline or date.min):
            x = x_of(action.deadline) if action.deadline else plot_x0
            # Deadlines close together alternate up and down instead of hiding each other.
            lift = (4.5 if lift <= 0 else -4.5) if x - previous_x < 13 else 0.0
            previous_x = x
            drawing.add(Circle(x, middle + lift, 6.5, fillColor=p.accent,
                               strokeColor=white, strokeWidth=0.8))
            drawing.add(String(x, middle + lift - 2, initials(owner_name(ws, action)),
                               fontName=bold, fontSize=5.2, fillColor=white,
                               textAnchor="middle"))
    if hidden:
        drawing.add(String(0, 2, f"and {hidden} more key result(s), listed in the action plan",
                           fontName=regular, fontSize=7, fillColor=p.muted))
    return drawing

"""The projector's building blocks: a content row, bars, the big clock, the flash, the
cross-fade, and the page maker. The window (audience.py) arranges them; nothing here
reads the session."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QEasingCurve, QPointF, QRectF, Qt, QVariantAnimation
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPixmap,
)
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from workshop.flows.slides import Row

MAX_ITEMS_PER_PAGE = 6  # "six short lines per view at most" (UX.md); headings and table
# rows do not count: a heading introduces lines, a table is read as one block.
# A hostile run of letters with no space cannot wrap; a zero-width space every this many
# characters gives the line breaker somewhere to break.
LONG_WORD = 24


def breakable(text: str) -> str:
    """`text` with a zero-width space inside every very long word, so a hostile run of
    letters wraps instead of running off the screen."""

    def split(match: re.Match[str]) -> str:
        word = match.group(0)
        return "\u200b".join(word[i:i + LONG_WORD] for i in range(0, len(word), LONG_WORD))

    return re.sub(rf"\S{{{LONG_WORD + 1},}}", split, text)


def elide_words(text: str, metrics: QFontMetrics, width: int) -> str:
    """`text` shortened at a word boundary with "…" so it fits `width` on one line."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    words = text.split()
    low, high = 0, len(words)
    while low < high:  # the most words that still fit
        middle = (low + high + 1) // 2
        if metrics.horizontalAdvance(" ".join(words[:middle]) + " …") <= width:
            low = middle
        else:
            high = middle - 1
    if low:
        return " ".join(words[:low]) + " …"
    # One enormous word: no boundary to cut at, so cut it like Qt would.
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(0, width))


def fit_lines(text: str, font: QFont, width: int, max_lines: int) -> str:
    """`text` (made breakable) shortened at a word boundary so it wraps into at most
    `max_lines` lines of `width`: for the title slide, where a hostile title must not
    push the agenda off the screen."""
    metrics = QFontMetrics(font)
    text = breakable(text)
    flags = int(Qt.TextFlag.TextWordWrap)

    def lines(candidate: str) -> int:
        box = metrics.boundingRect(0, 0, max(1, width), 100_000, flags, candidate)
        return round(box.height() / max(1, metrics.lineSpacing()))

    if lines(text) <= max_lines:
        return text
    words = text.replace("\u200b", "\u200b ").split(" ")
    low, high = 0, len(words)
    while low < high:
        middle = (low + high + 1) // 2
        if lines(" ".join(words[:middle]).replace("\u200b ", "\u200b") + " …") <= max_lines:
            low = middle
        else:
            high = middle - 1
    return " ".join(words[:low]).replace("\u200b ", "\u200b") + " …"


# ---------------------------------------------------------------------------------------
# Pages
# ---------------------------------------------------------------------------------------


@dataclass
class Page:
    """Rows (by index) on one page, after the heading they continue, if any."""

    rows: list[int] = field(default_factory=list)
    continued: int | None = None  # a heading repeated on top with "(continued)"


def paginate(heights: Sequence[int], available: int, spacing: int, *,
             headings: Sequence[bool] = (), groups: Sequence[int | None] = (),
             counts: Sequence[bool] = (), new_page: Sequence[bool] = (),
             keep: Sequence[bool] = (),
             continued_heights: dict[int, int] | Callable[[int], int] | None = None,
             max_items: int = MAX_ITEMS_PER_PAGE) -> list[Page]:
    """Split rows (by their heights) into pages that fit `available` pixels.

    Pages fill before they break; a page holds at most `max_items` counted rows. A
    heading is never left alone at the foot of a page (a heading marked `keep` takes
    two of its rows along), and a page that starts
    inside a heading's rows repeats the heading (its height in `continued_heights`, a
    dict or a function of the heading's index)."""
    n = len(heights)

    def at(seq: Sequence, i: int, default):
        return seq[i] if i < len(seq) else default

    if callable(continued_heights):
        cont_h = continued_heights  # measured only for the headings a page continues
    else:
        known = continued_heights or {}

        def cont_h(index: int) -> int:
            return known.get(index, 0)
    pages: list[Page] = []
    page = Page()
    used = 0
    items = 0
    for i, height in enumerate(heights):
        heading = at(headings, i, False)
        filled = bool(page.rows) or page.continued is not None
        need = height + (spacing if filled else 0)
        brk = False
        if page.rows and at(new_page, i, False):
            brk = True
        elif filled:
            if used + need > available:
                brk = True
            elif at(counts, i, True) and items >= max_items:
                brk = True
            elif heading:
                # A heading keeps its first row (two for a `keep` heading: a KR is
                # not split after its first task) with it on the page.
                first = [j for j in range(i + 1, min(n, i + 3)) if at(groups, j, None) == i]
                first = first[:2 if at(keep, i, False) else 1]
                if used + need + sum(heights[j] + spacing for j in first) > available:
                    brk = True
                elif first and at(counts, first[0], True) and items >= max_items:
                    brk = True  # its first row would be on the next page
        if brk:
            pages.append(page)
            g = at(groups, i, None)
            page = Page(continued=g if (g is not None and not heading) else None)
            used = cont_h(page.continued) if page.continued is not None else 0
            items = 0
            need = height + (spacing if page.continued is not None else 0)
        page.rows.append(i)
        used += need
        items += 1 if at(counts, i, True) else 0
    if page.rows or not pages:
        pages.append(page)
    return pages


# ---------------------------------------------------------------------------------------
# Widgets
# ---------------------------------------------------------------------------------------


def label(object_name: str = "", *, wrap: bool = False) -> QLabel:
    """A plain-text label: text from the session (or a phone) is never markup."""
    widget = QLabel()
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.setWordWrap(wrap)
    if object_name:
        widget.setObjectName(object_name)
    if wrap:
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        widget.setSizePolicy(policy)
    return widget


def restyle(widget: QWidget, name: str, value: str) -> None:
    """Set a styling property; a changed property restyles only after a re-polish."""
    if widget.property(name) != value:
        widget.setProperty(name, value)
        widget.style().unpolish(widget)
        widget.style().polish(widget)
        widget.update()


class Bar(QWidget):
    """A horizontal bar: `fraction` of its width filled (votes, a retro score)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fraction = 0.0
        self.fill = QColor("#0b3d91")
        self.track = QColor("#d9dde3")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_value(self, fraction: float, fill: str, track: str) -> None:
        fraction = max(0.0, min(1.0, fraction))
        if (fraction, QColor(fill), QColor(track)) != (self.fraction, self.fill, self.track):
            self.fraction, self.fill, self.track = fraction, QColor(fill), QColor(track)
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        # As tall as a line of text; the bar itself is thinner, on the line's middle.
        full = QRectF(self.rect())
        thick = full.height() * 0.55
        r = QRectF(full.x(), full.y() + (full.height() - thick) / 2, full.width(), thick)
        radius = r.height() / 4
        painter.setBrush(self.track)
        painter.drawRoundedRect(r, radius, radius)
        if self.fraction > 0:
            painter.setBrush(self.fill)
            painter.drawRoundedRect(QRectF(r.x(), r.y(), max(r.height() / 2,
                                    r.width() * self.fraction), r.height()), radius, radius)


class RowWidget(QFrame):
    """One content row: lead column, the text (wrapping) with an optional quieter note
    under it, a bar with its label, table cells, a badge. Re-used for the next row of
    the same shape, so an edit changes texts instead of rebuilding widgets."""

    def __init__(self, row: Row, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("audRow")
        self.edge = 6
        self.focus_colours = (QColor("#e6eefc"), QColor("#0b3d91"))
        self.shape = self.shape_of(row)
        self.row: Row | None = None
        self.full_text = ""
        self.showing_part = False
        self.measured: tuple | None = None  # (width, sizes key, row) -> height
        self.height_px = 0
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = Qt.AlignmentFlag.AlignTop
        self.lead = label("audLead") if row.lead else None
        if self.lead is not None:
            self.lead.setAlignment(Qt.AlignmentFlag.AlignLeft | top)
            layout.addWidget(self.lead, 0, top)
        body = QVBoxLayout()
        self.body = body
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        self.main = label("audText", wrap=True)
        body.addWidget(self.main)
        self.note = label("audMuted", wrap=True) if row.note else None
        if self.note is not None:
            body.addWidget(self.note)
        layout.addLayout(body, 3)
        self.bar: Bar | None = None
        self.bar_label: QLabel | None = None
        if row.bar is not None:
            self.bar = Bar()
            layout.addWidget(self.bar, 0, top)
            self.bar_label = label("audBarLabel")
            self.bar_label.setAlignment(Qt.AlignmentFlag.AlignRight | top)
            layout.addWidget(self.bar_label, 0, top)
        self.cells = []
        for _ in row.cells:
            cell = label("audCell", wrap=True)
            cell.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
            cell.sizePolicy().setHeightForWidth(True)
            cell.setAlignment(Qt.AlignmentFlag.AlignLeft | top)
            layout.addWidget(cell, 0, top)
            self.cells.append(cell)
        # Rows with a bar are a table: the badge column stays even where it is empty.
        self.badge = label("audBadge") if row.badge or row.bar is not None else None
        if self.badge is not None:
            self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(self.badge, 0, top)
        self.set_row(row)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        """The row under discussion: a tinted background and a strong left edge."""
        if self.row is not None and self.row.focus:
            painter = QPainter(self)
            background, edge = self.focus_colours
            painter.fillRect(self.rect(), background)
            painter.fillRect(0, 0, self.edge, self.height(), edge)
        super().paintEvent(event)

    @staticmethod
    def shape_of(row: Row) -> tuple:
        """What decides the widgets a row needs: rows of one shape share a widget."""
        return (bool(row.lead), bool(row.note), row.bar is not None, len(row.cells),
                bool(row.badge) or row.bar is not None)

    def set_row(self, row: Row, text: str | None = None) -> None:
        """Show `row` (its text replaced by `text`, a part of a very long one)."""
        if text is None and (row is self.row or row == self.row):
            if self.showing_part:  # was showing a part of a very long row: whole again
                self.main.setText(self.full_text)
                self.showing_part = False
                self.measured = None
            return
        self.full_text = breakable(row.text)
        self.showing_part = text is not None
        self.row = row
        self.measured = None
        if self.lead is not None:
            self.lead.setText(row.lead)
        self.main.setText(breakable(text if text is not None else row.text))
        if self.note is not None:
            self.note.setText(breakable(row.note))
        if self.bar_label is not None:
            self.bar_label.setText(row.bar_label)
        for cell, value in zip(self.cells, row.cells, strict=False):
            cell.setText(breakable(value))
        if self.badge is not None:
            self.badge.setText(row.badge)
            restyle(self.badge, "kind", row.badge_kind)
        if self.property("discussed") != ("true" if row.focus else "false"):
            self.setProperty("discussed", "true" if row.focus else "false")
            self.update()
        restyle(self.main, "kind", row.style)
        # Text starts at the top, level with the lead and the badge; the break's one big
        # line sits in the middle.
        self.main.setAlignment(Qt.AlignmentFlag.AlignCenter if row.style == "big" else
                               Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        if self.lead is not None:
            restyle(self.lead, "kind", row.style)


class BigClock(QWidget):
    """The timer-only view's digits, drawn as outlines scaled to fill the space: as
    tall as the window allows, narrowed a little rather than shrunk when the width is
    short (a condensed face reads better from the back than a smaller one)."""

    MIN_CONDENSE = 0.78
    TRACKING = 0.92  # digits set slightly tighter than the font's spacing

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("audBigClock")
        self.text = ""
        self.colour = QColor("#000000")
        self.font_ = QFont()
        self.height_share = 0.8  # of the widget's height the digits may take
        self._cache: tuple | None = None
        self.setAccessibleName("Time left in this stage")

    def set_text(self, text: str, colour: str) -> None:
        if text != self.text or QColor(colour) != self.colour:
            self.text, self.colour = text, QColor(colour)
            self.update()

    def _path(self) -> QPainterPath:
        """The text as outlines; a leading "+" is smaller, so overtime digits stay large."""
        path = QPainterPath()
        font = QFont(self.font_)
        font.setPixelSize(200)
        metrics = QFontMetrics(font)
        x = 0.0
        for i, char in enumerate(self.text):
            glyph_font = font
            if char == "+" and i == 0:
                glyph_font = QFont(font)
                glyph_font.setPixelSize(130)
            path.addText(QPointF(x, 0), glyph_font, char)
            x += QFontMetrics(glyph_font).horizontalAdvance(char) * self.TRACKING
        del metrics
        return path

    def transform(self) -> tuple[QPainterPath, float, float, float, float]:
        """(path, x scale, y scale, dx, dy) placing the digits in the widget."""
        key = (self.text, self.width(), self.height(), self.font_.family())
        if self._cache and self._cache[0] == key:
            return self._cache[1]
        path = self._path()
        box = path.boundingRect()
        if box.isEmpty():
            result = (path, 1.0, 1.0, 0.0, 0.0)
        else:
            width, height = self.width() * 0.96, self.height() * self.height_share
            sy = height / box.height()
            sx = sy
            if box.width() * sx > width:
                sx = max(sy * self.MIN_CONDENSE, width / box.width())
                if box.width() * sx > width:  # even narrowed it is too wide: shrink
                    sx = width / box.width()
                    sy = sx / self.MIN_CONDENSE
            dx = (self.width() - box.width() * sx) / 2 - box.x() * sx
            dy = (self.height() - box.height() * sy) / 2 - box.y() * sy
            result = (path, sx, sy, dx, dy)
        self._cache = (key, result)
        return result

    def digit_rect(self) -> QRectF:
        """Where the digits are drawn, in the widget's coordinates."""
        path, sx, sy, dx, dy = self.transform()
        box = path.boundingRect()
        return QRectF(box.x() * sx + dx, box.y() * sy + dy, box.width() * sx,
                      box.height() * sy)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        if not self.text:
            return
        path, sx, sy, dx, dy = self.transform()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(dx, dy)
        painter.scale(sx, sy)
        painter.fillPath(path, self.colour)


class Overlay(QWidget):
    """A widget laid over the window: the flash, the cross-fade, the black screen."""

    def __init__(self, parent: QWidget, name: str) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()


class FlashOverlay(Overlay):
    """One crisp flash at a phase change: the whole screen in the band's colour with
    the phase in words, then gone. No blinking after it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, "audFlash")
        self.fill = QColor("#ffb000")
        self.ink = QColor("#000000")
        self.word = ""
        self.font_ = QFont()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.fill)
        if self.word:
            painter.setPen(self.ink)
            painter.setFont(self.font_)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.word)


class FadeOverlay(Overlay):
    """The last picture of the old slide, fading out over the new one."""

    DURATION_MS = 220

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, "audFade")
        self.picture = QPixmap()
        self.opacity = 1.0
        self.animation = QVariantAnimation(self)
        self.animation.setDuration(self.DURATION_MS)
        self.animation.setStartValue(1.0)
        self.animation.setEndValue(0.0)
        self.animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self.animation.valueChanged.connect(self._step)
        self.animation.finished.connect(self.stop)

    def start(self, picture: QPixmap) -> None:
        self.picture = picture
        self.opacity = 1.0
        self.show()
        self.raise_()
        self.animation.stop()
        self.animation.start()

    def stop(self) -> None:
        self.animation.stop()
        self.picture = QPixmap()
        self.hide()

    def _step(self, value: object) -> None:
        self.opacity = float(value)  # type: ignore[arg-type]
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        if self.picture.isNull():
            return
        painter = QPainter(self)
        painter.setOpacity(self.opacity)
        painter.drawPixmap(self.rect(), self.picture)


class EdgeBar(QWidget):
    """The stage's progress as a bar: thin along the slide's edge, thick in the
    timer-only view. Its colour follows the phase; full and red in overtime."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fraction = 0.0
        self.fill = QColor("#0b3d91")
        self.track = QColor("#d9dde3")
        self.setAccessibleName("Stage progress")
        # It paints every pixel of itself: the slide behind need not be painted again
        # when the bar moves.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)

    def set_value(self, fraction: float, fill: str, track: str) -> None:
        fraction = max(0.0, min(1.0, fraction))
        # A one-pixel step is all the eye could see; anything less is not repainted.
        moved = abs(fraction - self.fraction) * max(1, self.width()) >= 1
        if moved or QColor(fill) != self.fill or QColor(track) != self.track:
            self.fraction, self.fill, self.track = fraction, QColor(fill), QColor(track)
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.track)
        painter.fillRect(QRectF(0, 0, self.width() * self.fraction, self.height()),
                         self.fill)

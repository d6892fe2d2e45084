"""A label for a clock that changes every second.

A QLabel whose size may change asks its window's layout to run again on every
`setText`: once a second, on both windows, for as long as a stage's clock runs. A
widget whose minimum and maximum sizes are equal does not (Qt skips the layout when the
size cannot change), so this label holds a fixed size that fits the widest text it is
expected to show, and grows only when a text really needs more room. A new time then
costs the repaint of its own rectangle, and only of the label: it fills its own
background, so the widgets behind it are not painted again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QLabel, QWidget


class ClockLabel(QLabel):
    def __init__(self, widest: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._widest = widest
        self._glyph_key: tuple = ()
        self._glyphs: dict[str, tuple[QPixmap, int]] = {}
        self._glyph_height = 0
        # Painting its own background makes the label opaque to Qt, so a new time
        # repaints the label alone, not the page and the window behind it.
        # (A style sheet may turn these off again when it polishes the widget, so they
        # are set again after each polish; the background is painted in paintEvent.)
        self._opaque()
        QTimer.singleShot(0, self, self._hold)  # once its font and style are set

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        if text == self.text():
            return
        super().setText(text)
        # Measuring text costs more than the rest of a tick: only a text with more
        # characters than the widest can need more room (clock digits share a width).
        if len(text) >= len(self._widest) and self.fontMetrics().horizontalAdvance(text) \
                > self.fontMetrics().horizontalAdvance(self._widest):
            self._widest = text  # an hour-long stage, "+1:02:03": room for it from now
            self._hold()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        """The background and the text, drawn from pixmaps of each character.

        Glyphs larger than Qt's glyph cache (the projector's digits) are otherwise
        rasterised from their outlines on every paint, and a style-sheet label works
        out its rules again each time: together most of a tick's cost. The style
        sheet's colours and band background still apply: they arrive in the palette."""
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.window())
        text = self.text()
        if not text:
            return
        ink = palette.windowText().color()
        key = (self.font().key(), ink.rgba(), self.devicePixelRatioF())
        if key != self._glyph_key:
            self._glyph_key, self._glyphs = key, {}
        glyphs = []
        for ch in text:
            glyph = self._glyphs.get(ch)
            if glyph is None:
                glyph = self._glyphs[ch] = self._render(ch, self.fontMetrics(), ink)
            glyphs.append(glyph)
        area = self.contentsRect()
        width = sum(advance for _, advance in glyphs)
        align = self.alignment()
        if align & Qt.AlignmentFlag.AlignHCenter:
            x = area.left() + (area.width() - width) / 2
        elif align & Qt.AlignmentFlag.AlignRight:
            x = area.right() + 1 - width
        else:
            x = area.left()
        y = area.top() + (area.height() - self._glyph_height) / 2
        for pixmap, advance in glyphs:
            painter.drawPixmap(QPointF(x, y), pixmap)
            x += advance

    def _render(self, ch: str, metrics: QFontMetrics, ink: QColor) -> tuple[QPixmap, int]:
        """A character's picture and its advance, in the current font and ink."""
        ratio = self.devicePixelRatioF()
        advance = metrics.horizontalAdvance(ch)
        self._glyph_height = metrics.height()
        pixmap = QPixmap(QSize(max(1, advance),
                               max(1, metrics.height())) * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setFont(self.font())
        painter.setPen(ink)
        painter.drawText(QPointF(0, metrics.ascent()), ch)
        painter.end()
        return pixmap, advance

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._opaque()
            # Measured after the change has settled: asking for the size hint inside
            # setFont polishes the widget before Qt has recorded the font as set, and
            # the style sheet's font would win over it.
            QTimer.singleShot(0, self, self._hold)

    def event(self, event: QEvent) -> bool:
        done = super().event(event)
        if event.type() == QEvent.Type.Polish:
            self._opaque()
        return done

    def _opaque(self) -> None:
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)

    def _hold(self) -> None:
        """Fix the size to what the widest text needs in the current font and style."""
        shown = self.text()
        super().setText(self._widest)
        size = self.sizeHint()
        super().setText(shown)
        self.setFixedSize(size)

"""The projector: what the room sees, driven entirely by the facilitator's window.

The audience window is a view, never an editor. It shows the workshop's title, the
stage and the question for the room, a countdown the back row can read, and the stage's
shared content. It never shows the facilitator's notes, the stage tips or prompts, or
the coach's findings, except the one finding the facilitator puts on screen.

Legibility rules (UX.md): every size derives from the window's size, so the same layout
reads at 1024x768 and at 3840x2160; the timer is at least a fifth of the height; at most
six rows of content are shown at once, and more content is split into pages measured
against the space really available, so no row is ever cut mid-line. PageDown shows the
next page before the facilitator moves on to the next item or stage.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QSettings, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QKeyEvent,
    QPalette,
    QResizeEvent,
    QScreen,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from workshop.flows.slides import Row
from workshop.flows.stages import slide_rows, stage_by_key
from workshop.flows.timer import PHASE_OVERTIME, PHASE_PAUSED, PHASE_WARNING, format_mmss
from workshop.ui.session import SessionController
from workshop.ui.theme import THEMES, Theme
from workshop.ui.widgets.chime import Chime

DEFAULT_THEME = "projector"
MAX_ROWS_PER_PAGE = 6  # "six short lines per view at most" (UX.md)
FLASH_MS = 600
# Reference size the type scale is designed for: at 1024x768 the body text is 24 px,
# the question 36 px and the timer a fifth of the height.
BASE_WIDTH, BASE_HEIGHT = 1024, 768
BODY_PX, QUESTION_PX, STAGE_PX = 24, 36, 26
TIMER_SHARE = 0.2
# A hostile run of letters with no space cannot wrap; a zero-width space every this many
# characters gives the line breaker somewhere to break.
LONG_WORD = 24
SOUND_KEY = "sound"
THEME_KEY = "projector_theme"
SCREEN_KEY = "projector_screen"


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
    while words:
        candidate = " ".join(words) + " …"
        if metrics.horizontalAdvance(candidate) <= width:
            return candidate
        words.pop()
    # One enormous word: no boundary to cut at, so cut it like Qt would.
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(0, width))


def paginate(heights: Sequence[int], available: int, spacing: int,
             headings: Sequence[bool] = (), max_rows: int = MAX_ROWS_PER_PAGE
             ) -> list[list[int]]:
    """Split rows (by their heights) into pages that fit `available` pixels with
    `spacing` between rows and at most `max_rows` rows each. A heading is not left alone
    at the foot of a page when it fits at the top of the next one with its first row."""
    pages: list[list[int]] = []
    current: list[int] = []
    used = 0
    for index, height in enumerate(heights):
        need = height + (spacing if current else 0)
        if current and (len(current) >= max_rows or used + need > available):
            carried: list[int] = []
            last = current[-1]
            if (len(current) > 1 and index - 1 < len(headings) and headings[last]
                    and heights[last] + spacing + height <= available):
                carried = [current.pop()]
            pages.append(current)
            current = carried
            used = sum(heights[i] for i in current) + spacing * len(current)
            need = height + (spacing if current else 0)
        current.append(index)
        used += need
    if current:
        pages.append(current)
    return pages or [[]]


# ---------------------------------------------------------------------------------------
# Styling
# ---------------------------------------------------------------------------------------

# Which text pair of the theme (Theme.text_pairs) each styled piece uses, so the theme
# test's contrast figures cover everything the projector draws.
STYLED_PAIRS: dict[str, str] = {
    # The sheet is the window's own, so a bare type selector covers the window and
    # everything in it, and any named rule below (more specific) wins over it.
    "QWidget": "text",
    "QLabel#audMuted": "muted",
    "QLabel#audBadge[kind=\"output\"]": "output badge",
    "QLabel#audBadge[kind=\"outcome\"]": "outcome badge",
    "QLabel#audBadge[kind=\"selected\"]": "accent button",
    "QLabel#audBadge[kind=\"yes\"]": "ok",
    "QLabel#audBadge[kind=\"no\"]": "danger",
    "QLabel#audBadge[kind=\"open\"]": "warning",
    "QLabel#audFinding": "warning",
    "QLabel#audTimer[phase=\"normal\"]": "timer normal",
    "QLabel#audTimer[phase=\"paused\"]": "muted",
    "QLabel#audTimer[phase=\"warning\"]": "timer warning",
    "QLabel#audTimer[phase=\"overtime\"]": "timer overtime",
    "QLabel#audCaption[phase=\"warning\"]": "timer warning",
    "QLabel#audCaption[phase=\"overtime\"]": "timer overtime",
}


def audience_stylesheet(theme: Theme) -> str:
    """The projector window's own style sheet (it does not rely on the app's)."""
    pairs = theme.text_pairs()
    rules = []
    for selector, pair in STYLED_PAIRS.items():
        foreground, background = pairs[pair]
        rules.append(f"{selector} {{ color: {foreground}; background: {background}; }}")
    rules.append("QLabel#audBadge { border-radius: 4px; padding: 2px 10px; }")
    rules.append("QLabel#audFinding { border-radius: 6px; padding: 6px 12px; }")
    rules.append("QWidget#audFlash { background: transparent; }")
    rules.append("QWidget#audBlack { background: #000000; }")
    return "\n".join(rules)


def _restyle(widget: QWidget, name: str, value: str) -> None:
    if widget.property(name) != value:
        widget.setProperty(name, value)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def _label(object_name: str = "", *, wrap: bool = False) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    if object_name:
        label.setObjectName(object_name)
    if wrap:
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        label.setSizePolicy(policy)
    return label


class _RowWidget(QWidget):
    """One content row: lead column, the text (wrapping), a badge, table cells."""

    def __init__(self, row: Row, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = row
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.lead: QLabel | None = None
        if row.lead:
            self.lead = _label("audMuted" if row.style == "step" else "")
            self.lead.setText(row.lead)
            self.lead.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            layout.addWidget(self.lead, 0, Qt.AlignmentFlag.AlignTop)
        self.main = _label(wrap=True)
        self.full_text = breakable(row.text)
        self.main.setText(self.full_text)
        top_left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        self.main.setAlignment(Qt.AlignmentFlag.AlignCenter if row.style == "big"
                               else top_left)
        layout.addWidget(self.main, 3)
        self.cells: list[QLabel] = []
        for i, cell in enumerate(row.cells):
            last = i == len(row.cells) - 1
            label = _label("audMuted" if last else "", wrap=not last)
            label.setText(breakable(cell))
            label.setAlignment(top_left)
            if last:
                layout.addWidget(label, 0, Qt.AlignmentFlag.AlignTop)
            else:
                layout.addWidget(label, 1)
            self.cells.append(label)
        self.badge: QLabel | None = None
        if row.badge:
            self.badge = _label("audBadge")
            self.badge.setText(row.badge)
            self.badge.setProperty("kind", row.badge_kind)
            self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)

    def apply_sizes(self, body: QFont, strong: QFont, big: QFont, lead_width: int,
                    badge_width: int, table_width: int) -> None:
        """Set fonts and fixed column widths for the current window size."""
        main_font = big if self.row.style == "big" else (
            strong if self.row.style == "heading" else body)
        self.main.setFont(main_font)
        self.layout().setSpacing(max(8, QFontMetrics(body).horizontalAdvance("M") // 2))
        if self.lead is not None:
            self.lead.setFont(strong if self.row.style == "heading" else body)
            self.lead.setFixedWidth(lead_width)
        for i, cell in enumerate(self.cells):
            cell.setFont(body)
            if i == len(self.cells) - 1:
                cell.setFixedWidth(table_width)
            else:
                cell.setMinimumWidth(0)
        if self.badge is not None:
            self.badge.setFont(strong)
            self.badge.setFixedWidth(badge_width)

    def fit_height(self, width: int, available: int) -> int:
        """Shorten the text at a word boundary until the row fits `available` pixels
        (only ever needed for absurdly long text); returns the row's height."""
        self.main.setText(self.full_text)
        height = self.heightForWidth(width)
        if height <= available:
            return height
        words = self.full_text.split(" ")
        low, high = 1, len(words)
        while low < high:  # the most words that still fit
            middle = (low + high + 1) // 2
            self.main.setText(" ".join(words[:middle]) + " …")
            if self.heightForWidth(width) <= available:
                low = middle
            else:
                high = middle - 1
        self.main.setText(" ".join(words[:low]) + " …")
        return self.heightForWidth(width)


# ---------------------------------------------------------------------------------------
# The window
# ---------------------------------------------------------------------------------------


class AudienceWindow(QWidget):
    """The projector window: a view of the controller's session, never an editor."""

    def __init__(self, controller: SessionController, theme_key: str = DEFAULT_THEME, *,
                 chime: Any = None, sound_on: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.controller = controller
        self.chime = chime if chime is not None else Chime()
        self.sound_on = sound_on
        self.theme = THEMES.get(theme_key, THEMES[DEFAULT_THEME])
        self.page_index = 0
        self.pages: list[list[int]] = [[]]
        self.flashes: list[str] = []  # the phases flashed so far, in order
        self.chimes: list[str] = []
        self._rows: list[Row] = []
        self._row_widgets: list[_RowWidget] = []
        self._seen_projection: tuple[Any, ...] = ()
        self._view_key = ""
        self._follow_last = False
        self.setObjectName("audienceWindow")
        self.setWindowTitle(f"{controller.workshop.title or 'Untitled'} · Projector")
        self.setAccessibleName("Projector window")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAutoFillBackground(True)
        self.setMinimumSize(480, 360)
        self._build()
        self.set_theme(self.theme.key)
        controller.changed.connect(self._on_changed)
        controller.stage_changed.connect(self._on_stage_changed)
        controller.timer_changed.connect(self._update_timer)
        controller.timer_event.connect(self.on_timer_event)
        controller.room_changed.connect(self._on_room_changed)
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.setInterval(FLASH_MS)
        self._flash_timer.timeout.connect(self.end_flash)
        self.resize(BASE_WIDTH, BASE_HEIGHT)
        self.refresh()

    # -- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        root = QVBoxLayout(self)
        self.root_layout = root
        header = QHBoxLayout()
        self.stage_label = _label("audStage")
        self.stage_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        header.addWidget(self.stage_label, 1)
        self.progress_label = _label("audMuted")
        self.progress_label.setAlignment(Qt.AlignmentFlag.AlignRight
                                         | Qt.AlignmentFlag.AlignVCenter)
        header.addWidget(self.progress_label)
        root.addLayout(header)

        self.question_label = _label("audQuestion", wrap=True)
        self.question_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.question_label.setAccessibleName("Question for the room")
        root.addWidget(self.question_label)

        timer_row = QHBoxLayout()
        timer_row.addStretch(1)
        # As wide as the caption on the right, so the countdown sits in the middle.
        self.caption_balance = QWidget()
        timer_row.addWidget(self.caption_balance)
        self.timer_label = _label("audTimer")
        self.timer_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.timer_label.setAccessibleName("Time left in this stage")
        timer_row.addWidget(self.timer_label)
        self.caption_label = _label("audCaption")
        self.caption_label.setAlignment(Qt.AlignmentFlag.AlignLeft
                                        | Qt.AlignmentFlag.AlignVCenter)
        timer_row.addWidget(self.caption_label)
        timer_row.addStretch(1)
        root.addLayout(timer_row)

        self.finding_label = _label("audFinding", wrap=True)
        self.finding_label.setAccessibleName("Coach note shown by the facilitator")
        self.finding_label.hide()
        root.addWidget(self.finding_label)

        self.content = QWidget()
        self.content.setObjectName("audContent")
        # Ignored vertically: the content takes what is left and pages itself into it,
        # instead of pushing the timer and the question off the screen.
        self.content.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.content_layout = QVBoxLayout(self.content)
        self.content_layout.setContentsMargins(0, 0, 0, 0)
        self.content_layout.addStretch(1)
        root.addWidget(self.content, 1)

        footer = QHBoxLayout()
        self.title_label = _label("audMuted")
        self.title_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        footer.addWidget(self.title_label, 1)
        self.page_label = _label("audMuted")
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignRight
                                     | Qt.AlignmentFlag.AlignVCenter)
        footer.addWidget(self.page_label)
        root.addLayout(footer)

        self.flash_overlay = QWidget(self)
        self.flash_overlay.setObjectName("audFlash")
        self.flash_overlay.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.flash_overlay.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.flash_overlay.hide()
        self.black_overlay = QWidget(self)
        self.black_overlay.setObjectName("audBlack")
        self.black_overlay.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.black_overlay.hide()

    # -- appearance -----------------------------------------------------------------------
    def set_theme(self, theme_key: str) -> None:
        """Use one of THEMES (light, dark, projector) for this window only."""
        self.theme = THEMES.get(theme_key, THEMES[DEFAULT_THEME])
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(self.theme.window))
        palette.setColor(QPalette.ColorRole.WindowText, QColor(self.theme.text))
        self.setPalette(palette)
        self.setStyleSheet(audience_stylesheet(self.theme))
        self._apply_sizes()

    def scale(self) -> float:
        """How much larger than the 1024x768 reference the window is (text follows)."""
        return max(0.5, min(self.height() / BASE_HEIGHT, self.width() / BASE_WIDTH))

    def _font(self, pixels: float, *, bold: bool = False) -> QFont:
        font = QFont(QApplication.font())
        font.setPixelSize(max(8, round(pixels)))
        font.setBold(bold)
        return font

    def _apply_sizes(self) -> None:
        s = self.scale()
        self.body_font = self._font(BODY_PX * s)
        self.strong_font = self._font(BODY_PX * s, bold=True)
        self.big_font = self._font(QUESTION_PX * 1.6 * s, bold=True)
        margin = round(18 * s)
        self.root_layout.setContentsMargins(margin, round(margin * 0.7), margin,
                                            round(margin * 0.7))
        self.root_layout.setSpacing(round(10 * s))
        self.stage_label.setFont(self._font(STAGE_PX * s, bold=True))
        self.progress_label.setFont(self.body_font)
        self.question_label.setFont(self._font(QUESTION_PX * s, bold=True))
        # The countdown: a fifth of the height, but never wider than the window allows
        # ("+1:02:03" is the widest it gets).
        timer_px = self.height() * TIMER_SHARE
        probe = QFontMetrics(self._font(timer_px, bold=True)).horizontalAdvance("+8:88:88")
        room = self.width() * 0.72
        if probe > room:
            timer_px *= room / probe
        self.timer_label.setFont(self._font(timer_px, bold=True))
        self.caption_label.setFont(self.strong_font)
        caption_width = QFontMetrics(self.strong_font).horizontalAdvance("Almost time") + 4
        self.caption_label.setFixedWidth(caption_width)
        self.caption_balance.setFixedWidth(caption_width)
        self.finding_label.setFont(self.body_font)
        self.title_label.setFont(self.body_font)
        self.page_label.setFont(self.body_font)
        # A fixed width, so the title beside it is elided once and stays as it is.
        self.page_label.setFixedWidth(
            QFontMetrics(self.body_font).horizontalAdvance("Page 88 of 88 · PgDn") + 4)
        self.content_layout.setSpacing(round(BODY_PX * 0.55 * s))

    # -- reading the session --------------------------------------------------------------
    def view_key(self) -> str:
        """The stage the room sees: the live stage, timed or not."""
        return self.controller.live_stage_key

    def _back_at(self) -> str:
        timer = self.controller.run.timer
        seconds = max(0.0, timer.remaining())
        return datetime.fromtimestamp(self.controller.clock.wall() + seconds).strftime("%H:%M")

    def _content_rows(self) -> list[Row]:
        key = self.view_key()
        back_at = self._back_at()
        return slide_rows(self.controller.workshop, key, self.controller.focus_item,
                            back_at)

    # -- refreshing -----------------------------------------------------------------------
    def refresh(self) -> None:
        """Redraw everything from the session."""
        ws = self.controller.workshop
        run = self.controller.run
        key = self.view_key()
        stage = stage_by_key(key)
        self.stage_label.setText(stage.title)
        self.progress_label.setText(
            f"Stage {run.current_index + 1} of {run.stage_count}" if stage.timed else "")
        self.question_label.setText(stage.audience_question)
        self.timer_label.setVisible(stage.timed)
        self.caption_label.setVisible(stage.timed)
        self.caption_balance.setVisible(stage.timed)
        self.setWindowTitle(f"{ws.title or 'Untitled'} · Projector")
        self._on_projection_changed()
        self._update_timer()
        self._set_rows(self._content_rows(), reset_page=key != self._view_key)
        self._view_key = key
        self._relayout()

    def _on_changed(self, kind: str, ident: str) -> None:
        del kind, ident  # any edit may change what the room sees
        self._set_rows(self._content_rows(), reset_page=False)
        self._relayout()

    def _on_stage_changed(self, key: str) -> None:
        del key
        self.refresh()

    def _on_room_changed(self) -> None:
        if self.view_key() != self._view_key:
            self.refresh()  # the wrap-up or retro went live
        else:
            self._on_projection_changed()

    def _on_projection_changed(self) -> None:
        c = self.controller
        black = c.projector_black
        self.black_overlay.setVisible(black)
        if black:
            self.black_overlay.setGeometry(self.rect())
            self.black_overlay.raise_()
        finding = c.projected_finding.strip()
        self.finding_label.setText(breakable(f"Coach: {finding}") if finding else "")
        self.finding_label.setVisible(bool(finding))
        state = (c.focus_item, finding)
        if self._seen_projection and state != self._seen_projection:
            focus_moved = state[0] != self._seen_projection[0]
            self._set_rows(self._content_rows(), reset_page=focus_moved)
            self._relayout()
        self._seen_projection = state

    def _update_timer(self) -> None:
        timer = self.controller.run.timer
        phase = timer.phase
        text = format_mmss(timer.remaining())
        shown, caption = {
            PHASE_OVERTIME: ("overtime", "Over time"),
            PHASE_WARNING: ("warning", "Almost time"),
            PHASE_PAUSED: ("paused", "Paused"),
        }.get(phase, ("normal", ""))
        self.timer_label.setText(text)
        self.caption_label.setText(caption)
        _restyle(self.timer_label, "phase", shown)
        _restyle(self.caption_label, "phase", shown)
        if self.view_key() == "break":
            rows = self._content_rows()
            if rows != self._rows:
                self._set_rows(rows, reset_page=False)
                self._relayout()

    # -- content and pages ----------------------------------------------------------------
    def _set_rows(self, rows: list[Row], *, reset_page: bool) -> None:
        if reset_page:
            self.page_index = 0
        if rows == self._rows:
            return
        grew = len(rows) > len(self._rows)
        for widget in self._row_widgets:
            self.content_layout.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self._rows = rows
        self._row_widgets = []
        for i, row in enumerate(rows):
            widget = _RowWidget(row, self.content)
            widget.hide()
            self.content_layout.insertWidget(i, widget)
            self._row_widgets.append(widget)
        # A new rung on the why-ladder is what the room is looking at: show its page.
        self._follow_last = grew and not reset_page and self.view_key() == "ask_why"

    def _relayout(self) -> None:
        """Size the type for the window, then split the content into pages that fit."""
        self._apply_sizes()
        layout = self.layout()
        layout.invalidate()
        layout.activate()
        fm = QFontMetrics(self.body_font)
        self.title_label.setText(elide_words(self.controller.workshop.title.strip()
                                             or "Untitled workshop", fm,
                                             max(0, self.title_label.contentsRect().width())))
        width = self.content.width()
        available = max(1, self.content.height())
        spacing = self.content_layout.spacing()
        strong = QFontMetrics(self.strong_font)
        leads = [r.lead for r in self._rows if r.lead]
        lead_width = min(width // 4, max((strong.horizontalAdvance(t) for t in leads),
                                         default=0) + 6)
        badge_width = strong.horizontalAdvance("SELECTED") + strong.horizontalAdvance("M") * 2
        table_width = fm.horizontalAdvance("28 Sep 2027") + 6
        heights = []
        for widget in self._row_widgets:
            widget.apply_sizes(self.body_font, self.strong_font, self.big_font, lead_width,
                               badge_width, table_width)
            widget.ensurePolished()
            # The content layout caches each row's size; new fonts must reach it now.
            widget.layout().invalidate()
            widget.updateGeometry()
            heights.append(widget.fit_height(width, available))
        self.pages = paginate(heights, available, spacing,
                              [r.style == "heading" for r in self._rows])
        if self._follow_last:
            self.page_index = len(self.pages) - 1
            self._follow_last = False
        self.page_index = max(0, min(self.page_index, len(self.pages) - 1))
        self._show_page()

    def _show_page(self) -> None:
        shown = set(self.pages[self.page_index]) if self.pages else set()
        for i, widget in enumerate(self._row_widgets):
            widget.setVisible(i in shown)
        count = len(self.pages)
        if count > 1:
            more = " · PgDn" if self.page_index < count - 1 else ""
            self.page_label.setText(f"Page {self.page_index + 1} of {count}{more}")
        else:
            self.page_label.setText("")
        # Lay out now rather than on the next event-loop turn: the room (and a test)
        # sees the new page at once. Outer first, it decides the content's height.
        self.layout().activate()
        self.content_layout.invalidate()
        self.content_layout.activate()

    def page_step(self, step: int) -> bool:
        """Show the next (+1) or previous (-1) page of content; False when there is
        none, so the facilitator's window moves on to the next item or stage."""
        if not self.isVisible():
            return False
        target = self.page_index + step
        if 0 <= target < len(self.pages):
            self.page_index = target
            self._show_page()
            return True
        return False

    def visible_texts(self) -> list[str]:
        """Every text the room can read right now (for tests and accessibility)."""
        if self.controller.projector_black:
            return []
        return [label.text() for label in self.findChildren(QLabel)
                if label.isVisibleTo(self) and label.text()]

    # -- time-up signal -------------------------------------------------------------------
    def on_timer_event(self, event: str) -> None:
        """Flash the window (and chime, if sound is on) for "warning" and "time_up"."""
        if event not in ("warning", "time_up"):
            return
        self.flashes.append(event)
        colour = QColor(self.theme.timer_overtime if event == "time_up"
                        else self.theme.timer_warning)
        self.flash_overlay.setStyleSheet(
            f"QWidget#audFlash {{ background: rgba({colour.red()}, {colour.green()}, "
            f"{colour.blue()}, 150); }}")
        self.flash_overlay.setGeometry(self.rect())
        self.flash_overlay.show()
        self.flash_overlay.raise_()
        if self.controller.projector_black:
            self.black_overlay.raise_()
        self._flash_timer.start()
        if self.sound_on:
            self.chimes.append(event)
            self.chime.play()

    def end_flash(self) -> None:
        """The flash is over: no blinking after it."""
        self._flash_timer.stop()
        self.flash_overlay.hide()

    # -- Qt events ------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.black_overlay.setGeometry(self.rect())
        self.flash_overlay.setGeometry(self.rect())
        self._relayout()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._relayout()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """F11/Esc for fullscreen here; the room's keys only when no facilitator window
        handles them for us (its key filter sees them first when we are registered)."""
        key = event.key()
        c = self.controller
        if key == Qt.Key.Key_F11:
            self.toggle_fullscreen()
        elif key == Qt.Key.Key_Escape:
            if self.isFullScreen():
                self.showNormal()
        elif key in (Qt.Key.Key_PageDown, Qt.Key.Key_Right):
            if not self.page_step(+1):
                c.next_stage()
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_Left):
            if not self.page_step(-1):
                c.previous_stage()
        elif not c.room_key(key):
            super().keyPressEvent(event)

    def toggle_fullscreen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def move_to_screen(self, screen: QScreen, *, fullscreen: bool = True) -> None:
        """Put the window on `screen`, fullscreen unless told otherwise."""
        if self.isFullScreen():
            self.showNormal()  # a fullscreen window only moves once it is normal again
        self.setScreen(screen)
        self.setGeometry(screen.availableGeometry())
        if fullscreen:
            self.showFullScreen()
        else:
            self.show()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.end_flash()
        super().closeEvent(event)


# ---------------------------------------------------------------------------------------
# Wiring into the facilitator's window
# ---------------------------------------------------------------------------------------


def screen_title(screen: QScreen) -> str:
    """"HDMI-1 · 1920×1080": how the menu names a screen."""
    size = screen.geometry().size()
    name = screen.name() or screen.model() or "Screen"
    return f"{name} · {size.width()}×{size.height()}"


def projector_screen(facilitator_screen: QScreen | None, screens: Sequence[QScreen],
                     preferred_name: str = "") -> QScreen | None:
    """The screen for the projector: the one chosen last time if it is connected, else
    the first one that is not the facilitator's; None with a single screen."""
    for screen in screens:
        if preferred_name and screen.name() == preferred_name \
                and screen is not facilitator_screen:
            return screen
    for screen in screens:
        if screen is not facilitator_screen:
            return screen
    return None


class ProjectorControls(QObject):
    """The projector's part of the facilitator's View menu (screen, theme, sound) and the
    one audience window of that facilitator window."""

    def __init__(self, facilitator: Any, settings: QSettings | None = None) -> None:
        super().__init__(facilitator)
        self.setObjectName("projectorControls")
        self.facilitator = facilitator
        self.settings = settings if settings is not None else QSettings()
        self.window: AudienceWindow | None = None
        self._install_menu()

    def _setting(self, key: str, default: Any) -> Any:
        return self.settings.value(key, default)

    @property
    def sound_on(self) -> bool:
        value = self._setting(SOUND_KEY, True)
        return value not in (False, "false", "0", 0)

    @property
    def theme_key(self) -> str:
        key = str(self._setting(THEME_KEY, DEFAULT_THEME))
        return key if key in THEMES else DEFAULT_THEME

    def _view_menu(self) -> QMenu:
        bar = self.facilitator.menuBar()
        for action in bar.actions():
            menu = action.menu()
            if menu is not None and action.text().replace("&", "") == "View":
                return menu
        return bar.addMenu("&View")

    def _install_menu(self) -> None:
        view = self._view_menu()
        view.addSeparator()
        self.screen_menu = view.addMenu("Projector &screen")
        self.screen_menu.aboutToShow.connect(self.fill_screen_menu)
        self.fill_screen_menu()
        themes = view.addMenu("Projector t&heme")
        group = QActionGroup(themes)
        for key, title in (("projector", "High contrast"), ("light", "Light"),
                           ("dark", "Dark")):
            action = QAction(title, themes, checkable=True)
            action.setChecked(key == self.theme_key)
            action.triggered.connect(lambda _=False, k=key: self.set_theme(k))
            group.addAction(action)
            themes.addAction(action)
        self.sound_action = QAction("Chime at &time-up", view, checkable=True)
        self.sound_action.setChecked(self.sound_on)
        self.sound_action.toggled.connect(self.set_sound)
        view.addAction(self.sound_action)

    def fill_screen_menu(self) -> None:
        """List the connected screens (they come and go with cables)."""
        self.screen_menu.clear()
        current = self.window.screen() if self.window is not None else None
        for screen in QGuiApplication.screens():
            action = QAction(screen_title(screen), self.screen_menu, checkable=True)
            action.setChecked(screen is current and self.window is not None
                              and self.window.isVisible())
            action.triggered.connect(lambda _=False, s=screen: self.show_on(s))
            self.screen_menu.addAction(action)

    def show_on(self, screen: QScreen) -> None:
        """Open (or move) the projector window on `screen`, fullscreen."""
        self.settings.setValue(SCREEN_KEY, screen.name())
        window = self.open()
        window.move_to_screen(screen)

    def set_theme(self, key: str) -> None:
        self.settings.setValue(THEME_KEY, key)
        if self.window is not None:
            self.window.set_theme(key)
            self.window._relayout()

    def set_sound(self, on: bool) -> None:
        self.settings.setValue(SOUND_KEY, bool(on))
        if self.window is not None:
            self.window.sound_on = bool(on)

    def open(self) -> AudienceWindow:
        """The audience window, created on first use and registered for the room's keys."""
        f = self.facilitator
        if self.window is None:
            self.window = AudienceWindow(f.controller, self.theme_key, sound_on=self.sound_on)
            self.window.destroyed.connect(self._forget)
        window = self.window
        clicker = getattr(f, "clicker_keys", None)
        if clicker is not None and window not in clicker.windows:
            clicker.windows.append(window)
        pagers = getattr(f, "item_pagers", None)
        if pagers is not None and window.page_step not in pagers:
            pagers.append(window.page_step)
        return window

    def _forget(self) -> None:
        self.window = None


def install_projector_controls(facilitator: Any,
                               settings: QSettings | None = None) -> ProjectorControls:
    """The facilitator window's projector controls (created once, then reused)."""
    existing = facilitator.findChild(ProjectorControls, "projectorControls")
    if existing is not None:
        return existing
    return ProjectorControls(facilitator, settings)


def open_audience_window(facilitator: Any, existing: AudienceWindow | None = None,
                         settings: QSettings | None = None) -> AudienceWindow:
    """Create or raise the projector window for `facilitator` and return it.

    With a second screen, the window goes there fullscreen (the screen chosen last time
    if it is connected). With one screen (often a mirrored projector) it opens as a normal
    window, and the facilitator is told about presentation mode (large type).
    """
    controls = install_projector_controls(facilitator, settings)
    if existing is not None and controls.window is None:
        controls.window = existing
    window = controls.open()
    if window.isVisible():
        window.raise_()
        window.activateWindow()
        return window
    target = projector_screen(facilitator.screen(), QGuiApplication.screens(),
                              str(controls.settings.value(SCREEN_KEY, "")))
    if target is not None:
        window.move_to_screen(target)
    else:
        window.resize(BASE_WIDTH, BASE_HEIGHT)
        window.show()
        bar: Callable[[], Any] | None = getattr(facilitator, "statusBar", None)
        if bar is not None:
            bar().showMessage(
                "One screen: the projector view opened as a window. If the projector "
                "mirrors this screen, Presentation mode (Ctrl+Shift+P) shows this window "
                "in large type instead.", 15000)
    return window

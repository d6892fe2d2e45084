"""The projector: what the room sees, driven entirely by the facilitator's window.

The audience window is a view, never an editor. It draws the session and the room
state (flows/room.py) the controller owns: the title slide before the first stage, the
stage's slide (its question, a countdown, the shared content), the timer alone filling
the screen, a message to the room, a black screen. It never shows the facilitator's
notes, the stage tips or prompts, or the coach's findings, except the one finding the
facilitator puts on screen.

Legibility (UX.md): every size derives from the window's size, so the same layout reads
at 1024x768 and at 3840x2160. Content is split into pages measured against the space
really available, so no row is ever cut; a page fills before it breaks and a heading
continued on the next page says so. The item under discussion is highlighted and its
page shown; the page shown is reported to the controller for the laptop's "PAGE n/m".

Cheap to keep open: an edit re-reads the slide's rows (the coach's verdicts are
remembered by text), re-uses the row widgets, re-measures only the rows that changed and
redraws only when what the room sees changed; a tick repaints the digits only when they
change.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QByteArray, QObject, QPoint, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QKeyEvent,
    QPainter,
    QPalette,
    QPixmap,
    QResizeEvent,
    QScreen,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workshop.flows.room import MESSAGE_FULL, VIEW_TIMER, VIEW_TITLE, RoomState
from workshop.flows.slides import Row, clock_text, slide_reads
from workshop.flows.stages import slide_rows, stage_by_key
from workshop.flows.timer import PHASE_OVERTIME, PHASE_PAUSED, PHASE_WARNING
from workshop.flows.title_slide import title_slide
from workshop.ui.pages.common import elided
from workshop.ui.projector_widgets import (
    MAX_ITEMS_PER_PAGE,
    BigClock,
    EdgeBar,
    FadeOverlay,
    FlashOverlay,
    Overlay,
    Page,
    RowWidget,
    breakable,
    elide_words,
    fit_lines,
    label,
    paginate,
    restyle,
)
from workshop.ui.session import SessionController
from workshop.ui.theme import THEMES, Theme
from workshop.ui.widgets.chime import Chime
from workshop.ui.widgets.clock_label import ClockLabel

__all__ = ["AudienceWindow", "MAX_ITEMS_PER_PAGE", "Page", "ProjectorControls",
           "elide_words", "paginate", "projector_screen"]

DEFAULT_THEME = "projector"
FLASH_MS = 450
# Reference size the type scale is designed for: at 1024x768 the body text is 24 px and
# the question 36 px; everything scales with the window.
BASE_WIDTH, BASE_HEIGHT = 1024, 768
BODY_PX, QUESTION_PX, STAGE_PX = 24, 36, 24
CLOCK_SHARE = 0.15  # the slide's countdown: font size as a share of the height
TIMER_VIEW_SHARE = 0.62  # the timer-only view: the digits' box as a share of the height
SOUND_KEY = "sound"
THEME_KEY = "projector_theme"
SCREEN_KEY = "projector_screen"
MOTION_KEY = "projector_motion"

STACK_STAGE, STACK_TITLE, STACK_TIMER, STACK_MESSAGE = range(4)


# ---------------------------------------------------------------------------------------
# Styling
# ---------------------------------------------------------------------------------------

# Which text pair of the theme (Theme.text_pairs) each opaque piece uses, so the theme
# test's contrast figures cover everything the projector draws on a colour of its own.
# Text drawn straight on the window (or on the highlight) is transparent and uses the
# "text", "muted" and "focus" pairs; the rendering tests measure it from the pixels.
STYLED_PAIRS: dict[str, str] = {
    "QWidget#audienceWindow": "text",
    "QLabel#audBadge[kind=\"output\"]": "output badge",
    "QLabel#audBadge[kind=\"outcome\"]": "outcome badge",
    "QLabel#audBadge[kind=\"keep\"]": "accent button",
    "QLabel#audBadge[kind=\"yes\"]": "yes solid",
    "QLabel#audBadge[kind=\"no\"]": "no solid",
    "QLabel#audBadge[kind=\"open\"]": "text",
    "QLabel#audBadge[kind=\"unsure\"]": "text",  # "OUTPUT?": the room decides
    "QLabel#audBadge[kind=\"band_green\"]": "yes solid",
    "QLabel#audBadge[kind=\"band_yellow\"]": "band warning",
    "QLabel#audBadge[kind=\"band_red\"]": "no solid",
    "QLabel#audFinding": "warning",
    "QLabel#audBanner": "accent button",
    "QLabel#audTimer[phase=\"normal\"]": "text",
    "QLabel#audTimer[phase=\"paused\"]": "muted",
    "QLabel#audTimer[phase=\"warning\"]": "band warning",
    "QLabel#audTimer[phase=\"overtime\"]": "band overtime",
    "QWidget#audTimerPage[phase=\"normal\"]": "text",
    "QWidget#audTimerPage[phase=\"paused\"]": "text",
    "QWidget#audTimerPage[phase=\"warning\"]": "band warning",
    "QWidget#audTimerPage[phase=\"overtime\"]": "band overtime",
    "QLabel#audBand[phase=\"normal\"]": "text",
    "QLabel#audBand[phase=\"paused\"]": "text",
    "QLabel#audBand[phase=\"warning\"]": "band warning",
    "QLabel#audBand[phase=\"overtime\"]": "band overtime",
}

PHASE_WORDS = {"warning": "Almost time", "overtime": "Over time", "paused": "Paused"}
FLASH_WORDS = {"warning": "Almost time", "time_up": "Time is up"}


def audience_stylesheet(theme: Theme, scale: float = 1.0) -> str:
    """The projector window's own style sheet (it does not rely on the app's)."""
    t = theme
    pairs = theme.text_pairs()
    px = max(1, round(scale))
    rules = [
        # Everything is transparent over the window's own background (the app's style
        # sheet would paint the facilitator's theme behind every widget), and labels on
        # a highlighted row show the highlight.
        f"QWidget {{ color: {t.text}; background: transparent; }}",
        f"QLabel {{ color: {t.text}; background: transparent; }}",
        f"QLabel#audMuted, QLabel#audCell, QLabel#audBarLabel {{ color: {t.muted}; }}",
        f"QLabel#audLead[kind=\"step\"], QLabel#audText[kind=\"step\"] {{ color: {t.muted}; }}",
        "QWidget#audStagePage, QWidget#audTitlePage, QWidget#audMessagePage, "
        "QStackedWidget { background: transparent; }",
        f"QLabel#audText[kind=\"ask\"] {{ color: {t.text}; }}",
    ]
    for selector, pair in STYLED_PAIRS.items():
        foreground, background = pairs[pair]
        rules.append(f"{selector} {{ color: {foreground}; background: {background}; }}")
    rules += [
        f"QLabel#audBadge {{ border-radius: {4 * px}px; padding: {2 * px}px {8 * px}px; }}",
        f"QLabel#audBadge[kind=\"open\"] {{ border: {2 * px}px solid {t.text}; }}",
        f"QLabel#audBadge[kind=\"unsure\"] {{ border: {2 * px}px dashed {t.text}; }}",
        f"QLabel#audFinding {{ border-radius: {6 * px}px; padding: {6 * px}px {12 * px}px; }}",
        f"QLabel#audBanner {{ padding: {8 * px}px {16 * px}px; }}",
        f"QLabel#audTimer {{ border-radius: {10 * px}px; padding: 0px {10 * px}px; }}",
        f"QWidget#audRule {{ background: {t.focus_edge}; }}",
        f"QToolButton {{ color: {t.muted}; background: {t.window}; "
        f"border: 1px solid {t.border}; border-radius: 4px; padding: 2px 8px; }}",
        f"QWidget#audStrip {{ background: {t.window}; border-top: 1px solid {t.border}; }}",
    ]
    return "\n".join(rules)


def _phase(controller: SessionController) -> str:
    """The band the timer is in: "normal", "warning", "overtime" or "paused"."""
    return {PHASE_OVERTIME: "overtime", PHASE_WARNING: "warning",
            PHASE_PAUSED: "paused"}.get(controller.run.timer.phase, "normal")


def band_colours(theme: Theme, phase: str) -> tuple[str, str]:
    """(background, text) of the phase's band."""
    if phase == "warning":
        return theme.band_warning, theme.band_warning_text
    if phase == "overtime":
        return theme.band_overtime, theme.band_overtime_text
    return theme.window, theme.text


def logo_pixmap(ws: Any) -> QPixmap | None:
    """The client's logo from the session (`logo_png`: PNG bytes or base64), if any."""
    data = getattr(ws, "logo_png", None)
    if not data:
        return None
    if isinstance(data, str):
        try:
            data = base64.b64decode(data, validate=False)
        except (binascii.Error, ValueError):
            return None
    pixmap = QPixmap()
    if not isinstance(data, (bytes, bytearray)) or not pixmap.loadFromData(QByteArray(
            bytes(data))):
        return None
    return pixmap


# ---------------------------------------------------------------------------------------
# The window
# ---------------------------------------------------------------------------------------


class AudienceWindow(QWidget):
    """The projector window: a view of the controller's session, never an editor.

    `presentation=True` is the view for one mirrored screen: the same room view with a
    thin strip of controls for the facilitator (timer, stages, timer-only view). The
    strip shows nothing private and changes no saved setting."""

    def __init__(self, controller: SessionController, theme_key: str = DEFAULT_THEME, *,
                 chime: Any = None, sound_on: bool = True, presentation: bool = False,
                 motion: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.controller = controller
        self.chime = chime if chime is not None else Chime()
        self.sound_on = sound_on
        self.motion = motion  # the cross-fade; off for "no motion"
        self.presentation = presentation
        self.theme = THEMES.get(theme_key, THEMES[DEFAULT_THEME])
        self.page_index = 0
        self.pages: list[Page] = [Page()]
        self._layout_key: tuple = ()  # what the pages were last made from
        self.flashes: list[str] = []  # the phases flashed so far, in order
        self.chimes: list[str] = []
        self.relayouts = 0  # how often the rows were measured and paged (for tests)
        self._rows: list[Row] = []
        self._widgets: list[RowWidget] = []  # one per row, re-used across edits
        self._units: list[tuple[RowWidget, int, bool]] = []  # shown pieces: widget,
        # its row, and whether it continues a row too tall for one page
        self._spare: list[RowWidget] = []
        self._cont_heights: dict[tuple[str, int], int] = {}
        self._rows_stale = True
        self._view_key = ""
        self._focus_sig: tuple = ()
        self._room: RoomState | None = None
        self._scale_key: tuple = ()
        self._columns_key: tuple = ()
        self._clock_text = ""
        self._minute = -1
        self._title_sig: tuple = ()
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
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_stage_page())
        self.stack.addWidget(self._build_title_page())
        self.stack.addWidget(self._build_timer_page())
        self.stack.addWidget(self._build_message_page())
        root.addWidget(self.stack, 1)
        self.banner = label("audBanner", wrap=True)
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setAccessibleName("Message to the room")
        self.banner.hide()
        root.addWidget(self.banner)
        # The stage's progress along the bottom edge of the slide.
        self.edge_bar = EdgeBar()
        root.addWidget(self.edge_bar)
        self.strip: QWidget | None = None
        if self.presentation:
            root.addWidget(self._build_strip())
        self.flash_overlay = FlashOverlay(self)
        self.fade_overlay = FadeOverlay(self)
        self.black_overlay = Overlay(self, "audBlack")
        self.black_overlay.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents,
                                        False)
        self.black_overlay.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.black_overlay.setStyleSheet("QWidget#audBlack { background: #000000; }")

    def _build_stage_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("audStagePage")
        layout = QVBoxLayout(page)
        self.stage_layout = layout
        header = QHBoxLayout()
        self.header_layout = header
        left = QVBoxLayout()
        left.setSpacing(0)
        top = QHBoxLayout()
        self.stage_label = label("audStage")
        top.addWidget(self.stage_label)
        self.progress_label = label("audMuted")
        self.progress_label.setAlignment(Qt.AlignmentFlag.AlignLeft
                                         | Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.progress_label)
        top.addStretch(1)
        left.addLayout(top)
        self.question_label = label("audQuestion", wrap=True)
        self.question_label.setAccessibleName("Question for the room")
        left.addWidget(self.question_label)
        left.addStretch(1)
        header.addLayout(left, 1)
        clock = QVBoxLayout()
        clock.setSpacing(0)
        self.timer_label = ClockLabel("+88:88")
        self.timer_label.setObjectName("audTimer")
        self.timer_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.timer_label.setAccessibleName("Time left in this stage")
        clock.addWidget(self.timer_label)
        self.caption_label = label("audMuted")
        self.caption_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        clock.addWidget(self.caption_label)
        clock.addStretch(1)
        header.addLayout(clock)
        layout.addLayout(header)
        self.finding_label = label("audFinding", wrap=True)
        self.finding_label.setAccessibleName("Coach note shown by the facilitator")
        self.finding_label.hide()
        layout.addWidget(self.finding_label)
        # The rows are placed by hand, page by page: no layout to invalidate on an edit.
        self.content = QWidget()
        self.content.setObjectName("audContent")
        self.content.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        layout.addWidget(self.content, 1)
        self.continued = RowWidget(Row("", "heading"), self.content)
        self.continued.hide()
        footer = QHBoxLayout()
        self.title_label = label("audMuted")
        self.title_label.setSizePolicy(QSizePolicy.Policy.Ignored,
                                       QSizePolicy.Policy.Preferred)
        footer.addWidget(self.title_label, 1)
        self.page_label = label("audMuted")
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignRight
                                     | Qt.AlignmentFlag.AlignVCenter)
        footer.addWidget(self.page_label)
        layout.addLayout(footer)
        return page

    def _build_title_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("audTitlePage")
        layout = QVBoxLayout(page)
        self.title_layout = layout
        layout.addStretch(1)
        self.logo_label = QLabel()
        self.logo_label.setObjectName("audLogo")
        self.logo_label.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.logo_label.hide()
        layout.addWidget(self.logo_label)
        self.client_label = label("audClient", wrap=True)
        layout.addWidget(self.client_label)
        self.workshop_label = label("audWorkshop", wrap=True)
        layout.addWidget(self.workshop_label)
        self.details_label = label("audMuted", wrap=True)
        layout.addWidget(self.details_label)
        self.title_rule = QWidget()
        self.title_rule.setObjectName("audRule")
        self.title_rule.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout.addWidget(self.title_rule)
        self.agenda_heading = label("audMuted")
        self.agenda_heading.setText("Agenda")
        layout.addWidget(self.agenda_heading)
        self.agenda = QWidget()
        self.agenda_layout = QGridLayout(self.agenda)
        self.agenda_layout.setContentsMargins(0, 0, 0, 0)
        self.agenda_labels: list[tuple[QLabel, QLabel]] = []
        layout.addWidget(self.agenda)
        layout.addStretch(2)
        return page

    def _build_timer_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("audTimerPage")
        page.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.timer_page = page
        layout = QVBoxLayout(page)
        self.timer_page_layout = layout
        top = QHBoxLayout()
        self.t_stage = label("audBand")
        self.t_stage.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        top.addWidget(self.t_stage, 1)
        self.t_time = label("audBand")
        self.t_time.setAccessibleName("Time of day")
        self.t_time.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.t_time)
        layout.addLayout(top)
        self.big_clock = BigClock()
        layout.addWidget(self.big_clock, 1)
        self.t_bar = EdgeBar()
        layout.addWidget(self.t_bar)
        bottom = QHBoxLayout()
        self.t_caption = label("audBand")
        bottom.addWidget(self.t_caption, 1)
        self.t_progress = label("audBand")
        self.t_progress.setAlignment(Qt.AlignmentFlag.AlignRight
                                     | Qt.AlignmentFlag.AlignVCenter)
        bottom.addWidget(self.t_progress)
        layout.addLayout(bottom)
        self.band_labels = (self.t_stage, self.t_time, self.t_caption, self.t_progress)
        return page

    def _build_message_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("audMessagePage")
        layout = QVBoxLayout(page)
        self.message_layout = layout
        self.message_label = label("audMessage", wrap=True)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setAccessibleName("Message to the room")
        layout.addWidget(self.message_label, 1)
        return page

    def _build_strip(self) -> QWidget:
        """Presentation mode's controls: public, harmless, no settings."""
        strip = QWidget()
        strip.setObjectName("audStrip")
        strip.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QHBoxLayout(strip)
        layout.setContentsMargins(8, 2, 8, 2)
        c = self.controller
        self.strip_buttons: dict[str, QToolButton] = {}
        for key, text, slot in (
                ("previous", "◀ Previous stage", c.previous_stage),
                ("timer", "Start / pause", c.toggle_timer),
                ("next", "Next stage ▶", c.next_stage),
                ("timer_view", "Timer only", c.toggle_timer_view)):
            button = QToolButton()
            button.setText(text)
            # Never takes the keyboard: the room's keys keep working as they are.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            layout.addWidget(button)
            self.strip_buttons[key] = button
        layout.addStretch(1)
        self.strip = strip
        return strip

    # -- appearance -----------------------------------------------------------------------
    def set_theme(self, theme_key: str) -> None:
        """Use one of THEMES (light, dark, projector) for this window only."""
        self.theme = THEMES.get(theme_key, THEMES[DEFAULT_THEME])
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(self.theme.window))
        palette.setColor(QPalette.ColorRole.WindowText, QColor(self.theme.text))
        self.setPalette(palette)
        self._scale_key = ()
        self._apply_sizes()
        for widget in self._widgets + self._spare:
            widget.measured = None
        self._update_timer()
        self._relayout()

    def scale(self) -> float:
        """How much larger than the 1024x768 reference the window is (text follows)."""
        return max(0.5, min(self.height() / BASE_HEIGHT, self.width() / BASE_WIDTH))

    def _font(self, pixels: float, *, bold: bool = False) -> QFont:
        font = QFont(QApplication.font())
        font.setPixelSize(max(8, round(pixels)))
        font.setBold(bold)
        return font

    def _apply_sizes(self) -> None:
        """Fonts, margins and the style sheet for the window's size (only when the size
        or theme changed: re-styling every widget is the one expensive thing here)."""
        s = self.scale()
        key = (round(s, 3), self.width(), self.height(), self.theme.key)
        if key == self._scale_key:
            return
        self._scale_key = key
        self.setStyleSheet(audience_stylesheet(self.theme, s))
        self.body_font = self._font(BODY_PX * s)
        self.strong_font = self._font(BODY_PX * s, bold=True)
        self.big_font = self._font(QUESTION_PX * 1.7 * s, bold=True)
        margin = round(18 * s)
        self.stage_layout.setContentsMargins(margin, round(margin * 0.6), margin,
                                             round(margin * 0.5))
        self.stage_layout.setSpacing(round(8 * s))
        self.header_layout.setSpacing(round(16 * s))
        self.stage_label.setContentsMargins(0, 0, round(14 * s), 0)
        self.stage_label.setFont(self._font(STAGE_PX * s, bold=True))
        self.progress_label.setFont(self.body_font)
        self.question_label.setFont(self._font(QUESTION_PX * s, bold=True))
        # The slide's countdown: large, but it leaves the width to the question.
        clock_px = self.height() * CLOCK_SHARE
        probe = QFontMetrics(self._font(clock_px, bold=True)).horizontalAdvance("88:88")
        room = self.width() * 0.4
        if probe > room:
            clock_px *= room / probe
        self.clock_font = self._font(clock_px, bold=True)
        self.timer_label.setFont(self.clock_font)
        self.caption_label.setFont(self.strong_font)
        self.finding_label.setFont(self.body_font)
        self.title_label.setFont(self.body_font)
        self.page_label.setFont(self.body_font)
        self.page_label.setFixedWidth(
            QFontMetrics(self.body_font).horizontalAdvance("Page 88 of 88") + 4)
        self.row_spacing = round(BODY_PX * 0.5 * s)
        self.table_spacing = round(BODY_PX * 0.3 * s)
        # Title slide.
        self.title_layout.setContentsMargins(round(60 * s), margin, round(60 * s), margin)
        self.title_layout.setSpacing(round(12 * s))
        self.client_label.setFont(self._font(30 * s, bold=True))
        self.workshop_label.setFont(self._font(52 * s, bold=True))
        self.details_label.setFont(self._font(28 * s))
        self.title_rule.setFixedSize(round(160 * s), max(3, round(6 * s)))
        self.agenda_heading.setFont(self._font(24 * s, bold=True))
        self.agenda_layout.setHorizontalSpacing(round(24 * s))
        self.agenda_layout.setVerticalSpacing(round(6 * s))
        self._title_sig = ()
        # Timer-only view.
        self.timer_page_layout.setContentsMargins(margin * 2, margin, margin * 2, margin)
        self.timer_page_layout.setSpacing(round(10 * s))
        for widget in (self.t_stage, self.t_caption):
            widget.setFont(self._font(40 * s, bold=True))
        for widget in (self.t_time, self.t_progress):
            widget.setFont(self._font(32 * s))
        self.big_clock.font_ = self._font(200, bold=True)
        self.big_clock.height_share = 0.92
        self.t_bar.setFixedHeight(max(8, round(22 * s)))
        self.edge_bar.setFixedHeight(max(4, round(8 * s)))
        # Messages.
        self.banner.setFont(self._font(36 * s, bold=True))
        self.message_layout.setContentsMargins(margin * 3, margin * 2, margin * 3, margin * 2)
        self.flash_overlay.font_ = self._font(QUESTION_PX * 2.4 * s, bold=True)
        if self.strip is not None:
            for button in self.strip_buttons.values():
                button.setFont(self._font(max(12.0, 14 * s)))
        self._fit_message()
        for widget in self._widgets + self._spare + [self.continued]:
            widget.measured = None

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
        back_at = self._back_at() if stage_by_key(key).clock_on_slide else ""
        return slide_rows(self.controller.workshop, key, self.controller.room.focus_item,
                          back_at)

    # -- refreshing -----------------------------------------------------------------------
    def refresh(self) -> None:
        """Redraw everything from the session and the room state."""
        ws = self.controller.workshop
        run = self.controller.run
        key = self.view_key()
        stage = stage_by_key(key)
        self.stage_label.setText(stage.title)
        self.progress_label.setText(
            f"Stage {run.current_index + 1} of {run.stage_count}" if stage.timed else "")
        self.question_label.setText(stage.audience_question)
        for widget in (self.timer_label, self.caption_label):
            widget.setVisible(stage.timed)
        self.setWindowTitle(f"{ws.title or 'Untitled'} · Projector")
        self._footer()
        new_stage = key != self._view_key
        self._view_key = key
        if new_stage:
            self.page_index = 0
            self._focus_sig = ()
        self._room = None
        self._on_room_changed()
        self._update_timer()
        self._update_rows()

    def _footer(self) -> None:
        ws = self.controller.workshop
        parts = [p for p in (ws.client.strip(), ws.title.strip()) if p]
        text = " · ".join(parts) or "Untitled workshop"
        width = max(0, self.title_label.width() or (self.width() // 2))
        self.title_label.setText(elide_words(breakable(text).replace("\u200b", ""),
                                             QFontMetrics(self.body_font), width))

    def _on_changed(self, kind: str, ident: str) -> None:
        del ident
        if kind in ("workshop", "participant", ""):
            self._footer()
            self._title_sig = ()
            if self.stack.currentIndex() == STACK_TITLE:
                self._update_title()
        if not slide_reads(self.view_key(), kind):
            return  # the slide does not show what changed
        if self.stack.currentIndex() == STACK_STAGE:
            self._update_rows()
        else:
            self._rows_stale = True  # read when the slide is shown again

    def _on_stage_changed(self, key: str) -> None:
        del key
        self._fade()
        self.refresh()

    def _on_room_changed(self) -> None:
        c = self.controller
        room = c.room
        previous = self._room
        if previous is not None and room == previous:
            return
        self._room = room
        if self.view_key() != self._view_key:
            self._fade()
            self.refresh()  # the wrap-up or retro went live
            return
        self.black_overlay.setVisible(room.black)
        if room.black:
            self.black_overlay.setGeometry(self.rect())
            self.black_overlay.raise_()
        finding = room.finding.message.strip() if room.finding else ""
        # The same advice can fit several objectives: the room is told which one.
        about = (f", on \u201c{elided(room.finding.subject, 40)}\u201d"
                 if finding and room.finding.subject else "")
        # One coach note on screen: a few lines at most, the slide stays the slide.
        self.finding_label.setText(fit_lines(f"Coach{about}: {finding}", self.body_font,
                                             max(1, self.width() - round(60 * self.scale())),
                                             3) if finding else "")
        self.finding_label.setVisible(bool(finding))
        full = bool(room.message) and room.message_style == MESSAGE_FULL
        self.banner.setVisible(bool(room.message) and not full)
        # A banner is a line or two over the slide: longer text belongs full screen.
        self.banner.setText(fit_lines(room.message, self.banner.font(),
                                      max(1, self.width() - round(40 * self.scale())), 2)
                            if room.message and not full else "")
        self.message_label.setText(breakable(room.message) if full else "")
        target = (STACK_MESSAGE if full else STACK_TITLE if room.view == VIEW_TITLE
                  else STACK_TIMER if room.view == VIEW_TIMER else STACK_STAGE)
        if target != self.stack.currentIndex():
            if previous is not None:
                self._fade()
            self.stack.setCurrentIndex(target)
            if target == STACK_STAGE and not self._rows_stale:
                self._relayout()  # the window may have changed size meanwhile
        self.edge_bar.setVisible(target == STACK_STAGE and stage_by_key(
            self.view_key()).timed)
        if target == STACK_TITLE:
            self._update_title()
        elif target == STACK_TIMER:
            self._update_timer()
        elif target == STACK_MESSAGE:
            self._fit_message()
        layout_changed = previous is None or (
            (previous.finding, bool(previous.message) and previous.message_style !=
             MESSAGE_FULL) != (room.finding, self.banner.isVisible()))
        if layout_changed:
            self.layout().activate()
            self.stage_layout.activate()
        focus_moved = previous is not None and previous.focus_item != room.focus_item
        if target == STACK_STAGE and (focus_moved or self._rows_stale):
            self._update_rows()
        elif focus_moved:
            self._rows_stale = True
        if target == STACK_STAGE and layout_changed:
            self._relayout()  # the content's height changed: the pages change with it

    def _update_title(self) -> None:
        """The title slide: client, logo, title, date and facilitator, the agenda."""
        ws = self.controller.workshop
        now = self.controller.clock.wall()
        slide = title_slide(ws, now)
        sig = (slide, self.width(), self.height(), self.theme.key)
        if sig == self._title_sig:
            return
        self._title_sig = sig
        s = self.scale()
        width = max(1, self.width() - round(120 * s))
        pixmap = logo_pixmap(ws)
        if pixmap is not None and not pixmap.isNull():
            self.logo_label.setPixmap(pixmap.scaled(
                round(width * 0.4), round(self.height() * 0.16),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
        self.logo_label.setVisible(pixmap is not None and not pixmap.isNull())
        self.client_label.setText(fit_lines(slide.client, self.client_label.font(), width, 2))
        self.client_label.setVisible(bool(slide.client))
        self.workshop_label.setText(fit_lines(slide.title, self.workshop_label.font(),
                                              width, 3))
        self.details_label.setText(fit_lines(slide.details, self.details_label.font(),
                                             width, 2))
        self.details_label.setVisible(bool(slide.details))
        while len(self.agenda_labels) < len(slide.agenda):
            at, what = label("audMuted"), label("audAgenda")
            row = len(self.agenda_labels)
            self.agenda_layout.addWidget(at, row, 0, Qt.AlignmentFlag.AlignLeft)
            self.agenda_layout.addWidget(what, row, 1)
            self.agenda_labels.append((at, what))
        self.agenda_layout.setColumnStretch(1, 1)
        font = self._font(26 * s)
        bold = self._font(26 * s, bold=True)
        for i, (at, what) in enumerate(self.agenda_labels):
            shown = i < len(slide.agenda)
            at.setVisible(shown)
            what.setVisible(shown)
            if shown:
                line = slide.agenda[i]
                at.setFont(bold)
                what.setFont(font)
                at.setText(line.time)
                what.setText(f"{line.title} · {line.minutes} min" if line.minutes
                             else line.title)

    def _fit_message(self) -> None:
        """A full-screen message as large as fits: a few words fill the screen; a
        message too long even in body type is shortened at a word (it was typed as a
        short note to the room)."""
        room = self.controller.room
        if not (room.message and room.message_style == MESSAGE_FULL):
            return
        text = breakable(room.message)
        s = self.scale()
        width = max(1, self.width() - round(18 * s) * 6)
        height = max(1, self.stack.height() - round(18 * s) * 4)
        px = 110 * s
        while px > BODY_PX * s:
            font = self._font(px, bold=True)
            box = QFontMetrics(font).boundingRect(0, 0, width, 1_000_000,
                                                  int(Qt.TextFlag.TextWordWrap), text)
            if box.height() <= height * 0.9 and box.width() <= width:
                break
            px *= 0.85
        font = self._font(max(px, BODY_PX * s), bold=True)
        self.message_label.setFont(font)
        lines = max(1, int(height * 0.9) // max(1, QFontMetrics(font).lineSpacing()))
        self.message_label.setText(fit_lines(room.message, font, width, lines))

    def _update_timer(self) -> None:
        """The countdown, its band and the progress bars; only what changed repaints."""
        c = self.controller
        timer = c.run.timer
        phase = _phase(c)
        text = clock_text(timer.remaining())
        t = self.theme
        band, ink = band_colours(t, phase)
        if text != self._clock_text:
            self._clock_text = text
            self.timer_label.setText(text)
        self.caption_label.setText(PHASE_WORDS.get(phase, ""))
        restyle(self.timer_label, "phase", phase)
        duration = max(1.0, timer.duration)
        fraction = 1.0 if phase == "overtime" else min(1.0, timer.elapsed() / duration)
        fill = {"warning": t.band_warning, "overtime": t.band_overtime}.get(phase,
                                                                           t.bar_votes)
        self.edge_bar.set_value(fraction, fill, t.track)
        if self.stack.currentIndex() == STACK_TIMER:
            stage = stage_by_key(c.run.current_key)
            self.big_clock.set_text(text, ink)
            restyle(self.timer_page, "phase", phase)
            for widget in self.band_labels:
                restyle(widget, "phase", phase)
            # On a band the bar is the band's ink, its empty part a shade of it.
            self.t_bar.set_value(fraction, ink, "#40" + ink.lstrip("#"))
            self.t_stage.setText(elide_words(stage.title, self.t_stage.fontMetrics(),
                                             max(1, self.t_stage.width())))
            self.t_caption.setText(PHASE_WORDS.get(phase, ""))
            self.t_progress.setText(f"Stage {c.run.current_index + 1} of "
                                    f"{c.run.stage_count}")
            self.timer_page_layout.activate()  # the words' boxes follow their texts now
        minute = int(c.clock.wall() // 60)
        if minute != self._minute:
            self._minute = minute
            self.t_time.setText(datetime.fromtimestamp(c.clock.wall()).strftime("%H:%M"))
            if self.stack.currentIndex() == STACK_TITLE:
                self._update_title()
        if stage_by_key(self.view_key()).clock_on_slide \
                and self.stack.currentIndex() == STACK_STAGE:
            self._update_rows()

    # -- content and pages ----------------------------------------------------------------
    def _update_rows(self) -> None:
        """Read the slide's rows; re-use the widgets, re-measure only what changed."""
        rows = self._content_rows()
        self._rows_stale = False
        if rows == self._rows and self._units:
            return
        if self._one_row_retyped(rows):
            return
        self._set_rows(rows)
        self._relayout()

    def _one_row_retyped(self, rows: list[Row]) -> bool:
        """Typing changes one row of the slide: when its height stays the same, the pages
        stay as they are and only that row repaints (no re-measuring of the others, no
        re-pagination). False when anything else changed: then the slide is laid out."""
        old = self._rows
        if not self._units or len(rows) != len(old) or len(self._units) != len(old) \
                or not hasattr(self, "_last_columns"):
            return False  # first layout, rows added or removed, or a row split in parts
        changed = [i for i, (new, was) in enumerate(zip(rows, old, strict=True))
                   if new is not was and new != was]
        if len(changed) != 1:
            return False
        i = changed[0]
        widget, row = self._widgets[i], rows[i]
        if row.style in ("heading", "headline") or widget.showing_part \
                or widget.shape != RowWidget.shape_of(row) or row.focus != old[i].focus:
            return False  # a heading may be repeated as "(continued)" on a later page
        before = widget.height_px
        widget.set_row(row)
        self._rows[i] = row
        width = max(1, self.content.width())
        if self._size_row(widget, width, self._last_columns) != before:
            self._relayout()  # the row wraps onto another line: the pages change
        return True

    def _set_rows(self, rows: list[Row]) -> None:
        widgets = self._widgets
        for i, row in enumerate(rows):
            if i < len(widgets) and widgets[i].row is row and not widgets[i].showing_part:
                continue  # the very same row (remembered by the slide): nothing to do
            shape = RowWidget.shape_of(row)
            if i < len(widgets) and widgets[i].shape == shape:
                widgets[i].set_row(row)
                continue
            spare = next((w for w in self._spare if w.shape == shape), None)
            if spare is not None:
                self._spare.remove(spare)
                spare.set_row(row)
                widget = spare
            else:
                widget = RowWidget(row, self.content)
                widget.hide()
            if i < len(widgets):
                self._spare.append(widgets[i])
                widgets[i].hide()
                widgets[i] = widget
            else:
                widgets.append(widget)
        for widget in widgets[len(rows):]:
            widget.hide()
            self._spare.append(widget)
        del widgets[len(rows):]
        # Spare widgets beyond a few are released (Qt deletes them at a safe moment).
        while len(self._spare) > 12:
            self._spare.pop(0).deleteLater()
        self._rows = list(rows)

    def _size_row(self, widget: RowWidget, width: int, columns: dict[str, int]) -> int:
        """Fonts and column widths for the window's size, then the row's height; cached
        until the row, the width or the sizes change."""
        key = (width, self._columns_key, widget.row, widget.showing_part and
               widget.main.text())
        if widget.measured == key:
            return widget.height_px
        row = widget.row
        assert row is not None
        main = (self.big_font if row.style == "big" else
                self.strong_font if row.style in ("heading", "ask") else self.body_font)
        if row.style == "ask":
            main = self._font(BODY_PX * 1.25 * self.scale(), bold=True)
        elif row.style == "headline":
            main = self._font(BODY_PX * 1.45 * self.scale(), bold=True)
        widget.main.setFont(main)
        spacing = max(8, QFontMetrics(self.body_font).horizontalAdvance("M") // 2)
        widget.layout().setSpacing(spacing)
        if widget.lead is not None:
            widget.lead.setFont(self.strong_font if row.style in ("heading", "ask")
                                else self.body_font)
            widget.lead.setFixedWidth(columns["lead"])
        if widget.note is not None:
            widget.note.setFont(self.body_font)
        if widget.bar is not None and widget.bar_label is not None:
            metrics = QFontMetrics(self.body_font)
            widget.bar.setFixedSize(columns["bar"], metrics.height())
            widget.bar_label.setFont(self.body_font)
            widget.bar_label.setFixedWidth(columns["bar_label"])
            t = self.theme
            fill = {"green": t.bar_green, "yellow": t.bar_yellow, "red": t.bar_red}.get(
                row.bar_kind, t.bar_votes)
            widget.bar.set_value(row.bar or 0.0, fill, t.track)
        for i, cell in enumerate(widget.cells):
            cell.setFont(self.body_font)
            cell.setFixedWidth(columns["owner"] if i == 0 and len(widget.cells) > 1
                               else columns["date"])
        if widget.badge is not None:
            widget.badge.setFont(self.strong_font)
            widget.badge.setFixedWidth(columns["badge"])
        # The highlight's edge is a margin of our own (not a style-sheet border, which
        # a hidden widget only learns when shown, after it was measured).
        widget.edge = max(4, round(6 * self.scale()))
        widget.focus_colours = (QColor(self.theme.focus_bg), QColor(self.theme.focus_edge))
        widget.layout().setContentsMargins(widget.edge * 2, 0, 0, 0)
        widget.ensurePolished()
        # Each layout remembers its last height for a width, the text's column included.
        widget.main.updateGeometry()
        widget.body.invalidate()
        widget.layout().invalidate()
        widget.height_px = widget.heightForWidth(width)
        widget.measured = key
        return widget.height_px

    def _columns(self, width: int) -> dict[str, int]:
        strong = QFontMetrics(self.strong_font)
        body = QFontMetrics(self.body_font)
        # Distinct texts only: a plan has hundreds of rows but a handful of owners.
        leads = {r.lead for r in self._rows if r.lead}
        badges = {r.badge for r in self._rows if r.badge} or {"OUTCOME"}
        owners = {r.cells[0] for r in self._rows if len(r.cells) > 1}
        pad = strong.horizontalAdvance("M") * 2
        return {
            "lead": min(width // 4, max((strong.horizontalAdvance(t) for t in leads),
                                        default=0) + 6),
            "badge": min(width // 4, max(strong.horizontalAdvance(b) for b in badges) + pad),
            "bar": width // 5,
            "bar_label": max((body.horizontalAdvance(t) for t in {
                r.bar_label for r in self._rows if r.bar is not None}), default=0) + 4,
            "owner": min(width // 4, max((body.horizontalAdvance(o) for o in owners),
                                         default=0) + 8),
            "date": body.horizontalAdvance("28 Sep 2027") + 8,
        }

    def _relayout(self) -> None:
        """Measure the rows (those not measured at this size yet), split rows too tall
        for a page, make the pages and show the current one."""
        if not hasattr(self, "body_font"):
            return
        self.relayouts += 1
        self._apply_sizes()
        # A page of the stack that is not shown keeps its old size: the slide is
        # measured at the size it will have when the room sees it.
        page = self.stack.widget(STACK_STAGE)
        if page.size() != self.stack.size():
            page.resize(self.stack.size())
        self.stage_layout.activate()
        width = max(1, self.content.width())
        available = max(1, self.content.height())
        columns = self._columns(width)
        self._last_columns = columns
        self._columns_key = (self._scale_key, tuple(sorted(columns.items())))
        for widget in self._widgets:  # a row split for the last size is whole again
            if widget.showing_part and widget.row is not None:
                widget.set_row(widget.row)
        heights = [self._size_row(w, width, columns) for w in self._widgets]
        # Room for the "(continued)" heading a page may start with (only a row taller
        # than a page needs the exact figure, so the headings are measured only then).
        limit = available
        if any(h > available // 2 for h in heights):
            limit = max(1, available - max(
                (self._continued_height(r.text, width, columns) + self.row_spacing
                 for r in self._rows if r.style in ("heading", "headline")), default=0))
        units: list[tuple[RowWidget, int, bool]] = []
        unit_heights: list[int] = []
        used_spare = 0
        for index, (widget, height) in enumerate(zip(self._widgets, heights, strict=True)):
            if height <= limit:
                units.append((widget, index, False))
                unit_heights.append(height)
                continue
            chunks = self._split(widget, width, limit)
            for n, chunk in enumerate(chunks):
                if n == 0:
                    widget.set_row(widget.row, chunk)  # type: ignore[arg-type]
                    piece = widget
                else:
                    piece = self._piece(used_spare)
                    used_spare += 1
                    row = self._rows[index]
                    piece.set_row(Row(chunk, "item" if row.style in ("heading", "headline")
                                      else row.style,
                                      key=row.key, focus=row.focus), chunk)
                units.append((piece, index, n > 0))
                unit_heights.append(self._size_row(piece, width, columns))
        for piece in self._pieces[used_spare:]:
            piece.hide()
        self._units = units
        rows = [self._rows[i] for _, i, _ in units]
        headings = [r.style in ("heading", "headline") and not cont
                    for r, (_, _, cont) in zip(rows, units, strict=True)]
        groups: list[int | None] = []
        current: int | None = None
        for u, row in enumerate(rows):
            if headings[u]:
                current = u
            elif row.new_page:
                current = None
            groups.append(current if not headings[u] else None)
        self._cont_heights.clear()

        def cont_heights(u: int) -> int:
            return self._continued_height(rows[u].text, width, columns)

        spacing = self.table_spacing if any(r.style == "table" for r in rows) \
            else self.row_spacing
        self.spacing = spacing
        counts = [r.style in ("item", "step", "ask") and not cont
                  for r, (_, _, cont) in zip(rows, units, strict=True)]
        new_page = [r.new_page and not cont for r, (_, _, cont) in zip(rows, units,
                                                                       strict=True)]
        keep = [r.keep for r in rows]
        # Typing into one row rarely changes any height: then the pages stay as they are.
        layout_key = (tuple(unit_heights), available, spacing, width, tuple(headings),
                      tuple(groups), tuple(counts), tuple(new_page), tuple(keep),
                      tuple(r.text for r, h in zip(rows, headings, strict=True) if h))
        if layout_key != self._layout_key:
            self._layout_key = layout_key
            self.pages = paginate(
                unit_heights, available, spacing, headings=headings, groups=groups,
                counts=counts, new_page=new_page, keep=keep, continued_heights=cont_heights)
        self._unit_heights = unit_heights
        focus_sig = tuple((u, rows[u].key, rows[u].style) for u in range(len(rows))
                          if rows[u].focus)
        if focus_sig and focus_sig != self._focus_sig:
            first = focus_sig[0][0]
            for p, page in enumerate(self.pages):
                if first in page.rows:
                    self.page_index = p
                    break
        self._focus_sig = focus_sig
        self.page_index = max(0, min(self.page_index, len(self.pages) - 1))
        self._show_page()

    @property
    def _pieces(self) -> list[RowWidget]:
        if not hasattr(self, "_piece_widgets"):
            self._piece_widgets: list[RowWidget] = []
        return self._piece_widgets

    def _piece(self, n: int) -> RowWidget:
        """The n-th widget for the continuation of a very long row."""
        while len(self._pieces) <= n:
            widget = RowWidget(Row(""), self.content)
            widget.hide()
            self._pieces.append(widget)
        return self._pieces[n]

    def _split(self, widget: RowWidget, width: int, limit: int) -> list[str]:
        """A row too tall for a page, cut at word boundaries into parts that each fit:
        long text is continued on the next page, never cut off. Measured with the font's
        metrics in the text column's width (the row's other columns are fixed)."""
        row = widget.row
        assert row is not None
        layout = widget.layout()
        fixed = [w for w in (widget.lead, widget.bar, widget.bar_label, widget.badge,
                             *widget.cells) if w is not None]
        column = width - widget.edge * 2 - sum(w.maximumWidth() for w in fixed) \
            - layout.spacing() * len(fixed)
        metrics = QFontMetrics(widget.main.font())
        budget = limit - 4

        def height(text: str) -> int:
            return metrics.boundingRect(0, 0, max(1, column), 10_000_000,
                                        int(Qt.TextFlag.TextWordWrap), text).height()

        words = breakable(row.text).replace("\u200b", "\u200b ").split(" ")
        chunks: list[str] = []
        start = 0
        while start < len(words):
            low, high = start + 1, len(words)
            while low < high:  # the most words that still fit
                middle = (low + high + 1) // 2
                if height(" ".join(words[start:middle]).replace("\u200b ", "\u200b")) <= budget:
                    low = middle
                else:
                    high = middle - 1
            chunks.append(" ".join(words[start:low]).replace("\u200b ", "\u200b"))
            start = low
        widget.measured = None
        return [c.replace("\u200b", "") for c in chunks] or [row.text]

    def _continued_text(self, text: str, width: int) -> str:
        """A heading repeated on the next page: a reminder, so at most two lines (the
        whole heading is on the page before)."""
        short = fit_lines(text, self.strong_font, max(1, width - 40), 2)
        return f"{short.replace(chr(0x200b), '')} (continued)"

    def _continued_height(self, text: str, width: int, columns: dict[str, int]) -> int:
        key = (text, width, self._scale_key)
        cached = self._cont_heights.get(key)  # type: ignore[arg-type]
        if cached is not None:
            return cached
        self.continued.set_row(Row(self._continued_text(text, width), "heading"))
        self.continued.measured = None
        height = self._size_row(self.continued, width, columns)
        self._cont_heights[key] = height  # type: ignore[index]
        return height

    def _show_page(self) -> None:
        """Place the rows of the current page (and hide the others)."""
        page = self.pages[self.page_index] if self.pages else Page()
        shown = set(page.rows)
        width = self.content.width()
        y = 0
        if page.continued is not None:
            widget, index, _ = self._units[page.continued]
            heading = self._rows[index]
            self.continued.set_row(Row(self._continued_text(heading.text, width), "heading"))
            height = self._size_row(self.continued, width, self._last_columns)
            self.continued.setGeometry(0, 0, width, height)
            self.continued.show()
            y = height + self.spacing
        else:
            self.continued.hide()
        for u, (widget, _, _) in enumerate(self._units):
            if u in shown:
                height = self._unit_heights[u]
                widget.setGeometry(0, y, width, height)
                y += height + self.spacing
                widget.show()
            else:
                widget.hide()
        if len(self._units) != len(self._widgets):  # a split row: its widget is a unit
            in_units = {id(w) for w, _, _ in self._units}
            for widget in self._widgets:
                if id(widget) not in in_units:
                    widget.hide()
        count = len(self.pages)
        # The laptop's "PAGE n/m" is the only place the facilitator learns there is more;
        # the room sees a quiet page number and no keyboard hint.
        self.page_label.setText(f"Page {self.page_index + 1} of {count}" if count > 1
                                else "")
        report = getattr(self.controller, "set_projector_page", None)
        room = self.controller.room
        if report is not None and (room.page, room.page_count) != (self.page_index, count):
            report(self.page_index, count)

    def page_step(self, step: int) -> bool:
        """Show the next (+1) or previous (-1) page of content; False when there is
        none, so the facilitator's window moves on to the next item or stage."""
        if not self.isVisible() or self.stack.currentIndex() != STACK_STAGE:
            return False
        target = self.page_index + step
        if 0 <= target < len(self.pages):
            self._fade()
            self.page_index = target
            self._show_page()
            return True
        return False

    def visible_texts(self) -> list[str]:
        """Every text the room can read right now (for tests and accessibility), with
        the zero-width break hints taken out."""
        if self.controller.room.black:
            return []
        texts = [lab.text().replace("\u200b", "") for lab in self.findChildren(QLabel)
                 if lab.isVisibleTo(self) and lab.text()
                 and not (self.strip is not None and self.strip.isAncestorOf(lab))]
        if self.stack.currentIndex() == STACK_TIMER and self.big_clock.text:
            texts.append(self.big_clock.text)
        return texts

    def picture(self, width: int) -> QPixmap:
        """What the room sees, `width` pixels wide, for the laptop's room monitor.

        Drawn through a scaled painter rather than grabbed whole and shrunk: a grab of
        a 1920x1080 projector is an 8 MB picture made and thrown away after each pause in
        typing."""
        size = self.size()
        if size.isEmpty() or width <= 0:
            return QPixmap()
        scale = width / size.width()
        picture = QPixmap(QSize(width, max(1, round(size.height() * scale))))
        picture.fill(self.palette().color(QPalette.ColorRole.Window))
        painter = QPainter(picture)
        # No antialiasing of edges: at a fractional scale it would draw a hairline seam
        # around every opaque widget.
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.scale(scale, scale)
        self.render(painter, QPoint())
        painter.end()
        return picture

    # -- motion ---------------------------------------------------------------------------
    def _fade(self) -> None:
        """Start a short cross-fade from what the room sees now (unless "no motion")."""
        if not self.motion or not self.isVisible() or self.controller.room.black:
            return
        picture = self.stack.grab()
        self.fade_overlay.setGeometry(self.stack.geometry())
        self.fade_overlay.start(picture)
        if self.flash_overlay.isVisible():
            self.flash_overlay.raise_()

    # -- time-up signal -------------------------------------------------------------------
    def on_timer_event(self, event: str) -> None:
        """One crisp flash (and a chime, if sound is on) for "warning" and "time_up"."""
        if event not in FLASH_WORDS:
            return
        self.flashes.append(event)
        phase = "overtime" if event == "time_up" else "warning"
        fill, ink = band_colours(self.theme, phase)
        self.flash_overlay.fill = QColor(fill)
        self.flash_overlay.ink = QColor(ink)
        self.flash_overlay.word = FLASH_WORDS[event]
        self.flash_overlay.setGeometry(self.rect())
        self.flash_overlay.show()
        self.flash_overlay.raise_()
        if self.controller.room.black:
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
        for overlay in (self.black_overlay, self.flash_overlay):
            overlay.setGeometry(self.rect())
        self.fade_overlay.stop()
        self._apply_sizes()
        self.layout().activate()
        self.stage_layout.activate()
        self._footer()
        self._relayout()
        if self.stack.currentIndex() == STACK_TITLE:
            self._update_title()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.layout().activate()
        self.stage_layout.activate()
        self._footer()
        self._relayout()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Esc leaves fullscreen here. The room's keys (and F11) reach this window through
        the session's input router, which the facilitator window registers it with."""
        if event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
            return
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
        self.fade_overlay.stop()
        super().closeEvent(event)


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
    """The projector's settings (screen, theme, sound, motion) in the View menu the
    facilitator window hands over, and the one projector window of a session.

    It knows the session's controller, the menu and the settings it is given, and
    nothing of the facilitator window: `opened` says when a projector window was made,
    and whoever owns both windows introduces them."""

    opened = Signal(object)  # a new AudienceWindow (the projector or presentation mode)

    def __init__(self, controller: SessionController, view_menu: QMenu,
                 settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("projectorControls")
        self.controller = controller
        self.settings = settings
        self.window: AudienceWindow | None = None
        self._install_menu(view_menu)

    def _setting(self, key: str, default: Any) -> Any:
        return self.settings.value(key, default)

    @property
    def sound_on(self) -> bool:
        value = self._setting(SOUND_KEY, True)
        return value not in (False, "false", "0", 0)

    @property
    def motion(self) -> bool:
        value = self._setting(MOTION_KEY, True)
        return value not in (False, "false", "0", 0)

    @property
    def theme_key(self) -> str:
        key = str(self._setting(THEME_KEY, DEFAULT_THEME))
        return key if key in THEMES else DEFAULT_THEME

    def _install_menu(self, view: QMenu) -> None:
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
        self.motion_action = QAction("Projector: &no motion", view, checkable=True)
        self.motion_action.setToolTip("No cross-fade between slides")
        self.motion_action.setChecked(not self.motion)
        self.motion_action.toggled.connect(lambda still: self.set_motion(not still))
        view.addAction(self.motion_action)

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

    def set_sound(self, on: bool) -> None:
        self.settings.setValue(SOUND_KEY, bool(on))
        if self.window is not None:
            self.window.sound_on = bool(on)

    def set_motion(self, on: bool) -> None:
        self.settings.setValue(MOTION_KEY, bool(on))
        if self.window is not None:
            self.window.motion = bool(on)

    def open(self) -> AudienceWindow:
        """The projector window, created on first use (and announced by `opened`)."""
        if self.window is None:
            self.window = AudienceWindow(self.controller, self.theme_key,
                                         sound_on=self.sound_on, motion=self.motion)
            self.window.destroyed.connect(self._forget)
            self.opened.emit(self.window)
        return self.window

    def open_on_projector(self, laptop_screen: QScreen | None) -> tuple[AudienceWindow, bool]:
        """The projector window on the screen that is not the laptop's (the one chosen
        last time if it is connected), fullscreen. With one screen it opens as a normal
        window; the second value then says so, for the laptop to explain."""
        window = self.open()
        if window.isVisible():
            window.raise_()
            window.activateWindow()
            return window, False
        target = projector_screen(laptop_screen, QGuiApplication.screens(),
                                  str(self.settings.value(SCREEN_KEY, "")))
        if target is not None:
            window.move_to_screen(target)
            return window, False
        window.resize(BASE_WIDTH, BASE_HEIGHT)
        window.show()
        return window, True

    def open_presentation(self, screen: QScreen | None) -> AudienceWindow:
        """One mirrored screen: the room's view itself, fullscreen on `screen`, with the
        thin strip of controls. Reads the projector's settings; changes none."""
        window = AudienceWindow(self.controller, self.theme_key, sound_on=self.sound_on,
                                motion=self.motion, presentation=True)
        self.opened.emit(window)
        screen = screen or QGuiApplication.primaryScreen()
        if screen is not None:
            window.move_to_screen(screen)
        else:
            window.show()
        return window

    def _forget(self) -> None:
        self.window = None

"""Themes: light, dark and a high-contrast projector theme.

Each theme is a palette of named colours (plain data, so a test can compute contrast
ratios) and a Qt style sheet generated from it. Meaning is never carried by colour
alone: badges and timer phases also say what they mean in words.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication

from workshop.paths import assets_dir

FONT_FAMILY = "DejaVu Sans"
DEFAULT_FONT_PT = 11
MIN_FONT_PT, MAX_FONT_PT = 8, 24


@dataclass(frozen=True)
class Theme:
    key: str
    title: str
    window: str  # background
    surface: str  # fields, panels
    text: str
    muted: str  # secondary text (still readable: checked for contrast)
    accent: str  # buttons, selection
    accent_text: str
    border: str
    warning_bg: str
    warning_text: str
    danger_bg: str
    danger_text: str
    ok_bg: str
    ok_text: str
    output_bg: str
    output_text: str
    outcome_bg: str
    outcome_text: str
    timer_normal: str
    timer_warning: str
    timer_overtime: str
    # The projector's colours. Bands fill the timer and the screen's edge: bright enough
    # to read as amber or red from the back row, with text that stays readable on them.
    band_warning: str = "#ffb000"
    band_warning_text: str = "#000000"
    band_overtime: str = "#b00010"
    band_overtime_text: str = "#ffffff"
    yes_bg: str = "#005a24"  # solid review badges: a word in a strong box
    yes_text: str = "#ffffff"
    no_bg: str = "#b00010"
    no_text: str = "#ffffff"
    focus_bg: str = "#e6eefc"  # the item under discussion
    focus_edge: str = "#0b3d91"
    bar_votes: str = "#0b3d91"
    bar_green: str = "#1e7b34"
    bar_yellow: str = "#e0a000"
    bar_red: str = "#c0001a"
    track: str = "#d9dde3"  # the empty part of a bar

    def text_pairs(self) -> dict[str, tuple[str, str]]:
        """Every (foreground, background) pair the theme draws text with."""
        return {
            "text": (self.text, self.window),
            "text on surface": (self.text, self.surface),
            "muted": (self.muted, self.window),
            "muted on surface": (self.muted, self.surface),
            "accent button": (self.accent_text, self.accent),
            "warning": (self.warning_text, self.warning_bg),
            "danger": (self.danger_text, self.danger_bg),
            "ok": (self.ok_text, self.ok_bg),
            "output badge": (self.output_text, self.output_bg),
            "outcome badge": (self.outcome_text, self.outcome_bg),
            "timer normal": (self.timer_normal, self.window),
            "timer warning": (self.timer_warning, self.window),
            "timer overtime": (self.timer_overtime, self.window),
            "band warning": (self.band_warning_text, self.band_warning),
            "band overtime": (self.band_overtime_text, self.band_overtime),
            "yes solid": (self.yes_text, self.yes_bg),
            "no solid": (self.no_text, self.no_bg),
            "focus": (self.text, self.focus_bg),
            "muted on focus": (self.muted, self.focus_bg),
        }


THEMES: dict[str, Theme] = {
    "light": Theme(
        key="light", title="Light", window="#f6f7f9", surface="#ffffff", text="#1b1f24",
        muted="#4f5863", accent="#1f5fbf", accent_text="#ffffff", border="#c9cfd6",
        warning_bg="#fff1c7", warning_text="#5c3d00", danger_bg="#fde2e1",
        danger_text="#8a1410", ok_bg="#dff3e4", ok_text="#13572a",
        output_bg="#fde2e1", output_text="#8a1410", outcome_bg="#dff3e4",
        outcome_text="#13572a", timer_normal="#1b1f24", timer_warning="#8a5300",
        timer_overtime="#b3140e", band_overtime="#c0001a", yes_bg="#13772f",
        no_bg="#c0001a", focus_bg="#dde8fb", focus_edge="#1f5fbf", bar_votes="#1f5fbf",
    ),
    "dark": Theme(
        key="dark", title="Dark", window="#16191d", surface="#1f2328", text="#e8eaed",
        muted="#aab2bc", accent="#7fb0ff", accent_text="#0b1220", border="#3a4048",
        warning_bg="#3d2e00", warning_text="#ffd66b", danger_bg="#4a1412",
        danger_text="#ffb4ae", ok_bg="#10361d", ok_text="#9be3b0",
        output_bg="#4a1412", output_text="#ffb4ae", outcome_bg="#10361d",
        outcome_text="#9be3b0", timer_normal="#e8eaed", timer_warning="#ffc440",
        timer_overtime="#ff8a80", band_overtime="#c62828", yes_bg="#1e7b34",
        no_bg="#c62828", focus_bg="#243447", focus_edge="#7fb0ff", bar_votes="#7fb0ff",
        bar_green="#3fb760", bar_yellow="#ffc440", bar_red="#ff6b60", track="#3a4048",
    ),
    "projector": Theme(
        key="projector", title="Projector (high contrast)", window="#ffffff",
        surface="#ffffff", text="#000000", muted="#2b2b2b", accent="#0b3d91",
        accent_text="#ffffff", border="#000000", warning_bg="#ffe7a3",
        warning_text="#3a2600", danger_bg="#ffd9d6", danger_text="#5c0000",
        ok_bg="#d3f2dc", ok_text="#003b12", output_bg="#5c0000", output_text="#ffffff",
        outcome_bg="#003b12", outcome_text="#ffffff", timer_normal="#000000",
        timer_warning="#5a3a00", timer_overtime="#8b0000",
    ),
}


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two #rrggbb colours (1.0 to 21.0)."""

    def luminance(hex_colour: str) -> float:
        value = hex_colour.lstrip("#")
        channels = [int(value[i:i + 2], 16) / 255 for i in (0, 2, 4)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
                  for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def load_fonts(*, faces: tuple[str, ...] | None = None) -> str:
    """Register the shipped fonts so the app looks the same everywhere (offscreen Qt
    has no system fonts at all). Returns the family to use.

    `faces` limits which files load (by name fragment): start-up loads the regular and
    bold faces before the first paint and the italics right after it."""
    folder = assets_dir() / "fonts"
    family = ""
    for path in sorted(folder.glob("*.ttf")):
        if faces is not None and not any(path.stem.endswith(f) for f in faces):
            continue
        if path.stem in _LOADED_FONTS:
            family = family or _LOADED_FONTS[path.stem]
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families = QFontDatabase.applicationFontFamilies(font_id)
            _LOADED_FONTS[path.stem] = families[0] if families else ""
            family = family or _LOADED_FONTS[path.stem]
    return family or FONT_FAMILY


START_UP_FACES = ("Sans", "Sans-Bold")
# Symbola draws the emoji and symbols DejaVu lacks (Qt falls back to it by itself); on a
# machine without an emoji font they would be boxes on the projector.
LATER_FACES = ("Oblique", "BoldOblique", "Symbola")
_LOADED_FONTS: dict[str, str] = {}


def _icon(name: str) -> str:
    """A shipped icon as a style-sheet url (forward slashes on every platform)."""
    return (assets_dir() / "icons" / name).as_posix()


def _is_dark(colour: str) -> bool:
    return contrast_ratio(colour, "#000000") < contrast_ratio(colour, "#ffffff")


def controls_stylesheet(theme: Theme) -> str:
    """One flat style for the form controls in every theme: check boxes with a tick,
    spin boxes and combos with plain arrows, date fields without bevels."""
    t = theme
    tick = _icon("tick-on-dark.svg" if _is_dark(t.accent) else "tick-on-light.svg")
    shade = "light" if _is_dark(t.surface) else "dark"
    up, down = _icon(f"arrow-up-{shade}.svg"), _icon(f"arrow-down-{shade}.svg")
    return f"""
QCheckBox::indicator {{ width: 16px; height: 16px; border: 1px solid {t.muted};
    border-radius: 3px; background: {t.surface}; }}
QCheckBox::indicator:checked {{ background: {t.accent}; border-color: {t.accent};
    image: url({tick}); }}
QCheckBox::indicator:focus {{ border: 2px solid {t.accent}; }}
QAbstractSpinBox {{ padding-right: 18px; }}
QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{
    subcontrol-origin: border; width: 18px; border: none; background: transparent; }}
QAbstractSpinBox::up-button {{ subcontrol-position: top right; }}
QAbstractSpinBox::down-button {{ subcontrol-position: bottom right; }}
QAbstractSpinBox::up-button:hover, QAbstractSpinBox::down-button:hover {{
    background: {t.window}; }}
QAbstractSpinBox::up-arrow {{ image: url({up}); width: 10px; height: 10px; }}
QAbstractSpinBox::down-arrow {{ image: url({down}); width: 10px; height: 10px; }}
QComboBox {{ padding-right: 22px; }}
QComboBox::drop-down {{ subcontrol-origin: padding; subcontrol-position: center right;
    width: 20px; border: none; background: transparent; }}
QComboBox::down-arrow {{ image: url({down}); width: 10px; height: 10px; }}
QDateEdit::drop-down {{ width: 20px; border: none; background: transparent; }}
QDateEdit::down-arrow {{ image: url({down}); width: 10px; height: 10px; }}
QLabel#toast {{ background: {t.text}; color: {t.window}; border-radius: 14px;
    padding: 6px 16px; font-weight: bold; }}
QFrame#previewBar {{ background: {t.warning_bg}; border: 1px solid {t.warning_text};
    border-radius: 4px; }}
QFrame#previewBar QLabel {{ background: transparent; color: {t.warning_text};
    font-weight: bold; }}
QFrame#roomMonitor {{ background: {t.surface}; border: 1px solid {t.border};
    border-radius: 4px; }}
QFrame#roomMonitor QLabel {{ background: transparent; }}
QLabel#monitorPicture {{ background: {t.window}; color: {t.muted};
    border: 1px solid {t.border}; }}
QLabel#monitorStage {{ font-weight: bold; }}
QLabel#monitorBadges {{ color: {t.danger_text}; font-weight: bold; }}
QFrame#roomMonitor[black="true"] {{ background: #000000; border-color: #000000; }}
QFrame#roomMonitor[black="true"] QLabel {{ color: #ffffff; }}
QPushButton[onScreen="true"] {{ background: {t.danger_bg}; color: {t.danger_text};
    border-color: {t.danger_text}; font-weight: bold; }}
"""


def stylesheet(theme: Theme) -> str:
    t = theme
    return f"""
QWidget {{ color: {t.text}; background: {t.window}; }}
QMainWindow, QDialog {{ background: {t.window}; }}
QLineEdit, QPlainTextEdit, QTextEdit, QDateEdit, QSpinBox, QDoubleSpinBox, QComboBox,
QListWidget, QListView, QTreeView, QTableView {{
    background: {t.surface}; border: 1px solid {t.border}; border-radius: 4px; padding: 3px;
    selection-background-color: {t.accent}; selection-color: {t.accent_text};
}}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QDateEdit:focus, QComboBox:focus,
QSpinBox:focus, QDoubleSpinBox:focus, QListView:focus, QTableView:focus, QTreeView:focus {{
    border: 2px solid {t.accent};
}}
QPushButton, QToolButton {{
    background: {t.surface}; border: 1px solid {t.border}; border-radius: 4px;
    padding: 4px 10px;
}}
QPushButton:focus, QToolButton:focus {{ border: 2px solid {t.accent}; }}
QPushButton:default, QPushButton[primary="true"] {{
    background: {t.accent}; color: {t.accent_text}; border-color: {t.accent};
}}
QPushButton:disabled {{ color: {t.muted}; }}
QPushButton[primary="true"]:disabled {{ background: {t.window}; color: {t.muted};
    border-color: {t.border}; }}
QHeaderView::section {{ background: {t.window}; border: none;
    border-bottom: 1px solid {t.border}; padding: 4px; font-weight: bold; }}
QScrollArea, QScrollArea > QWidget > QWidget {{ background: {t.window}; }}
QFrame#sidePanel, QFrame#navPanel {{ background: {t.surface};
    border: 1px solid {t.border}; border-radius: 6px; }}
QFrame#sidePanel QLabel, QFrame#navPanel QLabel {{ background: transparent; }}
QLabel#pageHeading {{ font-weight: bold; letter-spacing: 1px; color: {t.muted}; }}
QLabel#sessionTitle {{ font-weight: bold; }}
QLabel#muted, QLabel[muted="true"] {{ color: {t.muted}; }}
QLabel#findingSubject {{ color: {t.muted}; padding-top: 8px; }}
QLabel#badgeOutput, QLabel[badge="output"] {{ background: {t.output_bg};
    color: {t.output_text}; border-radius: 3px; padding: 1px 6px; font-weight: bold; }}
QLabel#badgeOutcome, QLabel[badge="outcome"] {{ background: {t.outcome_bg};
    color: {t.outcome_text}; border-radius: 3px; padding: 1px 6px; font-weight: bold; }}
QLabel#badgeUnsure {{ background: {t.surface}; color: {t.text};
    border: 1px dashed {t.muted}; border-radius: 3px; padding: 1px 6px; font-weight: bold; }}
QLabel#badgeWarn, QLabel[badge="warn"] {{ background: {t.warning_bg};
    color: {t.warning_text}; border-radius: 3px; padding: 1px 6px; }}
QLabel#riskBanner {{ background: {t.warning_bg}; color: {t.warning_text};
    border-radius: 4px; padding: 4px 8px; font-weight: bold; }}
QLabel#riskBanner[level="danger"] {{ background: {t.danger_bg}; color: {t.danger_text}; }}
QLabel#saveStatus[failed="true"] {{ background: {t.danger_bg}; color: {t.danger_text};
    padding: 2px 6px; font-weight: bold; }}
QLabel#timerDisplay {{ font-weight: bold; color: {t.timer_normal}; }}
QLabel#timerDisplay[phase="warning"] {{ color: {t.timer_warning}; }}
QLabel#timerDisplay[phase="overtime"] {{ color: {t.timer_overtime}; }}
QLabel#findingWarn {{ background: {t.warning_bg}; color: {t.warning_text};
    border-radius: 4px; padding: 6px; }}
QLabel#findingInfo {{ background: {t.window}; color: {t.text};
    border: 1px solid {t.border}; border-radius: 4px; padding: 6px; }}
QLabel#bandGreen {{ background: {t.ok_bg}; color: {t.ok_text}; padding: 1px 6px; }}
QLabel#bandYellow {{ background: {t.warning_bg}; color: {t.warning_text}; padding: 1px 6px; }}
QLabel#bandRed {{ background: {t.danger_bg}; color: {t.danger_text}; padding: 1px 6px; }}
QStatusBar {{ border-top: 1px solid {t.border}; }}
QStatusBar QLabel {{ background: transparent; }}
QMenuBar, QMenu {{ background: {t.surface}; }}
QMenu::item:selected, QMenuBar::item:selected {{ background: {t.accent};
    color: {t.accent_text}; }}
/* No side padding on the stage list: Qt sizes a wrapped item without it but paints it
   with it, so a title that only just fits would wrap once more and lose its minutes. */
QListWidget#stageNav::item {{ padding: 6px 0px; }}
QListWidget#stageNav::item:selected {{ background: {t.accent}; color: {t.accent_text}; }}
QCheckBox, QRadioButton {{ background: transparent; spacing: 6px; }}
QRadioButton::indicator {{ width: 14px; height: 14px; border: 1px solid {t.muted};
    background: {t.surface}; border-radius: 8px; }}
QRadioButton::indicator:checked {{ background: {t.accent}; border: 3px solid {t.surface}; }}
QRadioButton::indicator:focus {{ border-color: {t.accent}; }}
QLabel#sectionHeading, QLabel#objectiveTitle, QLabel#planKrTitle {{ font-weight: bold; }}
QLabel#statement {{ font-style: italic; color: {t.muted}; }}
QLabel#statement[upright="true"] {{ font-style: normal; }}
QLabel#originTag, QLabel#planGuidance, QLabel#emptyHint {{ color: {t.muted}; }}
QLabel#chainOriginal {{ text-decoration: line-through; color: {t.muted}; }}
QLabel#chainResult {{ font-weight: bold; }}
QFrame#krRow[flagged="true"] {{ border-left: 3px solid {t.warning_text}; }}
""" + controls_stylesheet(theme)


FONT_SCALE_PROPERTY = "fontScale"


def set_font_scale(widget, scale: float, *, bold: bool | None = None) -> None:
    """Size a widget's font relative to the app's text size (a heading 1.25x, the timer
    2x), and keep it relative when the facilitator makes the text bigger or smaller."""
    widget.setProperty(FONT_SCALE_PROPERTY, float(scale))
    font = widget.font()
    if bold is not None:
        font.setBold(bold)
    base = QApplication.font().pointSizeF()
    if base > 0:
        font.setPointSizeF(base * scale)
    widget.setFont(font)


def rescale_fonts() -> None:
    """Re-apply every relative font size after the app's text size changed."""
    base = QApplication.font().pointSizeF()
    if base <= 0:
        return
    for widget in QApplication.allWidgets():
        scale = widget.property(FONT_SCALE_PROPERTY)
        if scale:
            font = widget.font()
            font.setPointSizeF(base * float(scale))
            widget.setFont(font)


def apply_theme(app: QApplication, theme_key: str, font_pt: int = DEFAULT_FONT_PT,
                family: str = FONT_FAMILY) -> Theme:
    theme = THEMES.get(theme_key, THEMES["light"])
    font = QFont(family)
    font.setPointSize(max(MIN_FONT_PT, min(MAX_FONT_PT, int(font_pt))))
    app.setFont(font)
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, theme.window), (QPalette.ColorRole.Base, theme.surface),
        (QPalette.ColorRole.Text, theme.text), (QPalette.ColorRole.WindowText, theme.text),
        (QPalette.ColorRole.Button, theme.surface),
        (QPalette.ColorRole.ButtonText, theme.text),
        (QPalette.ColorRole.Highlight, theme.accent),
        (QPalette.ColorRole.HighlightedText, theme.accent_text),
        (QPalette.ColorRole.PlaceholderText, theme.muted),
        (QPalette.ColorRole.ToolTipBase, theme.surface),
        (QPalette.ColorRole.ToolTipText, theme.text),
    ):
        palette.setColor(role, QColor(colour))
    app.setPalette(palette)
    app.setStyleSheet(stylesheet(theme))
    rescale_fonts()
    return theme

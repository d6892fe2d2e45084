"""Bigger text (Ctrl++) scales every control, headings and the timer included."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLineEdit

from workshop.ui.facilitator import FacilitatorWindow
from workshop.ui.theme import apply_theme, load_fonts


def test_text_size_setting_scales_fields_and_the_timer(qtbot, controller):
    app = QApplication.instance()
    family = load_fonts()
    original = app.font()
    apply_theme(app, "light", 11, family)
    window = FacilitatorWindow(controller, tick_timer=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    field = window.findChildren(QLineEdit)[0]
    before = (field.font().pointSizeF(), window.timer_label.font().pointSizeF())
    try:
        apply_theme(app, "light", 16, family)
        after = (field.font().pointSizeF(), window.timer_label.font().pointSizeF())
    finally:  # leave the app as other tests expect it: no theme
        app.setStyleSheet("")
        app.setPalette(app.style().standardPalette())
        app.setFont(original)
    assert before == (11.0, 22.0)
    assert after == (16.0, 32.0)

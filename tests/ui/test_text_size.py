"""Bigger text (Ctrl++) scales every control, headings and the timer included."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from workshop.ui.facilitator import FacilitatorWindow


def test_text_size_setting_scales_fields_and_the_timer(qtbot, controller, app_theme):
    app_theme("light", 11)
    window = FacilitatorWindow(controller, tick_timer=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    field = window.findChildren(QLineEdit)[0]
    before = (field.font().pointSizeF(), window.timer_label.font().pointSizeF())
    app_theme("light", 16)
    after = (field.font().pointSizeF(), window.timer_label.font().pointSizeF())
    assert before == (11.0, 22.0)
    assert after == (16.0, 32.0)

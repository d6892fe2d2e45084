"""The break page: nothing to edit, only where the countdown is."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from workshop.ui.pages.breaks import BreakPage


def test_the_break_page_says_where_the_countdown_is(controller, show_page):
    page = show_page(BreakPage, controller)
    assert any("timer above" in label.text() for label in page.findChildren(QLabel))
    assert page.item_keys() == [] and not page.next_item()

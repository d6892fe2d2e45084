"""The retro page: scores with bands in words, notes, the four questions, the retro date."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from workshop.ui.pages.retro import RetroPage, average_score


@pytest.fixture
def open_page(show_page):
    return lambda controller: show_page(RetroPage, controller)


def test_only_the_kept_objectives_key_results_are_scored(controller, open_page):
    page = open_page(controller)
    kept = [kr.id for _, kr in controller.workshop.all_key_results()]
    assert [row.kr_id for row in page._rows] == kept
    assert len(kept) == 5
    assert all(row.score_spin.text() == "not scored" for row in page._rows)
    assert page._rows[0].band_label.text() == "Not scored yet"


def test_scoring_by_keyboard_shows_the_band_in_words(controller, open_page, qtbot, timers):
    page = open_page(controller)
    row = page._rows[0]
    page.focus_first()
    assert row.score_spin.hasFocus()
    qtbot.keyClick(row.score_spin, Qt.Key.Key_Up)  # from "not scored" to 0.0
    kr = controller.get(("kr", row.kr_id))
    assert kr.score == 0.0
    assert row.band_label.text().startswith("Red")
    assert row.band_label.objectName() == "bandRed"
    for _ in range(5):
        qtbot.keyClick(row.score_spin, Qt.Key.Key_Up)
    assert controller.get(("kr", row.kr_id)).score == 0.5
    assert row.band_label.text().startswith("Yellow")
    for _ in range(2):
        qtbot.keyClick(row.score_spin, Qt.Key.Key_Up)
    assert controller.get(("kr", row.kr_id)).score == 0.7
    assert row.band_label.text() == "Green: a good result"
    assert row.band_label.objectName() == "bandGreen"
    assert "Average score 0.70" in page.average_label.text()
    timers.fire_all()
    saved = controller.store.load(controller.workshop.id)
    assert saved.find_key_result(row.kr_id)[1].score == 0.7
    controller.undo_stack.undo()
    assert controller.get(("kr", row.kr_id)).score == 0.6
    assert row.score_spin.value() == pytest.approx(0.6)


def test_score_can_go_back_to_not_scored(controller, open_page, qtbot):
    page = open_page(controller)
    row = page._rows[1]
    row.score_spin.setValue(0.3)
    assert controller.get(("kr", row.kr_id)).score == 0.3
    row.score_spin.setFocus()
    for _ in range(5):
        qtbot.keyClick(row.score_spin, Qt.Key.Key_Down)
    assert controller.get(("kr", row.kr_id)).score is None
    assert row.score_spin.text() == "not scored"


def test_notes_questions_and_date_are_stored(controller, open_page, qtbot, timers):
    page = open_page(controller)
    qtbot.keyClicks(page._rows[2].note_edit, "Events worked; webinars did not")
    qtbot.keyClicks(page.question_edits["output_trap"], "The migration KR")
    qtbot.mouseClick(page.held_on_field.set_box, Qt.MouseButton.LeftButton)
    ws = controller.workshop
    assert ws.find_key_result(page._rows[2].kr_id)[1].retro_note == \
        "Events worked; webinars did not"
    assert ws.retro.output_trap == "The migration KR"
    assert ws.retro.held_on == date(2027, 4, 1)  # the planned retro date is offered
    timers.fire_all()
    saved = controller.store.load(ws.id)
    assert (saved.retro.output_trap, saved.retro.held_on) == ("The migration KR",
                                                              date(2027, 4, 1))


def test_next_item_walks_the_key_results(controller, open_page):
    page = open_page(controller)
    page.focus_first()
    assert controller.focus_item == ("kr", page._rows[0].kr_id)
    for index in range(1, 5):
        assert page.next_item() is True
        assert page._rows[index].score_spin.hasFocus()
    assert controller.focus_item == ("kr", page._rows[4].kr_id)
    assert page.next_item() is False
    assert page.previous_item() is True
    assert page._rows[3].score_spin.hasFocus()


def test_rows_follow_a_new_key_result(controller, open_page):
    page = open_page(controller)
    from workshop.model import KeyResult

    controller.apply("Add key result", lambda ws: ws.objectives[0].key_results.append(
        KeyResult("Raise NPS from 20 to 35")))
    assert len(page._rows) == 6
    assert page._rows[3].text_label.text() == "Raise NPS from 20 to 35"


def test_average_score_ignores_unscored(controller):
    ws = controller.workshop
    assert average_score(ws) is None
    krs = [kr for _, kr in ws.all_key_results()]
    krs[0].score, krs[1].score = 1.0, 0.4
    assert average_score(ws) == pytest.approx(0.7)


def test_building_the_rows_opens_no_stray_window(controller, show_page, qtbot):
    # Each objective's heading was shown before it had a parent: for a moment it was a
    # window of its own, which took the activation away from the page.
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    class WindowsShown(QObject):
        names: list[str] = []

        def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Show and watched.isWidgetType() \
                    and watched.isWindow():
                self.names.append(type(watched).__name__)
            return False

    seen = WindowsShown()
    QApplication.instance().installEventFilter(seen)
    try:
        page = show_page(RetroPage, controller)
        qtbot.wait(50)
    finally:
        QApplication.instance().removeEventFilter(seen)
    assert seen.names == ["RetroPage"]
    assert page.isActiveWindow()


def test_a_narrow_page_gives_the_key_result_its_whole_width(controller, show_page, qtbot):
    # Beside the score and its band, the key result's text got a few letters a line
    # ("Raise / metri / 1 from") on a 1024-pixel screen, and the page scrolled sideways.
    page = show_page(RetroPage, controller)
    page.resize(560, 700)
    qtbot.wait(50)
    row = page._rows[0]
    assert row.text_label.width() >= 0.7 * row.width()
    assert not page.scroll_area.horizontalScrollBar().isVisible()

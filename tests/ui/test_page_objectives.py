"""The objectives page: candidates, dot votes, keeping the few, strategy links, coach hints
and the one-sentence statement."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from workshop.coach import check_objective
from workshop.model import Objective, Strategy, StrategyContext, Workshop, objective_statement
from workshop.ui.pages.objectives import NOT_LINKED, ObjectivesPage


@pytest.fixture
def open_page(show_page):
    return lambda controller: show_page(ObjectivesPage, controller)


def texts(controller) -> list[str]:
    return [o.text for o in controller.workshop.objectives]


def test_ctrl_up_and_down_vote_on_the_focused_candidate_without_moving_rows(
        controller, open_page, qtbot):
    page = open_page(controller)
    order = texts(controller)
    last = page._rows[3]  # "Continue improving product quality", 1 vote
    last.why_edit.setFocus()
    for _ in range(9):
        qtbot.keyClick(last.why_edit, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert controller.workshop.objectives[3].votes == 10
    assert last.votes_label.text() == "10 votes"
    assert texts(controller) == order  # no jumping while the room votes
    qtbot.keyClick(last.why_edit, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert controller.workshop.objectives[3].votes == 9
    controller.undo_stack.undo()
    assert controller.workshop.objectives[3].votes == 10
    # Votes never go below zero.
    page.change_votes(controller.workshop.objectives[2].id, -5)
    assert controller.workshop.objectives[2].votes == 0
    assert not page._rows[2].minus_button.isEnabled()


def test_sort_by_votes_only_when_asked_and_keeps_focus(controller, open_page, qtbot):
    page = open_page(controller)
    quality = controller.workshop.objectives[3]
    page.change_votes(quality.id, 20)
    page._rows[3].text_edit.setFocus()
    qtbot.mouseClick(page.sort_button, Qt.MouseButton.LeftButton)
    assert texts(controller)[0] == "Continue improving product quality"
    assert page._rows[0].text_edit.text() == "Continue improving product quality"
    assert page._rows[0].text_edit.hasFocus()
    controller.undo_stack.undo()
    assert texts(controller)[3] == "Continue improving product quality"


def test_keep_check_box_and_statement_preview(controller, open_page, qtbot):
    page = open_page(controller)
    third = controller.workshop.objectives[2]
    assert "We will accelerate enterprise AI adoption, as measured by:" in \
        page.statements_label.text()
    assert third.text not in page.statements_label.text()
    page._rows[2].keep_box.setFocus()
    qtbot.keyClick(page._rows[2].keep_box, Qt.Key.Key_Space)
    assert controller.get(("objective", third.id)).selected is True
    assert objective_statement(third) in page.statements_label.text()
    qtbot.keyClick(page._rows[0].keep_box, Qt.Key.Key_Space)
    assert "accelerate enterprise AI adoption" not in page.statements_label.text()


def test_user_text_is_shown_as_plain_text(make_controller, open_page):
    ws = Workshop(objectives=[Objective("Grow <b>R&D</b> trust", selected=True)])
    page = open_page(make_controller(ws))
    assert page.statements_label.textFormat() == Qt.TextFormat.PlainText
    assert "<b>R&D</b>" in page.statements_label.text()


def test_coach_hint_follows_typing(make_controller, open_page, qtbot):
    controller = make_controller(Workshop(title="Fresh"))
    page = open_page(controller)
    qtbot.keyClick(page.add_button, Qt.Key.Key_Space)
    row = page._rows[0]
    assert row.text_edit.hasFocus()
    assert row.hint.isHidden()
    qtbot.keyClicks(row.text_edit, "Maintain our service levels")
    expected = check_objective("Maintain our service levels")
    assert expected, "the coach should flag business as usual"
    assert not row.hint.isHidden()
    assert row.hint.text() == f"Coach: {expected[0].message}"
    row.text_edit.selectAll()
    qtbot.keyClicks(row.text_edit, "Make first-contact resolution the norm for customers")
    after = check_objective("Make first-contact resolution the norm for customers")
    assert row.hint.text() == (f"Coach: {after[0].message}" if after else "")
    assert row.hint.isHidden() == (not after)
    # Enter in the last candidate starts the next one.
    qtbot.keyClick(row.text_edit, Qt.Key.Key_Return)
    assert len(controller.workshop.objectives) == 2
    assert page._rows[1].text_edit.hasFocus()


def test_link_to_a_strategy_and_back_to_not_linked(make_controller, open_page, qtbot):
    long_strategy = Strategy("Win the enterprise segment " + "and more " * 200, "2027-2029")
    ws = Workshop(context=StrategyContext(strategies=[Strategy("Be easy to adopt"),
                                                      long_strategy]),
                  objectives=[Objective("Accelerate adoption")])
    controller = make_controller(ws)
    page = open_page(controller)
    combo = page._rows[0].strategy_combo
    assert combo.currentText() == NOT_LINKED
    assert combo.count() == 3
    assert len(combo.itemText(2)) <= 60  # long strategies are shortened in the list
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert controller.workshop.objectives[0].strategy_id == long_strategy.id
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    assert controller.workshop.objectives[0].strategy_id == ""
    assert page.width() <= 1000


def test_next_and_previous_item_step_through_candidates(controller, open_page):
    page = open_page(controller)
    page.focus_first()
    ids = [o.id for o in controller.workshop.objectives]
    assert controller.focus_item == ("objective", ids[0])
    assert page.next_item() is True
    assert page._rows[1].text_edit.hasFocus()
    assert controller.focus_item == ("objective", ids[1])
    assert page.next_item() and page.next_item()
    assert page.next_item() is False  # the last one: the window moves on to the next stage
    assert page.previous_item() is True
    assert controller.focus_item == ("objective", ids[2])


def test_findings_include_wording_and_focus(controller, open_page):
    page = open_page(controller)
    codes = {f.code for f in page.findings()}
    assert "objective.business_as_usual" in codes  # "Continue improving product quality"
    assert any(code.startswith("focus.") for code in codes)  # five KRs in total
    assert not any(code.startswith("plan.") for code in codes)


def test_remove_candidate_and_autosave(controller, open_page, qtbot, timers):
    page = open_page(controller)
    doomed = controller.workshop.objectives[3]
    qtbot.mouseClick(page._rows[3].remove_button, Qt.MouseButton.LeftButton)
    assert doomed.id not in [o.id for o in controller.workshop.objectives]
    assert len(page._rows) == 3
    timers.fire_all()
    saved = controller.store.load(controller.workshop.id)
    assert doomed.text not in [o.text for o in saved.objectives]


def test_a_narrow_page_never_scrolls_sideways(controller, show_page, qtbot, app_theme):
    # Votes, Keep and a strategy list sized for 16 letters held each candidate wider
    # than a 1024-pixel screen leaves the page (about 580 pixels in the app's own theme):
    # the page scrolled sideways and Remove was cut off.
    app_theme("light", 11)
    page = show_page(ObjectivesPage, controller)
    page.resize(580, 700)
    qtbot.wait(50)
    assert not page.scroll_area.horizontalScrollBar().isVisible()

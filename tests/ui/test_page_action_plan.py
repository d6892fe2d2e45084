"""The action plan page: 3-5 first tasks per key result, each with an owner and a
deadline inside the period."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from workshop.demo import demo_workshop
from workshop.model import (
    Participant,
)
from workshop.ui.pages.action_plan import NO_DEADLINE_TEXT, ActionPlanPage, task_guidance


def test_action_plan_shows_tasks_guidance_and_origin(qtbot, controller, show_page):
    page = show_page(ActionPlanPage, controller)
    ws = controller.workshop
    assert len(page.rows) == len(ws.all_actions())
    for _, kr in ws.all_key_results():
        label = page.plan(kr.id).guidance
        assert label.text() == "3 of 3-5 tasks"
        assert label.property("warn") is False
    launch = ws.objectives[0].key_results[0].actions[0]
    assert page.rows[launch.id].origin_label.isVisible()
    assert page.rows[launch.id].origin_label.text().endswith("from the output KR")
    planned = ws.objectives[0].key_results[0].actions[1]
    assert not page.rows[planned.id].origin_label.isVisible()
    assert page.rows[launch.id].owner_combo.currentText() == "Yuki Tanaka"
    assert page.rows[launch.id].deadline_edit.date() == QDate(2027, 2, 26)


def test_enter_on_the_last_task_adds_one_with_owner_and_deadline(qtbot, controller, timers,
        show_page, reloaded):
    page = show_page(ActionPlanPage, controller)
    kr = controller.workshop.objectives[1].key_results[0]
    last = page.plan(kr.id).tasks.in_order()[-1]
    last.text_edit.setFocus()
    qtbot.keyClick(last.text_edit, Qt.Key.Key_Return)
    assert len(kr.actions) == 4
    new_row = page.plan(kr.id).tasks.in_order()[-1]
    assert new_row.text_edit.hasFocus()
    assert page.plan(kr.id).guidance.text() == "4 of 3-5 tasks"
    qtbot.keyClick(new_row.text_edit, Qt.Key.Key_Return)  # empty: no second blank task
    assert len(kr.actions) == 4
    qtbot.keyClicks(new_row.text_edit, "Write the onboarding FAQ")
    # Tab to the owner, pick Lars with the keyboard.
    qtbot.keyClick(new_row.text_edit, Qt.Key.Key_Tab)
    assert new_row.owner_combo.hasFocus()
    assert new_row.owner_combo.currentText() == "No owner"
    lars_index = new_row.owner_combo.findText("Lars Berg")
    new_row.owner_combo.setCurrentIndex(lars_index)
    new_row.owner_combo.activated.emit(lars_index)
    # The deadline starts empty; one step up is the period's first day.
    qtbot.keyClick(new_row.owner_combo, Qt.Key.Key_Tab)
    assert new_row.deadline_edit.hasFocus()
    assert new_row.deadline_edit.text() == NO_DEADLINE_TEXT
    qtbot.keyClick(new_row.deadline_edit, Qt.Key.Key_Up)
    action = kr.actions[-1]
    assert action.deadline == date(2027, 1, 1)
    new_row.deadline_edit.setDate(QDate(2027, 3, 12))
    lars = controller.workshop.participants[3]
    assert (action.text, action.owner_id, action.deadline) == \
        ("Write the onboarding FAQ", lars.id, date(2027, 3, 12))
    saved = reloaded(controller).objectives[1].key_results[0].actions[-1]
    assert (saved.text, saved.owner_id, saved.deadline) == \
        ("Write the onboarding FAQ", lars.id, date(2027, 3, 12))
    # A deadline after the period can be typed (the coach flags it); below the period's
    # first day is "No deadline".
    assert new_row.deadline_edit.maximumDate() == QDate(2028, 3, 31)
    new_row.deadline_edit.setDate(QDate(2026, 6, 1))
    assert action.deadline is None
    assert new_row.deadline_edit.text() == NO_DEADLINE_TEXT


def test_removing_tasks_warns_below_three_and_undo_restores(qtbot, controller, show_page):
    page = show_page(ActionPlanPage, controller)
    kr = controller.workshop.objectives[0].key_results[1]
    removed = kr.actions[2]
    page.rows[removed.id].remove_button.click()
    label = page.plan(kr.id).guidance
    assert label.text().startswith("2 of 3-5 tasks")
    assert label.property("warn") is True
    assert label.objectName() == "badgeWarn"
    assert any(f.code.startswith("plan.") for f in page.findings())
    controller.undo_stack.undo()
    assert [a.id for a in controller.get(("kr", kr.id)).actions][-1] == removed.id
    assert page.plan(kr.id).guidance.text() == "3 of 3-5 tasks"


def test_a_stored_deadline_outside_the_period_is_shown_not_clamped(qtbot, make_controller,
        show_page):
    ws = demo_workshop()
    action = ws.objectives[0].key_results[0].actions[1]
    action.deadline = date(2027, 5, 20)
    controller = make_controller(ws)
    page = show_page(ActionPlanPage, controller)
    assert page.rows[action.id].deadline_edit.date() == QDate(2027, 5, 20)
    assert controller.get(("action", action.id)).deadline == date(2027, 5, 20)
    assert controller.undo_stack.count() == 0


def test_action_plan_page_down_walks_the_key_results(qtbot, controller, show_page):
    page = show_page(ActionPlanPage, controller)
    ids = [kr.id for _, kr in controller.workshop.all_key_results()]
    page.focus_first()
    assert controller.focus_item == ("kr", ids[0])
    for kr_id in ids[1:]:
        assert page.next_item()
        assert controller.focus_item == ("kr", kr_id)
        assert page.plan(kr_id).tasks.in_order()[0].text_edit.hasFocus()
    assert not page.next_item()


@pytest.mark.parametrize(("count", "words", "outside"), [
    (0, "0 of 3-5 tasks: 3 more to get going", True),
    (3, "3 of 3-5 tasks", False),
    (5, "5 of 3-5 tasks", False),
    (6, "6 of 3-5 tasks: the first few are enough", True),
])
def test_task_guidance_words(count, words, outside):
    text, warn = task_guidance(count)
    assert text.startswith(words)
    assert warn is outside


def test_action_plan_lists_a_new_participant_as_owner(qtbot, controller, show_page):
    page = show_page(ActionPlanPage, controller)
    controller.apply("Add participant",
                     lambda ws: ws.participants.append(Participant("Nadia Haddad")))
    row = next(iter(page.rows.values()))
    assert row.owner_combo.findText("Nadia Haddad") >= 0


def test_a_huge_plan_builds_only_the_tasks_in_view(qtbot, make_controller, show_page):
    from workshop.demo import large_workshop
    from workshop.ui.pages.action_plan import ActionRow

    ws = large_workshop(scale=10)
    total = len(ws.all_actions())
    assert total >= 600
    controller = make_controller(ws)
    page = show_page(ActionPlanPage, controller)
    qtbot.waitUntil(lambda: bool(page.findChildren(ActionRow)))
    built = len(page.findChildren(ActionRow))
    assert built < total / 10  # what the window shows, not the whole plan
    assert len(page.rows) == total  # every task is still there to be asked for
    # Scrolling on builds what comes into view; PageDown to a far key result builds it.
    bar = page.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    assert len(page.findChildren(ActionRow)) > built
    last_kr = page.item_keys()[-1]
    page.go_to_item(last_kr)
    assert page.plan(last_kr).tasks.in_order()[0].text_edit.hasFocus()
    assert controller.focus_item == ("kr", last_kr)


def test_a_changed_task_redraws_only_its_key_result(qtbot, controller, show_page):
    page = show_page(ActionPlanPage, controller)
    (_, kr_a, first), (_, kr_b, other) = controller.workshop.all_actions()[0], \
        controller.workshop.all_actions()[-1]
    assert kr_a.id != kr_b.id
    first.text, other.text = "Call three customers", "Ask the board"
    page.refresh("action", first.id)
    assert page.rows[first.id].text_edit.text() == "Call three customers"
    assert page.rows[other.id].text_edit.text() != "Ask the board"


def test_a_typed_deadline_lands_as_typed_even_after_the_period(qtbot, controller, show_page):
    """Before: typing "23" in the day gave 21, and no date after the period's end could be
    entered (the field stopped at it), so the coach's 'outside the period' never fired."""
    from workshop.coach import check_workshop

    page = show_page(ActionPlanPage, controller)
    action = controller.workshop.objectives[0].key_results[0].actions[1]
    edit = page.rows[action.id].deadline_edit
    edit.setFocus()
    edit.setDate(QDate(2027, 2, 1))
    edit.setCurrentSection(edit.Section.DaySection)
    edit.lineEdit().setSelection(0, 1)  # the day's digits, as a double click selects them
    qtbot.keyClicks(edit, "23")
    assert controller.get(("action", action.id)).deadline == date(2027, 2, 23)
    edit.setDate(QDate(2027, 5, 20))  # after Q1 2027
    assert controller.get(("action", action.id)).deadline == date(2027, 5, 20)
    assert any(f.code == "plan.deadline_outside_period" and f.subject_id == action.id
               for f in check_workshop(controller.workshop))


def test_an_owner_who_left_shows_as_unknown_on_that_task_only(qtbot, controller, show_page):
    # Tasks share one list of owners (built once, not once a task); an owner no longer
    # among the participants gets a list of that task's own, saying so.
    page = show_page(ActionPlanPage, controller)
    rows = list(page.rows.values())
    assert len(rows) >= 2 and rows[0].owner_combo.model() is rows[1].owner_combo.model()
    leaving = controller.get(("action", rows[0].action_id)).owner_id
    assert leaving
    controller.apply("Remove participant", lambda ws: ws.participants.__setitem__(
        slice(None), [p for p in ws.participants if p.id != leaving]))
    gone = [r for r in page.rows.values()
            if controller.get(("action", r.action_id)).owner_id == leaving]
    kept = [r for r in page.rows.values() if r not in gone]
    assert gone and all(r.owner_combo.currentText() == "(unknown person)" for r in gone)
    assert all(r.owner_combo.findText("(unknown person)") < 0 for r in kept)
    assert all(r.owner_combo.currentText() != "(unknown person)" for r in kept)

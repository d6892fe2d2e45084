"""The key results, ask-why, action plan and wrap-up pages, driven like a facilitator
would: typing, Tab, Enter and Ctrl+Enter, PageDown, undo, autosave."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from workshop.demo import demo_workshop
from workshop.model import (
    ORIGIN_FROM_OUTPUT,
    KeyResult,
    Objective,
    Participant,
    Workshop,
)
from workshop.ui.pages.action_plan import NO_DEADLINE_TEXT, ActionPlanPage, task_guidance
from workshop.ui.pages.ask_why import AskWhyPage
from workshop.ui.pages.key_results import KeyResultsPage
from workshop.ui.pages.wrap_up import WrapUpPage

HOSTILE = "<b>R&D</b> \"quotes\" 🚀 مرحبا بالعالم " + "x" * 10_000


def make_page(qtbot, cls, controller):
    """A page wired like the facilitator window wires it: refresh on every change."""
    page = cls(controller)
    qtbot.addWidget(page)
    controller.changed.connect(lambda *_: page.refresh())
    page.resize(1000, 700)
    page.show()
    qtbot.waitExposed(page)
    # Shortcuts (Ctrl+Enter) only fire in the active window, as on a real desktop.
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=3000)
    return page


def reloaded(controller, timers) -> Workshop:
    """What a reopened session would hold after the autosave fired."""
    timers.fire_all()
    return controller.store.load(controller.workshop.id)


def output_workshop() -> Workshop:
    """The worked example before asking why: three output KRs and one outcome."""
    people = [Participant("Maria Jensen"), Participant("Yuki Tanaka")]
    objective = Objective(
        text="Become a leader in enterprise AI", selected=True,
        key_results=[
            KeyResult("Launch v3.0 of our platform"),
            KeyResult("Migrate 100% of customers to the new version"),
            KeyResult("Raise NPS from 31 to 45", metric="NPS", baseline="31", target="45"),
            KeyResult("Host 5 webinars on enterprise AI"),
        ])
    return Workshop(title="Q1 2027 OKRs", period_label="Q1 2027",
                    period_start=date(2027, 1, 1), period_end=date(2027, 3, 31),
                    participants=people, objectives=[objective])


def texts_of(widget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel) if label.isVisible()]


# -- key results ---------------------------------------------------------------------------
def test_key_results_lists_chosen_objectives_with_outcome_badges(qtbot, controller):
    page = make_page(qtbot, KeyResultsPage, controller)
    shown = {row.text_edit.text(): row.badge.text() for row in page.rows.values()}
    chosen = [kr.text for _, kr in controller.workshop.all_key_results()]
    assert sorted(shown) == sorted(chosen)
    assert set(shown.values()) == {"OUTCOME"}
    # The unchosen draft objectives are not on the page.
    assert "Become a leader in enterprise AI" not in texts_of(page)


def test_typing_an_output_flips_the_badge_and_shows_the_reason(qtbot, controller, timers):
    page = make_page(qtbot, KeyResultsPage, controller)
    kr_id = controller.workshop.objectives[0].key_results[0].id
    row = page.rows[kr_id]
    original = row.text_edit.text()
    row.text_edit.selectAll()
    qtbot.keyClicks(row.text_edit, "Launch v3.0 of our platform")
    assert controller.get(("kr", kr_id)).text == "Launch v3.0 of our platform"
    assert row.badge.text() == "OUTPUT"
    assert row.badge.objectName() == "badgeOutput"
    assert row.reason_label.isVisible()
    assert "Why do we want to launch v3.0" in row.reason_label.text()
    assert reloaded(controller, timers).objectives[0].key_results[0].text == \
        "Launch v3.0 of our platform"
    # The whole typing is one undo step.
    controller.undo_stack.undo()
    assert controller.get(("kr", kr_id)).text == original
    assert row.text_edit.text() == original
    assert row.badge.text() == "OUTCOME"
    assert not row.reason_label.isVisible()


def test_metric_from_to_unit_and_direction_edit_the_model(qtbot, controller):
    page = make_page(qtbot, KeyResultsPage, controller)
    kr_id = controller.workshop.objectives[1].key_results[0].id
    row = page.rows[kr_id]
    for edit, value in ((row.metric_edit, "Days to value"), (row.baseline_edit, "30"),
                        (row.target_edit, "10"), (row.unit_edit, "days")):
        edit.clear()
        qtbot.keyClicks(edit, value)
    row.direction_combo.setFocus()
    row.direction_combo.setCurrentIndex(row.direction_combo.findData("reach"))
    row.direction_combo.activated.emit(row.direction_combo.currentIndex())
    kr = controller.get(("kr", kr_id))
    assert (kr.metric, kr.baseline, kr.target, kr.unit, kr.direction) == \
        ("Days to value", "30", "10", "days", "reach")


def test_adding_a_fourth_key_result_warns_about_focus(qtbot, controller):
    page = make_page(qtbot, KeyResultsPage, controller)
    objective = controller.workshop.objectives[0]
    assert len(objective.key_results) == 3
    focus_label = page.focus_labels[objective.id]
    assert not focus_label.isVisible()
    # Ctrl+Enter inside the objective adds a key result and puts the cursor in it.
    first_row = page.rows[objective.key_results[0].id]
    first_row.text_edit.setFocus()
    qtbot.keyClick(first_row.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(objective.key_results) == 4
    new_id = objective.key_results[-1].id
    assert page.rows[new_id].text_edit.hasFocus()
    assert controller.focus_item == ("kr", new_id)
    qtbot.keyClicks(page.rows[new_id].text_edit, "Double the weekly active admins")
    # Tab walks the new row's fields in reading order, "Remove" last.
    row = page.rows[new_id]
    for expected in (row.metric_edit, row.baseline_edit, row.target_edit, row.unit_edit,
                     row.direction_combo, row.remove_button):
        qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Tab)
        assert page.focusWidget() is expected
    focus_label = page.focus_labels[objective.id]
    assert focus_label.isVisible()
    assert focus_label.text().startswith("4 key results")
    assert "focus.too_many_krs" in [f.code for f in page.findings()]
    # Remove it again; undo brings it back with its text.
    page.rows[new_id].remove_button.click()
    assert len(controller.workshop.objectives[0].key_results) == 3
    assert not page.focus_labels[objective.id].isVisible()
    controller.undo_stack.undo()
    assert controller.workshop.objectives[0].key_results[-1].text == \
        "Double the weekly active admins"
    assert new_id in page.rows


def test_page_down_steps_through_key_results(qtbot, controller):
    page = make_page(qtbot, KeyResultsPage, controller)
    ids = [kr.id for _, kr in controller.workshop.all_key_results()]
    page.focus_first()
    assert controller.focus_item == ("kr", ids[0])
    for kr_id in ids[1:]:
        assert page.next_item()
        assert controller.focus_item == ("kr", kr_id)
        assert page.rows[kr_id].text_edit.hasFocus()
    assert not page.next_item()
    assert page.previous_item()
    assert controller.focus_item == ("kr", ids[-2])


def test_key_results_take_hostile_text_without_breaking_layout(qtbot, controller, timers):
    page = make_page(qtbot, KeyResultsPage, controller)
    kr_id = controller.workshop.objectives[0].key_results[0].id
    row = page.rows[kr_id]
    row.text_edit.setText(HOSTILE)
    row.text_edit.textEdited.emit(HOSTILE)
    assert controller.get(("kr", kr_id)).text == HOSTILE
    statement = page.statement_labels[controller.workshop.objectives[0].id]
    assert statement.textFormat() == Qt.TextFormat.PlainText
    assert "<b>R&D</b>" in statement.text()
    # Nothing forces the page wider than the window: long text wraps or scrolls in place.
    assert page.body.minimumSizeHint().width() <= page.scroll_area.viewport().width()
    assert reloaded(controller, timers).objectives[0].key_results[0].text == HOSTILE


def test_key_results_page_without_objectives_says_so(qtbot, make_controller):
    page = make_page(qtbot, KeyResultsPage, make_controller(Workshop(title="Empty")))
    assert any("No objectives yet" in t for t in texts_of(page))
    assert not page.next_item()


# -- ask why ---------------------------------------------------------------------------------
def test_queue_holds_the_outputs_and_starts_the_first_ladder(qtbot, make_controller):
    controller = make_controller(output_workshop())
    page = make_page(qtbot, AskWhyPage, controller)
    queue = [page.queue_list.item(i).text() for i in range(page.queue_list.count())]
    assert queue == ["Launch v3.0 of our platform",
                     "Migrate 100% of customers to the new version",
                     "Host 5 webinars on enterprise AI"]
    page.focus_first()
    launch = controller.workshop.objectives[0].key_results[0]
    assert controller.focus_item == ("kr", launch.id)
    assert page.question_labels[0].text() == "1. Why do we want to launch v3.0 of our platform?"
    assert page.answer_edits[0].hasFocus()
    assert not page.why_again_button.isEnabled()


def test_answers_are_kept_while_typed_not_only_on_accept(qtbot, make_controller, timers):
    controller = make_controller(output_workshop())
    page = make_page(qtbot, AskWhyPage, controller)
    page.focus_first()
    qtbot.keyClicks(page.answer_edits[0], "To increase enterprise adoption.")
    kr_id = page.selected_kr_id
    # A short pause after typing is enough for the answer to reach the model...
    qtbot.waitUntil(lambda: bool(controller.get(("kr", kr_id)).why_steps), timeout=3000)
    steps = controller.get(("kr", kr_id)).why_steps
    assert [(s.question, s.answer) for s in steps] == [
        ("Why do we want to launch v3.0 of our platform?", "To increase enterprise adoption.")]
    # ... and the autosave puts it on disk: a crash now loses nothing.
    saved = reloaded(controller, timers).objectives[0].key_results[0]
    assert saved.why_steps[0].answer == "To increase enterprise adoption."
    # A pause is one undo step, not one per letter.
    controller.undo_stack.undo()
    assert controller.get(("kr", kr_id)).why_steps == []
    assert page.answer_edits[0].text() == ""


def test_ladder_rewrite_with_the_keyboard_keeps_the_chain(qtbot, make_controller, timers):
    controller = make_controller(output_workshop())
    page = make_page(qtbot, AskWhyPage, controller)
    page.focus_first()
    kr_id = page.selected_kr_id
    qtbot.keyClicks(page.answer_edits[0], "To increase enterprise adoption.")
    qtbot.keyClick(page.answer_edits[0], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(page.answer_edits) == 2
    assert page.question_labels[1].text().startswith("2. Why does it matter to increase")
    assert page.answer_edits[1].hasFocus()
    qtbot.keyClicks(page.answer_edits[1], "Enterprise teams are our growth market.")
    # Tab goes on in reading order: from the new answer to "Why again?".
    qtbot.keyClick(page.answer_edits[1], Qt.Key.Key_Tab)
    assert page.why_again_button.hasFocus()
    page.answer_edits[1].setFocus()
    assert not page.measure_box.isVisible()
    qtbot.keyClick(page.answer_edits[1], Qt.Key.Key_Return,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert page.measure_box.isVisible()
    assert page.measure_question.text() == "How would we see that change in a number?"
    assert page.rewrite_edits["text"].hasFocus()
    qtbot.keyClicks(page.rewrite_edits["text"], "Increase enterprise sign-ups by 25%")
    for name, value in (("metric", "Enterprise sign-ups per quarter"), ("baseline", "120"),
                        ("target", "150"), ("unit", "sign-ups")):
        qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Tab)
        assert page.focusWidget() is page.rewrite_edits[name]
        qtbot.keyClicks(page.rewrite_edits[name], value)
    undo_before = controller.undo_stack.count()
    qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    kr = controller.get(("kr", kr_id))
    assert kr.text == "Increase enterprise sign-ups by 25%"
    assert kr.rewritten_from == "Launch v3.0 of our platform"
    assert (kr.metric, kr.baseline, kr.target, kr.unit) == \
        ("Enterprise sign-ups per quarter", "120", "150", "sign-ups")
    assert [s.answer for s in kr.why_steps] == ["To increase enterprise adoption.",
                                                "Enterprise teams are our growth market."]
    assert [(a.text, a.origin) for a in kr.actions] == \
        [("Launch v3.0 of our platform", ORIGIN_FROM_OUTPUT)]
    assert controller.undo_stack.count() == undo_before + 1
    # The queue moved on to the next output; the chain shows under "Done".
    assert page.queue_list.count() == 2
    assert page.selected_kr_id == controller.workshop.objectives[0].key_results[1].id
    assert controller.focus_item == ("kr", page.selected_kr_id)
    done = texts_of(page.done_widget)
    assert "Launch v3.0 of our platform" in done
    assert any("Increase enterprise sign-ups by 25%" in t and "120 sign-ups -> 150 sign-ups" in t
               for t in done)
    assert any("Enterprise teams are our growth market." in t for t in done)
    saved = reloaded(controller, timers).objectives[0].key_results[0]
    assert saved.rewritten_from == "Launch v3.0 of our platform"
    # One Ctrl+Z takes the whole rewrite back.
    controller.undo_stack.undo()
    kr = controller.get(("kr", kr_id))
    assert (kr.text, kr.rewritten_from, kr.actions) == ("Launch v3.0 of our platform", "", [])
    assert page.queue_list.count() == 3


def test_leaving_the_page_keeps_the_answer_and_undo_takes_back_a_why(qtbot, make_controller):
    controller = make_controller(output_workshop())
    page = make_page(qtbot, AskWhyPage, controller)
    page.focus_first()
    kr_id = page.selected_kr_id
    answer = "So that <b>R&D</b> 🚀 مرحبا gets used"
    # QTest types ASCII only; the rest arrives as an input method would deliver it.
    page.answer_edits[0].setText(answer)
    page.answer_edits[0].textEdited.emit(answer)
    page.hide()  # the facilitator moved to another stage before the pause ran out
    assert controller.get(("kr", kr_id)).why_steps[0].answer == \
        "So that <b>R&D</b> 🚀 مرحبا gets used"
    page.show()
    page.focus_first()
    page.ask_again()
    assert len(page.answer_edits) == 2
    assert page.question_labels[1].textFormat() == Qt.TextFormat.PlainText
    assert "<b>R&D</b>" in page.question_labels[1].text()
    controller.undo_stack.undo()
    assert len(controller.get(("kr", kr_id)).why_steps) == 1
    assert len(page.answer_edits) == 1
    assert page.answer_edits[0].text() == "So that <b>R&D</b> 🚀 مرحبا gets used"


def test_closing_the_window_saves_a_half_typed_answer_first(qtbot, make_controller):
    controller = make_controller(output_workshop())
    seen_at_close: list[str] = []

    class Window(QWidget):
        def closeEvent(self, event):  # noqa: N802 - Qt's name
            # What the facilitator window's own close handler would save.
            steps = controller.workshop.objectives[0].key_results[0].why_steps
            seen_at_close.append(steps[0].answer if steps else "")
            super().closeEvent(event)

    window = Window()
    qtbot.addWidget(window)
    page = AskWhyPage(controller)
    QVBoxLayout(window).addWidget(page)
    window.show()
    qtbot.waitExposed(window)
    page.focus_first()
    qtbot.keyClicks(page.answer_edits[0], "To grow adoption")
    window.close()
    assert seen_at_close == ["To grow adoption"]


def test_accept_without_a_new_text_asks_for_it(qtbot, make_controller):
    controller = make_controller(output_workshop())
    page = make_page(qtbot, AskWhyPage, controller)
    page.focus_first()
    page.go_measure()
    page.accept()
    assert page.ladder_hint.isVisible()
    assert "new key result" in page.ladder_hint.text()
    assert controller.workshop.objectives[0].key_results[0].rewritten_from == ""


def test_keep_as_it_is_needs_a_reason_and_leaves_the_queue(qtbot, make_controller):
    controller = make_controller(output_workshop())
    page = make_page(qtbot, AskWhyPage, controller)
    page.focus_first()
    assert page.next_item()
    migrate = controller.workshop.objectives[0].key_results[1]
    assert page.selected_kr_id == migrate.id
    assert not page.keep_button.isEnabled()
    page.keep_reason_edit.setFocus()
    qtbot.keyClicks(page.keep_reason_edit, "The contract with our host ends in March.")
    qtbot.keyClick(page.keep_reason_edit, Qt.Key.Key_Return)
    assert migrate.keep_reason == "The contract with our host ends in March."
    assert page.queue_list.count() == 2
    assert any("Kept as it is: Migrate 100%" in t for t in texts_of(page.done_widget))


def test_ladder_stops_at_five_whys(qtbot, make_controller):
    controller = make_controller(output_workshop())
    page = make_page(qtbot, AskWhyPage, controller)
    page.focus_first()
    for n in range(5):
        qtbot.keyClicks(page.answer_edits[-1], f"Because reason {n}.")
        qtbot.keyClick(page.answer_edits[-1], Qt.Key.Key_Return,
                       Qt.KeyboardModifier.ControlModifier)
    assert len(page.answer_edits) == 5
    assert page.measure_box.isVisible()
    assert page.rewrite_edits["text"].hasFocus()


def test_page_down_walks_the_queue(qtbot, make_controller):
    controller = make_controller(output_workshop())
    page = make_page(qtbot, AskWhyPage, controller)
    krs = controller.workshop.objectives[0].key_results
    page.focus_first()
    assert page.next_item()
    assert controller.focus_item == ("kr", krs[1].id)
    assert page.next_item()
    assert controller.focus_item == ("kr", krs[3].id)  # the outcome in between is skipped
    assert page.question_labels[0].text() == "1. Why do we want to host 5 webinars on enterprise AI?"
    assert not page.next_item()
    assert page.previous_item()
    assert controller.focus_item == ("kr", krs[1].id)


def test_ask_why_with_nothing_to_rewrite_says_so(qtbot, controller):
    page = make_page(qtbot, AskWhyPage, controller)
    assert page.queue_list.count() == 0
    assert page.queue_empty.isVisible()
    assert not page.ladder_box.isVisible()
    assert not page.next_item()
    # The worked example's three rewrites are listed with their chains.
    done = texts_of(page.done_widget)
    for original in ("Launch v3.0 of our platform", "Host 5 webinars on enterprise AI"):
        assert original in done


# -- action plan -----------------------------------------------------------------------------
def test_action_plan_shows_tasks_guidance_and_origin(qtbot, controller):
    page = make_page(qtbot, ActionPlanPage, controller)
    ws = controller.workshop
    assert len(page.rows) == len(ws.all_actions())
    for _, kr in ws.all_key_results():
        label = page.guidance_labels[kr.id]
        assert label.text() == "3 of 3-5 tasks"
        assert label.property("warn") is False
    launch = ws.objectives[0].key_results[0].actions[0]
    assert page.rows[launch.id].origin_label.isVisible()
    assert page.rows[launch.id].origin_label.text().endswith("from the output KR")
    planned = ws.objectives[0].key_results[0].actions[1]
    assert not page.rows[planned.id].origin_label.isVisible()
    assert page.rows[launch.id].owner_combo.currentText() == "Yuki Tanaka"
    assert page.rows[launch.id].deadline_edit.date() == QDate(2027, 2, 26)


def test_enter_on_the_last_task_adds_one_with_owner_and_deadline(qtbot, controller, timers):
    page = make_page(qtbot, ActionPlanPage, controller)
    kr = controller.workshop.objectives[1].key_results[0]
    last = page.rows_by_kr[kr.id][-1]
    last.text_edit.setFocus()
    qtbot.keyClick(last.text_edit, Qt.Key.Key_Return)
    assert len(kr.actions) == 4
    new_row = page.rows_by_kr[kr.id][-1]
    assert new_row.text_edit.hasFocus()
    assert page.guidance_labels[kr.id].text() == "4 of 3-5 tasks"
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
    saved = reloaded(controller, timers).objectives[1].key_results[0].actions[-1]
    assert (saved.text, saved.owner_id, saved.deadline) == \
        ("Write the onboarding FAQ", lars.id, date(2027, 3, 12))
    # Deadlines stay inside the period; below its first day is "No deadline".
    assert new_row.deadline_edit.maximumDate() == QDate(2027, 3, 31)
    new_row.deadline_edit.setDate(QDate(2026, 6, 1))
    assert action.deadline is None
    assert new_row.deadline_edit.text() == NO_DEADLINE_TEXT


def test_removing_tasks_warns_below_three_and_undo_restores(qtbot, controller):
    page = make_page(qtbot, ActionPlanPage, controller)
    kr = controller.workshop.objectives[0].key_results[1]
    removed = kr.actions[2]
    page.rows[removed.id].remove_button.click()
    label = page.guidance_labels[kr.id]
    assert label.text().startswith("2 of 3-5 tasks")
    assert label.property("warn") is True
    assert label.objectName() == "badgeWarn"
    assert any(f.code.startswith("plan.") for f in page.findings())
    controller.undo_stack.undo()
    assert [a.id for a in controller.get(("kr", kr.id)).actions][-1] == removed.id
    assert page.guidance_labels[kr.id].text() == "3 of 3-5 tasks"


def test_a_stored_deadline_outside_the_period_is_shown_not_clamped(qtbot, make_controller):
    ws = demo_workshop()
    action = ws.objectives[0].key_results[0].actions[1]
    action.deadline = date(2027, 5, 20)
    controller = make_controller(ws)
    page = make_page(qtbot, ActionPlanPage, controller)
    assert page.rows[action.id].deadline_edit.date() == QDate(2027, 5, 20)
    assert controller.get(("action", action.id)).deadline == date(2027, 5, 20)
    assert controller.undo_stack.count() == 0


def test_action_plan_page_down_walks_the_key_results(qtbot, controller):
    page = make_page(qtbot, ActionPlanPage, controller)
    ids = [kr.id for _, kr in controller.workshop.all_key_results()]
    page.focus_first()
    assert controller.focus_item == ("kr", ids[0])
    for kr_id in ids[1:]:
        assert page.next_item()
        assert controller.focus_item == ("kr", kr_id)
        assert page.rows_by_kr[kr_id][0].text_edit.hasFocus()
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


def test_action_plan_lists_a_new_participant_as_owner(qtbot, controller):
    page = make_page(qtbot, ActionPlanPage, controller)
    controller.apply("Add participant",
                     lambda ws: ws.participants.append(Participant("Nadia Haddad")))
    row = next(iter(page.rows.values()))
    assert row.owner_combo.findText("Nadia Haddad") >= 0


# -- wrap-up ---------------------------------------------------------------------------------
def test_wrap_up_summarises_the_session(qtbot, controller):
    page = make_page(qtbot, WrapUpPage, controller)
    shown = texts_of(page.summary)
    assert ("We will accelerate enterprise AI adoption as measured by increase enterprise "
            "sign-ups by 25%, reduce churn in the enterprise segment to below 5% and generate "
            "200 qualified enterprise leads through events.") in shown
    assert "3 key results · 9 actions" in shown
    assert any("Lars Berg: 4 actions" in t and "Maria Jensen: 2 actions" in t for t in shown)
    assert "Check-ins: Every Monday" in shown
    assert "Mid-period review: 15 Feb 2027" in shown
    assert "Retro: 1 Apr 2027" in shown


@pytest.fixture
def exporting(qtbot, controller, tmp_path, monkeypatch):
    page = make_page(qtbot, WrapUpPage, controller)
    asked: list[tuple[str, Path]] = []
    opened: list[Path] = []
    answers: dict[str, Path | None] = {}

    def choose(kind, suggested):
        asked.append((kind, suggested))
        return answers.get(kind, tmp_path / suggested.name)

    monkeypatch.setattr(page, "choose_path", choose)
    monkeypatch.setattr(page, "open_folder", lambda folder: opened.append(folder) or True)
    return page, asked, opened, answers


def test_pdf_export_says_where_it_went_and_opens_the_folder(exporting, tmp_path):
    page, asked, opened, _answers = exporting
    page.export_buttons["pdf"].click()
    assert asked[0][1].name == "q1-2027-okrs-enterprise-growth.pdf"
    target = tmp_path / "q1-2027-okrs-enterprise-growth.pdf"
    assert target.read_bytes().startswith(b"%PDF")
    assert page.result_label.text() == "Saved q1-2027-okrs-enterprise-growth.pdf"
    assert page.open_folder_button.isVisible()
    page.open_folder_button.click()
    assert opened == [tmp_path]
    # The next export is proposed in the same folder.
    assert page.suggested_path("md").parent == tmp_path


def test_csv_and_calendar_exports(exporting, tmp_path):
    page, _asked, _opened, answers = exporting
    answers["csv"] = tmp_path / "plan"  # no extension typed: the right one is added
    page.export("csv")
    assert (tmp_path / "plan-actions.csv").exists()
    assert page.result_label.text() == "Saved plan-actions.csv and plan-key-results.csv"
    page.export("ics")
    assert b"BEGIN:VCALENDAR" in (tmp_path / "q1-2027-okrs-enterprise-growth.ics").read_bytes()


def test_per_participant_export_writes_one_pdf_each(exporting, tmp_path):
    page, _asked, _opened, answers = exporting
    answers["participants"] = tmp_path / "people"
    files = page.export("participants")
    assert len(files) == 5
    assert all(f.parent == tmp_path / "people" and f.suffix == ".pdf" for f in files)
    assert page.result_label.text() == "Saved 5 participant PDFs in people"


def test_export_error_is_shown_in_the_page(exporting, tmp_path):
    page, _asked, _opened, answers = exporting
    answers["md"] = tmp_path / "missing-folder" / "notes.md"
    assert page.export("md") == []
    assert "does not exist" in page.result_label.text()
    assert page.result_label.property("warn") is True
    assert not page.open_folder_button.isVisible()
    answers["json"] = None  # the facilitator cancelled the dialog
    assert page.export("json") == []
    assert "does not exist" in page.result_label.text()


def test_suggested_names_are_safe_for_any_title(qtbot, make_controller):
    ws = demo_workshop()
    ws.title = 'Q2: "Støtte" <team>/../ أهداف'
    page = make_page(qtbot, WrapUpPage, make_controller(ws))
    name = page.suggested_path("pdf").name
    assert name.endswith(".pdf")
    assert not set(name) & set('/\\:"<>|?*')
    assert "støtte" in name

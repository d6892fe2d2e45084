"""The ask-why page: the queue of outputs, the why-ladder typed through the
controller's ordinary typing path, the rewrite and keeping on purpose."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from workshop.model import ORIGIN_FROM_OUTPUT, KeyResult, Objective, Workshop
from workshop.ui.pages.ask_why import AskWhyPage
from workshop.ui.session import SessionController


def texts_of(widget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel) if label.isVisible()]


def test_queue_holds_the_outputs_and_starts_the_first_ladder(qtbot, make_controller, show_page,
        outputs):
    controller = make_controller(outputs)
    page = show_page(AskWhyPage, controller)
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


def test_an_answer_is_in_the_model_as_it_is_typed_and_one_undo_step(
        qtbot, make_controller, show_page, outputs, reloaded):
    controller = make_controller(outputs)
    page = show_page(AskWhyPage, controller)
    page.focus_first()
    qtbot.keyClicks(page.answer_edits[0], "To increase enterprise adoption.")
    kr_id = page.selected_kr_id
    # No pause needed: every key press is in the model at once...
    steps = controller.get(("kr", kr_id)).why_steps
    assert [(s.question, s.answer) for s in steps] == [
        ("Why do we want to launch v3.0 of our platform?", "To increase enterprise adoption.")]
    # ... and the autosave puts it on disk: a crash now loses nothing.
    saved = reloaded(controller).objectives[0].key_results[0]
    assert saved.why_steps[0].answer == "To increase enterprise adoption."
    # The burst of typing is one undo step, not one per letter.
    controller.undo_stack.undo()
    assert controller.get(("kr", kr_id)).why_steps == []
    assert page.answer_edits[0].text() == ""


def test_ladder_rewrite_with_the_keyboard_keeps_the_chain(qtbot, make_controller, timers, show_page,
        outputs, reloaded):
    controller = make_controller(outputs)
    page = show_page(AskWhyPage, controller)
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
    saved = reloaded(controller).objectives[0].key_results[0]
    assert saved.rewritten_from == "Launch v3.0 of our platform"
    # One Ctrl+Z takes the whole rewrite back.
    controller.undo_stack.undo()
    kr = controller.get(("kr", kr_id))
    assert (kr.text, kr.rewritten_from, kr.actions) == ("Launch v3.0 of our platform", "", [])
    assert page.queue_list.count() == 3


def test_leaving_the_page_keeps_the_answer_and_undo_takes_back_a_why(qtbot, make_controller,
        show_page, outputs):
    controller = make_controller(outputs)
    page = show_page(AskWhyPage, controller)
    page.focus_first()
    kr_id = page.selected_kr_id
    answer = "So that <b>R&D</b> 🚀 مرحبا gets used"
    # QTest types ASCII only; the rest arrives as an input method would deliver it.
    page.answer_edits[0].setText(answer)
    page.answer_edits[0].textEdited.emit(answer)
    page.hide()  # the facilitator moved to another stage straight away
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


def test_closing_the_window_saves_a_half_typed_answer_first(qtbot, make_controller, outputs):
    controller = make_controller(outputs)
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


def test_accept_without_a_new_text_asks_for_it(qtbot, make_controller, show_page, outputs):
    controller = make_controller(outputs)
    page = show_page(AskWhyPage, controller)
    page.focus_first()
    page.go_measure()
    page.accept()
    assert page.ladder_hint.isVisible()
    assert "new key result" in page.ladder_hint.text()
    assert controller.workshop.objectives[0].key_results[0].rewritten_from == ""


def test_keep_as_it_is_needs_a_reason_and_leaves_the_queue(qtbot, make_controller, show_page,
        outputs):
    controller = make_controller(outputs)
    page = show_page(AskWhyPage, controller)
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


def test_ladder_stops_at_five_whys(qtbot, make_controller, show_page, outputs):
    controller = make_controller(outputs)
    page = show_page(AskWhyPage, controller)
    page.focus_first()
    for n in range(5):
        qtbot.keyClicks(page.answer_edits[-1], f"Because reason {n}.")
        qtbot.keyClick(page.answer_edits[-1], Qt.Key.Key_Return,
                       Qt.KeyboardModifier.ControlModifier)
    assert len(page.answer_edits) == 5
    assert page.measure_box.isVisible()
    assert page.rewrite_edits["text"].hasFocus()


def test_page_down_walks_the_queue(qtbot, make_controller, show_page, outputs):
    controller = make_controller(outputs)
    page = show_page(AskWhyPage, controller)
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


def test_ask_why_with_nothing_to_rewrite_says_so(qtbot, controller, show_page):
    page = show_page(AskWhyPage, controller)
    assert page.queue_list.count() == 0
    assert page.queue_empty.isVisible()
    assert not page.ladder_box.isVisible()
    assert not page.next_item()
    # The worked example's three rewrites are listed with their chains.
    done = texts_of(page.done_widget)
    for original in ("Launch v3.0 of our platform", "Host 5 webinars on enterprise AI"):
        assert original in done


def test_typing_without_a_pause_is_saved_while_the_typing_goes_on(
        qtbot, make_controller, show_page, outputs, reloaded):
    controller = make_controller(outputs)
    page = show_page(AskWhyPage, controller)
    page.focus_first()
    answer = page.answer_edits[0]
    qtbot.keyClicks(answer, "To grow")
    # The autosave runs while the room is still talking (the timer is not restarted by
    # each key), so what was typed so far is on disk before the answer is finished.
    assert reloaded(controller).objectives[0].key_results[0].why_steps[0].answer == "To grow"
    qtbot.keyClicks(answer, " enterprise adoption")
    saved = reloaded(controller).objectives[0].key_results[0]
    assert saved.why_steps[0].answer == "To grow enterprise adoption"
    controller.undo_stack.undo()
    assert controller.workshop.objectives[0].key_results[0].why_steps == []


def test_enter_on_an_answer_asks_the_next_why(qtbot, make_controller, show_page, outputs):
    controller = make_controller(outputs)
    page = show_page(AskWhyPage, controller)
    page.focus_first()
    qtbot.keyClick(page.answer_edits[0], Qt.Key.Key_Return)
    assert len(page.answer_edits) == 1  # nothing answered yet: nothing to build on
    assert "answer first" in page.ladder_hint.text()
    qtbot.keyClicks(page.answer_edits[0], "To increase enterprise adoption.")
    qtbot.keyClick(page.answer_edits[0], Qt.Key.Key_Return)
    kr = controller.get(("kr", page.selected_kr_id))
    assert [s.answer for s in kr.why_steps] == ["To increase enterprise adoption.", ""]
    assert page.question_labels[1].text() == \
        "2. Why does it matter to increase enterprise adoption?"
    assert page.answer_edits[1].hasFocus()
    assert not page.ladder_hint.isVisible()


def test_the_ladder_and_the_side_panel_ask_the_same_first_why(
        qtbot, make_controller, show_page, timers):
    ws = Workshop(objectives=[Objective("Grow the partner business", selected=True, key_results=[
        KeyResult("Launched the partner portal"), KeyResult("KR2: Migrate all partners"),
        KeyResult("")])])
    controller = make_controller(ws)
    page = show_page(AskWhyPage, controller)
    page.focus_first()
    queue = [page.queue_list.item(i).text() for i in range(page.queue_list.count())]
    assert queue == ["Launched the partner portal", "KR2: Migrate all partners"]
    assert page.question_labels[0].text() == \
        "1. Why do we want to launch the partner portal?"
    findings = page.findings()
    asked = {f.subject_id: f.question for f in findings if f.code == "kr.output"}
    portal, migrate, empty = ws.objectives[0].key_results
    assert asked[portal.id] == "Why do we want to launch the partner portal?"
    assert asked[migrate.id] == "Why do we want to migrate all partners?"
    assert not asked.get(empty.id)  # an empty row: no question about nothing
    assert page.next_item()
    assert page.question_labels[0].text() == "1. Why do we want to migrate all partners?"


# -- the rewrite drafted on the ladder is saved as it is typed ---------------------------
def one_output() -> Workshop:
    return Workshop(title="Q1", period_start=date(2027, 1, 1), period_end=date(2027, 3, 31),
                    objectives=[Objective("Grow", selected=True,
                                          key_results=[KeyResult("Launch v3.0 of our platform")])])


def test_the_draft_survives_a_restart_and_accept_clears_it(qtbot, make_controller, store,
                                                            clock, timers, show_page):
    controller = make_controller(one_output())
    page = show_page(AskWhyPage, controller)
    page.focus_first()
    page.answer_edits[0].setText("To increase enterprise adoption")
    page.answer_edits[0].textEdited.emit("To increase enterprise adoption")
    page.go_measure()
    qtbot.keyClicks(page.rewrite_edits["text"], "Increase enterprise sign-ups by 25%")
    qtbot.keyClicks(page.rewrite_edits["baseline"], "120")
    timers.fire_all()
    kr_id = controller.workshop.objectives[0].key_results[0].id
    saved = store.load(controller.workshop.id).find_key_result(kr_id)[1]
    assert saved.rewrite_draft["text"] == "Increase enterprise sign-ups by 25%"
    assert saved.rewrite_draft["baseline"] == "120"
    # Typing the draft is a few undo steps (one per field), not one per letter.
    assert controller.undo_stack.count() < 6

    # The app restarts: a new controller on what the file holds.
    reopened = SessionController(store.load(controller.workshop.id), store, clock,
                                 timer_factory=timers)
    page2 = show_page(AskWhyPage, reopened)
    page2.focus_first()
    assert page2.measure_box.isVisible()
    assert page2.rewrite_edits["text"].text() == "Increase enterprise sign-ups by 25%"
    page2.accept()
    kr = reopened.workshop.find_key_result(kr_id)[1]
    assert kr.text == "Increase enterprise sign-ups by 25%"
    assert kr.rewrite_draft == {}
    assert kr.actions[0].text == "Launch v3.0 of our platform"

"""The outcome KR drafted on the why-ladder is saved as it is typed: a crash or a
restart in the middle of a rewrite loses none of it."""

from __future__ import annotations

from datetime import date

from workshop.model import KeyResult, Objective, Workshop
from workshop.ui.pages.ask_why import AskWhyPage
from workshop.ui.session import SessionController


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

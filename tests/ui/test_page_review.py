"""The review page: six yes/no questions, comments, the "too many no" banner and what the
coach sees next to questions 2 and 4."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from workshop.method import CHECKLIST_QUESTIONS
from workshop.model import KeyResult, Objective, Workshop
from workshop.ui.pages.review import ReviewPage


@pytest.fixture
def open_page(show_page):
    return lambda controller: show_page(ReviewPage, controller)


def answers(controller) -> dict[int, bool | None]:
    return {c.question: c.answer for c in controller.workshop.checklist}


def test_first_answer_creates_the_entry_as_one_undo_step(make_controller, open_page, qtbot,
                                                          timers):
    controller = make_controller(Workshop(title="Fresh"))
    page = open_page(controller)
    assert controller.workshop.checklist == []
    qtbot.mouseClick(page._rows[2].yes_button, Qt.MouseButton.LeftButton)
    assert answers(controller) == {3: True}
    qtbot.mouseClick(page._rows[2].no_button, Qt.MouseButton.LeftButton)
    assert answers(controller) == {3: False}
    assert page._rows[2].no_button.isChecked() and not page._rows[2].yes_button.isChecked()
    timers.fire_all()
    saved = controller.store.load(controller.workshop.id)
    assert [(c.question, c.answer) for c in saved.checklist] == [(3, False)]
    controller.undo_stack.undo()
    assert answers(controller) == {3: True}
    controller.undo_stack.undo()
    assert controller.workshop.checklist == []
    assert not page._rows[2].yes_button.isChecked()


def test_pressing_the_given_answer_again_clears_it(controller, open_page, qtbot):
    page = open_page(controller)
    assert answers(controller)[1] is True
    qtbot.mouseClick(page._rows[0].yes_button, Qt.MouseButton.LeftButton)
    assert answers(controller)[1] is None
    assert not page._rows[0].yes_button.isChecked()


def test_y_and_n_keys_answer_the_focused_question(make_controller, open_page, qtbot):
    controller = make_controller(Workshop(title="Fresh"))
    page = open_page(controller)
    page.focus_first()
    qtbot.keyClick(page._rows[0].yes_button, Qt.Key.Key_Y)
    assert answers(controller) == {1: True}
    assert page.next_item() is True
    focused = page._rows[1].yes_button
    assert focused.hasFocus()
    qtbot.keyClick(focused, Qt.Key.Key_N)
    assert answers(controller) == {1: True, 2: False}
    assert page._rows[1].no_button.hasFocus()
    assert [c.question for c in controller.workshop.checklist] == [1, 2]


def test_more_than_one_no_shows_the_banner(controller, open_page, qtbot):
    page = open_page(controller)
    assert answers(controller)[4] is False  # the worked example has one "no"
    assert page.banner.isHidden()
    qtbot.mouseClick(page._rows[5].no_button, Qt.MouseButton.LeftButton)
    assert not page.banner.isHidden()
    assert "2 questions answered" in page.banner.text()
    assert "work to do" in page.banner.text()
    controller.undo_stack.undo()
    assert page.banner.isHidden()


def test_comment_is_stored_even_before_an_answer(make_controller, open_page, qtbot, timers):
    controller = make_controller(Workshop(title="Fresh"))
    page = open_page(controller)
    qtbot.keyClicks(page._rows[4].comment_edit, "Ask the support team on Monday")
    entry = controller.workshop.checklist[0]
    assert (entry.question, entry.answer, entry.comment) == (
        5, None, "Ask the support team on Monday")
    timers.fire_all()
    assert controller.store.load(controller.workshop.id).checklist[0].comment == \
        "Ask the support team on Monday"


def test_coach_view_next_to_questions_two_and_four(make_controller, open_page):
    ws = Workshop(objectives=[
        Objective("Accelerate enterprise AI adoption", selected=True, key_results=[
            KeyResult("Launch v3.0 of our platform"),
            KeyResult("Host 5 webinars on enterprise AI"),
            KeyResult("Reduce churn in the enterprise segment from 8% to below 5%"),
        ]),
        Objective("Make onboarding effortless", selected=True, key_results=[
            KeyResult("Cut time to first value from 21 to 7 days"),
            KeyResult("Raise onboarding satisfaction from 3.8 to 4.5"),
        ]),
    ])
    page = open_page(make_controller(ws))
    assert page._rows[1].coach_label.text() == \
        "Coach: 2 key results still look like an output."
    assert page._rows[3].coach_label.text().startswith(
        "Coach: 2 objectives with 5 key results in total")
    assert "lost focus" in page._rows[3].coach_label.text()
    assert page._rows[0].coach_label.isHidden()


def test_all_six_questions_are_shown_in_order(controller, open_page):
    page = open_page(controller)
    shown = [row.question_label.text() for row in page._rows]
    assert shown == [f"{n}. {q}" for n, q in enumerate(CHECKLIST_QUESTIONS, start=1)]
    assert page.summary_label.text() == "6 of 6 questions answered, 1 “no”."


def test_the_pages_read_the_coach_once_per_change_through_the_controller(
        make_controller, show_page, monkeypatch, timers):
    import workshop.coach as coach
    from workshop.ui.pages import PAGE_CLASSES

    runs: list[int] = []
    real = coach.check_workshop
    monkeypatch.setattr(coach, "check_workshop", lambda *a, **k: runs.append(1) or real(*a, **k))
    controller = make_controller()
    pages = [show_page(cls, controller) for cls in PAGE_CLASSES.values()]
    for page in pages:
        page.findings()
    assert len(runs) == 1  # one coach run serves every page
    review = next(p for p in pages if isinstance(p, ReviewPage))
    controller.workshop.objectives[0].key_results.append(KeyResult("Host 5 webinars"))
    controller.set_field(("workshop", ""), "title", "Changed")
    codes = [f.code for f in review.findings()]
    assert len(runs) == 2 and "kr.output" in codes
    for page in pages:
        page.findings()
    assert len(runs) == 2


def test_the_coach_lines_follow_the_coach_when_it_reads_the_session_again(
        make_controller, qtbot, timers):
    ws = Workshop(objectives=[Objective("Grow", selected=True, key_results=[
        KeyResult("Reduce churn in the enterprise segment from 8% to below 5%")])])
    controller = make_controller(ws)
    page = ReviewPage(controller)  # not wired to `changed`: only the coach's signal
    qtbot.addWidget(page)
    assert page._rows[1].coach_label.text() == "Coach: all 1 key results read as outcomes."
    kr = ws.objectives[0].key_results[0]
    controller.set_field(("kr", kr.id), "text", "Launch the partner portal")
    timers.fire_all()  # the debounced coach run, then findings_changed
    assert page._rows[1].coach_label.text() == \
        "Coach: 1 key result still looks like an output."


def test_the_question_under_discussion_is_the_rooms(qtbot, controller, show_page):
    from workshop.ui.pages.review import ReviewPage

    page = show_page(ReviewPage, controller)
    page.next_item()
    page.next_item()
    assert controller.room.focus_item == ("checklist", "2")

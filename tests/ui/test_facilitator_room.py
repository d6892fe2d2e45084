"""Driving the room from the facilitator window: the room's keys never type into the
client's text, the laptop can look without moving the room, and it always says what the
room sees."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
)

from workshop.demo import demo_workshop
from workshop.flows.stages import stage_by_key
from workshop.model import Participant
from workshop.ui.facilitator import FacilitatorWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(make_controller, open_facilitator):
    controller = make_controller(demo_workshop())
    window = open_facilitator(controller)
    return window


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    focus = QApplication.focusWidget()
    assert focus is not None, "nothing has the keyboard focus"
    qtbot.keyClick(focus, key, modifier)


def every_text(ws) -> list[str]:
    texts = [ws.title, ws.client, ws.context.vision, ws.context.mission, ws.context.values]
    texts += [s.text for s in ws.context.strategies] + [p.name for p in ws.participants]
    for objective in ws.objectives:
        texts.append(objective.text)
        for kr in objective.key_results:
            texts += [kr.text, kr.metric, kr.unit] + [a.text for a in kr.actions]
    return texts


def test_after_a_stage_change_the_room_keys_act_and_type_nothing(qtbot, window):
    c = window.controller
    before = every_text(c.workshop)
    press(qtbot, Qt.Key.Key_PageDown, CTRL)
    assert c.current_stage == "strategy"
    assert QApplication.focusWidget() is window.pages["strategy"]
    press(qtbot, Qt.Key.Key_Space)
    assert c.run.timer.running
    remaining = c.run.timer.remaining()
    press(qtbot, Qt.Key.Key_Plus)
    assert c.run.timer.remaining() == pytest.approx(remaining + 60, abs=1)
    press(qtbot, Qt.Key.Key_Minus)
    press(qtbot, Qt.Key.Key_B)
    assert c.room.black
    assert "BLACK" in window.monitor.badges_label.text()
    press(qtbot, Qt.Key.Key_Period)
    assert not c.room.black
    assert every_text(c.workshop) == before


def test_in_a_field_plain_keys_type_and_ctrl_keys_act_without_typing(qtbot, window):
    c = window.controller
    c.go_to_stage("strategy")
    press(qtbot, Qt.Key.Key_Return)  # Enter starts typing
    vision = window.pages["strategy"].vision_edit
    assert vision.hasFocus()
    vision.clear()
    qtbot.keyClicks(vision, "b. +")
    assert c.workshop.context.vision == "b. +"
    assert not c.room.black and not c.run.timer.running
    press(qtbot, Qt.Key.Key_Space, CTRL)
    assert c.run.timer.running
    press(qtbot, Qt.Key.Key_B, CTRL)
    assert c.room.black
    remaining = c.run.timer.remaining()
    press(qtbot, Qt.Key.Key_Equal, CTRL | SHIFT)  # five more minutes, not bigger text
    assert c.run.timer.remaining() == pytest.approx(remaining + 300, abs=1)
    assert c.workshop.context.vision == "b. +"
    press(qtbot, Qt.Key.Key_Escape)  # Esc leaves the field; the keys are the room's again
    assert not isinstance(QApplication.focusWidget(), QLineEdit | QPlainTextEdit)
    press(qtbot, Qt.Key.Key_B)
    assert not c.room.black
    assert c.workshop.context.vision == "b. +"


def test_every_room_key_answers_on_the_laptop(qtbot, window):
    press(qtbot, Qt.Key.Key_Space)
    assert window.toast.isVisible() and window.toast.text() == "Timer running"
    press(qtbot, Qt.Key.Key_Space)
    assert window.toast.text() == "Timer paused"
    press(qtbot, Qt.Key.Key_B)
    assert window.toast.text() == "Projector black"
    press(qtbot, Qt.Key.Key_T)
    assert window.toast.text() == "Projector: timer only"
    assert "TIMER ONLY" in window.monitor.badges_label.text()


def test_a_click_in_the_navigator_previews_without_moving_the_room(qtbot, window):
    c = window.controller
    c.toggle_timer()
    stages = [s.key for s in c.workshop.stages]
    row = window.nav.item(stages.index("key_results"))
    window.nav.setCurrentItem(row)  # what a click or an arrow key does
    assert window.current_page_key() == "key_results"
    assert c.current_stage == "setup" and c.run.timer.running
    assert window.preview_bar.isVisible()
    assert "The room still sees" in window.preview_label.text()
    assert stage_by_key("setup").title in window.preview_label.text()
    window.go_live_button.click()
    assert c.current_stage == "key_results" and not window.preview_bar.isVisible()
    assert window.monitor.stage_label.text() == \
        f"The room sees: {stage_by_key('key_results').title}"


def test_enter_in_the_navigator_makes_the_stage_live(qtbot, window):
    c = window.controller
    window.nav.setFocus()
    press(qtbot, Qt.Key.Key_Down)
    assert c.current_stage == "setup" and window.previewing
    press(qtbot, Qt.Key.Key_Space)  # the room's key, even on the navigator
    assert c.run.timer.running
    press(qtbot, Qt.Key.Key_Return)
    assert c.current_stage == "strategy" and not window.previewing


def test_undo_in_a_field_takes_back_the_last_session_step(qtbot, window):
    c = window.controller
    c.go_to_stage("strategy")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.keyClicks(QApplication.focusWidget(), " more")
    typed = c.workshop.context.vision
    press(qtbot, Qt.Key.Key_PageDown, CTRL)
    assert c.current_stage == "objectives"
    window.pages["objectives"].focus_first()
    press(qtbot, Qt.Key.Key_Z, CTRL)  # the stage move, not the field's letters
    assert c.current_stage == "strategy" and c.workshop.context.vision == typed
    assert window.toast.text().startswith("Undone: Go to")


def test_a_projected_finding_names_its_item_and_the_same_button_takes_it_down(
        qtbot, window):
    c = window.controller
    c.go_to_stage("key_results")
    kr = c.workshop.all_key_results()[0][1]
    c.set_field(("kr", kr.id), "text", "Launch the partner portal")
    c.refresh_findings()
    window._update_findings()
    about_a_kr = next(f for f in c.stage_findings("key_results")
                      if f.subject_id and c.workshop.find_key_result(f.subject_id))
    kr_text = c.workshop.find_key_result(about_a_kr.subject_id)[1].text
    button = dict(window.side._show_buttons)[(about_a_kr.question or about_a_kr.message,
                                              about_a_kr.subject_id)]
    button.click()
    assert c.room.finding is not None and c.room.finding.subject == kr_text
    assert "FINDING ON SCREEN" in window.monitor.badges_label.text()
    assert button.text() == "Take it down"
    button.click()
    assert c.room.finding is None and button.text() == "Show on projector"


def test_page_down_from_the_last_timed_stage_goes_on_to_the_wrap_up(qtbot, window):
    c = window.controller
    last = c.workshop.stages[-1].key
    c.go_to_stage(last)
    c.toggle_timer()
    window.next_stage()
    assert c.live_stage_key == "wrap_up" and window.current_page_key() == "wrap_up"
    assert not window.timer_label.isVisible() and not c.run.timer.running
    live_markers = [window.nav.item(i).text() for i in range(window.nav.count())
                    if window.nav.item(i).text().startswith("▶")]
    assert len(live_markers) == 1 and "Wrap-up" in live_markers[0]
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert c.live_stage_key == last


def test_stages_passed_without_the_clock_are_not_timed_never_skipped(qtbot, window):
    window.next_stage()
    window.next_stage()
    first = window.nav.item(0).text()
    assert "not timed" in first and "skipped" not in first


def test_quick_capture_adds_an_action_with_owner_and_deadline(qtbot, window, monkeypatch):
    from workshop.ui.palette import CommandPalette

    c = window.controller
    ws = c.workshop
    ws.participants.append(Participant(name="Zofia Nowak"))
    kr = ws.all_key_results()[0][1]
    c.set_focus_item(("kr", kr.id))
    shown: list[CommandPalette] = []
    monkeypatch.setattr(CommandPalette, "exec", lambda self: shown.append(self) or 0)
    press(qtbot, Qt.Key.Key_K, CTRL)
    palette = shown[0]
    assert palette.kr_choice.currentData() == kr.id
    qtbot.keyClicks(palette.query, "Zofia: call five customers by 3 May 2027")
    assert palette.list.item(0).text().startswith("Add action: Call five customers")
    before = len(kr.actions)
    qtbot.keyClick(palette.query, Qt.Key.Key_Return)
    kr = ws.find_key_result(kr.id)[1]
    assert len(kr.actions) == before + 1
    added = kr.actions[-1]
    assert (added.text, ws.participant_name(added.owner_id), added.deadline) == \
        ("Call five customers", "Zofia Nowak", date(2027, 5, 3))
    c.undo_stack.undo()
    assert len(ws.find_key_result(kr.id)[1].actions) == before


def test_the_palette_lists_every_command_with_its_key(qtbot, window, monkeypatch):
    from workshop.ui.palette import CommandPalette

    palette = CommandPalette(window.controller, window.router, window.viewed_key, window)
    qtbot.addWidget(palette)
    texts = [palette.list.item(i).text() for i in range(palette.list.count())]
    assert any(t.startswith("Black screen on the projector") and "B" in t for t in texts)
    qtbot.keyClicks(palette.query, "tim only")
    assert palette.list.currentItem().text().startswith("Timer only on the projector")
    qtbot.keyClick(palette.query, Qt.Key.Key_Return)
    assert window.controller.room.view == "timer"


def test_the_display_wakes_once_a_second_while_time_runs_and_never_while_paused(
        qtbot, make_controller, clock):
    controller = make_controller(demo_workshop())
    window = FacilitatorWindow(controller, tick_timer=True)
    qtbot.addWidget(window)
    assert not window.tick_timer.isActive()  # not started: nothing wakes
    controller.toggle_timer()
    assert window.tick_timer.isActive() and window.tick_timer.interval() <= 1005
    clock.advance(0.4)
    window.tick_timer.timeout.emit()  # the wake-up lands when the digits change
    assert 600 - 10 <= window.tick_timer.interval() <= 600 + 10
    controller.toggle_timer()
    assert not window.tick_timer.isActive()


def test_a_save_rewrites_the_navigators_changed_lines_in_place(qtbot, window, clock):
    # The navigator was cleared and refilled after every save: a millisecond or more of
    # the autosave's turn on the GUI thread, and the list's items replaced under the
    # facilitator's cursor.
    c = window.controller
    c.go_to_stage(c.workshop.stages[0].key)
    c.toggle_timer()
    items = [window.nav.item(i) for i in range(window.nav.count())]
    before = window.nav.item(0).text()
    clock.advance(3 * 60)
    assert c.save_now()
    assert [window.nav.item(i) for i in range(window.nav.count())] == items
    assert window.nav.item(0).text() != before and "3 of" in window.nav.item(0).text()


def test_pages_beyond_the_few_in_use_are_released_and_come_back_current(qtbot, window):
    # Every page visited of a large session stayed built: at ten times the large session
    # that passed the memory goal by a good margin.
    from workshop.ui.facilitator import PAGES_KEPT

    c = window.controller
    keys = [window.nav.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(window.nav.count())]
    for key in keys:
        window.show_page(key)
    assert len(window.pages) <= PAGES_KEPT + 2
    assert window.stack.count() == len(window.pages)
    assert "strategy" not in window.pages
    c.workshop.context.vision = "Every clinic books online by June"
    window.show_page("strategy")
    assert window.pages["strategy"].vision_edit.toPlainText() == c.workshop.context.vision


def test_each_coach_card_names_its_objective_and_only_the_one_shown_offers_to_come_down(
        qtbot, window):
    c = window.controller
    c.go_to_stage("objectives")
    routine = ["Keep the website up to date", "Maintain our office network",
               "Continue the weekly newsletter"]
    for objective, text in zip(c.workshop.objectives, routine, strict=False):
        c.set_field(("objective", objective.id), "text", text)
    c.refresh_findings()
    window._update_findings()
    QApplication.processEvents()  # cards added to a shown panel show on the next turn
    side = window.side
    names = [label.text() for label in side.findChildren(QLabel, "findingSubject")
             if label.isVisibleTo(side)]
    for text in routine[:len(c.workshop.objectives)]:
        assert any(text in name for name in names), (text, names)
    buttons = [b for b in side.findChildren(QPushButton)
               if b.isVisibleTo(side) and "projector" in b.text()]
    routine_buttons = [b for b in buttons
                       if any(text in b.accessibleName() for text in routine)]
    assert len(routine_buttons) >= 2
    assert len({b.accessibleName() for b in routine_buttons}) == len(routine_buttons)
    routine_buttons[1].click()
    assert c.room.finding is not None
    assert c.room.finding.subject in routine
    assert [b.text() for b in routine_buttons].count("Take it down") == 1
    assert routine_buttons[1].text() == "Take it down"


def test_the_side_panel_fits_its_cards_with_a_finding_on_screen_at_1024(
        qtbot, make_controller, app_theme):
    # The "take it down" button is wider than "Show on projector": at 1024x768 it pushed
    # the panel's text past its right edge.
    app_theme("light")  # the app's own font and padding, as in the room
    c = make_controller(demo_workshop())
    window = FacilitatorWindow(c, tick_timer=False)
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.side.width() < 250)
    c.go_to_stage("objectives")
    c.set_field(("objective", c.workshop.objectives[0].id), "text",
                "Keep the website up to date")
    c.refresh_findings()
    window._update_findings()
    QApplication.processEvents()
    window.side._show_buttons[0][1].click()
    QApplication.processEvents()
    scroll = window.side.findChild(QScrollArea)
    assert scroll.widget().minimumSizeHint().width() <= scroll.viewport().width()

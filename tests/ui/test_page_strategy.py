"""The strategy page: vision, mission, values, and strategies the objectives hang from."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from workshop.model import Workshop, validate
from workshop.ui.pages.strategy import StrategyPage, values_from_text


@pytest.fixture
def open_page(show_page):
    return lambda controller: show_page(StrategyPage, controller)


def test_no_strategy_shows_the_hint_until_one_is_written(make_controller, open_page, qtbot):
    controller = make_controller(Workshop(title="Fresh"))
    page = open_page(controller)
    assert not page.no_strategy_hint.isHidden()
    assert "objectives float" in page.no_strategy_hint.text()
    qtbot.keyClick(page.add_button, Qt.Key.Key_Space)
    row = page.strategy_rows.in_order()[0]
    assert row.text_edit.hasFocus()
    assert not page.no_strategy_hint.isHidden()  # an empty strategy states nothing yet
    qtbot.keyClicks(row.text_edit, "Own the Nordic mid-market")
    qtbot.keyClicks(row.horizon_edit, "2027-2029")
    strategy = controller.workshop.context.strategies[0]
    assert (strategy.text, strategy.horizon) == ("Own the Nordic mid-market", "2027-2029")
    assert page.no_strategy_hint.isHidden()
    # Enter in the last strategy starts the next one.
    qtbot.keyClick(row.text_edit, Qt.Key.Key_Return)
    assert len(controller.workshop.context.strategies) == 2
    assert page.strategy_rows.in_order()[1].text_edit.hasFocus()


def test_vision_and_mission_edit_and_undo(controller, open_page, qtbot, timers):
    page = open_page(controller)
    page.vision_edit.clear()
    qtbot.keyClicks(page.vision_edit, "AI for everyone")
    assert controller.workshop.context.vision == "AI for everyone"
    timers.fire_all()
    assert controller.store.load(controller.workshop.id).context.vision == "AI for everyone"
    # Clearing and typing into one field merge into a single undo step.
    controller.undo_stack.undo()
    assert controller.workshop.context.vision.startswith("Every organisation")
    assert page.vision_edit.toPlainText().startswith("Every organisation")


def test_values_are_one_per_line_and_typing_is_not_disturbed(controller, open_page, qtbot):
    page = open_page(controller)
    editor = page.values_edit
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The redraw after the edit must keep the new, still empty line.
    assert editor.toPlainText().endswith("\n")
    qtbot.keyClicks(editor, "Be kind")
    assert controller.workshop.context.values == [
        "Customers first", "Make it simple", "Learn in the open", "Be kind"]
    assert editor.toPlainText().endswith("Learn in the open\nBe kind")


def test_values_from_text_ignores_blank_lines():
    assert values_from_text("  One \n\n Two\n") == ["One", "Two"]
    assert values_from_text("") == []


def test_removing_a_strategy_unlinks_its_objectives(controller, open_page, qtbot):
    page = open_page(controller)
    ws = controller.workshop
    enterprise = ws.context.strategies[0]
    linked = [o.id for o in ws.objectives if o.strategy_id == enterprise.id]
    assert linked
    qtbot.mouseClick(page.strategy_rows.in_order()[0].remove_button, Qt.MouseButton.LeftButton)
    assert [s.id for s in controller.workshop.context.strategies] != [enterprise.id]
    assert len(page.strategy_rows.in_order()) == 1
    for objective in controller.workshop.objectives:
        if objective.id in linked:
            assert objective.strategy_id == ""
    validate(controller.workshop)
    controller.undo_stack.undo()
    assert len(page.strategy_rows.in_order()) == 2
    assert page.strategy_rows.in_order()[0].text_edit.text() == enterprise.text
    assert controller.get(("objective", linked[0])).strategy_id == enterprise.id


def test_tab_follows_reading_order_after_adding(controller, open_page, qtbot):
    page = open_page(controller)
    page.add_strategy()
    last = page.strategy_rows.in_order()[-1]
    assert page.strategy_rows.in_order()[0].remove_button.nextInFocusChain() is page.strategy_rows.in_order()[1].text_edit
    assert last.remove_button.nextInFocusChain() is page.add_button


def test_removing_a_strategy_moves_the_focus_to_its_neighbour(controller, open_page, qtbot):
    page = open_page(controller)
    first, second = page.strategy_rows.in_order()
    kept = second.key
    first.remove_button.setFocus()
    qtbot.keyClick(first.remove_button, Qt.Key.Key_Space)
    (row,) = page.strategy_rows.in_order()
    assert row.key == kept and row.text_edit.hasFocus()


def test_typing_a_strategy_keeps_its_row(controller, open_page, qtbot):
    page = open_page(controller)
    row = page.strategy_rows.in_order()[0]
    row.text_edit.setFocus()
    qtbot.keyClicks(row.text_edit, " soon")
    assert page.strategy_rows.in_order()[0] is row and row.text_edit.hasFocus()


def test_a_change_named_by_the_controller_redraws_only_that_row(controller, open_page):
    page = open_page(controller)
    first, second = controller.workshop.context.strategies
    rows = page.strategy_rows.in_order()
    first.text, second.text = "First, changed", "Second, changed"
    page.refresh("strategy", first.id)
    assert rows[0].text_edit.text() == "First, changed"
    assert rows[1].text_edit.text() != "Second, changed"  # not named: not redrawn
    page.refresh()
    assert rows[1].text_edit.text() == "Second, changed"

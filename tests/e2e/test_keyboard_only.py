"""A short workshop run with the keyboard alone, as a facilitator with a presentation
remote and no mouse would: every key goes to the widget that has the focus.

On every page, Tab must reach each visible control, and each control must have a name a
screen reader can say.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from workshop.clock import FakeClock
from workshop.model import ORIGIN_FROM_OUTPUT, Workshop
from workshop.store import Store
from workshop.ui.facilitator import FacilitatorWindow
from workshop.ui.session import SessionController

NONE = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
INTERACTIVE = (QLineEdit, QPlainTextEdit, QAbstractButton, QComboBox, QAbstractSpinBox,
               QAbstractItemView)


class Keyboard:
    """Presses keys where the focus is, and nothing else."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot

    @property
    def focus(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def key(self, key: Qt.Key, modifier=NONE, times: int = 1) -> None:
        for _ in range(times):
            self.qtbot.keyClick(self.focus, key, modifier)

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(self.focus, text)

    def tab_to(self, wanted, limit: int = 60, backwards: bool = False) -> QWidget:
        """Tab (or Shift+Tab) until `wanted(focus)` holds; fails if it never does."""
        for _ in range(limit):
            if wanted(self.focus):
                return self.focus
            self.key(Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab,
                     SHIFT if backwards else NONE)
        raise AssertionError(f"Tab never reached the control; stuck on {self.focus!r} "
                             f"({self.focus.accessibleName()!r})")

    def walk(self, limit: int = 400) -> list[QWidget]:
        """Every widget Tab visits, starting from the focus, once round the window."""
        start = self.focus
        seen: list[QWidget] = [start]
        for _ in range(limit):
            self.key(Qt.Key.Key_Tab)
            if self.focus is start:
                return seen
            if self.focus not in seen:
                seen.append(self.focus)
        trail = []
        for _ in range(30):
            self.key(Qt.Key.Key_Tab)
            trail.append(describe(self.focus))
        raise AssertionError("Tab never came back round to where it started:\n"
                             + "\n".join(trail))


def named(widget: QWidget) -> bool:
    """Has a name a screen reader can say: its accessible name, its own visible text,
    or a label that names it (buddy)."""
    if widget.accessibleName().strip():
        return True
    if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
        return True
    window = widget.window()
    return any(label.buddy() is widget and label.text().strip()
               for label in window.findChildren(QLabel))


def controls_on(page: QWidget) -> list[QWidget]:
    """The visible, enabled controls a facilitator could use on the page."""
    found = []
    for widget in page.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or not widget.isVisible():
            continue
        if not widget.isEnabled() or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        # The line edit inside a combo box or a date field is part of that control, and
        # so is the list a combo box pops up.
        if any(isinstance(a, (QComboBox, QAbstractSpinBox)) for a in ancestors(widget)):
            continue
        found.append(widget)
    return found


def ancestors(widget: QWidget) -> list[QWidget]:
    found = []
    parent = widget.parentWidget()
    while parent is not None:
        found.append(parent)
        parent = parent.parentWidget()
    return found


def describe(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, (QAbstractButton, QLineEdit)) else ""
    return (f"{type(widget).__name__} {widget.objectName()!r} "
            f"name={widget.accessibleName()!r} text={text!r}")


def check_page(keyboard: Keyboard, window: FacilitatorWindow, key: str,
               report: dict[str, list[str]]) -> None:
    """Tab round the window from the page's first field; note what was not reached and
    what has no name. The window's own controls (timer, stages, side panel) count too."""
    page = window.pages[key]
    assert window.current_page_key() == key
    reached = keyboard.walk()
    controls = controls_on(page) + [w for w in controls_on(window)
                                    if not window.stack.isAncestorOf(w)]
    assert len(controls) > 4
    missing = [describe(w) for w in controls if w not in reached]
    unnamed = [describe(w) for w in controls if not named(w)]
    report[key] = [f"not reached by Tab: {m}" for m in missing] + \
        [f"no accessible name: {u}" for u in unnamed]


def test_a_short_workshop_with_the_keyboard_alone(qtbot, tmp_path, open_facilitator):
    store = Store.open(tmp_path / "workshops.db")
    ws = Workshop(title="Q2 2027 OKRs: Support team", client="Kommune Nord",
                  period_label="Q2 2027", period_start=date(2027, 4, 1),
                  period_end=date(2027, 6, 30), agenda_template="90min")
    store.save(ws)
    clock = FakeClock()
    controller = SessionController(store.load(ws.id), store, clock)
    window = open_facilitator(controller)
    kb = Keyboard(qtbot)
    report: dict[str, list[str]] = {}
    ws = controller.workshop

    # -- set-up: the window opens with the keyboard on the page; Space starts the timer --
    setup = window.pages["setup"]
    assert kb.focus is setup
    kb.key(Qt.Key.Key_Space)
    assert controller.run.timer.running
    kb.tab_to(lambda w: w is setup.add_participant_button)
    kb.key(Qt.Key.Key_Return)  # Space belongs to the room; Enter presses a button
    kb.type("Maria Jensen")
    kb.key(Qt.Key.Key_Tab)
    kb.type("Head of support")
    kb.key(Qt.Key.Key_Return)
    kb.type("Yuki Tanaka")
    assert [p.name for p in ws.participants] == ["Maria Jensen", "Yuki Tanaka"]
    check_page(kb, window, "setup", report)
    clock.advance(240)
    kb.key(Qt.Key.Key_PageDown)
    assert controller.current_stage == "strategy"

    # -- strategy -----------------------------------------------------------------------
    strategy = window.pages["strategy"]
    assert kb.focus is strategy  # nothing types into the client's text by accident
    kb.key(Qt.Key.Key_Return)
    assert kb.focus is strategy.vision_edit
    kb.type("Every customer helped the first time they ask")
    kb.tab_to(lambda w: w is strategy.add_button)
    kb.key(Qt.Key.Key_Return)
    kb.type("Make self-service the default")
    assert [s.text for s in ws.context.strategies] == ["Make self-service the default"]
    check_page(kb, window, "strategy", report)
    kb.key(Qt.Key.Key_PageDown)
    assert controller.current_stage == "objectives"

    # -- objectives: one candidate, a vote, kept, linked ---------------------------------
    objectives = window.pages["objectives"]
    assert kb.focus is objectives
    kb.key(Qt.Key.Key_Return)
    assert kb.focus is objectives.add_button
    kb.key(Qt.Key.Key_Return)
    kb.type("Make first-contact resolution the norm")
    kb.key(Qt.Key.Key_Up, CTRL, times=3)  # three dots
    row = objectives._rows[0]
    kb.tab_to(lambda w: w is row.keep_box)
    kb.key(Qt.Key.Key_Return)
    kb.key(Qt.Key.Key_Tab)
    assert kb.focus is row.strategy_combo
    kb.key(Qt.Key.Key_Down)
    objective = ws.objectives[0]
    assert (objective.votes, objective.selected) == (3, True)
    assert ws.strategy(objective.strategy_id).text == "Make self-service the default"
    check_page(kb, window, "objectives", report)
    kb.key(Qt.Key.Key_PageDown)
    assert controller.current_stage == "key_results"

    # -- key results: Ctrl+Enter adds one; an output, on purpose -------------------------
    kr_page = window.pages["key_results"]
    kb.key(Qt.Key.Key_Return)  # into the page, then Ctrl+Enter adds a key result
    kb.key(Qt.Key.Key_Return, CTRL)
    kb.type("Host 4 customer webinars")
    kr = ws.objectives[0].key_results[0]
    assert kr_page.rows[kr.id].badge.text() == "OUTPUT"
    check_page(kb, window, "key_results", report)
    kb.key(Qt.Key.Key_PageDown)
    assert controller.current_stage == "ask_why"

    # -- ask why: answer, Ctrl+Shift+Enter to measure, the rewrite, Ctrl+Enter accepts ---
    why = window.pages["ask_why"]
    kb.key(Qt.Key.Key_Return)
    assert kb.focus is why.answer_edits[0]
    kb.type("To generate qualified leads from existing customers")
    kb.key(Qt.Key.Key_Return, CTRL | SHIFT)
    assert kb.focus is why.rewrite_edits["text"]
    for value in ("Generate 150 qualified leads from webinar attendees", "Qualified leads",
                  "0", "150", "leads"):
        kb.type(value)
        kb.key(Qt.Key.Key_Tab)
    check_page(kb, window, "ask_why", report)
    kb.tab_to(lambda w: w is why.rewrite_edits["unit"])
    kb.key(Qt.Key.Key_Return, CTRL)
    kr = ws.objectives[0].key_results[0]
    assert kr.rewritten_from == "Host 4 customer webinars"
    assert kr.text == "Generate 150 qualified leads from webinar attendees"
    kb.key(Qt.Key.Key_PageDown)
    assert controller.current_stage == "review"

    # -- review: Y on each question, Tab to the next ------------------------------------
    review = window.pages["review"]
    kb.key(Qt.Key.Key_Return)
    for number in range(1, 7):
        assert kb.focus is review._rows[number - 1].yes_button
        kb.key(Qt.Key.Key_Y)
        if number < 6:
            kb.key(Qt.Key.Key_Tab, times=3)
    assert all(c.answer is True for c in ws.checklist) and len(ws.checklist) == 6
    kb.tab_to(lambda w: w is review._rows[0].yes_button)
    check_page(kb, window, "review", report)
    kb.key(Qt.Key.Key_PageDown, times=6)
    assert controller.current_stage == "action_plan"

    # -- action plan: the output's task gets an owner and a deadline; one task more -----
    plan = window.pages["action_plan"]
    task = kr.actions[0]
    assert task.origin == ORIGIN_FROM_OUTPUT
    kb.key(Qt.Key.Key_Return)
    assert kb.focus is plan.rows[task.id].text_edit
    kb.key(Qt.Key.Key_Tab)
    kb.key(Qt.Key.Key_Down)  # the first person
    kb.key(Qt.Key.Key_Tab)
    kb.key(Qt.Key.Key_Up)  # from "No deadline" to the period's first day
    kb.key(Qt.Key.Key_Up, times=2)  # two days later
    assert (ws.participant_name(task.owner_id), task.deadline) == \
        ("Maria Jensen", date(2027, 4, 3))
    kb.tab_to(lambda w: w is plan.add_buttons[kr.id])
    kb.key(Qt.Key.Key_Return)
    kb.type("Invite last year's attendees")
    kb.key(Qt.Key.Key_Tab)
    kb.key(Qt.Key.Key_Down, times=2)
    second = kr.actions[1]
    assert (second.text, ws.participant_name(second.owner_id)) == \
        ("Invite last year's attendees", "Yuki Tanaka")
    kb.tab_to(lambda w: w is plan.rows[task.id].text_edit, backwards=True)
    check_page(kb, window, "action_plan", report)
    kb.key(Qt.Key.Key_PageDown, times=3)
    assert window.current_page_key() == "wrap_up"
    check_page(kb, window, "wrap_up", report)
    # The retro page is not a timed stage: the stage list opens it (Tab there, End, Enter).
    kb.tab_to(lambda w: w is window.nav)
    kb.key(Qt.Key.Key_End)
    kb.key(Qt.Key.Key_Return)
    assert window.current_page_key() == "retro"
    check_page(kb, window, "retro", report)

    # Every timed stage was visited; the set-up took its four minutes.
    assert [s.state for s in ws.stages][:-1] == ["done"] * (len(ws.stages) - 1)
    assert abs(controller.run.actual_seconds("setup") - 240) < 1
    gaps = {k: v for k, v in report.items() if v}
    assert not gaps, "\n".join(f"{k}: {line}" for k, v in gaps.items() for line in v)
    window.close()
    store.close()

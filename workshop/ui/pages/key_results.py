"""The key results stage: per chosen objective, its key results with metric, from, to,
unit and direction, and the coach's verdict (output or outcome) on each as it is typed."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from workshop import coach, edits
from workshop.coach.checks import MAX_KRS_PER_OBJECTIVE
from workshop.model import KeyResult, Objective, Workshop, objective_statement
from workshop.ui.pages.base import StagePage
from workshop.ui.pages.common import (
    FocusWatcher,
    add_shown,
    clear_layout,
    emphasise,
    mute,
    plain_label,
    set_style_state,
    sync_label,
    sync_line_edit,
)
from workshop.ui.session import SessionController
from workshop.ui.widgets.badge import KindBadge

DIRECTION_LABELS: tuple[tuple[str, str], ...] = (
    ("", "Direction: not set"),
    ("increase", "Increase"),
    ("decrease", "Decrease"),
    ("reach", "Reach"),
    ("stay_above", "Stay above"),
    ("stay_below", "Stay below"),
)


# -- one key result ------------------------------------------------------------------------
class KeyResultRow(QFrame):
    """The editor for one key result: its fields, the coach's badge and reason line."""

    def __init__(self, page: KeyResultsPage, kr: KeyResult, number: int) -> None:
        super().__init__()
        self.page = page
        self.kr_id = kr.id
        self.setObjectName("krRow")
        self._assessed_key: tuple[str, ...] | None = None
        self.reason = ""

        grid = QGridLayout(self)
        grid.setContentsMargins(6, 6, 6, 6)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)

        self.text_edit = QLineEdit()
        self.text_edit.setObjectName("krText")
        self.text_edit.setPlaceholderText("Key result, e.g. Raise first-contact resolution "
                                          "from 61% to 75%")
        self.text_edit.setAccessibleName(f"Key result {number}")
        self.text_edit.setToolTip("What will tell us the objective is happening? "
                                  "Ctrl+Enter adds another key result.")
        self.badge = KindBadge()
        self.remove_button = QPushButton("Remove")
        self.remove_button.setObjectName("removeButton")
        self.remove_button.setAccessibleName(f"Remove key result {number}")
        self.remove_button.setToolTip("Remove this key result (Ctrl+Shift+Delete; "
                                      "Ctrl+Z brings it back)")
        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(self.text_edit, 1)
        top.addWidget(self.badge)
        top.addWidget(self.remove_button)
        grid.addLayout(top, 0, 0, 1, 10)

        self.metric_edit = self._field("Metric", "What we count, e.g. first-contact "
                                                 "resolution rate", number)
        self.baseline_edit = self._field("From", "Today's value (\"unknown\" is honest)",
                                         number)
        self.target_edit = self._field("To", "The value we aim for by the period's end",
                                       number)
        self.unit_edit = self._field("Unit", "%, days, leads, ...", number)
        self.direction_combo = QComboBox()
        self.direction_combo.setObjectName("krDirection")
        for value, label in DIRECTION_LABELS:
            self.direction_combo.addItem(label, value)
        self.direction_combo.setAccessibleName(f"Direction of key result {number}")
        self.direction_combo.setToolTip("Which way the number should move")
        self.direction_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToContents)

        column = 0
        for caption, edit, stretch in (("Metric", self.metric_edit, 4),
                                       ("From", self.baseline_edit, 1),
                                       ("To", self.target_edit, 1),
                                       ("Unit", self.unit_edit, 1)):
            label = QLabel(caption)
            label.setObjectName("fieldCaption")
            label.setBuddy(edit)
            grid.addWidget(label, 1, column)
            grid.addWidget(edit, 1, column + 1)
            grid.setColumnStretch(column + 1, stretch)
            column += 2
        grid.addWidget(self.direction_combo, 1, column, 1, 2)

        # The theme's warning style; the words say it is the coach speaking.
        self.reason_label = plain_label(object_name="badgeWarn")
        self.reason_label.setAccessibleName(f"Coach on key result {number}")
        self.reason_label.hide()
        grid.addWidget(self.reason_label, 2, 0, 1, 10)

        self.text_edit.textEdited.connect(lambda value: self._edit("text", value))
        self.metric_edit.textEdited.connect(lambda value: self._edit("metric", value))
        self.baseline_edit.textEdited.connect(lambda value: self._edit("baseline", value))
        self.target_edit.textEdited.connect(lambda value: self._edit("target", value))
        self.unit_edit.textEdited.connect(lambda value: self._edit("unit", value))
        self.direction_combo.activated.connect(self._direction_chosen)
        self.remove_button.clicked.connect(lambda: page.remove_key_result(self.kr_id))
        remove_shortcut = QShortcut(QKeySequence("Ctrl+Shift+Delete"), self)
        remove_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        remove_shortcut.activated.connect(lambda: page.remove_key_result(self.kr_id))

        # Tab walks the fields first and reaches "Remove" last, not right after the text.
        chain = (self.text_edit, self.metric_edit, self.baseline_edit, self.target_edit,
                 self.unit_edit, self.direction_combo, self.remove_button)
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        for widget in chain:
            page.focus_watcher.watch(widget, self.kr_id)
        self.sync(kr)

    def _field(self, name: str, tip: str, number: int) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(f"kr{name}")
        edit.setPlaceholderText(name)
        edit.setAccessibleName(f"{name} of key result {number}")
        edit.setToolTip(tip)
        edit.setMinimumWidth(80 if name in ("Unit", "Metric") else 48)
        return edit

    def _edit(self, field: str, value: str) -> None:
        address = ("kr", self.kr_id)
        self.page.controller.set_field(address, field, value)
        try:
            self.sync(self.page.controller.get(address))
        except KeyError:
            pass

    def _direction_chosen(self, index: int) -> None:
        self._edit("direction", str(self.direction_combo.itemData(index) or ""))

    def sync(self, kr: KeyResult) -> None:
        """Show `kr` as the model has it, and the coach's verdict on it."""
        sync_line_edit(self.text_edit, kr.text)
        sync_line_edit(self.metric_edit, kr.metric)
        sync_line_edit(self.baseline_edit, kr.baseline)
        sync_line_edit(self.target_edit, kr.target)
        sync_line_edit(self.unit_edit, kr.unit)
        index = self.direction_combo.findData(kr.direction)
        if index >= 0 and index != self.direction_combo.currentIndex():
            self.direction_combo.setCurrentIndex(index)
        self._assess(kr)

    def _assess(self, kr: KeyResult) -> None:
        key = (kr.text, kr.metric, kr.baseline, kr.target, kr.unit, kr.direction)
        if key == self._assessed_key:
            return  # the coach's verdict only changes with the fields
        self._assessed_key = key
        if not kr.text.strip():
            self.badge.set_kind("")
            self.reason = ""
        else:
            assessment = coach.assess_kr(kr.text, kr)
            self.badge.set_kind(assessment.kind)
            self.reason, full = _reason(assessment.findings)
            self.reason_label.setToolTip(full)
        sync_label(self.reason_label, f"Coach: {self.reason}" if self.reason else "")
        self.reason_label.setVisible(bool(self.reason))
        set_style_state(self, "flagged", bool(self.reason))


def _reason(findings: tuple) -> tuple[str, str]:
    """The one line under a flagged row (the first sentence of the first warning, with
    the why question when there is one) and the full advice for its tooltip."""
    for finding in findings:
        if finding.severity != "warn":
            continue
        first = re.split(r"(?<=[.!?])\s", finding.message.strip(), maxsplit=1)[0]
        line = f"{first} Ask: {finding.question}" if finding.question else first
        full = f"{finding.message} {finding.question}".strip()
        return line, full
    return "", ""


# -- the page --------------------------------------------------------------------------------
class KeyResultsPage(StagePage):
    """Key results per chosen objective, judged by the coach as they are typed."""

    stage_key = "key_results"
    heading = "Key results"

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.focus_watcher = FocusWatcher(self._focused_on, self)
        self.rows: dict[str, KeyResultRow] = {}
        self.add_buttons: dict[str, QPushButton] = {}
        self.focus_labels: dict[str, QLabel] = {}
        self.statement_labels: dict[str, QLabel] = {}
        self.current_kr_id = ""
        self._structure: tuple | None = None
        self.content = QWidget()
        self.content_layout = QVBoxLayout(self.content)
        self.content_layout.setContentsMargins(0, 0, 0, 0)
        self.content_layout.setSpacing(16)
        self.body_layout.addWidget(self.content)
        self.body_layout.addStretch(1)
        self.refresh()

    # -- drawing -----------------------------------------------------------------------------
    def _structure_of(self, ws: Workshop) -> tuple:
        return tuple((o.id, o.text, tuple(kr.id for kr in o.key_results))
                     for o in ws.selected_objectives())

    def refresh(self) -> None:
        """Redraw from the model; rebuild only when objectives or key results came or went."""
        ws = self.controller.workshop
        structure = self._structure_of(ws)
        if structure != self._structure:
            self._rebuild(ws)
            self._structure = structure
        for objective in ws.selected_objectives():
            for kr in objective.key_results:
                row = self.rows.get(kr.id)
                if row is not None:
                    row.sync(kr)
            self._sync_objective(objective)

    def _rebuild(self, ws: Workshop) -> None:
        had_focus = self.content.isAncestorOf(self.focusWidget()) if self.focusWidget() else False
        clear_layout(self.content_layout)
        self.rows.clear()
        self.add_buttons.clear()
        self.focus_labels.clear()
        self.statement_labels.clear()
        objectives = ws.selected_objectives()
        if not objectives:
            add_shown(self.content_layout, plain_label(
                "No objectives yet. Draft the objectives first; their key results are "
                "written here.", "emptyHint"))
            return
        number = 0
        for objective in objectives:
            block = QFrame()
            block.setObjectName("objectiveBlock")
            layout = QVBoxLayout(block)
            layout.setContentsMargins(8, 8, 8, 8)
            layout.setSpacing(6)
            title = plain_label(objective.text or "(objective without a text)",
                                "objectiveTitle")
            title.setAccessibleName("Objective")
            emphasise(title, scale=1.15)
            layout.addWidget(title)
            focus_label = plain_label(object_name="badgeWarn")
            focus_label.setProperty("warn", True)
            focus_label.setAccessibleName("Focus warning")
            focus_label.hide()
            layout.addWidget(focus_label)
            self.focus_labels[objective.id] = focus_label
            for kr in objective.key_results:
                number += 1
                row = KeyResultRow(self, kr, number)
                self.rows[kr.id] = row
                layout.addWidget(row)
            add_button = QPushButton("+ Add key result")
            add_button.setObjectName("addButton")
            add_button.setAccessibleName(f"Add a key result to {objective.text[:60]}")
            add_button.setToolTip("Add a key result to this objective (Ctrl+Enter)")
            add_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            objective_id = objective.id
            add_button.clicked.connect(lambda _=False, oid=objective_id: self.add_key_result(oid))
            layout.addWidget(add_button)
            self.add_buttons[objective.id] = add_button
            add_shortcut = QShortcut(QKeySequence("Ctrl+Return"), block)
            add_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            add_shortcut.activated.connect(lambda oid=objective_id: self.add_key_result(oid))
            add_enter = QShortcut(QKeySequence("Ctrl+Enter"), block)
            add_enter.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            add_enter.activated.connect(lambda oid=objective_id: self.add_key_result(oid))
            statement = mute(plain_label(object_name="statement"))
            statement.setAccessibleName("The objective as one sentence")
            layout.addWidget(statement)
            self.statement_labels[objective.id] = statement
            add_shown(self.content_layout, block)
        if had_focus and self.current_kr_id in self.rows:
            self.rows[self.current_kr_id].text_edit.setFocus()

    def _sync_objective(self, objective: Objective) -> None:
        count = len(objective.key_results)
        label = self.focus_labels.get(objective.id)
        if label is not None:
            if count > MAX_KRS_PER_OBJECTIVE:
                sync_label(label, f"{count} key results: more than {MAX_KRS_PER_OBJECTIVE} "
                                  f"blurs the focus. Which {MAX_KRS_PER_OBJECTIVE} matter "
                                  "most?")
            label.setVisible(count > MAX_KRS_PER_OBJECTIVE)
        statement = self.statement_labels.get(objective.id)
        if statement is not None:
            sync_label(statement, objective_statement(objective) if objective.key_results
                       else "")
            statement.setVisible(bool(objective.key_results))

    # -- edits -------------------------------------------------------------------------------
    def add_key_result(self, objective_id: str) -> str:
        """Add an empty key result to the objective, focus it, and return its id."""
        kr_id = self.controller.edit(edits.add_key_result, objective_id)
        self.refresh()
        if kr_id in self.rows:
            self._go_to(kr_id)
        return kr_id

    def remove_key_result(self, kr_id: str) -> None:
        """Remove a key result (with its actions); Ctrl+Z brings it back."""
        ids = self.kr_ids()
        if kr_id not in ids:
            return
        neighbour = ids[ids.index(kr_id) - 1] if ids.index(kr_id) > 0 else ""
        self.controller.edit(edits.remove_key_result, kr_id)
        if self.current_kr_id == kr_id:
            self.current_kr_id = ""
        self.refresh()
        if neighbour in self.rows:
            self._go_to(neighbour)
        else:
            self.focus_first()

    # -- moving around -----------------------------------------------------------------------
    def kr_ids(self) -> list[str]:
        """The key results on the page, in reading order."""
        return [kr.id for _, kr in self.controller.workshop.all_key_results()]

    def _focused_on(self, kr_id: str) -> None:
        if kr_id != self.current_kr_id:
            self.current_kr_id = kr_id
            self.controller.set_focus_item(("kr", kr_id))

    def _go_to(self, kr_id: str) -> None:
        row = self.rows[kr_id]
        self.current_kr_id = kr_id
        self.controller.set_focus_item(("kr", kr_id))
        row.text_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.scroll_area.ensureWidgetVisible(row)

    # PageDown steps through the key results.
    def item_keys(self) -> list:
        return [i for i in self.kr_ids() if i in self.rows]

    def current_item(self) -> object | None:
        return self.current_kr_id

    def go_to_item(self, key: object) -> None:
        self._go_to(str(key))

    def focus_first(self) -> None:
        ids = [i for i in self.kr_ids() if i in self.rows]
        if ids:
            self._go_to(ids[0])
        elif self.add_buttons:
            next(iter(self.add_buttons.values())).setFocus()

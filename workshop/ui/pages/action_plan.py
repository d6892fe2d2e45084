"""The action-planning stage: per key result its first three to five tasks, each with one
owner and a deadline inside the period. The outputs the ask-why stage turned into actions
are already there, marked as coming from the output key result."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
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

from workshop import edits
from workshop.coach.checks import MAX_ACTIONS, MIN_ACTIONS
from workshop.model import ORIGIN_FROM_OUTPUT, Action, KeyResult, Workshop
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

NO_DEADLINE_TEXT = "No deadline"
NO_OWNER_TEXT = "No owner"
FAR_PAST = date(2000, 1, 1)
FAR_FUTURE = date(2099, 12, 31)


def task_guidance(count: int) -> tuple[str, bool]:
    """The line under a key result's tasks, and whether it is outside the 3-5 guidance."""
    text = f"{count} of {MIN_ACTIONS}-{MAX_ACTIONS} tasks"
    if count < MIN_ACTIONS:
        missing = MIN_ACTIONS - count
        return f"{text}: {missing} more to get going", True
    if count > MAX_ACTIONS:
        return f"{text}: the first few are enough, the rest appear as work goes", True
    return text, False


def deadline_range(ws: Workshop, deadline: date | None) -> tuple[date, date]:
    """(lowest real date, highest date) a deadline field offers: the period when set,
    widened to show a stored deadline that lies outside it rather than clamp it."""
    low = ws.period_start or FAR_PAST
    high = ws.period_end or FAR_FUTURE
    if high < low:
        low, high = high, low
    if deadline is not None:
        low, high = min(low, deadline), max(high, deadline)
    return low, high


class DeadlineEdit(QDateEdit):
    """A date field with a "No deadline" value just below the first allowed day."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("d MMM yyyy")
        self.setSpecialValueText(NO_DEADLINE_TEXT)

    def set_range(self, low: date, high: date) -> None:
        self.setDateRange(QDate(low - timedelta(days=1)), QDate(high))

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt's names
        # Qt's date field spends Tab on its day, month and year parts, and while it shows
        # "No deadline" it has no parts to leave from: Tab stayed in the field for good.
        # Tab goes to the next control; Left and Right still move between the parts.
        return QWidget.focusNextPrevChild(self, next)

    def stepBy(self, steps: int) -> None:  # noqa: N802 - Qt's name
        # Qt cannot step away from the special "No deadline" text (it parses the words as
        # a date and fails), so the first step up lands on the period's first day here.
        if self.date() == self.minimumDate() and steps > 0:
            self.setDate(self.minimumDate().addDays(steps))
            self.setCurrentSection(QDateEdit.Section.DaySection)
            return
        super().stepBy(steps)

    def deadline(self) -> date | None:
        """The chosen day, or None for "No deadline"."""
        if self.date() == self.minimumDate():
            return None
        return self.date().toPython()

    def show_deadline(self, value: date | None) -> None:
        """Show `value` without reporting it back as an edit."""
        wanted = self.minimumDate() if value is None else QDate(value)
        if self.date() != wanted:
            self.blockSignals(True)
            self.setDate(wanted)
            self.blockSignals(False)


class ActionRow(QWidget):
    """One task: text, owner, deadline, and where it came from."""

    def __init__(self, page: ActionPlanPage, kr_id: str, action: Action, number: int) -> None:
        super().__init__()
        self.page = page
        self.kr_id = kr_id
        self.action_id = action.id
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(1)
        layout = QHBoxLayout()
        layout.setSpacing(6)
        outer.addLayout(layout)

        # Under the task, so the task columns stay aligned from row to row.
        self.origin_label = mute(plain_label("\u2191 from the output KR", "originTag"))
        self.origin_label.setToolTip("This was the output key result before the room asked "
                                     "why; now it is one of the tasks.")
        self.origin_label.setAccessibleName("Came from the output key result")
        self.origin_label.setVisible(action.origin == ORIGIN_FROM_OUTPUT)
        self.text_edit = QLineEdit()
        self.text_edit.setObjectName("actionText")
        self.text_edit.setPlaceholderText("A first task, e.g. Call three customers")
        self.text_edit.setAccessibleName(f"Task {number}")
        self.text_edit.setToolTip("What we do first. Enter on the last task adds another one.")
        self.owner_combo = QComboBox()
        self.owner_combo.setObjectName("actionOwner")
        self.owner_combo.setAccessibleName(f"Owner of task {number}")
        self.owner_combo.setToolTip("Exactly one owner per task")
        self.owner_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.owner_combo.setMinimumContentsLength(12)
        self.deadline_edit = DeadlineEdit()
        self.deadline_edit.setObjectName("actionDeadline")
        self.deadline_edit.setAccessibleName(f"Deadline of task {number}")
        self.deadline_edit.setToolTip("A day inside the period; arrow keys step, the first "
                                      "step down is \"No deadline\"")
        self.remove_button = QPushButton("Remove")
        self.remove_button.setObjectName("removeButton")
        self.remove_button.setAccessibleName(f"Remove task {number}")
        self.remove_button.setToolTip("Remove this task (Ctrl+Shift+Delete; Ctrl+Z brings "
                                      "it back)")

        layout.addWidget(self.text_edit, 1)
        layout.addWidget(self.owner_combo)
        layout.addWidget(self.deadline_edit)
        layout.addWidget(self.remove_button)
        self.origin_label.setContentsMargins(6, 0, 0, 0)
        outer.addWidget(self.origin_label)

        self.text_edit.textEdited.connect(lambda value: self._edit("text", value))
        self.text_edit.returnPressed.connect(lambda: page.enter_in_task(self))
        self.owner_combo.activated.connect(self._owner_chosen)
        self.deadline_edit.dateChanged.connect(
            lambda _d: self._edit("deadline", self.deadline_edit.deadline()))
        self.remove_button.clicked.connect(lambda: page.remove_action(self.action_id))
        shortcut = QShortcut(QKeySequence("Ctrl+Shift+Delete"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(lambda: page.remove_action(self.action_id))
        for widget in (self.text_edit, self.owner_combo, self.deadline_edit,
                       self.remove_button):
            page.focus_watcher.watch(widget, kr_id)

    def _edit(self, field: str, value: object) -> None:
        self.page.controller.set_field(("action", self.action_id), field, value)

    def _owner_chosen(self, index: int) -> None:
        self._edit("owner_id", str(self.owner_combo.itemData(index) or ""))

    def fill_owners(self, people: list[tuple[str, str]]) -> None:
        self.owner_combo.blockSignals(True)
        self.owner_combo.clear()
        self.owner_combo.addItem(NO_OWNER_TEXT, "")
        for person_id, name in people:
            self.owner_combo.addItem(name or "(no name)", person_id)
        self.owner_combo.blockSignals(False)

    def sync(self, ws: Workshop, action: Action) -> None:
        sync_line_edit(self.text_edit, action.text)
        index = self.owner_combo.findData(action.owner_id)
        if index < 0:
            # An owner who left the participant list: say so rather than pretend.
            self.owner_combo.addItem("(unknown person)", action.owner_id)
            index = self.owner_combo.count() - 1
        if index != self.owner_combo.currentIndex():
            self.owner_combo.blockSignals(True)
            self.owner_combo.setCurrentIndex(index)
            self.owner_combo.blockSignals(False)
        low, high = deadline_range(ws, action.deadline)
        if (self.deadline_edit.minimumDate().toPython() + timedelta(days=1) != low
                or self.deadline_edit.maximumDate().toPython() != high):
            self.deadline_edit.blockSignals(True)
            self.deadline_edit.set_range(low, high)
            self.deadline_edit.blockSignals(False)
        self.deadline_edit.show_deadline(action.deadline)
        self.origin_label.setVisible(action.origin == ORIGIN_FROM_OUTPUT)


class ActionPlanPage(StagePage):
    """First tasks per key result, with owner and deadline."""

    stage_key = "action_plan"
    heading = "Action plan"

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.focus_watcher = FocusWatcher(self._focused_on, self)
        self.rows: dict[str, ActionRow] = {}
        self.rows_by_kr: dict[str, list[ActionRow]] = {}
        self.kr_blocks: dict[str, QFrame] = {}
        self.guidance_labels: dict[str, QLabel] = {}
        self.add_buttons: dict[str, QPushButton] = {}
        self.current_kr_id = ""
        self._structure: tuple | None = None
        self.content = QWidget()
        self.content_layout = QVBoxLayout(self.content)
        self.content_layout.setContentsMargins(0, 0, 0, 0)
        self.content_layout.setSpacing(14)
        self.body_layout.addWidget(self.content)
        self.body_layout.addStretch(1)
        self.refresh()

    # -- drawing -----------------------------------------------------------------------------
    def _structure_of(self, ws: Workshop) -> tuple:
        return (
            tuple((p.id, p.name) for p in ws.participants),
            tuple((o.id, o.text, tuple((kr.id, kr.text, tuple(a.id for a in kr.actions))
                                       for kr in o.key_results))
                  for o in ws.selected_objectives()),
        )

    def refresh(self) -> None:
        """Redraw from the model; rebuild only when tasks, key results or people changed."""
        ws = self.controller.workshop
        structure = self._structure_of(ws)
        if structure != self._structure:
            self._rebuild(ws)
            self._structure = structure
        for _objective, kr in ws.all_key_results():
            for action in kr.actions:
                row = self.rows.get(action.id)
                if row is not None:
                    row.sync(ws, action)
            self._sync_guidance(kr)

    def _rebuild(self, ws: Workshop) -> None:
        focused = self.focusWidget()
        focused_action = next((a for a, r in self.rows.items() if r.isAncestorOf(focused)),
                              "") if focused else ""
        clear_layout(self.content_layout)
        self.rows.clear()
        self.rows_by_kr.clear()
        self.kr_blocks.clear()
        self.guidance_labels.clear()
        self.add_buttons.clear()
        people = [(p.id, p.name) for p in ws.participants]
        if not ws.all_key_results():
            add_shown(self.content_layout, plain_label(
                "No key results yet. Once the objectives have key results, their first "
                "tasks are planned here.", "emptyHint"))
            return
        number = 0
        for objective in ws.selected_objectives():
            if not objective.key_results:
                continue
            title = plain_label(objective.text or "(objective without a text)",
                                "objectiveTitle")
            title.setAccessibleName("Objective")
            emphasise(title, scale=1.15)
            add_shown(self.content_layout, title)
            for kr in objective.key_results:
                block = QFrame()
                block.setObjectName("planKr")
                layout = QVBoxLayout(block)
                layout.setContentsMargins(8, 6, 8, 6)
                layout.setSpacing(4)
                head = QGridLayout()
                kr_label = plain_label(kr.text or "(key result without a text)", "planKrTitle")
                kr_label.setAccessibleName("Key result")
                emphasise(kr_label)
                guidance = QLabel()
                guidance.setTextFormat(Qt.TextFormat.PlainText)
                guidance.setAccessibleName("Number of tasks")
                guidance.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                head.addWidget(kr_label, 0, 0)
                head.addWidget(guidance, 0, 1)
                head.setColumnStretch(0, 1)
                layout.addLayout(head)
                self.guidance_labels[kr.id] = guidance
                rows: list[ActionRow] = []
                for action in kr.actions:
                    number += 1
                    row = ActionRow(self, kr.id, action, number)
                    row.fill_owners(people)
                    rows.append(row)
                    self.rows[action.id] = row
                    layout.addWidget(row)
                self.rows_by_kr[kr.id] = rows
                add_button = QPushButton("+ Add task")
                add_button.setObjectName("addButton")
                add_button.setAccessibleName(f"Add a task to {kr.text[:60]}")
                add_button.setToolTip("Add a task to this key result (Enter on its last task)")
                add_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
                kr_id = kr.id
                add_button.clicked.connect(lambda _=False, k=kr_id: self.add_action(k))
                self.focus_watcher.watch(add_button, kr.id)
                layout.addWidget(add_button)
                self.add_buttons[kr.id] = add_button
                self.kr_blocks[kr.id] = block
                add_shown(self.content_layout, block)
        if focused_action in self.rows:
            self.rows[focused_action].text_edit.setFocus()

    def _sync_guidance(self, kr: KeyResult) -> None:
        label = self.guidance_labels.get(kr.id)
        if label is None:
            return
        text, outside = task_guidance(len(kr.actions))
        sync_label(label, text)
        name = "badgeWarn" if outside else "planGuidance"
        if label.objectName() != name:
            label.setObjectName(name)
        set_style_state(label, "warn", outside)

    # -- edits -------------------------------------------------------------------------------
    def add_action(self, kr_id: str) -> str:
        """Add an empty task under the key result, focus it, and return its id."""
        action_id = self.controller.edit(edits.add_action, kr_id)
        self.refresh()
        row = self.rows.get(action_id)
        if row is not None:
            row.text_edit.setFocus()
            self.scroll_area.ensureWidgetVisible(row)
        return action_id

    def remove_action(self, action_id: str) -> None:
        """Remove a task; Ctrl+Z brings it back."""
        row = self.rows.get(action_id)
        if row is None:
            return
        kr_id = row.kr_id
        siblings = [r.action_id for r in self.rows_by_kr.get(kr_id, [])]
        index = siblings.index(action_id)
        neighbour = siblings[index - 1] if index > 0 else (
            siblings[1] if len(siblings) > 1 else "")
        self.controller.edit(edits.remove_action, action_id)
        self.refresh()
        if neighbour in self.rows:
            self.rows[neighbour].text_edit.setFocus()
        elif kr_id in self.add_buttons:
            self.add_buttons[kr_id].setFocus()

    def enter_in_task(self, row: ActionRow) -> None:
        """Enter in a task: the next task of the same key result, or a new one after the
        last (unless the last one is still empty)."""
        rows = self.rows_by_kr.get(row.kr_id, [])
        if row in rows and rows.index(row) < len(rows) - 1:
            rows[rows.index(row) + 1].text_edit.setFocus()
            return
        if not row.text_edit.text().strip():
            return  # an empty last task is the place to type, not a reason for another
        self.add_action(row.kr_id)

    # -- moving around -----------------------------------------------------------------------
    def kr_ids(self) -> list[str]:
        """The key results on the page, in reading order."""
        return [kr.id for _, kr in self.controller.workshop.all_key_results()
                if kr.id in self.kr_blocks]

    def _focused_on(self, kr_id: str) -> None:
        if kr_id != self.current_kr_id:
            self.current_kr_id = kr_id
            self.controller.set_focus_item(("kr", kr_id))

    def _go_to(self, kr_id: str) -> None:
        self.current_kr_id = kr_id
        self.controller.set_focus_item(("kr", kr_id))
        rows = self.rows_by_kr.get(kr_id, [])
        target = rows[0].text_edit if rows else self.add_buttons[kr_id]
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        self.scroll_area.ensureWidgetVisible(self.kr_blocks[kr_id])

    # PageDown steps through the key results' task lists.
    def item_keys(self) -> list:
        return self.kr_ids()

    def current_item(self) -> object | None:
        return self.current_kr_id

    def go_to_item(self, key: object) -> None:
        self._go_to(str(key))

    def focus_first(self) -> None:
        ids = self.kr_ids()
        if ids:
            self._go_to(ids[0])

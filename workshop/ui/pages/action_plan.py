"""The action-planning stage: per key result its first three to five tasks, each with one
owner and a deadline inside the period. The outputs the ask-why stage turned into actions
are already there, marked as coming from the output key result."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QVBoxLayout,
    QWidget,
)

from workshop import edits
from workshop.coach.checks import MAX_ACTIONS, MIN_ACTIONS
from workshop.model import ORIGIN_FROM_OUTPUT, Action, KeyResult, Workshop
from workshop.ui.pages.base import StagePage
from workshop.ui.pages.common import (
    button,
    emphasise,
    mute,
    plain_label,
    sync_label,
    sync_line_edit,
    text_field,
    warn,
)
from workshop.ui.session import SessionController
from workshop.ui.widgets.row_list import Row, RowList

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


# Below this width for the task's text, owner and deadline go under it.
MIN_TASK_WIDTH = 280
# A deadline after the period can be typed (the coach then flags it), up to this far.
AFTER_PERIOD = timedelta(days=366)


def deadline_range(ws: Workshop, deadline: date | None) -> tuple[date, date]:
    """(lowest real date, highest date) a deadline field offers: from the period's start
    to a year after its end, so a deadline after the period can be entered and then
    flagged by the coach rather than refused; widened to show a stored deadline that
    lies outside, rather than clamp it."""
    low = ws.period_start or FAR_PAST
    high = ws.period_end + AFTER_PERIOD if ws.period_end else FAR_FUTURE
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
        """Show `value` without reporting it back as an edit. Not while the facilitator
        is typing in the field: setting the date there resets the part being typed, and
        "23" became "21"."""
        wanted = self.minimumDate() if value is None else QDate(value)
        if self.hasFocus():
            return
        if self.date() != wanted:
            self.blockSignals(True)
            self.setDate(wanted)
            self.blockSignals(False)


def _owner_item(text: str, person_id: str) -> QStandardItem:
    item = QStandardItem(text)
    item.setData(person_id, Qt.ItemDataRole.UserRole)
    return item


class ActionRow(Row):
    """One task: text, owner, deadline, and where it came from."""

    def __init__(self, page: ActionPlanPage, kr_id: str, action_id: str, number: int) -> None:
        super().__init__(action_id)
        self.page = page
        self.kr_id = kr_id
        self.action_id = action_id
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(1)
        # A grid, so a narrow page puts owner and deadline under the task instead of
        # squeezing the task to a few letters (see resizeEvent).
        layout = QGridLayout()
        layout.setHorizontalSpacing(6)
        layout.setVerticalSpacing(3)
        outer.addLayout(layout)
        self.grid = layout
        self._narrow: bool | None = None

        # Under the task, so the task columns stay aligned from row to row.
        self.origin_label = mute(plain_label("\u2191 from the output KR", "originTag"))
        self.origin_label.setToolTip("This was the output key result before the room asked "
                                     "why; now it is one of the tasks.")
        self.origin_label.setAccessibleName("Came from the output key result")
        self.origin_label.hide()
        self.text_edit = text_field(
            "A first task, e.g. Call three customers", f"Task {number}",
            "What we do first. Enter on the last task adds another one.", name="actionText")
        self.owner_combo = QComboBox()
        self.owner_combo.setObjectName("actionOwner")
        self.owner_combo.setAccessibleName(f"Owner of task {number}")
        self.owner_combo.setToolTip("Exactly one owner per task")
        self.owner_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.owner_combo.setMinimumContentsLength(10)
        # Every task offers the same people: one list for all, not one copy a task.
        self.owner_combo.setModel(page.owner_model)
        self.deadline_edit = DeadlineEdit()
        self.deadline_edit.setObjectName("actionDeadline")
        self.deadline_edit.setAccessibleName(f"Deadline of task {number}")
        self.deadline_edit.setToolTip("A day inside the period; arrow keys step, the first "
                                      "step down is \"No deadline\"")
        self.remove_button = button(
            "Remove", "Remove this task (Ctrl+Shift+Delete; Ctrl+Z brings it back)",
            lambda: page.remove_action(action_id), name="removeButton",
            accessible=f"Remove task {number}")

        self._place(narrow=False)
        self.origin_label.setContentsMargins(6, 0, 0, 0)
        outer.addWidget(self.origin_label)

        self.text_edit.textEdited.connect(lambda value: self._edit("text", value))
        self.text_edit.returnPressed.connect(lambda: page.enter_in_task(self))
        self.owner_combo.activated.connect(self._owner_chosen)
        self.deadline_edit.dateChanged.connect(
            lambda _d: self._edit("deadline", self.deadline_edit.deadline()))
        shortcut = QShortcut(QKeySequence("Ctrl+Shift+Delete"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(lambda: page.remove_action(self.action_id))

    def _place(self, *, narrow: bool) -> None:
        """One line when there is room; on a narrow page the task takes the whole first
        line and owner, deadline and Remove go under it."""
        if narrow == self._narrow:
            return
        self._narrow = narrow
        grid = self.grid
        for widget in (self.text_edit, self.owner_combo, self.deadline_edit,
                       self.remove_button):
            grid.removeWidget(widget)
        if narrow:
            grid.addWidget(self.text_edit, 0, 0, 1, 4)
            grid.addWidget(self.owner_combo, 1, 0)
            grid.addWidget(self.deadline_edit, 1, 1)
            grid.addWidget(self.remove_button, 1, 3)
            for column, stretch in enumerate((1, 1, 1, 0)):
                grid.setColumnStretch(column, stretch)
        else:
            for column, widget in enumerate((self.text_edit, self.owner_combo,
                                             self.deadline_edit, self.remove_button)):
                grid.addWidget(widget, 0, column)
            for column, stretch in enumerate((1, 0, 0, 0)):
                grid.setColumnStretch(column, stretch)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        beside = (self.owner_combo.sizeHint().width() + self.deadline_edit.sizeHint().width()
                  + self.remove_button.sizeHint().width() + 3 * 6)
        self._place(narrow=event.size().width() - beside < MIN_TASK_WIDTH)

    def focus_widgets(self) -> list[QWidget]:
        return [self.text_edit, self.owner_combo, self.deadline_edit, self.remove_button]

    def _edit(self, field: str, value: object) -> None:
        self.page.controller.set_field(("action", self.action_id), field, value)

    def _owner_chosen(self, index: int) -> None:
        self._edit("owner_id", str(self.owner_combo.itemData(index) or ""))

    def sync(self, item: object) -> None:
        assert isinstance(item, Action)
        action, ws = item, self.page.controller.workshop
        sync_line_edit(self.text_edit, action.text)
        shared = self.page.owner_model
        index = self.page.owner_rows.get(action.owner_id, -1)
        if index >= 0:
            if self.owner_combo.model() is not shared:
                self.owner_combo.setModel(shared)
        elif self.owner_combo.model() is not shared and self.owner_combo.itemData(
                self.owner_combo.count() - 1) == action.owner_id:
            index = self.owner_combo.count() - 1  # its own list says so already
        else:
            # An owner who left the participant list: say so rather than pretend, in a
            # list of this task's own (the combo box deletes the list it replaces).
            own = QStandardItemModel(self.owner_combo)
            for row in range(shared.rowCount()):
                own.appendRow(shared.item(row).clone())
            own.appendRow(_owner_item("(unknown person)", action.owner_id))
            self.owner_combo.setModel(own)
            index = own.rowCount() - 1
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


class _KrPlan(Row):
    """One key result's tasks: its objective's title (above its first key result), the
    key result, how many tasks it has against the 3-5 guidance, the tasks, and the button
    that adds one."""

    def __init__(self, page: ActionPlanPage, kr_id: str) -> None:
        super().__init__(kr_id)
        self.setObjectName("planKr")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        self.objective_title = emphasise(plain_label("", "objectiveTitle"), scale=1.15)
        self.objective_title.setAccessibleName("Objective")
        layout.addWidget(self.objective_title)
        head = QGridLayout()
        self.kr_label = emphasise(plain_label("", "planKrTitle"))
        self.kr_label.setAccessibleName("Key result")
        self.guidance = plain_label(wrap=False)
        self.guidance.setAccessibleName("Number of tasks")
        self.guidance.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.kr_label, 0, 0)
        head.addWidget(self.guidance, 0, 1)
        head.setColumnStretch(0, 1)
        layout.addLayout(head)
        self.tasks = RowList(
            lambda key, _number: ActionRow(page, kr_id, key, page.number_of(key)),
            page.action_of, lambda _key: page.item_focused(kr_id),
            scroll_area=page.scroll_area)
        layout.addWidget(self.tasks)
        self.add_button = button(
            "+ Add task", "Add a task to this key result (Enter on its last task)",
            lambda: page.add_action(kr_id), name="addButton", fixed=True)
        layout.addWidget(self.add_button)

    def focus_widgets(self) -> list[QWidget]:
        return [*self.tasks.focus_chain(), self.add_button]

    def sync(self, item: object) -> None:
        assert isinstance(item, _PlanPlace)
        kr = item.kr
        sync_label(self.objective_title, item.objective_title)
        self.objective_title.setVisible(bool(item.objective_title))
        sync_label(self.kr_label, kr.text or "(key result without a text)")
        self.add_button.setAccessibleName(f"Add a task to {kr.text[:60]}")
        self.tasks.update_items([a.id for a in kr.actions])
        text, outside = task_guidance(len(kr.actions))
        sync_label(self.guidance, text)
        warn(self.guidance, outside, "planGuidance")


@dataclass(frozen=True)
class _PlanPlace:
    kr: KeyResult
    objective_title: str  # "" unless this is its objective's first key result


class _RowsByAction(Mapping[str, ActionRow]):
    """Every task's row by action id; a row still waiting to scroll into view is built
    when asked for."""

    def __init__(self, page: ActionPlanPage) -> None:
        self.page = page

    def _kr_of(self) -> dict[str, str]:
        return {a.id: kr.id for _, kr in self.page.controller.workshop.all_key_results()
                for a in kr.actions if kr.id in self.page.plans.keys}

    def __getitem__(self, action_id: str) -> ActionRow:
        kr_id = self._kr_of()[action_id]
        return self.page.plan(kr_id).tasks.row(action_id)

    def __iter__(self) -> Iterator[str]:
        return iter(self._kr_of())

    def __len__(self) -> int:
        return len(self._kr_of())


class ActionPlanPage(StagePage):
    """First tasks per key result, with owner and deadline.

    A large session has hundreds of tasks of some twenty fields each: a key result's
    tasks are built when it scrolls into view, so the first visit costs what is seen."""

    stage_key = "action_plan"
    heading = "Action plan"
    item_kind = "kr"

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.people: list[tuple[str, str]] = []
        self.owner_model = QStandardItemModel(self)  # "No owner", then each participant
        self.owner_rows: dict[str, int] = {}  # participant id -> row of owner_model
        self._places: dict[str, _PlanPlace] = {}
        self._numbers: dict[str, int] = {}
        self.current_kr_id = ""
        self.empty_label = plain_label(
            "No key results yet. Once the objectives have key results, their first tasks "
            "are planned here.", "emptyHint")
        self.body_layout.addWidget(self.empty_label)
        self.plans = RowList(lambda key, _number: _KrPlan(self, key),
                             lambda key: self._places[key], spacing=14,
                             scroll_area=self.scroll_area, lazy=True)
        self.body_layout.addWidget(self.plans)
        self.body_layout.addStretch(1)
        self.rows = _RowsByAction(self)
        self.refresh()

    # -- reading -----------------------------------------------------------------------------
    def plan(self, kr_id: str) -> _KrPlan:
        """The key result's block of tasks (built now if it was waiting to be seen)."""
        return self.plans.row(kr_id)

    @property
    def add_buttons(self) -> dict[str, QWidget]:
        """Each key result's "Add task" button, by key result id."""
        return {key: self.plan(key).add_button for key in self.plans.keys}

    def action_of(self, action_id: str) -> Action:
        return self.controller.get(("action", action_id))

    def number_of(self, action_id: str) -> int:
        """A task's place on the page, counting from 1 (for screen readers)."""
        return self._numbers.get(action_id, 0)

    # -- drawing -----------------------------------------------------------------------------
    def refresh(self, kind: str = "", ident: str = "") -> None:
        """Redraw from the model: rows come and go with the tasks; the rest is synced (a
        change to one task or key result: only that key result's block)."""
        ws = self.controller.workshop
        people = [(p.id, p.name) for p in ws.participants]
        people_changed = people != self.people or not self.owner_rows
        if people_changed:
            self._offer_owners(people)
        self._places = {}
        for objective in ws.selected_objectives():
            for index, kr in enumerate(objective.key_results):
                title = (objective.text or "(objective without a text)") if index == 0 else ""
                self._places[kr.id] = _PlanPlace(kr, title)
        self._numbers = {a.id: n for n, (_, _, a) in enumerate(ws.all_actions(), start=1)}
        changed = ident if kind == "kr" else ""
        if kind == "action":
            changed = next((kr.id for _, kr, a in ws.all_actions() if a.id == ident), "")
        if people_changed:
            changed = ""  # every task's owner list changed
        self.plans.update_items(list(self._places), changed)
        self.empty_label.setVisible(not self._places)

    def _offer_owners(self, people: list[tuple[str, str]]) -> None:
        """The owners every task offers; the tasks shown are synced again after."""
        self.people = people
        model = self.owner_model
        model.clear()
        model.appendRow(_owner_item(NO_OWNER_TEXT, ""))
        for person_id, name in people:
            model.appendRow(_owner_item(name or "(no name)", person_id))
        self.owner_rows = {pid: row for row, pid in enumerate([""] + [p for p, _ in people])}
        for plan in self.plans.rows.values():
            for row in plan.tasks.rows.values():
                if row.owner_combo.model() is not model:
                    row.owner_combo.setModel(model)  # a list of its own is made anew
                row.owner_combo.setCurrentIndex(-1)  # synced below, from the model

    # -- edits -------------------------------------------------------------------------------
    def add_action(self, kr_id: str) -> str:
        """Add an empty task under the key result, focus it, and return its id."""
        return self.add_row(self.plan(kr_id).tasks, edits.add_action, kr_id)

    def remove_action(self, action_id: str) -> None:
        """Remove a task; Ctrl+Z brings it back."""
        kr_id = next((kr.id for _, kr in self.controller.workshop.all_key_results()
                      if any(a.id == action_id for a in kr.actions)), "")
        if not kr_id:
            return
        plan = self.plan(kr_id)
        self.remove_row(plan.tasks, edits.remove_action, action_id, plan.add_button)

    def enter_in_task(self, row: ActionRow) -> None:
        """Enter in a task: the next task of the same key result, or a new one after the
        last (unless the last one is still empty)."""
        tasks = self.plan(row.kr_id).tasks
        if row.action_id != tasks.keys[-1]:
            tasks.enter_in(row.action_id, lambda: None)
        elif row.text_edit.text().strip():  # an empty last task is the place to type
            self.add_action(row.kr_id)

    # -- moving around: PageDown steps through the key results' task lists -------------------
    def item_keys(self) -> list:
        return self.plans.keys

    def current_item(self) -> object | None:
        return self.current_kr_id

    def item_focused(self, key: str) -> None:
        self.current_kr_id = key
        super().item_focused(key)

    def go_to_item(self, key: object) -> None:
        plan = self.plan(str(key))
        tasks = plan.tasks
        if tasks.keys:
            tasks.focus_row(tasks.keys[0])
        else:
            plan.add_button.setFocus(Qt.FocusReason.OtherFocusReason)
            self.item_focused(str(key))
        self.scroll_area.ensureWidgetVisible(plan)

    def focus_first(self) -> None:
        if self.plans.keys:
            self.go_to_item(self.plans.keys[0])

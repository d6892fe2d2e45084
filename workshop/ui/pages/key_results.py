"""The key results stage: per chosen objective, its key results with metric, from, to,
unit and direction, and the coach's verdict (output or outcome) on each as it is typed."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from workshop import coach, edits
from workshop.coach.checks import MAX_KRS_PER_OBJECTIVE
from workshop.kr_numbers import fields_to_offer, read_stated_numbers
from workshop.model import KeyResult, Objective, objective_statement
from workshop.ui.pages import common
from workshop.ui.pages.base import StagePage
from workshop.ui.session import SessionController
from workshop.ui.widgets.badge import KindBadge
from workshop.ui.widgets.row_list import Row, RowList
from workshop.ui.widgets.style import set_style_state

OFFER_KEY = "Ctrl+Shift+N"  # N for the numbers
# Below this width a key result's numbers take two lines instead of one.
ONE_LINE_WIDTH = 640

DIRECTION_LABELS: tuple[tuple[str, str], ...] = (
    ("", "Direction: not set"),
    ("increase", "Increase"),
    ("decrease", "Decrease"),
    ("reach", "Reach"),
    ("stay_above", "Stay above"),
    ("stay_below", "Stay below"),
)


# -- one key result ------------------------------------------------------------------------
class KeyResultRow(Row):
    """The editor for one key result: its fields, the coach's badge and reason line."""

    def __init__(self, page: KeyResultsPage, kr_id: str, number: int) -> None:
        super().__init__(kr_id)
        self.page = page
        self.kr_id = kr_id
        self.setObjectName("krRow")
        self._assessed_key: tuple[str, ...] | None = None
        self.reason = ""
        # While the key result is being typed, the coach's line under the row waits for
        # the pause (the controller's re-read): the badge follows every letter, but the
        # row does not grow and shrink under the typist's hands.
        self._typing = False
        self._waiting_line: tuple[str, str] | None = None

        grid = QGridLayout(self)
        grid.setContentsMargins(6, 6, 6, 6)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)

        self.text_edit = common.text_field(
            "Key result, e.g. Raise first-contact resolution from 61% to 75%",
            f"Key result {number}", "What will tell us the objective is happening? "
            "Ctrl+Enter adds another key result.", name="krText")
        self.badge = KindBadge()
        self.remove_button = common.button(
            "Remove", "Remove this key result (Ctrl+Shift+Delete; Ctrl+Z brings it back)",
            lambda: page.remove_key_result(kr_id), name="removeButton",
            accessible=f"Remove key result {number}")
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

        self.grid = grid
        self._captions: dict[str, QLabel] = {}
        for caption, edit in (("Metric", self.metric_edit), ("From", self.baseline_edit),
                              ("To", self.target_edit), ("Unit", self.unit_edit)):
            label = QLabel(caption)
            label.setObjectName("fieldCaption")
            label.setBuddy(edit)
            self._captions[caption] = label
        self._narrow: bool | None = None
        self._place(narrow=False)

        # The theme's warning style; the words say it is the coach speaking.
        self.reason_label = common.plain_label()
        common.warn(self.reason_label)
        self.reason_label.setAccessibleName(f"Coach on key result {number}")
        self.reason_label.hide()
        grid.addWidget(self.reason_label, 3, 0, 1, 10)
        # The numbers the text already states, offered for the fields with one key.
        self.offer_button = common.button(
            "", "Fill the fields with the numbers the key result states "
            f"({OFFER_KEY}); keep typing to ignore", self.accept_offer,
            name="krOffer", accessible=f"Fill in the numbers of key result {number}")
        self.offer_button.hide()
        self.offer: dict[str, str] = {}
        grid.addWidget(self.offer_button, 4, 0, 1, 10, Qt.AlignmentFlag.AlignLeft)
        offer_shortcut = QShortcut(QKeySequence(OFFER_KEY), self)
        offer_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        offer_shortcut.activated.connect(self.accept_offer)

        self.text_edit.textEdited.connect(self._typed)
        self.metric_edit.textEdited.connect(lambda value: self._edit("metric", value))
        self.baseline_edit.textEdited.connect(lambda value: self._edit("baseline", value))
        self.target_edit.textEdited.connect(lambda value: self._edit("target", value))
        self.unit_edit.textEdited.connect(lambda value: self._edit("unit", value))
        self.direction_combo.activated.connect(self._direction_chosen)
        remove_shortcut = QShortcut(QKeySequence("Ctrl+Shift+Delete"), self)
        remove_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        remove_shortcut.activated.connect(lambda: page.remove_key_result(self.kr_id))


    def focus_widgets(self) -> list[QWidget]:
        # Tab walks the fields first and reaches "Remove" last, not right after the text.
        return [self.text_edit, self.metric_edit, self.baseline_edit, self.target_edit,
                self.unit_edit, self.direction_combo, self.remove_button]

    def _place(self, *, narrow: bool) -> None:
        """The numbers on one line when there is room; on a narrow page the metric takes
        a line of its own and from, to, unit and direction go under it, so nothing is
        cut or scrolled sideways."""
        if narrow == self._narrow:
            return
        self._narrow = narrow
        grid = self.grid
        cells = [(self._captions["Metric"], self.metric_edit),
                 (self._captions["From"], self.baseline_edit),
                 (self._captions["To"], self.target_edit),
                 (self._captions["Unit"], self.unit_edit)]
        for label, edit in cells:
            grid.removeWidget(label)
            grid.removeWidget(edit)
        grid.removeWidget(self.direction_combo)
        for column in range(10):
            grid.setColumnStretch(column, 0)
        if narrow:
            grid.addWidget(cells[0][0], 1, 0)
            grid.addWidget(cells[0][1], 1, 1, 1, 9)
            column = 0
            for label, edit in cells[1:]:
                grid.addWidget(label, 2, column)
                grid.addWidget(edit, 2, column + 1)
                grid.setColumnStretch(column + 1, 1)
                column += 2
            grid.addWidget(self.direction_combo, 2, column, 1, 10 - column)
        else:
            column = 0
            for (label, edit), stretch in zip(cells, (4, 1, 1, 1), strict=True):
                grid.addWidget(label, 1, column)
                grid.addWidget(edit, 1, column + 1)
                grid.setColumnStretch(column + 1, stretch)
                column += 2
            grid.addWidget(self.direction_combo, 1, column, 1, 2)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._place(narrow=event.size().width() < ONE_LINE_WIDTH)

    def _field(self, name: str, tip: str, number: int) -> QWidget:
        edit = common.text_field(name, f"{name} of key result {number}", tip, name=f"kr{name}")
        edit.setMinimumWidth(80 if name in ("Unit", "Metric") else 48)
        return edit

    def _typed(self, value: str) -> None:
        self._typing = True
        try:
            self._edit("text", value)
        finally:
            self._typing = False

    def _edit(self, field: str, value: str) -> None:
        address = ("kr", self.kr_id)
        self.page.controller.set_field(address, field, value)
        try:
            self.sync(self.page.controller.get(address))
        except KeyError:
            pass

    def _direction_chosen(self, index: int) -> None:
        self._edit("direction", str(self.direction_combo.itemData(index) or ""))

    def sync(self, item: object) -> None:
        """Show the key result as the model has it, and the coach's verdict on it."""
        assert isinstance(item, KeyResult)
        kr = item
        common.sync_line_edit(self.text_edit, kr.text)
        common.sync_line_edit(self.metric_edit, kr.metric)
        common.sync_line_edit(self.baseline_edit, kr.baseline)
        common.sync_line_edit(self.target_edit, kr.target)
        common.sync_line_edit(self.unit_edit, kr.unit)
        index = self.direction_combo.findData(kr.direction)
        if index >= 0 and index != self.direction_combo.currentIndex():
            self.direction_combo.setCurrentIndex(index)
        self._assess(kr)

    def accept_offer(self) -> None:
        if self.offer:
            self.page.controller.edit(edits.fill_stated_numbers, self.kr_id, self.offer)

    def _update_offer(self, kr: KeyResult) -> None:
        current = {"baseline": kr.baseline, "target": kr.target, "unit": kr.unit,
                   "direction": kr.direction}
        self.offer = fields_to_offer(read_stated_numbers(kr.text), current)
        if self.offer:
            words = []
            if "baseline" in self.offer or "target" in self.offer:
                words.append(f"from {self.offer.get('baseline', kr.baseline) or '?'} to "
                             f"{self.offer.get('target', kr.target) or '?'}")
            if "unit" in self.offer:
                words.append(self.offer["unit"])
            if "direction" in self.offer:
                words.append(dict(DIRECTION_LABELS).get(self.offer["direction"], "").lower())
            self.offer_button.setText(f"Use {', '.join(w for w in words if w)} "
                                      f"from the text ({OFFER_KEY})")
        self.offer_button.setVisible(bool(self.offer))

    def _assess(self, kr: KeyResult) -> None:
        key = (kr.text, kr.metric, kr.baseline, kr.target, kr.unit, kr.direction)
        if key == self._assessed_key:
            return  # the coach's verdict only changes with the fields
        self._assessed_key = key
        self._update_offer(kr)
        if not kr.text.strip():
            self.badge.set_kind("")
            reason, full = "", ""
        else:
            assessment = coach.assess_kr(kr.text, kr)
            self.badge.set_kind(assessment.shown_kind, assessment.unsure)
            reason, full = _reason(assessment.findings)
        if self._typing and reason != self.reason:
            self._waiting_line = (reason, full)
            return
        self._show_line(reason, full)

    def settle_line(self) -> None:
        """Show the coach's line that waited for the pause in typing."""
        if self._waiting_line is not None:
            self._show_line(*self._waiting_line)

    def _show_line(self, reason: str, full: str) -> None:
        self._waiting_line = None
        self.reason = reason
        self.reason_label.setToolTip(full)
        common.sync_label(self.reason_label, f"Coach: {reason}" if reason else "")
        self.reason_label.setVisible(bool(reason))
        set_style_state(self, "flagged", bool(reason))


def _reason(findings: tuple) -> tuple[str, str]:
    """The one line under a flagged row (the first sentence of the first warning, with
    the why question when there is one) and the full advice for its tooltip."""
    for finding in findings:
        if finding.severity != "warn" and not finding.code.endswith(".unsure"):
            continue  # an unsure verdict is worth its question under the row
        first = re.split(r"(?<=[.!?])\s", finding.message.strip(), maxsplit=1)[0]
        line = f"{first} Ask: {finding.question}" if finding.question else first
        full = f"{finding.message} {finding.question}".strip()
        return line, full
    return "", ""


# -- one objective and its key results ---------------------------------------------------
class _ObjectiveBlock(Row):
    """A chosen objective: its title, the focus warning, its key results, the button that
    adds one (also Ctrl+Enter anywhere in the block) and the objective as one sentence."""

    def __init__(self, page: KeyResultsPage, objective_id: str) -> None:
        super().__init__(objective_id)
        self.setObjectName("objectiveBlock")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        self.title = common.emphasise(common.plain_label("", "objectiveTitle"), scale=1.15)
        self.title.setAccessibleName("Objective")
        layout.addWidget(self.title)
        self.focus_label = common.plain_label()
        common.warn(self.focus_label)
        self.focus_label.setAccessibleName("Focus warning")
        self.focus_label.hide()
        layout.addWidget(self.focus_label)
        self.kr_rows = RowList(
            lambda key, number: KeyResultRow(page, key, page.number_of(key)),
            lambda key: page.controller.get(("kr", key)), page.item_focused, spacing=6,
            scroll_area=page.scroll_area)
        layout.addWidget(self.kr_rows)
        self.add_button = common.button(
            "+ Add key result", "Add a key result to this objective (Ctrl+Enter)",
            lambda: page.add_key_result(objective_id), name="addButton", fixed=True)
        layout.addWidget(self.add_button)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            add = QShortcut(QKeySequence(keys), self)
            add.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            add.activated.connect(lambda: page.add_key_result(objective_id))
        self.statement = common.mute(common.plain_label(object_name="statement"))
        self.statement.setAccessibleName("The objective as one sentence")
        layout.addWidget(self.statement)

    def focus_widgets(self) -> list[QWidget]:
        return [*self.kr_rows.focus_chain(), self.add_button]

    def sync(self, item: object) -> None:
        assert isinstance(item, Objective)
        common.sync_label(self.title, item.text or "(objective without a text)")
        self.add_button.setAccessibleName(f"Add a key result to {item.text[:60]}")
        self.kr_rows.update_items([kr.id for kr in item.key_results])
        count = len(item.key_results)
        if count > MAX_KRS_PER_OBJECTIVE:
            common.sync_label(self.focus_label, f"{count} key results: more than "
                                         f"{MAX_KRS_PER_OBJECTIVE} blurs the focus. Which "
                                         f"{MAX_KRS_PER_OBJECTIVE} matter most?")
        self.focus_label.setVisible(count > MAX_KRS_PER_OBJECTIVE)
        common.sync_italic_label(self.statement,
                                 objective_statement(item) if item.key_results else "")
        self.statement.setVisible(bool(item.key_results))


# -- the page --------------------------------------------------------------------------------
class _RowsByKr(Mapping[str, "KeyResultRow"]):
    """Every key result's row by id; a block still waiting to scroll into view is built
    when one of its rows is asked for."""

    def __init__(self, page: KeyResultsPage) -> None:
        self.page = page

    def __getitem__(self, kr_id: str) -> KeyResultRow:
        block = self.page._block_of(kr_id)
        if block is None:
            raise KeyError(kr_id)
        return block.kr_rows.row(kr_id)

    def __iter__(self) -> Iterator[str]:
        shown = set(self.page.blocks.keys)
        return iter([kr.id for o, kr in self.page.controller.workshop.all_key_results()
                     if o.id in shown])

    def __len__(self) -> int:
        return sum(1 for _ in self)


class KeyResultsPage(StagePage):
    """Key results per chosen objective, judged by the coach as they are typed."""

    stage_key = "key_results"
    heading = "Key results"
    item_kind = "kr"

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.empty_label = common.plain_label(
            "No objectives yet. Draft the objectives first; their key results are written "
            "here.", "emptyHint")
        self.body_layout.addWidget(self.empty_label)
        # An objective's block is built when it scrolls into view: a large session's
        # first visit costs what shows, not 150 rows of fields (1.3 s at 10x before).
        self.blocks = RowList(lambda key, _number: _ObjectiveBlock(self, key),
                              lambda key: self.controller.get(("objective", key)),
                              spacing=16, scroll_area=self.scroll_area, lazy=True)
        self.body_layout.addWidget(self.blocks)
        self.body_layout.addStretch(1)
        controller.findings_changed.connect(self._settle_lines)
        self.refresh()

    # -- reading -----------------------------------------------------------------------------
    def kr_ids(self) -> list[str]:
        """The key results on the page, in reading order."""
        return [kr.id for _, kr in self.controller.workshop.all_key_results()]

    def number_of(self, kr_id: str) -> int:
        """A key result's place on the page, counting from 1 (for screen readers)."""
        ids = self.kr_ids()
        return ids.index(kr_id) + 1 if kr_id in ids else 0

    def _block_of(self, kr_id: str) -> _ObjectiveBlock | None:
        """The block holding the key result, built now if it was still out of view."""
        found = self.controller.workshop.find_key_result(kr_id)
        if found is None or found[0].id not in self.blocks.keys:
            return None
        return self.blocks.row(found[0].id)

    @property
    def rows(self) -> Mapping[str, KeyResultRow]:
        """Every key result's row, by id (a block out of view is built when asked)."""
        return _RowsByKr(self)

    @property
    def add_buttons(self) -> dict[str, QWidget]:
        """Each objective's "Add key result" button, by objective id."""
        return {key: self.blocks.row(key).add_button for key in self.blocks.keys}

    # -- drawing -----------------------------------------------------------------------------
    def refresh(self, kind: str = "", ident: str = "") -> None:
        """Redraw from the model; rows are rebuilt only when key results come or go, and
        a change to one key result redraws only its objective's block."""
        objectives = self.controller.workshop.selected_objectives()
        found = self.controller.workshop.find_key_result(ident) if kind == "kr" else None
        changed = found[0].id if found else (ident if kind == "objective" else "")
        self.blocks.update_items([o.id for o in objectives], changed)
        self.empty_label.setVisible(not objectives)

    def _settle_lines(self) -> None:
        """The pause in typing came (the coach re-read the session): show the lines under
        the rows that waited for it. Only rows already built can be waiting."""
        for block in self.blocks.rows.values():
            for row in block.kr_rows.rows.values():
                row.settle_line()

    # -- edits -------------------------------------------------------------------------------
    def add_key_result(self, objective_id: str) -> str:
        """Add an empty key result to the objective, focus it, and return its id."""
        if objective_id not in self.blocks.keys:
            return ""
        block = self.blocks.row(objective_id)
        return self.add_row(block.kr_rows, edits.add_key_result, objective_id)

    def remove_key_result(self, kr_id: str) -> None:
        """Remove a key result (with its actions); Ctrl+Z brings it back."""
        block = self._block_of(kr_id)
        if block is None:
            return
        self.remove_row(block.kr_rows, edits.remove_key_result, kr_id, block.add_button)

    # -- moving around: PageDown steps through the key results of every objective -----------
    def item_keys(self) -> list:
        return self.kr_ids()

    _last_focused = ""  # the key result whose row last had the focus

    def current_item(self) -> object | None:
        return self._last_focused

    def item_focused(self, key: str) -> None:
        self._last_focused = key
        super().item_focused(key)

    def go_to_item(self, key: object) -> None:
        block = self._block_of(str(key))
        if block is not None:
            block.kr_rows.focus_row(str(key))

    def focus_first(self) -> None:
        ids = self.kr_ids()
        if ids:
            self.go_to_item(ids[0])
        elif self.blocks.keys:
            self.blocks.row(self.blocks.keys[0]).add_button.setFocus()

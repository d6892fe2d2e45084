"""The objectives page: draft candidates, dot-vote, keep the few, link each to a strategy,
with the coach's hint under every candidate and the one-sentence statement of the kept
ones."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workshop import edits
from workshop.coach import check_objective
from workshop.model import Workshop, objective_statement
from workshop.ui.pages.base import StagePage
from workshop.ui.pages.common import (
    chain_tab_order,
    elided,
    hint_label,
    section,
    sync_line_edit,
)
from workshop.ui.session import SessionController

NOT_LINKED = "Not linked to a strategy"


def votes_text(votes: int) -> str:
    return "1 vote" if votes == 1 else f"{votes} votes"


class _CandidateRow(QFrame):
    """One candidate objective: text, why it matters, votes, keep, strategy, coach hint."""

    def __init__(self, objective_id: str, number: int) -> None:
        super().__init__()
        self.objective_id = objective_id
        self.setObjectName("candidateRow")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 6, 8, 6)
        outer.setSpacing(4)

        top = QHBoxLayout()
        self.number_label = QLabel(f"{number}.")
        self.number_label.setObjectName("candidateNumber")
        self.text_edit = QLineEdit()
        self.text_edit.setPlaceholderText("What do we want to achieve this period?")
        self.text_edit.setAccessibleName(f"Candidate objective {number}")
        self.text_edit.setToolTip("The objective (Enter: next candidate, or add one; "
                                  "Ctrl+Up / Ctrl+Down: vote)")
        self.remove_button = QPushButton("Remove")
        self.remove_button.setAccessibleName(f"Remove candidate {number}")
        self.remove_button.setToolTip("Remove this candidate (Tab here, then Space)")
        top.addWidget(self.number_label)
        top.addWidget(self.text_edit, 1)
        top.addWidget(self.remove_button)
        outer.addLayout(top)

        self.why_edit = QLineEdit()
        self.why_edit.setPlaceholderText("Why it matters")
        self.why_edit.setAccessibleName(f"Why candidate {number} matters")
        self.why_edit.setToolTip("Why this matters, and to whom")
        outer.addWidget(self.why_edit)

        controls = QHBoxLayout()
        self.minus_button = QToolButton()
        self.minus_button.setText("−")
        self.minus_button.setAccessibleName(f"Remove a vote from candidate {number}")
        self.minus_button.setToolTip("One vote less (Ctrl+Down)")
        self.votes_label = QLabel()
        self.votes_label.setObjectName("candidateVotes")
        self.votes_label.setMinimumWidth(self.votes_label.fontMetrics()
                                         .horizontalAdvance("888 votes"))
        self.votes_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.plus_button = QToolButton()
        self.plus_button.setText("+")
        self.plus_button.setAccessibleName(f"Add a vote to candidate {number}")
        self.plus_button.setToolTip("One vote more (Ctrl+Up)")
        self.keep_box = QCheckBox("Keep")
        self.keep_box.setAccessibleName(f"Keep candidate {number}")
        self.keep_box.setToolTip("Keep this objective for the period (Space)")
        self.strategy_combo = QComboBox()
        self.strategy_combo.setAccessibleName(f"Strategy served by candidate {number}")
        self.strategy_combo.setToolTip("The strategy this objective serves (Up/Down)")
        self.strategy_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.strategy_combo.setMinimumContentsLength(16)
        self.strategy_combo.setSizePolicy(QSizePolicy.Policy.Expanding,
                                          QSizePolicy.Policy.Fixed)
        controls.addWidget(self.minus_button)
        controls.addWidget(self.votes_label)
        controls.addWidget(self.plus_button)
        controls.addSpacing(12)
        controls.addWidget(self.keep_box)
        controls.addSpacing(12)
        serves = QLabel("Serves:")
        serves.setBuddy(self.strategy_combo)
        controls.addWidget(serves)
        controls.addWidget(self.strategy_combo, 1)
        outer.addLayout(controls)

        self.hint = hint_label("coachHint")
        outer.addWidget(self.hint)

        # Voting keys work wherever the focus is inside this candidate.
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self.vote_up = QShortcut(QKeySequence("Ctrl+Up"), self, context=context)
        self.vote_down = QShortcut(QKeySequence("Ctrl+Down"), self, context=context)

    def focus_widgets(self) -> list[QWidget]:
        return [self.text_edit, self.why_edit, self.minus_button, self.plus_button,
                self.keep_box, self.strategy_combo, self.remove_button]


class ObjectivesPage(StagePage):
    """Candidates, dot votes, selection, strategy links and the statement preview."""

    stage_key = "objectives"
    heading = "Objectives"

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self._rows: list[_CandidateRow] = []
        self._current_index = -1

        candidates_box, candidates_layout = section("Candidates", "objectiveCandidates")
        self.empty_label = hint_label()
        self.empty_label.setText("No candidates yet. Collect what the room wants to achieve "
                                 "this period, one per line.")
        candidates_layout.addWidget(self.empty_label)
        self.rows_layout = QVBoxLayout()
        self.rows_layout.setSpacing(6)
        candidates_layout.addLayout(self.rows_layout)
        buttons = QHBoxLayout()
        self.add_button = QPushButton("&Add candidate")
        self.add_button.setAccessibleName("Add candidate")
        self.add_button.setToolTip("Add a candidate objective (Alt+A, or Enter in the last "
                                   "candidate)")
        self.add_button.clicked.connect(self.add_candidate)
        self.sort_button = QPushButton("&Sort by votes")
        self.sort_button.setAccessibleName("Sort by votes")
        self.sort_button.setToolTip("Put the most-voted candidates first (Alt+S). Rows stay "
                                    "put while you vote until you ask.")
        self.sort_button.clicked.connect(self.sort_by_votes)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.sort_button)
        buttons.addStretch(1)
        candidates_layout.addLayout(buttons)
        self.body_layout.addWidget(candidates_box)

        statements_box, statements_layout = section("The kept objectives in one sentence",
                                                    "objectiveStatements")
        self.statements_label = QLabel()
        self.statements_label.setObjectName("objectiveStatementPreview")
        self.statements_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statements_label.setWordWrap(True)
        self.statements_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statements_label.setAccessibleName("Objective statements")
        statements_layout.addWidget(self.statements_label)
        self.body_layout.addWidget(statements_box)
        self.body_layout.addStretch(1)
        self.refresh()

    # -- edits --------------------------------------------------------------------------
    def add_candidate(self) -> str:
        """Add an empty candidate and put the cursor in it; returns its id."""
        objective_id = self.controller.edit(edits.add_objective)
        self.refresh()
        self._focus_row(len(self._rows) - 1)
        return objective_id

    def remove_candidate(self, objective_id: str) -> None:
        index = self._index_of(objective_id)
        self.controller.edit(edits.remove_objective, objective_id)
        self.refresh()
        if self._rows:
            self._focus_row(min(max(index, 0), len(self._rows) - 1))
        else:
            self.add_button.setFocus()

    def change_votes(self, objective_id: str, delta: int) -> None:
        """One more (or one less) dot for a candidate; never below zero."""
        try:
            objective = self.controller.get(("objective", objective_id))
        except KeyError:
            return
        votes = max(0, objective.votes + delta)
        self.controller.set_field(("objective", objective_id), "votes", votes,
                                  "Vote" if delta > 0 else "Remove vote")
        self._refresh_row_values(self.controller.workshop)

    def sort_by_votes(self) -> None:
        """Most votes first; ties keep their order. Only on request, so rows stay put
        while the room is voting."""
        focused = self._current_row_id()
        self.controller.edit(edits.sort_objectives_by_votes)
        self.refresh()
        if focused:
            self._focus_row(self._index_of(focused))

    def _set_text(self, objective_id: str, field_name: str, text: str) -> None:
        self.controller.set_field(("objective", objective_id), field_name, text)
        self._refresh_row_values(self.controller.workshop)

    def _on_strategy(self, row: _CandidateRow, index: int) -> None:
        strategy_id = row.strategy_combo.itemData(index) or ""
        self.controller.set_field(("objective", row.objective_id), "strategy_id", strategy_id,
                                  "Link objective to strategy")

    def _on_return(self, objective_id: str) -> None:
        index = self._index_of(objective_id)
        if index == len(self._rows) - 1:
            self.add_candidate()
        elif index >= 0:
            self._focus_row(index + 1)

    # -- stepping through candidates ----------------------------------------------------
    def item_keys(self) -> list:
        return list(range(len(self._rows)))

    def current_item(self) -> object | None:
        return self._current_row_index()

    def go_to_item(self, key: object) -> None:
        self._focus_row(int(key))

    def focus_first(self) -> None:
        if self._rows:
            self._focus_row(0)
        else:
            self.add_button.setFocus()

    def _focus_row(self, index: int) -> None:
        if not 0 <= index < len(self._rows):
            return
        row = self._rows[index]
        row.text_edit.setFocus()
        self._current_index = index
        self.scroll_area.ensureWidgetVisible(row)
        self.controller.set_focus_item(("objective", row.objective_id))

    def _current_row_index(self) -> int:
        focus = QApplication.focusWidget()
        for index, row in enumerate(self._rows):
            if focus is not None and row.isAncestorOf(focus):
                return index
        return min(self._current_index, len(self._rows) - 1)

    def _current_row_id(self) -> str:
        index = self._current_row_index()
        return self._rows[index].objective_id if 0 <= index < len(self._rows) else ""

    def _index_of(self, objective_id: str) -> int:
        for index, row in enumerate(self._rows):
            if row.objective_id == objective_id:
                return index
        return -1

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        # Clicking or tabbing into a candidate makes it the one the projector highlights.
        if event.type() == QEvent.Type.FocusIn:
            for index, row in enumerate(self._rows):
                if watched is row.text_edit or watched is row.why_edit:
                    self._current_index = index
                    self.controller.set_focus_item(("objective", row.objective_id))
                    break
        return super().eventFilter(watched, event)

    # -- redraw -------------------------------------------------------------------------
    def refresh(self) -> None:
        ws = self.controller.workshop
        if [o.id for o in ws.objectives] != [r.objective_id for r in self._rows]:
            self._rebuild_rows(ws)
        strategies = [(s.id, s.text) for s in ws.context.strategies]
        for row in self._rows:
            self._fill_strategy_combo(row, strategies)
        self._refresh_row_values(ws)

    def _refresh_row_values(self, ws: Workshop) -> None:
        by_id = {o.id: o for o in ws.objectives}
        for row in self._rows:
            objective = by_id.get(row.objective_id)
            if objective is None:
                continue
            sync_line_edit(row.text_edit, objective.text)
            sync_line_edit(row.why_edit, objective.why_it_matters)
            row.votes_label.setText(votes_text(objective.votes))
            row.votes_label.setAccessibleName(
                f"Candidate {self._rows.index(row) + 1}: {votes_text(objective.votes)}")
            row.minus_button.setEnabled(objective.votes > 0)
            if row.keep_box.isChecked() != objective.selected:
                row.keep_box.blockSignals(True)
                row.keep_box.setChecked(objective.selected)
                row.keep_box.blockSignals(False)
            row.setProperty("kept", objective.selected)
            combo_index = max(0, row.strategy_combo.findData(objective.strategy_id))
            if row.strategy_combo.currentIndex() != combo_index:
                row.strategy_combo.blockSignals(True)
                row.strategy_combo.setCurrentIndex(combo_index)
                row.strategy_combo.blockSignals(False)
            hints = check_objective(objective.text, objective) if objective.text.strip() else []
            row.hint.setText(f"Coach: {hints[0].message}" if hints else "")
            row.hint.setVisible(bool(hints))
        self.empty_label.setVisible(not self._rows)
        self.sort_button.setEnabled(len(self._rows) > 1)
        self._refresh_statements(ws)

    def _refresh_statements(self, ws: Workshop) -> None:
        kept = [o for o in ws.objectives if o.selected and o.text.strip()]
        if not kept:
            self.statements_label.setText("Tick “Keep” on the candidates the room chooses; "
                                          "their sentence appears here.")
            return
        lines = [objective_statement(o) for o in kept]
        self.statements_label.setText("\n\n".join(lines))

    def _fill_strategy_combo(self, row: _CandidateRow,
                             strategies: list[tuple[str, str]]) -> None:
        wanted = [("", NOT_LINKED)] + [(sid, elided(text) or "(untitled strategy)")
                                       for sid, text in strategies]
        combo = row.strategy_combo
        current = [(combo.itemData(i) or "", combo.itemText(i)) for i in range(combo.count())]
        if current == wanted:
            return
        combo.blockSignals(True)
        combo.clear()
        for (sid, label), (_, full) in zip(wanted, [("", NOT_LINKED), *strategies],
                                           strict=True):
            combo.addItem(label, sid)
            combo.setItemData(combo.count() - 1, full, Qt.ItemDataRole.ToolTipRole)
        combo.blockSignals(False)

    def _rebuild_rows(self, ws: Workshop) -> None:
        for row in self._rows:
            self.rows_layout.removeWidget(row)
            row.hide()
            row.deleteLater()
        self._rows = []
        for number, objective in enumerate(ws.objectives, start=1):
            row = _CandidateRow(objective.id, number)
            oid = objective.id
            row.text_edit.textEdited.connect(
                lambda text, o=oid: self._set_text(o, "text", text))
            row.why_edit.textEdited.connect(
                lambda text, o=oid: self._set_text(o, "why_it_matters", text))
            row.text_edit.returnPressed.connect(lambda o=oid: self._on_return(o))
            row.why_edit.returnPressed.connect(lambda o=oid: self._on_return(o))
            row.plus_button.clicked.connect(lambda _c=False, o=oid: self.change_votes(o, 1))
            row.minus_button.clicked.connect(lambda _c=False, o=oid: self.change_votes(o, -1))
            row.vote_up.activated.connect(lambda o=oid: self.change_votes(o, 1))
            row.vote_down.activated.connect(lambda o=oid: self.change_votes(o, -1))
            row.keep_box.toggled.connect(
                lambda checked, o=oid: self._set_selected(o, checked))
            row.strategy_combo.activated.connect(
                lambda index, r=row: self._on_strategy(r, index))
            row.remove_button.clicked.connect(
                lambda _c=False, o=oid: self.remove_candidate(o))
            row.text_edit.installEventFilter(self)
            row.why_edit.installEventFilter(self)
            self.rows_layout.addWidget(row)
            # Shown now, not on the next event loop turn, so it can take the focus at once.
            row.show()
            self._rows.append(row)
        order: list[QWidget] = []
        for row in self._rows:
            order += row.focus_widgets()
        order += [self.add_button, self.sort_button]
        chain_tab_order(order)

    def _set_selected(self, objective_id: str, checked: bool) -> None:
        self.controller.set_field(("objective", objective_id), "selected", bool(checked),
                                  "Keep objective" if checked else "Drop objective")
        self._refresh_row_values(self.controller.workshop)

    # -- the window's hooks -------------------------------------------------------------
    def findings(self) -> list:
        ws = self.controller.workshop
        found: list = []
        for objective in ws.objectives:
            if objective.text.strip():
                found += check_objective(objective.text, objective)
        found += self.controller.stage_findings(self.stage_key)
        # The workshop-wide check may repeat a candidate's own finding: show it once.
        unique: list = []
        seen: set[tuple[str, str, str]] = set()
        for finding in found:
            key = (finding.code, finding.subject_id, finding.message)
            if key not in seen:
                seen.add(key)
                unique.append(finding)
        return unique


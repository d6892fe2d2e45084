"""The objectives page: draft candidates, dot-vote, keep the few, link each to a strategy,
with the coach's hint under every candidate and the one-sentence statement of the kept
ones."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workshop import edits
from workshop.coach import check_objective
from workshop.model import Objective, Workshop, objective_statement
from workshop.ui.pages.base import StagePage
from workshop.ui.pages.common import (
    button,
    chain_tab_order,
    elided,
    hint_label,
    section,
    sync_label,
    sync_line_edit,
    text_field,
)
from workshop.ui.session import SessionController
from workshop.ui.widgets.row_list import Row, RowList
from workshop.ui.widgets.style import set_style_state

NOT_LINKED = "Not linked to a strategy"


def votes_text(votes: int) -> str:
    return "1 vote" if votes == 1 else f"{votes} votes"


class _CandidateRow(Row):
    """One candidate objective: text, why it matters, votes, keep, strategy, coach hint."""

    def __init__(self, page: ObjectivesPage, objective_id: str, number: int) -> None:
        super().__init__(objective_id)
        self.objective_id = objective_id
        self.number = number
        self.setObjectName("candidateRow")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 6, 8, 6)
        outer.setSpacing(4)

        top = QHBoxLayout()
        self.number_label = QLabel(f"{number}.")
        self.number_label.setObjectName("candidateNumber")
        address = ("objective", objective_id)

        def enter() -> None:
            page.candidate_rows.enter_in(objective_id, page.add_candidate)

        self.text_edit = text_field(
            "What do we want to achieve this period?", f"Candidate objective {number}",
            "The objective (Enter: next candidate, or add one; Ctrl+Up / Ctrl+Down: vote)",
            on_edit=lambda text: page.controller.set_field(address, "text", text),
            on_enter=enter)
        self.remove_button = button(
            "Remove", "Remove this candidate (Tab here, then Space)",
            lambda: page.remove_candidate(objective_id),
            accessible=f"Remove candidate {number}")
        top.addWidget(self.number_label)
        top.addWidget(self.text_edit, 1)
        top.addWidget(self.remove_button)
        outer.addLayout(top)

        self.why_edit = text_field(
            "Why it matters", f"Why candidate {number} matters", "Why this matters, and to whom",
            on_edit=lambda text: page.controller.set_field(address, "why_it_matters", text),
            on_enter=enter)
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
        # Short at its narrowest: a 1024-pixel screen has room for "Win the mid-size…".
        self.strategy_combo.setMinimumContentsLength(10)
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
        for vote, delta in ((self.vote_up, 1), (self.vote_down, -1),
                            (self.plus_button.clicked, 1), (self.minus_button.clicked, -1)):
            signal = vote.activated if isinstance(vote, QShortcut) else vote
            signal.connect(lambda *_args, d=delta: page.change_votes(objective_id, d))
        self.keep_box.toggled.connect(
            lambda checked: page.controller.set_field(
                address, "selected", bool(checked),
                "Keep objective" if checked else "Drop objective"))
        self.strategy_combo.activated.connect(
            lambda index: page.controller.set_field(
                address, "strategy_id", self.strategy_combo.itemData(index) or "",
                "Link objective to strategy"))

    def focus_widgets(self) -> list[QWidget]:
        return [self.text_edit, self.why_edit, self.minus_button, self.plus_button,
                self.keep_box, self.strategy_combo, self.remove_button]

    def sync(self, item: object) -> None:
        assert isinstance(item, Objective)
        sync_line_edit(self.text_edit, item.text)
        sync_line_edit(self.why_edit, item.why_it_matters)
        sync_label(self.votes_label, votes_text(item.votes))
        self.votes_label.setAccessibleName(f"Candidate {self.number}: {votes_text(item.votes)}")
        self.minus_button.setEnabled(item.votes > 0)
        if self.keep_box.isChecked() != item.selected:
            self.keep_box.blockSignals(True)
            self.keep_box.setChecked(item.selected)
            self.keep_box.blockSignals(False)
        set_style_state(self, "kept", item.selected)
        combo_index = max(0, self.strategy_combo.findData(item.strategy_id))
        if self.strategy_combo.currentIndex() != combo_index:
            self.strategy_combo.blockSignals(True)
            self.strategy_combo.setCurrentIndex(combo_index)
            self.strategy_combo.blockSignals(False)
        hints = check_objective(item.text, item) if item.text.strip() else []
        sync_label(self.hint, f"Coach: {hints[0].message}" if hints else "")
        self.hint.setVisible(bool(hints))


class ObjectivesPage(StagePage):
    """Candidates, dot votes, selection, strategy links and the statement preview."""

    stage_key = "objectives"
    heading = "Objectives"

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)

        candidates_box, candidates_layout = section("Candidates", "objectiveCandidates")
        self.empty_label = hint_label()
        self.empty_label.setText("No candidates yet. Collect what the room wants to achieve "
                                 "this period, one per line.")
        candidates_layout.addWidget(self.empty_label)
        self.candidate_rows = RowList(
            lambda key, number: _CandidateRow(self, key, number),
            lambda key: self.controller.get(("objective", key)), self.item_focused,
            spacing=6, scroll_area=self.scroll_area, lazy=True)
        self.item_rows = self.candidate_rows
        candidates_layout.addWidget(self.candidate_rows)
        buttons = QHBoxLayout()
        self.add_button = button("&Add candidate", "Add a candidate objective (Alt+A, or "
                                 "Enter in the last candidate)", self.add_candidate)
        self.sort_button = button("&Sort by votes", "Put the most-voted candidates first "
                                  "(Alt+S). Rows stay put while you vote until you ask.",
                                  self.sort_by_votes)
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

    item_kind = "objective"

    @property
    def _rows(self) -> list[_CandidateRow]:
        """The candidates' rows in reading order."""
        return self.candidate_rows.in_order()

    # -- edits --------------------------------------------------------------------------
    def add_candidate(self) -> str:
        """Add an empty candidate and put the cursor in it; returns its id."""
        return self.add_row(self.candidate_rows, edits.add_objective)

    def remove_candidate(self, objective_id: str) -> None:
        self.remove_row(self.candidate_rows, edits.remove_objective, objective_id,
                        self.add_button)

    def change_votes(self, objective_id: str, delta: int) -> None:
        """One more (or one less) dot for a candidate; never below zero."""
        try:
            objective = self.controller.get(("objective", objective_id))
        except KeyError:
            return
        votes = max(0, objective.votes + delta)
        self.controller.set_field(("objective", objective_id), "votes", votes,
                                  "Vote" if delta > 0 else "Remove vote")

    def sort_by_votes(self) -> None:
        """Most votes first; ties keep their order. Only on request, so rows stay put
        while the room is voting. The focus goes back to the candidate it was on."""
        focused = self.candidate_rows.current_key()
        self.controller.edit(edits.sort_objectives_by_votes)
        self.refresh()
        if focused:
            self.candidate_rows.focus_row(focused)

    def focus_first(self) -> None:
        if self.candidate_rows.keys:
            self.candidate_rows.focus_row(self.candidate_rows.keys[0])
        else:
            self.add_button.setFocus()

    # -- redraw -------------------------------------------------------------------------
    def refresh(self, kind: str = "", ident: str = "") -> None:
        ws = self.controller.workshop
        strategies = [(s.id, s.text) for s in ws.context.strategies]
        # Fill the combos before syncing, so each row can show its strategy.
        for row in self.candidate_rows.rows.values():
            self._fill_strategy_combo(row, strategies)
        if self.candidate_rows.update_items([o.id for o in ws.objectives],
                                            ident if kind == "objective" else ""):
            for row in self.candidate_rows.rows.values():
                self._fill_strategy_combo(row, strategies)
                row.sync(self.controller.get(("objective", row.key)))
            chain_tab_order([*self.candidate_rows.focus_chain(), self.add_button,
                             self.sort_button])
        self.empty_label.setVisible(not ws.objectives)
        self.sort_button.setEnabled(len(ws.objectives) > 1)
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


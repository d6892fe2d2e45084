"""The retro page, for a session reopened at the period's end: score every key result of
the kept objectives from 0.0 to 1.0, note what happened, and answer the four retro
questions."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from workshop.clock import today
from workshop.method import GOOD_SCORE, RETRO_QUESTIONS, score_band
from workshop.model import Workshop
from workshop.ui.pages.base import StagePage
from workshop.ui.pages.common import (
    OptionalDateField,
    PlainTextField,
    chain_tab_order,
    hint_label,
    section,
    sync_line_edit,
)
from workshop.ui.session import SessionController

# The spin box's value just below 0.0 stands for "not scored yet" (shown in words).
_UNSCORED = -0.1

BAND_WORDS = {
    "green": "Green: a good result",
    "yellow": "Yellow: progress, short of the target",
    "red": "Red: well short of the target",
    "": "Not scored yet",
}


def band_text(score: float | None) -> str:
    """The score's band in words; colour only repeats what this says."""
    return BAND_WORDS[score_band(score)]


def average_score(ws: Workshop) -> float | None:
    """Mean score of the scored key results of the kept objectives; None if none is."""
    scores = [kr.score for _, kr in ws.all_key_results() if kr.score is not None]
    return sum(scores) / len(scores) if scores else None


def _repolish(widget: QWidget) -> None:
    # A changed dynamic property only restyles after a re-polish.
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class _ScoreRow(QFrame):
    """One key result: its text, the score, the band in words, and a note."""

    def __init__(self, kr_id: str, number: str, text: str) -> None:
        super().__init__()
        self.kr_id = kr_id
        self.setObjectName("retroScoreRow")
        layout = QGridLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setColumnStretch(1, 1)
        self.text_label = QLabel(text or "(key result without text)")
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        self.text_label.setWordWrap(True)
        self.text_label.setSizePolicy(QSizePolicy.Policy.Expanding,
                                      QSizePolicy.Policy.Preferred)
        self.score_spin = QDoubleSpinBox()
        self.score_spin.setRange(_UNSCORED, 1.0)
        self.score_spin.setSingleStep(0.1)
        self.score_spin.setDecimals(2)
        self.score_spin.setSpecialValueText("not scored")
        self.score_spin.setAccessibleName(f"Score for key result {number}")
        self.score_spin.setToolTip("Score 0.0 to 1.0; 0.7 is a good result for a stretch "
                                   "target (Up/Down: 0.1 steps; PageDown: next key result)")
        # Fixed widths keep the score column straight from one key result to the next.
        self.score_spin.setFixedWidth(self.score_spin.fontMetrics()
                                      .horizontalAdvance("not scored") + 48)
        self.band_label = QLabel()
        self.band_label.setObjectName("muted")
        self.band_label.setTextFormat(Qt.TextFormat.PlainText)
        self.band_label.setFixedWidth(self.band_label.fontMetrics()
                                      .horizontalAdvance(BAND_WORDS["yellow"]) + 20)
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText("Note: what happened, what we learned")
        self.note_edit.setAccessibleName(f"Note for key result {number}")
        self.note_edit.setToolTip("A note on this key result's score")
        number_label = QLabel(number)
        number_label.setObjectName("retroKrNumber")
        number_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(number_label, 0, 0)
        layout.addWidget(self.text_label, 0, 1)
        layout.addWidget(self.score_spin, 0, 2)
        layout.addWidget(self.band_label, 0, 3)
        layout.addWidget(self.note_edit, 1, 1, 1, 3)

    def show_band(self, score: float | None) -> None:
        band = score_band(score)
        self.band_label.setText(band_text(score))
        self.band_label.setAccessibleName(f"Band: {band_text(score)}")
        # The theme colours the band by object name (bandGreen / bandYellow / bandRed).
        object_name = f"band{band.capitalize()}" if band else "muted"
        if self.band_label.objectName() != object_name:
            self.band_label.setObjectName(object_name)
            self.band_label.setProperty("band", band)
            _repolish(self.band_label)


class RetroPage(StagePage):
    """Scores, notes and the four questions of the end-of-period retro."""

    stage_key = "retro"
    heading = "Retro"

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self._rows: list[_ScoreRow] = []
        self._row_signature: list[tuple[str, str]] = []

        top = QHBoxLayout()
        top.addWidget(QLabel("Retro held on:"))
        # Ticking the date suggests the planned retro date, else today.
        self.held_on_field = OptionalDateField(
            "Retro date", lambda: today(self.controller.clock),
            lambda: self.controller.workshop.cadence.retro_date)
        self.held_on_field.date_changed.connect(
            lambda value: self.controller.set_field(("retro", ""), "held_on", value,
                                                    "Set retro date"))
        top.addWidget(self.held_on_field, 1)
        self.body_layout.addLayout(top)

        scores_box, scores_layout = section("Score each key result (0.0 to 1.0)",
                                            "retroScores")
        explain = hint_label()
        explain.setText(f"{GOOD_SCORE:.1f} is a good result for a stretch target. Always "
                        "hitting 1.0 means the targets were too easy.")
        scores_layout.addWidget(explain)
        self.scores_layout = QVBoxLayout()
        self.scores_layout.setSpacing(6)
        scores_layout.addLayout(self.scores_layout)
        self.average_label = hint_label("retroAverage")
        self.average_label.setAccessibleName("Average score")
        scores_layout.addWidget(self.average_label)
        self.body_layout.addWidget(scores_box)

        questions_box, questions_layout = section("Looking back", "retroQuestions")
        self.question_edits: dict[str, PlainTextField] = {}
        for field_name, question in RETRO_QUESTIONS:
            edit = PlainTextField(lines=2)
            edit.setAccessibleName(question)
            edit.setToolTip(f"{question} (Tab: next field)")
            edit.edited.connect(
                lambda text, f=field_name: self.controller.set_field(("retro", ""), f, text))
            label = QLabel(question)
            label.setWordWrap(True)
            label.setBuddy(edit)
            questions_layout.addWidget(label)
            questions_layout.addWidget(edit)
            self.question_edits[field_name] = edit
        self.body_layout.addWidget(questions_box)
        self.body_layout.addStretch(1)
        self.refresh()

    # -- edits --------------------------------------------------------------------------
    def _on_score(self, row: _ScoreRow, value: float) -> None:
        score = None if value <= _UNSCORED + 1e-9 else round(min(max(value, 0.0), 1.0), 2)
        self.controller.set_field(("kr", row.kr_id), "score", score, "Score key result")
        row.show_band(score)
        self._refresh_average(self.controller.workshop)

    # -- stepping through key results ---------------------------------------------------
    def _current_index(self) -> int:
        focus = QApplication.focusWidget()
        for index, row in enumerate(self._rows):
            if focus is not None and row.isAncestorOf(focus):
                return index
        return -1

    def _focus_row(self, index: int) -> None:
        row = self._rows[index]
        row.score_spin.setFocus()
        self.scroll_area.ensureWidgetVisible(row)
        self.controller.set_focus_item(("kr", row.kr_id))

    def item_keys(self) -> list:
        return list(range(len(self._rows)))

    def current_item(self) -> object | None:
        return self._current_index()

    def go_to_item(self, key: object) -> None:
        self._focus_row(int(key))

    def focus_first(self) -> None:
        if self._rows:
            self._focus_row(0)
        else:
            self.held_on_field.set_box.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.FocusIn:
            for row in self._rows:
                if watched is row.score_spin or watched is row.note_edit:
                    self.controller.set_focus_item(("kr", row.kr_id))
                    break
        return super().eventFilter(watched, event)

    # -- redraw -------------------------------------------------------------------------
    def refresh(self) -> None:
        ws = self.controller.workshop
        self.held_on_field.sync(ws.retro.held_on)
        for field_name, edit in self.question_edits.items():
            edit.sync(getattr(ws.retro, field_name))
        signature = self._signature(ws)
        if signature != self._row_signature:
            self._rebuild_rows(ws)
            self._row_signature = signature
        by_id = {kr.id: kr for _, kr in ws.all_key_results()}
        for row in self._rows:
            kr = by_id.get(row.kr_id)
            if kr is None:
                continue
            shown = _UNSCORED if kr.score is None else kr.score
            if abs(row.score_spin.value() - shown) > 1e-9:
                row.score_spin.blockSignals(True)
                row.score_spin.setValue(shown)
                row.score_spin.blockSignals(False)
            row.show_band(kr.score)
            sync_line_edit(row.note_edit, kr.retro_note)
        self._refresh_average(ws)

    def _refresh_average(self, ws: Workshop) -> None:
        average = average_score(ws)
        if average is None:
            self.average_label.setText("No key result scored yet.")
        else:
            self.average_label.setText(f"Average score {average:.2f} "
                                       f"({band_text(average)}).")

    @staticmethod
    def _signature(ws: Workshop) -> list[tuple[str, str]]:
        # Rebuild only when the objectives or key results (or their wording) change, so a
        # score being typed keeps its focus.
        signature: list[tuple[str, str]] = []
        for objective in ws.selected_objectives():
            signature.append(("objective", objective.id + objective.text))
            signature += [("kr", kr.id + kr.text) for kr in objective.key_results]
        return signature

    def _rebuild_rows(self, ws: Workshop) -> None:
        while self.scores_layout.count():
            item = self.scores_layout.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self._rows = []
        objectives = ws.selected_objectives()
        if not any(o.key_results for o in objectives):
            empty = hint_label()
            empty.setText("No key results to score: this session has none yet.")
            self.scores_layout.addWidget(empty)
        for o_number, objective in enumerate(objectives, start=1):
            heading = QLabel(f"Objective {o_number}: {objective.text or '(untitled)'}")
            heading.setObjectName("retroObjective")
            heading.setTextFormat(Qt.TextFormat.PlainText)
            heading.setWordWrap(True)
            bold = heading.font()
            bold.setBold(True)
            heading.setFont(bold)
            self.scores_layout.addWidget(heading)
            for k_number, kr in enumerate(objective.key_results, start=1):
                row = _ScoreRow(kr.id, f"KR {o_number}.{k_number}", kr.text)
                row.score_spin.valueChanged.connect(
                    lambda value, r=row: self._on_score(r, value))
                row.note_edit.textEdited.connect(
                    lambda text, k=kr.id: self.controller.set_field(("kr", k), "retro_note",
                                                                    text))
                row.score_spin.installEventFilter(self)
                row.note_edit.installEventFilter(self)
                self.scores_layout.addWidget(row)
                self._rows.append(row)
        order: list[QWidget] = [self.held_on_field.set_box, self.held_on_field.edit]
        for row in self._rows:
            order += [row.score_spin, row.note_edit]
        order += list(self.question_edits.values())
        chain_tab_order(order)

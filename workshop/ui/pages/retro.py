"""The retro page, for a session reopened at the period's end: score every key result of
the kept objectives from 0.0 to 1.0, note what happened, and answer the four retro
questions."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from workshop.clock import today
from workshop.method import GOOD_SCORE, RETRO_QUESTIONS, score_band
from workshop.model import KeyResult, Workshop
from workshop.ui.pages.base import StagePage
from workshop.ui.pages.common import (
    OptionalDateField,
    PlainTextField,
    chain_tab_order,
    emphasise,
    hint_label,
    plain_label,
    section,
    sync_label,
    sync_line_edit,
    text_field,
)
from workshop.ui.session import SessionController
from workshop.ui.widgets.row_list import Row, RowList
from workshop.ui.widgets.style import set_style_state

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


class _ScoreRow(Row):
    """One key result: its objective's heading (on the objective's first key result), its
    text, the score, the band in words, and a note."""

    def __init__(self, page: RetroPage, kr_id: str, place: _Place) -> None:
        super().__init__(kr_id)
        self.kr_id = kr_id
        number = place.number
        self.setObjectName("retroScoreRow")
        layout = QGridLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        # The key result's text has the row's whole width: beside the score and its band
        # it was squeezed to a few letters a line on a 1024-pixel screen.
        layout.setColumnStretch(3, 1)
        self.heading = emphasise(plain_label("", "retroObjective"))
        self.text_label = plain_label()
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
        self.note_edit = text_field(
            "Note: what happened, what we learned", f"Note for key result {number}",
            "A note on this key result's score",
            on_edit=lambda text: page.controller.set_field(("kr", kr_id), "retro_note", text))
        number_label = QLabel(number)
        number_label.setObjectName("retroKrNumber")
        number_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.heading, 0, 0, 1, 4)
        # Shown or hidden once it has a parent: shown before, it was a window of its own.
        self.heading.setVisible(place.first)
        layout.addWidget(number_label, 1, 0)
        layout.addWidget(self.text_label, 1, 1, 1, 3)
        layout.addWidget(self.score_spin, 2, 1)
        layout.addWidget(self.band_label, 2, 2)
        layout.addWidget(self.note_edit, 3, 1, 1, 3)
        self.score_spin.valueChanged.connect(lambda value: page.score(self, value))

    def focus_widgets(self) -> list[QWidget]:
        return [self.score_spin, self.note_edit]

    def sync(self, item: object) -> None:
        assert isinstance(item, _Place)
        kr = item.kr
        sync_label(self.heading, item.objective_heading)
        sync_label(self.text_label, kr.text or "(key result without text)")
        shown = _UNSCORED if kr.score is None else kr.score
        if abs(self.score_spin.value() - shown) > 1e-9:
            self.score_spin.blockSignals(True)
            self.score_spin.setValue(shown)
            self.score_spin.blockSignals(False)
        self.show_band(kr.score)
        sync_line_edit(self.note_edit, kr.retro_note)

    def show_band(self, score: float | None) -> None:
        band = score_band(score)
        self.band_label.setText(band_text(score))
        self.band_label.setAccessibleName(f"Band: {band_text(score)}")
        # The theme colours the band by object name (bandGreen / bandYellow / bandRed).
        object_name = f"band{band.capitalize()}" if band else "muted"
        if self.band_label.objectName() != object_name:
            self.band_label.setObjectName(object_name)
            set_style_state(self.band_label, "band", band)


@dataclass(frozen=True)
class _Place:
    """A key result where the retro shows it: "KR 2.1", under which objective."""

    kr: KeyResult
    number: str
    objective_heading: str
    first: bool  # the objective's first key result carries its heading


def _places(ws: Workshop) -> dict[str, _Place]:
    places: dict[str, _Place] = {}
    for o_number, objective in enumerate(ws.selected_objectives(), start=1):
        for k_number, kr in enumerate(objective.key_results, start=1):
            heading = f"Objective {o_number}: {objective.text or '(untitled)'}"
            places[kr.id] = _Place(kr, f"KR {o_number}.{k_number}", heading, k_number == 1)
    return places


class RetroPage(StagePage):
    """Scores, notes and the four questions of the end-of-period retro."""

    stage_key = "retro"
    heading = "Retro"

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)

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
        self.no_scores_label = hint_label()
        self.no_scores_label.setText("No key results to score: this session has none yet.")
        scores_layout.addWidget(self.no_scores_label)
        self._places: dict[str, _Place] = {}
        self.score_rows = RowList(
            lambda key, _number: _ScoreRow(self, key, self._places[key]),
            lambda key: self._places[key], self.item_focused, spacing=6,
            scroll_area=self.scroll_area, lazy=True)
        self.item_rows = self.score_rows
        scores_layout.addWidget(self.score_rows)
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

    item_kind = "kr"

    @property
    def _rows(self) -> list[_ScoreRow]:
        """The score rows in reading order."""
        return self.score_rows.in_order()

    # -- edits --------------------------------------------------------------------------
    def score(self, row: _ScoreRow, value: float) -> None:
        score = None if value <= _UNSCORED + 1e-9 else round(min(max(value, 0.0), 1.0), 2)
        self.controller.set_field(("kr", row.kr_id), "score", score, "Score key result")
        row.show_band(score)
        self._refresh_average(self.controller.workshop)

    def focus_first(self) -> None:
        if self.score_rows.keys:
            self.score_rows.focus_row(self.score_rows.keys[0])
        else:
            self.held_on_field.set_box.setFocus()

    # -- redraw -------------------------------------------------------------------------
    def refresh(self, kind: str = "", ident: str = "") -> None:
        ws = self.controller.workshop
        self.held_on_field.sync(ws.retro.held_on)
        for field_name, edit in self.question_edits.items():
            edit.sync(getattr(ws.retro, field_name))
        self._places = _places(ws)
        if self.score_rows.update_items(list(self._places), ident if kind == "kr" else ""):
            chain_tab_order([self.held_on_field.set_box, self.held_on_field.edit,
                             *self.score_rows.focus_chain(), *self.question_edits.values()])
        self.no_scores_label.setVisible(not self._places)
        self._refresh_average(ws)

    def _refresh_average(self, ws: Workshop) -> None:
        average = average_score(ws)
        if average is None:
            self.average_label.setText("No key result scored yet.")
        else:
            self.average_label.setText(f"Average score {average:.2f} "
                                       f"({band_text(average)}).")

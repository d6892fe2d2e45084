"""The review page: the method's six checklist questions, answered yes or no together,
with a comment each, and what the coach sees next to the questions it can check."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from workshop import edits
from workshop.coach import Finding
from workshop.coach.checks import MAX_OKRS_TOTAL
from workshop.method import CHECKLIST_MAX_NO, CHECKLIST_QUESTIONS
from workshop.model import ChecklistAnswer, Workshop
from workshop.ui.pages.base import StagePage
from workshop.ui.pages.common import hint_label, sync_line_edit, text_field, warn
from workshop.ui.session import SessionController
from workshop.ui.widgets.row_list import Row, RowList
from workshop.ui.widgets.style import set_style_state


def output_count_text(ws: Workshop, findings: Iterable[Finding]) -> str:
    """What the coach sees for question 2, in words, from its findings."""
    krs = [kr for _, kr in ws.all_key_results() if kr.text.strip()]
    if not krs:
        return "Coach: no key results written yet."
    flagged = {f.subject_id for f in findings if f.code == "kr.output"}
    outputs = sum(1 for kr in krs if kr.id in flagged)
    if outputs == 0:
        return f"Coach: all {len(krs)} key results read as outcomes."
    noun = "key result still looks" if outputs == 1 else "key results still look"
    return f"Coach: {outputs} {noun} like an output."


def focus_count_text(ws: Workshop) -> str:
    """What the coach sees for question 4, in words."""
    objectives = ws.selected_objectives()
    krs = [kr for _, kr in ws.all_key_results() if kr.text.strip()]
    o_noun = "objective" if len(objectives) == 1 else "objectives"
    k_noun = "key result" if len(krs) == 1 else "key results"
    text = f"Coach: {len(objectives)} {o_noun} with {len(krs)} {k_noun} in total"
    if len(krs) > MAX_OKRS_TOTAL:
        return text + f": {MAX_OKRS_TOTAL + 1} or more, the set has lost focus."
    return text + "."


class _QuestionRow(Row):
    """One checklist question: the text, Yes / No, a comment, and the coach's view."""

    def __init__(self, page: ReviewPage, number: int, question: str) -> None:
        super().__init__(str(number))
        self.number = number
        self.setObjectName("checklistRow")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 6, 8, 6)
        outer.setSpacing(4)
        self.question_label = QLabel(f"{number}. {question}")
        self.question_label.setObjectName("checklistQuestion")
        self.question_label.setWordWrap(True)
        self.question_label.setTextFormat(Qt.TextFormat.PlainText)
        outer.addWidget(self.question_label)

        answer_row = QHBoxLayout()
        self.yes_button = QRadioButton("Yes")
        self.no_button = QRadioButton("No")
        # Not auto-exclusive: a second press on the chosen answer clears it again.
        for button, word, key in ((self.yes_button, "Yes", "Y"), (self.no_button, "No", "N")):
            button.setAutoExclusive(False)
            button.setAccessibleName(f"Question {number}: {word}")
            button.setToolTip(f"{word} ({key} on this question; again to clear)")
        self.comment_edit = text_field(
            "Comment: what came up, what to fix", f"Question {number} comment",
            "A comment on this answer; it goes into the handout")
        answer_row.addWidget(self.yes_button)
        answer_row.addWidget(self.no_button)
        answer_row.addSpacing(8)
        answer_row.addWidget(self.comment_edit, 1)
        outer.addLayout(answer_row)
        self.coach_label = hint_label("coachHint")
        self.coach_label.setVisible(False)
        outer.addWidget(self.coach_label)
        self.yes_button.clicked.connect(lambda: page.press(number, True))
        self.no_button.clicked.connect(lambda: page.press(number, False))
        self.comment_edit.textEdited.connect(lambda text: page.set_comment(number, text))
        for widget in (self.yes_button, self.no_button):
            widget.installEventFilter(page)

    def focus_widgets(self) -> list[QWidget]:
        # The cursor lands on the answer given ("No" when it was no), else on "Yes".
        if self.no_button.isChecked():
            return [self.no_button, self.comment_edit, self.yes_button]
        return [self.yes_button, self.no_button, self.comment_edit]

    def sync(self, item: object) -> None:
        value = item.answer if isinstance(item, ChecklistAnswer) else None
        self.yes_button.setChecked(value is True)
        self.no_button.setChecked(value is False)
        sync_line_edit(self.comment_edit,
                       item.comment if isinstance(item, ChecklistAnswer) else "")
        set_style_state(self, "answer", {True: "yes", False: "no"}.get(value, ""))


class ReviewPage(StagePage):
    """The six yes/no questions, a banner when too many are "no", and the coach's view."""

    stage_key = "review"
    heading = "Review checklist"
    item_kind = "checklist"  # the room marks the question under discussion

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        intro = hint_label()
        intro.setText("Read the questions out loud and answer together. Press Y or N on a "
                      "question; PageDown moves to the next one.")
        self.body_layout.addWidget(intro)
        self.banner = hint_label()
        warn(self.banner)
        self.banner.setAccessibleName("Checklist warning")
        self.body_layout.addWidget(self.banner)
        self.question_rows = RowList(
            lambda key, number: _QuestionRow(self, number, CHECKLIST_QUESTIONS[number - 1]),
            lambda key: self.answer(int(key)), spacing=10, scroll_area=self.scroll_area)
        self.item_rows = self.question_rows
        self.question_rows.update_items([str(n) for n in range(1, len(CHECKLIST_QUESTIONS) + 1)])
        self._show_coach()
        controller.findings_changed.connect(self._show_coach)
        self.body_layout.addWidget(self.question_rows)
        self.summary_label = hint_label()
        self.summary_label.setAccessibleName("Checklist summary")
        self.body_layout.addWidget(self.summary_label)
        self.body_layout.addStretch(1)
        self.refresh()

    @property
    def _rows(self) -> list[_QuestionRow]:
        """The questions' rows, in order."""
        return self.question_rows.in_order()

    # -- edits --------------------------------------------------------------------------
    def answer(self, number: int) -> ChecklistAnswer | None:
        """The stored answer to question `number`, or None while it has none."""
        for entry in self.controller.workshop.checklist:
            if entry.question == number:
                return entry
        return None

    def set_answer(self, number: int, value: bool | None) -> None:
        """Record yes (True), no (False) or "not answered" (None) for question `number`."""
        if self.answer(number) is None:
            if value is None:
                return
            self.controller.edit(edits.answer_checklist_question, number, value)
        else:
            self.controller.set_field(("checklist", str(number)), "answer", value,
                                      "Answer checklist question")
        self.refresh()

    def set_comment(self, number: int, text: str) -> None:
        if self.answer(number) is None:
            self.controller.edit(edits.comment_checklist_question, number, text)
        else:
            self.controller.set_field(("checklist", str(number)), "comment", text)

    def press(self, number: int, pressed_yes: bool) -> None:
        entry = self.answer(number)
        current = entry.answer if entry else None
        # Pressing the answer already given clears it: a mistaken click is undone in place.
        self.set_answer(number, None if current is pressed_yes else pressed_yes)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            for row in self._rows:
                if watched is row.yes_button or watched is row.no_button:
                    if event.key() == Qt.Key.Key_Y:
                        self.set_answer(row.number, True)
                        row.yes_button.setFocus()
                        return True
                    if event.key() == Qt.Key.Key_N:
                        self.set_answer(row.number, False)
                        row.no_button.setFocus()
                        return True
        return super().eventFilter(watched, event)

    def focus_first(self) -> None:
        self.question_rows.focus_row("1")

    # -- redraw -------------------------------------------------------------------------
    def _show_coach(self) -> None:
        """What the coach sees for question 2: its findings, read from the controller
        when the page is made and whenever the coach has read the session again (not on
        every redraw: typing a comment must not wait for the coach)."""
        self._rows[1].coach_label.setText(output_count_text(
            self.controller.workshop, self.controller.stage_findings(self.stage_key)))
        self._rows[1].coach_label.setVisible(True)

    def refresh(self, kind: str = "", ident: str = "") -> None:
        ws = self.controller.workshop
        self.question_rows.update_items(self.question_rows.keys)
        self._rows[3].coach_label.setText(focus_count_text(ws))
        self._rows[3].coach_label.setVisible(True)
        no_count = sum(1 for entry in ws.checklist if entry.answer is False)
        answered = sum(1 for entry in ws.checklist if entry.answer is not None)
        if no_count > CHECKLIST_MAX_NO:
            self.banner.setText(f"{no_count} questions answered “no”: there is work to do "
                                "before the group leaves. Fix it now or agree who will.")
        self.banner.setVisible(no_count > CHECKLIST_MAX_NO)
        total = len(CHECKLIST_QUESTIONS)
        self.summary_label.setText(f"{answered} of {total} questions answered, "
                                   f"{no_count} “no”.")


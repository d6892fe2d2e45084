"""The ask-why stage: one output key result at a time, climb the why-ladder until the
answer names a change that matters, put a number on it, and accept the rewrite (the
original output becomes an action under the new key result), or keep the key result on
purpose with a reason.

The ladder's answers go into the key result's `why_steps` as they are typed, through the
controller's ordinary typing path: a burst of typing is one undo step, and it is saved
within the autosave delay even while the typing goes on, so a crash loses nothing of what
the room said. Enter on an answer asks the next why.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from workshop import coach, edits
from workshop.flows import ask_why
from workshop.model import KeyResult, WhyStep, kr_range
from workshop.ui.pages import common
from workshop.ui.pages.base import StagePage
from workshop.ui.pages.key_results import DIRECTION_LABELS
from workshop.ui.session import SessionController
from workshop.ui.widgets.badge import KindBadge
from workshop.ui.widgets.row_list import Row, RowList

LADDER = "ladder"
MEASURE = "measure"

REWRITE_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("text", "New key result", "e.g. Increase enterprise sign-ups by 25%"),
    ("metric", "Metric", "What we count"),
    ("baseline", "From", "Today's value"),
    ("target", "To", "The value we aim for"),
    ("unit", "Unit", "%, days, leads, ..."),
)


class _Rung(Row):
    """One rung of the why-ladder: the question and the room's answer."""

    def __init__(self, page: AskWhyPage, number: int) -> None:
        super().__init__(str(number))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.number = number
        self.question = common.emphasise(common.plain_label("", "whyQuestion"))
        self.answer = common.text_field(
            "The room's answer", f"Answer to why question {number}",
            "Write the room's answer; Enter asks why again", name="whyAnswer",
            on_edit=lambda text: page.answer_edited(number - 1, text),
            on_enter=page.ask_again)
        self.question.setBuddy(self.answer)
        layout.addWidget(self.question)
        layout.addWidget(self.answer)

    def focus_widgets(self) -> list[QWidget]:
        return [self.answer]

    def sync(self, item: object) -> None:
        assert isinstance(item, WhyStep)
        common.sync_label(self.question, f"{self.number}. {item.question}")
        common.sync_line_edit(self.answer, item.answer)


class AskWhyPage(StagePage):
    """The why-ladder for each key result the coach calls an output."""

    stage_key = "ask_why"
    heading = "Ask why"

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.selected_kr_id = ""
        self.modes: dict[str, str] = {}  # kr id -> LADDER / MEASURE
        self._queue_shape: tuple | None = None
        self._done_shape: tuple | None = None
        self._build()
        self.refresh()

    # -- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        queue_caption = common.emphasise(QLabel("Outputs to rewrite"))
        queue_caption.setObjectName("sectionHeading")
        self.body_layout.addWidget(queue_caption)
        self.queue_list = QListWidget()
        self.queue_list.setObjectName("whyQueue")
        self.queue_list.setAccessibleName("Output key results waiting for the why-ladder")
        self.queue_list.setToolTip("Pick the key result to work on (PageDown: the next one)")
        self.queue_list.setWordWrap(True)
        self.queue_list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.queue_list.currentItemChanged.connect(self._queue_item_chosen)
        queue_caption.setBuddy(self.queue_list)
        self.body_layout.addWidget(self.queue_list)
        self.queue_empty = common.plain_label(
            "No outputs left: every key result of the chosen objectives reads as an "
            "outcome, or was kept on purpose.", "emptyHint")
        common.mute(self.queue_empty)
        self.body_layout.addWidget(self.queue_empty)

        # The ladder of the selected key result.
        self.ladder_box = QFrame()
        self.ladder_box.setObjectName("whyLadder")
        ladder = QVBoxLayout(self.ladder_box)
        ladder.setContentsMargins(8, 8, 8, 8)
        ladder.setSpacing(6)
        original_row = QHBoxLayout()
        self.original_badge = KindBadge("output")
        self.original_label = common.plain_label(object_name="whyOriginal")
        self.original_label.setAccessibleName("The key result being rewritten")
        common.emphasise(self.original_label, scale=1.1)
        original_row.addWidget(self.original_badge, 0, Qt.AlignmentFlag.AlignTop)
        original_row.addWidget(self.original_label, 1)
        ladder.addLayout(original_row)
        self.rungs = RowList(lambda key, number: _Rung(self, number),
                             self._step_of, spacing=4, scroll_area=self.scroll_area)
        ladder.addWidget(self.rungs)

        buttons = QHBoxLayout()
        self.why_again_button = common.button(
            "Why again?", "Ask why once more, building on the last answer (Enter on the "
            "answer, or Ctrl+Enter)", self.ask_again, name="whyAgainButton",
            accessible="Ask why again")
        self.measure_button = common.button(
            "Put a number on it", "The answer names a change that matters: ask how we would "
            "see it in a number (Ctrl+Shift+Enter)", self.go_measure, name="measureButton",
            accessible="Go to the measuring question")
        buttons.addWidget(self.why_again_button)
        buttons.addWidget(self.measure_button)
        buttons.addStretch(1)
        ladder.addLayout(buttons)
        self.ladder_hint = common.plain_label(object_name="coachReason")
        self.ladder_hint.hide()
        ladder.addWidget(self.ladder_hint)

        # The measuring question and the rewritten key result.
        self.measure_box = QFrame()
        self.measure_box.setObjectName("whyMeasure")
        measure = QGridLayout(self.measure_box)
        measure.setContentsMargins(0, 6, 0, 0)
        measure.setHorizontalSpacing(6)
        self.measure_question = common.emphasise(common.plain_label(ask_why.MEASURE_QUESTION,
                                                      "whyQuestion"))
        measure.addWidget(self.measure_question, 0, 0, 1, 8)
        self.rewrite_edits: dict[str, QLineEdit] = {}
        # Text and metric get a line each; from, to and unit share one, like a KR row.
        places = {"text": (1, 0, 7), "metric": (2, 0, 7), "baseline": (3, 0, 1),
                  "target": (3, 2, 1), "unit": (3, 4, 1)}
        for name, caption, placeholder in REWRITE_FIELDS:
            edit = common.text_field(
                placeholder, f"{caption} (rewrite)",
                f"{caption} of the rewritten key result; Ctrl+Enter accepts",
                name=f"rewrite_{name}",
                on_edit=lambda value, n=name: self._draft_edited(n, value))
            edit.setMinimumWidth(60)
            label = QLabel(caption)
            label.setObjectName("fieldCaption")
            label.setBuddy(edit)
            row, column, span = places[name]
            measure.addWidget(label, row, column)
            measure.addWidget(edit, row, column + 1, 1, span)
            self.rewrite_edits[name] = edit
        self.direction_combo = QComboBox()
        self.direction_combo.setObjectName("rewrite_direction")
        for value, caption in DIRECTION_LABELS:
            self.direction_combo.addItem(caption, value)
        self.direction_combo.setAccessibleName("Direction (rewrite)")
        self.direction_combo.setToolTip("Which way the number should move")
        self.direction_combo.activated.connect(
            lambda index: self._draft_edited(
                "direction", str(self.direction_combo.itemData(index) or "")))
        measure.addWidget(self.direction_combo, 3, 6, 1, 2)
        for column in (1, 3, 5):
            measure.setColumnStretch(column, 1)
        self.accept_button = common.button(
            "Accept the rewrite", "Replace the output with this key result; the output "
            "becomes its first action (Ctrl+Enter)", self.accept, name="acceptButton",
            accessible="Accept the rewritten key result", primary=True)
        measure.addWidget(self.accept_button, 4, 6, 1, 2)
        ladder.addWidget(self.measure_box)

        # Keeping the key result as written, on purpose.
        keep_row = QHBoxLayout()
        self.keep_reason_edit = common.text_field(
            "Or keep it as it is, because ...", "Reason to keep the key result as it is",
            "Why the room keeps this key result as written (Enter keeps it)",
            name="keepReason", on_enter=self.keep)
        self.keep_reason_edit.textChanged.connect(self._update_buttons)
        self.keep_button = common.button(
            "Keep as it is", "Keep this key result as written, with the reason (Enter in the "
            "reason field)", self.keep, name="keepButton",
            accessible="Keep the key result as it is")
        keep_row.addWidget(self.keep_reason_edit, 1)
        keep_row.addWidget(self.keep_button)
        ladder.addLayout(keep_row)
        self.body_layout.addWidget(self.ladder_box)

        # What is done already: the chains, the lesson of the day.
        done_caption = common.emphasise(QLabel("Done"))
        done_caption.setObjectName("sectionHeading")
        self.body_layout.addWidget(done_caption)
        self.done_widget = QWidget()
        self.done_layout = QVBoxLayout(self.done_widget)
        self.done_layout.setContentsMargins(0, 0, 0, 0)
        self.done_layout.setSpacing(8)
        self.body_layout.addWidget(self.done_widget)
        self.body_layout.addStretch(1)

        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.advance)
        for keys in ("Ctrl+Shift+Return", "Ctrl+Shift+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.go_measure)

    # -- reading the model -------------------------------------------------------------------
    def queue(self) -> list[tuple[str, str, str]]:
        """(kr id, kr text, objective text) of the outputs still waiting, in order."""
        return [(kr.id, kr.text, objective.text) for objective, kr in
                ask_why.output_queue(self.controller.workshop, coach.is_output)]

    def _selected_kr(self) -> KeyResult | None:
        if not self.selected_kr_id:
            return None
        found = self.controller.workshop.find_key_result(self.selected_kr_id)
        return found[1] if found else None

    # -- drawing -----------------------------------------------------------------------------
    def refresh(self, kind: str = "", ident: str = "") -> None:
        """Redraw the queue, the selected ladder and the done list from the model."""
        queue = self.queue()
        ids = [kr_id for kr_id, _, _ in queue]
        if self.selected_kr_id not in ids:
            self._select(self._successor(ids), focus=False)
        self._sync_queue(queue)
        self._sync_ladder()
        self._sync_done()

    def _successor(self, ids: list[str]) -> str:
        """Who comes next when the selected key result left the queue: the one that was
        after it, else the first."""
        if not ids:
            return ""
        if self._queue_shape:
            old_ids = [entry[0] for entry in self._queue_shape]
            if self.selected_kr_id in old_ids:
                for kr_id in old_ids[old_ids.index(self.selected_kr_id) + 1:]:
                    if kr_id in ids:
                        return kr_id
        return ids[0]

    def _sync_queue(self, queue: list[tuple[str, str, str]]) -> None:
        shape = tuple(queue)
        if shape != self._queue_shape:
            self._queue_shape = shape
            self.queue_list.blockSignals(True)
            self.queue_list.clear()
            for kr_id, text, objective_text in queue:
                item = QListWidgetItem(text or "(no text)")
                item.setData(Qt.ItemDataRole.UserRole, kr_id)
                item.setToolTip(f"Objective: {objective_text}")
                self.queue_list.addItem(item)
            self.queue_list.blockSignals(False)
            rows = max(1, min(len(queue), 5))
            self.queue_list.setFixedHeight(rows * self.queue_list.sizeHintForRow(0) + 8
                                           if queue else 0)
        self.queue_list.setVisible(bool(queue))
        self.queue_empty.setVisible(not queue)
        for row in range(self.queue_list.count()):
            item = self.queue_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == self.selected_kr_id:
                if self.queue_list.currentRow() != row:
                    self.queue_list.blockSignals(True)
                    self.queue_list.setCurrentRow(row)
                    self.queue_list.blockSignals(False)
                break

    @property
    def answer_edits(self) -> list[QLineEdit]:
        """The answer fields of the ladder on screen, top to bottom."""
        return [rung.answer for rung in self.rungs.in_order()]

    @property
    def question_labels(self) -> list[QLabel]:
        return [rung.question for rung in self.rungs.in_order()]

    def _step_of(self, key: str) -> WhyStep:
        kr = self._selected_kr()
        steps = ask_why.ladder_steps(kr) if kr is not None else []
        index = int(key.split("/")[1])
        return steps[index] if index < len(steps) else WhyStep()

    def _sync_ladder(self) -> None:
        kr = self._selected_kr()
        self.ladder_box.setVisible(kr is not None)
        if kr is None:
            self.rungs.update_items([])
            return
        common.sync_label(self.original_label, kr.text)
        # A rung is the same rung while its key result, place and question are: a new
        # question (or another key result) is a new row, a typed answer is not.
        keys = [f"{kr.id}/{i}/{s.question}" for i, s in enumerate(ask_why.ladder_steps(kr))]
        if self.rungs.update_items(keys):
            # Rebuilt fields join the end of Qt's tab chain; put them back in reading order.
            common.chain_tab_order([self.queue_list, *self.rungs.focus_chain(),
                                    self.why_again_button])
        if kr.rewrite_draft:  # a draft saved earlier (e.g. before a restart) resumes
            self.modes[kr.id] = MEASURE
        measuring = self.modes.get(kr.id) == MEASURE
        self.measure_box.setVisible(measuring)
        draft = kr.rewrite_draft
        for name, edit in self.rewrite_edits.items():
            common.sync_line_edit(edit, draft.get(name, ""))
        index = self.direction_combo.findData(draft.get("direction", ""))
        if index >= 0:
            self.direction_combo.setCurrentIndex(index)
        self._update_buttons()

    def _sync_done(self) -> None:
        ws = self.controller.workshop
        entries = []
        for _objective, kr in ws.all_key_results():
            if kr.rewritten_from:
                entries.append(("rewritten", kr.rewritten_from,
                                tuple((s.question, s.answer) for s in kr.why_steps),
                                kr.text, kr_range(kr)))
            elif kr.keep_reason:
                entries.append(("kept", kr.text, (), kr.keep_reason, ""))
        shape = tuple(entries)
        if shape == self._done_shape:
            return
        self._done_shape = shape
        common.clear_layout(self.done_layout)
        if not entries:
            nothing = common.plain_label("Nothing rewritten yet.", "emptyHint")
            common.add_shown(self.done_layout, common.mute(nothing))
            return
        for kind, original, steps, result, numbers in entries:
            frame = QFrame()
            frame.setObjectName("whyChain")
            layout = QVBoxLayout(frame)
            layout.setContentsMargins(8, 6, 8, 6)
            layout.setSpacing(2)
            if kind == "rewritten":
                head = QHBoxLayout()
                head.addWidget(KindBadge("output"), 0, Qt.AlignmentFlag.AlignTop)
                head.addWidget(common.plain_label(original, "chainOriginal"), 1)
                layout.addLayout(head)
                for question, answer in steps:
                    layout.addWidget(common.mute(common.plain_label(question, "chainQuestion")))
                    answer_label = common.plain_label(f"\u2192 {answer}", "chainStep")
                    answer_label.setContentsMargins(16, 0, 0, 0)
                    layout.addWidget(answer_label)
                tail = QHBoxLayout()
                tail.addWidget(KindBadge("outcome"), 0, Qt.AlignmentFlag.AlignTop)
                shown = f"{result}  ({numbers})" if numbers else result
                tail.addWidget(common.plain_label(shown, "chainResult"), 1)
                layout.addLayout(tail)
                frame.setAccessibleName(f"Rewritten: {original} became {result}")
            else:
                layout.addWidget(common.plain_label(f"Kept as it is: {original}", "chainOriginal"))
                layout.addWidget(common.mute(common.plain_label(f"Because: {result}", "chainStep")))
                frame.setAccessibleName(f"Kept as it is: {original}")
            common.add_shown(self.done_layout, frame)

    def _update_buttons(self) -> None:
        kr = self._selected_kr()
        if kr is None:
            return
        steps = ask_why.ladder_steps(kr)
        self.why_again_button.setEnabled(ask_why.can_ask_again(kr))
        self.keep_button.setEnabled(bool(self.keep_reason_edit.text().strip()))
        if len(steps) >= ask_why.MAX_WHYS and steps[-1].answer.strip():
            self._hint(f"{ask_why.MAX_WHYS} times why is enough: time to put a number on it.")
        elif self.ladder_hint.property("sticky") is not True:
            self._hint("")

    def _hint(self, text: str, sticky: bool = False) -> None:
        common.sync_label(self.ladder_hint, text)
        self.ladder_hint.setProperty("sticky", sticky and bool(text))
        self.ladder_hint.setVisible(bool(text))

    # -- choosing ----------------------------------------------------------------------------
    def _queue_item_chosen(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self._select(str(current.data(Qt.ItemDataRole.UserRole)), focus=False)
            self._sync_ladder()

    def _select(self, kr_id: str, focus: bool = True) -> None:
        if kr_id != self.selected_kr_id:
            self.selected_kr_id = kr_id
            self.keep_reason_edit.clear()
            self._hint("")
        self.controller.set_focus_item(("kr", kr_id) if kr_id else None)
        if focus:
            self._sync_ladder()
            self._sync_queue(self.queue())
            self.focus_first()

    def select_kr(self, kr_id: str) -> None:
        """Work on this key result (it must be in the queue)."""
        if kr_id in [entry[0] for entry in self.queue()]:
            self._select(kr_id)

    # -- the ladder --------------------------------------------------------------------------
    def answer_edited(self, index: int, text: str) -> None:
        kr = self._selected_kr()
        if kr is None:
            return
        # The controller merges this burst of typing into one undo step and saves it
        # within the autosave delay, however long the typing goes on.
        self.controller.set_field(("kr", kr.id), "why_steps",
                                  ask_why.with_answer(kr, index, text), "Answer why")
        self._hint("")
        self._update_buttons()

    def ask_again(self) -> None:
        """Add the next why question, built on the last answer (Enter on an answer); the
        measuring question once the ladder is MAX_WHYS high."""
        kr = self._selected_kr()
        if kr is None:
            return
        steps = ask_why.ladder_steps(kr)
        if not steps[-1].answer.strip():
            self._hint("Write the room's answer first, then ask why again.", sticky=True)
            self._focus_last_answer()
            return
        if not ask_why.can_ask_again(kr):
            self.go_measure()
            return
        self.controller.set_field(("kr", kr.id), "why_steps", ask_why.asked_again(kr),
                                  "Ask why again")
        self.refresh()
        self._focus_last_answer()

    def go_measure(self) -> None:
        """Move on to "How would we see that change in a number?" and the rewrite."""
        kr = self._selected_kr()
        if kr is None:
            return
        self.modes[kr.id] = MEASURE
        self._hint("")
        self._sync_ladder()
        self.rewrite_edits["text"].setFocus()
        self.scroll_area.ensureWidgetVisible(self.accept_button)

    def _draft_edited(self, name: str, value: str) -> None:
        """Save the rewrite as it is typed, so a crash or a restart loses none of it."""
        kr = self._selected_kr()
        if kr is None:
            return
        draft = dict(kr.rewrite_draft)  # a new dict: the undo step keeps the old one
        draft[name] = value
        self.controller.set_field(("kr", kr.id), "rewrite_draft", draft, "Draft the rewrite")

    def advance(self) -> None:
        """Ctrl+Enter: ask why again on the ladder, accept on the measuring step, keep when
        the reason field has the focus."""
        if self.keep_reason_edit.hasFocus():
            self.keep()
        elif self.modes.get(self.selected_kr_id) == MEASURE:
            self.accept()
        else:
            self.ask_again()

    def accept(self) -> None:
        """Rewrite the selected output as the drafted outcome (one undo step)."""
        kr = self._selected_kr()
        if kr is None:
            return
        draft = {name: edit.text() for name, edit in self.rewrite_edits.items()}
        draft["direction"] = str(self.direction_combo.currentData() or "")
        if not draft["text"].strip():
            self._hint("Write the new key result first.", sticky=True)
            self.rewrite_edits["text"].setFocus()
            return
        steps = ask_why.answered_steps(kr.why_steps)
        kr_id = kr.id
        try:
            self.controller.edit(
                edits.rewrite_key_result, kr_id, text=draft["text"], metric=draft["metric"],
                baseline=draft["baseline"], target=draft["target"], unit=draft["unit"],
                direction=draft["direction"], why_steps=steps)
        except ValueError as exc:
            self._hint(str(exc), sticky=True)
            return
        self.modes.pop(kr_id, None)
        self._after_leaving_queue()

    def keep(self) -> None:
        """Keep the selected key result as written, with the reason typed."""
        kr = self._selected_kr()
        reason = self.keep_reason_edit.text()
        if kr is None:
            return
        if not reason.strip():
            self._hint("Say why the room keeps it, then press Enter.", sticky=True)
            self.keep_reason_edit.setFocus()
            return
        kr_id = kr.id
        self.controller.edit(edits.keep_key_result, kr_id, reason)
        self._after_leaving_queue()

    def _after_leaving_queue(self) -> None:
        self.keep_reason_edit.clear()
        self._hint("")
        self.refresh()
        self.focus_first()

    def _focus_last_answer(self) -> None:
        if self.answer_edits:
            self.answer_edits[-1].setFocus()
            self.scroll_area.ensureWidgetVisible(self.answer_edits[-1])

    # -- the page contract -------------------------------------------------------------------
    # PageDown steps through the outputs still in the queue.
    def item_keys(self) -> list:
        return [entry[0] for entry in self.queue()]

    def current_item(self) -> object | None:
        return self.selected_kr_id

    def go_to_item(self, key: object) -> None:
        self.select_kr(str(key))

    def focus_first(self) -> None:
        if self._selected_kr() is None:
            self.queue_list.setFocus()
            return
        if self.selected_kr_id:
            self.controller.set_focus_item(("kr", self.selected_kr_id))
        if self.modes.get(self.selected_kr_id) == MEASURE:
            self.rewrite_edits["text"].setFocus()
        else:
            self._focus_last_answer()


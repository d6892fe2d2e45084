"""The command palette (Ctrl+K): every command by name with its key, and quick capture.

Typing filters the commands; Enter runs the highlighted one. A line such as
"Maria: call five customers by Friday" offers, first, to add it as an action under the
key result being discussed (changeable in the list of key results before Enter), with
the owner and the deadline it understood shown before anything is added. Adding is one
undoable step, like every edit.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop import edits
from workshop.quick_capture import CapturedAction, parse_action
from workshop.ui.input_router import Command, InputRouter
from workshop.ui.session import SessionController

ROLE = Qt.ItemDataRole.UserRole
ADD_ACTION = "add-action"


def _matches(query: str, name: str) -> bool:
    """Every word typed appears in the command's name, in any order ("tim bla")."""
    name = name.casefold()
    return all(word in name for word in query.casefold().split())


class CommandPalette(QDialog):
    def __init__(self, controller: SessionController, router: InputRouter,
                 viewed_stage: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.router = router
        self.setObjectName("commandPalette")
        self.setWindowTitle("Commands")
        self.setModal(True)
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        self.query = QLineEdit()
        self.query.setPlaceholderText(
            "A command, or an action: \u201cMaria: call five customers by Friday\u201d")
        self.query.setAccessibleName("Command or action")
        layout.addWidget(self.query)
        under = QHBoxLayout()
        under.addWidget(QLabel("Actions go under:"))
        self.kr_choice = QComboBox()
        self.kr_choice.setAccessibleName("Key result for a new action")
        under.addWidget(self.kr_choice, 1)
        layout.addLayout(under)
        self.list = QListWidget()
        self.list.setObjectName("paletteList")
        self.list.setWordWrap(True)
        layout.addWidget(self.list, 1)
        hint = QLabel("Enter runs or adds · Up/Down choose · Esc closes")
        hint.setObjectName("muted")
        layout.addWidget(hint)
        self._fill_key_results()
        self.captured: CapturedAction | None = None
        self.query.textChanged.connect(self._refill)
        self.query.installEventFilter(self)
        self.list.itemActivated.connect(lambda _item: self.accept_current())
        self._refill()

    # -- choices ----------------------------------------------------------------------------
    def _fill_key_results(self) -> None:
        ws = self.controller.workshop
        focus = self.controller.room.focus_item
        chosen = focus[1] if focus and focus[0] == "kr" else ""
        for number, (objective, kr) in enumerate(ws.all_key_results(), start=1):
            del objective
            label = kr.text.strip() or f"Key result {number} (no text yet)"
            self.kr_choice.addItem(label if len(label) <= 90 else label[:89] + "…", kr.id)
            if kr.id == chosen:
                self.kr_choice.setCurrentIndex(self.kr_choice.count() - 1)

    def _commands(self) -> list[Command]:
        return [c for c in self.router.commands if c.in_palette]

    def _refill(self) -> None:
        text = self.query.text()
        self.list.clear()
        self.captured = None
        if text.strip() and self.kr_choice.count():
            ws = self.controller.workshop
            today = datetime.fromtimestamp(self.controller.clock.wall()).date()
            people = [(p.id, p.name) for p in ws.participants]
            self.captured = parse_action(text, people, today, ws.period_end)
            if not self.captured.is_empty:
                item = QListWidgetItem(self._describe(self.captured))
                item.setData(ROLE, ADD_ACTION)
                self.list.addItem(item)
        for command in self._commands():
            if not text.strip() or _matches(text, command.name):
                item = QListWidgetItem(f"{command.name}    {command.key_text}")
                item.setData(ROLE, command.name)
                self.list.addItem(item)
        if self.list.count():
            # A command that matches beats adding the words as an action.
            first_command = 1 if self.captured and self.list.count() > 1 \
                and not self._looks_like_action(text) else 0
            self.list.setCurrentRow(first_command)

    @staticmethod
    def _looks_like_action(text: str) -> bool:
        return ":" in text or len(text.split()) > 3

    @staticmethod
    def _describe(action: CapturedAction) -> str:
        parts = [f"Add action: {action.text}"]
        parts.append(f"owner {action.owner_name}" if action.owner_name else "no owner yet")
        parts.append(f"by {action.deadline:%a %d %b %Y}" if action.deadline
                     else "no deadline yet")
        text = " · ".join(parts)
        if action.notes:
            text += "\n" + " ".join(action.notes)
        return text

    # -- acting -----------------------------------------------------------------------------
    def accept_current(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        choice = item.data(ROLE)
        self.accept()
        if choice == ADD_ACTION and self.captured is not None:
            kr_id = self.kr_choice.currentData()
            action = self.captured
            self.controller.edit(edits.add_captured_action, kr_id, action.text,
                                 action.owner_id, action.deadline)
            self.controller.set_focus_item(("kr", kr_id))
            return
        self.router.run(self.router.command(choice))

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if obj is self.query and isinstance(event, QKeyEvent) \
                and event.type() == QKeyEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                step = 1 if event.key() == Qt.Key.Key_Down else -1
                row = max(0, min(self.list.count() - 1, self.list.currentRow() + step))
                self.list.setCurrentRow(row)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.accept_current()
                return True
        return super().eventFilter(obj, event)

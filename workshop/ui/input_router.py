"""The room's keys, routed in one place for every window of an open session.

A presentation clicker sends PageDown/PageUp (and B or . for a black screen); the
facilitator presses Space, + and -. Those plain keys must never type into the client's
text, and must work from every other widget (a button, a check box, the stage list).
Keys with Ctrl act even while a text field has the focus, and never type.

How: the router watches only the widget that has the keyboard focus in a registered
window (and the windows themselves, for when nothing has the focus). It does not filter
every event of the application: moving its filter along with the focus costs one
signal per focus change, and each keystroke one Python call.

Every command has a name and its keys, declared once here by the window that owns the
action; the command palette and the menus list them from the same table.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

_IGNORED_MODIFIERS = Qt.KeyboardModifier.KeypadModifier
_SHIFT = Qt.KeyboardModifier.ShiftModifier
_CTRL = Qt.KeyboardModifier.ControlModifier
# On most layouts "+" is Shift+=, so a key that names either means both.
_SAME_KEYS = {int(Qt.Key.Key_Equal): int(Qt.Key.Key_Plus)}


@dataclass
class Command:
    """One thing the facilitator can do, with its keys.

    A key with Ctrl, and PageDown/PageUp (a clicker's keys, which no field types), acts
    even when a text field has the focus; a plain key (Space, B, +, ...) acts only when
    no text field has the focus, and otherwise types as usual. `while_typing` is True
    when at least one of the command's keys works while typing.
    """

    name: str
    keys: tuple[str, ...]
    run: Callable[[], None]
    while_typing: bool = False
    in_palette: bool = True

    @property
    def key_text(self) -> str:
        """The keys as the menus and the palette show them ("Space", "Ctrl+B")."""
        return " / ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText)
                          for k in self.keys)


def _normal_key(key: int) -> int:
    return _SAME_KEYS.get(key, key)


def _works_while_typing(sequence: str) -> bool:
    """Keys no text field types: with Ctrl, PageDown/PageUp, the function keys."""
    return "Ctrl" in sequence or sequence.startswith(("Pg", "Page")) or \
        re.fullmatch(r"F\d+", sequence) is not None


def _binding(sequence: str) -> tuple[int, int]:
    combination = QKeySequence(sequence)[0]
    mods = combination.keyboardModifiers() & ~_IGNORED_MODIFIERS
    return _normal_key(int(combination.key())), int(mods.value)


def is_text_input(widget: QWidget | None) -> bool:
    """True when `widget` takes typed characters: a plain key there must type."""
    if isinstance(widget, QLineEdit | QAbstractSpinBox):
        return not getattr(widget, "isReadOnly", lambda: False)()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return not widget.isReadOnly()
    if isinstance(widget, QComboBox):
        return widget.isEditable()
    return False


class InputRouter(QObject):
    """Routes the room's keys of the registered windows to their commands."""

    command_run = Signal(str)  # the command's name, after it ran (for feedback)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.commands: list[Command] = []
        self._plain: dict[tuple[int, int], Command] = {}
        self._always: dict[tuple[int, int], Command] = {}
        self.windows: list[QWidget] = []
        self.undo: Callable[[], None] | None = None
        self.redo: Callable[[], None] | None = None
        self.leave_field: Callable[[QWidget], None] | None = None
        self._watched: QWidget | None = None
        app = QApplication.instance()
        app.focusChanged.connect(self._follow_focus)

    # -- the table of commands --------------------------------------------------------------
    def add(self, name: str, keys: tuple[str, ...] | str, run: Callable[[], None], *,
            in_palette: bool = True) -> Command:
        """Declare a command and its keys (the first key is the one menus show)."""
        keys = (keys,) if isinstance(keys, str) else tuple(keys)
        command = Command(name, keys, run, any(_works_while_typing(k) for k in keys),
                          in_palette)
        self.commands.append(command)
        for key in keys:
            key_code, mods = _binding(key)
            if _works_while_typing(key):
                self._always[(key_code, mods)] = command
            else:
                self._plain[(key_code, mods & ~int(_SHIFT.value))] = command
        return command

    def command(self, name: str) -> Command:
        for command in self.commands:
            if command.name == name:
                return command
        raise KeyError(name)

    def run(self, command: Command) -> None:
        command.run()
        self.command_run.emit(command.name)

    # -- windows ----------------------------------------------------------------------------
    def register(self, window: QWidget) -> None:
        if window in self.windows:
            return
        self.windows.append(window)
        window.installEventFilter(self)
        window.destroyed.connect(lambda *_: self._forget(window))
        focus = QApplication.focusWidget()
        if focus is not None and focus.window() is window:
            self._follow_focus(None, focus)

    def unregister(self, window: QWidget) -> None:
        if window in self.windows:
            window.removeEventFilter(self)
            self._forget(window)

    def _forget(self, window: QObject) -> None:
        self.windows = [w for w in self.windows if w is not window]
        if self._watched is not None and self._watched is window:
            self._watched = None

    def _follow_focus(self, old: QWidget | None, new: QWidget | None) -> None:
        del old
        if self._watched is not None:
            try:
                self._watched.removeEventFilter(self)
                self._watched.destroyed.disconnect(self._unwatch)
            except (RuntimeError, TypeError):
                pass  # already deleted by Qt
            self._watched = None
        if new is None or new.window() not in self.windows or new in self.windows:
            return
        new.installEventFilter(self)
        new.destroyed.connect(self._unwatch)
        self._watched = new

    def _unwatch(self, *_: object) -> None:
        self._watched = None

    # -- the filter -------------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        assert isinstance(event, QKeyEvent)
        action = self._action_for(obj, event)
        if action is None:
            return False
        if kind == QEvent.Type.ShortcutOverride:
            # Claim the key for a key press, so no widget's shortcut and no menu
            # shortcut acts on it as well: it arrives here once, as a KeyPress.
            event.accept()
            return True
        action()
        return True

    def _action_for(self, obj: QObject, event: QKeyEvent) -> Callable[[], None] | None:
        key = _normal_key(int(event.key()))
        mods = int((event.modifiers() & ~_IGNORED_MODIFIERS).value)
        focus = QApplication.focusWidget()
        typing = is_text_input(focus)
        if event.matches(QKeySequence.StandardKey.Undo) and self.undo is not None:
            return self.undo
        if (event.matches(QKeySequence.StandardKey.Redo)
                or (key == int(Qt.Key.Key_Z) and mods == int((_CTRL | _SHIFT).value))) \
                and self.redo is not None:
            return self.redo
        command = self._always.get((key, mods))
        if command is not None:
            return lambda: self.run(command)
        if typing:
            if key == int(Qt.Key.Key_Escape) and mods == 0 and self.leave_field is not None \
                    and focus is not None:
                leave, widget = self.leave_field, focus
                return lambda: leave(widget)
            return None
        if mods & ~int(_SHIFT.value):
            return None  # Ctrl/Alt/Meta with a plain key: the menus' shortcuts
        command = self._plain.get((key, 0))
        if command is None:
            return None
        return lambda: self.run(command)

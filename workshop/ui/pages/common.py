"""Small pieces the stage pages share: labels that show user text as plain text,
fields that take the model's value without disturbing typing, a date field that can be
empty, and layout helpers."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from workshop.direction import has_arabic
from workshop.ui.session import SessionController
from workshop.ui.theme import set_font_scale
from workshop.ui.widgets.row_list import Row
from workshop.ui.widgets.style import set_style_state

# The earliest date a date field offers. It doubles as the "not set" marker, because a
# QDateEdit shows its special text exactly when it holds its minimum.
_NO_DATE = QDate(1900, 1, 1)


def plain_label(text: str = "", object_name: str = "", wrap: bool = True) -> QLabel:
    """A label that shows user text as typed (never as rich text) and wraps long lines."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setText(text)
    if object_name:
        label.setObjectName(object_name)
    if wrap:
        # Ignored width lets the label shrink with the page; it grows in height instead.
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        label.setMinimumWidth(40)
    return label


def sync_line_edit(edit: QLineEdit, value: str) -> None:
    """Show the model's value without disturbing typing: only touch a differing text."""
    if edit.text() != value:
        edit.setText(value)
        # A field being typed in keeps its cursor at the end; any other shows its start.
        edit.setCursorPosition(len(value) if edit.hasFocus() else 0)


def emphasise(label: QLabel, bold: bool = True, scale: float = 1.0) -> QLabel:
    """Make a heading stand out by weight and size (colours belong to the theme)."""
    if scale != 1.0:
        set_font_scale(label, scale, bold=bold)  # stays relative when the text size changes
    else:
        font = label.font()
        font.setBold(bold)
        label.setFont(font)
    return label


def mute(label: QLabel) -> QLabel:
    """Secondary text: the theme greys labels with the "muted" property."""
    label.setProperty("muted", True)
    return label


def sync_label(label: QLabel, value: str) -> None:
    if label.text() != value:
        label.setText(value)


def sync_italic_label(label: QLabel, value: str) -> None:
    """sync_label for a label the theme sets in italics: with Arabic in it, upright
    (DejaVu's oblique faces have no Arabic letters, so they would be boxes)."""
    sync_label(label, value)
    set_style_state(label, "upright", "true" if has_arabic(value) else "false")


def text_field(placeholder: str, accessible: str, tip: str, *, name: str = "",
               on_edit: Callable[[str], object] | None = None,
               on_enter: Callable[[], object] | None = None) -> QLineEdit:
    """A one-line field as every page makes one: its grey hint, the name a screen reader
    reads, its tooltip, and what typing (the user's own edits only) and Enter do."""
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    edit.setAccessibleName(accessible)
    edit.setToolTip(tip)
    if name:
        edit.setObjectName(name)
    if on_edit is not None:
        edit.textEdited.connect(on_edit)
    if on_enter is not None:
        edit.returnPressed.connect(on_enter)
    return edit


def button(text: str, tip: str, on_click: Callable[[], object] | None = None, *,
           name: str = "", accessible: str = "", primary: bool = False,
           fixed: bool = False) -> QPushButton:
    """A push button as every page makes one: its words ("&" marks the Alt key), the
    tooltip that says what it does and its key, the name a screen reader reads (the words
    without "&" unless given), and what a click does."""
    made = QPushButton(text)
    made.setToolTip(tip)
    made.setAccessibleName(accessible or text.replace("&", "").rstrip("."))
    if name:
        made.setObjectName(name)
    if primary:
        made.setProperty("primary", True)
    if fixed:
        made.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    if on_click is not None:
        made.clicked.connect(lambda _checked=False: on_click())
    return made


def add_shown(layout: QVBoxLayout, widget: QWidget) -> QWidget:
    """Add `widget` to a layout and show it now: Qt otherwise shows a widget added to a
    visible page only later, and it could not take the keyboard focus until then."""
    layout.addWidget(widget)
    widget.show()
    return widget


def clear_layout(layout: QVBoxLayout) -> None:
    """Remove every item of `layout`; widgets go later, so a click handler that caused the
    rebuild can still finish safely.

    The widgets keep their Qt parent until then: reparenting them to None would hand
    them to Python, whose garbage collector could then delete one while Qt is walking
    the widget tree (a style-sheet change did exactly that and crashed)."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()


def elided(text: str, limit: int = 60) -> str:
    """One line of at most `limit` characters, for combo boxes and buttons; the full text
    goes in a tooltip. Long user text must never stretch a layout."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"




class PlainTextField(QPlainTextEdit):
    """A multi-line field that reports edits by the user only (not our own refreshes),
    moves focus on Tab like the other fields, and keeps a compact height."""

    edited = Signal(str)

    def __init__(self, lines: int = 3, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        line_height = self.fontMetrics().lineSpacing()
        chrome = 2 * self.document().documentMargin() + 2 * self.frameWidth() + 8
        self.setFixedHeight(int(line_height * lines + chrome))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._syncing = False
        self.textChanged.connect(self._on_text_changed)

    def _on_text_changed(self) -> None:
        if not self._syncing:
            self.edited.emit(self.toPlainText())

    def sync(self, value: str) -> None:
        """Show `value` unless the field already holds it."""
        if self.toPlainText() != value:
            self._syncing = True
            try:
                self.setPlainText(value)
            finally:
                self._syncing = False


class OptionalDateField(QWidget):
    """A date that may be empty: a "set" check box and a calendar date edit.

    Unticking the box empties the date; ticking it fills in `default_date()` (or, when
    that has no suggestion, `fallback_date()`, usually today by the session's clock) so
    the facilitator only adjusts. `date_changed` carries a datetime.date or None.
    """

    date_changed = Signal(object)

    def __init__(self, label: str, fallback_date: Callable[[], date],
                 default_date: Callable[[], date | None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = label
        self.default_date = default_date
        self.fallback_date = fallback_date
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.set_box = QCheckBox("Set")
        self.set_box.setAccessibleName(f"{label}: set")
        self.set_box.setToolTip(f"Tick to give the {label.lower()} a date; untick to "
                                "leave it open (Space)")
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("ddd d MMM yyyy")
        self.edit.setMinimumDate(_NO_DATE)
        self.edit.setSpecialValueText("not set")
        self.edit.setAccessibleName(label)
        self.edit.setToolTip(f"{label}: type or press Alt+Down for the calendar")
        self.edit.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        # Room for the widest date and the calendar button: the style's own size hint
        # cuts the year off with the app's font.
        self.edit.setMinimumWidth(
            self.edit.fontMetrics().horizontalAdvance("Wed 30 Sep 2027") + 48)
        row.addWidget(self.set_box)
        row.addWidget(self.edit)
        row.addStretch(1)
        self._syncing = False
        self.set_box.toggled.connect(self._on_toggled)
        self.edit.dateChanged.connect(self._on_date_changed)
        self.set_value(None)

    def value(self) -> date | None:
        if not self.set_box.isChecked() or self.edit.date() == _NO_DATE:
            return None
        return self.edit.date().toPython()

    def set_value(self, value: date | None) -> None:
        """Show `value` without reporting it as an edit."""
        self._syncing = True
        try:
            self.set_box.setChecked(value is not None)
            self.edit.setEnabled(value is not None)
            self.edit.setDate(QDate(value) if value is not None else _NO_DATE)
        finally:
            self._syncing = False

    def sync(self, value: date | None) -> None:
        """Show `value` unless the field already shows it."""
        if value != self.value():
            self.set_value(value)

    def _on_toggled(self, checked: bool) -> None:
        if self._syncing:
            return
        if checked:
            chosen = (self.default_date() if self.default_date else None) or self.fallback_date()
            self.set_value(chosen)
            self.date_changed.emit(chosen)
            self.edit.setFocus()
        else:
            self.set_value(None)
            self.date_changed.emit(None)

    def _on_date_changed(self, qdate: QDate) -> None:
        if self._syncing or not self.set_box.isChecked() or qdate == _NO_DATE:
            return
        self.date_changed.emit(qdate.toPython())


def chain_tab_order(widgets: Sequence[QWidget]) -> None:
    """Make Tab follow the reading order, also after rows were added later."""
    for first, second in zip(widgets, widgets[1:], strict=False):
        QWidget.setTabOrder(first, second)


def section(title: str, object_name: str) -> tuple[QGroupBox, QVBoxLayout]:
    """A titled group with a vertical layout, the pages' unit of reading order."""
    box = QGroupBox(title)
    box.setObjectName(object_name)
    layout = QVBoxLayout(box)
    return box, layout


def warn(widget: QWidget, warned: bool = True, own_name: str = "") -> QWidget:
    """Show `widget` in the theme's warning style (its "badgeWarn" name and "warn" state),
    or in its own style (`own_name`); the words must say the same, colour only helps."""
    name = "badgeWarn" if warned else own_name
    if name and widget.objectName() != name:
        widget.setObjectName(name)
    set_style_state(widget, "warn", warned)
    return widget


def hint_label(object_name: str = "pageHint") -> QLabel:
    """A wrapped plain-text label for coaching hints under a field."""
    label = QLabel()
    label.setObjectName(object_name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    return label


@dataclass(frozen=True)
class Field:
    """One text field of a FieldsRow: the model's field name and how the field reads."""

    name: str
    placeholder: str
    accessible: str
    tip: str
    stretch: int = 1
    max_width: int = 0


class FieldsRow(Row):
    """A row of one-line text fields and a remove button, for an entity of `kind` (a
    participant: name and role; a strategy: text and horizon). Each field is
    `<name>_edit`; typing sets the field, Enter moves on (`on_enter`), the button removes
    the row's item (`on_remove`)."""

    def __init__(self, controller: SessionController, kind: str, key: str,
                 fields: Sequence[Field], remove: Field, *, on_enter: Callable[[], None],
                 on_remove: Callable[[], None]) -> None:
        super().__init__(key)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edits: dict[str, QLineEdit] = {}
        for spec in fields:
            edit = text_field(spec.placeholder, spec.accessible, spec.tip, on_enter=on_enter,
                              on_edit=lambda text, f=spec.name: controller.set_field(
                                  (kind, key), f, text))
            if spec.max_width:
                edit.setMaximumWidth(spec.max_width)
            layout.addWidget(edit, spec.stretch)
            setattr(self, f"{spec.name}_edit", edit)
            self.edits[spec.name] = edit
        self.remove_button = button(remove.placeholder, remove.tip, on_remove,
                                    accessible=remove.accessible)
        layout.addWidget(self.remove_button)

    def focus_widgets(self) -> list[QWidget]:
        return [*self.edits.values(), self.remove_button]

    def sync(self, item: object) -> None:
        for name, edit in self.edits.items():
            sync_line_edit(edit, getattr(item, name))

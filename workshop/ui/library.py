"""The library: every past session, searchable, with New, Open, Duplicate for the next
period, Delete (to the trash, with Undo), Import and Export JSON. Keyboard first."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workshop.ui.theme import set_font_scale

if TYPE_CHECKING:  # the model and store load after the first paint
    from workshop.model import Workshop
    from workshop.store import SessionSummary

COLUMNS = ("Title", "Client", "Workshop date", "Period", "Last edited")
SORTS = (("Last edited", "updated"), ("Title", "title"), ("Client", "client"),
         ("Workshop date", "date"))


def relative_time(iso: str, now: datetime | None = None) -> str:
    """"2m ago", "3h ago", "3d ago", or the date for older edits."""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    now = now or datetime.now(moment.tzinfo)
    seconds = (now - moment).total_seconds()
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{int(seconds // 60)}m ago"
    if seconds < 86400:
        return f"{int(seconds // 3600)}h ago"
    if seconds < 14 * 86400:
        return f"{int(seconds // 86400)}d ago"
    return moment.astimezone().strftime("%d %b %Y")


def nice_date(iso: str) -> str:
    try:
        return date.fromisoformat(iso).strftime("%d %b %Y")
    except ValueError:
        return iso


class SessionTableModel(QAbstractTableModel):
    """A thin model over a list of SessionSummary rows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[SessionSummary] = []

    def set_rows(self, rows: list[SessionSummary]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = (row.title or "(untitled)", row.client, nice_date(row.workshop_date),
                      row.period_label, relative_time(row.updated_at))
            text = values[index.column()]
            if role == Qt.ItemDataRole.DisplayRole and len(text) > 120:
                return text[:119] + "…"
            return text
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole
                and orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS)):
            return COLUMNS[section]
        return None


class SessionTable(QTableView):
    """The list of sessions: Enter opens, Delete moves to the trash."""

    open_pressed = Signal()
    delete_pressed = Signal()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_pressed.emit()
            return
        if event.key() == Qt.Key.Key_Delete:
            self.delete_pressed.emit()
            return
        super().keyPressEvent(event)


class LibraryWindow(QMainWindow):
    """The first window: past sessions. It paints before the database is opened; the
    app calls `attach_store` right after, so the window appears at once."""

    open_requested = Signal(str)  # a session id
    new_requested = Signal(object)  # a new Workshop, already saved

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = None
        self.setObjectName("libraryWindow")
        self.setWindowTitle("OKR Workshop")
        self.resize(1000, 640)
        self._trash_undo: list[str] = []
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(14, 12, 14, 8)
        top = QHBoxLayout()
        heading = QLabel("OKR Workshop")
        set_font_scale(heading, 1.5, bold=True)
        top.addWidget(heading, 1)
        self.new_button = QPushButton("New workshop")
        self.new_button.setProperty("primary", True)
        self.new_button.setToolTip("Create a new session (Ctrl+N)")
        self.import_button = QPushButton("Import…")
        self.import_button.setToolTip("Import a session from a JSON export (Ctrl+I)")
        top.addWidget(self.new_button)
        top.addWidget(self.import_button)
        layout.addLayout(top)
        row = QHBoxLayout()
        row.addWidget(QLabel("&Search:"))
        self.search = QLineEdit()
        self.search.setPlaceholderText("title, client or team")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search sessions")
        row.itemAt(0).widget().setBuddy(self.search)
        row.addWidget(self.search, 1)
        row.addWidget(QLabel("S&ort:"))
        self.sort = QComboBox()
        for title, key in SORTS:
            self.sort.addItem(title, key)
        self.sort.setAccessibleName("Sort sessions by")
        row.itemAt(2).widget().setBuddy(self.sort)
        row.addWidget(self.sort)
        layout.addLayout(row)
        self.model = SessionTableModel(self)
        self.table = SessionTable()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Sessions")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, len(COLUMNS)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        layout.addWidget(self.table, 1)
        self.empty_label = QLabel("Opening your sessions…")
        self.empty_label.setObjectName("muted")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty_label)
        self.example_button = QPushButton("Try the worked example")
        self.example_button.setToolTip(
            "Add the method's worked example (an enterprise AI company's OKRs, rewritten "
            "by asking why) to look around before your first workshop")
        self.example_button.setAccessibleName("Try the worked example")
        self.example_button.hide()
        self.example_button.clicked.connect(lambda: self.add_example())
        example_row = QHBoxLayout()
        example_row.addStretch(1)
        example_row.addWidget(self.example_button)
        example_row.addStretch(1)
        layout.addLayout(example_row)
        buttons = QHBoxLayout()
        self.open_button = QPushButton("Open")
        self.duplicate_button = QPushButton("Duplicate for next period")
        self.delete_button = QPushButton("Move to trash")
        self.export_button = QPushButton("Export JSON…")
        for b, tip in ((self.open_button, "Open the selected session (Enter)"),
                       (self.duplicate_button, "A copy for the next period (Ctrl+D)"),
                       (self.delete_button, "Move the selected session to the trash (Del)"),
                       (self.export_button, "Save the selected session as JSON (Ctrl+S)")):
            b.setToolTip(tip)
            b.setAccessibleName(tip)
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        hint = QLabel("Enter: open   Ctrl+N: new   Ctrl+D: duplicate for next period   "
                      "Del: move to trash   Ctrl+Z: undo delete")
        hint.setObjectName("muted")
        layout.addWidget(hint)
        self.setCentralWidget(central)
        self.status = self.statusBar()
        self.undo_button = QPushButton("Undo")
        self.undo_button.setToolTip("Bring the session back from the trash (Ctrl+Z)")
        self.undo_button.hide()
        self.status.addPermanentWidget(self.undo_button)

        self.new_button.clicked.connect(lambda: self.new_workshop())
        self.import_button.clicked.connect(lambda: self.import_json())
        self.open_button.clicked.connect(lambda: self.open_selected())
        self.duplicate_button.clicked.connect(lambda: self.duplicate_selected())
        self.delete_button.clicked.connect(lambda: self.delete_selected())
        self.export_button.clicked.connect(lambda: self.export_selected())
        self.undo_button.clicked.connect(lambda: self.undo_delete())
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(120)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.sort.currentIndexChanged.connect(lambda _i: self.refresh())
        self.search.returnPressed.connect(self.open_selected)
        self.table.open_pressed.connect(self.open_selected)
        self.table.delete_pressed.connect(self.delete_selected)
        for text, keys, slot in (
            ("New", "Ctrl+N", self.new_workshop),
            ("Duplicate", "Ctrl+D", self.duplicate_selected),
            ("Undo delete", "Ctrl+Z", self.undo_delete),
            ("Import", "Ctrl+I", self.import_json),
            ("Export", "Ctrl+S", self.export_selected),
            ("Search", "Ctrl+F", self.search.setFocus),
        ):
            action = QAction(text, self)
            action.setShortcuts([QKeySequence(k) for k in
                                 (keys if isinstance(keys, list) else [keys])])
            action.triggered.connect(lambda _=False, s=slot: s())
            self.addAction(action)
        self.search.installEventFilter(self)
        self._set_buttons_enabled()
        self.ask_path: Callable[[str, str, str], str] = self._ask_path
        # (key, title) pairs, or a function giving them: loaded when the form opens.
        self.templates: list[tuple[str, str]] | Callable[[], list[tuple[str, str]]] = []
        self.today: Callable[[], date] = date.today

    # -- store ----------------------------------------------------------------------------
    def attach_store(self, store) -> None:
        self.store = store
        self.refresh()
        self.table.setFocus()

    def refresh(self) -> None:
        if self.store is None:
            return
        selected = self.selected_id()
        rows = self.store.list(self.search.text())
        sort = self.sort.currentData()
        if sort == "title":
            rows.sort(key=lambda r: r.title.casefold())
        elif sort == "client":
            rows.sort(key=lambda r: (r.client.casefold(), r.title.casefold()))
        elif sort == "date":
            rows.sort(key=lambda r: r.workshop_date or "", reverse=True)
        self.model.set_rows(rows)
        if not rows:
            self.empty_label.setText("No session matches your search." if self.search.text()
                                     else "No sessions yet. Press Ctrl+N to create one.")
            self.empty_label.show()
        else:
            self.empty_label.hide()
        # A first-time user with an empty library can look around in a real example.
        self.example_button.setVisible(not rows and not self.search.text()
                                       and not self.store.read_only)
        ids = [r.id for r in rows]
        self.select_row(ids.index(selected) if selected in ids else 0)
        self._set_buttons_enabled()

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.table.selectRow(row)
            self.table.setCurrentIndex(self.model.index(row, 0))

    def selected_id(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.rows[index.row()].id

    def _set_buttons_enabled(self) -> None:
        has = self.selected_id() is not None
        writable = self.store is not None and not self.store.read_only
        for b in (self.open_button, self.export_button):
            b.setEnabled(has)
        for b in (self.duplicate_button, self.delete_button):
            b.setEnabled(has and writable)
        self.new_button.setEnabled(writable)
        self.import_button.setEnabled(writable)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        # Up/Down in the search field move through the results, like a launcher.
        from PySide6.QtCore import QEvent

        if obj is self.search and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                row = self.table.currentIndex().row()
                step = 1 if event.key() == Qt.Key.Key_Down else -1
                self.select_row(max(0, min(self.model.rowCount() - 1, row + step)))
                return True
        return super().eventFilter(obj, event)

    # -- actions --------------------------------------------------------------------------
    def _writable(self) -> bool:
        if self.store is None or self.store.read_only:
            self.status.showMessage("This database is open read-only.", 5000)
            return False
        return True

    def open_selected(self) -> None:
        wid = self.selected_id()
        if wid:
            self.open_requested.emit(wid)

    def new_workshop(self) -> Workshop | None:
        if not self._writable():
            return None
        from workshop.ui.new_workshop import NewWorkshopDialog

        templates = self.templates() if callable(self.templates) else self.templates
        dialog = NewWorkshopDialog(self.today(), templates, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        ws = dialog.workshop()
        self.store.save(ws)
        self.refresh()
        self.new_requested.emit(ws)
        return ws

    def add_example(self) -> str | None:
        """Save the worked example of the method and select it."""
        if not self._writable():
            return None
        from workshop.demo import demo_workshop

        ws = demo_workshop()
        self.store.save(ws)
        self.refresh()
        ids = [r.id for r in self.model.rows]
        if ws.id in ids:
            self.select_row(ids.index(ws.id))
        self.table.setFocus()
        self.status.showMessage("Added the worked example. Press Enter to open it.", 8000)
        return ws.id

    def duplicate_selected(self) -> str | None:
        wid = self.selected_id()
        if not wid or not self._writable():
            return None
        copy = self.store.duplicate(wid)
        self.refresh()
        ids = [r.id for r in self.model.rows]
        if copy.id in ids:
            self.select_row(ids.index(copy.id))
        self.status.showMessage(f"Created “{copy.title}” for {copy.period_label or 'the next period'}.", 8000)
        return copy.id

    def delete_selected(self) -> None:
        wid = self.selected_id()
        if not wid or not self._writable():
            return
        row = self.table.currentIndex().row()
        title = self.model.rows[row].title
        self.store.delete(wid)
        self._trash_undo.append(wid)
        self.refresh()
        self.select_row(min(row, self.model.rowCount() - 1))
        self.status.showMessage(f"Moved “{title}” to the trash.", 15000)
        self.undo_button.show()
        QTimer.singleShot(15000, self.undo_button.hide)

    def undo_delete(self) -> None:
        if not self._trash_undo or not self._writable():
            return
        wid = self._trash_undo.pop()
        self.store.restore(wid)
        self.refresh()
        ids = [r.id for r in self.model.rows]
        if wid in ids:
            self.select_row(ids.index(wid))
        self.status.showMessage("Restored from the trash.", 5000)
        if not self._trash_undo:
            self.undo_button.hide()

    def _ask_path(self, mode: str, title: str, suggested: str) -> str:
        if mode == "open":
            path, _ = QFileDialog.getOpenFileName(self, title, suggested,
                                                  "Session exports (*.json)")
        else:
            path, _ = QFileDialog.getSaveFileName(self, title, suggested,
                                                  "Session exports (*.json)")
        return path

    def import_json(self) -> str | None:
        if not self._writable():
            return None
        path = self.ask_path("open", "Import a session", "")
        if not path:
            return None
        from workshop.cli import UserError, read_import_file
        from workshop.model import renew_ids

        try:
            ws = read_import_file(Path(path))
        except UserError as exc:
            self.status.showMessage(f"Not imported: {exc}", 15000)
            return None
        from workshop.store import StoreError

        try:
            if self.store.exists(ws.id):
                renew_ids(ws)
            self.store.save(ws, touch=False)
        except StoreError as exc:
            self.status.showMessage(f"Not imported: {exc}", 15000)
            return None
        self.refresh()
        ids = [r.id for r in self.model.rows]
        if ws.id in ids:
            self.select_row(ids.index(ws.id))
        self.status.showMessage(f"Imported “{ws.title}”.", 8000)
        return ws.id

    def export_selected(self) -> Path | None:
        wid = self.selected_id()
        if not wid or self.store is None:
            return None
        ws = self.store.load(wid)
        from workshop.export.content import safe_file_stem

        path = self.ask_path("save", "Export the session as JSON",
                             f"{safe_file_stem(ws.title, 'session')}.json")
        if not path:
            return None
        from workshop.export import ExportError, export_file

        try:
            written = export_file(ws, Path(path))
        except ExportError as exc:
            self.status.showMessage(str(exc), 15000)
            return None
        self.status.showMessage(f"Saved {written[0]}", 8000)
        return written[0]

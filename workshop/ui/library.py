"""The library: every past session, searchable, with New, Open, Duplicate for the next
period, Delete (to the trash, with Undo), Import and Export JSON. Keyboard first."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
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

from workshop.clock import Clock, SystemClock
from workshop.clock import today as clock_today
from workshop.library_service import LibraryRefusal, LibraryService
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
    if moment.tzinfo is None:
        moment = moment.astimezone()  # an old, naive stamp was local time
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

    def __init__(self, parent: QWidget | None = None,
                 now: Callable[[], datetime] | None = None) -> None:
        super().__init__(parent)
        self.rows: list[SessionSummary] = []
        self.now = now

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
                      row.period_label,
                      relative_time(row.updated_at, self.now() if self.now else None))
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


class _SearchResults(QObject):
    """Carries a search's rows from its worker thread to the GUI thread (queued)."""

    done = Signal(int, object)  # generation, rows or a LibraryRefusal


class LibraryWindow(QMainWindow):
    """The first window: past sessions. It paints before the database is opened; the
    app calls `attach_service` right after, so the window appears at once. The clock
    gives today's date (the New form's period) and the "2h ago" of each row."""

    open_requested = Signal(str)  # a session id
    new_requested = Signal(object)  # a new Workshop, already saved
    search_finished = Signal()  # the rows of the latest typed search are shown

    def __init__(self, parent: QWidget | None = None, *, clock: Clock | None = None,
                 templates: list[tuple[str, str]] | Callable[[], list[tuple[str, str]]]
                 | None = None) -> None:
        super().__init__(parent)
        self.clock: Clock = clock or SystemClock()
        self.service: LibraryService | None = None
        self._reader: LibraryService | None = None
        self._search_generation = 0
        self._search_running = False
        self._search_again = False
        self._results = _SearchResults(self)
        self._results.done.connect(self._search_done)
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
        self.model = SessionTableModel(self, now=self._now)
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
        # Sizing columns to their contents measures every row on every refresh (slow at
        # thousands of sessions): the title stretches, the others get a width fitting
        # typical values plus a gutter, and the user may drag them.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        metrics = self.table.fontMetrics()
        gutter = metrics.horizontalAdvance("MMM")
        for col, sample in ((1, "Kommune Nordland AS"), (2, "30 Sep 2027"),
                            (3, "Q4 2027"), (4, "23h ago")):
            width = max(metrics.horizontalAdvance(sample),
                        metrics.horizontalAdvance(COLUMNS[col])) + gutter
            header.resizeSection(col, max(80, width))
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
        self._search_timer.timeout.connect(self._search_in_background)
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
        self.templates: list[tuple[str, str]] | Callable[[], list[tuple[str, str]]] = (
            templates or [])

    def today(self) -> date:
        return clock_today(self.clock)

    def _now(self) -> datetime:
        from datetime import UTC

        return datetime.fromtimestamp(self.clock.wall(), UTC)

    # -- the sessions ---------------------------------------------------------------------
    @property
    def read_only(self) -> bool:
        return self.service is None or self.service.read_only

    def attach_service(self, service: LibraryService) -> None:
        self._close_reader()
        self.service = service
        self.refresh()
        self.table.setFocus()

    def attach_store(self, store) -> None:
        """Show the sessions of an open store (wrapped in a LibraryService)."""
        self.attach_service(LibraryService(store, self.clock))

    def detach(self) -> None:
        """Forget the store (the app closes it), and the search connection with it."""
        self._close_reader()
        self.service = None

    def _close_reader(self) -> None:
        self._search_generation += 1  # a search still running is not shown
        reader, self._reader = self._reader, None
        if reader is not None and reader is not self.service and not self._search_running:
            reader.close()

    def search_reader(self) -> LibraryService:
        """The read-only connection typed searches run on, off the GUI thread (opened
        now if no search has opened it yet)."""
        if self._reader is None:
            assert self.service is not None
            self._reader = self.service.reader()
        return self._reader

    def _search_in_background(self) -> None:
        """A typed search: the query runs in a worker thread (on a read-only connection
        it opens there the first time), so typing never waits for it; only the newest
        search's rows are shown."""
        if self.service is None:
            return
        if self._search_running:
            self._search_again = True
            return
        self._search_generation += 1
        generation = self._search_generation
        text, sort = self.search.text(), self.sort.currentData()
        service, reader = self.service, self._reader
        self._search_running = True
        done = self._results.done

        def work() -> None:
            result: object
            try:
                searcher = reader or service.reader()
                result = (searcher, searcher.search(text, sort))
            except LibraryRefusal as exc:
                result = exc
            except Exception as exc:  # noqa: BLE001 - shown, never lost in a thread
                result = LibraryRefusal(f"Could not search: {exc}")
            done.emit(generation, result)

        threading.Thread(target=work, name="library-search", daemon=True).start()

    def _search_done(self, generation: int, result: object) -> None:
        self._search_running = False
        if isinstance(result, tuple):
            searcher, rows = result
            if generation != self._search_generation or self.service is None:
                if searcher is not self._reader and searcher is not self.service:
                    searcher.close()  # opened for a store closed since
                searcher = None
            elif self._reader is None and searcher is not self.service:
                self._reader = searcher
            if searcher is not None:
                self._show_rows(rows)
                self.search_finished.emit()
        elif generation == self._search_generation:
            self.status.showMessage(str(result), 15000)
        if self._search_again:
            self._search_again = False
            self._search_in_background()

    def refresh(self) -> None:
        if self.service is None:
            return
        try:
            rows = self.service.search(self.search.text(), self.sort.currentData())
        except LibraryRefusal as exc:
            self.status.showMessage(str(exc), 15000)
            return
        self._show_rows(rows)

    def _show_rows(self, rows: list[SessionSummary]) -> None:
        selected = self.selected_id()
        self.model.set_rows(rows)
        if not rows:
            self.empty_label.setText("No session matches your search." if self.search.text()
                                     else "No sessions yet. Press Ctrl+N to create one.")
            self.empty_label.show()
        else:
            self.empty_label.hide()
        # A first-time user with an empty library can look around in a real example.
        self.example_button.setVisible(not rows and not self.search.text()
                                       and not self.read_only)
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
        writable = not self.read_only
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

    # -- actions ------------------------------------------------------------------------
    def _writable(self) -> bool:
        if self.read_only:
            self.status.showMessage("This database is open read-only.", 5000)
            return False
        return True

    def _refused(self, exc: LibraryRefusal, prefix: str | None = None) -> None:
        """Say why an action did not happen; nothing was changed."""
        self.status.showMessage(f"{prefix}: {exc.reason}" if prefix else str(exc), 20000)

    def _select(self, workshop_id: str) -> None:
        ids = [r.id for r in self.model.rows]
        if workshop_id in ids:
            self.select_row(ids.index(workshop_id))

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
        try:
            self.service.add(ws)
        except LibraryRefusal as exc:
            self._refused(exc)
            return None
        self.refresh()
        self.new_requested.emit(ws)
        return ws

    def add_example(self) -> str | None:
        """Save the worked example of the method and select it."""
        if not self._writable():
            return None
        try:
            ws = self.service.add_example()
        except LibraryRefusal as exc:
            self._refused(exc)
            return None
        self.refresh()
        self._select(ws.id)
        self.table.setFocus()
        self.status.showMessage("Added the worked example. Press Enter to open it.", 8000)
        return ws.id

    def duplicate_selected(self) -> str | None:
        wid = self.selected_id()
        if not wid or not self._writable():
            return None
        try:
            copy = self.service.duplicate(wid)
        except LibraryRefusal as exc:
            self._refused(exc)
            return None
        self.refresh()
        self._select(copy.id)
        self.status.showMessage(f"Created “{copy.title}” for {copy.period_label or 'the next period'}.", 8000)
        return copy.id

    def delete_selected(self) -> None:
        wid = self.selected_id()
        if not wid or not self._writable():
            return
        row = self.table.currentIndex().row()
        title = self.model.rows[row].title
        try:
            self.service.trash(wid)
        except LibraryRefusal as exc:
            self._refused(exc)
            return
        self._trash_undo.append(wid)
        self.refresh()
        self.select_row(min(row, self.model.rowCount() - 1))
        self.status.showMessage(f"Moved “{title}” to the trash.", 15000)
        self.undo_button.show()
        QTimer.singleShot(15000, self.undo_button.hide)

    def undo_delete(self) -> None:
        if not self._trash_undo or not self._writable():
            return
        wid = self._trash_undo[-1]
        try:
            self.service.restore(wid)
        except LibraryRefusal as exc:
            self._refused(exc)
            return
        self._trash_undo.pop()
        self.refresh()
        self._select(wid)
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
        try:
            ws = self.service.import_file(Path(path))
        except LibraryRefusal as exc:
            self._refused(exc, "Not imported")
            return None
        self.refresh()
        self._select(ws.id)
        self.status.showMessage(f"Imported “{ws.title}”.", 8000)
        return ws.id

    def export_selected(self) -> Path | None:
        wid = self.selected_id()
        if not wid or self.service is None:
            return None
        from workshop.export.content import safe_file_stem

        title = next((r.title for r in self.model.rows if r.id == wid), "")
        path = self.ask_path("save", "Export the session as JSON",
                             f"{safe_file_stem(title, 'session')}.json")
        if not path:
            return None
        try:
            written = self.service.export_json(wid, Path(path))
        except LibraryRefusal as exc:
            self._refused(exc, "Not exported")
            return None
        self.status.showMessage(f"Saved {written}", 8000)
        return written

"""Starting the app: QApplication, fonts, theme, settings; the library window paints
first, then the database is opened (with a lock, and a way out when the file is
damaged, newer, or in use by another instance), then the list fills.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QLockFile, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from workshop.clock import Clock, SystemClock

ORG = "OKR Workshop"
APP = "okr-workshop"


def ensure_platform() -> None:
    """With no display at all (a server, CI), fall back to offscreen rendering instead
    of aborting."""
    if sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM"):
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"


class _FirstPaint(QObject):
    """Calls back once, after the watched window's first paint."""

    def __init__(self, window: QWidget, callback) -> None:
        super().__init__(window)
        self.callback = callback
        self.done = False
        window.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            QTimer.singleShot(0, self.callback)
        return False


class App(QObject):
    """Owns the windows of one running app and the open database."""

    def __init__(self, qt_app: QApplication, db_path: Path, clock: Clock,
                 settings: QSettings) -> None:
        super().__init__()
        from workshop.ui.library import LibraryWindow
        from workshop.ui.theme import START_UP_FACES, load_fonts

        self.qt_app = qt_app
        self.db_path = db_path
        self.clock = clock
        self.settings = settings
        self.store = None
        self.lock: QLockFile | None = None
        self.font_family = load_fonts(faces=START_UP_FACES)
        self.apply_theme()
        self.library = LibraryWindow()
        self.library.templates = _template_choices
        self.library.open_requested.connect(self.open_session)
        self.library.new_requested.connect(lambda ws: self.open_session(ws.id))
        self.facilitator = None
        self.audience = None
        self.controller = None

    # -- theme ----------------------------------------------------------------------------
    def apply_theme(self) -> None:
        from workshop.ui.theme import DEFAULT_FONT_PT, apply_theme

        theme = str(self.settings.value("theme", "light"))
        font_pt = int(self.settings.value("font_pt", DEFAULT_FONT_PT))
        apply_theme(self.qt_app, theme, font_pt, self.font_family)

    def set_theme(self, key: str) -> None:
        self.settings.setValue("theme", key)
        self.apply_theme()

    def change_font_size(self, delta: int) -> None:
        from workshop.ui.theme import DEFAULT_FONT_PT, MAX_FONT_PT, MIN_FONT_PT

        size = int(self.settings.value("font_pt", DEFAULT_FONT_PT)) + delta
        self.settings.setValue("font_pt", max(MIN_FONT_PT, min(MAX_FONT_PT, size)))
        self.apply_theme()

    # -- the database ---------------------------------------------------------------------
    def open_store(self) -> bool:
        """Open the database behind the library; False when the user chose to quit."""
        from workshop.store import (
            Store,
            StoreDamagedError,
            StoreError,
            StoreNewerError,
            list_backups,
            move_aside,
        )

        read_only = False
        while True:
            if not read_only and not self._take_lock():
                choice = self._ask(
                    "Session database in use",
                    f"{self.db_path} is open in another OKR Workshop window.\n\n"
                    "You can look at it read-only here, open another database, or quit.",
                    ["View read-only", "Open another database…", "Quit"])
                if choice == 0:
                    read_only = True
                elif choice == 1:
                    if not self._choose_other_db():
                        return False
                    continue
                else:
                    return False
            try:
                self.store = Store.open(self.db_path, read_only=read_only)
                if not read_only:
                    self._daily_backup()
                # The first listing reads pages the open did not: damage found here
                # gets the same way out as damage found on opening.
                self.library.attach_store(self.store)
                break
            except StoreDamagedError as exc:
                self._close_store()
                self._release_lock()
                backups = list_backups(self.db_path)
                options = (["Open the newest backup"] if backups else []) + [
                    "Start a fresh database", "Quit"]
                choice = self._ask(
                    "Session database damaged",
                    f"{exc}\n\nThe damaged file will be moved aside (renamed, never "
                    f"overwritten) so nothing is lost."
                    + (f"\nNewest backup: {backups[0].name}" if backups else ""),
                    options)
                picked = options[choice] if 0 <= choice < len(options) else "Quit"
                if picked == "Quit":
                    return False
                aside = move_aside(self.db_path)
                for suffix in ("-wal", "-shm"):
                    side = self.db_path.with_name(self.db_path.name + suffix)
                    if side.exists():
                        side.unlink()
                if picked == "Open the newest backup":
                    import shutil

                    shutil.copy2(backups[0], self.db_path)
                self.library.status.showMessage(f"The damaged file was kept as {aside.name}.",
                                                20000)
            except StoreNewerError as exc:
                self._release_lock()
                choice = self._ask("Made by a newer version", str(exc),
                                   ["Open another database…", "Quit"])
                if choice != 0 or not self._choose_other_db():
                    return False
            except StoreError as exc:
                self._close_store()
                self._release_lock()
                choice = self._ask("Cannot open the session database", str(exc),
                                   ["Open another database…", "Quit"])
                if choice != 0 or not self._choose_other_db():
                    return False
        if read_only:
            self.library.setWindowTitle("OKR Workshop (read-only)")
        return True

    def _daily_backup(self) -> None:
        from workshop.store import StoreDamagedError

        try:
            self.store.auto_backup()
        except StoreDamagedError:
            raise
        except Exception as exc:  # noqa: BLE001 - a failed backup must not stop a workshop
            self.library.status.showMessage(f"Daily backup failed: {exc}", 10000)

    def _close_store(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None

    def _take_lock(self) -> bool:
        lock_path = str(self.db_path) + ".lock"
        try:
            self.db_path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            return True  # the store reports the unwritable folder with a clear message
        self.lock = QLockFile(lock_path)
        self.lock.setStaleLockTime(0)
        if self.lock.tryLock(100):
            return True
        if self.lock.error() == QLockFile.LockError.LockFailedError:
            self.lock.removeStaleLockFile()
            if self.lock.tryLock(100):
                return True
            self.lock = None
            return False
        self.lock = None
        return True  # cannot create a lock file (read-only folder): nothing to protect

    def _release_lock(self) -> None:
        if self.lock is not None:
            self.lock.unlock()
            self.lock = None

    def _choose_other_db(self) -> bool:
        path, _ = QFileDialog.getSaveFileName(
            self.library, "Open or create a session database", str(self.db_path.parent),
            "Databases (*.db)", options=QFileDialog.Option.DontConfirmOverwrite)
        if not path:
            return False
        self.db_path = Path(path)
        return True

    def _ask(self, title: str, text: str, options: list[str]) -> int:
        box = QMessageBox(self.library)
        box.setWindowTitle(title)
        box.setText(text)
        box.setIcon(QMessageBox.Icon.Warning)
        buttons = [box.addButton(o, QMessageBox.ButtonRole.AcceptRole) for o in options]
        box.setDefaultButton(buttons[0])
        box.exec()
        clicked = box.clickedButton()
        return buttons.index(clicked) if clicked in buttons else len(options) - 1

    # -- sessions -------------------------------------------------------------------------
    def open_session(self, workshop_id: str) -> None:
        from workshop.ui.facilitator import FacilitatorWindow
        from workshop.ui.session import SessionController

        if self.facilitator is not None:
            self.facilitator.raise_()
            return
        ws = self.store.load(workshop_id)
        store = None if self.store.read_only else self.store
        self.controller = SessionController(ws, store, self.clock)
        window = FacilitatorWindow(self.controller)
        window.closed.connect(self._session_closed)
        window.theme_requested.connect(self.set_theme)
        window.font_size_requested.connect(self.change_font_size)
        window.projector_requested.connect(self.show_projector)
        self.facilitator = window
        window.resize(self.library.size().expandedTo(window.sizeHint()))
        window.showMaximized()
        self.library.hide()

    def show_projector(self) -> None:
        try:
            from workshop.ui.audience import open_audience_window
        except ImportError:
            return
        if self.facilitator is None:
            return
        self.audience = open_audience_window(self.facilitator, self.audience)

    def _session_closed(self) -> None:
        if self.audience is not None:
            self.audience.close()
        # Qt deletes the closed session's windows at a safe moment. Only dropping the
        # references would leave them to Python's garbage collector, which may run in
        # the middle of Qt walking its widgets (a theme change) and crash the app.
        for finished in (self.audience, self.facilitator, self.controller):
            if finished is not None:
                finished.deleteLater()
        self.audience = self.facilitator = self.controller = None
        self.library.show()
        self.library.refresh()

    def shutdown(self) -> None:
        if self.controller is not None:
            self.controller.save_now()
        if self.store is not None:
            self.store.close()
        self._release_lock()


def _template_choices() -> list[tuple[str, str]]:
    from workshop.flows.agenda import TEMPLATES

    return [(key, template.title) for key, template in TEMPLATES.items()]


def create_qt_app() -> QApplication:
    ensure_platform()
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "okr-workshop"])
    app.setOrganizationName(ORG)
    app.setApplicationName(APP)
    app.setApplicationDisplayName("OKR Workshop")
    return app


def _quit_on_terminate(qt_app: QApplication) -> None:
    """A logout or `kill` sends SIGTERM: quit through the event loop so the open
    session is saved and the lock released, instead of dying mid-edit. Python only runs
    its signal handlers between bytecodes, so a slow timer gives it the chance."""
    import signal

    if not hasattr(signal, "SIGTERM"):
        return
    signal.signal(signal.SIGTERM, lambda *_: qt_app.quit())
    waker = QTimer(qt_app)
    waker.setInterval(500)
    waker.timeout.connect(lambda: None)
    waker.start()


def run_app(db_path: Path, *, exit_after_paint: bool = False,
            clock: Clock | None = None) -> int:
    """The GUI entry point: returns the process exit code."""
    qt_app = create_qt_app()
    settings = QSettings()
    app = App(qt_app, db_path, clock or SystemClock(), settings)
    qt_app.aboutToQuit.connect(app.shutdown)
    _quit_on_terminate(qt_app)
    if exit_after_paint:
        _FirstPaint(app.library, qt_app.quit)
        app.library.show()
        return qt_app.exec()

    def after_first_paint() -> None:
        from workshop.ui.theme import LATER_FACES, load_fonts

        load_fonts(faces=LATER_FACES)
        if not app.open_store():
            qt_app.quit()

    _FirstPaint(app.library, after_first_paint)
    app.library.show()
    return qt_app.exec()

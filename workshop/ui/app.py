"""Starting the app: QApplication, fonts, theme, settings; the library window paints
first, then the database is opened (with a lock, and a way out when the file is
damaged, newer, or in use by another instance), then the list fills.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QEvent, QLockFile, QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMessageBox,
    QProxyStyle,
    QStyle,
    QWidget,
)

from workshop.clock import Clock, SystemClock

ORG = "OKR Workshop"
WINDOW_GEOMETRY_KEY = "session_window/geometry"
WINDOW_MAXIMISED_KEY = "session_window/maximised"
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

    # What the daily backup's worker thread found: None (nothing to say), or a
    # (kind, message) pair, delivered to the GUI thread.
    backup_finished = Signal(object)

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
        self.lock: QLockFile | None = None  # the lock beside the file
        self._locks: list[QLockFile] = []  # every lock taken, the identity one too
        self._backup_thread: threading.Thread | None = None
        self._backup_generation = 0
        self.font_family = load_fonts(faces=START_UP_FACES)
        self.apply_theme()
        self.library = LibraryWindow(clock=clock, templates=_template_choices)
        self.library.open_requested.connect(self._open_requested)
        self.backup_finished.connect(self._backup_finished)
        self.library.new_requested.connect(lambda ws: self.open_session(ws.id))
        self.facilitator = None
        self.audience = None
        self.presentation = None  # the room's view on a single, mirrored screen
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
        """Open the database behind the library; False when the user chose to quit.

        Every way it can fail is said in one sentence with a way on; nothing is written
        to a file the app refuses (it is recognised read-only first)."""
        from workshop.store import (
            StoreDamagedError,
            StoreError,
            StoreNewerError,
            StoreReadOnlyError,
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
                self._attach(read_only)
                break
            except StoreDamagedError as exc:
                self._close_store()
                self._release_lock()
                if not self._recover_from_damage("Session database damaged", str(exc),
                                                 quit_label="Quit"):
                    return False
            except StoreReadOnlyError as exc:
                self._close_store()
                self._release_lock()
                choice = self._ask("Session database is read-only", str(exc),
                                   ["View read-only", "Save a copy elsewhere…", "Quit"])
                if choice == 0:
                    read_only = True
                elif choice != 1 or not self._save_copy_elsewhere():
                    return False
            except StoreNewerError as exc:
                self._release_lock()
                choice = self._ask("Made by a newer version", str(exc),
                                   ["Open another database…", "Quit"])
                if choice != 0 or not self._choose_other_db():
                    return False
            except (StoreError, OSError, Exception) as exc:  # noqa: BLE001 - never a hang
                self._close_store()
                self._release_lock()
                message = str(exc) if isinstance(exc, StoreError) else (
                    f"{self.db_path} could not be opened: {exc}")
                choice = self._ask("Cannot open the session database", message,
                                   ["Open another database…", "Quit"])
                if choice != 0 or not self._choose_other_db():
                    return False
        if read_only:
            self.library.setWindowTitle("OKR Workshop (read-only)")
        else:
            self._offer_recovery_copies()
        return True

    def _attach(self, read_only: bool, *, backup: bool = True) -> None:
        """Open the store (SQLite's quick check of every page first: about 30 ms at
        2,000 sessions), show its sessions, and start the daily backup off the GUI
        thread."""
        from workshop.library_service import LibraryService
        from workshop.store import Store

        self.store = Store.open(self.db_path, read_only=read_only, check=True)
        self.library.attach_service(LibraryService(self.store, self.clock))
        if not read_only and backup:
            self._start_backup()

    def _recover_from_damage(self, title: str, text: str, *, quit_label: str,
                             offer_fresh: bool = True) -> bool:
        """Offer the newest sound backup (or a fresh file); move the damaged one aside
        (renamed, never overwritten). False when the user chose `quit_label`."""
        from workshop.store import StoreError, move_aside, newest_sound_backup, restore_backup

        backup = newest_sound_backup(self.db_path)
        options = ((["Open the newest backup"] if backup else [])
                   + (["Start a fresh database"] if offer_fresh else []) + [quit_label])
        choice = self._ask(
            title,
            f"{text}\n\nThe damaged file will be moved aside (renamed, never "
            f"overwritten) so nothing is lost."
            + (f"\nNewest backup: {backup.name}" if backup else ""),
            options)
        picked = options[choice] if 0 <= choice < len(options) else quit_label
        if picked == quit_label:
            return False
        try:
            aside = move_aside(self.db_path)
            if picked == "Open the newest backup" and backup is not None:
                restore_backup(backup, self.db_path)
        except StoreError as exc:
            choice = self._ask("Cannot set the damaged file aside", str(exc),
                               ["Open another database…", "Quit"])
            return choice == 0 and self._choose_other_db()
        self.library.status.showMessage(f"The damaged file was kept as {aside.name}.", 20000)
        return True

    def _save_copy_elsewhere(self) -> bool:
        """Copy a database that cannot be written to a place the user picks, and go on
        there (the original stays as it was)."""
        from workshop.store import Store, StoreError

        source = self.db_path
        if not self._choose_other_db():
            return False
        try:
            with Store.open(source, read_only=True) as view:
                view.backup_to(self.db_path)
        except StoreError as exc:
            self._ask("Could not save a copy", str(exc), ["OK"])
            self.db_path = source
            return False
        return True

    def _offer_recovery_copies(self) -> None:
        """Sessions a previous run could not save into this database were kept as
        recovery copies: offer them back."""
        from workshop.library_service import LibraryRefusal

        service = self.library.service
        if service is None:
            return
        copies = service.recovery_copies()
        if not copies:
            return
        names = "\n".join(f"• {c.title or '(untitled)'}" for c in copies[:10])
        choice = self._ask(
            "Unsaved edits were kept",
            f"The last time, {len(copies)} session(s) could not be saved into "
            f"{self.db_path} and were kept as recovery copies:\n{names}\n\nRestore them "
            f"now? A session edited since comes back as a copy beside it.",
            ["Restore them", "Not now"])
        if choice != 0:
            return
        restored = 0
        for copy in copies:
            try:
                service.restore_recovery_copy(copy)
                restored += 1
            except LibraryRefusal as exc:
                self.library.status.showMessage(str(exc), 20000)
        self.library.refresh()
        if restored:
            self.library.status.showMessage(f"Restored {restored} session(s).", 10000)

    # -- the daily backup, off the GUI thread ---------------------------------------------
    def _start_backup(self) -> None:
        """The integrity check (about 0.1 s at 2,000 sessions) and the daily backup run
        in a worker on a read-only connection of their own: start-up does not wait."""
        from workshop.store import StoreDamagedError, StoreError

        try:
            reader = self.store.open_reader()
        except StoreError as exc:
            self.library.status.showMessage(f"Daily backup failed: {exc}", 10000)
            return
        done = self.backup_finished
        self._backup_generation += 1
        generation = self._backup_generation

        def work() -> None:
            result: tuple[str, str] | None = None
            try:
                if not reader.integrity_ok():
                    result = ("damaged", f"{reader.path} is damaged (SQLite's integrity "
                              f"check failed).")
                else:
                    reader.auto_backup()
            except StoreDamagedError as exc:
                result = ("damaged", str(exc))
            except Exception as exc:  # noqa: BLE001 - a failed backup must not stop a workshop
                result = ("failed", f"Daily backup failed: {exc}")
            finally:
                reader.close()
            done.emit((generation, result))

        self._backup_thread = threading.Thread(target=work, name="daily-backup",
                                               daemon=True)
        self._backup_thread.start()

    def wait_for_backup(self) -> None:
        """Wait for the daily backup's worker (on quitting; in tests) and deliver what it
        found."""
        if self._backup_thread is not None:
            self._backup_thread.join()
            self._backup_thread = None
        from PySide6.QtCore import QCoreApplication

        QCoreApplication.sendPostedEvents(self)

    def _backup_finished(self, outcome) -> None:
        generation, result = outcome
        if result is None or self.store is None or generation != self._backup_generation:
            return  # nothing to say, or about a store closed since
        kind, message = result
        if kind == "failed" or self.facilitator is not None:
            self.library.status.showMessage(message, 20000)
            return
        self._damage_found(message, "Session database damaged")

    def _damage_found(self, message: str, title: str) -> None:
        """Damage found after start-up (by the integrity check, or opening a session):
        offer the backup; the library goes on with whatever the user picks."""
        self._close_store()
        self._release_lock()
        if not self._recover_from_damage(title, message, quit_label="Back to the library",
                                         offer_fresh=False):
            self._reopen_quietly()
            return
        if not self.open_store():
            self.qt_app.quit()

    def _reopen_quietly(self) -> None:
        """Back to the library on the same file, as it is (damaged pages and all)."""
        from workshop.store import StoreError

        try:
            if self._take_lock():
                self._attach(False, backup=False)  # the user has heard about it
                return
        except StoreError:
            pass
        self.library.status.showMessage(f"{self.db_path} could not be opened again.", 20000)

    def _close_store(self) -> None:
        self.library.detach()
        if self._backup_thread is not None:
            self._backup_thread.join()
            self._backup_thread = None
        if self.store is not None:
            self.store.close()
            self.store = None

    def lock_paths(self) -> list[Path]:
        return [Path(lock.fileName()) for lock in self._locks] if self._locks else []

    def _take_lock(self) -> bool:
        """One instance per database file, whatever name it is reached by: locks on the
        resolved path (beside the file) and on the file's device and inode."""
        from workshop.paths import lock_paths

        try:
            self.db_path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            return True  # the store reports the unwritable folder with a clear message
        self._release_lock()
        for path in lock_paths(self.db_path):
            try:
                path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            except OSError:
                continue
            lock = QLockFile(str(path))
            lock.setStaleLockTime(0)
            taken = lock.tryLock(100)
            if not taken and lock.error() == QLockFile.LockError.LockFailedError:
                lock.removeStaleLockFile()
                taken = lock.tryLock(100)
                if not taken:
                    self._release_lock()
                    return False
            if taken:
                try:
                    os.chmod(path, 0o600)
                except OSError:
                    pass
                self._locks.append(lock)
            # else: no lock file can be made there (a read-only folder): nothing to guard
        self.lock = self._locks[0] if self._locks else None
        return True

    def _release_lock(self) -> None:
        for lock in self._locks:
            lock.unlock()
        self._locks = []
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

    def _open_requested(self, workshop_id: str) -> None:
        """Read the session before its window opens: damaged pages (which the quick
        check at start-up may not have met) are said, with the backup offered, instead
        of an error escaping."""
        from workshop.store import StoreDamagedError, StoreError

        if self.store is None:
            return
        try:
            self.store.load(workshop_id)
        except StoreDamagedError as exc:
            self._damage_found(f"{exc} This session cannot be read.", "Session damaged")
            return
        except StoreError as exc:
            self.library.status.showMessage(str(exc), 20000)
            return
        self.open_session(workshop_id)

    # -- sessions -------------------------------------------------------------------------
    def open_session(self, workshop_id: str) -> None:
        from workshop.ui.facilitator import FacilitatorWindow
        from workshop.ui.input_router import InputRouter
        from workshop.ui.session import SessionController

        if self.facilitator is not None:
            self.facilitator.raise_()
            return
        ws = self.store.load(workshop_id)
        store = None if self.store.read_only else self.store
        self.controller = SessionController(ws, store, self.clock)
        # One router for the room's keys of every window of this session.
        self.router = InputRouter(self.controller)
        window = FacilitatorWindow(self.controller, router=self.router)
        window.closed.connect(self._session_closed)
        window.quit_requested.connect(self.qt_app.quit)
        window.theme_requested.connect(self.set_theme)
        window.font_size_requested.connect(self.change_font_size)
        window.projector_requested.connect(self.show_projector)
        window.presentation_requested.connect(self.toggle_presentation)
        self.facilitator = window
        self._show_as_left(window)
        self.library.hide()

    def _show_as_left(self, window) -> None:
        """The session window opens maximised, or as the facilitator last left it (a
        size and place of their own) when that still fits a connected screen."""
        geometry = self.settings.value(WINDOW_GEOMETRY_KEY)
        maximised = self.settings.value(WINDOW_MAXIMISED_KEY, True) not in (
            False, "false", "0", 0)
        if geometry is not None and not maximised and window.restoreGeometry(geometry):
            window.show()
            return
        window.resize(self.library.size().expandedTo(window.sizeHint()))
        window.showMaximized()

    def _remember_window(self, window) -> None:
        self.settings.setValue(WINDOW_MAXIMISED_KEY, window.isMaximized()
                               or window.isFullScreen())
        self.settings.setValue(WINDOW_GEOMETRY_KEY, window.saveGeometry())

    def show_projector(self) -> None:
        if self.facilitator is None:
            return
        self.audience = self.facilitator.open_projector(self.settings)

    def toggle_presentation(self) -> None:
        """One mirrored screen: the room's own view, fullscreen, with a thin strip of
        controls for the facilitator; again to go back to the laptop's window."""
        if self.facilitator is None:
            return
        if self.presentation is not None:
            self.presentation.close()
            self.presentation.deleteLater()
            self.presentation = None
            self.facilitator.raise_()
            self.facilitator.activateWindow()
            return
        self.presentation = self.facilitator.open_presentation(self.settings)
        self.presentation.destroyed.connect(self._presentation_gone)

    def _presentation_gone(self, *_: object) -> None:
        self.presentation = None

    def _session_closed(self) -> None:
        if self.facilitator is not None:
            self._remember_window(self.facilitator)
        if self.presentation is not None:
            self.presentation.close()
            self.presentation.deleteLater()
            self.presentation = None
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
        self._close_store()
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
    if not isinstance(app.style(), FlatStyle):
        app.setStyle(FlatStyle("Fusion"))
    return app


class FlatStyle(QProxyStyle):
    """Qt's Fusion style with dialog buttons in words only: the stock icons (a green
    tick, a red circle) on "Save", "Cancel" and "Quit" look dated and say nothing the
    words do not."""

    def styleHint(self, hint, option=None, widget=None, returnData=None):  # noqa: N802
        if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
            return 0
        return super().styleHint(hint, option, widget, returnData)


def _quit_on_terminate(qt_app: QApplication) -> None:
    """A logout or `kill` sends SIGTERM: quit through the event loop so the open
    session is saved and the lock released, instead of dying mid-edit.

    Python runs its handlers only between bytecodes, and Qt's loop may sleep for long:
    the signal also writes a byte to a socket that Qt watches, which wakes the loop at
    once. Nothing polls."""
    import signal
    import socket

    from PySide6.QtCore import QSocketNotifier

    if not hasattr(signal, "SIGTERM"):
        return
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno())
    signal.signal(signal.SIGTERM, lambda *_: qt_app.quit())
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, qt_app)

    def drain() -> None:
        try:
            reader.recv(64)
        except OSError:
            pass

    notifier.activated.connect(drain)
    # The sockets live as long as the application.
    qt_app._terminate_sockets = (reader, writer, notifier)  # type: ignore[attr-defined]


def run_app(db_path: Path, *, exit_after_paint: bool = False,
            clock: Clock | None = None) -> int:
    """The GUI entry point: returns the process exit code."""
    qt_app = create_qt_app()
    settings = QSettings()
    app = App(qt_app, db_path, clock or SystemClock(), settings)
    qt_app.aboutToQuit.connect(app.shutdown)
    if exit_after_paint:
        _FirstPaint(app.library, qt_app.quit)
        app.library.show()
        return qt_app.exec()

    def after_first_paint() -> None:
        from workshop.ui.theme import LATER_FACES, load_fonts

        load_fonts(faces=LATER_FACES)
        # Before the first paint nothing is open that a SIGTERM could lose.
        _quit_on_terminate(qt_app)
        if not app.open_store():
            qt_app.quit()

    _FirstPaint(app.library, after_first_paint)
    app.library.show()
    return qt_app.exec()

"""Starts the real app the way `run_app` does (library painted first, then the store
opened and the list filled) and quits at a chosen point, for the start-up and memory
figures:

    python app_driver.py DB list       quit once the library list is filled
    python app_driver.py DB session    then open the newest session and quit after
                                       the facilitator window's first paint
    python app_driver.py DB pages      then open the projector, visit every page of
                                       the facilitator window, and quit
"""

from __future__ import annotations

import sys
from pathlib import Path

from moment import reached_moment
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QListWidget

from workshop.clock import SystemClock
from workshop.ui.app import App, _FirstPaint, create_qt_app


def visit_every_page(app: App, done) -> None:
    """Show each page of the navigator in turn, letting each paint, then call `done`."""
    window = app.facilitator
    app.show_projector()
    nav = window.findChild(QListWidget, "stageNav")
    keys = [nav.item(row).data(Qt.ItemDataRole.UserRole) for row in range(nav.count())] \
        if nav is not None else []

    def next_page() -> None:
        if not keys:
            QTimer.singleShot(50, done)
            return
        window.show_page(keys.pop(0))
        QTimer.singleShot(20, next_page)

    QTimer.singleShot(0, next_page)


def main(db_path: Path, until: str) -> int:
    qt_app = create_qt_app()
    settings = QSettings(str(db_path.with_suffix(".ini")), QSettings.Format.IniFormat)
    app = App(qt_app, db_path, SystemClock(), settings)
    qt_app.aboutToQuit.connect(app.shutdown)

    def after_first_paint() -> None:
        if not app.open_store():
            qt_app.exit(3)
            return
        if app.library.model.rowCount() == 0:
            qt_app.exit(4)
            return
        if until == "list":
            reached_moment()
            QTimer.singleShot(0, qt_app.quit)
            return
        app.open_session(app.library.model.rows[0].id)
        if until == "pages":
            _FirstPaint(app.facilitator, lambda: visit_every_page(app, qt_app.quit))
        else:
            _FirstPaint(app.facilitator, qt_app.quit)

    _FirstPaint(app.library, after_first_paint)
    app.library.show()
    return qt_app.exec()


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2]))

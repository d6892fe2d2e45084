"""The baseline: a bare PySide6 QMainWindow, the library window's size, shown and
quit after its first paint. Prints nothing; the caller times the whole process."""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class QuitAfterPaint(QObject):
    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.quit)
        return False


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.resize(1000, 640)
    watcher = QuitAfterPaint()
    window.installEventFilter(watcher)
    window.show()
    sys.exit(app.exec())

"""The baseline: a bare PySide6 QMainWindow, the library window's size, shown and
quit after its first paint. The caller times the whole process; under startup.py's
launcher it also prints when the first paint came."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

sys.path.insert(0, str(Path(__file__).resolve().parent))


class QuitAfterPaint(QObject):
    painted = False

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            reached_moment()
            QTimer.singleShot(0, QApplication.quit)
        return False


if __name__ == "__main__":
    from moment import reached_moment

    app = QApplication(sys.argv)
    window = QMainWindow()
    window.resize(1000, 640)
    watcher = QuitAfterPaint()
    window.installEventFilter(watcher)
    window.show()
    sys.exit(app.exec())

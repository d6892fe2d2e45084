"""The library's search as the user types it: the longest stall of the GUI thread per
keystroke (the debounced refresh included), against a raw SQL LIKE over the same
database measured in the same process.

    .venv/bin/python benchmarks/library.py DB

Prints one JSON object: {"library_search": {"value", "floor", "floor_name", "note"}}.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import tempfile
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit, QTableView  # noqa: E402
from qtbench import Heartbeat, median, run_loop, settle  # noqa: E402

QUERY = "client 3"
KEY_GAP_MS = 300  # slower than the search's debounce, so every key runs a search


def raw_like(db: Path, needle: str, repeats: int = 9) -> float:
    """Median ms of the least the search must do: one LIKE over the three columns."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    pattern = f"%{needle}%"
    times = []
    try:
        for _ in range(repeats):
            start = time.perf_counter()
            conn.execute("SELECT id, title, client, team, workshop_date, updated_at "
                         "FROM workshops WHERE deleted_at IS NULL AND (title LIKE ? "
                         "OR client LIKE ? OR team LIKE ?) ORDER BY updated_at DESC",
                         [pattern] * 3).fetchall()
            times.append((time.perf_counter() - start) * 1000)
    finally:
        conn.close()
    return median(times[1:])


def search_field(window) -> QLineEdit:
    edits = window.findChildren(QLineEdit)
    for edit in edits:
        if "search" in (edit.accessibleName() + edit.placeholderText()).lower():
            return edit
    if not edits:
        raise RuntimeError("the library has no search field")
    return edits[0]


def measure(db: Path) -> dict:
    from workshop.clock import SystemClock
    from workshop.ui.app import App

    qt_app = QApplication.instance()
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "okr-workshop.ini"), QSettings.Format.IniFormat)
        app = App(qt_app, db, SystemClock(), settings)
        app.library.show()
        settle()
        if not app.open_store():
            raise RuntimeError("the library did not open its database")
        settle()
        field = search_field(app.library)
        field.setFocus()
        beat = Heartbeat()
        stalls = []
        for char in QUERY:
            beat.start()
            start = time.perf_counter()
            QTest.keyClick(field, char)
            run_loop(KEY_GAP_MS)
            beat.stop()
            stalls.append(beat.longest_gap_ms(start))
        table = app.library.findChild(QTableView)
        shown = table.model().rowCount() if table is not None and table.model() else -1
        app.shutdown()
    floor = raw_like(db, QUERY)
    return {"value": max(stalls), "floor": floor, "floor_name": "raw SQL LIKE",
            "note": f"median per key {median(stalls):.0f} ms over {len(QUERY)} keys"
                    + (f"; {shown} sessions match" if shown >= 0 else "")}


def main() -> int:
    QApplication(["okr-workshop"])
    try:
        result = {"library_search": measure(Path(sys.argv[1]))}
    except Exception as exc:  # noqa: BLE001 - reported in the table instead
        traceback.print_exc(file=sys.stderr)
        result = {"library_search": {"error": f"{type(exc).__name__}: {exc}"[:160]}}
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())

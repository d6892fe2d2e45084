"""The library window on a real database file."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication

from workshop.demo import demo_workshop
from workshop.model import Workshop
from workshop.ui.library import LibraryWindow
from workshop.ui.new_workshop import NewWorkshopDialog, quarter_for


def make_library(qtbot, store) -> LibraryWindow:
    window = LibraryWindow()
    qtbot.addWidget(window)
    window.attach_store(store)
    return window


def titles(window: LibraryWindow) -> list[str]:
    return [r.title for r in window.model.rows]


def test_table_model_passes_the_model_tester(qtbot, store):
    store.save(demo_workshop())
    store.save(Workshop(title="Sales kickoff", client="Acme"))
    window = make_library(qtbot, store)
    QAbstractItemModelTester(window.model,
                             QAbstractItemModelTester.FailureReportingMode.Fatal)
    window.refresh()
    assert window.model.rowCount() == 2


def test_search_as_you_type_matches_client_and_title(qtbot, store):
    store.save(demo_workshop())
    store.save(Workshop(title="Støtte Q2", client="Kommune Nord"))
    window = make_library(qtbot, store)
    qtbot.keyClicks(window.search, "kommune")
    qtbot.waitUntil(lambda: titles(window) == ["Støtte Q2"], timeout=2000)
    window.search.clear()
    qtbot.keyClicks(window.search, "no such thing")
    qtbot.waitUntil(lambda: titles(window) == [], timeout=2000)
    assert "No session matches" in window.empty_label.text()


def test_sort_by_title(qtbot, store):
    for title in ("Charlie", "alpha", "Bravo"):
        store.save(Workshop(title=title))
    window = make_library(qtbot, store)
    window.sort.setCurrentIndex(window.sort.findData("title"))
    assert titles(window) == ["alpha", "Bravo", "Charlie"]


def test_enter_opens_the_selected_session(qtbot, store):
    ws = demo_workshop()
    store.save(ws)
    window = make_library(qtbot, store)
    window.show()
    window.table.setFocus()
    with qtbot.waitSignal(window.open_requested) as signal:
        qtbot.keyClick(window.table, Qt.Key.Key_Return)
    assert signal.args == [ws.id]


def test_delete_moves_to_trash_and_undo_restores(qtbot, store):
    ws = demo_workshop()
    store.save(ws)
    window = make_library(qtbot, store)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert titles(window) == []
    assert [s.id for s in store.list(trash=True)] == [ws.id]
    assert "trash" in window.status.currentMessage()
    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert titles(window) == [ws.title]


def test_duplicate_for_next_period(qtbot, store):
    store.save(demo_workshop())
    window = make_library(qtbot, store)
    new_id = window.duplicate_selected()
    assert "Q2 2027 OKRs: Enterprise growth" in titles(window)
    assert window.selected_id() == new_id


def test_new_workshop_form_builds_the_session(qtbot, store, monkeypatch):
    from datetime import date

    dialog = NewWorkshopDialog(date(2027, 2, 10), [("90min", "90 minutes"), ("2h", "2 hours")])
    qtbot.addWidget(dialog)
    assert dialog.period.text() == "Q2 2027"
    qtbot.keyClicks(dialog.title, "Support OKRs")
    qtbot.keyClicks(dialog.client, "Kommune Nord")
    dialog.participants.setPlainText("Ada Berg, Team lead\n\nOla Nordmann\n")
    ws = dialog.workshop()
    assert ws.title == "Support OKRs" and ws.client == "Kommune Nord"
    assert [(p.name, p.role) for p in ws.participants] == [("Ada Berg", "Team lead"),
                                                          ("Ola Nordmann", "")]
    assert ws.agenda_template == "2h"
    assert (ws.period_start, ws.period_end) == (date(2027, 4, 1), date(2027, 6, 30))


def test_quarter_for_wraps_the_year():
    from datetime import date

    assert quarter_for(date(2027, 11, 3))[0] == "Q1 2028"


def test_import_and_export_json_through_the_window(qtbot, store, tmp_path):
    ws = demo_workshop()
    store.save(ws)
    window = make_library(qtbot, store)
    out = tmp_path / "session.json"
    window.ask_path = lambda mode, title, suggested: str(out)
    assert window.export_selected() == out
    assert json.loads(out.read_text())["workshop"]["title"] == ws.title
    new_id = window.import_json()  # same session again: imported as a copy
    assert new_id and new_id != ws.id
    assert titles(window).count(ws.title) == 2


def test_bad_import_says_why_and_writes_nothing(qtbot, store, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "okr-workshop", "schema_version": 1, "workshop": []}')
    window = make_library(qtbot, store)
    window.ask_path = lambda mode, title, suggested: str(bad)
    assert window.import_json() is None
    assert "Not imported" in window.status.currentMessage()
    assert store.list() == []


def test_an_empty_library_offers_the_worked_example(qtbot, store):
    window = make_library(qtbot, store)
    window.show()
    assert window.example_button.isVisible()
    qtbot.mouseClick(window.example_button, Qt.MouseButton.LeftButton)
    assert titles(window) == ["Q1 2027 OKRs: Enterprise growth"]
    assert window.selected_id() == window.model.rows[0].id
    assert not window.example_button.isVisible()


# -- a full disk, a read-only file: every action says so instead of raising -----------------

def fill_the_disk(store) -> None:
    """A real SQLITE_FULL: the file may not grow by a single page."""
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")


def test_actions_on_a_full_disk_say_so_and_raise_nothing(qtbot, store, tmp_path):
    ws = demo_workshop()
    ws.notes = "x" * 200_000  # a copy needs pages the "disk" does not have
    store.save(ws)
    window = make_library(qtbot, store)
    window.show()
    fill_the_disk(store)
    export = tmp_path / "session.json"
    export.write_text(json.dumps({"format": "okr-workshop", "schema_version": 1,
                                  "workshop": {"title": "From a file", "notes": "x" * 19000}}))
    window.ask_path = lambda mode, title, suggested: str(export)
    for button in (window.duplicate_button, window.import_button):
        window.status.clearMessage()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert "disk is full" in window.status.currentMessage(), button.text()
    window.status.clearMessage()
    assert window.add_example() is None
    assert "disk is full" in window.status.currentMessage()
    assert titles(window) == [ws.title]


def test_move_to_trash_on_a_store_that_refuses_says_so(qtbot, store, monkeypatch):
    from workshop.store import StoreReadOnlyError

    ws = demo_workshop()
    store.save(ws)
    window = make_library(qtbot, store)
    window.show()

    def refuse(*_args):
        raise StoreReadOnlyError(f"Cannot write to {store.path}: the file or its folder "
                                 f"is read-only.", store.path)

    monkeypatch.setattr(store, "delete", refuse)
    qtbot.mouseClick(window.delete_button, Qt.MouseButton.LeftButton)
    assert "read-only" in window.status.currentMessage()
    assert titles(window) == [ws.title] and not window.undo_button.isVisible()


# -- the house: no SQL, no CLI, the clock passed in; rows cheap to lay out -------------------

def test_the_window_reaches_the_store_only_through_the_library_service():
    import ast
    import inspect

    import workshop.ui.library as library

    tree = ast.parse(inspect.getsource(library))
    for node in ast.walk(tree):  # names for type checkers only are not imports
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            node.body = []
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            imported.add(node.module)
        elif isinstance(node, ast.Import):
            imported.update(a.name for a in node.names)
    assert not imported & {"sqlite3", "workshop.cli", "workshop.store"}
    assert "workshop.library_service" in imported


def test_the_new_workshop_form_gets_today_from_the_clock(qtbot, store, monkeypatch):
    from datetime import datetime

    from workshop.clock import FakeClock

    clock = FakeClock(wall_start=datetime(2031, 11, 20, 12, 0).timestamp())
    window = LibraryWindow(clock=clock)
    qtbot.addWidget(window)
    window.attach_store(store)
    seen = []

    def fake_exec(dialog):
        seen.append(dialog.period.text())
        return 0

    monkeypatch.setattr(NewWorkshopDialog, "exec", fake_exec)
    window.new_workshop()
    assert seen == ["Q1 2032"]


def test_no_column_is_sized_to_its_contents_over_every_row(qtbot, store):
    from PySide6.QtWidgets import QHeaderView

    window = make_library(qtbot, store)
    header = window.table.horizontalHeader()
    modes = [header.sectionResizeMode(i) for i in range(window.model.columnCount())]
    assert QHeaderView.ResizeMode.ResizeToContents not in modes
    assert QHeaderView.ResizeMode.Stretch in modes
    fixed = [header.sectionSize(i) for i, m in enumerate(modes)
             if m != QHeaderView.ResizeMode.Stretch]
    assert all(size >= 80 for size in fixed)


def test_typing_a_search_queries_off_the_gui_thread(qtbot, store):
    import threading

    for i in range(200):
        store.save(Workshop(title=f"Session {i}", client="Kommune Nord" if i % 7 else "Acme"))
    window = make_library(qtbot, store)
    threads = []
    real = window.service.search

    def spy(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    window.service.search = spy
    window.search_reader().search = spy
    qtbot.keyClicks(window.search, "acme")
    qtbot.waitUntil(lambda: len(window.model.rows) == len(range(0, 200, 7)), timeout=5000)
    assert threads and threading.main_thread() not in threads
    assert all(r.client == "Acme" for r in window.model.rows)

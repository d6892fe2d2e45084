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

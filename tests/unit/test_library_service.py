"""The library's service without Qt: what the window can do with the sessions, and a
refusal in one sentence whenever the store cannot do it."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from workshop.clock import FakeClock
from workshop.demo import demo_workshop
from workshop.library_service import LibraryRefusal, LibraryService
from workshop.model import Workshop, workshop_to_dict
from workshop.store import Store


@pytest.fixture
def service(tmp_path):
    store = Store.open(tmp_path / "w.db")
    clock = FakeClock(wall_start=datetime(2027, 2, 10, 9, 0).timestamp())
    yield LibraryService(store, clock)
    store.close()


def test_search_and_sort(service):
    for title, client in (("Charlie", "b"), ("alpha", "c"), ("Bravo", "a")):
        service.add(Workshop(title=title, client=client))
    assert [r.title for r in service.search(sort="title")] == ["alpha", "Bravo", "Charlie"]
    assert [r.title for r in service.search(sort="client")] == ["Bravo", "Charlie", "alpha"]
    assert [r.title for r in service.search("BRAV")] == ["Bravo"]


def test_today_comes_from_the_clock(service):
    assert service.today() == date(2027, 2, 10)


def test_a_full_disk_is_a_refusal_naming_the_action(service):
    ws = demo_workshop()
    ws.notes = "x" * 200_000
    service.add(ws)
    conn = service.store.conn
    conn.execute(f"PRAGMA max_page_count = {conn.execute('PRAGMA page_count').fetchone()[0]}")
    with pytest.raises(LibraryRefusal, match="Could not duplicate the session: .*disk is full"):
        service.duplicate(ws.id)
    with pytest.raises(LibraryRefusal, match="disk is full"):
        service.add_example()


def test_a_read_only_store_refuses_changes_but_reads(tmp_path):
    with Store.open(tmp_path / "w.db") as store:
        store.save(demo_workshop())
    view = LibraryService(Store.open(tmp_path / "w.db", read_only=True), FakeClock())
    try:
        assert len(view.search()) == 1
        with pytest.raises(LibraryRefusal, match="read-only"):
            view.add_example()
        out = view.export_json(view.search()[0].id, tmp_path / "out.json")
        assert json.loads(out.read_text())["workshop"]["title"]
    finally:
        view.close()


def test_import_refusal_keeps_the_reason_for_the_window(service, tmp_path):
    bad = tmp_path / "bad.json"
    data = workshop_to_dict(demo_workshop())
    data["workshop"]["workshop_date"] = "9999-01-01"
    bad.write_text(json.dumps(data))
    with pytest.raises(LibraryRefusal) as caught:
        service.import_file(bad)
    assert "between 1900 and 2200" in caught.value.reason
    assert service.search() == []


def test_the_service_needs_no_qt():
    import ast
    import inspect

    import workshop.library_service as module

    names = {n.module for n in ast.walk(ast.parse(inspect.getsource(module)))
             if isinstance(n, ast.ImportFrom)}
    assert not any(name and name.startswith(("PySide6", "workshop.ui")) for name in names)

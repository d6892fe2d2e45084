"""When the database cannot be written (read-only folder, disk full, file removed under
the app): the facilitator is told once, the status line turns red, the edits stay in
memory and are retried automatically, and File > Save as… puts them somewhere else.
Nothing typed is lost."""

from __future__ import annotations

import os
import sqlite3

import pytest

from workshop.clock import FakeClock
from workshop.demo import demo_workshop
from workshop.store import Store, StoreReadOnlyError
from workshop.ui import facilitator as facilitator_module
from workshop.ui.facilitator import FacilitatorWindow
from workshop.ui.session import SessionController


@pytest.fixture
def session(qtbot, tmp_path, timers):
    """(window, controller, timers) on the worked example in tmp_path/workshops.db."""
    store = Store.open(tmp_path / "workshops.db")
    ws = demo_workshop()
    store.save(ws)
    controller = SessionController(ws, store, FakeClock(), timer_factory=timers)
    window = FacilitatorWindow(controller, tick_timer=False)
    qtbot.addWidget(window)
    window.show()
    yield window, controller, timers
    controller.store.close()
    store.close()


def type_title(window, text: str) -> None:
    """Type into the set-up page's Title field, as the facilitator would."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit

    window.show_page("setup")
    (edit,) = [e for e in window.findChildren(QLineEdit) if e.accessibleName() == "Title"]
    edit.setFocus()
    edit.end(False)
    QTest.keyClicks(edit, text)


def is_red(window) -> bool:
    return bool(window.save_status.property("failed"))


def stored_title(path, workshop_id: str) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT title FROM workshops WHERE id = ?",
                            [workshop_id]).fetchone()[0]
    finally:
        conn.close()


def assert_told_once_red_and_kept(window, controller, timers, typed: str, reason: str):
    """The failure as the facilitator sees it, then one more failed retry."""
    timers.fire_all()  # the autosave
    assert is_red(window)
    assert "Your edits are kept" in window.save_status.text()
    message = window.statusBar().currentMessage()
    assert reason in message and str(controller.store.path) in message
    assert controller.workshop.title.endswith(typed)
    window.statusBar().clearMessage()
    assert timers.fire_all() == 1  # retried on its own ...
    assert is_red(window)
    assert window.statusBar().currentMessage() == ""  # ... but not said again


def save_as(window, monkeypatch, target) -> None:
    monkeypatch.setattr(facilitator_module.QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    window.save_as()


def test_disk_full_is_told_once_retried_and_saved_once_space_is_back(session):
    window, controller, timers = session
    store = controller.store
    # A real SQLITE_FULL: the file may not grow by a single page.
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")
    controller.workshop.notes = "x" * 200_000  # needs pages the "disk" does not have
    type_title(window, " typed while the disk was full")
    assert_told_once_red_and_kept(window, controller, timers,
                                  " typed while the disk was full", "disk is full")

    store.conn.execute("PRAGMA max_page_count = 1073741823")  # space freed
    assert timers.fire_all() == 1
    assert not is_red(window) and window.save_status.text().startswith("Saved")
    assert stored_title(store.path, controller.workshop.id).endswith(
        " typed while the disk was full")


def test_file_removed_under_the_app_is_noticed_and_save_as_keeps_everything(
        session, tmp_path, monkeypatch):
    window, controller, timers = session
    wid = controller.workshop.id
    for name in ("workshops.db", "workshops.db-wal", "workshops.db-shm"):
        (tmp_path / name).unlink(missing_ok=True)
    type_title(window, " typed after the file vanished")
    assert_told_once_red_and_kept(window, controller, timers,
                                  " typed after the file vanished", "removed")
    assert not (tmp_path / "workshops.db").exists()  # nothing pretends to have saved

    target = tmp_path / "rescued" / "saved-elsewhere.db"
    save_as(window, monkeypatch, target)
    assert not is_red(window) and window.save_status.text().startswith("Saved")
    assert controller.store.path == target
    assert stored_title(target, wid).endswith(" typed after the file vanished")
    # Typing goes on into the new file.
    type_title(window, " and more")
    timers.fire_all()
    assert stored_title(target, wid).endswith(" typed after the file vanished and more")


def test_file_replaced_under_the_app_is_not_written_over(session, tmp_path):
    window, controller, timers = session
    path = controller.store.path
    # Someone (a sync tool, a restore) puts another file in its place.
    for name in ("workshops.db-wal", "workshops.db-shm"):
        (tmp_path / name).unlink(missing_ok=True)
    path.unlink()
    with Store.open(path) as other:
        other.save(demo_workshop())
    before = path.read_bytes()
    type_title(window, " typed meanwhile")
    timers.fire_all()
    assert is_red(window) and "replaced" in window.statusBar().currentMessage()
    assert path.read_bytes() == before


def test_read_only_folder_simulated_keeps_edits_and_retries(session, monkeypatch):
    """As root (CI) chmod stops nothing: the store refuses the write instead."""
    window, controller, timers = session
    store = controller.store
    refused = StoreReadOnlyError(
        f"Cannot write to {store.path}: the file or its folder is read-only.", store.path)

    def save(*args, **kwargs):
        raise refused

    real_save = store.save
    monkeypatch.setattr(store, "save", save)
    type_title(window, " typed in a read-only folder")
    assert_told_once_red_and_kept(window, controller, timers,
                                  " typed in a read-only folder", "read-only")

    monkeypatch.setattr(store, "save", real_save)  # the folder is writable again
    assert timers.fire_all() == 1
    assert not is_red(window)
    assert stored_title(store.path, controller.workshop.id).endswith(
        " typed in a read-only folder")


def test_a_directory_where_the_database_should_be_is_a_clear_error(tmp_path):
    where = tmp_path / "workshops.db"
    where.mkdir()
    with pytest.raises(Exception) as caught:
        Store.open(where)
    assert str(where) in str(caught.value) and "Traceback" not in str(caught.value)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="root writes through chmod; the simulated case covers CI")
def test_real_read_only_folder(tmp_path, qtbot, timers):
    folder = tmp_path / "locked"
    folder.mkdir()
    path = folder / "workshops.db"
    ws = demo_workshop()
    with Store.open(path) as store:
        store.save(ws)
    path.chmod(0o444)
    folder.chmod(0o555)
    try:
        try:
            store = Store.open(path)
        except StoreReadOnlyError as exc:
            assert str(path) in str(exc)
            return
        controller = SessionController(ws, store, FakeClock(), timer_factory=timers)
        window = FacilitatorWindow(controller, tick_timer=False)
        qtbot.addWidget(window)
        type_title(window, " typed")
        timers.fire_all()
        assert is_red(window) and controller.workshop.title.endswith(" typed")
        store.close()
    finally:
        folder.chmod(0o755)
        path.chmod(0o644)


@pytest.mark.parametrize("choice", [0, 2])
def test_closing_while_saves_fail_keeps_a_recovery_copy_and_asks(session, tmp_path,
                                                                  monkeypatch, choice):
    """Before: the window closed and the unsaved edits were gone without a word (8 of 8
    edits). Now a recovery copy is written first, then the facilitator chooses."""
    from workshop import exchange

    window, controller, timers = session
    monkeypatch.setattr(exchange, "recovery_dir", lambda: tmp_path / "recovery")
    store = controller.store
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")
    controller.workshop.notes = "x" * 200_000
    type_title(window, " typed before closing")
    asked: list[tuple[str, str, list[str]]] = []
    monkeypatch.setattr(window, "ask_on_close",
                        lambda title, text, options: asked.append((title, text, options))
                        or choice)
    closed: list[bool] = []
    window.closed.connect(lambda: closed.append(True))
    window.close()
    assert len(asked) == 1 and "recovery copy was kept" in asked[0][1]
    copies = exchange.find_recovery_copies(store.path, folder=tmp_path / "recovery")
    assert [c.title for c in copies] == [controller.workshop.title]
    assert copies[0].title.endswith(" typed before closing")
    assert window.isVisible() == (choice == 0) and bool(closed) == (choice == 2)
    store.conn.execute("PRAGMA max_page_count = 1073741823")  # space freed: closes quietly

"""Starting the app on a file it cannot simply open: read-only, damaged in pages the
start does not read, a -wal that does not belong, a lock reached by another name, edits
kept in a recovery copy by the last run. Every case is said in words, offers a way on,
and writes nothing the user did not choose."""

from __future__ import annotations

import errno
import hashlib
import os
import threading

import pytest
from sessions_db import make_sessions_db

import workshop.store as store_module
from workshop.exchange import find_recovery_copies, write_recovery_copy
from workshop.store import Store, list_backups


def make_db(path, sessions: int = 3) -> list[str]:
    # As the library sorts them.
    return sorted(ws.title for ws in make_sessions_db(path, sessions))


def listed(app) -> list[str]:
    return sorted(r.title for r in app.library.model.rows)


def digests(folder) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture(autouse=True)
def private_user_folders(tmp_path, monkeypatch):
    """The user's data folder (recovery copies, identity locks) in tmp."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "user-data"))


def refuse_writes(monkeypatch):
    monkeypatch.setattr(store_module, "write_refusal",
                        lambda path: OSError(errno.EROFS, "Read-only file system"))


def test_a_read_only_disk_offers_viewing_and_hangs_nowhere(make_app, tmp_path, monkeypatch):
    db = tmp_path / "workshops.db"
    titles = make_db(db)
    before = digests(tmp_path)
    refuse_writes(monkeypatch)
    app = make_app(db, "View read-only")
    assert app.open_store() is True
    ((title, text, options),) = app.answers.asked
    assert title == "Session database is read-only"
    assert "damaged" not in text.lower() and "view it" in text and str(db) in text
    assert options == ["View read-only", "Save a copy elsewhere…", "Quit"]
    assert app.store.read_only and listed(app) == titles
    assert app.library.empty_label.isHidden()  # the list is shown, not "Opening…"
    app.shutdown()
    after = digests(tmp_path)
    after.pop("workshops.db.lock", None)
    assert after == before


def test_a_read_only_disk_can_be_saved_elsewhere_and_worked_on(make_app, tmp_path,
                                                             monkeypatch):
    from workshop.ui import app as app_module

    db = tmp_path / "ro" / "workshops.db"
    db.parent.mkdir()
    titles = make_db(db)
    target = tmp_path / "elsewhere" / "workshops.db"
    real = store_module.write_refusal
    monkeypatch.setattr(
        store_module, "write_refusal",
        lambda path: OSError(errno.EROFS, "Read-only file system")
        if db.parent in (path, path.parent) else real(path))
    monkeypatch.setattr(app_module.QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    app = make_app(db, "Save a copy elsewhere…")
    assert app.open_store() is True
    assert app.db_path == target and not app.store.read_only
    assert listed(app) == titles
    assert app.library.new_button.isEnabled()


def test_damaged_file_in_a_folder_that_cannot_be_written_says_so(make_app, tmp_path,
                                                               monkeypatch):
    db = tmp_path / "workshops.db"
    db.write_bytes(b"not a database at all" * 200)

    def cannot_move(path, **_):
        raise store_module.StoreReadOnlyError(
            f"Could not move {path} aside (Read-only file system): its folder is "
            f"read-only.", path)

    monkeypatch.setattr(store_module, "move_aside", cannot_move)
    app = make_app(db, "Start a fresh database", "Quit")
    assert app.open_store() is False  # no OSError, no hang: the user chose to quit
    titles = [t for t, _, _ in app.answers.asked]
    assert titles == ["Session database damaged", "Cannot set the damaged file aside"]
    assert "read-only" in app.answers.asked[1][1]


def test_quit_on_a_file_with_a_wal_that_does_not_belong_writes_nothing(make_app, tmp_path):
    import sqlite3

    db = tmp_path / "workshops.db"
    make_db(db)
    other = tmp_path / "other" / "other.db"
    other.parent.mkdir()
    make_db(other, sessions=40)
    conn = sqlite3.connect(other)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("UPDATE workshops SET notes = ?", ["x" * 3000])
    conn.commit()
    db.with_name("workshops.db-wal").write_bytes(other.with_name("other.db-wal").read_bytes())
    conn.close()
    before = digests(tmp_path)
    app = make_app(db, "Quit")
    assert app.open_store() is False
    ((title, text, _),) = app.answers.asked
    assert title == "Session database damaged" and "-wal" in text
    after = digests(tmp_path)
    for name in ("workshops.db-shm", "workshops.db.lock"):
        after.pop(name, None)
        before.pop(name, None)
    assert after == before


def damage_the_middle(db) -> None:
    data = bytearray(db.read_bytes())
    page = len(data) // 4096 // 2
    data[page * 4096:(page + 1) * 4096] = b"\xab" * 4096
    db.write_bytes(bytes(data))


def test_a_session_whose_pages_are_damaged_says_so_and_offers_the_backup(make_app, tmp_path):
    db = tmp_path / "workshops.db"
    titles = make_db(db, sessions=40)
    app = make_app(db, "Open the newest backup")
    assert app.open_store() and app.answers.asked == []
    app.wait_for_backup()
    (backup,) = list_backups(db)
    damage_the_middle(db)  # under the running app, in pages the start did not read
    for row in list(app.library.model.rows):
        app.library.open_requested.emit(row.id)
        if app.answers.asked:
            break
        app.facilitator.close()
    ((title, text, options),) = app.answers.asked
    assert title == "Session damaged" and str(db) in text and backup.name in text
    assert options == ["Open the newest backup", "Back to the library"]
    assert listed(app) == titles  # the backup's sessions, all of them
    assert app.store.integrity_ok() and not app.store.read_only
    assert len(list(tmp_path.glob("workshops.db.damaged-*"))) == 1


def test_the_daily_backup_runs_off_the_gui_thread(make_app, tmp_path, monkeypatch):
    db = tmp_path / "workshops.db"
    make_db(db)
    seen = []
    real = Store.auto_backup

    def spy(self, *args, **kwargs):
        seen.append(threading.current_thread())
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Store, "auto_backup", spy)
    app = make_app(db)
    assert app.open_store()
    app.wait_for_backup()
    assert seen and threading.main_thread() not in seen
    (backup,) = list_backups(db)
    assert os.stat(backup).st_size > 0


@pytest.mark.parametrize("link", ["symlink", "hardlink"])
def test_a_second_instance_through_another_name_is_warned(make_app, tmp_path, link):
    db = tmp_path / "workshops.db"
    make_db(db)
    other = tmp_path / "elsewhere" / "same.db"
    other.parent.mkdir()
    if link == "symlink":
        other.symlink_to(db)
    else:
        os.link(db, other)
    first = make_app(db)
    assert first.open_store() and first.answers.asked == []
    second = make_app(other, "View read-only")
    assert second.open_store()
    ((title, _, _),) = second.answers.asked
    assert title == "Session database in use"
    assert second.store.read_only


def test_lock_files_are_private(make_app, tmp_path):
    db = tmp_path / "workshops.db"
    make_db(db)
    old = os.umask(0o022)
    try:
        app = make_app(db)
        assert app.open_store()
    finally:
        os.umask(old)
    locks = app.lock_paths()
    assert locks and all(os.stat(p).st_mode & 0o777 == 0o600 for p in locks)


def test_a_recovery_copy_from_the_last_run_is_offered_and_restored(make_app, tmp_path):
    db = tmp_path / "workshops.db"
    make_db(db)
    with Store.open(db) as store:
        ws = store.load(store.list()[0].id)
    ws.title = "Typed while the disk was full"
    ws.updated_at = "2999-01-01T00:00:00.000+00:00"
    kept = write_recovery_copy(ws, db)
    assert os.stat(kept).st_mode & 0o777 == 0o600
    assert [c.workshop_id for c in find_recovery_copies(db)] == [ws.id]

    app = make_app(db, "Restore them")
    assert app.open_store()
    ((title, text, options),) = app.answers.asked
    assert title == "Unsaved edits were kept" and "Typed while the disk was full" in text
    assert options == ["Restore them", "Not now"]
    assert app.store.load(ws.id).title == "Typed while the disk was full"
    assert find_recovery_copies(db) == []  # set aside as restored, not deleted
    assert kept.parent.joinpath("restored", kept.name).exists()


def break_an_index_only(db) -> None:
    """Rows the index does not know about: SQLite's quick check passes, its integrity
    check does not (the kind of damage a file cut one byte short showed)."""
    import sqlite3

    conn = sqlite3.connect(db, isolation_level=None)
    name = "workshops_by_updated"
    kind, tbl, root, sql = conn.execute(
        "SELECT type, tbl_name, rootpage, sql FROM sqlite_master WHERE name = ?",
        [name]).fetchone()
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("DELETE FROM sqlite_master WHERE name = ?", [name])
    conn.close()
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("UPDATE workshops SET updated_at = '2031-01-01T00:00:00'")
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("INSERT INTO sqlite_master VALUES (?, ?, ?, ?, ?)",
                 [kind, name, tbl, root, sql])
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def test_damage_only_the_integrity_check_sees_is_found_after_start_up(make_app, tmp_path):
    db = tmp_path / "workshops.db"
    make_db(db, sessions=5)
    break_an_index_only(db)
    with Store.open(db, read_only=True) as view:
        assert view.quick_check_ok() and not view.integrity_ok()
    app = make_app(db, "Back to the library")
    assert app.open_store() and app.answers.asked == []  # the start did not wait for it
    app.wait_for_backup()
    ((title, text, options),) = app.answers.asked
    assert title == "Session database damaged" and str(db) in text
    assert options == ["Back to the library"]  # no sound backup to offer yet
    assert list_backups(db) == []  # the damaged file was not backed up
    assert app.store is not None and len(app.library.model.rows) == 5

"""Reading never writes: `list`, `show` and `export` open the file truly read-only. A
stray or foreign -wal file is never merged into the database, a rollback-journal file
keeps its journal mode, an empty file stays empty, and a damaged or foreign file the
app refuses is left exactly as it was (the bytes of every file beside it too)."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3

import pytest
from sessions_db import make_sessions_db

from workshop.cli import main
from workshop.demo import demo_workshop
from workshop.model import renew_ids
from workshop.store import Store, StoreDamagedError


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def files_beside(db) -> dict[str, str]:
    return {p.name: digest(p) for p in sorted(db.parent.iterdir()) if p.is_file()}


def make_db(path, sessions: int = 3) -> list[str]:
    ids = [ws.id for ws in make_sessions_db(path, sessions)]
    for side in ("-wal", "-shm"):
        path.with_name(path.name + side).unlink(missing_ok=True)
    return ids


def foreign_wal(db, tmp_path) -> bytes:
    """The -wal of a copy of `db` that went its own way (a sync tool's conflict copy, a
    restore): its pages do not belong to `db` any more."""
    other = tmp_path / "other" / "other.db"
    other.parent.mkdir()
    shutil.copy(db, other)
    with Store.open(other) as store:
        store.conn.execute("PRAGMA wal_autocheckpoint = 0")
        for i in range(30):
            ws = renew_ids(demo_workshop())
            ws.title = f"Only in the copy {i}"
            ws.notes = "x" * 2000
            store.save(ws)
        data = other.with_name("other.db-wal").read_bytes()
    return data


def unrelated_wal(tmp_path) -> bytes:
    """The -wal of another, bigger database: read with ours, the pages make no sense."""
    other = tmp_path / "unrelated" / "other.db"
    other.parent.mkdir()
    make_db(other, sessions=40)
    conn = sqlite3.connect(other)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    for (wid,) in conn.execute("SELECT id FROM workshops LIMIT 20").fetchall():
        conn.execute("UPDATE workshops SET notes = ? WHERE id = ?", ["x" * 3000, wid])
        conn.execute("UPDATE actions SET text = text || 'changed' WHERE workshop_id = ?",
                     [wid])
    conn.commit()
    data = other.with_name("other.db-wal").read_bytes()
    conn.close()
    return data


@pytest.fixture(params=["copy", "unrelated"])
def db_with_foreign_wal(tmp_path, request):
    db = tmp_path / "data" / "workshops.db"
    db.parent.mkdir()
    ids = make_db(db)
    wal = foreign_wal(db, tmp_path) if request.param == "copy" else unrelated_wal(tmp_path)
    db.with_name("workshops.db-wal").write_bytes(wal)
    return db, ids


@pytest.fixture
def db_with_unrelated_wal(tmp_path):
    db = tmp_path / "data" / "workshops.db"
    db.parent.mkdir()
    ids = make_db(db)
    db.with_name("workshops.db-wal").write_bytes(unrelated_wal(tmp_path))
    return db, ids


@pytest.mark.parametrize("command", ["list", "show", "export"])
def test_reading_commands_leave_a_foreign_wal_unmerged(db_with_foreign_wal, tmp_path,
                                                       command, capsys):
    db, ids = db_with_foreign_wal
    before = digest(db)
    wal_before = digest(db.with_name("workshops.db-wal"))
    args = {"list": ["list"], "show": ["show", ids[0]],
            "export": ["export", ids[0], "-o", str(tmp_path / "out.md")]}[command]
    code = main(["--db", str(db), *args])
    err = capsys.readouterr().err
    assert code == 0 or ("-wal" in err and str(db) in err)
    assert digest(db) == before
    assert digest(db.with_name("workshops.db-wal")) == wal_before
    # and the database itself is still sound once the stray -wal is put away
    shutil.move(db.with_name("workshops.db-wal"), tmp_path / "stray-wal")
    db.with_name("workshops.db-shm").unlink(missing_ok=True)
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def test_list_does_not_convert_a_rollback_journal_file_to_wal(tmp_path, capsys):
    db = tmp_path / "workshops.db"
    make_db(db)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    before = files_beside(db)
    assert main(["--db", str(db), "list"]) == 0
    assert "Session 0" in capsys.readouterr().out
    assert files_beside(db) == before
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_list_and_show_do_not_initialise_an_empty_file(tmp_path, capsys):
    db = tmp_path / "workshops.db"
    db.write_bytes(b"")
    assert main(["--db", str(db), "list"]) == 0
    assert "No sessions" in capsys.readouterr().out
    assert main(["--db", str(db), "show", "abcdef"]) == 2
    assert db.read_bytes() == b"" and sorted(p.name for p in tmp_path.iterdir()) == [
        "workshops.db"]


def test_reading_a_healthy_wal_file_writes_nothing_beside_it(tmp_path, capsys):
    db = tmp_path / "workshops.db"
    make_db(db)
    before = files_beside(db)
    assert main(["--db", str(db), "list"]) == 0
    assert files_beside(db) == before  # not even a -wal or -shm appears


def test_pending_saves_in_a_wal_left_by_a_crash_are_read_but_not_merged(tmp_path, capsys):
    db = tmp_path / "workshops.db"
    make_db(db)
    keep = tmp_path / "keep"
    keep.mkdir()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("UPDATE workshops SET title = 'Saved just before the crash' "
                 "WHERE title = 'Session 1'")
    conn.commit()
    for side in ("-wal", "-shm"):  # what a killed app leaves behind
        shutil.copy(db.with_name(db.name + side), keep / side)
    conn.close()
    for side in ("-wal", "-shm"):
        shutil.copy(keep / side, db.with_name(db.name + side))
    before = digest(db)
    assert main(["--db", str(db), "list"]) == 0
    assert "Saved just before the crash" in capsys.readouterr().out
    assert digest(db) == before


def test_the_app_refusing_a_file_with_a_foreign_wal_writes_nothing(db_with_unrelated_wal):
    db, _ = db_with_unrelated_wal
    before = files_beside(db)
    with pytest.raises(StoreDamagedError) as caught:
        Store.open(db)
    assert "-wal" in str(caught.value)
    after = files_beside(db)
    after.pop("workshops.db-shm", None)  # SQLite's shared-memory index, rebuilt on open
    before.pop("workshops.db-shm", None)
    assert after == before


def test_a_file_from_an_older_version_is_shown_without_upgrading_it(tmp_path, capsys):
    import sqlite_utils

    from workshop.store import build_migrations

    db = tmp_path / "old.db"
    old = sqlite_utils.Database(db)
    build_migrations().apply(old, stop_before="m002_trash")
    old.execute("PRAGMA user_version = 1")
    old.execute("INSERT INTO workshops (id, title, created_at, updated_at) "
                "VALUES ('w1-old-session', 'From the old version', '2026-01-01', "
                "'2026-01-01')")
    old.conn.commit()
    old.conn.close()
    before = files_beside(db)
    assert main(["--db", str(db), "list"]) == 0
    assert "From the old version" in capsys.readouterr().out
    assert main(["--db", str(db), "show", "w1-old"]) == 0
    assert "From the old version" in capsys.readouterr().out
    assert files_beside(db) == before
    assert not (tmp_path / "backups").exists()  # no upgrade, so no backup before one

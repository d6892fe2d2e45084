"""A damaged session database: the app starts anyway, names the file, offers the newest
automatic backup, a fresh database, or quitting, and moves the damaged file aside
(renamed with a timestamp, never overwritten). Backups are made with SQLite's backup
API, at most once a day, the last seven kept, and never of a damaged file."""

from __future__ import annotations

import os
import sqlite3
import time

import pytest
from sessions_db import make_sessions_db

from workshop.store import Store, list_backups

DAY = 24 * 3600



@pytest.fixture(autouse=True)
def private_user_folder(tmp_path, monkeypatch):
    """The user's data folder (identity locks, recovery copies) in tmp, not in home."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "user-data"))


def make_db(path, sessions: int = 3) -> list[str]:
    return [ws.title for ws in make_sessions_db(path, sessions)]


def listed_titles(app) -> list[str]:
    return sorted(r.title for r in app.library.model.rows)


def aside_files(db) -> list:
    return sorted(db.parent.glob(db.name + ".damaged-*"))


def test_truncated_file_starts_anyway_names_it_and_offers_a_fresh_database(make_app, tmp_path):
    db = tmp_path / "workshops.db"
    make_db(db, sessions=40)
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2])
    damaged = db.read_bytes()

    app = make_app(db, "Start a fresh database")
    assert app.open_store() is True

    ((title, text, options),) = app.answers.asked
    assert title == "Session database damaged"
    assert str(db) in text and "moved aside" in text
    assert options == ["Start a fresh database", "Quit"]  # no backup exists yet
    (aside,) = aside_files(db)
    assert aside.read_bytes() == damaged  # kept byte for byte
    assert aside.name in app.library.status.currentMessage()
    assert app.library.model.rowCount() == 0 and not app.store.read_only
    assert app.store.integrity_ok()


def test_overwritten_file_offers_the_newest_backup_and_opens_it(make_app, tmp_path):
    db = tmp_path / "workshops.db"
    titles = make_db(db)
    first = make_app(db)
    assert first.open_store() and listed_titles(first) == sorted(titles)
    first.shutdown()  # a normal day ends: the daily backup was made on start
    (backup,) = list_backups(db)

    junk = os.urandom(db.stat().st_size)
    db.write_bytes(junk)
    app = make_app(db, "Open the newest backup")
    assert app.open_store() is True

    ((_, text, options),) = app.answers.asked
    assert options == ["Open the newest backup", "Start a fresh database", "Quit"]
    assert str(db) in text and backup.name in text
    assert listed_titles(app) == sorted(titles)
    (aside,) = aside_files(db)
    assert aside.read_bytes() == junk
    assert backup.exists()  # restoring copies the backup; it stays available


def test_quit_leaves_the_damaged_file_exactly_where_it_was(make_app, tmp_path):
    db = tmp_path / "workshops.db"
    db.write_bytes(b"this is a shopping list, not a database\n" * 100)
    before = db.read_bytes()
    app = make_app(db, "Quit")
    assert app.open_store() is False
    assert db.read_bytes() == before
    assert aside_files(db) == [] and not (tmp_path / "workshops.db-wal").exists()


def test_a_second_damage_never_overwrites_the_first_one_moved_aside(make_app, tmp_path):
    db = tmp_path / "workshops.db"
    for n, label in enumerate((b"first", b"second")):
        db.write_bytes(label * 1000)
        app = make_app(db, "Start a fresh database")
        assert app.open_store()
        app.shutdown()
        assert len(aside_files(db)) == n + 1
    kept = sorted(p.read_bytes()[:6] for p in aside_files(db))
    assert kept == [b"firstf", b"second"]


def damage_a_page_in_the_middle(db) -> None:
    data = bytearray(db.read_bytes())
    pages = len(data) // 4096
    middle = pages // 2
    data[middle * 4096:(middle + 1) * 4096] = b"\xab" * 4096
    db.write_bytes(bytes(data))


def test_damage_inside_the_file_is_caught_before_it_is_backed_up(make_app, tmp_path):
    db = tmp_path / "workshops.db"
    titles = make_db(db, sessions=40)
    # Two good backups from earlier days.
    good = []
    with Store.open(db) as store:
        for days_ago in (3, 2):
            good.append(store.auto_backup(now=time.time() - days_ago * DAY))
    damage_a_page_in_the_middle(db)

    app = make_app(db, "Open the newest backup")
    assert app.open_store() is True

    ((title, text, _),) = app.answers.asked
    assert title == "Session database damaged" and str(db) in text
    assert listed_titles(app) == sorted(titles)
    # The good backups are all still there, and no backup holds the damaged pages
    # (the one made after restoring is a copy of the restored, good data).
    backups = list_backups(db)
    assert set(good) <= set(backups)
    for backup in backups:
        conn = sqlite3.connect(backup)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok", backup
        finally:
            conn.close()
    assert app.store.integrity_ok()


def test_backup_is_made_once_a_day_with_the_backup_api_and_seven_are_kept(make_app, tmp_path):
    db = tmp_path / "workshops.db"
    titles = make_db(db)
    with Store.open(db) as store:
        for days_ago in range(9, 1, -1):  # eight daily backups from earlier days
            store.auto_backup(now=time.time() - days_ago * DAY)
    assert len(list_backups(db)) == 7

    for _ in range(2):  # started twice today
        app = make_app(db)
        assert app.open_store()
        app.shutdown()

    backups = list_backups(db)
    assert len(backups) == 7
    newest = backups[0]
    assert time.time() - newest.stat().st_mtime < 3600
    assert sum(time.time() - b.stat().st_mtime < DAY for b in backups) == 1
    # A complete, consistent copy of the database (not a half-copied file).
    conn = sqlite3.connect(newest)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = sorted(r[0] for r in conn.execute("SELECT title FROM workshops"))
    finally:
        conn.close()
    assert stored == sorted(titles)


@pytest.mark.parametrize("size", [0, 100])
def test_an_empty_or_tiny_file_is_not_mistaken_for_damage_when_it_is_empty(
        make_app, tmp_path, size):
    db = tmp_path / "workshops.db"
    db.write_bytes(b"\0" * size)
    app = make_app(db, "Start a fresh database")
    assert app.open_store()
    if size == 0:
        assert app.answers.asked == []  # an empty file is simply a new database
    else:
        assert app.answers.asked[0][0] == "Session database damaged"
        assert len(aside_files(db)) == 1
    assert app.library.model.rowCount() == 0

"""The store keeps client data private and its backups honest, and treats a read-only
disk as read-only, not as damage.

- The database, its -wal/-shm and the backups are 0600, their folders 0700 (the app's
  own folders are tightened when opened); a folder the user chose is left as it is.
- A backup is written under a temporary name, checked, then renamed: an empty or cut
  short file is never counted as today's backup nor offered to recover from.
- A healthy database on a read-only disk (a real read-only mount where the system lets
  the test make one) opens as "read-only: view it, or save a copy elsewhere".
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import time

import pytest

import workshop.store as store_module
from workshop.demo import demo_workshop
from workshop.store import (
    Store,
    StoreError,
    StoreReadOnlyError,
    list_backups,
    move_aside,
    newest_sound_backup,
)

DAY = 24 * 3600


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path) -> int:
    return path.stat().st_mode & 0o777


def test_a_new_database_and_its_side_files_are_private(tmp_path, umask_022):
    db = tmp_path / "new-folder" / "workshops.db"
    with Store.open(db) as store:
        store.save(demo_workshop())
        assert mode(db) == 0o600
        assert mode(db.with_name("workshops.db-wal")) == 0o600
        assert mode(db.with_name("workshops.db-shm")) == 0o600
        backup = store.auto_backup()
    assert mode(db.parent) == 0o700
    assert mode(backup) == 0o600 and mode(backup.parent) == 0o700


def test_existing_files_and_the_apps_own_folder_are_tightened_on_open(
        tmp_path, umask_022, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    from workshop.paths import data_dir

    folder = data_dir()
    folder.mkdir(parents=True)
    folder.chmod(0o755)
    db = folder / "workshops.db"
    with Store.open(db) as store:
        store.save(demo_workshop())
    for path in (db, db.with_name("workshops.db-wal"), db.with_name("workshops.db-shm")):
        if path.exists():
            path.chmod(0o644)
    (folder / "backups").mkdir(exist_ok=True)
    (folder / "backups").chmod(0o755)
    with Store.open(db) as store:
        store.auto_backup()
        for path in (db, db.with_name("workshops.db-wal"), db.with_name("workshops.db-shm")):
            assert mode(path) == 0o600, path
    assert mode(folder) == 0o700 and mode(folder / "backups") == 0o700


def test_a_folder_the_user_chose_keeps_its_permissions(tmp_path, umask_022):
    shared = tmp_path / "team-share"
    shared.mkdir()
    shared.chmod(0o755)
    with Store.open(shared / "workshops.db") as store:
        store.save(demo_workshop())
    assert mode(shared) == 0o755
    assert mode(shared / "workshops.db") == 0o600


def test_an_empty_backup_left_by_a_kill_is_not_todays_backup(tmp_path):
    db = tmp_path / "w.db"
    with Store.open(db) as store:
        store.save(demo_workshop())
        now = time.time()
        cut_short = store._backup_path(None, "daily", now - 60)
        cut_short.parent.mkdir(parents=True)
        cut_short.write_bytes(b"")  # what a kill during the copy used to leave
        junk = store._backup_path(None, "daily", now - 30)
        junk.write_bytes(b"SQLite format 3\x00" + b"\xab" * 8000)  # damaged inside
        part = cut_short.with_name(f".{cut_short.name}.part")  # a copy a kill stopped
        part.write_bytes(b"SQLite format 3\x00")
        os.utime(part, (now - DAY, now - DAY))
        assert list_backups(db) == [junk]
        made = store.auto_backup(now=now - 10)
        assert made is not None and made.stat().st_size > 0
        assert not part.exists()
    assert newest_sound_backup(db) == made
    made.unlink()
    assert newest_sound_backup(db) is None  # the damaged one is never offered


def test_a_backup_that_does_not_check_out_leaves_no_file_named_as_a_backup(
        tmp_path, monkeypatch):
    db = tmp_path / "w.db"
    with Store.open(db) as store:
        store.save(demo_workshop())
        monkeypatch.setattr(store_module, "_quick_check", lambda conn: False)
        with pytest.raises(StoreError, match="did not check out"):
            store.backup_to(tmp_path / "backups" / "w-x-daily.db")
    assert list((tmp_path / "backups").iterdir()) == []


def test_a_backup_in_steps_is_a_complete_copy(tmp_path):
    db = tmp_path / "w.db"
    with Store.open(db) as store:
        store.save(demo_workshop())
        reader = store.open_reader()
        made = reader.auto_backup(pages=2)  # from a read-only view, a few pages a step
        reader.close()
    with Store.open(made, read_only=True) as copy:
        assert copy.integrity_ok() and len(copy.list()) == 1


def test_a_read_only_disk_is_read_only_not_damaged(tmp_path, monkeypatch):
    """The seam: the system says EROFS (as on a read-only mount)."""
    import errno

    db = tmp_path / "w.db"
    with Store.open(db) as store:
        store.save(demo_workshop())
    before = db.read_bytes()
    monkeypatch.setattr(store_module, "write_refusal",
                        lambda path: OSError(errno.EROFS, "Read-only file system"))
    with pytest.raises(StoreReadOnlyError) as caught:
        Store.open(db)
    message = str(caught.value)
    assert "read-only" in message and "view it" in message and "damaged" not in message
    with Store.open(db, read_only=True) as view:
        assert len(view.list()) == 1
    assert db.read_bytes() == before


def can_unshare() -> bool:
    if sys.platform != "linux" or os.geteuid() != 0 or not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
    return probe.returncode == 0


def run_in_mount(mount: str, script: str) -> subprocess.CompletedProcess:
    """Run `script` in a child with its own mount namespace, after `mount` (shell)."""
    code = textwrap.dedent(script)
    return subprocess.run(["unshare", "-m", "sh", "-c",
                           f"{mount} && exec \"$0\" -c \"$1\"", sys.executable, code],
                          capture_output=True, text=True, timeout=120)


@pytest.mark.skipif(not can_unshare(), reason="needs root and unshare for a real mount")
def test_a_real_read_only_mount(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "workshops.db"
    with Store.open(db) as store:
        store.save(demo_workshop())
    result = run_in_mount(
        f"mount --bind {folder} {folder} && mount -o remount,bind,ro {folder}",
        f"""
        from pathlib import Path
        from workshop.store import Store, StoreReadOnlyError, move_aside
        db = Path({str(db)!r})
        try:
            Store.open(db)
        except StoreReadOnlyError as exc:
            print("READONLY", exc)
        with Store.open(db, read_only=True) as view:
            print("SESSIONS", len(view.list()))
        try:
            move_aside(db)
        except StoreReadOnlyError as exc:
            print("ASIDE", exc)
        """)
    assert result.returncode == 0, result.stderr
    assert "READONLY" in result.stdout and "view it" in result.stdout
    assert "SESSIONS 1" in result.stdout and "ASIDE" in result.stdout
    assert "Traceback" not in result.stderr


def test_move_aside_in_a_folder_that_cannot_be_written_is_a_message(tmp_path, monkeypatch):
    db = tmp_path / "w.db"
    db.write_bytes(b"damaged")

    def refuse(self, target):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(type(db), "rename", refuse)
    with pytest.raises(StoreReadOnlyError, match="read-only"):
        move_aside(db)
    assert db.read_bytes() == b"damaged"


@pytest.mark.skipif(not can_unshare(), reason="needs root and unshare for a real mount")
def test_a_read_only_mount_with_the_last_saves_in_a_wal_is_read_only_not_damaged(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "workshops.db"
    with Store.open(db) as store:
        store.save(demo_workshop())
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        store.conn.execute("PRAGMA wal_autocheckpoint = 0")
        ws = demo_workshop()
        ws.title = "Saved just before the crash"
        store.save(ws)
        shutil.copy(db.with_name("workshops.db-wal"), tmp_path / "wal")
    shutil.copy(tmp_path / "wal", db.with_name("workshops.db-wal"))  # as a kill leaves it
    db.with_name("workshops.db-shm").unlink(missing_ok=True)
    result = run_in_mount(
        f"mount --bind {folder} {folder} && mount -o remount,bind,ro {folder}",
        f"""
        from pathlib import Path
        from workshop.store import Store, StoreReadOnlyError
        db = Path({str(db)!r})
        try:
            Store.open(db)
        except StoreReadOnlyError as exc:
            print("READONLY", exc)
        with Store.open(db, read_only=True) as view:
            print("SESSIONS", len(view.list()), repr(view.ignored_wal))
        """)
    assert result.returncode == 0, result.stderr
    assert "READONLY" in result.stdout and "damaged" not in result.stdout
    assert "SESSIONS" in result.stdout

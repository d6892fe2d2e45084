"""Two instances on one database: a lock file (QLockFile) per database; the second
instance says so and offers read-only viewing or another database; nothing is written
by the viewer and the file stays sound."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest
from sessions_db import make_sessions_db

from workshop.store import Store


@pytest.fixture(autouse=True)
def private_user_folder(tmp_path, monkeypatch):
    """The user's data folder (identity locks, recovery copies) in tmp, not in home."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "user-data"))


def make_db(path, count: int = 3) -> list[str]:
    return sorted(ws.title for ws in make_sessions_db(path, count))


def listed_titles(app) -> list[str]:
    return sorted(r.title for r in app.library.model.rows)


def test_second_instance_is_told_and_views_read_only_writing_nothing(make_app, tmp_path):
    db = tmp_path / "workshops.db"
    titles = make_db(db)
    first = make_app(db)
    assert first.open_store() and first.answers.asked == []
    assert (tmp_path / "workshops.db.lock").exists()

    second = make_app(db, "View read-only")
    assert second.open_store() is True
    ((title, text, options),) = second.answers.asked
    assert title == "Session database in use" and str(db) in text
    assert options[:2] == ["View read-only", "Open another database…"]
    assert second.store.read_only and "read-only" in second.library.windowTitle()
    assert listed_titles(second) == titles
    assert not second.library.new_button.isEnabled()
    assert not second.library.delete_button.isEnabled()

    # The first instance keeps working; the viewer sees its saves on refresh.
    wid = first.store.list()[0].id
    ws = first.store.load(wid)
    ws.title = "Renamed by the first window"
    first.store.save(ws)
    second.library.refresh()
    assert "Renamed by the first window" in listed_titles(second)

    # The viewer can open a session, but its edits go nowhere near the file.
    second.open_session(wid)
    controller = second.controller
    assert controller.store is None
    controller.set_field(("workshop", ""), "title", "Typed in the read-only window")
    assert controller.save_now() is False
    second.facilitator.close()
    assert first.store.load(wid).title == "Renamed by the first window"
    assert first.store.integrity_ok()


def test_second_instance_can_open_another_database_instead(make_app, tmp_path, monkeypatch):
    db = tmp_path / "workshops.db"
    other = tmp_path / "elsewhere" / "other.db"
    make_db(db)
    first = make_app(db)
    assert first.open_store()

    second = make_app(db, "Open another database…")

    def choose_other() -> bool:
        second.db_path = other
        return True

    monkeypatch.setattr(second, "_choose_other_db", choose_other)
    assert second.open_store() is True
    assert len(second.answers.asked) == 1  # the other file is free: no second question
    assert second.store.path == other and not second.store.read_only
    assert (other.parent / "other.db.lock").exists()
    assert listed_titles(second) == []


def test_second_instance_may_quit(make_app, tmp_path):
    db = tmp_path / "workshops.db"
    make_db(db)
    first = make_app(db)
    assert first.open_store()
    second = make_app(db, "Quit")
    assert second.open_store() is False
    assert second.store is None


def test_lock_is_released_on_shutdown(make_app, tmp_path):
    db = tmp_path / "workshops.db"
    titles = make_db(db)
    first = make_app(db)
    assert first.open_store()
    first.shutdown()
    again = make_app(db)
    assert again.open_store() and again.answers.asked == []
    assert not again.store.read_only and listed_titles(again) == titles


HOLDER = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QLockFile
    lock = QLockFile(sys.argv[1])
    assert lock.tryLock(1000)
    print("locked", flush=True)
    sys.stdin.read()  # hold the lock until the test kills this process
""")


def test_a_lock_left_by_a_killed_instance_does_not_block_the_next_start(make_app, tmp_path):
    db = tmp_path / "workshops.db"
    titles = make_db(db)
    child = subprocess.Popen([sys.executable, "-c", HOLDER, str(db) + ".lock"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "locked"
        os.kill(child.pid, signal.SIGKILL)
        child.wait(10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(10)
        child.stdin.close()
        child.stdout.close()
    assert (tmp_path / "workshops.db.lock").exists()  # left behind by the crash
    app = make_app(db)
    assert app.open_store() and app.answers.asked == []
    assert listed_titles(app) == titles


def test_writer_and_viewer_together_leave_a_sound_file(make_app, tmp_path):
    db = tmp_path / "workshops.db"
    make_db(db, 1)
    first = make_app(db)
    assert first.open_store()
    viewer = make_app(db, "View read-only")
    assert viewer.open_store()
    ws = first.store.load(first.store.list()[0].id)
    for i in range(30):
        ws.title = f"Version {i}"
        first.store.save(ws)
        viewer.library.refresh()
        assert listed_titles(viewer) == [f"Version {i}"]
    first.shutdown()
    viewer.shutdown()
    with Store.open(db) as store:
        assert store.integrity_ok()
        assert [s.title for s in store.list()] == ["Version 29"]

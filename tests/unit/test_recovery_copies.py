"""Recovery copies: a session its database could not take is kept as JSON (0600, in a
0700 folder of the user's data folder), found again for that database only, and put
back without losing either version."""

from __future__ import annotations

import os

import pytest

from workshop.demo import demo_workshop
from workshop.exchange import (
    UserError,
    find_recovery_copies,
    restore_recovery_copy,
    write_recovery_copy,
)
from workshop.store import Store


@pytest.fixture
def folder(tmp_path):
    return tmp_path / "recovery"


def test_kept_private_and_found_for_its_database_only(tmp_path, folder):
    ws = demo_workshop()
    kept = write_recovery_copy(ws, tmp_path / "a.db", folder=folder)
    assert os.stat(kept).st_mode & 0o777 == 0o600
    assert os.stat(folder).st_mode & 0o777 == 0o700
    (found,) = find_recovery_copies(tmp_path / "a.db", folder=folder)
    assert (found.workshop_id, found.title) == (ws.id, ws.title)
    assert find_recovery_copies(tmp_path / "b.db", folder=folder) == []


def test_a_copy_newer_than_the_stored_session_replaces_it(tmp_path, folder):
    db = tmp_path / "w.db"
    ws = demo_workshop()
    with Store.open(db) as store:
        store.save(ws)
        ws.title = "Edited while the disk was full"
        ws.updated_at = "2999-01-01T00:00:00.000+00:00"
        write_recovery_copy(ws, db, folder=folder)
        (copy,) = find_recovery_copies(db, folder=folder)
        restore_recovery_copy(store, copy)
        assert store.load(ws.id).title == "Edited while the disk was full"
        assert len(store.list()) == 1
    assert find_recovery_copies(db, folder=folder) == []


def test_a_session_edited_since_keeps_both_versions(tmp_path, folder):
    db = tmp_path / "w.db"
    ws = demo_workshop()
    ws.updated_at = "2020-01-01T00:00:00.000+00:00"
    write_recovery_copy(ws, db, folder=folder)
    with Store.open(db) as store:
        store.save(ws)  # saved later, so newer than the copy
        (copy,) = find_recovery_copies(db, folder=folder)
        restored = restore_recovery_copy(store, copy)
        assert restored.id != ws.id and restored.title.endswith("(recovered)")
        assert len(store.list()) == 2


def test_a_folder_that_cannot_be_written_is_one_line(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(UserError, match="could not keep a recovery copy"):
        write_recovery_copy(demo_workshop(), tmp_path / "w.db", folder=blocker / "sub")

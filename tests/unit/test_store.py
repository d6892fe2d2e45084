from __future__ import annotations

import sqlite3

import pytest
import sqlite_utils
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workshop.demo import demo_workshop, large_workshop
from workshop.model import Participant, Workshop
from workshop.store import (
    SCHEMA_VERSION,
    NotFoundError,
    Store,
    StoreDamagedError,
    StoreLockedError,
    StoreNewerError,
    build_migrations,
    list_backups,
    move_aside,
)


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "w.db") as s:
        yield s


def same_content(a: Workshop, b: Workshop) -> bool:
    b.updated_at = a.updated_at
    return a == b


def test_save_and_load_round_trip_on_a_file(tmp_path):
    ws = demo_workshop()
    with Store.open(tmp_path / "w.db") as s:
        s.save(ws)
    with Store.open(tmp_path / "w.db") as s:  # a new connection, as after a restart
        assert same_content(ws, s.load(ws.id))


def test_file_runs_in_wal_mode_with_foreign_keys(store):
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_save_replaces_removed_children(store):
    ws = demo_workshop()
    store.save(ws)
    ws.objectives[0].key_results[0].actions.clear()
    del ws.participants[1:]
    for o in ws.objectives:
        for kr in o.key_results:
            for a in kr.actions:
                a.owner_id = ws.participants[0].id
    store.save(ws)
    assert same_content(ws, store.load(ws.id))


def test_list_searches_title_client_team_ignoring_case_newest_first(store):
    a = Workshop(title="Støtte Q2", client="Kommune Nord", team="Support")
    b = Workshop(title="Sales kickoff", client="Acme", team="Sales")
    store.save(a)
    store.save(b)
    assert [s.title for s in store.list()] == ["Sales kickoff", "Støtte Q2"]
    assert [s.title for s in store.list("STØTTE")] == ["Støtte Q2"]
    assert [s.title for s in store.list("acme")] == ["Sales kickoff"]
    assert [s.title for s in store.list("support")] == ["Støtte Q2"]
    assert store.list("nothing like it") == []


def test_duplicate_for_next_period_is_saved_and_independent(store):
    ws = demo_workshop()
    store.save(ws)
    copy = store.duplicate(ws.id)
    loaded = store.load(copy.id)
    assert loaded.period_label == "Q2 2027"
    assert sum(len(kr.actions) for o in loaded.objectives for kr in o.key_results) == 0
    assert same_content(ws, store.load(ws.id))  # the original is untouched


def test_delete_goes_to_trash_and_restore_brings_it_back(store):
    ws = demo_workshop()
    store.save(ws)
    store.delete(ws.id)
    assert store.list() == []
    assert [s.id for s in store.list(trash=True)] == [ws.id]
    store.restore(ws.id)
    assert [s.id for s in store.list()] == [ws.id]
    assert same_content(ws, store.load(ws.id))  # the trash kept every row


def test_unknown_id_is_a_clear_error(store):
    with pytest.raises(NotFoundError, match="no-such-id"):
        store.load("no-such-id")
    with pytest.raises(NotFoundError):
        store.delete("no-such-id")


def test_junk_file_is_refused_and_left_unchanged(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"junk that is not a database")
    with pytest.raises(StoreDamagedError, match="bad.db"):
        Store.open(bad)
    assert bad.read_bytes() == b"junk that is not a database"
    assert not (tmp_path / "bad.db-wal").exists()


def test_truncated_database_is_reported_as_damaged(tmp_path):
    path = tmp_path / "w.db"
    with Store.open(path) as s:
        s.save(large_workshop())
        s.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(StoreDamagedError, match="w.db"):
        with Store.open(path) as s:
            s.list()
            for summary in s.list():
                s.load(summary.id)


def test_newer_database_is_refused_and_left_unchanged(tmp_path):
    path = tmp_path / "w.db"
    with Store.open(path) as s:
        s.save(demo_workshop())
        s.conn.execute("PRAGMA user_version = 99")
        s.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = path.read_bytes()
    with pytest.raises(StoreNewerError, match="newer version"):
        Store.open(path)
    assert path.read_bytes() == before


def test_other_sqlite_database_is_not_taken_over(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreDamagedError, match="not an OKR Workshop one"):
        Store.open(path)


def test_locked_database_raises_a_clear_error_and_writes_nothing(tmp_path):
    path = tmp_path / "w.db"
    ws = demo_workshop()
    with Store.open(path) as s:
        s.save(ws)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program is writing
    try:
        with Store.open(path, busy_timeout=0.1) as s:
            ws.title = "changed while locked"
            with pytest.raises(StoreLockedError, match="w.db"):
                s.save(ws)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with Store.open(path) as s:
        assert s.load(ws.id).title == "Q1 2027 OKRs: Enterprise growth"


def test_migration_from_an_older_schema_backs_up_first(tmp_path):
    path = tmp_path / "old.db"
    db = sqlite_utils.Database(path)
    build_migrations().apply(db, stop_before="m002_trash")
    db.execute("PRAGMA user_version = 1")
    db.execute("INSERT INTO workshops (id, title, created_at, updated_at) "
               "VALUES ('w1', 'From the old version', '2026-01-01', '2026-01-01')")
    db.conn.commit()
    db.conn.close()
    with Store.open(path) as s:
        assert s.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert s.load("w1").title == "From the old version"
        s.delete("w1")  # the migrated trash column works
        assert [x.id for x in s.list(trash=True)] == ["w1"]
    backups = list_backups(path)
    assert len(backups) == 1 and "before-v" in backups[0].name
    with sqlite3.connect(backups[0]) as old:
        assert old.execute("PRAGMA user_version").fetchone()[0] == 1


def test_daily_backup_keeps_the_last_seven(tmp_path):
    with Store.open(tmp_path / "w.db") as s:
        s.save(demo_workshop())
        day = 24 * 3600
        made = [s.auto_backup(now=1_800_000_000 + i * day + i) for i in range(10)]
        assert all(made)
        assert s.auto_backup(now=1_800_000_000 + 9 * day + 60) is None  # same day
    backups = list_backups(tmp_path / "w.db")
    assert len(backups) == 7
    with Store.open(backups[0]) as copy:
        assert copy.list()[0].title == "Q1 2027 OKRs: Enterprise growth"


def test_move_aside_never_overwrites(tmp_path):
    path = tmp_path / "w.db"
    path.write_bytes(b"damaged")
    first = move_aside(path)
    path.write_bytes(b"damaged again")
    second = move_aside(path)
    assert first != second and first.read_bytes() == b"damaged"
    assert second.read_bytes() == b"damaged again" and not path.exists()


text = st.text(max_size=60)


@st.composite
def workshops(draw):
    people = [Participant(draw(text), draw(text)) for _ in range(draw(st.integers(0, 4)))]
    ws = demo_workshop()
    ws.title, ws.client, ws.notes = draw(text), draw(text), draw(text)
    ws.participants = people
    for o in ws.objectives:
        o.text = draw(text)
        o.votes = draw(st.integers(-5, 100))
        for kr in o.key_results:
            kr.text, kr.baseline, kr.target = draw(text), draw(text), draw(text)
            kr.score = draw(st.none() | st.floats(0, 1))
            kr.rewrite_draft = draw(st.dictionaries(st.sampled_from(["text", "target"]), text))
            for a in kr.actions:
                a.text = draw(text)
                a.owner_id = draw(st.sampled_from([""] + [p.id for p in people]))
    return ws


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ws=workshops())
def test_random_workshops_round_trip_exactly_through_the_store(store, ws):
    store.save(ws)
    assert same_content(ws, store.load(ws.id))


def test_save_changes_writes_the_typed_rows_and_loads_back_the_same(tmp_path):
    """Typing into one field of a large session rewrites a few rows, not the session;
    what loads back is the session as it is in memory."""
    from workshop.demo import large_workshop
    from workshop.flows.agenda import ensure_stages
    from workshop.model import KeyResult, WhyStep, workshop_to_dict

    store = Store.open(tmp_path / "w.db")
    ws = large_workshop()
    ensure_stages(ws)
    store.save(ws)
    kr = ws.objectives[2].key_results[1]
    kr.text = "Typed: raise activation from 40% to 55%"
    kr.why_steps = [WhyStep("Why?", "Because")]
    action = ws.objectives[0].key_results[0].actions[0]
    action.text = "Typed task"
    ws.title = "Typed title"
    ws.stages[0].actual_seconds = 123.0
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    store.save_changes(ws, [("kr", kr), ("action", action), ("workshop", ws)])
    store.conn.set_trace_callback(None)
    assert not any(s.startswith("DELETE FROM actions") for s in statements)
    assert len([s for s in statements if s.startswith("UPDATE")]) == 2
    again = store.load(ws.id)
    assert workshop_to_dict(again) == workshop_to_dict(ws)

    # An entity the file has not seen yet: the save becomes a whole one, nothing lost.
    new = KeyResult(text="Brand new")
    ws.objectives[0].key_results.append(new)
    store.save_changes(ws, [("kr", new)])
    assert store.load(ws.id).find_key_result(new.id) is not None
    store.close()


def test_save_changes_of_rows_of_another_shape_saves_everything(tmp_path):
    from workshop.demo import demo_workshop

    store = Store.open(tmp_path / "w.db")
    ws = demo_workshop()
    store.save(ws)
    entry = ws.checklist[0]
    entry.comment = "Typed into the checklist"
    store.save_changes(ws, [("checklist", entry)])
    assert store.load(ws.id).checklist[0].comment == "Typed into the checklist"
    store.close()

"""A database of a few sessions, for the start-up, damage, two-instance and read-only
tests."""

from __future__ import annotations

from workshop.demo import demo_workshop
from workshop.model import Workshop, renew_ids
from workshop.store import Store


def make_sessions_db(path, sessions: int = 3) -> list[Workshop]:
    """`sessions` copies of the worked example titled "Session 0", "Session 1", ..., in
    the order they were saved."""
    saved = []
    with Store.open(path) as store:
        for i in range(sessions):
            ws = renew_ids(demo_workshop())
            ws.title = f"Session {i}"
            store.save(ws)
            saved.append(ws)
        # Everything into the main file, so damaging the file damages the data.
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return saved

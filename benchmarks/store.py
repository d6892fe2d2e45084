"""Store figures: listing 1,000 sessions, and saving a full large session against raw
sqlite3 `executemany` of the very same rows into the same schema, in the same run.

    .venv/bin/python benchmarks/store.py
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from figures import Figure, median_ms, table  # noqa: E402

from workshop.demo import demo_workshop, large_workshop  # noqa: E402
from workshop.model import renew_ids  # noqa: E402
from workshop.store import _CHILD_TABLES, _INSERT, _UPSERT_WORKSHOP, Store, _rows_for  # noqa: E402

SESSIONS = 1000
SAVE_REPEATS = 60
LIST_REPEATS = 15


def fill_library(store: Store, count: int = SESSIONS) -> None:
    """`count` distinct sessions (the worked example with fresh ids and titles)."""
    sessions = []
    for i in range(count):
        ws = renew_ids(demo_workshop())
        ws.title = f"Session {i:04d}: {ws.title}"
        ws.client = f"Client {i % 37}"
        ws.updated_at = f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}T09:{i % 60:02d}:00"
        sessions.append(ws)
    store.save_many(sessions)


def measure_listing(folder: Path) -> list[Figure]:
    """Median time of the library's query for 1,000 sessions (all, and searched)."""
    store = Store.open(folder / "library.db")
    try:
        fill_library(store)
        assert len(store.list()) == SESSIONS
        listing = median_ms(store.list, LIST_REPEATS)
        search = median_ms(lambda: store.list("client 3"), LIST_REPEATS)
    finally:
        store.close()
    return [
        Figure(f"list {SESSIONS:,} sessions (store)", listing, "ms", max_value=100),
        Figure(f"search {SESSIONS:,} sessions (store)", search, "ms", max_value=100),
    ]


def raw_save(conn: sqlite3.Connection, workshop_id: str, rows: dict,
             tables: tuple[str, ...] | list[str] = _CHILD_TABLES) -> None:
    """The baseline: what a save must do at least, written straight against sqlite3."""
    conn.execute("BEGIN")
    conn.execute(_UPSERT_WORKSHOP, rows["workshops"])
    for name in tables:
        conn.execute(f"DELETE FROM {name} WHERE workshop_id = ?", [workshop_id])
    for name in reversed(tables):
        if rows[name]:
            conn.executemany(_INSERT[name], rows[name])
    conn.execute("COMMIT")


def measure_save(folder: Path) -> list[Figure]:
    """Median time to save the large session with Store.save, against the raw baseline
    writing the same rows into a file with the same schema and pragmas."""
    ws = large_workshop()
    store = Store.open(folder / "save.db")
    # The baseline file: created by the store (same schema, WAL), then written raw.
    Store.open(folder / "raw.db").close()
    raw = sqlite3.connect(folder / "raw.db", isolation_level=None)
    raw.execute("PRAGMA foreign_keys = ON")
    raw.execute("PRAGMA synchronous = NORMAL")
    try:
        store.save(ws)
        app = median_ms(lambda: store.save(ws), SAVE_REPEATS, warmup=5)
        rows = _rows_for(ws)
        baseline = median_ms(lambda: raw_save(raw, ws.id, rows), SAVE_REPEATS, warmup=5)
        row_count = 1 + sum(len(rows[t]) for t in _CHILD_TABLES)
    finally:
        raw.close()
        store.close()
    return [Figure(f"save large session ({row_count} rows), median", app, "ms",
                   baseline=baseline, baseline_name="raw executemany", max_value=5)]


def measure() -> list[Figure]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        return measure_listing(folder) + measure_save(folder)


if __name__ == "__main__":
    print(table(measure()))

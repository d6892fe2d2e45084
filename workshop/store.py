"""The session store: the only module that speaks SQL.

One SQLite file holds every workshop, in tables that mirror the model (participants,
strategies, objectives, key results, why-steps, actions, checklist answers, stage
records). The file runs in WAL mode with foreign keys on and a busy timeout; the schema
is versioned (`PRAGMA user_version`) and moved forward by numbered sqlite-utils
Migrations, after a backup of the file.

A save replaces one workshop's rows in a single transaction, so a crash leaves either
the previous save or the new one, never a mixture.

Opening a file never writes to it before it has been recognised: a file that is not a
SQLite database, a database from a newer version of the app, or one that stays locked
raise a StoreError that names the file.
"""

from __future__ import annotations

import itertools
import json
import os
import sqlite3
import time
import unicodedata
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite_utils

from workshop.model import (
    Action,
    Cadence,
    ChecklistAnswer,
    KeyResult,
    Objective,
    Participant,
    Retro,
    StageRecord,
    Strategy,
    StrategyContext,
    WhyStep,
    Workshop,
    now_iso,
)

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 5.0
BACKUPS_KEPT = 7
APP_TABLE = "workshops"


class StoreError(Exception):
    """A problem with the database file, phrased for the user (it names the file)."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


class StoreDamagedError(StoreError):
    """The file is not a readable SQLite database."""


class StoreNewerError(StoreError):
    """The file was written by a newer version of the app."""


class StoreLockedError(StoreError):
    """Another program holds the database locked for longer than the busy timeout."""


class StoreReadOnlyError(StoreError):
    """The file or its folder cannot be written."""


class StoreGoneError(StoreError):
    """The file was deleted or replaced while open: SQLite would keep writing to the
    removed file, where nobody would ever find the edits again."""


class NotFoundError(StoreError):
    """No workshop with that id."""


@dataclass(frozen=True)
class SessionSummary:
    """One line of the library: enough to list, search and sort without loading."""

    id: str
    title: str
    client: str
    team: str
    workshop_date: str
    period_label: str
    updated_at: str
    deleted_at: str | None = None


# ---------------------------------------------------------------------------------------
# Schema and migrations
# ---------------------------------------------------------------------------------------

# sqlite-utils owns the schema: it creates and upgrades the file in numbered steps, each
# in a transaction. The everyday reads and writes below are plain prepared statements,
# so sqlite-utils (and its ~100 ms, 13 MB of imports) loads only when a file is new or
# needs an upgrade.


def _m001_initial(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        CREATE TABLE workshops (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL DEFAULT '',
            client TEXT NOT NULL DEFAULT '',
            team TEXT NOT NULL DEFAULT '',
            facilitator TEXT NOT NULL DEFAULT '',
            workshop_date TEXT,
            period_label TEXT NOT NULL DEFAULT '',
            period_start TEXT,
            period_end TEXT,
            first_time INTEGER NOT NULL DEFAULT 1,
            agenda_template TEXT NOT NULL DEFAULT '2h',
            current_stage TEXT NOT NULL DEFAULT 'setup',
            started_at REAL,
            vision TEXT NOT NULL DEFAULT '',
            mission TEXT NOT NULL DEFAULT '',
            company_values TEXT NOT NULL DEFAULT '[]',
            checkin_interval TEXT NOT NULL DEFAULT 'weekly',
            checkin_weekday INTEGER NOT NULL DEFAULT 0,
            mid_review TEXT,
            retro_date TEXT,
            retro_focus_helped TEXT NOT NULL DEFAULT '',
            retro_noise TEXT NOT NULL DEFAULT '',
            retro_output_trap TEXT NOT NULL DEFAULT '',
            retro_more_voices TEXT NOT NULL DEFAULT '',
            retro_held_on TEXT,
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE participants (
            id TEXT PRIMARY KEY,
            workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL, role TEXT NOT NULL, email TEXT NOT NULL
        );
        CREATE TABLE strategies (
            id TEXT PRIMARY KEY,
            workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            text TEXT NOT NULL, horizon TEXT NOT NULL
        );
        CREATE TABLE objectives (
            id TEXT PRIMARY KEY,
            workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            text TEXT NOT NULL, why_it_matters TEXT NOT NULL, strategy_id TEXT NOT NULL,
            votes INTEGER NOT NULL, selected INTEGER NOT NULL
        );
        CREATE TABLE key_results (
            id TEXT PRIMARY KEY,
            workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            objective_id TEXT NOT NULL REFERENCES objectives(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            text TEXT NOT NULL, metric TEXT NOT NULL, baseline TEXT NOT NULL,
            target TEXT NOT NULL, unit TEXT NOT NULL, direction TEXT NOT NULL,
            rewritten_from TEXT NOT NULL, keep_reason TEXT NOT NULL,
            score REAL, retro_note TEXT NOT NULL
        );
        CREATE TABLE why_steps (
            workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            key_result_id TEXT NOT NULL REFERENCES key_results(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            question TEXT NOT NULL, answer TEXT NOT NULL,
            PRIMARY KEY (key_result_id, position)
        );
        CREATE TABLE actions (
            id TEXT PRIMARY KEY,
            workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            key_result_id TEXT NOT NULL REFERENCES key_results(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            text TEXT NOT NULL, owner_id TEXT NOT NULL, deadline TEXT,
            origin TEXT NOT NULL, done INTEGER NOT NULL
        );
        CREATE TABLE checklist_answers (
            workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            question INTEGER NOT NULL,
            answer INTEGER, comment TEXT NOT NULL,
            PRIMARY KEY (workshop_id, question)
        );
        CREATE TABLE stage_records (
            workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            key TEXT NOT NULL, planned_minutes INTEGER NOT NULL,
            actual_seconds REAL NOT NULL, state TEXT NOT NULL, timer TEXT NOT NULL,
            PRIMARY KEY (workshop_id, position)
        );
        CREATE INDEX participants_by_workshop ON participants(workshop_id);
        CREATE INDEX strategies_by_workshop ON strategies(workshop_id);
        CREATE INDEX objectives_by_workshop ON objectives(workshop_id);
        CREATE INDEX key_results_by_workshop ON key_results(workshop_id);
        CREATE INDEX key_results_by_objective ON key_results(objective_id);
        CREATE INDEX why_steps_by_workshop ON why_steps(workshop_id);
        CREATE INDEX actions_by_workshop ON actions(workshop_id);
        CREATE INDEX actions_by_key_result ON actions(key_result_id);
        CREATE INDEX workshops_by_updated ON workshops(updated_at);
        """
    )


def _m002_trash(db: sqlite_utils.Database) -> None:
    # Deleting moves a session to the trash instead of losing it.
    db.executescript(
        """
        ALTER TABLE workshops ADD COLUMN deleted_at TEXT;
        CREATE INDEX workshops_by_deleted ON workshops(deleted_at);
        """
    )


def _m003_rewrite_draft(db: sqlite_utils.Database) -> None:
    # The outcome KR drafted on the why-ladder is saved as it is typed.
    db.executescript(
        "ALTER TABLE key_results ADD COLUMN rewrite_draft TEXT NOT NULL DEFAULT '{}';")


MIGRATION_STEPS = (("m001_initial", _m001_initial), ("m002_trash", _m002_trash),
                   ("m003_rewrite_draft", _m003_rewrite_draft))

SCHEMA_VERSION = len(MIGRATION_STEPS)
"""The schema version this app writes; `PRAGMA user_version` of an up-to-date file."""


def build_migrations() -> sqlite_utils.Migrations:
    """The sqlite-utils migration set of the schema (imports sqlite-utils)."""
    import sqlite_utils

    steps = sqlite_utils.Migrations("okr_workshop")
    for name, step in MIGRATION_STEPS:
        steps(name=name)(step)
    return steps

_CHILD_TABLES = ("why_steps", "actions", "key_results", "objectives", "strategies",
                 "participants", "checklist_answers", "stage_records")

_WORKSHOP_COLUMNS = (
    "id", "title", "client", "team", "facilitator", "workshop_date", "period_label",
    "period_start", "period_end", "first_time", "agenda_template", "current_stage",
    "started_at", "vision", "mission", "company_values", "checkin_interval",
    "checkin_weekday", "mid_review", "retro_date", "retro_focus_helped", "retro_noise",
    "retro_output_trap", "retro_more_voices", "retro_held_on", "notes", "created_at",
    "updated_at", "deleted_at",
)


def _insert_sql(table: str, columns: Iterable[str]) -> str:
    cols = list(columns)
    return f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"


_INSERT = {
    "participants": _insert_sql(
        "participants", ("id", "workshop_id", "position", "name", "role", "email")),
    "strategies": _insert_sql(
        "strategies", ("id", "workshop_id", "position", "text", "horizon")),
    "objectives": _insert_sql(
        "objectives", ("id", "workshop_id", "position", "text", "why_it_matters",
                       "strategy_id", "votes", "selected")),
    "key_results": _insert_sql(
        "key_results", ("id", "workshop_id", "objective_id", "position", "text", "metric",
                        "baseline", "target", "unit", "direction", "rewritten_from",
                        "keep_reason", "score", "retro_note", "rewrite_draft")),
    "why_steps": _insert_sql(
        "why_steps", ("workshop_id", "key_result_id", "position", "question", "answer")),
    "actions": _insert_sql(
        "actions", ("id", "workshop_id", "key_result_id", "position", "text", "owner_id",
                    "deadline", "origin", "done")),
    "checklist_answers": _insert_sql(
        "checklist_answers", ("workshop_id", "question", "answer", "comment")),
    "stage_records": _insert_sql(
        "stage_records", ("workshop_id", "position", "key", "planned_minutes",
                          "actual_seconds", "state", "timer")),
}
_UPSERT_WORKSHOP = (
    _insert_sql(APP_TABLE, _WORKSHOP_COLUMNS)
    + " ON CONFLICT(id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in _WORKSHOP_COLUMNS if c != "id")
)


def _fold(text: str | None) -> str:
    """Case- and accent-insensitive form for search ("Støtte" finds "støtte")."""
    if not text:
        return ""
    return unicodedata.normalize("NFKC", text).casefold()


def _d(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _pd(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------
# Opening files
# ---------------------------------------------------------------------------------------


def check_file(path: Path) -> None:
    """Raise StoreDamagedError if `path` exists but is not a SQLite database.

    Reads the header only; writes nothing.
    """
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    if size == 0:
        return  # an empty file is a fresh database to SQLite
    try:
        with open(path, "rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(f"Cannot read {path}: {exc.strerror}", path) from exc
    if header != SQLITE_HEADER:
        raise StoreDamagedError(
            f"{path} is not an OKR Workshop database: it is damaged or another kind "
            f"of file. It was left unchanged.", path)


def _is_locked(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


_SAVEPOINTS = itertools.count(1)


class Store:
    """An open session database. Use `Store.open(path)`."""

    def __init__(self, conn: sqlite3.Connection, path: Path, read_only: bool) -> None:
        self.conn = conn
        self.path = path
        self.read_only = read_only
        self._identity = _file_identity(path)

    # -- lifecycle ------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | str, *, read_only: bool = False,
             busy_timeout: float = BUSY_TIMEOUT_S, backup_dir: Path | None = None) -> Store:
        """Open (or create) the database at `path`, migrating it forward if needed."""
        path = Path(path)
        check_file(path)
        if read_only:
            if not path.exists():
                raise StoreError(f"{path} does not exist.", path)
            uri = f"file:{path.resolve().as_posix()}?mode=ro"
            connect_args: dict[str, Any] = {"uri": True}
            target: str = uri
        else:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreReadOnlyError(
                    f"Cannot create the folder for {path}: {exc.strerror}", path) from exc
            target = str(path)
            connect_args = {}
        try:
            conn = sqlite3.connect(target, timeout=busy_timeout, check_same_thread=False,
                                   **connect_args)
        except sqlite3.Error as exc:
            raise StoreError(f"Cannot open {path}: {exc}", path) from exc
        try:
            store = cls._prepare(conn, path, read_only, backup_dir)
        except BaseException:
            conn.close()
            raise
        return store

    @classmethod
    def _prepare(cls, conn: sqlite3.Connection, path: Path, read_only: bool,
                 backup_dir: Path | None) -> Store:
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.DatabaseError as exc:
            if _is_locked(exc):
                raise StoreLockedError(
                    f"{path} is locked by another program; close it and try again.",
                    path) from exc
            raise StoreDamagedError(
                f"{path} is damaged and cannot be read ({exc}). It was left unchanged.",
                path) from exc
        if version > SCHEMA_VERSION:
            raise StoreNewerError(
                f"{path} was written by a newer version of OKR Workshop (schema {version}, "
                f"this version knows {SCHEMA_VERSION}). Please update the app; the file "
                f"was left unchanged.", path)
        if tables and APP_TABLE not in tables and "_sqlite_migrations" not in tables:
            raise StoreDamagedError(
                f"{path} is a SQLite database, but not an OKR Workshop one. "
                f"It was left unchanged.", path)
        store = cls(conn, path, read_only)
        if read_only:
            if version < SCHEMA_VERSION:
                raise StoreError(
                    f"{path} needs an upgrade before it can be viewed read-only.", path)
            conn.execute("PRAGMA query_only = ON")
            return store
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            if version < SCHEMA_VERSION:
                if APP_TABLE in tables:
                    store.backup_to(store._backup_path(backup_dir, f"before-v{SCHEMA_VERSION}"))
                import sqlite_utils

                build_migrations().apply(sqlite_utils.Database(conn, execute_plugins=False))
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                conn.commit()
            if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            # WAL with synchronous=NORMAL never corrupts on a crash; at worst the last
            # commit before a power cut is lost, which the autosave redoes.
            conn.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.DatabaseError as exc:
            raise store._translate(exc, "open") from exc
        return store

    @contextmanager
    def _transaction(self):
        """One transaction (a savepoint when nested). BEGIN IMMEDIATE takes the write
        lock at once, so a locked file waits out the busy timeout before any work."""
        conn = self.conn
        if conn.in_transaction:
            name = f"nested_{next(_SAVEPOINTS)}"
            conn.execute(f"SAVEPOINT {name}")
            try:
                yield
            except BaseException:
                if conn.in_transaction:
                    conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    conn.execute(f"RELEASE SAVEPOINT {name}")
                raise
            conn.execute(f"RELEASE SAVEPOINT {name}")
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.rollback()
            raise

    def close(self) -> None:
        try:
            self.conn.close()
        except sqlite3.Error:
            pass

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _translate(self, exc: sqlite3.Error, doing: str) -> StoreError:
        text = str(exc).lower()
        if _is_locked(exc):
            return StoreLockedError(
                f"{self.path} is locked by another program; could not {doing}.", self.path)
        if "readonly" in text or "read-only" in text or "unable to open" in text:
            return StoreReadOnlyError(
                f"Cannot write to {self.path}: the file or its folder is read-only.",
                self.path)
        if "disk is full" in text or "full" in text:
            return StoreReadOnlyError(f"Cannot write to {self.path}: the disk is full.",
                                      self.path)
        if "malformed" in text or "not a database" in text:
            return StoreDamagedError(f"{self.path} is damaged ({exc}).", self.path)
        return StoreError(f"Could not {doing} in {self.path}: {exc}", self.path)

    # -- integrity and backups ------------------------------------------------------------
    def integrity_ok(self) -> bool:
        try:
            return self.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        except sqlite3.DatabaseError:
            return False

    def quick_check_ok(self) -> bool:
        """SQLite's quick check of every page (cheaper than integrity_check)."""
        try:
            return self.conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        except sqlite3.DatabaseError:
            return False

    def _backup_path(self, backup_dir: Path | None, label: str,
                     when: float | None = None) -> Path:
        folder = backup_dir or self.path.parent / "backups"
        moment = datetime.now() if when is None else datetime.fromtimestamp(when)
        stamp = moment.strftime("%Y%m%d-%H%M%S")
        return folder / f"{self.path.stem}-{stamp}-{label}.db"

    def backup_to(self, dest: Path) -> Path:
        """Copy the whole database to `dest` with SQLite's online backup API."""
        dest.parent.mkdir(parents=True, exist_ok=True)
        target = sqlite3.connect(str(dest))
        try:
            self.conn.backup(target)
        finally:
            target.close()
        return dest

    def auto_backup(self, backup_dir: Path | None = None, *, now: float | None = None,
                    keep: int = BACKUPS_KEPT) -> Path | None:
        """A daily backup: made when the newest one is older than a day (or missing);
        only the newest `keep` automatic backups are kept. Returns the new file, if any."""
        folder = backup_dir or self.path.parent / "backups"
        now = time.time() if now is None else now
        existing = list_backups(self.path, folder)
        if existing and now - existing[0].stat().st_mtime < 24 * 3600:
            return None
        # Never back up a damaged file: its copy would push a good backup out of the
        # seven kept and then be offered as "the newest backup" to recover from.
        if not self.quick_check_ok():
            raise StoreDamagedError(
                f"{self.path} is damaged (its integrity check failed). No backup was "
                f"made over the good ones.", self.path)
        made = self.backup_to(self._backup_path(folder, "daily", now))
        os.utime(made, (now, now))
        for old in list_backups(self.path, folder)[keep:]:
            try:
                old.unlink()
            except OSError:
                pass
        return made

    # -- reading --------------------------------------------------------------------------
    def list(self, search: str | None = None, *, trash: bool = False) -> list[SessionSummary]:
        """Sessions newest first; `search` matches title, client or team, ignoring case."""
        where = "deleted_at IS NOT NULL" if trash else "deleted_at IS NULL"
        try:
            rows = self.conn.execute(
                "SELECT id, title, client, team, workshop_date, period_label, updated_at, "
                f"deleted_at FROM {APP_TABLE} WHERE {where} ORDER BY updated_at DESC, title"
            ).fetchall()
        except sqlite3.DatabaseError as exc:
            # A damaged page must reach the app as a StoreDamagedError naming the file.
            raise self._translate(exc, "list the sessions") from exc
        needle = _fold(search.strip()) if search else ""
        out = []
        for r in rows:
            if needle and needle not in _fold(f"{r[1]}\n{r[2]}\n{r[3]}"):
                continue
            out.append(SessionSummary(r[0], r[1], r[2], r[3], r[4] or "", r[5], r[6], r[7]))
        return out

    def count(self) -> int:
        return self.conn.execute(
            f"SELECT count(*) FROM {APP_TABLE} WHERE deleted_at IS NULL").fetchone()[0]

    def exists(self, workshop_id: str) -> bool:
        return self.conn.execute(
            f"SELECT 1 FROM {APP_TABLE} WHERE id = ?", [workshop_id]).fetchone() is not None

    def load(self, workshop_id: str) -> Workshop:
        """The whole workshop; NotFoundError if there is none with that id."""
        conn = self.conn
        conn.row_factory = sqlite3.Row
        try:
            w = conn.execute(f"SELECT * FROM {APP_TABLE} WHERE id = ?",
                             [workshop_id]).fetchone()
            if w is None:
                raise NotFoundError(f"No workshop with id {workshop_id!r} in {self.path}.",
                                    self.path)

            def rows(sql: str) -> list[sqlite3.Row]:
                return conn.execute(sql, [workshop_id]).fetchall()

            participants = [Participant(r["name"], r["role"], r["email"], r["id"]) for r in
                            rows("SELECT * FROM participants WHERE workshop_id = ? "
                                 "ORDER BY position")]
            strategies = [Strategy(r["text"], r["horizon"], r["id"]) for r in
                          rows("SELECT * FROM strategies WHERE workshop_id = ? "
                               "ORDER BY position")]
            whys: dict[str, list[WhyStep]] = {}
            for r in rows("SELECT * FROM why_steps WHERE workshop_id = ? "
                          "ORDER BY key_result_id, position"):
                whys.setdefault(r["key_result_id"], []).append(
                    WhyStep(r["question"], r["answer"]))
            actions: dict[str, list[Action]] = {}
            for r in rows("SELECT * FROM actions WHERE workshop_id = ? "
                          "ORDER BY key_result_id, position"):
                actions.setdefault(r["key_result_id"], []).append(Action(
                    r["text"], r["owner_id"], _pd(r["deadline"]), r["origin"],
                    bool(r["done"]), r["id"]))
            krs: dict[str, list[KeyResult]] = {}
            for r in rows("SELECT * FROM key_results WHERE workshop_id = ? "
                          "ORDER BY objective_id, position"):
                krs.setdefault(r["objective_id"], []).append(KeyResult(
                    text=r["text"], metric=r["metric"], baseline=r["baseline"],
                    target=r["target"], unit=r["unit"], direction=r["direction"],
                    why_steps=whys.get(r["id"], []), rewritten_from=r["rewritten_from"],
                    keep_reason=r["keep_reason"], actions=actions.get(r["id"], []),
                    score=r["score"], retro_note=r["retro_note"],
                    rewrite_draft={str(k): str(v) for k, v in
                                   _json_dict(r["rewrite_draft"]).items()},
                    id=r["id"]))
            objectives = [Objective(r["text"], r["why_it_matters"], r["strategy_id"],
                                    r["votes"], bool(r["selected"]), krs.get(r["id"], []),
                                    r["id"]) for r in
                          rows("SELECT * FROM objectives WHERE workshop_id = ? "
                               "ORDER BY position")]
            checklist = [ChecklistAnswer(r["question"],
                                         None if r["answer"] is None else bool(r["answer"]),
                                         r["comment"]) for r in
                         rows("SELECT * FROM checklist_answers WHERE workshop_id = ? "
                              "ORDER BY question")]
            stages = [StageRecord(r["key"], r["planned_minutes"], r["actual_seconds"],
                                  r["state"], _json_dict(r["timer"])) for r in
                      rows("SELECT * FROM stage_records WHERE workshop_id = ? "
                           "ORDER BY position")]
        except sqlite3.DatabaseError as exc:
            raise self._translate(exc, "read the workshop") from exc
        finally:
            conn.row_factory = None
        try:
            values = json.loads(w["company_values"])
            values = [str(v) for v in values] if isinstance(values, list) else []
        except ValueError:
            values = []
        return Workshop(
            title=w["title"], client=w["client"], team=w["team"],
            facilitator=w["facilitator"], workshop_date=_pd(w["workshop_date"]),
            period_label=w["period_label"], period_start=_pd(w["period_start"]),
            period_end=_pd(w["period_end"]), first_time=bool(w["first_time"]),
            agenda_template=w["agenda_template"], current_stage=w["current_stage"],
            started_at=w["started_at"], participants=participants,
            context=StrategyContext(w["vision"], w["mission"], values, strategies),
            objectives=objectives, checklist=checklist,
            cadence=Cadence(w["checkin_interval"], w["checkin_weekday"],
                            _pd(w["mid_review"]), _pd(w["retro_date"])),
            stages=stages,
            retro=Retro(w["retro_focus_helped"], w["retro_noise"], w["retro_output_trap"],
                        w["retro_more_voices"], _pd(w["retro_held_on"])),
            notes=w["notes"], created_at=w["created_at"], updated_at=w["updated_at"],
            id=w["id"],
        )

    # -- writing --------------------------------------------------------------------------
    def save(self, workshop: Workshop, *, touch: bool = True) -> None:
        """Write the whole workshop in one transaction (replacing its previous rows)."""
        self._check_writable()
        if touch:
            workshop.updated_at = now_iso()
        wid = workshop.id
        rows = _rows_for(workshop)
        conn = self.conn
        try:
            with self._transaction():
                conn.execute(_UPSERT_WORKSHOP, rows.pop(APP_TABLE))
                for table in _CHILD_TABLES:
                    conn.execute(f"DELETE FROM {table} WHERE workshop_id = ?", [wid])
                for table in reversed(_CHILD_TABLES):
                    batch = rows[table]
                    if batch:
                        conn.executemany(_INSERT[table], batch)
        except sqlite3.Error as exc:
            raise self._translate(exc, "save the workshop") from exc
        except (OverflowError, UnicodeEncodeError) as exc:
            # A number beyond SQLite's 64 bits or a lone surrogate (only a hostile
            # import can carry them): the transaction rolled back; say so in words
            # instead of letting a traceback escape.
            raise StoreError(f"Could not save the workshop in {self.path}: it holds a "
                             f"value that cannot be stored ({exc}).", self.path) from exc

    def save_many(self, workshops: Iterable[Workshop]) -> None:
        """Save several workshops in one transaction (imports, benchmarks)."""
        self._check_writable()
        try:
            with self._transaction():
                for w in workshops:
                    self.save(w, touch=False)
        except sqlite3.Error as exc:
            raise self._translate(exc, "save the workshops") from exc

    def delete(self, workshop_id: str) -> None:
        """Move a session to the trash (restore() brings it back)."""
        self._set_deleted(workshop_id, now_iso())

    def restore(self, workshop_id: str) -> None:
        self._set_deleted(workshop_id, None)

    def purge(self, workshop_id: str) -> None:
        """Delete a session for good (its rows go with it through the foreign keys)."""
        self._check_writable()
        try:
            with self._transaction():
                self.conn.execute(f"DELETE FROM {APP_TABLE} WHERE id = ?", [workshop_id])
        except sqlite3.Error as exc:
            raise self._translate(exc, "delete the workshop") from exc

    def _set_deleted(self, workshop_id: str, value: str | None) -> None:
        self._check_writable()
        try:
            with self._transaction():
                cur = self.conn.execute(f"UPDATE {APP_TABLE} SET deleted_at = ? WHERE id = ?",
                                      [value, workshop_id])
        except sqlite3.Error as exc:
            raise self._translate(exc, "update the workshop") from exc
        if cur.rowcount == 0:
            raise NotFoundError(f"No workshop with id {workshop_id!r} in {self.path}.",
                                self.path)

    def duplicate(self, workshop_id: str) -> Workshop:
        """A copy for the next period, saved; see model.copy_for_next_period."""
        from workshop.model import copy_for_next_period

        copy = copy_for_next_period(self.load(workshop_id))
        self.save(copy)
        return copy

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreReadOnlyError(f"{self.path} is open read-only.", self.path)
        current = _file_identity(self.path)
        if self._identity is None:
            self._identity = current
        elif current != self._identity:
            raise StoreGoneError(
                f"{self.path} was removed or replaced while open, so nothing more can "
                f"be saved there. Your edits are kept: use Save as… to save them "
                f"elsewhere.", self.path)


def _file_identity(path: Path) -> tuple[int, int] | None:
    """Which file is at `path` (device and inode), or None when there is none."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_dev, info.st_ino)


def _json_dict(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _rows_for(w: Workshop) -> dict[str, Any]:
    """Every row of one workshop, as parameter tuples for the INSERT statements."""
    wid = w.id
    out: dict[str, Any] = {t: [] for t in _CHILD_TABLES}
    out[APP_TABLE] = (
        wid, w.title, w.client, w.team, w.facilitator, _d(w.workshop_date), w.period_label,
        _d(w.period_start), _d(w.period_end), int(w.first_time), w.agenda_template,
        w.current_stage, w.started_at, w.context.vision, w.context.mission,
        json.dumps(w.context.values), w.cadence.checkin_interval,
        w.cadence.checkin_weekday, _d(w.cadence.mid_review), _d(w.cadence.retro_date),
        w.retro.focus_helped, w.retro.noise, w.retro.output_trap, w.retro.more_voices,
        _d(w.retro.held_on), w.notes, w.created_at, w.updated_at, None,
    )
    out["participants"] = [(p.id, wid, i, p.name, p.role, p.email)
                           for i, p in enumerate(w.participants)]
    out["strategies"] = [(s.id, wid, i, s.text, s.horizon)
                         for i, s in enumerate(w.context.strategies)]
    for i, o in enumerate(w.objectives):
        out["objectives"].append((o.id, wid, i, o.text, o.why_it_matters, o.strategy_id,
                                  o.votes, int(o.selected)))
        for j, kr in enumerate(o.key_results):
            out["key_results"].append((
                kr.id, wid, o.id, j, kr.text, kr.metric, kr.baseline, kr.target, kr.unit,
                kr.direction, kr.rewritten_from, kr.keep_reason, kr.score, kr.retro_note,
                json.dumps(kr.rewrite_draft)))
            out["why_steps"].extend((wid, kr.id, k, s.question, s.answer)
                                    for k, s in enumerate(kr.why_steps))
            out["actions"].extend((a.id, wid, kr.id, k, a.text, a.owner_id, _d(a.deadline),
                                   a.origin, int(a.done)) for k, a in enumerate(kr.actions))
    out["checklist_answers"] = [
        (wid, c.question, None if c.answer is None else int(c.answer), c.comment)
        for c in w.checklist]
    out["stage_records"] = [
        (wid, i, s.key, s.planned_minutes, s.actual_seconds, s.state,
         json.dumps(s.timer)) for i, s in enumerate(w.stages)]
    return out


def list_backups(db_path: Path, backup_dir: Path | None = None) -> list[Path]:
    """Automatic and pre-migration backups of `db_path`, newest first."""
    folder = backup_dir or db_path.parent / "backups"
    if not folder.is_dir():
        return []
    found = [p for p in folder.glob(f"{db_path.stem}-*.db") if p.is_file()]
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


def move_aside(path: Path, *, now: datetime | None = None) -> Path:
    """Rename a damaged database (and its -wal/-shm files) out of the way, never
    overwriting anything; returns the new name of the main file."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    path.rename(target)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(target.with_name(target.name + suffix))
    return target

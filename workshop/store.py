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

import errno
import itertools
import json
import operator
import os
import shutil
import sqlite3
import time
import unicodedata
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
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


def _m004_logo(db: sqlite_utils.Database) -> None:
    # The client's logo (base64 PNG text) for the title slide and the handout's cover.
    db.executescript("ALTER TABLE workshops ADD COLUMN logo_png TEXT NOT NULL DEFAULT '';")


MIGRATION_STEPS = (("m001_initial", _m001_initial), ("m002_trash", _m002_trash),
                   ("m003_rewrite_draft", _m003_rewrite_draft), ("m004_logo", _m004_logo))

SCHEMA_VERSION = len(MIGRATION_STEPS)
"""The schema version this app writes; `PRAGMA user_version` of an up-to-date file."""


def build_migrations() -> sqlite_utils.Migrations:
    """The sqlite-utils migration set of the schema (imports sqlite-utils)."""
    import sqlite_utils

    steps = sqlite_utils.Migrations("okr_workshop")
    for name, step in MIGRATION_STEPS:
        steps(name=name)(step)
    return steps

# ---------------------------------------------------------------------------------------
# The column mapping, declared once: save and load are both built from it
# ---------------------------------------------------------------------------------------

# How a model value is kept in a column: "text", "int" and "real" as they are; "bool"
# as 0/1; "maybe_bool" as NULL/0/1; "date" as an ISO string or NULL; "json" as a JSON
# object; "json_list" as a JSON array of texts.
_ENCODE: dict[str, Callable[[Any], Any]] = {
    "bool": int,
    "maybe_bool": lambda v: None if v is None else int(v),
    "date": lambda v: v.isoformat() if v else None,
    "json": json.dumps,
    "json_list": json.dumps,
}


def _pd(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _json_dict(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except (TypeError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def _json_texts(text: str) -> list[str]:
    try:
        value = json.loads(text)
    except (TypeError, ValueError):
        return []
    return [str(v) for v in value] if isinstance(value, list) else []


_DECODE: dict[str, Callable[[Any], Any]] = {
    "bool": bool,
    "maybe_bool": lambda v: None if v is None else bool(v),
    "date": _pd,
    "json": _json_dict,
    "json_list": _json_texts,
}


@dataclass(frozen=True)
class _Column:
    name: str
    attr: str  # the attribute on the model object; dotted for the workshop's parts
    kind: str = "text"


def _cols(*specs: str | tuple[str, ...]) -> tuple[_Column, ...]:
    """("name") or ("column", kind) or ("column", kind, "attr.path")."""
    out = []
    for spec in specs:
        if isinstance(spec, str):
            out.append(_Column(spec, spec))
        elif len(spec) == 2:
            out.append(_Column(spec[0], spec[0], spec[1]))
        else:
            out.append(_Column(spec[0], spec[2], spec[1]))
    return tuple(out)


@dataclass(frozen=True)
class _Table:
    """One entity's table: the keys that place a row (its workshop, its parent, its
    position) and the columns that carry the entity's own fields."""

    name: str
    cls: type
    columns: tuple[_Column, ...]
    parent: str | None = None  # the column naming the parent row (objective, key result)
    ordered: bool = True  # rows keep their order in a "position" column

    @property
    def keys(self) -> tuple[str, ...]:
        return (("workshop_id",) + ((self.parent,) if self.parent else ())
                + (("position",) if self.ordered else ()))

    # Built once per table: a save and a load run these for every row.
    @cached_property
    def _getter(self) -> Callable[[Any], Any]:
        return operator.attrgetter(*(c.attr for c in self.columns))

    @cached_property
    def _encoders(self) -> tuple[tuple[int, Callable[[Any], Any]], ...]:
        return tuple((i, _ENCODE[c.kind]) for i, c in enumerate(self.columns)
                     if c.kind in _ENCODE)

    @cached_property
    def _decoders(self) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
        return tuple((c.attr, _DECODE[c.kind]) for c in self.columns if c.kind in _DECODE)

    @cached_property
    def _attrs(self) -> tuple[str, ...]:
        return tuple(c.attr for c in self.columns)

    def encode(self, obj: Any) -> tuple[Any, ...]:
        values = self._getter(obj)
        if len(self.columns) == 1:
            values = (values,)
        if not self._encoders:
            return values
        out = list(values)
        for i, encode in self._encoders:
            out[i] = encode(out[i])
        return tuple(out)

    def decode(self, row: tuple[Any, ...], offset: int = 0) -> dict[str, Any]:
        values = dict(zip(self._attrs, row[offset:] if offset else row, strict=True))
        for attr, decode in self._decoders:
            values[attr] = decode(values[attr])
        return values

    def select_sql(self) -> str:
        order = ", ".join(((self.parent,) if self.parent else ())
                          + (("position",) if self.ordered else ("question",)))
        names = ((self.parent,) if self.parent else ()) + tuple(c.name for c in self.columns)
        return (f"SELECT {', '.join(names)} FROM {self.name} WHERE workshop_id = ? "
                f"ORDER BY {order}")


def _same(value: Any) -> Any:
    return value


def _get(obj: Any, attr: str) -> Any:
    for part in attr.split("."):
        obj = getattr(obj, part)
    return obj


_WORKSHOP = _Table(APP_TABLE, Workshop, _cols(
    "id", "title", "client", "team", "facilitator", ("workshop_date", "date"),
    "period_label", ("period_start", "date"), ("period_end", "date"),
    ("first_time", "bool"), "agenda_template", "current_stage", "started_at",
    ("vision", "text", "context.vision"), ("mission", "text", "context.mission"),
    ("company_values", "json_list", "context.values"),
    ("checkin_interval", "text", "cadence.checkin_interval"),
    ("checkin_weekday", "int", "cadence.checkin_weekday"),
    ("mid_review", "date", "cadence.mid_review"),
    ("retro_date", "date", "cadence.retro_date"),
    ("retro_focus_helped", "text", "retro.focus_helped"),
    ("retro_noise", "text", "retro.noise"),
    ("retro_output_trap", "text", "retro.output_trap"),
    ("retro_more_voices", "text", "retro.more_voices"),
    ("retro_held_on", "date", "retro.held_on"),
    "logo_png", "notes", "created_at", "updated_at",
), ordered=False)

_TABLES: dict[str, _Table] = {t.name: t for t in (
    _Table("participants", Participant, _cols("id", "name", "role", "email")),
    _Table("strategies", Strategy, _cols("id", "text", "horizon")),
    _Table("objectives", Objective, _cols("id", "text", "why_it_matters", "strategy_id",
                                          "votes", ("selected", "bool"))),
    _Table("key_results", KeyResult, _cols(
        "id", "text", "metric", "baseline", "target", "unit", "direction",
        "rewritten_from", "keep_reason", "score", "retro_note", ("rewrite_draft", "json")),
        parent="objective_id"),
    _Table("why_steps", WhyStep, _cols("question", "answer"), parent="key_result_id"),
    _Table("actions", Action, _cols("id", "text", "owner_id", ("deadline", "date"),
                                    "origin", ("done", "bool")), parent="key_result_id"),
    _Table("checklist_answers", ChecklistAnswer,
           _cols("question", ("answer", "maybe_bool"), "comment"), ordered=False),
    _Table("stage_records", StageRecord, _cols(
        "key", "planned_minutes", "actual_seconds", "state", ("timer", "json"))),
)}

# Children first: the order in which a save deletes a workshop's rows (and, reversed,
# inserts them so every parent exists before its children).
_CHILD_TABLES = ("why_steps", "actions", "key_results", "objectives", "strategies",
                 "participants", "checklist_answers", "stage_records")


def _insert_sql(table: str, columns: Iterable[str]) -> str:
    cols = list(columns)
    return f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"


_WORKSHOP_COLUMNS = tuple(c.name for c in _WORKSHOP.columns) + ("deleted_at",)
_INSERT = {name: _insert_sql(name, t.keys + tuple(c.name for c in t.columns))
           for name, t in _TABLES.items()}
# The entities a typed edit can change, by the controller's kind of address: a save
# after typing rewrites their row only (see Store.save_changes).
_ENTITY_TABLES = {"participant": "participants", "strategy": "strategies",
                  "objective": "objectives", "kr": "key_results", "action": "actions"}
# Parts of the session kept in the workshop's own row.
_WORKSHOP_ROW_KINDS = frozenset({"workshop", "context", "cadence", "retro"})
_UPDATE = {name: f"UPDATE {name} SET "
                 + ", ".join(f"{c.name} = ?" for c in _TABLES[name].columns)
                 + " WHERE id = ? AND workshop_id = ?"
           for name in _ENTITY_TABLES.values()}
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
    except OSError as exc:
        raise StoreError(f"Cannot read {path}: {exc.strerror}.", path) from exc
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a session database.", path)
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


def _wal_mode(path: Path) -> bool:
    """Whether the file's header says WAL (bytes 18 and 19 are 2)."""
    try:
        with open(path, "rb") as fh:
            header = fh.read(20)
    except OSError:
        return False
    return len(header) == 20 and header[18] == 2 and header[19] == 2


def _side(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def write_refusal(path: Path) -> OSError | None:
    """Why the database at `path` (or its folder, where SQLite keeps the -wal and -shm
    files) cannot be written, or None when it can. Asks the system; writes nothing.
    Tests replace this to stand for a read-only disk when they cannot mount one."""
    folder = path.parent
    for target in ((path, folder) if path.exists() else (folder,)):
        if target.exists() and not os.access(target, os.W_OK):
            probe = errno.EROFS if _on_read_only_mount(target) else errno.EACCES
            return OSError(probe, os.strerror(probe), str(target))
    return None


def _on_read_only_mount(path: Path) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):
        return False


def _private_file(path: Path) -> None:
    """Only the user may read a file holding client data (0600), if it is theirs."""
    try:
        info = path.stat()
        if info.st_uid == os.geteuid() and info.st_mode & 0o077:
            path.chmod(0o600)
    except (OSError, AttributeError):
        pass


def _private_dir(path: Path) -> None:
    try:
        info = path.stat()
        if info.st_uid == os.geteuid() and info.st_mode & 0o077:
            path.chmod(0o700)
    except (OSError, AttributeError):
        pass


def _make_private_dir(path: Path, *, tighten: bool) -> None:
    """Create `path` (and its parents) as 0700; an existing one is tightened only when
    `tighten` (the app's own folders, never a folder the user chose for the file)."""
    created = not path.exists()
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if created or tighten:
        _private_dir(path)


def _own_folder(folder: Path) -> bool:
    """The app's own data folder (tightened on open), as opposed to one the user chose."""
    from workshop.paths import data_dir

    try:
        return folder.resolve() == data_dir().resolve()
    except OSError:
        return False


def _quick_check(conn: sqlite3.Connection) -> bool:
    try:
        return conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    except sqlite3.DatabaseError:
        return False


def _migrate(conn: sqlite3.Connection) -> None:
    import sqlite_utils

    build_migrations().apply(sqlite_utils.Database(conn, execute_plugins=False))
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    conn.commit()


def _migrated_copy(conn: sqlite3.Connection, path: Path,
                   tables: set[str]) -> sqlite3.Connection:
    """A file from an older version, viewed read-only: upgraded in memory, so viewing
    it never writes the upgrade into the file."""
    memory = sqlite3.connect(":memory:", check_same_thread=False)
    try:
        conn.backup(memory)
        conn.close()
        if tables:
            _migrate(memory)
    except sqlite3.DatabaseError as exc:
        memory.close()
        raise StoreDamagedError(
            f"{path} is damaged and cannot be read ({exc}). It was left unchanged.",
            path) from exc
    return memory


_SAVEPOINTS = itertools.count(1)


class Store:
    """An open session database. Use `Store.open(path)`."""

    def __init__(self, conn: sqlite3.Connection, path: Path, read_only: bool, *,
                 empty: bool = False, ignored_wal: str = "") -> None:
        self.conn = conn
        self.path = path
        self.read_only = read_only
        # A read-only view of an empty file: no tables, no sessions, nothing created.
        self.empty = empty
        # Why a read-only view left the -wal beside the file unread ("" when it did
        # not): it does not belong to the file, or it cannot be read where it is.
        self.ignored_wal = ignored_wal
        self._identity = _file_identity(path)

    # -- lifecycle ------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | str, *, read_only: bool = False,
             busy_timeout: float = BUSY_TIMEOUT_S, backup_dir: Path | None = None,
             check: bool = False) -> Store:
        """Open (or create) the database at `path`, migrating it forward if needed.

        `read_only` opens it truly read-only: nothing in the folder is written, not the
        file, not a -wal left beside it, not an empty file. Opened for writing, the file
        is first recognised read-only (with SQLite's quick check when `check`), so a
        damaged or foreign file, or a -wal that does not belong to it, stays exactly as
        it was when it is refused.
        """
        path = Path(path)
        check_file(path)
        if read_only:
            return cls._open_reader(path, busy_timeout, check=check)
        exists = path.exists() and path.stat().st_size > 0
        if exists:
            # A -wal left beside the file is merged by the first writer: check the pages
            # it brings before anything can merge them.
            wal = _side(path, "-wal")
            pending = wal.exists() and wal.stat().st_size > 0
            cls._open_reader(path, busy_timeout, check=check or pending, probe=True).close()
        refusal = write_refusal(path) if path.parent.exists() else None
        if refusal is not None:
            raise StoreReadOnlyError(
                f"{path} is read-only ({refusal.strerror.lower()}): you can view it, or "
                f"save a copy elsewhere and work on that.", path)
        try:
            _make_private_dir(path.parent, tighten=_own_folder(path.parent))
            if not path.exists():
                # Created 0600 before SQLite sees it: SQLite gives the -wal and -shm
                # files the database's permissions.
                os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        except FileExistsError:
            pass
        except OSError as exc:
            raise StoreReadOnlyError(
                f"Cannot create {path}: {exc.strerror}. Choose another place.",
                path) from exc
        for file in (path, _side(path, "-wal"), _side(path, "-shm")):
            _private_file(file)
        try:
            conn = sqlite3.connect(str(path), timeout=busy_timeout,
                                   check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"Cannot open {path}: {exc}", path) from exc
        try:
            store = cls._prepare(conn, path, False, backup_dir)
        except BaseException:
            conn.close()
            raise
        for file in (_side(path, "-wal"), _side(path, "-shm")):
            _private_file(file)
        return store

    @classmethod
    def _open_reader(cls, path: Path, busy_timeout: float, *, check: bool = False,
                     probe: bool = False) -> Store:
        """A read-only view of `path` that writes nothing anywhere.

        With no -wal beside a WAL file nothing is pending, and SQLite's read-only mode
        would still create the -wal and -shm files: the file is opened immutable. With a
        -wal (a running app's, or one a crash left with the last saves), SQLite reads it
        without merging it. When the file only makes sense without that -wal, the -wal
        does not belong to it: a view leaves it unread; a `probe` (the check before
        opening for writing) refuses the file, so nothing merges it.
        """
        if not path.is_file():
            raise StoreError(f"{path} does not exist.", path)
        if path.stat().st_size == 0:
            conn = sqlite3.connect(":memory:", check_same_thread=False)
            return cls(conn, path, True, empty=True)
        wal = _side(path, "-wal")
        immutable = not wal.exists() and _wal_mode(path)
        try:
            return cls._read_view(path, busy_timeout, immutable=immutable, check=check,
                                  probe=probe)
        except StoreDamagedError as exc:
            if immutable or not wal.exists():
                raise
            try:
                view = cls._read_view(path, busy_timeout, immutable=True, check=True,
                                      probe=probe)
            except StoreError:
                raise exc from None
            # SQLite could not open the -wal's index (-shm) here at all: a folder that
            # cannot be written, not a -wal that does not belong.
            unreadable = "unable to open" in str(exc.__cause__ or exc).lower()
            if probe:
                view.close()
                if unreadable:
                    raise StoreReadOnlyError(
                        f"{path} is read-only (its folder cannot be written, and the "
                        f"last saves in {wal.name} need it): you can view it, or save "
                        f"a copy elsewhere and work on that.", path) from exc
                raise StoreDamagedError(
                    f"{wal.name} beside {path} does not belong to it (the file is sound "
                    f"without it, damaged with it). Nothing was changed.", path) from exc
            view.ignored_wal = ("cannot be read in a read-only folder" if unreadable
                                else "does not belong to it")
            return view

    @classmethod
    def _read_view(cls, path: Path, busy_timeout: float, *, immutable: bool, check: bool,
                   probe: bool) -> Store:
        mode = "immutable=1" if immutable else "mode=ro"
        uri = f"{path.resolve().as_uri()}?{mode}"
        try:
            conn = sqlite3.connect(uri, uri=True, timeout=busy_timeout,
                                   check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"Cannot open {path}: {exc}", path) from exc
        try:
            version, tables = cls._recognise(conn, path)
            if check and not _quick_check(conn):
                raise StoreDamagedError(
                    f"{path} is damaged (SQLite's quick check failed). It was left "
                    f"unchanged.", path)
            if not probe and version < SCHEMA_VERSION:
                conn = _migrated_copy(conn, path, tables)
            conn.execute("PRAGMA query_only = ON")
        except BaseException:
            conn.close()
            raise
        return cls(conn, path, True)

    @staticmethod
    def _recognise(conn: sqlite3.Connection, path: Path) -> tuple[int, set[str]]:
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            if APP_TABLE in tables:
                conn.execute(f"SELECT count(*) FROM {APP_TABLE}").fetchone()
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
        return version, tables

    @classmethod
    def _prepare(cls, conn: sqlite3.Connection, path: Path, read_only: bool,
                 backup_dir: Path | None) -> Store:
        version, tables = cls._recognise(conn, path)
        store = cls(conn, path, read_only)
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            if version < SCHEMA_VERSION:
                if APP_TABLE in tables:
                    store.backup_to(store._backup_path(backup_dir, f"before-v{SCHEMA_VERSION}"))
                _migrate(conn)
            if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            # WAL with synchronous=NORMAL never corrupts on a crash; at worst the last
            # commit before a power cut is lost, which the autosave redoes.
            conn.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.DatabaseError as exc:
            raise store._translate(exc, "open") from exc
        return store

    def open_reader(self) -> Store:
        """Another, read-only connection to the same file, for a worker thread."""
        if self.empty:
            return Store(sqlite3.connect(":memory:", check_same_thread=False), self.path,
                         True, empty=True)
        return Store._open_reader(self.path, BUSY_TIMEOUT_S)

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
        """SQLite's integrity check: every page, and every index against its table
        (about 0.1 s at 2,000 sessions: run off the GUI thread)."""
        if self.empty:
            return True
        try:
            return self.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        except sqlite3.DatabaseError:
            return False

    def quick_check_ok(self) -> bool:
        """SQLite's quick check of every page (about 30 ms at 2,000 sessions)."""
        return self.empty or _quick_check(self.conn)

    def _backup_path(self, backup_dir: Path | None, label: str,
                     when: float | None = None) -> Path:
        folder = backup_dir or backup_dir_for(self.path)
        moment = datetime.now() if when is None else datetime.fromtimestamp(when)
        stamp = moment.strftime("%Y%m%d-%H%M%S")
        return folder / f"{self.path.stem}-{stamp}-{label}.db"

    def backup_to(self, dest: Path, *, pages: int = -1) -> Path:
        """Copy the whole database to `dest` with SQLite's online backup API.

        The copy is written under a temporary name, checked (SQLite's quick check, and
        not empty), flushed to disk and only then renamed to `dest`: a kill or a full
        disk half-way leaves no file that looks like a backup. `pages` copies in steps
        of that many pages (-1: all at once)."""
        folder = dest.parent
        temp = folder / f".{dest.name}.part"
        try:
            _make_private_dir(folder, tighten=True)
            temp.unlink(missing_ok=True)
            os.close(os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
            target = sqlite3.connect(str(temp))
            try:
                self.conn.backup(target, pages=pages)
                sound = (_quick_check(target) and target.execute(
                    f"SELECT count(*) FROM sqlite_master WHERE name = '{APP_TABLE}'"
                ).fetchone()[0] == 1)
            finally:
                target.close()
            if not sound or temp.stat().st_size == 0:
                raise StoreError(f"The backup of {self.path} did not check out; no "
                                 f"backup was made.", self.path)
            with open(temp, "rb+") as fh:
                os.fsync(fh.fileno())
            os.replace(temp, dest)
        except (OSError, sqlite3.Error) as exc:
            reason = exc.strerror if isinstance(exc, OSError) else str(exc)
            raise StoreError(f"Could not back up {self.path} into {folder}: {reason}.",
                             self.path) from exc
        finally:
            try:
                temp.unlink(missing_ok=True)
            except OSError:
                pass
        return dest

    def auto_backup(self, backup_dir: Path | None = None, *, now: float | None = None,
                    keep: int = BACKUPS_KEPT, pages: int = -1) -> Path | None:
        """A daily backup: made when the newest sound one is older than a day (or
        missing); only the newest `keep` are kept. Returns the new file, if any. Works
        on a read-only view too (it only reads the database)."""
        folder = backup_dir or backup_dir_for(self.path)
        now = time.time() if now is None else now
        newest = newest_sound_backup(self.path, folder)
        if newest is not None and now - newest.stat().st_mtime < 24 * 3600:
            return None
        # Never back up a damaged file: its copy would push a good backup out of the
        # seven kept and then be offered as "the newest backup" to recover from.
        if not self.quick_check_ok():
            raise StoreDamagedError(
                f"{self.path} is damaged (its integrity check failed). No backup was "
                f"made over the good ones.", self.path)
        made = self.backup_to(self._backup_path(folder, "daily", now), pages=pages)
        os.utime(made, (now, now))
        for left in folder.glob(f".{self.path.stem}-*.db.part"):
            try:  # a copy a kill interrupted: never a backup, only clutter
                if time.time() - left.stat().st_mtime > 3600:
                    left.unlink()
            except OSError:
                pass
        for old in list_backups(self.path, folder)[keep:]:
            try:
                old.unlink()
            except OSError:
                pass
        return made

    # -- reading --------------------------------------------------------------------------
    def list(self, search: str | None = None, *, trash: bool = False) -> list[SessionSummary]:
        """Sessions newest first; `search` matches title, client or team, ignoring case."""
        if self.empty:
            return []
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
        if self.empty:
            return 0
        return self.conn.execute(
            f"SELECT count(*) FROM {APP_TABLE} WHERE deleted_at IS NULL").fetchone()[0]

    def exists(self, workshop_id: str) -> bool:
        if self.empty:
            return False
        return self.conn.execute(
            f"SELECT 1 FROM {APP_TABLE} WHERE id = ?", [workshop_id]).fetchone() is not None

    def ids_in_use(self, workshop: Workshop) -> bool:
        """Whether any id of `workshop` (itself, its people, strategies, objectives, key
        results, actions) is already taken in this file, by it or by another session."""
        if self.empty:
            return False
        groups = {
            APP_TABLE: [workshop.id],
            "participants": [p.id for p in workshop.participants],
            "strategies": [s.id for s in workshop.context.strategies],
            "objectives": [o.id for o in workshop.objectives],
            "key_results": [kr.id for _, kr in
                            ((o, k) for o in workshop.objectives for k in o.key_results)],
            "actions": [a.id for o in workshop.objectives for k in o.key_results
                        for a in k.actions],
        }
        try:
            for table, ids in groups.items():
                for start in range(0, len(ids), 500):
                    chunk = ids[start:start + 500]
                    marks = ", ".join("?" * len(chunk))
                    if self.conn.execute(f"SELECT 1 FROM {table} WHERE id IN ({marks}) "
                                         "LIMIT 1", chunk).fetchone():
                        return True
        except sqlite3.DatabaseError as exc:
            raise self._translate(exc, "read the sessions") from exc
        return False

    def load(self, workshop_id: str) -> Workshop:
        """The whole workshop; NotFoundError if there is none with that id."""
        conn = self.conn
        names = ", ".join(c.name for c in _WORKSHOP.columns)
        try:
            w = None if self.empty else conn.execute(
                f"SELECT {names} FROM {APP_TABLE} WHERE id = ?", [workshop_id]).fetchone()
            if w is None:
                raise NotFoundError(f"No workshop with id {workshop_id!r} in {self.path}.",
                                    self.path)
            children = {name: conn.execute(table.select_sql(), [workshop_id]).fetchall()
                        for name, table in _TABLES.items()}
        except sqlite3.DatabaseError as exc:
            raise self._translate(exc, "read the workshop") from exc
        return _workshop_from_rows(w, children)

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

    def save_changes(self, workshop: Workshop,
                     changed: Iterable[tuple[str, Any]]) -> None:
        """Write what typing changed: the workshop's own row, its stage records (the
        clock moves), and the rows of the entities in `changed`, given as (kind, object)
        pairs ("kr", key_result) — the rest of the session is as the last save left it.
        One transaction, like `save`. Falls back to a whole save when a row is not there
        (the entity is new to the file), so it can never write less than it must.

        Typing into one field of a large session costs a few rows, not the session."""
        self._check_writable()
        workshop.updated_at = now_iso()
        wid = workshop.id
        conn = self.conn
        stages = _TABLES["stage_records"]
        steps = _TABLES["why_steps"]
        try:
            with self._transaction():
                conn.execute(_UPSERT_WORKSHOP, _WORKSHOP.encode(workshop) + (None,))
                conn.execute("DELETE FROM stage_records WHERE workshop_id = ?", [wid])
                conn.executemany(_INSERT["stage_records"],
                                 [(wid, i) + stages.encode(st)
                                  for i, st in enumerate(workshop.stages)])
                for kind, obj in changed:
                    if kind in _WORKSHOP_ROW_KINDS:
                        continue  # its row is written above
                    table = _ENTITY_TABLES.get(kind)
                    if table is None:
                        raise _NotSavedYet(kind)  # rows of another shape: a whole save
                    done = conn.execute(_UPDATE[table],
                                        _TABLES[table].encode(obj) + (obj.id, wid))
                    if done.rowcount != 1:
                        raise _NotSavedYet(table)
                    if kind == "kr":
                        conn.execute("DELETE FROM why_steps WHERE key_result_id = ? AND "
                                     "workshop_id = ?", [obj.id, wid])
                        conn.executemany(_INSERT["why_steps"],
                                         [(wid, obj.id, k) + steps.encode(step)
                                          for k, step in enumerate(obj.why_steps)])
        except _NotSavedYet:
            self.save(workshop)
        except sqlite3.Error as exc:
            raise self._translate(exc, "save the workshop") from exc
        except (OverflowError, UnicodeEncodeError) as exc:
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


class _NotSavedYet(Exception):
    """An edited entity has no row of its own to update (it is new to the file, or kept
    in rows of another shape): the save must be a whole one."""


def _rows_for(w: Workshop) -> dict[str, Any]:
    """Every row of one workshop, as parameter tuples for the INSERT statements."""
    wid = w.id
    out: dict[str, Any] = {t: [] for t in _CHILD_TABLES}
    out[APP_TABLE] = _WORKSHOP.encode(w) + (None,)
    t = _TABLES

    def add(name: str, keys: tuple[Any, ...], obj: Any) -> None:
        out[name].append(keys + t[name].encode(obj))

    for i, p in enumerate(w.participants):
        add("participants", (wid, i), p)
    for i, s in enumerate(w.context.strategies):
        add("strategies", (wid, i), s)
    for i, o in enumerate(w.objectives):
        add("objectives", (wid, i), o)
        for j, kr in enumerate(o.key_results):
            add("key_results", (wid, o.id, j), kr)
            for k, step in enumerate(kr.why_steps):
                add("why_steps", (wid, kr.id, k), step)
            for k, a in enumerate(kr.actions):
                add("actions", (wid, kr.id, k), a)
    for c in w.checklist:
        add("checklist_answers", (wid,), c)
    for i, st in enumerate(w.stages):
        add("stage_records", (wid, i), st)
    return out


def _workshop_from_rows(w: Any, children: dict[str, list[Any]]) -> Workshop:
    """A Workshop from its row and its children's rows (as `_TABLES` select them)."""
    def objects(name: str) -> list[Any]:
        table = _TABLES[name]
        return [table.cls(**table.decode(r)) for r in children[name]]

    def grouped(name: str) -> dict[str, list[Any]]:
        table = _TABLES[name]
        out: dict[str, list[Any]] = {}
        for r in children[name]:
            out.setdefault(r[0], []).append(table.cls(**table.decode(r, 1)))
        return out

    whys, actions = grouped("why_steps"), grouped("actions")
    krs = grouped("key_results")
    for items in krs.values():
        for kr in items:
            kr.why_steps = whys.get(kr.id, [])
            kr.actions = actions.get(kr.id, [])
            kr.rewrite_draft = {str(k): str(v) for k, v in kr.rewrite_draft.items()}
    objectives = objects("objectives")
    for o in objectives:
        o.key_results = krs.get(o.id, [])
    flat = _WORKSHOP.decode(w)
    parts: dict[str, dict[str, Any]] = {"context": {}, "cadence": {}, "retro": {}}
    top: dict[str, Any] = {}
    for attr, value in flat.items():
        head, _, rest = attr.partition(".")
        if rest:
            parts[head][rest] = value
        else:
            top[attr] = value
    return Workshop(
        **top,
        participants=objects("participants"),
        context=StrategyContext(**parts["context"], strategies=objects("strategies")),
        objectives=objectives,
        checklist=objects("checklist_answers"),
        cadence=Cadence(**parts["cadence"]),
        stages=objects("stage_records"),
        retro=Retro(**parts["retro"]),
    )


def backup_dir_for(db_path: Path) -> Path:
    from workshop.paths import backup_dir_for as folder

    return folder(db_path)


def _looks_like_a_database(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def list_backups(db_path: Path, backup_dir: Path | None = None) -> list[Path]:
    """Automatic and pre-migration backups of `db_path`, newest first. A file that is
    empty or not a database (a copy cut short) is not a backup and is not listed."""
    folder = backup_dir or backup_dir_for(db_path)
    if not folder.is_dir():
        return []
    found = [p for p in folder.glob(f"{db_path.stem}-*.db")
             if p.is_file() and p.stat().st_size > 0 and _looks_like_a_database(p)]
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


def newest_sound_backup(db_path: Path, backup_dir: Path | None = None) -> Path | None:
    """The newest backup that passes SQLite's quick check and holds the sessions table:
    the only kind ever offered to recover from."""
    for candidate in list_backups(db_path, backup_dir):
        try:
            with Store._open_reader(candidate, 1.0, check=True) as view:
                if not view.empty:
                    view.count()
                    return candidate
        except (StoreError, sqlite3.Error):
            continue
    return None


def restore_backup(backup: Path, db_path: Path) -> None:
    """Put a copy of `backup` where the database was (moved aside first), 0600."""
    temp = db_path.with_name(f".{db_path.name}.restoring")
    try:
        temp.unlink(missing_ok=True)
        os.close(os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        with open(backup, "rb") as src, open(temp, "wb") as dst:
            shutil.copyfileobj(src, dst)
            dst.flush()
            os.fsync(dst.fileno())
        os.replace(temp, db_path)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise StoreReadOnlyError(f"Could not restore {backup.name} as {db_path}: "
                                 f"{exc.strerror}.", db_path) from exc


def move_aside(path: Path, *, now: datetime | None = None) -> Path:
    """Rename a damaged database (and its -wal/-shm files) out of the way, never
    overwriting anything; returns the new name of the main file. A folder that cannot
    be written raises StoreReadOnlyError (a message, never an OSError)."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    try:
        path.rename(target)
        for suffix in ("-wal", "-shm"):
            side = _side(path, suffix)
            if side.exists():
                side.rename(_side(target, suffix))
    except OSError as exc:
        raise StoreReadOnlyError(
            f"Could not move {path} aside ({exc.strerror}): its folder is read-only. "
            f"You can view it read-only, or open another database.", path) from exc
    return target

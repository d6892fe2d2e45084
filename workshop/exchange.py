"""Whole sessions in and out of the app as JSON files, and the errors users see.

The command line and the library window both import and export through here, so a file
is read, checked and saved the same way whichever door it came in by. Nothing here
imports Qt or the CLI.

Reading an import is careful: only a regular file is opened (never a device, a pipe or a
folder), at most MAX_IMPORT_BYTES of it are read, and the session is checked for
meaning as well as for types (dates the calendar and the PDF can show, stages the app
knows, counts that can be), so nothing accepted here breaks later in an export or a
window. An import whose ids are already used in the database gets new ones.

Recovery copies: when a session cannot be saved into its database (disk full, file
gone), `write_recovery_copy` keeps it as JSON in the user's data folder; the next start
finds it with `find_recovery_copies` and offers it back.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import stat
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from workshop.errors import MAX_IMPORT_BYTES, UserError

if TYPE_CHECKING:
    from workshop.model import Workshop
    from workshop.store import Store


# The planning figures a real workshop can have; anything beyond is a broken or hostile
# file, refused before it reaches an agenda, a timer or a calendar.
MAX_PLANNED_MINUTES = 24 * 60
MAX_ACTUAL_SECONDS = 7 * 24 * 3600.0
MAX_VOTES = 100_000
CHECKLIST_QUESTIONS = range(1, 7)
EARLIEST_START = datetime(1990, 1, 1, tzinfo=UTC).timestamp()
LATEST_START = datetime(2200, 1, 1, tzinfo=UTC).timestamp()
MAX_TIMER_NUMBER = 1e9  # seconds; a few decades, far beyond any stage


# ---------------------------------------------------------------------------------------
# Reading an import
# ---------------------------------------------------------------------------------------


def _read_capped(path: Path) -> bytes:
    """The bytes of the regular file at `path`, at most MAX_IMPORT_BYTES of them."""
    # O_NONBLOCK: opening a FIFO with no writer would otherwise wait for ever; a
    # regular file ignores the flag.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except IsADirectoryError as exc:
        raise UserError(f"{path} is not a regular file (it is a folder)") from exc
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror}") from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = ("a folder" if stat.S_ISDIR(info.st_mode) else
                    "a pipe" if stat.S_ISFIFO(info.st_mode) else
                    "a device" if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode)
                    else "not a plain file")
            raise UserError(f"{path} is not a regular file (it is {kind}); export a "
                            f"session to a .json file and import that")
        limit = MAX_IMPORT_BYTES
        if info.st_size > limit:
            raise UserError(f"{path} is too large to be a session export "
                            f"({info.st_size // (1024 * 1024)} MB; at most "
                            f"{limit // (1024 * 1024)} MB)")
        chunks, total = [], 0
        while True:
            chunk = os.read(fd, min(1024 * 1024, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:  # it grew while we read
                raise UserError(f"{path} is too large to be a session export "
                                f"(more than {limit // (1024 * 1024)} MB)")
        return b"".join(chunks)
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror}") from exc
    finally:
        os.close(fd)


def read_import_file(path: Path) -> Workshop:
    """Read and check a JSON export; raises UserError (one line), writes nothing."""
    from workshop.model import ModelError, validate, workshop_from_dict

    path = Path(path)
    raw = _read_capped(path)
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise UserError(f"{path} is not a text file (not UTF-8)") from exc
    except RecursionError as exc:
        raise UserError(f"{path} is nested too deeply to be a session export") from exc
    except ValueError as exc:
        raise UserError(f"{path} is not valid JSON: {exc}") from exc
    try:
        ws = workshop_from_dict(data)
        validate(ws)
        check_meaning(ws)
    except ModelError as exc:
        raise UserError(f"{path} was not imported: {exc}") from exc
    return ws


def check_meaning(ws: Workshop) -> None:
    """Refuse what no workshop can hold (ModelError naming the first problem): the
    checks that need the app's stages and agendas, which the model does not know."""
    from workshop.flows.agenda import template_for
    from workshop.flows.stages import ALL_STAGES
    from workshop.model import ModelError, logo_bytes

    known = {s.key for s in ALL_STAGES}
    if ws.current_stage and ws.current_stage not in known:
        raise ModelError(f"the current stage {ws.current_stage[:30]!r} is an unknown stage")
    if ws.logo_png and not logo_bytes(ws):
        raise ModelError("the logo is not a PNG image of at most 2 MB")
    try:
        template_for(ws.agenda_template)
    except ValueError as exc:
        raise ModelError(f"unknown agenda {ws.agenda_template[:30]!r}") from exc
    if ws.started_at is not None and not EARLIEST_START <= ws.started_at <= LATEST_START:
        raise ModelError("the workshop's start time is not a date between 1990 and 2200")
    if not 0 <= ws.cadence.checkin_weekday <= 6:
        raise ModelError("cadence: the check-in weekday must be 0 (Monday) to 6 (Sunday)")
    for o in ws.objectives:
        if not 0 <= o.votes <= MAX_VOTES:
            raise ModelError(f"objective {o.text[:40]!r} has {o.votes} votes")
    for c in ws.checklist:
        if c.question not in CHECKLIST_QUESTIONS:
            raise ModelError(f"the review checklist has no question {c.question}")
    for st in ws.stages:
        if st.key not in known:
            raise ModelError(f"{st.key[:30]!r} is an unknown stage")
        if not 0 <= st.planned_minutes <= MAX_PLANNED_MINUTES:
            raise ModelError(f"stage {st.key!r}: {st.planned_minutes} planned minutes "
                             f"(0 to {MAX_PLANNED_MINUTES})")
        if not 0 <= st.actual_seconds <= MAX_ACTUAL_SECONDS:
            raise ModelError(f"stage {st.key!r}: the time spent must be 0 to 7 days")
        for key, value in st.timer.items():
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                continue
            if not math.isfinite(value) or abs(value) > MAX_TIMER_NUMBER:
                raise ModelError(f"stage {st.key!r}: the timer's {key[:20]!r} is out of range")


# ---------------------------------------------------------------------------------------
# Importing and exporting whole sessions
# ---------------------------------------------------------------------------------------


def import_session(store: Store, path: Path) -> Workshop:
    """Read `path` and save it into `store` as a session; returns it. Ids already used
    in the file (the same session imported twice, or another session sharing an id)
    are renewed, so an import never fails on a clash. Raises UserError or StoreError."""
    from workshop.model import renew_ids

    ws = read_import_file(path)
    if store.ids_in_use(ws):
        renew_ids(ws)
    store.save(ws, touch=False)
    return ws


def export_session(ws: Workshop, path: Path) -> Path:
    """Write `ws` as a JSON export to `path`; raises UserError with the reason."""
    from workshop.export import ExportError, export_file

    try:
        return export_file(ws, Path(path))[0]
    except ExportError as exc:
        raise UserError(str(exc)) from exc


# ---------------------------------------------------------------------------------------
# Recovery copies
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RecoveryCopy:
    """A session kept as JSON because its database could not take it."""

    path: Path
    workshop_id: str
    title: str
    saved_at: str


def recovery_dir() -> Path:
    from workshop.paths import data_dir

    return data_dir() / "recovery"


def _db_key(db_path: Path) -> str:
    """Which database a recovery copy belongs to: a short hash of its resolved path."""
    try:
        resolved = str(Path(db_path).resolve())
    except OSError:
        resolved = str(Path(db_path).absolute())
    return hashlib.sha256(resolved.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def write_recovery_copy(workshop: Workshop, db_path: Path, *,
                        folder: Path | None = None) -> Path:
    """Keep `workshop` as JSON in the user's data folder (0600, folder 0700), named for
    the database it belongs to; returns the file. Raises UserError when even that
    cannot be written (the caller then keeps the window open)."""
    from workshop.model import workshop_to_dict

    folder = folder or recovery_dir()
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{_db_key(db_path)}-{workshop.id[:32]}-{stamp}.json"
    data = workshop_to_dict(workshop)
    data["recovered_from"] = str(db_path)
    text = json.dumps(data, ensure_ascii=False, indent=1)
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(folder, 0o700)
        handle, temp = tempfile.mkstemp(prefix=".recovery-", suffix=".part", dir=folder)
        try:
            with os.fdopen(handle, "wb") as out:  # mkstemp makes it 0600
                out.write(text.encode("utf-8", errors="replace"))
                out.flush()
                os.fsync(out.fileno())
            os.replace(temp, target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise UserError(f"could not keep a recovery copy in {folder}: {exc.strerror}") from exc
    return target


def find_recovery_copies(db_path: Path, *, folder: Path | None = None) -> list[RecoveryCopy]:
    """The recovery copies kept for the database at `db_path`, oldest first."""
    folder = folder or recovery_dir()
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.glob(f"{_db_key(db_path)}-*.json")):
        try:
            data = json.loads(_read_capped(path).decode("utf-8"))
            ws = data["workshop"]
            found.append(RecoveryCopy(path, str(ws["id"]), str(ws.get("title", "")),
                                      str(ws.get("updated_at", ""))))
        except (UserError, ValueError, KeyError, TypeError):
            continue  # not ours, or cut short: left where it is for a person to look at
    return found


def restore_recovery_copy(store: Store, copy: RecoveryCopy) -> Workshop:
    """Put a recovery copy back into `store` and set the file aside as restored.

    When the session in the database is no newer than the copy, the copy replaces it
    (it holds the edits the database never got); otherwise it comes in beside it, as a
    session of its own, so neither version is lost."""
    from workshop.model import renew_ids

    ws = read_import_file(copy.path)
    if store.exists(ws.id):
        stored = store.load(ws.id)
        if stored.updated_at > ws.updated_at:
            renew_ids(ws)
            ws.title = f"{ws.title} (recovered)".strip()
    elif store.ids_in_use(ws):
        renew_ids(ws)
    store.save(ws, touch=False)
    done = copy.path.parent / "restored"
    try:
        done.mkdir(mode=0o700, exist_ok=True)
        os.replace(copy.path, done / copy.path.name)
    except OSError:
        pass  # restored all the same; offered again next time rather than lost
    return ws

"""Where the app keeps its data: the platform's user data folder, unless the user says
otherwise with `--db PATH` or the OKR_WORKSHOP_DB environment variable."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "okr-workshop"
ENV_DB = "OKR_WORKSHOP_DB"
DB_FILENAME = "workshops.db"


def data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    env = os.environ.get(ENV_DB, "").strip()
    if env:
        return Path(env).expanduser()
    return data_dir() / DB_FILENAME


def resolve_db_path(cli_value: str | os.PathLike[str] | None) -> Path:
    """`--db` wins over the environment, which wins over the default."""
    if cli_value:
        return Path(cli_value).expanduser()
    return default_db_path()


def backup_dir_for(db_path: Path) -> Path:
    """Where the daily and pre-upgrade backups of `db_path` are kept."""
    return db_path.parent / "backups"


def lock_dir() -> Path:
    """Where the app keeps the locks keyed on a database's identity (one folder for
    every database, wherever the file is): in the user's data folder. A lock left by a
    crash is stale (its process is gone) and is taken over."""
    return data_dir() / "locks"


def lock_paths(db_path: Path, folder: Path | None = None) -> list[Path]:
    """The lock files that say "this database is open": one beside the file under its
    resolved name (so a symlink meets the same lock), and one named after the file's
    device and inode (so a hard link, or a path through another mount, does too)."""
    try:
        resolved = db_path.resolve()
    except OSError:
        resolved = db_path.absolute()
    paths = [resolved.with_name(resolved.name + ".lock")]
    try:
        info = os.stat(resolved)
    except OSError:
        return paths  # a new file: only its path names it yet
    paths.append((folder or lock_dir()) / f"db-{info.st_dev:x}-{info.st_ino:x}.lock")
    return paths


def assets_dir() -> Path:
    """assets/ inside the installed package, or at the top of a source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "assets", here.parent / "assets"):
        if candidate.is_dir():
            return candidate
    return here.parent / "assets"

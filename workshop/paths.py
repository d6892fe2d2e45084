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
    return db_path.parent / "backups"


def assets_dir() -> Path:
    """assets/ inside the installed package, or at the top of a source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "assets", here.parent / "assets"):
        if candidate.is_dir():
            return candidate
    return here.parent / "assets"

"""Everything that leaves the app as a file: the PDF handout, Markdown, CSV, JSON, ICS.

No Qt here, and no reportlab at import time: the PDF module imports it when a PDF is
actually written, so the GUI and the CLI's other commands start fast.

`export_file` picks the format by the file's extension. CSV is two tables, so a path
"plan.csv" writes "plan-actions.csv" and "plan-key-results.csv" next to each other (the
path itself is not written). Every write goes to a temporary file first and is moved into
place, so a failed export never leaves half a file over an earlier good one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from workshop.export.errors import ExportError
from workshop.model import Workshop

FORMATS = (".pdf", ".md", ".csv", ".json", ".ics")
PAGE_SIZES = ("A4", "Letter")

__all__ = ["FORMATS", "PAGE_SIZES", "ExportError", "export_file", "export_per_participant",
           "participant_file_names"]


def _write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder."""
    folder = path.parent
    if not folder.is_dir():
        raise ExportError(f"Cannot write {path.name}: the folder {folder} does not exist.")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part",
                                             dir=folder)
    except OSError as exc:
        raise ExportError(f"Cannot write into {folder}: {exc.strerror or exc}. "
                          "Choose another folder.") from exc
    try:
        # mkstemp makes the file 0600; an export is for sharing, so it gets the
        # permissions any new file of the user's gets (their umask).
        os.fchmod(handle, 0o666 & ~_umask())
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temp_name, path)
    except OSError as exc:
        try:
            os.unlink(temp_name)
        except OSError:
            pass
        raise ExportError(f"Cannot write {path}: {exc.strerror or exc}.") from exc


def _umask() -> int:
    """The process's umask, read without changing it where the system allows (setting
    and restoring it would race with other threads creating files)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _encode_text(text: str) -> bytes:
    # Lone surrogates (possible in text pasted from odd sources) cannot be UTF-8.
    return text.encode("utf-8", errors="replace")


def _check_page_size(page_size: str) -> str:
    for name in PAGE_SIZES:
        if page_size.strip().lower() == name.lower():
            return name
    raise ExportError(f"Unknown page size {page_size!r}; use {' or '.join(PAGE_SIZES)}.")


def export_file(workshop: Workshop, path: Path, *, page_size: str = "A4") -> list[Path]:
    """Export `workshop` in the format named by `path`'s extension; return the files written.

    .pdf: the handout (per-participant pages included); .md: the same content as text;
    .csv: two files, `<stem>-actions.csv` and `<stem>-key-results.csv` (UTF-8 with a
    byte-order mark so spreadsheets read the accents right); .json: the whole session
    for `okr-workshop import`; .ics: the dates for a calendar. Raises ExportError for an
    unknown extension, a missing folder or a place that cannot be written.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        shown = f"'{path.suffix}'" if path.suffix else "no extension"
        raise ExportError(f"Cannot export to {path.name} ({shown}): choose a file ending in "
                          + ", ".join(FORMATS) + ".")
    from workshop.export import formats

    if suffix == ".pdf":
        import io

        from workshop.export.pdf import build_pdf

        buffer = io.BytesIO()
        build_pdf(workshop, buffer, page_size=_check_page_size(page_size))
        _write_atomically(path, buffer.getvalue())
        return [path]
    if suffix == ".md":
        _write_atomically(path, _encode_text(formats.to_markdown(workshop)))
        return [path]
    if suffix == ".json":
        # A lone surrogate (not text any file can hold, and refused by import) becomes
        # "?"; everything else is written exactly.
        _write_atomically(path, _encode_text(formats.to_json(workshop)))
        return [path]
    if suffix == ".ics":
        _write_atomically(path, formats.to_ics(workshop))
        return [path]
    # .csv
    actions_path = path.with_name(f"{path.stem}-actions.csv")
    key_results_path = path.with_name(f"{path.stem}-key-results.csv")
    bom = "\ufeff"
    _write_atomically(actions_path, _encode_text(bom + formats.actions_csv(workshop)))
    _write_atomically(key_results_path, _encode_text(bom + formats.key_results_csv(workshop)))
    return [actions_path, key_results_path]


def participant_file_names(workshop: Workshop) -> dict[str, str]:
    """Participant id -> PDF file name made from the name: letters and digits of any
    script kept, the rest folded into dashes; duplicates get "-2", "-3"."""
    from workshop.export.content import safe_file_stem

    names: dict[str, str] = {}
    used: set[str] = set()
    for number, person in enumerate(workshop.participants, 1):
        stem = safe_file_stem(person.name, f"participant-{number}")
        candidate, counter = stem, 2
        while candidate in used:
            candidate, counter = f"{stem}-{counter}", counter + 1
        used.add(candidate)
        names[person.id] = f"{candidate}.pdf"
    return names


def export_per_participant(workshop: Workshop, folder: Path, *,
                           page_size: str = "A4") -> list[Path]:
    """Write one "Your commitments" PDF per participant into `folder` (created if needed);
    return the files written, in participant order."""
    import io

    from workshop.export.pdf import build_participant_pdf

    folder = Path(folder)
    size = _check_page_size(page_size)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"Cannot create the folder {folder}: {exc.strerror or exc}.") from exc
    written = []
    for participant_id, file_name in participant_file_names(workshop).items():
        buffer = io.BytesIO()
        build_participant_pdf(workshop, participant_id, buffer, page_size=size)
        target = folder / file_name
        _write_atomically(target, buffer.getvalue())
        written.append(target)
    return written

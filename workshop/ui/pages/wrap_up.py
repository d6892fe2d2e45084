"""Wrap-up, after action planning: what the room decided on one screen, and the exports
(the PDF handout, one PDF per participant, Markdown, CSV, JSON and a calendar file).

Choosing where to save is the one dialog here, and only because the facilitator asked
for it by pressing an export button. Results and errors are shown in the page.
"""

from __future__ import annotations

import copy
import logging
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop.coach import WARN
from workshop.export import PAGE_SIZES, ExportError, export_file, export_per_participant
from workshop.export.content import format_date, safe_file_stem
from workshop.export.formats import cadence_summary
from workshop.model import Workshop, objective_statement
from workshop.ui.pages.base import StagePage
from workshop.ui.pages.common import (
    add_shown,
    button,
    clear_layout,
    emphasise,
    mute,
    plain_label,
    warn,
)
from workshop.ui.session import SessionController
from workshop.ui.worker import BackgroundJobs

log = logging.getLogger(__name__)

PARTICIPANTS = "participants"
"""The export kind that writes a folder of PDFs rather than one file."""

# kind, button text (with its Alt mnemonic), file suffix, file-dialog filter
EXPORTS: tuple[tuple[str, str, str, str], ...] = (
    ("pdf", "&PDF handout", ".pdf", "PDF handout (*.pdf)"),
    (PARTICIPANTS, "Per-pa&rticipant PDFs", "", ""),
    ("md", "&Markdown", ".md", "Markdown (*.md)"),
    ("csv", "&CSV tables", ".csv", "CSV tables (*.csv)"),
    ("json", "&JSON (re-importable)", ".json", "JSON (*.json)"),
    ("ics", "Ca&lendar (ICS)", ".ics", "Calendar (*.ics)"),
)


def suggested_stem(ws: Workshop) -> str:
    """A file name stem made from the workshop's title, safe on every system."""
    return safe_file_stem(ws.title, "okr-workshop")


def cli_command() -> list[str]:
    """How to run this app's command line: the frozen app is its own command."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "workshop"]


def run_export_command(command: list[str]) -> list[Path]:
    """Run `okr-workshop export ...`; the files it wrote (it prints one per line), or
    ExportError with its one-line message."""
    done = subprocess.run(command, capture_output=True, text=True, check=False,
                          env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    if done.returncode != 0:
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        message = lines[-1] if lines else f"the export stopped (status {done.returncode})"
        raise ExportError(message.removeprefix("okr-workshop: ").strip())
    return [Path(line) for line in done.stdout.splitlines() if line.strip()]


def saved_message(kind: str, files: list[Path], folder: Path) -> str:
    """The line the page shows after an export, in words."""
    if kind == PARTICIPANTS:
        count = len(files)
        noun = "PDF" if count == 1 else "PDFs"
        return f"Saved {count} participant {noun} in {folder.name or folder}"
    names = [f.name for f in files]
    if len(names) == 1:
        return f"Saved {names[0]}"
    return f"Saved {', '.join(names[:-1])} and {names[-1]}"


class WrapUpPage(StagePage):
    """The summary of the session and its exports."""

    stage_key = "wrap_up"
    heading = "Wrap-up"

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        self.export_folder = Path(documents) if documents else Path.home()
        self.last_folder: Path | None = None
        self._summary_shape: tuple | None = None
        # Exports run off the GUI thread on a copy of the session: the window, the
        # projector's countdown and the autosave go on while the PDF is built.
        self.jobs = BackgroundJobs(self)
        self.last_export: list[Path] = []
        self._build()
        self.refresh()

    # -- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.summary = QWidget()
        self.summary_layout = QVBoxLayout(self.summary)
        self.summary_layout.setContentsMargins(0, 0, 0, 0)
        self.summary_layout.setSpacing(6)

        export_box = QFrame()
        export_box.setObjectName("exportBox")
        box = QVBoxLayout(export_box)
        box.setContentsMargins(8, 8, 8, 8)
        heading = emphasise(QLabel("Hand it out"))
        heading.setObjectName("sectionHeading")
        box.addWidget(heading)
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(6)
        self.export_buttons: dict[str, QPushButton] = {}
        for index, (kind, caption, suffix, _filter) in enumerate(EXPORTS):
            plain = caption.replace("&", "")
            key = caption[caption.index("&") + 1].upper()
            where = "a folder" if kind == PARTICIPANTS else f"a {suffix} file"
            export = button(caption + "...", f"Save the {plain} to {where} (Alt+{key})",
                            lambda k=kind: self.export(k), name="exportButton",
                            accessible=f"Export {plain}")
            grid.addWidget(export, index // 3, index % 3)
            self.export_buttons[kind] = export
        box.addLayout(grid)

        size_row = QHBoxLayout()
        size_label = QLabel("Page si&ze")
        self.page_size_combo = QComboBox()
        self.page_size_combo.setObjectName("pageSize")
        self.page_size_combo.addItems(list(PAGE_SIZES))
        self.page_size_combo.setAccessibleName("Page size of the PDFs")
        self.page_size_combo.setToolTip("Paper size for the PDF handouts (Alt+Z)")
        size_label.setBuddy(self.page_size_combo)
        size_row.addWidget(size_label)
        size_row.addWidget(self.page_size_combo)
        size_row.addStretch(1)
        box.addLayout(size_row)

        result_row = QHBoxLayout()
        self.result_label = plain_label(object_name="exportResult")
        self.result_label.setAccessibleName("Export result")
        self.open_folder_button = button(
            "&Open folder", "Show the exported files in the file manager (Alt+O)",
            self._open_last_folder, name="openFolderButton",
            accessible="Open the folder of the last export")
        self.open_folder_button.hide()
        result_row.addWidget(self.result_label, 1)
        result_row.addWidget(self.open_folder_button, 0, Qt.AlignmentFlag.AlignTop)
        box.addLayout(result_row)
        # The exports first: the summary of a large session runs long, and handing out
        # is what this page is for.
        self.body_layout.addWidget(export_box)
        self.body_layout.addWidget(self.summary)
        self.body_layout.addStretch(1)

    # -- the summary -------------------------------------------------------------------------
    def summary_lines(self) -> list[tuple[str, str]]:
        """(style name, text) of every line of the summary, top to bottom."""
        ws = self.controller.workshop
        lines: list[tuple[str, str]] = []
        head = ws.title or "Untitled workshop"
        details = [d for d in (ws.client, ws.team, ws.period_label) if d.strip()]
        lines.append(("summaryTitle", head))
        if details:
            lines.append(("summaryDetail", " · ".join(details)))
        objectives = ws.selected_objectives()
        lines.append(("sectionHeading", "What we will achieve"))
        if not objectives:
            lines.append(("emptyHint", "No objectives yet."))
        for objective in objectives:
            krs = len(objective.key_results)
            actions = sum(len(kr.actions) for kr in objective.key_results)
            lines.append(("summaryStatement", objective_statement(objective)))
            lines.append(("summaryCounts",
                          f"{krs} key result{'s' if krs != 1 else ''} · "
                          f"{actions} action{'s' if actions != 1 else ''}"))
        lines.append(("sectionHeading", "Who does what"))
        counts = Counter(a.owner_id for _, _, a in ws.all_actions())
        owners = [f"{p.name or '(no name)'}: {counts[p.id]} action"
                  f"{'s' if counts[p.id] != 1 else ''}"
                  for p in ws.participants if counts.get(p.id)]
        if owners:
            lines.append(("summaryOwners", " \u00b7 ".join(owners)))
        known = {p.id for p in ws.participants}
        unowned = sum(n for owner, n in counts.items() if owner not in known)
        if unowned:
            lines.append(("summaryOwnerMissing",
                          f"No owner yet: {unowned} action{'s' if unowned != 1 else ''}"))
        if not owners and not unowned:
            lines.append(("emptyHint", "No actions yet."))
        lines.append(("sectionHeading", "When we meet again"))
        lines.append(("summaryCadence", f"Check-ins: {cadence_summary(ws)}"))
        lines.append(("summaryCadence",
                      f"Mid-period review: {format_date(ws.cadence.mid_review)}"))
        lines.append(("summaryCadence", f"Retro: {format_date(ws.cadence.retro_date)}"))
        return lines

    def refresh(self, kind: str = "", ident: str = "") -> None:
        """Redraw the summary when what it says changed."""
        lines = tuple(self.summary_lines())
        if lines == self._summary_shape:
            return
        self._summary_shape = lines
        clear_layout(self.summary_layout)
        for style, text in lines:
            label = plain_label(text, style)
            if style == "summaryTitle":
                emphasise(label, scale=1.25)
            elif style == "sectionHeading":
                emphasise(label)
                label.setContentsMargins(0, 8, 0, 0)
            elif style in ("summaryDetail", "summaryCounts", "emptyHint"):
                mute(label)
            elif style == "summaryOwnerMissing":
                warn(label)
            add_shown(self.summary_layout, label)

    # -- exporting ---------------------------------------------------------------------------
    def suggested_path(self, kind: str) -> Path:
        """Where an export of this kind is proposed: the last export's folder and a name
        made from the title."""
        stem = suggested_stem(self.controller.workshop)
        if kind == PARTICIPANTS:
            return self.export_folder / f"{stem}-participants"
        suffix = next(s for k, _c, s, _f in EXPORTS if k == kind)
        return self.export_folder / f"{stem}{suffix}"

    def choose_path(self, kind: str, suggested: Path) -> Path | None:
        """Ask where to save (a folder for the per-participant PDFs); None when cancelled.

        Tests replace this method; the app shows the system's file dialog.
        """
        if kind == PARTICIPANTS:
            folder = QFileDialog.getExistingDirectory(
                self, "Folder for the participants' PDFs", str(suggested.parent))
            return Path(folder) if folder else None
        name_filter = next(f for k, _c, _s, f in EXPORTS if k == kind)
        chosen, _selected = QFileDialog.getSaveFileName(
            self, "Export", str(suggested), name_filter)
        return Path(chosen) if chosen else None

    def open_folder(self, folder: Path) -> bool:
        """Show `folder` in the system's file manager."""
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def export(self, kind: str) -> None:
        """Ask for a place, then export in the background and say in the page what
        happened (`export_done` carries the files)."""
        if self.jobs.busy:
            return  # one export at a time; the buttons say so
        path = self.choose_path(kind, self.suggested_path(kind))
        if path is None:
            return
        page_size = self.page_size_combo.currentText()
        if kind == PARTICIPANTS:
            folder = path
        else:
            suffix = next(s for k, _c, s, _f in EXPORTS if k == kind)
            if not path.suffix:
                path = path.with_name(path.name + suffix)
            folder = path.parent
        work = self._export_work(kind, path, page_size)
        self._set_exporting(True)
        self._show_result(f"Exporting {path.name}…", failed=False)
        self.jobs.run(work, lambda files: self._exported(kind, files, folder),
                      self._export_failed)

    def _export_work(self, kind: str, path: Path, page_size: str) -> Callable[[], list[Path]]:
        """The export, to run off the GUI thread, on the session as it is now.

        The session is saved, then exported by the command line in a process of its own
        (reading the file, never writing it): building a large PDF in this process held
        Python's lock long enough to stall the window and the projector's countdown.
        Without a file (a read-only view) the export runs on a copy, in a thread."""
        c = self.controller
        target = ["--per-participant", str(path)] if kind == PARTICIPANTS else ["-o", str(path)]
        if c.store is not None and c.save_now():
            command = [*cli_command(), "export", "--db", str(c.store.path), c.workshop.id,
                       *target, "--page-size", page_size]
            return lambda: run_export_command(command)
        copied = copy.deepcopy(c.workshop)
        if kind == PARTICIPANTS:
            return lambda: export_per_participant(copied, path, page_size=page_size)
        return lambda: export_file(copied, path, page_size=page_size)

    def _exported(self, kind: str, files: list[Path], folder: Path) -> None:
        self._set_exporting(False)
        self.export_folder = folder if kind != PARTICIPANTS else folder.parent
        self.last_folder = folder
        self._show_result(saved_message(kind, files, folder), failed=False)
        self.result_label.setToolTip("\n".join(str(f) for f in files))
        self.last_export = files

    def _export_failed(self, exc: Exception) -> None:
        self._set_exporting(False)
        if isinstance(exc, ExportError):
            self._show_result(str(exc), failed=True)
            return
        # A crash in front of a client is worse than a message.
        log.error("export failed", exc_info=exc)
        self._show_result(f"The export failed: {exc}", failed=True)

    def _set_exporting(self, busy: bool) -> None:
        for export_button in self.export_buttons.values():
            export_button.setEnabled(not busy)

    def _show_result(self, text: str, failed: bool) -> None:
        self.result_label.setText(text)
        warn(self.result_label, failed, "exportResult")
        self.open_folder_button.setVisible(not failed and self.last_folder is not None)
        if failed:
            self.result_label.setToolTip("")

    def _open_last_folder(self) -> None:
        if self.last_folder is not None:
            self.open_folder(self.last_folder)

    # -- the page contract -------------------------------------------------------------------
    def focus_first(self) -> None:
        self.export_buttons["pdf"].setFocus()

    def findings(self) -> list:
        """Every warning the coach still has: the last look before the room leaves."""
        return [f for f in self.controller.findings if f.severity == WARN]

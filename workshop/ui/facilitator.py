"""The facilitator's main window for one open session.

Top: the session, the stage timer and its controls, ahead/behind and the "action
planning at risk" banner. Left: the stage navigator (planned/actual minutes). Centre:
the stage's page. Right: prompts, tips and the coach. Bottom: when it was last saved.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from workshop.flows.agenda import compute_schedule
from workshop.flows.stages import exit_findings, stage_by_key
from workshop.flows.timer import PHASE_OVERTIME, PHASE_WARNING, format_mmss
from workshop.ui.audience import install_projector_controls
from workshop.ui.pages import PAGE_CLASSES, UNTIMED_PAGES
from workshop.ui.pages.base import StagePage
from workshop.ui.session import SessionController
from workshop.ui.theme import set_font_scale
from workshop.ui.widgets.findings import SidePanel

TICK_MS = 250  # display refresh; the time itself always comes from the clock

# What the side panel says on the pages that are not timed stages.
UNTIMED_SIDE_TEXTS: dict[str, tuple[tuple[str, ...], tuple[str, ...], str]] = {
    "wrap_up": (
        ("Who will tell the rest of the team about these OKRs, and when?",
         "Is the first check-in in everybody's calendar?"),
        ("Send the handout the same day, while the room still remembers the why-chains.",
         "The per-participant pages are the commitments each person made: hand them "
         "to each person, not to their manager."),
        "Everyone leaves with the handout and the dates of the next check-ins.",
    ),
    "retro": (
        ("Which OKRs helped us focus, and which were noise?",
         "Where did we fall into the output trap?",
         "How do we involve more voices next time?"),
        ("0.7 is a good score for a stretch target; a row of 1.0s means the targets "
         "were too easy.",
         "Scores are for learning, never for appraisals or bonuses."),
        "An honest score per key result and the lessons for the next period.",
    ),
}


class FacilitatorWindow(QMainWindow):
    """Drives one session. Emits `closed` when the facilitator goes back to the library."""

    closed = Signal()
    projector_requested = Signal()
    page_shown = Signal(str)  # the page's key; the projector follows wrap-up and retro
    theme_requested = Signal(str)
    font_size_requested = Signal(int)

    def __init__(self, controller: SessionController, *, tick_timer: bool = True,
                 save_as: Callable[[], None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._save_as_handler = save_as
        self._presentation = False
        self.setObjectName("facilitatorWindow")
        self.setWindowTitle(f"{controller.workshop.title or 'Untitled'} · OKR Workshop")
        # Pages are built the first time they are shown: opening a session costs one
        # page, not nine, in time and in memory.
        self.pages: dict[str, StagePage] = _PageCache(self._build_page)
        self._page_keys: list[str] = []
        self._build()
        self._build_actions()
        # PageDown first pages through what the projector shows, then moves on here.
        self.item_pagers: list[Callable[[int], bool]] = []
        self.clicker_keys = ClickerKeys(self)
        QApplication.instance().installEventFilter(self.clicker_keys)
        controller.changed.connect(self._on_changed)
        controller.stage_changed.connect(self._on_stage_changed)
        controller.timer_changed.connect(self._update_timer)
        controller.saved.connect(self._on_saved)
        controller.save_failed.connect(self._on_save_failed)
        self._save_error_shown = False
        self._findings_timer = QTimer(self)
        self._findings_timer.setSingleShot(True)
        self._findings_timer.setInterval(150)
        self._findings_timer.timeout.connect(self._update_findings)
        self.tick_timer = QTimer(self)
        self.tick_timer.setInterval(TICK_MS)
        self.tick_timer.timeout.connect(controller.tick)
        if tick_timer:
            self.tick_timer.start()
        self.show_page(controller.current_stage)
        self._update_timer()
        if controller.last_saved:
            self._on_saved(controller.last_saved)
        elif controller.store is not None:
            self.save_status.setText("All changes saved")
        else:
            self.save_status.setText("Read-only: changes are not saved")
        # The View menu's projector screen, theme and sound choices.
        self.projector_controls = install_projector_controls(self)

    # -- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        central = QWidget()
        root = QVBoxLayout(central)
        root.setContentsMargins(10, 8, 10, 4)
        root.setSpacing(6)

        header = QHBoxLayout()
        self.title_label = QLabel()
        self.title_label.setObjectName("sessionTitle")
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setMinimumWidth(120)
        header.addWidget(self.title_label, 1)
        self.timer_label = QLabel("00:00")
        self.timer_label.setObjectName("timerDisplay")
        self.timer_label.setAccessibleName("Time left in this stage")
        set_font_scale(self.timer_label, 2.0, bold=True)
        header.addWidget(self.timer_label)
        self.start_button = self._button("Start", "Start or pause the stage timer (Space)",
                                         self.controller.toggle_timer)
        header.addWidget(self.start_button)
        for label, seconds, key in (("+1", 60, "+"), ("+5", 300, "Ctrl+Shift++"),
                                    ("−1", -60, "-")):
            header.addWidget(self._button(
                label, f"{'Add' if seconds > 0 else 'Take'} {abs(seconds) // 60} "
                       f"minute{'s' if abs(seconds) > 60 else ''} ({key})",
                lambda s=seconds: self.controller.extend_timer(s), width=44))
        self.schedule_label = QLabel()
        self.schedule_label.setObjectName("muted")
        self.schedule_label.setAccessibleName("Ahead or behind the plan")
        header.addWidget(self.schedule_label)
        root.addLayout(header)

        self.risk_banner = QLabel()
        self.risk_banner.setObjectName("riskBanner")
        self.risk_banner.setWordWrap(True)
        self.risk_banner.setTextFormat(Qt.TextFormat.PlainText)
        self.risk_banner.setAccessibleName("Action planning at risk")
        self.risk_banner.hide()
        root.addWidget(self.risk_banner)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        nav_frame = QFrame()
        nav_frame.setObjectName("navPanel")
        nav_layout = QVBoxLayout(nav_frame)
        nav_layout.setContentsMargins(4, 4, 4, 4)
        self.nav = QListWidget()
        self.nav.setObjectName("stageNav")
        self.nav.setAccessibleName("Stages")
        self.nav.setFrameShape(QFrame.Shape.NoFrame)
        self.nav.setWordWrap(True)
        self.nav.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.itemActivated.connect(self._on_nav_activated)
        self.nav.itemClicked.connect(self._on_nav_activated)
        nav_layout.addWidget(self.nav)
        nav_frame.setMinimumWidth(170)
        splitter.addWidget(nav_frame)

        self.stack = QStackedWidget()
        self.stack.setObjectName("pageStack")
        self.stack.setMinimumWidth(420)
        splitter.addWidget(self.stack)

        self.side = SidePanel()
        self.side.setMinimumWidth(220)
        self.side.project_finding.connect(self.controller.set_projected_finding)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 0)
        splitter.setSizes([200, 800, 300])
        self.splitter = splitter
        root.addWidget(splitter, 1)
        self.setCentralWidget(central)

        self.save_status = QLabel("Not saved yet")
        self.save_status.setObjectName("saveStatus")
        self.save_status.setAccessibleName("Save status")
        self.statusBar().addWidget(self.save_status)
        hints = QLabel("PgDn next · Space pause · +/− minute · F5 projector · Ctrl+Z undo")
        hints.setObjectName("muted")
        self.statusBar().addPermanentWidget(hints)

        for key in [s.key for s in self.controller.workshop.stages] + list(UNTIMED_PAGES):
            if key in PAGE_CLASSES:
                self._page_keys.append(key)
        self._fill_nav()
        self.title_label.setText(self.controller.workshop.title or "Untitled session")

    def _build_page(self, key: str) -> StagePage:
        page = PAGE_CLASSES[key](self.controller)
        self.controller.before_save.append(page.commit_pending)
        self.stack.addWidget(page)
        return page

    def _button(self, text: str, tip: str, slot: Callable[[], None], *,
                width: int = 0) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        if width:
            button.setMinimumWidth(width)
        button.clicked.connect(lambda _=False: slot())
        return button

    def _action(self, menu, text: str, shortcuts, slot: Callable[[], None],
                *, context=Qt.ShortcutContext.WindowShortcut) -> QAction:
        action = QAction(text, self)
        if shortcuts:
            seq = [QKeySequence(s) if not isinstance(s, QKeySequence) else s
                   for s in (shortcuts if isinstance(shortcuts, (list, tuple)) else [shortcuts])]
            action.setShortcuts(seq)
        action.setShortcutContext(context)
        action.triggered.connect(lambda _=False: slot())
        if menu is not None:
            menu.addAction(action)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        c = self.controller
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self._action(file_menu, "&Export…", "Ctrl+E", self.go_to_export)
        self._action(file_menu, "Save &as…", QKeySequence.StandardKey.SaveAs, self.save_as)
        self._action(file_menu, "&Save now", QKeySequence.StandardKey.Save, c.save_now)
        file_menu.addSeparator()
        self._action(file_menu, "Back to the &library", "Ctrl+W", self.close)
        edit = bar.addMenu("&Edit")
        undo = c.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcuts(QKeySequence.StandardKey.Undo)
        redo = c.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit.addAction(undo)
        edit.addAction(redo)
        self.undo_action, self.redo_action = undo, redo
        stage = bar.addMenu("&Stage")
        self._action(stage, "&Next item or stage\tPgDown", None, self.next_item)
        self._action(stage, "&Previous item or stage\tPgUp", None, self.previous_item)
        self._action(stage, "Next &stage", "Ctrl+PgDown", c.next_stage)
        self._action(stage, "Previous s&tage", "Ctrl+PgUp", c.previous_stage)
        stage.addSeparator()
        self._action(stage, "Start / &pause timer\tSpace", None, c.toggle_timer)
        self._action(stage, "&Add a minute\t+", None, lambda: c.extend_timer(60))
        self._action(stage, "Add &five minutes\tCtrl+Shift++", "Ctrl+Shift++",
                     lambda: c.extend_timer(300))
        self._action(stage, "&Take a minute off\t−", None, lambda: c.extend_timer(-60))
        self._action(stage, "&Reset timer", "Ctrl+R", c.reset_timer)
        view = bar.addMenu("&View")
        self._action(view, "&Projector window", "F5", self.projector_requested.emit)
        self._action(view, "&Black screen on projector\tB", None, c.toggle_black)
        self._action(view, "&Full screen", "F11", self.toggle_fullscreen)
        self._action(view, "Leave full screen", "Esc", self.leave_fullscreen)
        self._action(view, "Presentation &mode (large type)", "Ctrl+Shift+P",
                     self.toggle_presentation)
        view.addSeparator()
        self._action(view, "&Bigger text", ["Ctrl++", "Ctrl+="],
                     lambda: self.font_size_requested.emit(+1))
        self._action(view, "&Smaller text", "Ctrl+-",
                     lambda: self.font_size_requested.emit(-1))
        themes = view.addMenu("&Theme")
        for key, title in (("light", "Light"), ("dark", "Dark"),
                           ("projector", "High contrast")):
            self._action(themes, title, None, lambda k=key: self.theme_requested.emit(k))

    # -- navigation -----------------------------------------------------------------------
    def _fill_nav(self) -> None:
        self.nav.blockSignals(True)
        current_row = self.nav.currentRow()
        self.nav.clear()
        ws = self.controller.workshop
        run_keys = [s.key for s in ws.stages]
        for key in self._page_keys:
            record = ws.stage(key)
            title = self._stage_title(key)
            if record is not None:
                number = run_keys.index(key) + 1
                actual = self.controller.run.actual_seconds(key) / 60.0
                if actual >= 0.5:
                    minutes = f"{round(actual)} of {record.planned_minutes} min"
                elif record.state == "done":
                    minutes = f"skipped · {record.planned_minutes} min"
                else:
                    minutes = f"{record.planned_minutes} min"
                marker = "▶ " if key == self.controller.current_stage else (
                    "✓ " if record.state == "done" else "")
                text = f"{marker}{number}  {title}\n     {minutes}"
            else:
                text = f"   {title}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(title)
            self.nav.addItem(item)
        self.nav.setCurrentRow(max(0, current_row))
        self.nav.blockSignals(False)

    @staticmethod
    def _stage_title(key: str) -> str:
        try:
            return stage_by_key(key).title
        except KeyError:
            return {"wrap_up": "Wrap-up and handouts", "retro": "Retro"}.get(key, key)

    def _on_nav_activated(self, item: QListWidgetItem) -> None:
        key = item.data(Qt.ItemDataRole.UserRole)
        if self.controller.workshop.stage(key) is not None:
            self.controller.go_to_stage(key)
        self.show_page(key)

    def show_page(self, key: str) -> None:
        if key not in self._page_keys:
            return
        page = self.pages[key]
        self.stack.setCurrentWidget(page)
        page.refresh()
        self.page_shown.emit(key)
        try:
            stage = stage_by_key(key)
            self.side.set_stage(stage.prompts, stage.tips, stage.goal)
        except KeyError:
            self.side.set_stage(*UNTIMED_SIDE_TEXTS.get(key, ((), (), "")))
        row = self._page_keys.index(key)
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(row)
        self.nav.blockSignals(False)
        self._update_findings()

    def current_page_key(self) -> str:
        page = self.stack.currentWidget()
        for key, p in self.pages.items():
            if p is page:
                return key
        return ""

    def next_item(self) -> None:
        if any(pager(+1) for pager in self.item_pagers):
            return
        page = self.stack.currentWidget()
        if isinstance(page, StagePage) and page.next_item():
            return
        key = self.current_page_key()
        if self.controller.workshop.stage(key) is None:
            return  # wrap-up and retro are the end of the line
        if key == self.controller.current_stage and \
                self.controller.run.current_index == self.controller.run.stage_count - 1:
            self.show_page("wrap_up")
            return
        self.controller.next_stage()

    def previous_item(self) -> None:
        if any(pager(-1) for pager in self.item_pagers):
            return
        page = self.stack.currentWidget()
        if isinstance(page, StagePage) and page.previous_item():
            return
        key = self.current_page_key()
        if self.controller.workshop.stage(key) is None:
            self.show_page(self.controller.current_stage)
            return
        self.controller.previous_stage()

    def go_to_export(self) -> None:
        self.show_page("wrap_up")

    # -- reacting to the controller ---------------------------------------------------------
    def _on_changed(self, kind: str, ident: str) -> None:
        page = self.stack.currentWidget()
        if isinstance(page, StagePage):
            page.refresh()
        if kind == "workshop":
            self.title_label.setText(self.controller.workshop.title or "Untitled session")
            self.setWindowTitle(
                f"{self.controller.workshop.title or 'Untitled'} · OKR Workshop")
        self._findings_timer.start()

    def _on_stage_changed(self, key: str) -> None:
        self._fill_nav()
        self.show_page(key)
        if key in self._page_keys:
            self.pages[key].focus_first()

    def _update_findings(self) -> None:
        page = self.stack.currentWidget()
        findings = list(page.findings()) if isinstance(page, StagePage) else []
        key = self.current_page_key()
        if key:
            try:
                from workshop.coach import check_workshop

                extra = exit_findings(key, check_workshop(self.controller.workshop))
            except (ImportError, KeyError):
                extra = []
            seen = {(f.code, f.subject_id) for f in findings}
            findings += [f for f in extra if (f.code, f.subject_id) not in seen]
        self.side.set_findings(findings)

    def _update_timer(self) -> None:
        run = self.controller.run
        timer = run.timer
        remaining = timer.remaining()
        phase = timer.phase
        text = format_mmss(remaining)
        if phase == "paused":
            text += " ❚❚"
        self.timer_label.setText(text)
        shown = "overtime" if phase == PHASE_OVERTIME else (
            "warning" if phase == PHASE_WARNING else "normal")
        if self.timer_label.property("phase") != shown:
            self.timer_label.setProperty("phase", shown)
            self.timer_label.style().unpolish(self.timer_label)
            self.timer_label.style().polish(self.timer_label)
        self.start_button.setText("Pause" if timer.running else (
            "Resume" if phase in ("paused",) or timer.elapsed() > 0 else "Start"))
        self._update_schedule()

    def _update_schedule(self) -> None:
        ws = self.controller.workshop
        schedule = compute_schedule(ws, self.controller.clock.wall())
        behind = schedule.behind_minutes
        if not schedule.started:
            self.schedule_label.setText("Not started")
        elif abs(behind) < 1:
            self.schedule_label.setText("On time")
        elif behind > 0:
            self.schedule_label.setText(f"{round(behind)} min behind")
        else:
            self.schedule_label.setText(f"{round(-behind)} min ahead")
        risk = schedule.risk
        if risk is None:
            self.risk_banner.hide()
        else:
            self.risk_banner.setText(f"⚠ {risk.message} {risk.suggestion}")
            level = "danger" if risk.minutes_left_for_action_plan < 10 else "warning"
            if self.risk_banner.property("level") != level:
                self.risk_banner.setProperty("level", level)
                self.risk_banner.style().unpolish(self.risk_banner)
                self.risk_banner.style().polish(self.risk_banner)
            self.risk_banner.show()

    def _on_saved(self, when: str) -> None:
        self.save_status.setText(f"Saved {when}")
        self.save_status.setToolTip(str(self.controller.store.path)
                                    if self.controller.store else "")
        if self.save_status.property("failed"):
            self.save_status.setProperty("failed", False)
            self.save_status.style().unpolish(self.save_status)
            self.save_status.style().polish(self.save_status)
        self._save_error_shown = False
        if self.nav.count():
            self._fill_nav()

    def _on_save_failed(self, message: str) -> None:
        self.save_status.setText("Not saved: retrying. Your edits are kept; "
                                 "use File > Save as… to save elsewhere.")
        self.save_status.setToolTip(message)
        if not self.save_status.property("failed"):
            self.save_status.setProperty("failed", True)
            self.save_status.style().unpolish(self.save_status)
            self.save_status.style().polish(self.save_status)
        if not self._save_error_shown:
            # Said once, in the status line; never a modal dialog during a live stage.
            self._save_error_shown = True
            self.statusBar().showMessage(message, 15000)

    # -- window ---------------------------------------------------------------------------
    def save_as(self) -> None:
        if self._save_as_handler is not None:
            self._save_as_handler()
            return
        path, _ = QFileDialog.getSaveFileName(self, "Save the session database as",
                                              "workshops.db", "Databases (*.db)")
        if not path:
            return
        from pathlib import Path

        from workshop.store import Store, StoreError

        try:
            store = Store.open(Path(path))
        except StoreError as exc:
            QMessageBox.warning(self, "Cannot save there", str(exc))
            return
        self.controller.switch_store(store)

    def toggle_fullscreen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def leave_fullscreen(self) -> None:
        if self.isFullScreen():
            self.showNormal()

    def toggle_presentation(self) -> None:
        """With one screen (a mirrored projector) the facilitator window itself shows the
        room large type."""
        self._presentation = not self._presentation
        self.font_size_requested.emit(+6 if self._presentation else -6)
        self.side.setVisible(not self._presentation)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        QApplication.instance().removeEventFilter(self.clicker_keys)
        self.tick_timer.stop()
        self.controller.save_now()
        self.closed.emit()
        super().closeEvent(event)


_TEXT_INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox, QComboBox)
_OWN_SPACE = _TEXT_INPUTS + (QAbstractButton, QAbstractItemView)


class _PageCache(dict):
    """Stage pages by key, each built on first use."""

    def __init__(self, build: Callable[[str], StagePage]) -> None:
        super().__init__()
        self._build = build

    def __missing__(self, key: str) -> StagePage:
        page = self._build(key)
        self[key] = page
        return page


class ClickerKeys(QObject):
    """The room's keys: presentation clickers send PageDown/PageUp (and B or . for a
    black screen), the facilitator presses Space, + and -.

    An application-wide filter rather than window shortcuts, because a plain shortcut
    on Space would steal the key from a focused check box or button, and one on "+"
    from a text field. Here PageDown/PageUp always act (a clicker must never be
    swallowed); the other keys act only when the focused widget has no use for them.
    Works in every window that registers itself (facilitator and projector).
    """

    def __init__(self, window: FacilitatorWindow) -> None:
        super().__init__(window)
        self.window = window
        self.windows: list[QWidget] = [window]

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) \
                or not isinstance(obj, QWidget):
            return False
        if obj.window() not in self.windows:
            return False
        if self._session_undo(obj, event):
            return True
        if event.type() != QEvent.Type.KeyPress:
            return False
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            return False
        focus = QApplication.focusWidget()
        in_text = isinstance(focus, _TEXT_INPUTS)
        c = self.window.controller
        if key == Qt.Key.Key_PageDown:
            self.window.next_item()
        elif key == Qt.Key.Key_PageUp:
            self.window.previous_item()
        elif in_text:
            return False
        elif key == Qt.Key.Key_Right and not isinstance(focus, QAbstractItemView):
            self.window.next_item()
        elif key == Qt.Key.Key_Left and not isinstance(focus, QAbstractItemView):
            self.window.previous_item()
        elif key == Qt.Key.Key_Space and isinstance(focus, _OWN_SPACE):
            return False  # a focused button or check box takes its own Space
        else:
            return c.room_key(key)
        return True

    def _session_undo(self, obj: QWidget, event: QEvent) -> bool:
        """Ctrl+Z / Ctrl+Shift+Z in the facilitator window undo the session's last step.

        A focused text field claims these keys for its own little undo, which knows
        nothing of added key results, rewrites or stage moves; and after a stage change
        the focus is always in a field. So the keys are taken here: the override is
        refused, and the key press undoes on the session's stack (typing still in a
        page's buffer is written first, so it is the first thing taken back)."""
        if obj.window() is not self.window:
            return False
        undo = event.matches(QKeySequence.StandardKey.Undo)
        redo = event.matches(QKeySequence.StandardKey.Redo) or (
            event.key() in (Qt.Key.Key_Z, Qt.Key.Key_Y)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier and not undo)
        if not (undo or redo):
            return False
        if event.type() == QEvent.Type.KeyPress:
            c = self.window.controller
            for flush in list(c.before_save):
                flush()
            if undo:
                c.undo_stack.undo()
            else:
                c.undo_stack.redo()
        return True

"""The facilitator's main window for one open session.

Top: the session, the stage timer and its controls, ahead/behind, the "action planning
at risk" banner and the room monitor (what the projector shows now). Left: the stage
navigator (planned/actual minutes). Centre: the stage's page. Right: prompts, tips and
the coach. Bottom: when it was last saved.

What the laptop shows and what the room sees are kept apart: clicking a stage in the
navigator previews it here, marked as a preview; the room, the timer and the schedule
stay where they are until the facilitator makes it live (Enter, or "Show the room").
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from workshop.flows.agenda import NOT_TIMED_SECONDS, compute_schedule
from workshop.flows.room import MESSAGE_BANNER, MESSAGE_FULL, VIEW_TIMER
from workshop.flows.stages import ALL_STAGES, exit_advice, stage_by_key
from workshop.flows.timer import PHASE_OVERTIME, PHASE_WARNING, format_mmss
from workshop.ui.input_router import InputRouter, is_text_input
from workshop.ui.pages import PAGE_CLASSES
from workshop.ui.pages.base import StagePage
from workshop.ui.pages.common import elided
from workshop.ui.session import SessionController
from workshop.ui.theme import set_font_scale
from workshop.ui.widgets.clock_label import ClockLabel
from workshop.ui.widgets.findings import SidePanel

if TYPE_CHECKING:
    from workshop.ui.audience import AudienceWindow

# The display wakes once a second, on the second the countdown's digits change, and
# not at all while the timer is paused: the time itself always comes from the clock.
TICK_MARGIN_MS = 5
TOAST_MS = 1800  # how long a room key's feedback stays on the laptop
MONITOR_DELAY_MS = 400  # the room monitor's picture follows changes this much later
MONITOR_WIDTH = 160
# Pages kept built besides the one shown and the live stage's: the rest are released
# and built again (about 0.1 s) if shown again, so memory does not grow with every page
# visited of a large session.
PAGES_KEPT = 4
SCHEDULE_EVERY_S = 5  # "3 min behind" is worked out again this often while the clock runs
# The stage list is never narrower than "6  Review checklist" and "not timed · 25 min".
NAV_MIN_WIDTH = 205


class FacilitatorWindow(QMainWindow):
    """Drives one session. Emits `closed` when the facilitator goes back to the library."""

    closed = Signal()
    quit_requested = Signal()
    projector_requested = Signal()
    presentation_requested = Signal()
    theme_requested = Signal(str)
    font_size_requested = Signal(int)

    def __init__(self, controller: SessionController, *, tick_timer: bool = True,
                 save_as: Callable[[], None] | None = None,
                 router: InputRouter | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._save_as_handler = save_as
        # The room's keys: the app's router when the app made one, else our own.
        self.router = router if router is not None else InputRouter(self)
        # The projector's paging, when the app has opened one: PageDown pages through
        # what the room sees before it moves on. Set by the app, which owns both windows.
        self.projector_pager: Callable[[int], bool] | None = None
        self.projector_picture: Callable[[], QPixmap | None] | None = None
        self._projector_controls = None
        self.setObjectName("facilitatorWindow")
        self.setWindowTitle(f"{controller.workshop.title or 'Untitled'} · OKR Workshop")
        # Pages are built the first time they are shown: opening a session costs one
        # page, not nine, in time and in memory.
        self.pages = _PageCache(self._build_page, self._release_page, PAGES_KEPT)
        self._page_keys: list[str] = []
        self.viewed_key = ""  # the page the laptop shows; may differ from the live stage
        self._nav_live = ""  # the live stage the stage list last marked
        self._schedule_moment: tuple = ()
        self._build()
        self._build_commands()
        self._build_actions()
        self.router.register(self)
        self.router.undo = self.undo
        self.router.redo = self.redo
        self.router.leave_field = self.leave_field
        self.router.command_run.connect(self._feedback)
        controller.changed.connect(self._on_changed)
        controller.stage_changed.connect(self._on_stage_changed)
        controller.timer_changed.connect(self._update_timer)
        controller.saved.connect(self._on_saved)
        controller.save_failed.connect(self._on_save_failed)
        controller.findings_changed.connect(self._update_findings)
        controller.room_changed.connect(self._on_room_changed)
        self._save_error_shown = False
        self._monitor_timer = QTimer(self)
        self._monitor_timer.setSingleShot(True)
        self._monitor_timer.setInterval(MONITOR_DELAY_MS)
        self._monitor_timer.timeout.connect(self._refresh_monitor_picture)
        self.tick_timer = QTimer(self)
        self.tick_timer.setSingleShot(True)
        self.tick_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.tick_timer.timeout.connect(controller.tick)
        self._ticking = tick_timer
        controller.timer_changed.connect(self._schedule_tick)
        self.show_page(controller.live_stage_key)
        self.focus_page()
        self._update_timer()
        self._schedule_tick()
        self._on_room_changed()
        if controller.last_saved:
            self._on_saved(controller.last_saved)
        elif controller.store is not None:
            self.save_status.setText("All changes saved")
        else:
            self.save_status.setText("Read-only: changes are not saved")

    # -- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        central = QWidget()
        root = QVBoxLayout(central)
        root.setContentsMargins(10, 8, 10, 4)
        root.setSpacing(6)

        header = QHBoxLayout()
        self.title_label = ElidedLabel()
        self.title_label.setObjectName("sessionTitle")
        self.title_label.setMinimumWidth(120)
        header.addWidget(self.title_label, 1)
        self.timer_label = ClockLabel("+88:88 ❚❚")
        self.timer_label.setText("00:00")
        self.timer_label.setObjectName("timerDisplay")
        self.timer_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.timer_label.setAccessibleName("Time left in this stage")
        set_font_scale(self.timer_label, 2.0, bold=True)
        header.addWidget(self.timer_label)
        self.start_button = self._button(
            "Start", "Start or pause the stage timer (Space, or Ctrl+Space while typing)",
            self.controller.toggle_timer)
        header.addWidget(self.start_button)
        self._timer_widgets: list[QWidget] = [self.timer_label, self.start_button]
        for label, seconds, key in (("+1", 60, "+"), ("+5", 300, "Ctrl+Shift+="),
                                    ("−1", -60, "-")):
            button = self._button(
                label, f"{'Add' if seconds > 0 else 'Take'} {abs(seconds) // 60} "
                       f"minute{'s' if abs(seconds) > 60 else ''} ({key})",
                lambda s=seconds: self.controller.extend_timer(s), width=44)
            header.addWidget(button)
            self._timer_widgets.append(button)
        self.schedule_label = QLabel()
        self.schedule_label.setObjectName("muted")
        self.schedule_label.setAccessibleName("Ahead or behind the plan")
        header.addWidget(self.schedule_label)
        self._timer_widgets.append(self.schedule_label)
        root.addLayout(header)

        self.preview_bar = QFrame()
        self.preview_bar.setObjectName("previewBar")
        preview_layout = QHBoxLayout(self.preview_bar)
        preview_layout.setContentsMargins(10, 4, 6, 4)
        self.preview_label = QLabel()
        self.preview_label.setTextFormat(Qt.TextFormat.PlainText)
        self.preview_label.setWordWrap(True)
        preview_layout.addWidget(self.preview_label, 1)
        self.go_live_button = self._button(
            "Show the room", "Make the stage shown here live for the room (Enter)",
            self.go_live)
        self.go_live_button.setObjectName("primary")
        preview_layout.addWidget(self.go_live_button)
        self.back_to_live_button = self._button(
            "Back to the live stage", "Show the stage the room sees",
            lambda: self.show_page(self.controller.live_stage_key))
        preview_layout.addWidget(self.back_to_live_button)
        self.preview_bar.hide()
        root.addWidget(self.preview_bar)

        self.risk_banner = QLabel()
        self.risk_banner.setObjectName("riskBanner")
        self.risk_banner.setWordWrap(True)
        self.risk_banner.setTextFormat(Qt.TextFormat.PlainText)
        self.risk_banner.setAccessibleName("Action planning at risk")
        self.risk_banner.hide()
        root.addWidget(self.risk_banner)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(True)  # F9 folds the side panel away
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
        # A click or the arrow keys only look (a preview on the laptop); Enter or a
        # double click makes the stage live for the room.
        self.nav.currentItemChanged.connect(self._on_nav_current)
        self.nav.itemActivated.connect(self._on_nav_activated)
        nav_layout.addWidget(self.nav, 1)
        # Under the stages: what the room sees right now (the confidence monitor).
        self.monitor = RoomMonitor()
        nav_layout.addWidget(self.monitor)
        nav_frame.setMinimumWidth(170)
        splitter.addWidget(nav_frame)

        self.stack = QStackedWidget()
        self.stack.setObjectName("pageStack")
        self.stack.setMinimumWidth(420)
        splitter.addWidget(self.stack)

        self.side = SidePanel()
        self.side.project_finding.connect(self._project_finding)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 0)
        self.splitter = splitter
        self._split_done = False  # the first real width sets the columns (showEvent)
        root.addWidget(splitter, 1)
        self.setCentralWidget(central)

        self.save_status = QLabel("Not saved yet")
        self.save_status.setObjectName("saveStatus")
        self.save_status.setAccessibleName("Save status")
        self.statusBar().addWidget(self.save_status)
        hints = QLabel("Esc leaves a field · then Space timer, B black, PgDn next · "
                       "Ctrl+K all commands")
        hints.setObjectName("muted")
        self.statusBar().addPermanentWidget(hints)

        self._page_keys = [k for k in self.controller.stage_order() if k in PAGE_CLASSES]
        self._fill_nav()
        self.title_label.setText(self.controller.workshop.title or "Untitled session")
        self.toast = Toast(central)

    def _build_page(self, key: str) -> StagePage:
        page = PAGE_CLASSES[key](self.controller)
        # The page itself takes the focus after a stage change or PageDown, so the
        # room's keys act and nothing types into a field until the facilitator asks.
        page.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.stack.addWidget(page)
        return page

    def _release_page(self, page: StagePage) -> None:
        self.stack.removeWidget(page)
        page.hide()
        page.deleteLater()

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

    def _build_commands(self) -> None:
        """Every command of the live room, with its keys, declared once: the router acts
        on the keys, the menus and the command palette list them."""
        c = self.controller
        add = self.router.add
        self.room_commands = [
            add("Next item or stage", ("PgDown", "Right"), self.next_item),
            add("Previous item or stage", ("PgUp", "Left"), self.previous_item),
            add("Next stage", "Ctrl+PgDown", self.next_stage),
            add("Previous stage", "Ctrl+PgUp", self.previous_stage),
            add("Start or pause the timer", ("Space", "Ctrl+Space"), c.toggle_timer),
            add("Add a minute", ("+", "="), lambda: c.extend_timer(60)),
            add("Take a minute off", "-", lambda: c.extend_timer(-60)),
            add("Add five minutes", ("Ctrl+Shift+=", "Ctrl+Shift++"),
                lambda: c.extend_timer(300)),
            add("Black screen on the projector", ("B", ".", "Ctrl+B"), c.toggle_black),
            add("Timer only on the projector", ("T", "Ctrl+T"), c.toggle_timer_view),
            add("Message to the room", "Ctrl+M", self.message_to_room),
            add("Take the coach finding off the projector", "Ctrl+Shift+F",
                lambda: c.set_projected_finding("")),
            add("Show the title slide", "Ctrl+Home", c.show_title_slide),
            add("Show the stage shown here to the room", "Ctrl+L", self.go_live),
        ]
        self.window_commands = [
            add("Export handouts", "Ctrl+E", self.go_to_export),
            add("Command palette", "Ctrl+K", self.open_palette, in_palette=False),
            add("Show or hide the side panel", "F9", self.toggle_side_panel),
            add("Projector window", "F5", self.projector_requested.emit),
            add("Full screen", "F11", self.toggle_fullscreen),
            add("Presentation mode (one mirrored screen)", "Ctrl+Shift+P",
                self.presentation_requested.emit),
            # From the projector window too: with one screen it may be the one in front.
            add("Quit", "Ctrl+Q", self.quit_app, in_palette=False),
        ]

    def _command_action(self, menu, command) -> QAction:
        """A menu entry for a router command: it shows the keys; the router acts on
        them, so the entry itself has no shortcut (one key, one action)."""
        action = QAction(f"{command.name}\t{command.key_text}", self)
        action.triggered.connect(lambda _=False, cmd=command: self.router.run(cmd))
        menu.addAction(action)
        return action

    def _build_actions(self) -> None:
        c = self.controller
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self._command_action(file_menu, self.router.command("Export handouts"))
        self._action(file_menu, "Save &as…", QKeySequence.StandardKey.SaveAs, self.save_as)
        self._action(file_menu, "&Save now", QKeySequence.StandardKey.Save, c.save_now)
        file_menu.addSeparator()
        self._action(file_menu, "Back to the &library", "Ctrl+W", self.close)
        self._command_action(file_menu, self.router.command("Quit"))
        edit = bar.addMenu("&Edit")
        undo = c.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcuts(QKeySequence.StandardKey.Undo)
        redo = c.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit.addAction(undo)
        edit.addAction(redo)
        self.undo_action, self.redo_action = undo, redo
        edit.addSeparator()
        self._command_action(edit, self.router.command("Command palette"))
        room = bar.addMenu("&Room")
        for command in self.room_commands:
            self._command_action(room, command)
        view = bar.addMenu("&View")
        for name in ("Projector window", "Presentation mode (one mirrored screen)",
                     "Show or hide the side panel", "Full screen"):
            self._command_action(view, self.router.command(name))
        self._action(view, "Leave full screen", "Esc", self.leave_fullscreen,
                     context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        view.addSeparator()
        self._action(view, "&Bigger text", ["Ctrl+="],
                     lambda: self.font_size_requested.emit(+1))
        self._action(view, "&Smaller text", "Ctrl+-",
                     lambda: self.font_size_requested.emit(-1))
        themes = view.addMenu("&Theme")
        for key, title in (("light", "Light"), ("dark", "Dark"),
                           ("projector", "High contrast")):
            self._action(themes, title, None, lambda k=key: self.theme_requested.emit(k))
        self.view_menu = view

    # -- navigation -----------------------------------------------------------------------
    def _fill_nav(self) -> None:
        """The navigator's lines: stage, minutes, live and done markers. Lines are
        rewritten in place, only where their text changed: this runs after every save,
        and rebuilding the list each time cost the autosave a millisecond or more."""
        lines = self._nav_lines()
        self.nav.blockSignals(True)
        if self.nav.count() != len(lines):
            current_row = self.nav.currentRow()
            self.nav.clear()
            for key, text, tip in lines:
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, key)
                item.setToolTip(tip)
                self.nav.addItem(item)
            self.nav.setCurrentRow(max(0, current_row))
        else:
            for row, (key, text, tip) in enumerate(lines):
                item = self.nav.item(row)
                if item.text() != text:
                    item.setText(text)
                if item.data(Qt.ItemDataRole.UserRole) != key:
                    item.setData(Qt.ItemDataRole.UserRole, key)
                    item.setToolTip(tip)
        self.nav.blockSignals(False)

    def _nav_lines(self) -> list[tuple[str, str, str]]:
        """(stage key, text, tooltip) for each page, in the navigator's order."""
        ws = self.controller.workshop
        run_keys = [s.key for s in ws.stages]
        live = self.controller.live_stage_key
        lines = []
        for key in self._page_keys:
            record = ws.stage(key)
            title = stage_by_key(key).title
            marker = "▶ " if key == live else ""
            if record is not None:
                number = run_keys.index(key) + 1
                actual = self.controller.run.actual_seconds(key) / 60.0
                if actual * 60.0 >= NOT_TIMED_SECONDS:
                    minutes = f"{round(actual)} of {record.planned_minutes} min"
                elif record.state == "done":
                    # Passed without the clock running: on plan, never time banked.
                    minutes = f"not timed · {record.planned_minutes} min"
                else:
                    minutes = f"{record.planned_minutes} min"
                if not marker and record.state == "done":
                    marker = "✓ "
                text = f"{marker}{number}  {title}\n     {minutes}"
            else:
                text = f"{marker or '   '}{title}"
            lines.append((key, text, f"{title}: click to look, Enter to show the room"))
        return lines

    def _on_nav_current(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is not None:
            self.show_page(item.data(Qt.ItemDataRole.UserRole))

    def _on_nav_activated(self, item: QListWidgetItem) -> None:
        self.show_page(item.data(Qt.ItemDataRole.UserRole))
        self.go_live()

    def show_page(self, key: str) -> None:
        """Show the page of `key` on the laptop. The room does not move: when `key` is
        not the live stage, the page is marked as a preview."""
        if key not in self._page_keys:
            return
        self.viewed_key = key
        page = self.pages[key]
        self.stack.setCurrentWidget(page)
        self.pages.used(key, keep={key, self.controller.live_stage_key})
        page.refresh()
        stage = stage_by_key(key)
        self.side.set_stage(stage.prompts, stage.tips, stage.goal)
        row = self._page_keys.index(key)
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(row)
        self.nav.blockSignals(False)
        self._update_preview()
        self._update_findings()

    @property
    def previewing(self) -> bool:
        return bool(self.viewed_key) and self.viewed_key != self.controller.live_stage_key

    def _update_preview(self) -> None:
        if self.previewing:
            viewed = stage_by_key(self.viewed_key).title
            live = stage_by_key(self.controller.live_stage_key).title
            self.preview_label.setText(
                f"Preview: {viewed}. The room still sees {live}; the timer and the "
                f"schedule stay where they are.")
            self.preview_bar.show()
        else:
            self.preview_bar.hide()

    def go_live(self) -> None:
        """Make the stage shown on the laptop live for the room (undoable)."""
        if self.viewed_key and self.previewing:
            self.controller.go_to_stage(self.viewed_key)

    def current_page_key(self) -> str:
        return self.viewed_key

    def _live_page(self) -> StagePage:
        """The live stage's page, shown: the room's keys act on what the room sees."""
        key = self.controller.live_stage_key
        if self.viewed_key != key:
            self.show_page(key)
        return self.pages[key]

    def next_item(self) -> None:
        """PageDown: the next item under discussion, else the projector's next page,
        else the next stage (after the last timed stage: the wrap-up)."""
        self._step_room(+1)

    def previous_item(self) -> None:
        self._step_room(-1)

    def _step_room(self, delta: int) -> None:
        page = self._live_page()
        if page.next_item() if delta > 0 else page.previous_item():
            self.focus_page()
        elif self.projector_pager is not None and self.projector_pager(delta):
            room = self.controller.room
            self.toast.show_text(f"Projector: page {room.page + 1} of {room.page_count}")
        elif delta > 0:
            self.next_stage()
        else:
            self.previous_stage()

    def next_stage(self) -> None:
        """The next stage goes live (the controller knows the order); leaving a stage
        with open points, the coach says so in one calm line."""
        live = self.controller.live_stage_key
        advice = exit_advice(live, self.controller.findings) \
            if stage_by_key(live).timed else ""
        if not self.controller.next_stage():
            self.toast.show_text("This is the last stage")
        elif advice:
            self.statusBar().showMessage(advice, 8000)

    def previous_stage(self) -> None:
        if not self.controller.previous_stage():
            self.toast.show_text("This is the first stage")

    def go_to_export(self) -> None:
        """Ctrl+E, from anywhere: the handouts' page, on the laptop only (the room
        stays where it is)."""
        self.show_page(next(s.key for s in ALL_STAGES
                            if not s.timed and s.key in self._page_keys))

    def focus_page(self) -> None:
        """Take the keyboard out of any field: the room's keys act again."""
        page = self.stack.currentWidget()
        if page is not None:
            page.setFocus(Qt.FocusReason.OtherFocusReason)

    def leave_field(self, field: QWidget) -> None:
        """Esc in a field: the typing is kept; the keys go back to the room."""
        del field
        self.focus_page()
        self.toast.show_text("Left the field: Space, B and PgDn act on the room again")

    def start_typing(self) -> None:
        """Enter on the page: into the item under discussion, else the first field."""
        page = self.stack.currentWidget()
        if not isinstance(page, StagePage):
            return
        discussed = page.discussed_item
        if discussed is not None:
            page.go_to_item(discussed)
        else:
            page.focus_first()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._split_done:
            self._split_done = True
            QTimer.singleShot(0, self._split_columns)

    def _split_columns(self) -> None:
        """The page gets the room: the stage list and the side panel take a modest share
        of the width (about a sixth and a fifth), never less than they need."""
        width = max(self.splitter.width(), 600)
        nav = max(NAV_MIN_WIDTH, round(width * 0.16))
        side = max(self.side.minimumWidth(), round(width * 0.2))
        self.splitter.setSizes([nav, max(300, width - nav - side), side])

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # Enter that no widget took (the page itself has the focus after a stage change
        # or PageDown) starts typing; on the navigator Enter makes its stage live.
        # Space belongs to the room, so a focused button or check box takes Enter.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                event.modifiers() == Qt.KeyboardModifier.NoModifier:
            focus = QApplication.focusWidget()
            if isinstance(focus, QAbstractButton) and focus.isEnabled():
                focus.click()
                return
            if not is_text_input(focus):  # a field's own Enter (add the next row) stays
                self.start_typing()
                return
        super().keyPressEvent(event)

    def toggle_side_panel(self) -> None:
        self.side.setVisible(not self.side.isVisible())

    # -- undo -----------------------------------------------------------------------------
    def undo(self) -> None:
        """Ctrl+Z anywhere takes back the session's last step (typing, an added key
        result, a stage move), never only a field's own letters."""
        stack = self.controller.undo_stack
        if not stack.canUndo():
            self.toast.show_text("Nothing to undo")
            return
        text = stack.undoText()
        stack.undo()
        self.toast.show_text(f"Undone: {text}")

    def redo(self) -> None:
        stack = self.controller.undo_stack
        if not stack.canRedo():
            self.toast.show_text("Nothing to redo")
            return
        text = stack.redoText()
        stack.redo()
        self.toast.show_text(f"Redone: {text}")

    # -- the room -------------------------------------------------------------------------
    def _project_finding(self, finding) -> None:
        if finding is None:
            self.controller.set_projected_finding("")
            return
        subject = self.controller.workshop.texts_by_id().get(finding.subject_id, "")
        self.controller.set_projected_finding(finding.question or finding.message,
                                              subject, finding.code, finding.subject_id)

    def message_to_room(self) -> None:
        """Ctrl+M: type a short message for the room; Ctrl+M again takes it down."""
        c = self.controller
        if c.room.message:
            c.clear_message()
            return
        text, ok = QInputDialog.getText(
            self, "Message to the room",
            "A short message for the projector, e.g. \u201cBreak until 10:40\u201d.\n"
            "Ctrl+M takes it down again.")
        if ok and text.strip():
            style = MESSAGE_FULL if len(text.strip()) <= 40 else MESSAGE_BANNER
            c.show_message(text.strip()[:200], style)

    def open_palette(self) -> None:
        from workshop.ui.palette import CommandPalette

        palette = CommandPalette(self.controller, self.router, self.viewed_key, self)
        palette.exec()

    def _feedback(self, name: str) -> None:
        """What a room key did, said on the laptop, where the facilitator looks."""
        c = self.controller
        room = c.room
        timer = c.run.timer
        text = {
            "Start or pause the timer": "Timer running" if timer.running else "Timer paused",
            "Add a minute": f"One more minute: {format_mmss(timer.remaining())} left",
            "Take a minute off": f"One minute less: {format_mmss(timer.remaining())} left",
            "Add five minutes": f"Five more minutes: {format_mmss(timer.remaining())} left",
            "Black screen on the projector":
                "Projector black" if room.black else "Projector shows the room again",
            "Timer only on the projector":
                "Projector: timer only" if room.view == VIEW_TIMER else "Projector: slide",
            "Show the title slide": "Projector: title slide",
            "Take the coach finding off the projector": "Coach finding taken down",
        }.get(name)
        if text:
            self.toast.show_text(text)

    def _on_room_changed(self) -> None:
        room = self.controller.room
        self.monitor.show_room(stage_by_key(self.controller.live_stage_key).title,
                               room.badges, room.finding.subject if room.finding else "")
        finding = room.finding
        self.side.set_projected(finding.message if finding else "",
                                finding.subject_id if finding else "")
        self._fill_nav_if_live_moved()
        self._update_preview()
        self._schedule_monitor_picture()

    def _fill_nav_if_live_moved(self) -> None:
        live = self.controller.live_stage_key
        if self._nav_live != live:
            self._nav_live = live
            self._fill_nav()

    def _schedule_monitor_picture(self) -> None:
        """Retake the projector's picture once things settle: a burst of typing costs
        one picture, not one a key."""
        if self.projector_picture is None:
            self.monitor.set_picture(None)
            return
        self._monitor_timer.start()

    def _refresh_monitor_picture(self) -> None:
        if self.projector_picture is not None:
            self.monitor.set_picture(self.projector_picture())

    def projector_controls(self, settings):
        """The projector's menu entries and window for this session, made once: the
        projector's settings go in our View menu, and each projector window it opens is
        introduced to this window (attach_projector)."""
        if self._projector_controls is None:
            from workshop.ui.audience import ProjectorControls

            self._projector_controls = ProjectorControls(self.controller, self.view_menu,
                                                         settings, self)
            self._projector_controls.opened.connect(self.attach_projector)
        return self._projector_controls

    def open_projector(self, settings):
        """F5: the projector window on the other screen (a normal window with one)."""
        window, single_screen = self.projector_controls(settings).open_on_projector(
            self.screen())
        if single_screen:
            self.statusBar().showMessage(
                "One screen: the projector view opened as a window. If the projector "
                "mirrors this screen, Presentation mode (Ctrl+Shift+P) shows the room's "
                "view with a strip of controls instead.", 15000)
        return window

    def open_presentation(self, settings):
        """Ctrl+Shift+P: the room's view on this screen, with a strip of controls."""
        return self.projector_controls(settings).open_presentation(self.screen())

    def attach_projector(self, audience: AudienceWindow) -> None:
        """Introduced by the app to the projector window: it takes the room's keys
        through our router, PageDown pages through it, and the room monitor shows it."""
        self.router.register(audience)
        self.projector_pager = audience.page_step
        # Drawn at twice the monitor's width, then shrunk smoothly: small text stays soft.
        self.projector_picture = lambda: audience.picture(MONITOR_WIDTH * 2)
        audience.destroyed.connect(self._projector_gone)
        self._on_room_changed()

    def _projector_gone(self, *_: object) -> None:
        self.projector_pager = None
        self.projector_picture = None
        self.monitor.set_picture(None)

    # -- reacting to the controller ---------------------------------------------------------
    def _on_changed(self, kind: str, ident: str) -> None:
        page = self.stack.currentWidget()
        if isinstance(page, StagePage):
            page.refresh(kind, ident)  # the page redraws only what the change names
        if kind == "workshop":
            self.title_label.setText(self.controller.workshop.title or "Untitled session")
            self.setWindowTitle(
                f"{self.controller.workshop.title or 'Untitled'} · OKR Workshop")
        self._schedule_monitor_picture()

    def _on_stage_changed(self, key: str) -> None:
        self._fill_nav()
        self.show_page(key)
        self.focus_page()
        self.toast.show_text(f"Live: {stage_by_key(key).title}")

    def _update_findings(self) -> None:
        page = self.stack.currentWidget()
        findings = list(page.findings()) if isinstance(page, StagePage) else []
        # One pass over the session names every finding's item.
        texts = self.controller.workshop.texts_by_id() if any(
            f.subject_id for f in findings) else {}
        self.side.set_findings(findings, lambda subject_id: texts.get(subject_id, ""))

    def _schedule_tick(self) -> None:
        """The next wake-up: when the shown second changes, only while time runs."""
        timer = self.controller.run.timer
        if not self._ticking or not timer.running:
            self.tick_timer.stop()
            return
        remaining = timer.remaining()
        until_change = remaining - math.floor(remaining)  # also right in overtime
        delay = round(until_change * 1000) + TICK_MARGIN_MS
        self.tick_timer.start(delay if delay > TICK_MARGIN_MS * 2 else 1000)

    def _update_timer(self) -> None:
        timed = stage_by_key(self.controller.live_stage_key).timed
        for widget in self._timer_widgets:
            widget.setVisible(timed)
        if not timed:
            return  # the wrap-up and the retro have no stage timer
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
        # The schedule reads in minutes: worked out again when the clock is started,
        # paused or extended, or every few seconds, not on every tick.
        moment = (run.current_key, timer.running, timer.duration,
                  int(self.controller.clock.wall() // SCHEDULE_EVERY_S))
        if moment != self._schedule_moment:
            self._schedule_moment = moment
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
        """F11: full screen for the window it is pressed in (this one or the projector)."""
        target = QApplication.activeWindow()
        if target not in self.router.windows:
            target = self
        if target.isFullScreen():
            target.showNormal()
        else:
            target.showFullScreen()

    def leave_fullscreen(self) -> None:
        if self.isFullScreen():
            self.showNormal()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if not self._may_close():
            event.ignore()
            return
        # An export still being written finishes first (a second or two at most): its
        # file must not be left half-written, nor its result sent to a closed page.
        QThreadPool.globalInstance().waitForDone(60_000)
        QApplication.processEvents()
        self.tick_timer.stop()
        self.router.unregister(self)
        self.closed.emit()
        super().closeEvent(event)

    def quit_app(self) -> None:
        """Ctrl+Q: save, close the session (asking first only if saving failed), quit."""
        if self.close():
            self.quit_requested.emit()

    def _may_close(self) -> bool:
        """Never close on edits the file has not got without an explicit choice.

        When the database cannot take them (disk full, file or folder gone), they are
        first kept as a recovery copy in the user's data folder, which the app offers
        back on its next start; then the facilitator chooses."""
        c = self.controller
        if c.store is None or c.save_now() or not c.dirty:
            return True
        from workshop.exchange import UserError, write_recovery_copy

        try:
            kept = f"A recovery copy was kept in {write_recovery_copy(c.workshop, c.store.path)}" \
                   f"; the app offers it back when it next starts."
        except UserError as exc:
            kept = f"Not even a recovery copy could be kept ({exc})."
        choice = self.ask_on_close(
            "Your last edits are not saved",
            f"The session could not be saved to {c.store.path}: {c.save_error}\n\n{kept}",
            ["Keep working", "Save as…", "Close anyway"])
        if choice == 1:
            self.save_as()
            return c.save_error == "" and not c.dirty
        return choice == 2

    def ask_on_close(self, title: str, text: str, options: list[str]) -> int:
        """Which of `options` the facilitator chose (the first one is the default and
        what Esc means). Tests answer instead of a person."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self)
        buttons = [box.addButton(o, QMessageBox.ButtonRole.AcceptRole) for o in options]
        box.setDefaultButton(buttons[0])
        box.setEscapeButton(buttons[0])
        box.exec()
        clicked = box.clickedButton()
        return buttons.index(clicked) if clicked in buttons else 0


class _PageCache(dict):
    """Stage pages by key, each built on first use; beyond `kept` pages (and those the
    caller asks to keep), the least recently used is released."""

    def __init__(self, build: Callable[[str], StagePage],
                 release: Callable[[StagePage], None], kept: int) -> None:
        super().__init__()
        self._build = build
        self._release = release
        self._kept = kept
        self._recent: list[str] = []  # least recently used first

    def __missing__(self, key: str) -> StagePage:
        page = self._build(key)
        self[key] = page
        return page

    def used(self, key: str, keep: set[str]) -> None:
        if key in self._recent:
            self._recent.remove(key)
        self._recent.append(key)
        spare = [k for k in self._recent if k in self and k not in keep]
        for old in spare[:max(0, len(spare) - self._kept)]:
            self._recent.remove(old)
            self._release(self.pop(old))


class Toast(QLabel):
    """A short line of feedback over the bottom of the window ("Timer paused"): every
    room key answers on the laptop, without a dialog and without taking the focus."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("toast")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setAccessibleName("Feedback")
        self._hide_timer = QTimer(self)
        self._hide_timer.setSingleShot(True)
        self._hide_timer.setInterval(TOAST_MS)
        self._hide_timer.timeout.connect(self.hide)
        self.hide()

    def show_text(self, text: str) -> None:
        self.setText(text)
        self.adjustSize()
        parent = self.parentWidget()
        width = min(self.sizeHint().width() + 32, max(200, parent.width() - 40))
        self.resize(width, self.sizeHint().height() + 14)
        self.move(QPoint((parent.width() - width) // 2,
                         parent.height() - self.height() - 24))
        self.raise_()
        self.show()
        self._hide_timer.start()


class RoomMonitor(QFrame):
    """The confidence monitor: what the room sees right now, on the laptop.

    The live stage, plain badges for anything unusual (BLACK, FINDING ON SCREEN,
    PAGE 2/3, TIMER ONLY, MESSAGE) and, while the projector is open, its picture."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roomMonitor")
        self.setAccessibleName("What the room sees")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        self.stage_label = QLabel()
        self.stage_label.setObjectName("monitorStage")
        self.stage_label.setTextFormat(Qt.TextFormat.PlainText)
        self.stage_label.setWordWrap(True)
        layout.addWidget(self.stage_label)
        self.picture = QLabel()
        self.picture.setObjectName("monitorPicture")
        self.picture.setFixedSize(MONITOR_WIDTH, MONITOR_WIDTH * 9 // 16)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setWordWrap(True)
        layout.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignHCenter)
        self.badges_label = QLabel()
        self.badges_label.setObjectName("monitorBadges")
        self.badges_label.setTextFormat(Qt.TextFormat.PlainText)
        self.badges_label.setWordWrap(True)
        layout.addWidget(self.badges_label)
        self.set_picture(None)

    def show_room(self, stage_title: str, badges: tuple[str, ...], finding_subject: str) -> None:
        self.stage_label.setText(f"The room sees: {stage_title}")
        words = list(badges)
        if finding_subject and "FINDING ON SCREEN" in words:
            words[words.index("FINDING ON SCREEN")] = \
                f"FINDING ON SCREEN: {elided(finding_subject, 40)}"
        self.badges_label.setText(" · ".join(words))
        self.badges_label.setVisible(bool(words))
        black = "BLACK" in badges
        if self.property("black") != black:
            self.setProperty("black", black)
            self.style().unpolish(self)
            self.style().polish(self)
            for label in self.findChildren(QLabel):
                label.style().unpolish(label)
                label.style().polish(label)

    def set_picture(self, pixmap: QPixmap | None) -> None:
        if pixmap is None or pixmap.isNull():
            self.picture.setPixmap(QPixmap())
            self.picture.setText("Projector closed\n(F5 opens it)")
            return
        self.picture.setText("")
        self.picture.setPixmap(pixmap.scaled(
            self.picture.size(), Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation))


class ElidedLabel(QLabel):
    """One line of plain text that ends in "…" when the window is too narrow for it,
    instead of being cut mid-word; the whole text is in the tooltip."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._full = ""
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight,
                                              max(10, self.width()))
        super().setText(shown)

"""The SessionController: the one owner of the open workshop.

Data flows one way: a widget asks the controller for an edit; the controller applies it
to the model through a QUndoCommand (so Ctrl+Z works everywhere, stage changes
included), schedules a debounced autosave, and emits `changed`, on which the widgets
redraw. Widgets never write to the model or the store themselves.

Entities are addressed by (kind, id) rather than by object reference, because undoing
a structural edit may replace objects: an address still finds the right one.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from workshop.clock import Clock
from workshop.flows.room import (
    MESSAGE_BANNER,
    VIEW_STAGE,
    VIEW_TIMER,
    VIEW_TITLE,
    ProjectedFinding,
    RoomState,
)
from workshop.flows.run import RunSnapshot, WorkshopRun
from workshop.flows.stages import ALL_STAGES, exit_findings, stage_by_key
from workshop.model import Workshop
from workshop.store import Store, StoreError

AUTOSAVE_DELAY_MS = 500
RETRY_DELAY_MS = 5000
# The coach re-reads the session this long after the last edit: soon after a pause, but
# not between the keys of someone typing (4 keys a second is 250 ms a key).
FINDINGS_DELAY_MS = 400

Address = tuple[str, str]  # (kind, id): ("kr", "ab12..."), ("workshop", "")


class TimerFactory:
    """Makes the QTimers the controller uses; tests replace it to fire timers by hand."""

    def single_shot_timer(self, parent: QObject, interval_ms: int,
                          callback: Callable[[], None]) -> Any:
        timer = QTimer(parent)
        timer.setSingleShot(True)
        timer.setInterval(interval_ms)
        timer.timeout.connect(callback)
        return timer


def locate(ws: Workshop, address: Address) -> Any:
    """The model object at `address`; KeyError when it is gone."""
    kind, ident = address
    if kind == "workshop":
        return ws
    if kind == "context":
        return ws.context
    if kind == "cadence":
        return ws.cadence
    if kind == "retro":
        return ws.retro
    if kind == "participant":
        items: list[Any] = ws.participants
    elif kind == "strategy":
        items = ws.context.strategies
    elif kind == "objective":
        items = ws.objectives
    elif kind == "kr":
        items = [kr for o in ws.objectives for kr in o.key_results]
    elif kind == "action":
        items = [a for o in ws.objectives for kr in o.key_results for a in kr.actions]
    elif kind == "checklist":
        for c in ws.checklist:
            if str(c.question) == ident:
                return c
        raise KeyError(address)
    else:
        raise KeyError(address)
    for item in items:
        if item.id == ident:
            return item
    raise KeyError(address)


class SetFieldCommand(QUndoCommand):
    """Set one field of one entity. Consecutive typing into the same field merges into
    one undo step, so Ctrl+Z takes back a word, not a letter.

    The merging is ours (`absorb`), not Qt's id()/mergeWith(): PySide6 6.12 drops a
    reference to None on every Python mergeWith() call, so after a few thousand
    keystrokes the interpreter dies ("deallocating None")."""

    def __init__(self, controller: SessionController, address: Address, field: str,
                 value: Any, text: str) -> None:
        super().__init__(text)
        self.controller = controller
        self.address = address
        self.field = field
        self.new = value
        self.old = getattr(locate(controller.workshop, address), field)

    def absorb(self, address: Address, field: str, value: Any) -> bool:
        """Take the next edit of the same field into this step (and apply it); False
        when it must be a step of its own."""
        if (address, field) != (self.address, self.field):
            return False
        if isinstance(self.new, list) and isinstance(value, list):
            # Typing inside one item of a list (a value, a why-answer) merges; adding
            # or removing an item is a step of its own.
            if len(self.new) != len(value):
                return False
        elif isinstance(self.new, dict) and isinstance(value, dict):
            if self.new.keys() != value.keys():  # likewise for a draft's fields
                return False
        elif not (isinstance(self.new, str) and isinstance(value, str)):
            return False  # a toggle or a number is one deliberate step each
        self.new = value
        self.redo()
        return True

    def redo(self) -> None:
        setattr(locate(self.controller.workshop, self.address), self.field, self.new)
        self.controller._after_edit(self.address)

    def undo(self) -> None:
        setattr(locate(self.controller.workshop, self.address), self.field, self.old)
        self.controller._after_edit(self.address)


class SnapshotCommand(QUndoCommand):
    """A structural edit (add, remove, move, rewrite) undone by restoring the whole
    workshop as it was. Sessions are small (a large one deep-copies in about a
    millisecond), and this keeps every structural edit exactly reversible."""

    def __init__(self, controller: SessionController, text: str,
                 mutate: Callable[[Workshop], Any]) -> None:
        super().__init__(text)
        self.controller = controller
        self.mutate = mutate
        self.before: Workshop | None = None
        self.after: Workshop | None = None
        self.result: Any = None

    def redo(self) -> None:
        c = self.controller
        if self.after is None:
            self.before = copy.deepcopy(c.workshop)
            self.result = self.mutate(c.workshop)
            self.after = copy.deepcopy(c.workshop)
        else:
            c._replace_workshop(copy.deepcopy(self.after))
        c._after_edit(("workshop", ""), structural=True)

    def undo(self) -> None:
        assert self.before is not None
        self.controller._replace_workshop(copy.deepcopy(self.before))
        self.controller._after_edit(("workshop", ""), structural=True)


class StageCommand(QUndoCommand):
    """A move between stages; undo puts the stage, its timer and the room's untimed
    stage (wrap-up or retro) back as they were."""

    def __init__(self, controller: SessionController, text: str,
                 move: Callable[[WorkshopRun], RunSnapshot | None],
                 untimed: str = "") -> None:
        super().__init__(text)
        self.controller = controller
        self.move = move
        self.before: RunSnapshot | None = None
        self.after: RunSnapshot | None = None
        self.untimed = untimed
        self.untimed_before = controller.room.untimed_stage

    def redo(self) -> None:
        run = self.controller.run
        if self.after is None:
            self.before = self.move(run)
            self.after = run.snapshot()
        else:
            run.restore(self.after)
        self.controller._after_stage_change(self.untimed)

    def undo(self) -> None:
        if self.before is not None:
            self.controller.run.restore(self.before)
        self.controller._after_stage_change(self.untimed_before)


class SessionController(QObject):
    """Owns the open workshop, its run (the live stage and its timer), the room state,
    the coach's findings, the undo stack and autosave."""

    changed = Signal(str, str)  # kind, id of what changed ("workshop", "" = anything)
    stage_changed = Signal(str)  # the new live stage key
    timer_changed = Signal()  # started, paused, extended, or a tick moved the display
    timer_event = Signal(str)  # "warning" / "time_up", once each per stage run
    saved = Signal(str)  # "HH:MM:SS" of the last successful save
    save_failed = Signal(str)  # the message; the edits stay in memory and are retried
    room_changed = Signal()  # the room state (black, page, finding, message...) changed
    findings_changed = Signal()  # the coach re-read the session

    def __init__(self, workshop: Workshop, store: Store | None, clock: Clock,
                 timer_factory: TimerFactory | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workshop = workshop
        self.store = store
        self.clock = clock
        self.run = WorkshopRun(workshop, clock)
        self.undo_stack = QUndoStack(self)
        # True from an edit until it is in the file: closing with unsaved edits asks.
        self.dirty = False
        # What changed since the last save: typed fields by address, so a save writes
        # their rows only; None when a structural edit (or a stage move) needs a whole
        # save. The first save after opening is a whole one.
        self._unsaved: dict[Address, None] | None = None
        self.last_saved: str = ""
        self.save_error: str = ""
        # Before the first stage starts the room sees the title slide, not a timer.
        self.room = RoomState(view=VIEW_TITLE if workshop.started_at is None
                              else VIEW_STAGE)
        self._findings: list[Any] = []
        self._findings_stale = True
        factory = timer_factory or TimerFactory()
        self._autosave = factory.single_shot_timer(self, AUTOSAVE_DELAY_MS, self.save_now)
        self._retry = factory.single_shot_timer(self, RETRY_DELAY_MS, self.save_now)
        self._findings_timer = factory.single_shot_timer(self, FINDINGS_DELAY_MS,
                                                         self.refresh_findings)

    # -- reading --------------------------------------------------------------------------
    def get(self, address: Address) -> Any:
        return locate(self.workshop, address)

    @property
    def current_stage(self) -> str:
        """The run's current timed stage (the one its timer belongs to)."""
        return self.run.current_key

    @property
    def live_stage_key(self) -> str:
        """The stage the room sees: the run's current stage, or the wrap-up or retro."""
        return self.room.untimed_stage or self.run.current_key

    # -- edits ----------------------------------------------------------------------------
    def set_field(self, address: Address, field: str, value: Any, text: str = "") -> None:
        """Change one field (undoable); a no-op when the value is unchanged."""
        try:
            current = getattr(self.get(address), field)
        except KeyError:
            return
        if current == value:
            return
        stack = self.undo_stack
        if stack.count() and stack.index() == stack.count():  # nothing to redo above
            top = stack.command(stack.count() - 1)
            if isinstance(top, SetFieldCommand) and top.absorb(address, field, value):
                return
        stack.push(SetFieldCommand(self, address, field, value,
                                   text or f"Edit {field.replace('_', ' ')}"))

    def apply(self, text: str, mutate: Callable[[Workshop], Any]) -> Any:
        """Run a structural edit (undoable as one step) and return what `mutate` returns."""
        command = SnapshotCommand(self, text, mutate)
        self.undo_stack.push(command)
        return command.result

    def edit(self, operation: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Apply a named edit of `workshop.edits` as one undoable step, named in the Edit
        menu by the operation's label; returns what the operation returns."""
        label = getattr(operation, "label", "") or \
            operation.__name__.replace("_", " ").capitalize()
        return self.apply(label, lambda ws: operation(ws, *args, **kwargs))

    def _replace_workshop(self, ws: Workshop) -> None:
        # Keep the same Workshop object (the run and the windows hold it) and swap its
        # contents: undo must not leave anybody with a stale reference.
        for name in ws.__dataclass_fields__:
            if name in ("current_stage", "stages", "started_at"):
                continue  # the stage and timer belong to the run, undone by StageCommand
            setattr(self.workshop, name, getattr(ws, name))

    def _after_edit(self, address: Address, *, structural: bool = False) -> None:
        if structural:
            self._unsaved = None
        elif self._unsaved is not None:
            self._unsaved[address] = None
        self.dirty = True
        self.schedule_save()
        self._findings_stale = True
        self._findings_timer.start()
        self.changed.emit(address[0], address[1])

    # -- the coach ------------------------------------------------------------------------
    def refresh_findings(self) -> list[Any]:
        """Run the coach over the whole session once (debounced after edits) and tell
        the windows; every page and the side panel read the same list."""
        from workshop.coach import check_workshop  # the coach loads on first use

        self._findings_timer.stop()
        today = datetime.fromtimestamp(self.clock.wall()).date()
        self._findings = check_workshop(self.workshop, today)
        self._findings_stale = False
        self.findings_changed.emit()
        return self._findings

    @property
    def findings(self) -> list[Any]:
        """Every finding of the coach on the session as it is now (re-read first when an
        edit came since the last reading)."""
        if self._findings_stale:
            self.refresh_findings()
        return self._findings

    def stage_findings(self, stage_key: str) -> list[Any]:
        """The findings worth a look in this stage, by the stage's own exit checks."""
        try:
            return exit_findings(stage_key, self.findings)
        except KeyError:
            return []

    # -- stages and timer -----------------------------------------------------------------
    def stage_order(self) -> list[str]:
        """Every stage of this session in order: the agenda's timed stages, then the
        stages without a timer (the wrap-up, the retro)."""
        return [s.key for s in self.workshop.stages] + \
            [s.key for s in ALL_STAGES if not s.timed]

    def next_stage(self) -> bool:
        """The next stage goes live (after the last timed one, the wrap-up; the retro is
        opened on purpose, not paged to). False at the end of the line."""
        order = [k for k in self.stage_order() if stage_by_key(k).paged_to]
        live = self.live_stage_key
        if live not in order or order.index(live) + 1 >= len(order):
            return False
        self.go_to_stage(order[order.index(live) + 1])
        return True

    def previous_stage(self) -> bool:
        order = self.stage_order()
        live = self.live_stage_key
        if live not in order or order.index(live) == 0:
            return False
        self.go_to_stage(order[order.index(live) - 1])
        return True

    def go_to_stage(self, key: str) -> None:
        """Make the stage `key` live in the room, as one undoable step.

        The wrap-up and the retro have no timer: going there pauses the stage timer, and
        from the last timed stage it ends the run, so no stage keeps collecting time."""
        stage = stage_by_key(key)
        if key == self.live_stage_key:
            return
        if stage.timed:
            self.undo_stack.push(StageCommand(self, f"Go to {stage.title}",
                                              lambda r: r.go_to(key)))
            return

        def leave_timed_stages(run: WorkshopRun) -> RunSnapshot:
            before = run.snapshot()
            if run.current_index == run.stage_count - 1:
                run.finish()
            else:
                run.timer.pause()
            return before

        self.undo_stack.push(StageCommand(self, f"Go to {stage.title}", leave_timed_stages,
                                          untimed=key))

    def _after_stage_change(self, untimed: str = "") -> None:
        self.room = self.room.after_stage_change().with_changes(untimed_stage=untimed)
        self._unsaved = None  # a stage move can restore the stage records wholesale
        self.dirty = True
        self.save_now()
        self.stage_changed.emit(self.live_stage_key)
        self.timer_changed.emit()
        self.room_changed.emit()

    def toggle_timer(self) -> None:
        self.run.start_workshop()
        self.run.timer.toggle()
        if self.room.view == VIEW_TITLE:  # the title slide gives way once time runs
            self._set_room(view=VIEW_STAGE)
        self._timer_action()

    def extend_timer(self, seconds: float) -> None:
        self.run.timer.extend(seconds)
        self._timer_action()

    def reset_timer(self) -> None:
        self.run.timer.reset()
        self._timer_action()

    def _timer_action(self) -> None:
        self.dirty = True
        self.save_now()
        self.timer_changed.emit()

    def tick(self) -> list[str]:
        """Called by the window's display timer; fires the timer's events once each."""
        events = self.run.tick()
        for event in events:
            self.timer_event.emit(event)
        self.timer_changed.emit()
        return events

    # -- the room -------------------------------------------------------------------------
    # The room state is replaced, never mutated, so windows can tell what changed.
    def _set_room(self, **changes: Any) -> None:
        room = self.room.with_changes(**changes)
        if room != self.room:
            self.room = room
            self.room_changed.emit()

    @property
    def projector_black(self) -> bool:
        return self.room.black

    @property
    def focus_item(self) -> Address | None:
        return self.room.focus_item

    @property
    def projected_finding(self) -> str:
        return self.room.finding.message if self.room.finding else ""

    def set_projected_finding(self, message: str, subject: str = "",
                              code: str = "", subject_id: str = "") -> None:
        """Put one coach finding on the projector ("" takes it down)."""
        message = message.strip()
        self._set_room(finding=ProjectedFinding(message, subject.strip(), code, subject_id)
                       if message else None)

    def set_focus_item(self, address: Address | None) -> None:
        """The item under discussion: the projector highlights it."""
        self._set_room(focus_item=address)

    def set_projector_page(self, page: int, page_count: int) -> None:
        """The projector reports which page of the slide it shows."""
        self._set_room(page=page, page_count=max(1, page_count))

    def toggle_black(self) -> None:
        self._set_room(black=not self.room.black)

    def toggle_timer_view(self) -> None:
        """The timer alone, filling the screen, and back to the slide."""
        self._set_room(view=VIEW_STAGE if self.room.view == VIEW_TIMER else VIEW_TIMER)

    def show_title_slide(self) -> None:
        self._set_room(view=VIEW_TITLE)

    def show_stage(self) -> None:
        self._set_room(view=VIEW_STAGE)

    def show_message(self, text: str, style: str = MESSAGE_BANNER) -> None:
        """A short message to the room ("Break until 10:40"); "" clears it."""
        self._set_room(message=text.strip(), message_style=style)

    def clear_message(self) -> None:
        self._set_room(message="")

    # -- saving ---------------------------------------------------------------------------
    def schedule_save(self) -> None:
        """Save within AUTOSAVE_DELAY_MS of the first unsaved edit.

        A running countdown is not restarted: restarting on every key would put the
        save off for as long as someone keeps typing, and a crash would then lose
        everything typed since the last pause."""
        if not self._autosave.isActive():
            self._autosave.start()

    def save_now(self) -> bool:
        """Save at once (stage change, timer action, close). False when it failed: the
        edits stay in memory, a retry is scheduled, and `save_failed` says why."""
        self._autosave.stop()
        if self.store is None:
            return False
        self.run.sync()
        try:
            self._write()
        except StoreError as exc:
            self.save_error = str(exc)
            self._retry.start()
            self.save_failed.emit(self.save_error)
            return False
        self.dirty = False
        self._unsaved = {}
        self.save_error = ""
        self._retry.stop()
        self.last_saved = datetime.fromtimestamp(self.clock.wall()).strftime("%H:%M:%S")
        self.saved.emit(self.last_saved)
        return True

    def _write(self) -> None:
        """A whole save after structural edits, else only the rows typing changed."""
        assert self.store is not None
        if self._unsaved is None:
            self.store.save(self.workshop)
            return
        changed = []
        for address in self._unsaved:
            try:
                changed.append((address[0], locate(self.workshop, address)))
            except KeyError:
                continue  # removed since (that removal was structural: a whole save)
        self.store.save_changes(self.workshop, changed)

    def switch_store(self, store: Store) -> bool:
        """Save as: keep working on another database file (a whole save there)."""
        self.store = store
        self._unsaved = None
        return self.save_now()

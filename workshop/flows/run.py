"""A workshop in progress: which stage we are in, its timer, and the time each stage took.

`WorkshopRun` wraps the Workshop being edited; everything it knows lives in the
workshop's `stages`, `current_stage` and `started_at`, so saving the workshop saves the
run and a reopened session resumes where it was. Call `sync()` before every save.

Stage moves hand back a snapshot of the state before the move, and `restore(snapshot)`
undoes the move: the stage, its timer and the recorded times return as they were, and
the seconds that passed since then count for the restored stage, because that is the
stage the room was really in.

Time on a stage is wall time (measured on the monotonic clock) while it is the current
stage of a started workshop, whether or not its timer runs: "planned 25, took 31" means
31 minutes of the room's day. A stage visited twice adds both visits up.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from workshop.clock import Clock
from workshop.flows.agenda import Schedule, compute_schedule, ensure_stages
from workshop.flows.agenda import move_minutes as move_planned_minutes
from workshop.flows.stages import Stage, stage_by_key
from workshop.flows.timer import StageTimer
from workshop.model import STAGE_CURRENT, STAGE_DONE, STAGE_PENDING, StageRecord, Workshop

LIVE_WINDOW_S = 12 * 3600.0
"""A session reopened this long after its start is being looked back on, not run: its
stages stop collecting time."""


@dataclass(frozen=True)
class RunSnapshot:
    """The run as it was at one moment, enough to undo a stage move."""

    current_index: int
    current_key: str
    stages: tuple[StageRecord, ...]
    taken_mono: float
    was_live: bool


class WorkshopRun:
    """The live state of one workshop: current stage, its timer, stage moves and undo."""

    def __init__(self, workshop: Workshop, clock: Clock) -> None:
        ensure_stages(workshop)
        self.workshop = workshop
        self.clock = clock
        keys = [s.key for s in workshop.stages]
        if workshop.current_stage in keys:
            self._index = keys.index(workshop.current_stage)
        else:
            marked = [i for i, s in enumerate(workshop.stages) if s.state == STAGE_CURRENT]
            self._index = marked[0] if marked else 0
        finished = all(s.state == STAGE_DONE for s in workshop.stages)
        if not finished:
            self._mark_states()
        workshop.current_stage = keys[self._index]
        self._timer = self._timer_for(self.current_record)
        # Time counts only while the workshop is live: started, not finished, and not
        # reopened long after the day itself (a retro weeks later must not add weeks).
        live = (workshop.started_at is not None and not finished
                and clock.wall() - workshop.started_at < LIVE_WINDOW_S)
        self._visit_mono: float | None = clock.monotonic() if live else None

    # -- reading ------------------------------------------------------------------------
    @property
    def current_index(self) -> int:
        return self._index

    @property
    def current_key(self) -> str:
        return self.workshop.stages[self._index].key

    @property
    def current_record(self) -> StageRecord:
        return self.workshop.stages[self._index]

    @property
    def current_stage(self) -> Stage:
        """The stage's texts (title, prompts, audience question ...)."""
        return stage_by_key(self.current_key)

    @property
    def stage_count(self) -> int:
        return len(self.workshop.stages)

    @property
    def timer(self) -> StageTimer:
        """The current stage's timer."""
        return self._timer

    @property
    def started(self) -> bool:
        return self.workshop.started_at is not None

    @property
    def finished(self) -> bool:
        return all(s.state == STAGE_DONE for s in self.workshop.stages)

    def can_advance(self) -> bool:
        return self._index < self.stage_count - 1

    def can_go_back(self) -> bool:
        return self._index > 0

    def actual_seconds(self, key: str) -> float:
        """Seconds spent on a stage so far, including the visit in progress."""
        record = self.workshop.stage(key)
        if record is None:
            raise KeyError(f"this agenda has no stage {key!r}")
        extra = 0.0
        if key == self.current_key and self._visit_mono is not None:
            extra = max(0.0, self.clock.monotonic() - self._visit_mono)
        return record.actual_seconds + extra

    def schedule(self) -> Schedule:
        """The schedule as of now (syncs first, so the timer's state is current)."""
        self.sync()
        return compute_schedule(self.workshop, self.clock.wall())

    # -- acting -------------------------------------------------------------------------
    def start_workshop(self) -> None:
        """Mark the workshop as started now (once); stages begin collecting time."""
        if self.workshop.started_at is None:
            self.workshop.started_at = self.clock.wall()
            self._visit_mono = self.clock.monotonic()

    def start_timer(self) -> None:
        """Start the current stage's timer, starting the workshop too if needed."""
        self.start_workshop()
        self._timer.start()

    def tick(self) -> list[str]:
        """Timer events that became due ("warning", "time_up"); see StageTimer.tick."""
        return self._timer.tick()

    def advance(self) -> RunSnapshot | None:
        """Move to the next stage; returns the state before the move, None at the end.

        If the timer was running, the next stage's timer starts at once: the room keeps
        working, and the clock keeps up with it.
        """
        if not self.can_advance():
            return None
        return self._move_to(self._index + 1)

    def go_back(self) -> RunSnapshot | None:
        """Move to the previous stage (its timer as it was left); None at the start."""
        if not self.can_go_back():
            return None
        return self._move_to(self._index - 1)

    def go_to(self, key: str) -> RunSnapshot:
        """Jump to any stage; KeyError for a stage not on this agenda."""
        keys = [s.key for s in self.workshop.stages]
        if key not in keys:
            raise KeyError(f"this agenda has no stage {key!r}")
        index = keys.index(key)
        if index == self._index:
            return self.snapshot()
        return self._move_to(index)

    def finish(self) -> None:
        """End the workshop: the last stage's time is recorded, every stage is done and
        no more time is collected."""
        self.sync()
        self._timer.pause()
        self.current_record.timer = self._timer.to_dict()
        for record in self.workshop.stages:
            record.state = STAGE_DONE
        self._visit_mono = None

    def move_minutes(self, from_key: str, to_key: str, minutes: int) -> None:
        """Move planned minutes between stages (see agenda.move_minutes) and let the
        timers follow: the current countdown and any saved one change by as much."""
        self.sync()
        move_planned_minutes(self.workshop, from_key, to_key, minutes)
        for key, delta in ((from_key, -minutes), (to_key, minutes)):
            if key == self.current_key:
                self._timer.replan(delta * 60.0)
                self.current_record.timer = self._timer.to_dict()
            else:
                record = self.workshop.stage(key)
                if record is not None and record.timer:
                    record.timer = _replanned(record.timer, delta * 60.0)

    def sync(self) -> None:
        """Write the live state into the workshop: time spent on the current stage, its
        timer and the current stage key. Call before every save."""
        record = self.current_record
        if self._visit_mono is not None:
            now = self.clock.monotonic()
            record.actual_seconds += max(0.0, now - self._visit_mono)
            self._visit_mono = now
        record.timer = self._timer.to_dict()
        self.workshop.current_stage = record.key

    def snapshot(self) -> RunSnapshot:
        """The run as it is now (after a sync), to hand to `restore` later."""
        self.sync()
        return RunSnapshot(
            current_index=self._index,
            current_key=self.current_key,
            stages=tuple(copy.deepcopy(s) for s in self.workshop.stages),
            taken_mono=self.clock.monotonic(),
            was_live=self._visit_mono is not None,
        )

    def restore(self, snapshot: RunSnapshot) -> None:
        """Undo back to `snapshot`: same stage, same timer, same recorded times.

        The time since the snapshot is given to the restored stage (the room never
        really left it); a timer that was running has kept running meanwhile.
        """
        self.workshop.stages[:] = [copy.deepcopy(s) for s in snapshot.stages]
        self._index = min(snapshot.current_index, self.stage_count - 1)
        self.workshop.current_stage = self.current_key
        self._timer = self._timer_for(self.current_record)
        if self.workshop.started_at is None:
            self._visit_mono = None
        elif snapshot.was_live:
            self._visit_mono = snapshot.taken_mono
        else:
            self._visit_mono = self.clock.monotonic()

    # -- inside -------------------------------------------------------------------------
    def _move_to(self, index: int) -> RunSnapshot:
        before = self.snapshot()  # syncs the stage we leave
        keep_running = self._timer.running
        self._timer.pause()
        self.current_record.timer = self._timer.to_dict()
        self._index = index
        self._mark_states()
        self.workshop.current_stage = self.current_key
        self._timer = self._timer_for(self.current_record)
        if keep_running and self.started:
            self._timer.start()
        if self._visit_mono is not None:
            self._visit_mono = self.clock.monotonic()
        self.current_record.timer = self._timer.to_dict()
        return before

    def _mark_states(self) -> None:
        # States follow position: behind us is done, ahead is pending.
        for i, record in enumerate(self.workshop.stages):
            if i < self._index:
                record.state = STAGE_DONE
            elif i == self._index:
                record.state = STAGE_CURRENT
            else:
                record.state = STAGE_PENDING

    def _timer_for(self, record: StageRecord) -> StageTimer:
        if record.timer:
            try:
                return StageTimer.from_dict(record.timer, self.clock)
            except ValueError:
                pass  # a damaged timer state must not stop the workshop: start afresh
        return StageTimer(record.planned_minutes * 60.0, self.clock)


def _replanned(timer_state: dict, delta_s: float) -> dict:
    updated = dict(timer_state)
    for key in ("planned_s", "duration_s"):
        value = updated.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            updated[key] = max(0.0, float(value) + delta_s)
    return updated

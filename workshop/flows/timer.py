"""The stage timer: a countdown that reads a Clock instead of counting ticks.

Remaining time is always `duration - elapsed`, where elapsed is the sum of the finished
running spans plus the span running now, measured on the clock's monotonic time. Ticks
only *look* at the timer; a tick that comes late, or never, changes nothing.

Decisions worth knowing:
- Phase while paused: a paused timer reports PHASE_PAUSED, except in overtime, where it
  reports PHASE_OVERTIME. Overtime is the fact the room must still see (red, "+01:23")
  even while the facilitator holds the clock; a paused warning stays calm.
- Events: "warning" and "time_up" each fire once per stage run. A late tick that finds the
  timer already in overtime reports both, warning first. `reset()` re-arms both.
  `extend()` re-arms an event whose threshold the new remaining time is back above: when
  the room is given five more minutes, it gets a warning before the new end as well.
- `reset()` returns to the planned duration (extensions are dropped) and to idle.
- Serialisation stores the wall-clock time of the save. A running timer restored later
  has lost exactly the wall-clock time that passed; a paused or idle one has lost nothing.
"""

from __future__ import annotations

import math
from typing import Any

from workshop.clock import Clock

PHASE_IDLE = "idle"
PHASE_RUNNING = "running"
PHASE_PAUSED = "paused"
PHASE_WARNING = "warning"
PHASE_OVERTIME = "overtime"
PHASES = (PHASE_IDLE, PHASE_RUNNING, PHASE_PAUSED, PHASE_WARNING, PHASE_OVERTIME)

EVENT_WARNING = "warning"
EVENT_TIME_UP = "time_up"

WARNING_FRACTION = 0.2
"""The warning starts in the last 20% of the stage ..."""
WARNING_MAX_SECONDS = 120.0
"""... or in the last two minutes, whichever is shorter."""

_FORMAT_VERSION = 1


class StageTimer:
    """A pausable, extendable countdown for one stage, driven by an injected Clock."""

    def __init__(self, duration_s: float, clock: Clock) -> None:
        if not math.isfinite(duration_s) or duration_s < 0:
            raise ValueError("a stage timer needs a duration of zero seconds or more")
        self._clock = clock
        self._planned_s = float(duration_s)
        self._duration_s = float(duration_s)
        self._banked_s = 0.0  # elapsed time of the running spans that have ended
        self._run_started: float | None = None  # monotonic time the current span began
        self._started = False
        self._fired: set[str] = set()

    # -- reading ------------------------------------------------------------------------
    @property
    def duration(self) -> float:
        """The stage's length in seconds, including every extension."""
        return self._duration_s

    @property
    def planned_duration(self) -> float:
        """The length the timer was created with (what `reset()` returns to)."""
        return self._planned_s

    @property
    def running(self) -> bool:
        return self._run_started is not None

    @property
    def started(self) -> bool:
        """True once the timer has been started in this stage run (until `reset()`)."""
        return self._started

    def elapsed(self) -> float:
        """Seconds the timer has run in this stage run (paused time not included)."""
        if self._run_started is None:
            return self._banked_s
        return self._banked_s + max(0.0, self._clock.monotonic() - self._run_started)

    def remaining(self) -> float:
        """Seconds left; negative in overtime."""
        return self._duration_s - self.elapsed()

    def warning_threshold(self) -> float:
        """Remaining seconds at which the warning phase begins."""
        return min(WARNING_FRACTION * self._duration_s, WARNING_MAX_SECONDS)

    @property
    def phase(self) -> str:
        """One of PHASES; see the module docstring for the paused cases."""
        if not self._started:
            return PHASE_IDLE
        remaining = self.remaining()
        if remaining < 0:
            return PHASE_OVERTIME
        if not self.running:
            return PHASE_PAUSED
        if remaining <= self.warning_threshold():
            return PHASE_WARNING
        return PHASE_RUNNING

    def display(self) -> str:
        """The remaining time as the projector shows it ("12:41", "+01:23")."""
        return format_mmss(self.remaining())

    # -- controls -----------------------------------------------------------------------
    def start(self) -> None:
        """Start the countdown; on a paused timer this resumes, on a running one nothing."""
        if self.running:
            return
        self._started = True
        self._run_started = self._clock.monotonic()

    def pause(self) -> None:
        """Hold the countdown; the time so far is kept."""
        if self._run_started is None:
            return
        self._banked_s = self.elapsed()
        self._run_started = None

    def resume(self) -> None:
        """Continue after a pause (starts an idle timer)."""
        self.start()

    def toggle(self) -> None:
        """Start or resume when held, pause when running (the Space key)."""
        if self.running:
            self.pause()
        else:
            self.start()

    def extend(self, seconds: float) -> None:
        """Add (or, negative, take away) time; the duration never drops below zero.

        An event whose threshold the remaining time is back above is armed again.
        """
        if not math.isfinite(seconds):
            raise ValueError("extend needs a finite number of seconds")
        self._duration_s = max(0.0, self._duration_s + seconds)
        remaining = self.remaining()
        if remaining > 0:
            self._fired.discard(EVENT_TIME_UP)
        if remaining > self.warning_threshold():
            self._fired.discard(EVENT_WARNING)

    def replan(self, delta_s: float) -> None:
        """The agenda gave this stage `delta_s` more (or fewer) seconds: move both the
        planned length and the running countdown, so a later reset keeps the new plan."""
        self._planned_s = max(0.0, self._planned_s + delta_s)
        self.extend(delta_s)

    def reset(self) -> None:
        """Back to idle with the planned duration; both events are armed again."""
        self._duration_s = self._planned_s
        self._banked_s = 0.0
        self._run_started = None
        self._started = False
        self._fired.clear()

    def tick(self) -> list[str]:
        """Events that became due since the last look: "warning" and/or "time_up".

        Safe to call at any rate; each event is reported once per stage run.
        """
        if not self._started:
            return []
        remaining = self.remaining()
        due: list[str] = []
        if remaining <= self.warning_threshold() and EVENT_WARNING not in self._fired:
            due.append(EVENT_WARNING)
        if remaining <= 0 and EVENT_TIME_UP not in self._fired:
            due.append(EVENT_TIME_UP)
        self._fired.update(due)
        return due

    # -- saving -------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """JSON-ready state, stamped with the wall-clock time of the save."""
        return {
            "version": _FORMAT_VERSION,
            "planned_s": self._planned_s,
            "duration_s": self._duration_s,
            "elapsed_s": self.elapsed(),
            "running": self.running,
            "started": self._started,
            "fired": sorted(self._fired),
            "saved_wall": self._clock.wall(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], clock: Clock) -> StageTimer:
        """Rebuild a timer saved by `to_dict`.

        A timer that was running keeps running and has lost the wall-clock time since the
        save (never less than nothing, should the wall clock have been set back).
        """
        if not isinstance(data, dict):
            raise ValueError("timer state must be a dict")
        planned = _number(data, "planned_s", None)
        duration = _number(data, "duration_s", planned)
        if duration is None:
            raise ValueError("timer state has no duration")
        timer = cls(planned if planned is not None else duration, clock)
        timer._duration_s = max(0.0, duration)
        elapsed = max(0.0, _number(data, "elapsed_s", 0.0) or 0.0)
        running = bool(data.get("running", False))
        if running:
            saved_wall = _number(data, "saved_wall", None)
            if saved_wall is not None:
                elapsed += max(0.0, clock.wall() - saved_wall)
        timer._banked_s = elapsed
        timer._started = bool(data.get("started", running or elapsed > 0))
        fired = data.get("fired", [])
        if isinstance(fired, list):
            timer._fired = {e for e in fired if e in (EVENT_WARNING, EVENT_TIME_UP)}
        if running:
            timer._run_started = clock.monotonic()
        return timer

    def __repr__(self) -> str:
        return (f"StageTimer(duration={self._duration_s:.0f}s, remaining="
                f"{self.remaining():.1f}s, phase={self.phase})")


def _number(data: dict[str, Any], key: str, default: float | None) -> float | None:
    value = data.get(key, default)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"timer state: {key} must be a number")
    if not math.isfinite(value):
        raise ValueError(f"timer state: {key} must be finite")
    return float(value)


def format_mmss(seconds: float) -> str:
    """A countdown as people read it: "12:41", overtime "+01:23", long ones "1:02:03".

    Remaining time rounds up (the display shows 00:01 until the time is really up);
    overtime rounds down (the first full second over shows +00:01).
    """
    if not math.isfinite(seconds):
        return "--:--"
    if seconds >= 0:
        whole = math.ceil(seconds - 1e-9)
        sign = ""
    else:
        whole = math.floor(-seconds + 1e-9)
        sign = "+"
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes:02d}:{secs:02d}"

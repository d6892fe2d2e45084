"""Time for the workshop logic, behind a protocol so tests move time by hand.

The timer and the agenda read `monotonic()` for durations (immune to the wall clock
being changed during a workshop) and `wall()` for what is saved and shown (so a
reopened session can tell how much time passed while the app was closed).
"""

from __future__ import annotations

import time
from datetime import date, datetime
from typing import Protocol


class Clock(Protocol):
    def monotonic(self) -> float:
        """Seconds from an arbitrary origin; never goes backwards."""

    def wall(self) -> float:
        """Seconds since the Unix epoch (UTC)."""


class SystemClock:
    """The real clock."""

    def monotonic(self) -> float:
        return time.monotonic()

    def wall(self) -> float:
        return time.time()


class FakeClock:
    """A clock that moves only when told to; monotonic and wall time move together."""

    def __init__(self, start: float = 0.0, wall_start: float = 1_800_000_000.0) -> None:
        self._mono = float(start)
        self._wall = float(wall_start)

    def monotonic(self) -> float:
        return self._mono

    def wall(self) -> float:
        return self._wall

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a clock does not go backwards")
        self._mono += seconds
        self._wall += seconds

    def set_wall(self, epoch_seconds: float) -> None:
        """Jump the wall clock (e.g. the app was closed overnight); monotonic restarts
        the way it does after a reboot is irrelevant to callers, so it jumps too."""
        delta = epoch_seconds - self._wall
        self._wall = epoch_seconds
        if delta > 0:
            self._mono += delta


def today(clock: Clock) -> date:
    return datetime.fromtimestamp(clock.wall()).date()

"""What the GUI benchmarks share: the two-screen offscreen setup, running the event loop
until it is idle, the longest stall of the GUI thread, and its wake-ups.

Latency here is GUI-thread time: from the input event until the event loop has nothing
left to do (both windows repainted), because that is when the next key or the next
frame can be served. Stalls are the longest gap of a 1 ms heartbeat timer, so anything
that keeps the event loop from turning is caught, whatever code it is in.
"""

from __future__ import annotations

import json
import os
import statistics
import threading
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt, QTimer

# The room's setup: the laptop's screen and the projector's, side by side.
SCREENS = {"screens": [
    {"name": "laptop", "x": 0, "y": 0, "width": 1920, "height": 1080,
     "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
    {"name": "projector", "x": 1920, "y": 0, "width": 1920, "height": 1080,
     "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
]}


def child_env(folder: Path) -> dict[str, str]:
    """The environment of a measuring child: offscreen with two 1920x1080 screens, and
    its own settings folders, so a benchmark never reads or changes the user's."""
    config = folder / "screens.json"
    config.write_text(json.dumps(SCREENS))
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    env["XDG_CONFIG_HOME"] = str(folder / "config")
    env["XDG_DATA_HOME"] = str(folder / "data")
    env.pop("QT_SCALE_FACTOR", None)
    return env


class EventSeen(QObject):
    """Counts the events of chosen types delivered to the watched objects (the top-level
    windows only: a filter on the whole application would slow what it measures)."""

    def __init__(self, types: tuple[QEvent.Type, ...] = (QEvent.Type.UpdateRequest,
                                                           QEvent.Type.Paint)) -> None:
        super().__init__()
        self.types = types
        self.counts: dict[int, int] = {}

    def watch(self, obj: QObject) -> None:
        obj.installEventFilter(self)
        self.counts.setdefault(id(obj), 0)

    def count(self, obj: QObject) -> int:
        return self.counts.get(id(obj), 0)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in self.types:
            self.counts[id(obj)] = self.counts.get(id(obj), 0) + 1
        return False


# A pass of processEvents() shorter than this did nothing worth counting.
IDLE_PASS_S = 0.0002


def settle(until: Callable[[], bool] = lambda: True, *, quiet_passes: int = 3,
           seen: EventSeen | None = None, timeout_s: float = 60.0) -> float:
    """Process events until the loop is idle (and `until()` holds); returns the
    perf_counter() at which the last real work ended.

    Deferred deletions are flushed as a running event loop would: outside exec() Qt
    keeps them, and the benchmark would measure a heap that only grows."""
    app = QCoreApplication.instance()
    start = time.perf_counter()
    last_busy = start
    quiet = 0
    while True:
        before = sum(seen.counts.values()) if seen is not None else 0
        t = time.perf_counter()
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        end = time.perf_counter()
        busy = end - t > IDLE_PASS_S or (
            seen is not None and sum(seen.counts.values()) != before)
        if busy:
            quiet = 0
            last_busy = end
        else:
            quiet += 1
        if quiet >= quiet_passes and until():
            return last_busy
        if end - start > timeout_s:
            raise TimeoutError(f"the event loop did not settle in {timeout_s:.0f} s")


def run_loop(ms: float) -> None:
    """Run the real event loop for `ms` milliseconds (timers fire, windows repaint)."""
    loop = QEventLoop()
    timer = QTimer()
    timer.setSingleShot(True)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.timeout.connect(loop.quit)
    timer.start(max(0, round(ms)))
    loop.exec()
    QCoreApplication.instance().sendPostedEvents(None, QEvent.Type.DeferredDelete)


def run_until(done: Callable[[], bool], timeout_s: float, poll_ms: int = 5) -> bool:
    """Run the event loop until `done()`; False on timeout."""
    deadline = time.perf_counter() + timeout_s
    while not done():
        if time.perf_counter() > deadline:
            return False
        run_loop(poll_ms)
    return True


class Heartbeat(QObject):
    """A 1 ms timer on the GUI thread; the gaps between its beats are the stalls."""

    def __init__(self) -> None:
        super().__init__()
        self.beats: list[float] = []
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._beat)

    def _beat(self) -> None:
        self.beats.append(time.perf_counter())

    def start(self) -> None:
        self.beats = [time.perf_counter()]
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self.beats.append(time.perf_counter())

    def longest_gap_ms(self, start: float = 0.0, end: float = float("inf")) -> float:
        """The longest time between two beats that overlaps [start, end], minus the
        1 ms the heartbeat waits by design."""
        gaps = [(b - a) for a, b in zip(self.beats, self.beats[1:], strict=False)
                if b >= start and a <= end]
        return max(0.0, (max(gaps) if gaps else 0.0) * 1000 - 1.0)


def gui_wakeups() -> int:
    """How often the GUI (main) thread has gone to sleep and been woken so far."""
    status = Path(f"/proc/self/task/{threading.main_thread().native_id}/status")
    try:
        for line in status.read_text().splitlines():
            if line.startswith("voluntary_ctxt_switches:"):
                return int(line.split()[1])
    except OSError:
        pass
    return -1


def active_timers(*owners: QObject) -> list[int]:
    """Intervals (ms) of the running QTimers under `owners`: what wakes the app up."""
    found: list[int] = []
    for owner in owners:
        if owner is None:
            continue
        for timer in owner.findChildren(QTimer):
            if timer.isActive():
                found.append(timer.interval())
    return sorted(found)


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def p95(values: list[float]) -> float:
    """The 95th percentile (nearest rank): with 20 samples, the second slowest."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(0.95 * len(ordered) + 0.5) - 1))
    return ordered[rank]

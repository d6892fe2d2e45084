"""Work that must not freeze the window (exports, searches over many sessions) runs on a
thread of Qt's pool; its result comes back to the GUI thread as a signal.

The work gets a snapshot (a deep copy of the session, its own database connection), never
the objects the window is editing, so typing and the autosave go on meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    """Lives in the GUI thread; its signals are queued across from the pool's thread."""

    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.work = work
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as exc:  # noqa: BLE001 - handed back to the GUI thread to show
            self.relay.failed.emit(exc)
        else:
            self.relay.finished.emit(result)


class BackgroundJobs(QObject):
    """Runs callables off the GUI thread, one result callback per job."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._relays: set[_Relay] = set()
        self.pool = QThreadPool.globalInstance()

    def run(self, work: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: Callable[[Exception], None]) -> None:
        relay = _Relay(self)
        self._relays.add(relay)

        def done(result: Any) -> None:
            self._relays.discard(relay)
            relay.deleteLater()
            on_done(result)

        def failed(exc: Exception) -> None:
            self._relays.discard(relay)
            relay.deleteLater()
            on_error(exc)

        relay.finished.connect(done)
        relay.failed.connect(failed)
        self.pool.start(_Job(work, relay))

    @property
    def busy(self) -> bool:
        return bool(self._relays)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until every job has finished (closing the window, tests)."""
        return self.pool.waitForDone(msecs)

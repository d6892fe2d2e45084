"""The live-session figures at one size of the large session, each against its floor
measured in the same process, driven through the real windows offscreen (the
facilitator maximised on the laptop's 1920x1080 screen, the projector fullscreen on the
second one):

- a keystroke in a KR field, key to repaint (both windows), median and p95;
- GUI CPU per key while typing at 4 keys/s;
- the first visit of the action plan page, a later visit of the key results page;
- the autosave's time on the GUI thread;
- the PDF export from the wrap-up page: the longest event-loop stall, and whether the
  projector's countdown kept moving;
- idle CPU and wake-ups with the timer running, and with it paused.

Run by run_all.py in a child process per size; by hand:

    .venv/bin/python benchmarks/session.py --scale 10 [--idle]

Prints one JSON object: figure key -> {"value", "p95", "floor", "floor_name", "note"}
or {"error"}.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from PySide6.QtCore import QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QAction  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QFileDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from qtbench import (  # noqa: E402
    EventSeen,
    Heartbeat,
    active_timers,
    gui_wakeups,
    median,
    p95,
    run_loop,
    run_until,
    settle,
)

# What is typed into the KR field: a word and back, so the text (and the coach's verdict
# on it) stays what the session had.
TYPED = [*" and faster", *[Qt.Key.Key_Backspace] * len(" and faster")]
TYPING_GAP_MS = 120  # a fast typist: about 8 keys per second
KEYS = {1: 44, 3: 36, 10: 32}
CPU_KEYS = 16  # typed at 4 keys/s
SAVES = {1: 6, 3: 5, 10: 4}
EXPORTS = {1: 3, 3: 2, 10: 2}
COUNTDOWN_LATE_MS = 100  # later than this and the room sees the countdown stop
PROGRESS_LOOK_MS = 150  # when the window is looked at for a sign of the export
IDLE_S = 8.0
PAUSED_S = 5.0

Result = dict[str, Any]


def press(widget: QWidget, key: str | Qt.Key) -> None:
    """A key press and release, as the keyboard sends them (shortcut override first)."""
    QTest.keyClick(widget, key)


# -- typing -----------------------------------------------------------------------------------
def type_and_time(edit: QLineEdit, windows: list[QWidget], count: int,
                  background: list[float] | None = None
                  ) -> tuple[list[float], int, list[bool]]:
    """Latency (ms) of `count` keys into `edit`, from the key press until the loop is
    idle with every window in `windows` repainted; on how many keys each of them did
    repaint (the least of them); and for each key whether one of the `background`
    moments (when the autosave or the coach ran) fell inside it."""
    seen = EventSeen()
    for w in windows:
        seen.watch(w)
    times: list[float] = []
    hit: list[bool] = []
    background = background if background is not None else []
    repainted = [0] * len(windows)
    for i in range(count):
        before = [seen.count(w) for w in windows]
        key = TYPED[i % len(TYPED)]
        start = time.perf_counter()
        press(edit, key)
        end = settle(seen=seen)
        times.append((end - start) * 1000)
        hit.append(any(start <= t <= end for t in background))
        for j, w in enumerate(windows):
            repainted[j] += seen.count(w) > before[j]
        # The typist's pace; timers due meanwhile (the coach, the autosave) run here,
        # or inside the next key's measurement when they fall due during it, as a
        # typist would meet them.
        run_loop(max(0.0, TYPING_GAP_MS - (time.perf_counter() - start) * 1000))
    for w in windows:
        w.removeEventFilter(seen)
    return times, min(repainted), hit


def cpu_per_key(edit: QLineEdit, keys: int = CPU_KEYS) -> tuple[float, float]:
    """(process CPU ms, GUI-thread CPU ms) per key while typing at 4 keys/s, the work
    the keys leave behind (the coach, the autosave) included."""
    sent = [0]
    sender = QTimer()
    sender.setTimerType(Qt.TimerType.PreciseTimer)
    sender.setInterval(250)

    def send() -> None:
        press(edit, TYPED[sent[0] % len(TYPED)])
        sent[0] += 1
        if sent[0] >= keys:
            sender.stop()

    sender.timeout.connect(send)
    cpu0, thread0 = time.process_time(), time.thread_time()
    sender.start()
    run_loop(keys * 250 + 700)  # the debounced work after the last key included
    cpu, thread = time.process_time() - cpu0, time.thread_time() - thread0
    return cpu * 1000 / keys, thread * 1000 / keys


# -- floors -----------------------------------------------------------------------------------
def bare_line_edit() -> tuple[QWidget, QLineEdit]:
    window = QWidget()
    window.setWindowTitle("floor")
    layout = QVBoxLayout(window)
    edit = QLineEdit("Raise metric 1 from 20 to 40 percent")
    layout.addWidget(edit)
    layout.addStretch(1)
    window.resize(800, 600)
    window.show()
    window.activateWindow()
    edit.setFocus()
    edit.end(False)
    settle()
    return window, edit


def bare_stack() -> tuple[QMainWindow, QStackedWidget]:
    """A maximised window whose centre is a QStackedWidget of two forms."""
    window = QMainWindow()
    stack = QStackedWidget()
    for page_no in range(2):
        page = QWidget()
        grid = QGridLayout(page)
        for row in range(12):
            grid.addWidget(QLabel(f"Field {page_no}.{row}"), row, 0)
            grid.addWidget(QLineEdit(f"Value {row}"), row, 1)
        stack.addWidget(page)
    window.setCentralWidget(stack)
    window.showMaximized()
    settle()
    return window, stack


def floor_idle(seconds: float) -> tuple[float, float, float]:
    """(CPU-s per minute, wake-ups per second) of a window whose label a 1 s QTimer
    updates: the least a ticking countdown can cost; and the wake-ups per second of the
    same window with its timer stopped: what "nothing" costs."""
    window = QWidget()
    label = QLabel("15:00", window)
    label.resize(200, 60)
    window.resize(400, 200)
    window.show()
    remaining = [900]

    def tick() -> None:
        remaining[0] -= 1
        label.setText(f"{remaining[0] // 60:02d}:{remaining[0] % 60:02d}")

    timer = QTimer(window)
    timer.setInterval(1000)
    timer.timeout.connect(tick)
    timer.start()
    run_loop(1500)
    cpu, wakes = idle_cost(seconds)
    timer.stop()
    run_loop(500)
    _, still = idle_cost(PAUSED_S)
    window.close()
    window.deleteLater()
    settle()
    return cpu, wakes, still


def idle_cost(seconds: float) -> tuple[float, float]:
    cpu0, wake0 = time.process_time(), gui_wakeups()
    run_loop(seconds * 1000)
    cpu, wakes = time.process_time() - cpu0, gui_wakeups() - wake0
    return cpu * 60 / seconds, wakes / seconds


# -- the app ----------------------------------------------------------------------------------
class Session:
    """The real app with the scaled session open and the projector on the second screen."""

    def __init__(self, scale: int, folder: Path) -> None:
        from workshop.clock import SystemClock
        from workshop.demo import large_workshop
        from workshop.store import Store
        from workshop.ui.app import App

        self.qt_app = QApplication.instance()
        self.folder = folder
        self.db = folder / "workshops.db"
        ws = large_workshop(scale)
        with Store.open(self.db) as store:
            store.save(ws)
        self.workshop_id = ws.id
        settings = QSettings(str(folder / "okr-workshop.ini"), QSettings.Format.IniFormat)
        self.app = App(self.qt_app, self.db, SystemClock(), settings)
        self.qt_app.aboutToQuit.connect(self.app.shutdown)
        self.app.library.show()
        settle()
        if not self.app.open_store():
            raise RuntimeError("the session database did not open")
        settle()
        self.facilitator: QMainWindow | None = None
        self.audience: QWidget | None = None

    def open(self) -> None:
        """Open the session and the projector, the way the facilitator does."""
        self.app.open_session(self.workshop_id)
        settle()
        self.facilitator = top_level("facilitatorWindow") or self.app.facilitator
        self.app.show_projector()
        settle()
        self.audience = top_level("audienceWindow")
        if self.facilitator is None or self.audience is None:
            raise RuntimeError("the facilitator or the projector window did not open")
        self.facilitator.activateWindow()
        settle()

    def close(self) -> None:
        if self.facilitator is not None:
            self.facilitator.close()
        settle()
        self.facilitator = self.audience = None

    @property
    def controller(self) -> Any:
        return self.facilitator.controller

    def windows(self) -> list[QWidget]:
        return [w for w in (self.facilitator, self.audience) if w is not None]

    def page(self) -> QWidget | None:
        stack = self.facilitator.findChild(QStackedWidget, "pageStack")
        return stack.currentWidget() if stack is not None else None

    def visit(self, key: str) -> float:
        """Click the stage `key` in the navigator; ms until the loop is idle again."""
        nav = self.facilitator.findChild(QListWidget, "stageNav")
        item = None
        if nav is not None:
            for row in range(nav.count()):
                if nav.item(row).data(Qt.ItemDataRole.UserRole) == key:
                    item = nav.item(row)
        seen = EventSeen()
        for w in self.windows():
            seen.watch(w)
        start = time.perf_counter()
        if item is not None:
            nav.scrollToItem(item)
            QTest.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton,
                             Qt.KeyboardModifier.NoModifier, nav.visualItemRect(item).center())
        else:
            self.facilitator.show_page(key)
        end = settle(seen=seen)
        for w in self.windows():
            w.removeEventFilter(seen)
        page = self.page()
        if page is None or not page.objectName().endswith(key):
            raise RuntimeError(f"clicking {key!r} showed {page.objectName() if page else None}")
        return (end - start) * 1000

    def make_live(self, key: str) -> None:
        """Put the stage `key` before the room, as the facilitator does: its page on the
        laptop, then "Show the room" (older windows made a clicked stage live at once)."""
        self.visit(key)
        if self.live_stage() != key:
            button = self.button("Show the room")
            if button is not None:
                button.click()
            else:
                self.controller.go_to_stage(key)
            settle()
        if self.live_stage() != key:
            raise RuntimeError(f"the room still sees {self.live_stage()!r}, not {key!r}")

    def live_stage(self) -> str:
        c = self.controller
        return getattr(c, "live_stage_key", "") or c.current_stage

    def kr_field(self) -> QLineEdit:
        page = self.page()
        edits = [e for e in page.findChildren(QLineEdit, "krText") if e.isVisible()] or \
            [e for e in page.findChildren(QLineEdit) if e.isVisible()]
        if not edits:
            raise RuntimeError("no visible KR field on the key results page")
        edit = edits[0]
        self.facilitator.activateWindow()
        edit.setFocus()
        edit.end(False)
        settle()
        return edit

    def button(self, *texts: str) -> QPushButton | None:
        for b in self.facilitator.findChildren(QPushButton):
            if b.text().replace("&", "") in texts and b.isVisible():
                return b
        return None

    def toggle_timer(self) -> None:
        b = self.button("Start", "Pause", "Resume")
        if b is not None:
            b.click()
        else:
            self.controller.toggle_timer()
        settle()

    def timer_running(self) -> bool:
        return bool(self.controller.run.timer.running)


def top_level(name: str) -> QWidget | None:
    for w in QApplication.topLevelWidgets():
        if w.objectName() == name and w.isVisible():
            return w
    return None


# -- the figures ------------------------------------------------------------------------------
def measure_visits(s: Session) -> dict[str, Result]:
    """The first visits in a fresh process, as the facilitator meets them once per
    workshop, then the later ones (the pages are kept)."""
    s.open()
    kr_first = s.visit("key_results")
    ap_first = s.visit("action_plan")
    # A page that builds its rows as they scroll into view, or in slices, may leave
    # work for later: that work must not freeze the window either.
    ap_after = stall_within(1000)
    kr_later = [s.visit("key_results")]
    ap_later = [s.visit("action_plan")]
    kr_later.append(s.visit("key_results"))
    ap_later.append(s.visit("action_plan"))
    kr_later.append(s.visit("key_results"))
    # A second session in the same process: what is left is the page's own cost.
    s.close()
    s.open()
    s.visit("key_results")
    ap_again = s.visit("action_plan")
    s.close()
    return {
        "action_plan_first": {"value": ap_first / 1000,
                              "note": f"longest stall in the second after it {ap_after:.0f} ms; "
                                      f"later visits {median(ap_later):.0f} ms; first visit "
                                      f"in a second session of the process {ap_again:.0f} ms"},
        "key_results_later": {"value": median(kr_later),
                              "note": f"first visit {kr_first:.0f} ms"},
    }


def stall_within(ms: float) -> float:
    """The longest stall of the event loop while it runs for `ms` milliseconds."""
    beat = Heartbeat()
    beat.start()
    run_loop(ms)
    beat.stop()
    return beat.longest_gap_ms()


def measure_stack_floor() -> float:
    window, stack = bare_stack()
    times = []
    for i in range(10):
        start = time.perf_counter()
        stack.setCurrentIndex((i + 1) % 2)
        end = settle()
        times.append((end - start) * 1000)
    window.close()
    window.deleteLater()
    settle()
    return median(times)


def measure_typing(s: Session, scale: int, floor: dict[str, float]) -> dict[str, Result]:
    # The stage before the room, its clock running: the projector shows the KRs.
    s.make_live("key_results")
    if not s.timer_running():
        s.toggle_timer()
    edit = s.kr_field()
    # When the debounced work ran: a key it falls into waits for it, as a typist's does.
    background: list[float] = []
    for name in ("saved", "findings_changed"):
        signal = getattr(s.controller, name, None)
        if signal is not None:
            signal.connect(lambda *_: background.append(time.perf_counter()))
    times, repainted, hit = type_and_time(edit, s.windows(), KEYS[scale], background)
    clean = [t for t, h in zip(times, hit, strict=True) if not h]
    cpu, gui_cpu = cpu_per_key(edit)
    return {
        "keystroke": {"value": median(times), "p95": p95(times),
                      "floor": floor["key"], "floor_p95": floor["key_p95"],
                      "floor_name": "bare QLineEdit",
                      "note": f"{len(times)} keys; the projector repainted on {repainted} of "
                              f"them (a trailing space changes nothing it shows); "
                              f"{sum(hit)} met an autosave or the coach's re-read, the "
                              f"others: median {median(clean):.1f} ms, slowest "
                              f"{max(clean, default=float('nan')):.1f} ms"},
        "cpu_per_key": {"value": cpu, "floor": floor["cpu"], "floor_name": "bare QLineEdit",
                        "note": f"GUI thread {gui_cpu:.1f} ms/key "
                                f"(floor {floor['gui_cpu']:.2f})"},
    }


def raw_save_floor(ws: Any, folder: Path) -> float:
    """Median ms of raw sqlite3 executemany of the session's rows, the store's schema."""
    from store import raw_save

    from workshop.store import _CHILD_TABLES, Store, _rows_for

    db = folder / "raw.db"
    Store.open(db).close()
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = NORMAL")
    try:
        rows = _rows_for(ws)
        times = []
        for _ in range(12):
            start = time.perf_counter()
            raw_save(conn, ws.id, rows, _CHILD_TABLES)
            times.append((time.perf_counter() - start) * 1000)
    finally:
        conn.close()
    return median(times[2:])


def measure_autosave(s: Session, scale: int) -> Result:
    """One edit, then the autosave when it falls due: the stall of the event-loop turn
    in which the session saved (the heartbeat gap around the moment it says so). The
    coach's re-read of the session also falls between the edit and the save (it waits
    400 ms, the save 500 ms); its longest stall is given in the note, not counted as the
    save's."""
    s.visit("key_results")
    edit = s.kr_field()
    saved_at: list[float] = []
    s.controller.saved.connect(lambda _when: saved_at.append(time.perf_counter()))
    run_loop(800)  # whatever the visit left to save is saved first
    beat = Heartbeat()
    stalls, direct, others = [], [], []
    for i in range(SAVES[scale]):
        saved_at.clear()
        press(edit, TYPED[i % 2 * (len(TYPED) // 2)])
        settle()
        run_loop(300)
        beat.start()
        if not run_until(lambda: bool(saved_at), 3.0):
            beat.stop()
            raise RuntimeError("no autosave within 3 s of an edit")
        run_loop(20)
        beat.stop()
        stalls.append(beat.longest_gap_ms(saved_at[0], saved_at[0]))
        others.append(beat.longest_gap_ms(saved_at[0] - 0.5, saved_at[0]))
    # What a direct save costs, for comparison with the stall.
    for _ in range(4):
        start = time.perf_counter()
        s.controller.save_now()
        direct.append((time.perf_counter() - start) * 1000)
    settle()
    floor = raw_save_floor(s.controller.workshop, s.folder)
    return {"value": median(stalls), "samples": stalls, "floor": floor,
            "floor_name": "raw executemany",
            "note": f"max {max(stalls):.1f} ms; save_now() called directly "
                    f"{median(direct):.1f} ms; longest stall between the edit and the "
                    f"save (the coach's re-read) {median(others):.1f} ms"}


def measure_export(s: Session, scale: int) -> Result:
    """The PDF export as the facilitator starts it (File > Export, then the PDF button),
    with the stage timer running on the projector."""
    target = s.folder / "handout.pdf"
    originals = (QFileDialog.getSaveFileName, QFileDialog.getExistingDirectory)
    QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: (str(target), "*.pdf"))
    QFileDialog.getExistingDirectory = staticmethod(lambda *a, **k: str(s.folder))
    try:
        s.make_live("key_results")  # a timed stage: the projector shows its countdown
        if not s.timer_running():
            s.toggle_timer()
        export = next((a for a in s.facilitator.findChildren(QAction)
                       if a.text().replace("&", "").startswith("Export")), None)
        if export is not None:
            export.trigger()
        else:
            s.facilitator.show_page("wrap_up")
        settle()
        page = s.page()
        if page is None or "wrap_up" not in page.objectName():
            raise RuntimeError("File > Export did not show the wrap-up page")
        if hasattr(page, "choose_path"):
            page.choose_path = lambda kind, suggested: target
        button = next((b for b in page.findChildren(QPushButton)
                       if "PDF" in b.accessibleName() + b.text()
                       and "articipant" not in b.accessibleName() + b.text()), None)
        if button is None:
            raise RuntimeError("no PDF export button on the wrap-up page")
        countdown = s.audience.findChild(QLabel, "audTimer")
        stalls, durations, countdown_gaps, progress = [], [], [], []
        for _ in range(EXPORTS[scale]):
            if target.exists():
                target.unlink()
            shown: list[tuple[float, str]] = []
            beat = Heartbeat()
            if countdown is not None:
                def sample(shown=shown) -> None:
                    # What the room sees, looked at every beat: when it changed.
                    if not shown or shown[-1][1] != countdown.text():
                        shown.append((time.perf_counter(), countdown.text()))

                beat.timer.timeout.connect(sample)
            texts_before = [label.text() for label in page.findChildren(QLabel)]

            def look(texts_before=texts_before) -> None:
                # Does the window say an export is under way? Looked at once, a moment
                # after the click; an export that froze the window is over by then.
                if target.exists():
                    progress.append("frozen until done")
                    return
                bars = [w for w in QApplication.allWidgets()
                        if isinstance(w, (QProgressBar, QProgressDialog)) and w.isVisible()]
                texts = [label.text() for label in page.findChildren(QLabel)]
                said = bars or not button.isEnabled() or texts != texts_before
                progress.append("shown" if said else "not shown")

            beat.start()
            start = time.perf_counter()
            QTimer.singleShot(0, button.click)
            QTimer.singleShot(PROGRESS_LOOK_MS, look)

            sizes: list[int] = []

            def done(sizes=sizes) -> bool:
                # Written in full: the file is there and stopped growing.
                sizes.append(target.stat().st_size if target.exists() else 0)
                return len(sizes) > 2 and sizes[-1] > 0 and sizes[-1] == sizes[-2]

            if not run_until(done, 120.0):
                beat.stop()
                raise RuntimeError("the PDF did not appear within 120 s")
            end = time.perf_counter()
            run_loop(50)
            beat.stop()
            stalls.append(beat.longest_gap_ms(start, end))
            durations.append(end - start)
            changes = [start] + [t for t, _ in shown if start <= t <= end] + [end]
            countdown_gaps.append(max(b - a for a, b in zip(changes, changes[1:],
                                                            strict=False)))
            run_loop(300)
    finally:
        QFileDialog.getSaveFileName, QFileDialog.getExistingDirectory = originals
    # The countdown changes once a second, so the gaps between its updates cannot show
    # a short freeze; a stall can: no update came later than this because of it.
    kept = max(stalls) <= COUNTDOWN_LATE_MS if countdown is not None else None
    return {"value": median(stalls), "samples": stalls, "countdown_ticking": kept,
            "note": f"export took {median(durations):.2f} s; the projector's countdown "
                    f"{'kept ticking' if kept else 'froze' if kept is False else 'not found'} "
                    f"(an update up to {max(stalls):.0f} ms late; longest between its "
                    f"updates {max(countdown_gaps):.2f} s); progress "
                    f"{', '.join(sorted(set(progress))) or 'not looked at'}"}


def measure_idle(s: Session, floor: tuple[float, float, float]) -> dict[str, Result]:
    s.make_live("key_results")
    if not s.timer_running():
        s.toggle_timer()
    # The focus on the stage list, not in a text field: a blinking text cursor wakes
    # any window up, the floor's too, and is not what this measures.
    nav = s.facilitator.findChild(QListWidget, "stageNav")
    if nav is not None:
        nav.setFocus()
    run_loop(1500)
    cpu, wakes = idle_cost(IDLE_S)
    running_timers = active_timers(s.facilitator, s.audience, s.controller)
    s.toggle_timer()
    if s.timer_running():
        raise RuntimeError("the timer did not pause")
    run_loop(1500)
    paused_cpu, paused_wakes = idle_cost(PAUSED_S)
    paused_timers = active_timers(s.facilitator, s.audience, s.controller)
    return {
        "idle_cpu": {"value": cpu, "floor": floor[0], "floor_name": "1 s QTimer + label",
                     "note": f"running QTimers (ms): {running_timers}"},
        "idle_wakeups": {"value": wakes, "floor": floor[1],
                         "floor_name": "1 s QTimer + label"},
        "paused_wakeups": {"value": paused_wakes, "floor": floor[2],
                           "floor_name": "the same window, its timer stopped",
                           "note": f"{paused_cpu:.2f} CPU-s/min; running QTimers (ms): "
                                   f"{paused_timers}"},
    }


def guarded(results: dict[str, Result], keys: list[str],
            action: Callable[[], dict[str, Result] | Result]) -> None:
    """One failing measurement fills its own rows with the reason, not the whole table."""
    try:
        out = action()
    except Exception as exc:  # noqa: BLE001 - reported in the table instead
        reason = f"{type(exc).__name__}: {exc}".splitlines()[0][:160]
        traceback.print_exc(file=sys.stderr)
        for key in keys:
            results[key] = {"error": reason}
        return
    if len(keys) == 1 and "value" in out:
        results[keys[0]] = out
    else:
        results.update(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--part", choices=("visits", "live"), default="live",
                        help="visits: the page visits (a fresh process each, because a "
                             "first visit happens once per process); live: the rest")
    parser.add_argument("--idle", action="store_true", help="also the idle figures")
    args = parser.parse_args()
    scale = args.scale

    qt_app = QApplication.instance() or QApplication(["okr-workshop"])
    qt_app.setOrganizationName("OKR Workshop benchmark")
    qt_app.setApplicationName("okr-workshop-benchmark")
    results: dict[str, Result] = {}

    # The floors come first, before the app's style sheet applies to every widget.
    floor: dict[str, float] = {}
    try:
        if args.part == "visits":
            floor["stack"] = measure_stack_floor()
        else:
            window, edit = bare_line_edit()
            times, _, _ = type_and_time(edit, [window], KEYS[1])
            floor["key"], floor["key_p95"] = median(times), p95(times)
            floor["cpu"], floor["gui_cpu"] = cpu_per_key(edit)
            window.close()
            window.deleteLater()
            settle()
        idle_floor = floor_idle(IDLE_S) if args.idle else (float("nan"),) * 3
    except Exception as exc:  # noqa: BLE001
        traceback.print_exc(file=sys.stderr)
        print(json.dumps({"*": {"error": f"floor: {exc}"}}))
        return 0

    with tempfile.TemporaryDirectory() as tmp:
        try:
            session = Session(scale, Path(tmp))
        except Exception as exc:  # noqa: BLE001
            traceback.print_exc(file=sys.stderr)
            print(json.dumps({"*": {"error": f"opening the session: {exc}"}}))
            return 0
        if args.part == "visits":
            def visits() -> dict[str, Result]:
                out = measure_visits(session)
                out["key_results_later"].update(floor=floor["stack"],
                                                floor_name="bare stack switch")
                return out

            guarded(results, ["action_plan_first", "key_results_later"], visits)
        else:
            try:
                session.open()
            except Exception as exc:  # noqa: BLE001
                traceback.print_exc(file=sys.stderr)
                print(json.dumps({"*": {"error": f"opening the session: {exc}"}}))
                return 0
            guarded(results, ["keystroke", "cpu_per_key"],
                    lambda: measure_typing(session, scale, floor))
            guarded(results, ["autosave"], lambda: measure_autosave(session, scale))
            guarded(results, ["export_stall"], lambda: measure_export(session, scale))
            if args.idle:
                guarded(results, ["idle_cpu", "idle_wakeups", "paused_wakeups"],
                        lambda: measure_idle(session, idle_floor))
            session.close()
        session.app.shutdown()
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())

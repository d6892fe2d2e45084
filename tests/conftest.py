"""Test configuration shared by every test: Qt runs offscreen, before any QApplication;
a real store in tmp_path, a FakeClock, and timers that fire only when a test says so."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep each test's data away from the user's real data directory.
os.environ.pop("OKR_WORKSHOP_DB", None)

import pytest

from workshop.clock import FakeClock
from workshop.demo import demo_workshop
from workshop.model import Workshop
from workshop.store import Store


class ManualTimer:
    """Stands in for a single-shot QTimer: `fire()` runs it if it was started."""

    def __init__(self, interval_ms: int, callback) -> None:
        self.interval_ms = interval_ms
        self.callback = callback
        self.active = False

    def start(self) -> None:
        self.active = True

    def stop(self) -> None:
        self.active = False

    def isActive(self) -> bool:  # noqa: N802 - the QTimer name
        return self.active

    def fire(self) -> bool:
        if not self.active:
            return False
        self.active = False
        self.callback()
        return True


class ManualTimerFactory:
    def __init__(self) -> None:
        self.timers: list[ManualTimer] = []

    def single_shot_timer(self, parent, interval_ms, callback) -> ManualTimer:
        timer = ManualTimer(interval_ms, callback)
        self.timers.append(timer)
        return timer

    def fire_all(self) -> int:
        return sum(t.fire() for t in list(self.timers))


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def timers() -> ManualTimerFactory:
    return ManualTimerFactory()


@pytest.fixture
def store(tmp_path):
    s = Store.open(tmp_path / "w.db")
    yield s
    s.close()


@pytest.fixture
def make_controller(qapp, store, clock, timers):
    from workshop.ui.session import SessionController

    made = []

    def make(workshop: Workshop | None = None) -> SessionController:
        ws = workshop or demo_workshop()
        store.save(ws)
        controller = SessionController(ws, store, clock, timer_factory=timers)
        made.append(controller)
        return controller

    yield make
    for c in made:
        c.deleteLater()


@pytest.fixture
def controller(make_controller):
    """A controller on the worked example, saved in a real database file."""
    return make_controller()


@pytest.fixture
def show_page(qtbot):
    """Show a stage page wired to its controller the way the facilitator window wires
    it, active, so keys reach it."""

    def make(page_class, controller):
        page = page_class(controller)
        qtbot.addWidget(page)
        controller.changed.connect(lambda *_: page.refresh())
        page.resize(1000, 700)
        page.show()
        qtbot.waitExposed(page)
        with qtbot.waitActive(page):
            page.activateWindow()
        return page

    return make



@pytest.fixture
def app_theme(qapp):
    """app_theme(theme, points) applies the app's own theme, fonts and text size, as the
    running app does; the app is put back as other tests expect it (no theme) after."""
    from workshop.ui.theme import apply_theme, load_fonts

    original = qapp.font()
    family = load_fonts()

    def apply(theme: str = "light", points: int = 11) -> None:
        apply_theme(qapp, theme, points, family)

    yield apply
    qapp.setStyleSheet("")
    qapp.setPalette(qapp.style().standardPalette())
    qapp.setFont(original)


@pytest.fixture(autouse=True)
def _qt_deletes_at_a_safe_moment():
    """After each test, let Qt delete the widgets handed to deleteLater (qtbot closes
    its widgets that way). Left pending, they pile up across tests and die whenever
    Python's garbage collector reaches them, which can be in the middle of a later
    test's Qt call that walks every widget (a style-sheet change): a crash."""
    yield
    import sys

    if "PySide6.QtCore" not in sys.modules:
        return
    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def _private_data_folder(monkeypatch, tmp_path):
    """The app keeps identity locks, recovery copies and settings in the user's data
    and config folders: each test gets its own, never the real ones."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))


@pytest.fixture(autouse=True)
def _no_question_waits_for_a_person(monkeypatch, tmp_path):
    """A session window closed while saves fail asks the facilitator (after keeping a
    recovery copy). In tests nobody answers: the copy goes to tmp_path and the window
    closes, unless a test answers the question itself."""
    from workshop import exchange

    monkeypatch.setattr(exchange, "recovery_dir", lambda: tmp_path / "recovery")
    try:
        from workshop.ui.facilitator import FacilitatorWindow
    except ImportError:  # a machine without Qt runs the pure tests only
        return
    monkeypatch.setattr(FacilitatorWindow, "ask_on_close",
                        lambda self, title, text, options: len(options) - 1)


@pytest.fixture
def open_facilitator(qtbot):
    """open_facilitator(controller) -> a shown, active FacilitatorWindow at 1366x768 with
    no display timer, so the keys a test presses reach it as on the laptop."""
    def make(controller):
        from PySide6.QtWidgets import QApplication

        from workshop.ui.facilitator import FacilitatorWindow

        window = FacilitatorWindow(controller, tick_timer=False)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
        return window

    return make

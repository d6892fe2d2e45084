"""A running clock costs the repaint of its digits, not a layout of either window.

Before: every second the facilitator's and the projector's time labels asked their
windows' layouts to run again, and the pages behind the digits were painted again;
idle CPU with the clock running was 4-5x a bare window's.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from workshop.ui.audience import AudienceWindow
from workshop.ui.theme import set_font_scale
from workshop.ui.widgets.clock_label import ClockLabel


class QuietChime:
    def play(self) -> None:
        pass


class Seen(QObject):
    """Counts layout requests and paints per widget."""

    def __init__(self) -> None:
        super().__init__()
        self.layouts = 0
        self.painted: set[str] = set()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LayoutRequest:
            self.layouts += 1
        elif event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            self.painted.add(type(watched).__name__ + ":" + watched.objectName())
        return False


def _tick_and_watch(qtbot, controller, clock) -> Seen:
    seen = Seen()
    app = QApplication.instance()
    app.installEventFilter(seen)
    try:
        clock.advance(1.0)
        controller.tick()
        qtbot.wait(50)
    finally:
        app.removeEventFilter(seen)
    return seen


def test_a_tick_repaints_the_digits_and_lays_out_nothing(qtbot, make_controller,
                                                          open_facilitator, clock):
    controller = make_controller()
    window = open_facilitator(controller)
    room = AudienceWindow(controller, "light", chime=QuietChime(), motion=False)
    qtbot.addWidget(room)
    room.resize(1024, 768)
    room.show()
    qtbot.waitExposed(room)
    controller.go_to_stage(controller.workshop.stages[2].key)
    controller.toggle_timer()
    window.nav.setFocus()  # no blinking text cursor
    qtbot.wait(500)  # the page's rows are built once laid out: let that settle first
    before = window.timer_label.text()
    seen = _tick_and_watch(qtbot, controller, clock)
    assert window.timer_label.text() != before
    assert seen.layouts == 0
    assert "ClockLabel:timerDisplay" in seen.painted and "ClockLabel:audTimer" in seen.painted
    assert not {"FacilitatorWindow:facilitatorWindow", "AudienceWindow:audienceWindow",
                "QWidget:audStagePage"} & seen.painted


def test_the_clock_keeps_its_relative_size_and_grows_for_a_longer_time(qtbot, app_theme):
    app_theme("light", 11)
    holder = QWidget()
    qtbot.addWidget(holder)
    label = ClockLabel("+88:88", holder)
    set_font_scale(label, 2.0, bold=True)
    label.setText("12:34")
    holder.show()
    qtbot.wait(20)
    assert label.font().pointSizeF() == 22.0  # a style sheet does not undo it
    width = label.width()
    label.setText("+00:05")
    assert label.width() == width
    label.setText("+1:02:03")  # an hour over: room for it, nothing cut
    qtbot.wait(20)
    assert label.width() >= label.fontMetrics().horizontalAdvance("+1:02:03")

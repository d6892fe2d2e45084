"""The Qt binding must not leak references to True, False or None: on Python 3.11 such
a leak aborts the interpreter after a few thousand calls, which is an hour of a live
workshop (the timer alone emits four signals a second). PySide6 6.12.0 did this on
every Signal.emit() and on every Python mergeWith(); pyproject.toml excludes it."""

from __future__ import annotations

import sys

from workshop.demo import demo_workshop
from workshop.ui.session import SessionController


def singleton_refs() -> tuple[int, int, int]:
    return sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)


def test_signals_and_typing_leave_true_false_and_none_alone(qapp, clock):
    controller = SessionController(demo_workshop(), None, clock)
    text = ""
    before = singleton_refs()
    for _ in range(500):
        controller.timer_changed.emit()  # what the display tick does
        text += "x"  # typing into one field: every keystroke merges into one undo step
        controller.set_field(("workshop", ""), "title", text)
    after = singleton_refs()
    controller.deleteLater()
    assert controller.undo_stack.count() == 1
    # A little slack for references the run itself holds; a leak loses hundreds.
    assert all(abs(a - b) < 50 for a, b in zip(after, before, strict=True)), (before, after)

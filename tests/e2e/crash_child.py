"""The process the crash test kills: the real facilitator window on a real database,
typed into through real widgets at a steady pace, until SIGKILL arrives.

    python crash_child.py DB LOG [INTERVAL_MS] [WHAT]

WHAT is "setup" (the default: the set-up page's fields in turn) or "why" (one answer
on the why-ladder, a character at a time, as someone writing down what the room says).
After every edit it appends `field<TAB>value<TAB>monotonic time` to LOG and fsyncs,
so the parent knows exactly what had been typed, and when, at the moment of the kill.
The first line of LOG is `ready<TAB>workshop id<TAB>time`, written once the window
shows and the session is in the file. Typing never pauses, so a debounce that waited
for a pause would never save: every edit must still reach the file within the
autosave delay.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

FIELDS = ("Title", "Client", "Team")  # accessible names of the set-up page's fields
WHY_FIELD = "Answer to why question 1"  # the ladder's first answer
WHY_KR_TEXT = "Launched the partner portal"  # the output whose ladder is typed into
LETTERS = "acdefghijklmnopqrstuvwxyz"  # no room key among them (Space, B, ., +, -)
GIVE_UP_MS = 60_000  # a child the parent forgot must not live for ever


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit, QWidget

    from workshop.clock import SystemClock
    from workshop.demo import demo_workshop
    from workshop.model import KeyResult
    from workshop.store import Store
    from workshop.ui.app import create_qt_app
    from workshop.ui.facilitator import FacilitatorWindow
    from workshop.ui.session import SessionController

    db_path, log_path = Path(argv[1]), Path(argv[2])
    interval_ms = int(argv[3]) if len(argv) > 3 else 150
    what = argv[4] if len(argv) > 4 else "setup"
    qt_app = create_qt_app()
    store = Store.open(db_path)
    workshop = demo_workshop()
    if what == "why":
        # An output the ladder has not seen yet, so its first answer is empty.
        kr = KeyResult(WHY_KR_TEXT)
        workshop.selected_objectives()[0].key_results.append(kr)
        workshop.current_stage = "ask_why"
    else:
        workshop.current_stage = "setup"
    store.save(workshop)
    # As App.open_session does it: a controller on the store, the facilitator window.
    controller = SessionController(workshop, store, SystemClock())
    window = FacilitatorWindow(controller)
    window.show()
    log = open(log_path, "a", encoding="utf-8")  # noqa: SIM115 - lives as long as we do

    def write(line: str) -> None:
        log.write(line + "\n")
        log.flush()
        os.fsync(log.fileno())

    count = 0
    if what == "why":
        window.show_page("ask_why")
        page = window.findChild(QWidget, "page_ask_why")
        page.select_kr(kr.id)
        answer = next(e for e in page.findChildren(QLineEdit)
                      if e.accessibleName() == WHY_FIELD)
        answer.setFocus()

        def type_one_edit() -> None:
            nonlocal count
            # One key at a time, never a pause long enough for a debounce to fire.
            QTest.keyClicks(answer, LETTERS[count % len(LETTERS)])
            write(f"{kr.id}\t{answer.text()}\t{time.monotonic():.6f}")
            count += 1
    else:
        window.show_page("setup")
        by_name = {e.accessibleName(): e for e in window.findChildren(QLineEdit)}
        edits = [by_name[name] for name in FIELDS]

        def type_one_edit() -> None:
            nonlocal count
            edit = edits[count % len(edits)]
            edit.setFocus()
            edit.end(False)  # type at the end, as someone adding to the field would
            # Letters and digits only: the room's keys (Space, B, ., +, -) never appear.
            QTest.keyClicks(edit, f"/w{count}")
            write(f"{FIELDS[count % len(edits)]}\t{edit.text()}\t{time.monotonic():.6f}")
            count += 1

    write(f"ready\t{workshop.id}\t{time.monotonic():.6f}")
    typing = QTimer()
    typing.setInterval(interval_ms)
    typing.timeout.connect(type_one_edit)
    typing.start()
    QTimer.singleShot(GIVE_UP_MS, qt_app.quit)
    return qt_app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv))

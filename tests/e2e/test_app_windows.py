"""The app introduces its windows to each other: the projector (F5) and presentation mode
(one mirrored screen) take the room's keys through the session's router, the laptop
shows what they show, and presentation mode changes no saved setting."""

from __future__ import annotations

from PySide6.QtCore import Qt

from workshop.demo import demo_workshop
from workshop.store import Store


def open_demo(make_app, tmp_path, qtbot):
    db = tmp_path / "workshops.db"
    store = Store.open(db)
    ws = demo_workshop()
    store.save(ws)
    store.close()
    app = make_app(db)
    assert app.open_store()
    app.open_session(ws.id)
    qtbot.waitExposed(app.facilitator)
    return app


def test_the_projector_takes_the_room_keys_and_the_laptop_shows_it(make_app, tmp_path,
                                                                   qtbot):
    app = open_demo(make_app, tmp_path, qtbot)
    app.facilitator.projector_requested.emit()
    audience = app.audience
    assert audience is not None and audience in app.router.windows
    audience.setFocus()
    qtbot.keyClick(audience, Qt.Key.Key_B)
    assert app.controller.room.black
    assert "BLACK" in app.facilitator.monitor.badges_label.text()
    qtbot.waitUntil(lambda: app.facilitator.monitor.picture.pixmap() is not None
                    and not app.facilitator.monitor.picture.pixmap().isNull(), timeout=3000)


def test_presentation_mode_is_the_room_view_and_changes_no_setting(make_app, tmp_path,
                                                                   qtbot):
    app = open_demo(make_app, tmp_path, qtbot)
    before = {k: app.settings.value(k) for k in app.settings.allKeys()}
    qtbot.keyClick(app.facilitator, Qt.Key.Key_P,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    shown = app.presentation
    assert shown is not None and shown.presentation and shown in app.router.windows
    qtbot.keyClick(shown, Qt.Key.Key_Space)
    assert app.controller.run.timer.running
    app.facilitator.presentation_requested.emit()
    assert app.presentation is None
    assert {k: app.settings.value(k) for k in app.settings.allKeys()} == before


def test_the_session_window_opens_maximised_or_as_it_was_left(make_app, tmp_path, qtbot):
    app = open_demo(make_app, tmp_path, qtbot)
    assert app.facilitator.isMaximized()
    app.facilitator.showNormal()
    app.facilitator.setGeometry(40, 50, 900, 640)
    left = app.facilitator.size()
    workshop_id = app.controller.workshop.id
    app.facilitator.close()
    app.open_session(workshop_id)
    qtbot.waitExposed(app.facilitator)
    assert not app.facilitator.isMaximized()
    assert app.facilitator.height() == left.height()  # (the offscreen screen is narrow)


def test_ctrl_q_quits_from_the_projector_window_too(make_app, tmp_path, qtbot):
    app = open_demo(make_app, tmp_path, qtbot)
    app.facilitator.projector_requested.emit()
    quits: list[bool] = []
    app.facilitator.quit_requested.connect(lambda: quits.append(True))
    app.audience.setFocus()
    qtbot.keyClick(app.audience, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert quits == [True]

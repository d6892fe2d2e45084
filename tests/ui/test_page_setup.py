"""The set-up page: session facts, participants and cadence, edited through the page."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from workshop.demo import demo_workshop
from workshop.model import Workshop, validate
from workshop.ui.pages.setup import SetupPage


@pytest.fixture
def open_page(show_page):
    return lambda controller: show_page(SetupPage, controller)


def test_typing_the_title_edits_the_model_undoes_and_autosaves(controller, open_page,
                                                                qtbot, timers):
    page = open_page(controller)
    title = page._line_edits["title"]
    title.clear()
    qtbot.keyClicks(title, "Q2 2027 OKRs: Support")
    assert controller.workshop.title == "Q2 2027 OKRs: Support"
    timers.fire_all()
    assert controller.store.load(controller.workshop.id).title == "Q2 2027 OKRs: Support"
    controller.undo_stack.undo()
    assert controller.workshop.title == "Q1 2027 OKRs: Enterprise growth"
    assert title.text() == "Q1 2027 OKRs: Enterprise growth"


def test_any_text_is_kept_as_typed(controller, open_page, qtbot):
    page = open_page(controller)
    client = page._line_edits["client"]
    hostile = "<b>R&D</b> \"quoted\" שלום 🚀 " + "x" * 10_000
    client.setText("")
    qtbot.keyClicks(client, "<b>R&D</b> \"quoted\"")
    assert controller.workshop.client == "<b>R&D</b> \"quoted\""
    # QTest cannot type right-to-left script or emoji: paste the rest as one edit.
    client.selectAll()
    client.insert(hostile)
    assert controller.workshop.client == hostile
    assert page.width() <= 1000  # a 10,000-character value does not widen the page


def test_enter_in_the_last_name_adds_the_next_participant(make_controller, open_page,
                                                          qtbot):
    controller = make_controller(Workshop(title="Fresh"))
    page = open_page(controller)
    qtbot.mouseClick(page.add_participant_button, Qt.MouseButton.LeftButton)
    assert len(controller.workshop.participants) == 1
    first = page.participant_rows.in_order()[0]
    assert first.name_edit.hasFocus()
    qtbot.keyClicks(first.name_edit, "Ingrid")
    qtbot.keyClick(first.name_edit, Qt.Key.Key_Return)
    assert [p.name for p in controller.workshop.participants] == ["Ingrid", ""]
    second = page.participant_rows.in_order()[1]
    assert second.name_edit.hasFocus()
    qtbot.keyClicks(second.name_edit, "Olav")
    qtbot.keyClicks(second.role_edit, "Support agent")
    assert controller.workshop.participants[1].name == "Olav"
    assert controller.workshop.participants[1].role == "Support agent"
    # Tab goes from a name to its role, in reading order.
    assert first.name_edit.nextInFocusChain() is first.role_edit


def test_removing_a_participant_keeps_their_actions_without_owner(controller, open_page):
    page = open_page(controller)
    yuki = next(p for p in controller.workshop.participants if p.name == "Yuki Tanaka")
    owned = [a for _, _, a in controller.workshop.all_actions() if a.owner_id == yuki.id]
    assert owned
    page.remove_participant(yuki.id)
    ws = controller.workshop
    assert "Yuki Tanaka" not in [p.name for p in ws.participants]
    assert len(page.participant_rows.in_order()) == 4
    texts = {a.text: a.owner_id for _, _, a in ws.all_actions()}
    assert all(texts[a.text] == "" for a in owned)
    validate(ws)  # no dangling owner
    controller.undo_stack.undo()
    assert "Yuki Tanaka" in [r.name_edit.text() for r in page.participant_rows.in_order()]
    assert controller.workshop.all_actions()[0][2].owner_id == yuki.id


def test_a_date_can_be_emptied_and_set_again(controller, open_page, qtbot, timers):
    page = open_page(controller)
    field = page._date_fields[("workshop", "workshop_date")]
    assert field.value() == date(2026, 12, 10)
    qtbot.mouseClick(field.set_box, Qt.MouseButton.LeftButton)
    assert controller.workshop.workshop_date is None
    assert field.edit.text() == "not set"
    timers.fire_all()
    assert controller.store.load(controller.workshop.id).workshop_date is None
    qtbot.mouseClick(field.set_box, Qt.MouseButton.LeftButton)
    assert controller.workshop.workshop_date is not None
    field.edit.setDate(date(2027, 1, 5))
    assert controller.workshop.workshop_date == date(2027, 1, 5)


def test_cadence_dates_are_suggested_from_the_period(make_controller, open_page, qtbot):
    ws = Workshop(title="Q2", period_start=date(2027, 4, 1), period_end=date(2027, 6, 30))
    controller = make_controller(ws)
    page = open_page(controller)
    # Ticking the mid-period review offers the halfway point.
    qtbot.mouseClick(page.mid_review_field.set_box, Qt.MouseButton.LeftButton)
    assert controller.workshop.cadence.mid_review == date(2027, 5, 17)
    qtbot.mouseClick(page.mid_review_field.set_box, Qt.MouseButton.LeftButton)
    assert controller.workshop.cadence.mid_review is None
    qtbot.mouseClick(page.suggest_button, Qt.MouseButton.LeftButton)
    assert controller.workshop.cadence.mid_review == date(2027, 5, 17)
    assert controller.workshop.cadence.retro_date == date(2027, 6, 30)
    assert page.retro_field.edit.date().toPython() == date(2027, 6, 30)
    controller.undo_stack.undo()
    assert controller.workshop.cadence.retro_date is None


def test_check_in_rhythm_and_weekday(controller, open_page, qtbot):
    page = open_page(controller)
    page.interval_combo.setFocus()
    qtbot.keyClick(page.interval_combo, Qt.Key.Key_Down)
    assert controller.workshop.cadence.checkin_interval == "biweekly"
    page.weekday_combo.setFocus()
    for _ in range(4):
        qtbot.keyClick(page.weekday_combo, Qt.Key.Key_Down)
    assert controller.workshop.cadence.checkin_weekday == 4  # Friday
    controller.undo_stack.undo()
    assert page.weekday_combo.currentText() == "Thursday"


def test_period_that_ends_before_it_starts_is_called_out(controller, open_page):
    page = open_page(controller)
    assert page.period_hint.isHidden()
    page._date_fields[("workshop", "period_end")].edit.setDate(date(2026, 12, 1))
    assert not page.period_hint.isHidden()
    assert "ends before it starts" in page.period_hint.text()


def test_first_time_toggle_and_accessible_names(controller, open_page, qtbot):
    page = open_page(controller)
    qtbot.mouseClick(page.first_time_box, Qt.MouseButton.LeftButton)
    assert controller.workshop.first_time is False
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QDateEdit, QLineEdit

    for kind in (QLineEdit, QAbstractButton, QComboBox, QDateEdit):
        for widget in page.findChildren(kind):
            if widget.objectName().startswith("qt_"):
                continue  # Qt's own parts of a composite widget (the date edit's text)
            if widget.isVisible() and widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
                assert widget.accessibleName(), widget


def test_a_client_logo_is_chosen_scaled_kept_and_printed(qtbot, make_controller, open_page,
                                                         tmp_path, store):
    """Issue: the title slide and the cover need the client's logo, chosen at set-up,
    stored with the session and exported with it."""
    import io

    from pypdf import PdfReader
    from PySide6.QtGui import QColor, QImage

    from workshop.export.pdf import build_pdf
    from workshop.model import logo_bytes

    picture = QImage(2000, 800, QImage.Format.Format_RGB32)
    picture.fill(QColor("#0b3d91"))
    source = tmp_path / "client.jpg"
    assert picture.save(str(source))
    controller = make_controller(demo_workshop())
    page = open_page(controller)
    assert page.set_logo_from_file(source)
    data = logo_bytes(controller.workshop)
    stored = QImage.fromData(data)
    assert stored.width() == 512 and 204 <= stored.height() <= 205  # its shape kept
    assert not page.logo_preview.pixmap().isNull()
    store.save(controller.workshop)
    assert store.load(controller.workshop.id).logo_png == controller.workshop.logo_png
    buffer = io.BytesIO()
    build_pdf(controller.workshop, buffer)
    cover = PdfReader(io.BytesIO(buffer.getvalue())).pages[0]
    assert len(cover.images) == 1
    controller.undo_stack.undo()
    assert controller.workshop.logo_png == ""

    text_file = tmp_path / "notes.png"
    text_file.write_text("not a picture")
    assert not page.set_logo_from_file(text_file)
    assert "could not be read as an image" in page.logo_message.text()
    assert controller.workshop.logo_png == ""


def test_a_large_room_builds_only_the_participants_in_view(qtbot, make_controller,
                                                           show_page):
    # Every participant's row was built at once: at ten times the large session, 60 rows
    # of fields built on the page's first visit whatever the window showed.
    from workshop.demo import large_workshop

    ws = large_workshop(scale=10)
    total = len(ws.participants)
    assert total >= 60
    controller = make_controller(ws)
    page = show_page(SetupPage, controller)
    rows = page.participant_rows
    qtbot.waitUntil(lambda: bool(rows.rows))
    built = len(rows.rows)
    assert built < total / 2  # what the window shows, not the whole room
    assert len(rows.keys) == total
    bar = page.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert len(rows.rows) > built
    last = rows.keys[-1]
    rows.focus_row(last)  # Tab or Enter to the last person builds that row
    assert last in rows.rows



def test_a_narrow_page_never_scrolls_sideways(controller, open_page, qtbot, app_theme):
    # The first-time check box's long text held the page wider than a 1024-pixel
    # screen leaves it (about 580 pixels in the app's own theme and text size): the
    # page scrolled sideways and each participant's Remove button was cut off.
    app_theme("light", 11)
    page = open_page(controller)
    page.resize(580, 700)
    qtbot.wait(50)
    assert not page.scroll_area.horizontalScrollBar().isVisible()

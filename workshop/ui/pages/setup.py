"""The set-up page: the session's facts, who is in the room, and the check-in cadence.

"""

from __future__ import annotations

import base64
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QWidget,
)

from workshop import edits
from workshop.clock import today
from workshop.edits import suggested_mid_review, suggested_retro
from workshop.model import CHECKIN_INTERVALS, Workshop, logo_bytes
from workshop.ui.pages.base import StagePage
from workshop.ui.pages.common import (
    Field,
    FieldsRow,
    OptionalDateField,
    button,
    chain_tab_order,
    hint_label,
    section,
    sync_line_edit,
    text_field,
    warn,
)
from workshop.ui.session import SessionController
from workshop.ui.widgets.row_list import RowList

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
INTERVAL_LABELS = {"weekly": "Every week", "biweekly": "Every two weeks"}
# A logo is kept small: sharp on a 4K projector's title slide, a few dozen KB in the file.
LOGO_MAX_PX = 512
LOGO_MAX_FILE_BYTES = 20 * 1024 * 1024
LOGO_PREVIEW_W, LOGO_PREVIEW_H = 96, 40



# ---------------------------------------------------------------------------------------
# The page
# ---------------------------------------------------------------------------------------


def _participant_row(page: SetupPage, participant_id: str, number: int) -> FieldsRow:
    """Name, role and a remove button for one participant."""
    row = FieldsRow(
        page.controller, "participant", participant_id,
        (Field("name", "Name", f"Participant {number} name",
               "Name (Enter: next participant, or add one)", stretch=3),
         Field("role", "Role", f"Participant {number} role", "Role in the team", stretch=2)),
        Field("", "Remove", f"Remove participant {number}",
              "Remove this participant (Tab here, then Space)"),
        on_enter=lambda: page.participant_rows.enter_in(participant_id, page.add_participant),
        on_remove=lambda: page.remove_participant(participant_id))
    row.setObjectName("participantRow")
    return row


class SetupPage(StagePage):
    """Session facts, participants and cadence, all editable in place."""

    stage_key = "setup"
    heading = "Set-up"

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self._line_edits: dict[str, QLineEdit] = {}
        self._date_fields: dict[tuple[str, str], OptionalDateField] = {}

        # -- the session's facts --------------------------------------------------------
        facts_box, facts_layout = section("The session", "setupFacts")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for field_name, label, placeholder in (
            ("title", "Title", "e.g. Q2 2027 OKRs: Support team"),
            ("client", "Client", "Organisation"),
            ("team", "Team", "Which team sets these OKRs"),
            ("facilitator", "Facilitator", "Who runs the workshop"),
        ):
            edit = self._make_line_edit(("workshop", ""), field_name, label, placeholder)
            form.addRow(f"{label}:", edit)
        self._add_date_field(form, ("workshop", ""), "workshop_date", "Workshop date")
        form.addRow("Period:", self._make_line_edit(("workshop", ""), "period_label",
                                                     "Period", "e.g. Q1 2027"))
        self._add_date_field(form, ("workshop", ""), "period_start", "Period starts")
        self._add_date_field(form, ("workshop", ""), "period_end", "Period ends")
        self.period_hint = hint_label()
        warn(self.period_hint)
        form.addRow(self.period_hint)
        # A check box's text never wraps: the long advice goes in a hint under it, or it
        # would hold the page wider than a 1024-pixel screen's.
        self.first_time_box = QCheckBox("First time with OKRs")
        self.first_time_box.setSizePolicy(QSizePolicy.Policy.Maximum,
                                          QSizePolicy.Policy.Fixed)
        self.first_time_box.setAccessibleName("First time with OKRs")
        self.first_time_box.setToolTip("Tick when the team is new to OKRs (Space)")
        self.first_time_box.toggled.connect(
            lambda checked: self.controller.set_field(("workshop", ""), "first_time",
                                                      bool(checked)))
        form.addRow(self.first_time_box)
        first_time_hint = hint_label()
        first_time_hint.setText("Start with two objectives and at most two key results "
                                "each.")
        form.addRow(first_time_hint)
        form.addRow("Client logo:", self._logo_row())
        facts_layout.addLayout(form)
        self.body_layout.addWidget(facts_box)

        # -- participants -----------------------------------------------------------------
        people_box, people_layout = section("Who is in the room", "setupParticipants")
        self.participant_rows = RowList(
            lambda key, number: _participant_row(self, key, number),
            lambda key: self.controller.get(("participant", key)),
            scroll_area=self.scroll_area, lazy=True)
        people_layout.addWidget(self.participant_rows)
        self.no_participants_label = hint_label()
        self.no_participants_label.setText("Nobody yet: add the people in the room, so "
                                           "actions can get an owner.")
        people_layout.addWidget(self.no_participants_label)
        self.add_participant_button = button(
            "&Add participant", "Add a participant (Alt+A, or Enter in the last name)",
            self.add_participant)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_participant_button)
        add_row.addStretch(1)
        people_layout.addLayout(add_row)
        self.body_layout.addWidget(people_box)

        # -- cadence ----------------------------------------------------------------------
        cadence_box, cadence_layout = section("Check-ins, review and retro", "setupCadence")
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        self.interval_combo = QComboBox()
        for key in CHECKIN_INTERVALS:
            self.interval_combo.addItem(INTERVAL_LABELS.get(key, key), key)
        self.interval_combo.setAccessibleName("Check-in interval")
        self.interval_combo.setToolTip("How often the team checks in (Up/Down to change)")
        self.interval_combo.activated.connect(self._on_interval)
        self.weekday_combo = QComboBox()
        self.weekday_combo.addItems(list(WEEKDAYS))
        self.weekday_combo.setAccessibleName("Check-in weekday")
        self.weekday_combo.setToolTip("The day of the check-in (Up/Down to change)")
        self.weekday_combo.activated.connect(
            lambda index: self.controller.set_field(("cadence", ""), "checkin_weekday",
                                                    int(index)))
        check_in_row = QHBoxLayout()
        check_in_row.addWidget(self.interval_combo)
        check_in_row.addWidget(QLabel("on"))
        check_in_row.addWidget(self.weekday_combo)
        check_in_row.addStretch(1)
        grid.addWidget(QLabel("Check-ins:"), 0, 0)
        grid.addLayout(check_in_row, 0, 1)
        self.mid_review_field = self._date_field(
            ("cadence", ""), "mid_review", "Mid-period review",
            lambda: suggested_mid_review(self.controller.workshop.period_start,
                                         self.controller.workshop.period_end,
                                         self.controller.workshop.cadence.checkin_weekday))
        self.retro_field = self._date_field(
            ("cadence", ""), "retro_date", "Retro",
            lambda: suggested_retro(self.controller.workshop.period_end))
        grid.addWidget(QLabel("Mid-period review:"), 1, 0)
        grid.addWidget(self.mid_review_field, 1, 1)
        grid.addWidget(QLabel("Retro:"), 2, 0)
        grid.addWidget(self.retro_field, 2, 1)
        cadence_layout.addLayout(grid)
        self.suggest_button = button(
            "&Suggest review and retro dates", "Mid-period review halfway through the "
            "period, retro on its last day (Alt+S)", self.suggest_cadence_dates)
        suggest_row = QHBoxLayout()
        suggest_row.addWidget(self.suggest_button)
        suggest_row.addStretch(1)
        cadence_layout.addLayout(suggest_row)
        self.body_layout.addWidget(cadence_box)
        self.body_layout.addStretch(1)
        self.refresh()

    # -- building -----------------------------------------------------------------------
    def _make_line_edit(self, address: tuple[str, str], field_name: str, label: str,
                        placeholder: str) -> QLineEdit:
        edit = text_field(placeholder, label, label, on_edit=lambda text: (
            self.controller.set_field(address, field_name, text)))
        self._line_edits[field_name] = edit
        return edit

    def _date_field(self, address: tuple[str, str], field_name: str, label: str,
                    default_date: Callable[[], date | None] | None = None
                    ) -> OptionalDateField:
        field_widget = OptionalDateField(label, lambda: today(self.controller.clock),
                                         default_date)
        field_widget.date_changed.connect(
            lambda value: self._set_date(address, field_name, value))
        self._date_fields[(address[0], field_name)] = field_widget
        return field_widget

    def _add_date_field(self, form: QFormLayout, address: tuple[str, str], field_name: str,
                        label: str) -> None:
        form.addRow(f"{label}:", self._date_field(address, field_name, label))

    def _set_date(self, address: tuple[str, str], field_name: str,
                  value: date | None) -> None:
        self.controller.set_field(address, field_name, value)
        self._update_hints()

    # -- edits --------------------------------------------------------------------------
    def add_participant(self) -> str:
        """Add an empty participant, put the cursor in its name; returns its id."""
        return self.add_row(self.participant_rows, edits.add_participant)

    def remove_participant(self, participant_id: str) -> None:
        """Remove a participant; the actions they owned lose their owner, not themselves."""
        self.remove_row(self.participant_rows, edits.remove_participant, participant_id,
                        self.add_participant_button)

    def suggest_cadence_dates(self) -> None:
        """Fill in the mid-period review (halfway) and the retro (the period's end)."""
        ws = self.controller.workshop
        if suggested_mid_review(ws.period_start, ws.period_end) is None and \
                suggested_retro(ws.period_end) is None:
            # Nothing to suggest: say what is missing rather than add an empty undo step.
            self.period_hint.setText("Set the period's start and end first; the review and "
                                     "retro dates follow from them.")
            self.period_hint.setVisible(True)
            return
        self.controller.edit(edits.suggest_cadence_dates)
        self.refresh()

    def _on_interval(self, index: int) -> None:
        key = self.interval_combo.itemData(index)
        if key:
            self.controller.set_field(("cadence", ""), "checkin_interval", key)

    # -- redraw -------------------------------------------------------------------------
    # -- the client's logo ------------------------------------------------------------------
    def _logo_row(self) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        self.logo_preview = QLabel()
        self.logo_preview.setObjectName("logoPreview")
        self.logo_preview.setFixedSize(LOGO_PREVIEW_W, LOGO_PREVIEW_H)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setAccessibleName("Client logo")
        layout.addWidget(self.logo_preview)
        self.logo_button = button("Choose…", "The client's logo for the title slide and the "
                                  "handout's cover (PNG, JPEG or SVG)", self.choose_logo)
        layout.addWidget(self.logo_button)
        self.remove_logo_button = button("Remove", "No logo", self.remove_logo)
        layout.addWidget(self.remove_logo_button)
        self.logo_message = hint_label()
        layout.addWidget(self.logo_message, 1)
        return row

    def choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "The client's logo", "", "Images (*.png *.jpg *.jpeg *.svg *.gif *.bmp)")
        if path:
            self.set_logo_from_file(Path(path))

    def set_logo_from_file(self, path: Path) -> bool:
        """Read an image, scale it to at most LOGO_MAX_PX on its long side and keep it in
        the session as PNG; a file that is not an image is refused in plain words."""
        image = QImage()
        if not path.is_file() or path.stat().st_size > LOGO_MAX_FILE_BYTES or \
                not image.load(str(path)):
            self.logo_message.setText(f"{path.name} could not be read as an image.")
            warn(self.logo_message)
            self.logo_message.show()
            return False
        if max(image.width(), image.height()) > LOGO_MAX_PX:
            image = image.scaled(LOGO_MAX_PX, LOGO_MAX_PX, Qt.AspectRatioMode.KeepAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation)
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        self.logo_message.hide()
        self.controller.set_field(("workshop", ""), "logo_png",
                                  base64.b64encode(bytes(data)).decode("ascii"),
                                  "Set the client's logo")
        return True

    def remove_logo(self) -> None:
        self.controller.set_field(("workshop", ""), "logo_png", "", "Remove the logo")

    def _sync_logo(self, ws: Workshop) -> None:
        data = logo_bytes(ws)
        if data == getattr(self, "_shown_logo", None):
            return
        self._shown_logo = data
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.logo_preview.setPixmap(pixmap.scaled(
                self.logo_preview.size(), Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
        else:
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText("No logo")
        self.remove_logo_button.setEnabled(bool(data))

    def refresh(self, kind: str = "", ident: str = "") -> None:
        ws = self.controller.workshop
        self._sync_logo(ws)
        for field_name, edit in self._line_edits.items():
            sync_line_edit(edit, getattr(ws, field_name))
        for (kind, field_name), field_widget in self._date_fields.items():
            owner = ws.cadence if kind == "cadence" else ws
            field_widget.sync(getattr(owner, field_name))
        if self.first_time_box.isChecked() != ws.first_time:
            self.first_time_box.blockSignals(True)
            self.first_time_box.setChecked(ws.first_time)
            self.first_time_box.blockSignals(False)
        interval_index = self.interval_combo.findData(ws.cadence.checkin_interval)
        if interval_index >= 0 and interval_index != self.interval_combo.currentIndex():
            self.interval_combo.setCurrentIndex(interval_index)
        weekday = ws.cadence.checkin_weekday
        if 0 <= weekday < 7 and weekday != self.weekday_combo.currentIndex():
            self.weekday_combo.setCurrentIndex(weekday)
        self._refresh_participants(ws, ident if kind == "participant" else "")
        self._update_hints()

    def _refresh_participants(self, ws: Workshop, changed: str) -> None:
        if self.participant_rows.update_items([p.id for p in ws.participants], changed):
            self._fix_tab_order()
        self.no_participants_label.setVisible(not ws.participants)

    def _fix_tab_order(self) -> None:
        order: list[QWidget] = [self._line_edits[k]
                                for k in ("title", "client", "team", "facilitator")]
        order += self._date_widgets(("workshop", "workshop_date"))
        order.append(self._line_edits["period_label"])
        order += self._date_widgets(("workshop", "period_start"))
        order += self._date_widgets(("workshop", "period_end"))
        order.append(self.first_time_box)
        order += self.participant_rows.focus_chain()
        order += [self.add_participant_button, self.interval_combo, self.weekday_combo]
        order += self._date_widgets(("cadence", "mid_review"))
        order += self._date_widgets(("cadence", "retro_date"))
        order.append(self.suggest_button)
        chain_tab_order(order)

    def _date_widgets(self, key: tuple[str, str]) -> list[QWidget]:
        field_widget = self._date_fields[key]
        return [field_widget.set_box, field_widget.edit]

    def _update_hints(self) -> None:
        ws = self.controller.workshop
        message = ""
        if ws.period_start and ws.period_end and ws.period_end < ws.period_start:
            message = "The period ends before it starts: check the two dates."
        elif not ws.period_start or not ws.period_end:
            message = ("Set the period's start and end: deadlines, the review and the "
                       "retro are checked against them.")
        self.period_hint.setText(message)
        self.period_hint.setVisible(bool(message))

    # -- the window's hooks -------------------------------------------------------------
    def focus_first(self) -> None:
        self._line_edits["title"].setFocus()


"""The short form for a new session (loaded only when it is opened)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from workshop.model import Participant, Workshop


def quarter_for(day: date) -> tuple[str, date, date]:
    """The quarter after the one `day` falls in: the usual period of a new workshop."""
    q = (day.month - 1) // 3 + 1
    year = day.year
    q, year = (1, year + 1) if q == 4 else (q + 1, year)
    start = date(year, 3 * (q - 1) + 1, 1)
    end_month_start = date(year + (q == 4), (3 * q) % 12 + 1, 1)
    return f"Q{q} {year}", start, end_month_start - timedelta(days=1)


class NewWorkshopDialog(QDialog):
    """The short form for a new session."""

    def __init__(self, today: date, templates: list[tuple[str, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New workshop")
        self.setMinimumWidth(520)
        form = QFormLayout()
        self.title = QLineEdit()
        self.title.setPlaceholderText("e.g. Q2 2027 OKRs: Support team")
        self.client = QLineEdit()
        self.team = QLineEdit()
        self.facilitator = QLineEdit()
        self.workshop_date = QDateEdit(today)
        self.workshop_date.setCalendarPopup(True)
        self.workshop_date.setDisplayFormat("dd MMM yyyy")
        label, start, end = quarter_for(today)
        self.period = QLineEdit(label)
        self.period_start = QDateEdit(start)
        self.period_end = QDateEdit(end)
        for edit in (self.period_start, self.period_end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd MMM yyyy")
        self.participants = QPlainTextEdit()
        self.participants.setPlaceholderText("One per line: name, role\nMaria Jensen, CEO")
        self.participants.setTabChangesFocus(True)
        self.participants.setFixedHeight(110)
        self.template = QComboBox()
        for key, title in templates:
            self.template.addItem(title, key)
        self.template.setCurrentIndex(max(0, self.template.findData("2h")))
        self.first_time = QCheckBox("First time with OKRs (start with 2 objectives × 2 KRs)")
        self.first_time.setChecked(True)
        period_row = QHBoxLayout()
        period_row.addWidget(self.period, 1)
        period_row.addWidget(QLabel("from"))
        period_row.addWidget(self.period_start)
        period_row.addWidget(QLabel("to"))
        period_row.addWidget(self.period_end)
        for text, widget in (("&Title", self.title), ("&Client", self.client),
                             ("T&eam", self.team), ("&Facilitator", self.facilitator),
                             ("Workshop &date", self.workshop_date)):
            form.addRow(text, widget)
            widget.setAccessibleName(text.replace("&", ""))
        period_label = QLabel("&Period")
        period_label.setBuddy(self.period)
        form.addRow(period_label, period_row)
        self.period.setAccessibleName("Period label")
        self.period_start.setAccessibleName("Period start")
        self.period_end.setAccessibleName("Period end")
        form.addRow("P&articipants", self.participants)
        self.participants.setAccessibleName("Participants, one per line")
        form.addRow("A&genda", self.template)
        self.template.setAccessibleName("Agenda template")
        form.addRow("", self.first_time)
        self.error = QLabel()
        self.error.setObjectName("riskBanner")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create and open")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        if self.period_end.date() < self.period_start.date():
            self.error.setText("The period ends before it starts.")
            self.error.show()
            return
        self.accept()

    def workshop(self) -> Workshop:
        people = []
        for line in self.participants.toPlainText().splitlines():
            if not line.strip():
                continue
            name, _, role = line.partition(",")
            people.append(Participant(name.strip(), role.strip()))
        title = self.title.text().strip()
        client = self.client.text().strip()
        period = self.period.text().strip()
        if not title:
            title = " ".join(x for x in (period, "OKRs", f"· {client}" if client else "") if x)
        return Workshop(
            title=title, client=client, team=self.team.text().strip(),
            facilitator=self.facilitator.text().strip(),
            workshop_date=self.workshop_date.date().toPython(),
            period_label=period, period_start=self.period_start.date().toPython(),
            period_end=self.period_end.date().toPython(),
            first_time=self.first_time.isChecked(),
            agenda_template=self.template.currentData() or "2h",
            participants=people,
        )

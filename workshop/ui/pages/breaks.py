"""The half-day agenda's break: nothing to edit, the timer says when to be back."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from workshop.ui.pages.base import StagePage
from workshop.ui.pages.common import plain_label
from workshop.ui.session import SessionController


class BreakPage(StagePage):
    """A page with one line: the timer above and the projector say when to be back."""

    stage_key = "break"
    heading = "Break"

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.body_layout.addWidget(plain_label(
            "Break. The timer above shows when the room is due back; the projector shows "
            "the countdown."))
        self.body_layout.addStretch(1)

"""The side panel: what to ask the room, tips for the facilitator, and the coach.

Coaching lives here and only here: it never pops up, never blocks, and reaches the
projector only when the facilitator presses "Show on projector" on one finding.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

MAX_SHOWN = 12  # more than a dozen findings is noise in a side panel; the rest are summed


def _label(text: str, object_name: str = "", *, bold: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if object_name:
        label.setObjectName(object_name)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    return label


class SidePanel(QFrame):
    """Prompts, tips and findings for the current stage."""

    # The finding the facilitator chose to show the room, or None to take it down.
    project_finding = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidePanel")
        self.setAccessibleName("Facilitator side panel")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(scroll)
        inner = QWidget()
        inner.setObjectName("sidePanelBody")
        self._layout = QVBoxLayout(inner)
        self._layout.setContentsMargins(10, 10, 10, 10)
        self._layout.setSpacing(6)
        scroll.setWidget(inner)
        self.goal = _label("", "muted")
        self.prompts_box = QVBoxLayout()
        self.tips_box = QVBoxLayout()
        self.findings_box = QVBoxLayout()
        self.findings_title = _label("Coach", bold=True)
        self._layout.addWidget(_label("Ask the room", bold=True))
        self._layout.addLayout(self.prompts_box)
        self._layout.addWidget(self.goal)
        self._layout.addSpacing(8)
        self._layout.addWidget(self.findings_title)
        self._layout.addLayout(self.findings_box)
        self._layout.addSpacing(8)
        self._layout.addWidget(_label("Tips", bold=True))
        self._layout.addLayout(self.tips_box)
        self._layout.addStretch(1)
        self._findings_key: tuple | None = None
        self._projected = ""  # the message on the projector now, "" when none
        self._show_buttons: list[tuple[str, QPushButton]] = []

    @staticmethod
    def _clear(box: QVBoxLayout) -> None:
        while box.count():
            item = box.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.hide()  # at once: deleteLater only runs on the next event loop turn
                widget.deleteLater()

    def set_stage(self, prompts: Sequence[str], tips: Sequence[str], goal: str) -> None:
        self._clear(self.prompts_box)
        self._clear(self.tips_box)
        for prompt in prompts:
            self.prompts_box.addWidget(_label(f"• {prompt}"))
        for tip in tips:
            self.tips_box.addWidget(_label(tip, "muted"))
        self.goal.setText(f"Goal: {goal}" if goal else "")

    def set_findings(self, findings: Sequence) -> None:
        key = tuple((f.code, f.message, f.question) for f in findings)
        if key == self._findings_key:
            return  # unchanged: do not rebuild under the facilitator's eyes
        self._findings_key = key
        self._clear(self.findings_box)
        self._show_buttons = []
        warns = sum(1 for f in findings if f.severity == "warn")
        self.findings_title.setText(
            f"Coach: {warns} to look at" if warns else "Coach")
        if not findings:
            self.findings_box.addWidget(_label("Nothing to flag here.", "muted"))
            return
        ordered = sorted(findings, key=lambda f: f.severity != "warn")
        for finding in ordered[:MAX_SHOWN]:
            self.findings_box.addWidget(self._finding_widget(finding))
        if len(ordered) > MAX_SHOWN:
            self.findings_box.addWidget(
                _label(f"... and {len(ordered) - MAX_SHOWN} more", "muted"))

    def _finding_widget(self, finding) -> QWidget:
        box = QFrame()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        prefix = "Look at this: " if finding.severity == "warn" else "Note: "
        text = _label(prefix + finding.message,
                      "findingWarn" if finding.severity == "warn" else "findingInfo")
        text.setAccessibleName(f"Coach finding: {finding.message}")
        layout.addWidget(text)
        if finding.question:
            layout.addWidget(_label(f"Ask: “{finding.question}”"))
        row = QHBoxLayout()
        row.addStretch(1)
        show = QPushButton()
        show.setToolTip("Put this one finding on the audience screen, or take it down")
        message = finding.question or finding.message
        show.clicked.connect(lambda _=False, f=finding, m=message: self._toggle(f, m))
        self._show_buttons.append((message, show))
        self._label_button(message, show)
        row.addWidget(show)
        layout.addLayout(row)
        return box

    def _toggle(self, finding, message: str) -> None:
        self.project_finding.emit(None if message == self._projected else finding)

    def set_projected(self, message: str) -> None:
        """Which finding the room sees now: its button offers to take it down."""
        self._projected = message
        for shown_message, button in self._show_buttons:
            self._label_button(shown_message, button)

    def _label_button(self, message: str, button: QPushButton) -> None:
        on_screen = bool(message) and message == self._projected
        button.setText("Take off the projector" if on_screen else "Show on projector")
        button.setAccessibleName(f"{button.text()}: {message}")
        button.setProperty("onScreen", on_screen)
        button.style().unpolish(button)
        button.style().polish(button)

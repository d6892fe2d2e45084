"""The side panel: what to ask the room, tips for the facilitator, and the coach.

Coaching lives here and only here: it never pops up, never blocks, and reaches the
projector only when the facilitator presses "Show on projector" on one finding.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from workshop.ui.pages.common import elided

MAX_SHOWN = 12  # more than a dozen findings is noise in a side panel; the rest are summed
MIN_WIDTH = 200  # the panel's narrowest, unless its buttons need more
SHOW = "Show on projector"
TAKE_DOWN = "Take it down"  # short: the card is marked as on screen, and bold widens it
SUBJECT_SHOWN = 48  # characters of the item a card is about: enough to tell items apart


def _about(subject: str, message: str) -> str:
    """The line naming the item a card is about, or "" when the message already quotes
    it (three routine objectives otherwise give three cards no one can tell apart)."""
    subject = " ".join(subject.split())
    if not subject or subject[:30] in message:
        return ""
    return f"On \u201c{elided(subject, SUBJECT_SHOWN)}\u201d"


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
        # The finding on the projector now, as (message, item id); ("", "") when none.
        # The item is part of it: the same advice about two objectives is two cards.
        self._projected: tuple[str, str] = ("", "")
        self._show_buttons: list[tuple[tuple[str, str], QPushButton]] = []
        self._fit_width()

    def _fit_width(self) -> None:
        """Wide enough for a card's button in either state, in the font and style of the
        moment: wrapped labels give way, a button does not, and it pushed the panel's text
        past its right edge at 1024x768 once a finding was on screen."""
        widest = 0
        for text, on_screen in ((SHOW, False), (TAKE_DOWN, True)):
            probe = QPushButton(text)  # no parent: it must never show in the panel
            probe.setProperty("onScreen", on_screen)  # bold when on screen
            probe.ensurePolished()
            widest = max(widest, probe.sizeHint().width())
        margins = self._layout.contentsMargins()
        scrollbar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self.setMinimumWidth(max(MIN_WIDTH, widest + margins.left() + margins.right()
                                 + scrollbar + 2 * self.frameWidth() + 4))

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_width()

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

    def set_findings(self, findings: Sequence,
                     subject_of: Callable[[str], str] | None = None) -> None:
        """Show the coach's findings; `subject_of` gives the text of the item a finding's
        subject_id names, so each card can say which objective or key result it is about."""
        subjects = [subject_of(f.subject_id) if subject_of and f.subject_id else ""
                    for f in findings]
        key = tuple((f.code, f.message, f.question, subject)
                    for f, subject in zip(findings, subjects, strict=True))
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
        ordered = sorted(zip(findings, subjects, strict=True),
                         key=lambda pair: pair[0].severity != "warn")
        for finding, subject in ordered[:MAX_SHOWN]:
            self.findings_box.addWidget(self._finding_widget(finding, subject))
        if len(ordered) > MAX_SHOWN:
            self.findings_box.addWidget(
                _label(f"... and {len(ordered) - MAX_SHOWN} more", "muted"))

    def _finding_widget(self, finding, subject: str) -> QWidget:
        box = QFrame()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        about = _about(subject, finding.message)
        if about:
            layout.addWidget(_label(about, "findingSubject"))
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
        shown = (finding.question or finding.message, finding.subject_id)
        show.clicked.connect(lambda _=False, f=finding, k=shown: self._toggle(f, k))
        self._show_buttons.append((shown, show))
        about = f" (on \u201c{subject}\u201d)" if subject else ""
        show.setProperty("about", about)
        self._label_button(shown, show)
        row.addWidget(show)
        layout.addLayout(row)
        return box

    def _toggle(self, finding, shown: tuple[str, str]) -> None:
        self.project_finding.emit(None if shown == self._projected else finding)

    def set_projected(self, message: str, subject_id: str = "") -> None:
        """Which finding the room sees now, and about which item: its button, and only
        its, offers to take it down."""
        self._projected = (message, subject_id)
        for shown, button in self._show_buttons:
            self._label_button(shown, button)

    def _label_button(self, shown: tuple[str, str], button: QPushButton) -> None:
        message = shown[0]
        on_screen = bool(message) and shown == self._projected
        button.setText(TAKE_DOWN if on_screen else SHOW)
        action = "Take off the projector" if on_screen else SHOW
        button.setAccessibleName(f"{action}: {message}{button.property('about')}")
        button.setProperty("onScreen", on_screen)
        button.style().unpolish(button)
        button.style().polish(button)

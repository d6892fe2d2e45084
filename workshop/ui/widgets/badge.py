"""A small label that says in words whether a key result is an output or an outcome.

The word carries the meaning; the colour is only a help. The theme colours the badge by
its object name ("badgeOutput" / "badgeOutcome") and by the dynamic property "kind".
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from workshop.ui.widgets.style import set_style_state

OUTPUT = "output"
OUTCOME = "outcome"

_OBJECT_NAMES = {OUTPUT: "badgeOutput", OUTCOME: "badgeOutcome"}
_TOOLTIPS = {
    OUTPUT: "The coach reads this as an output: something the team does or delivers. "
            "Ask why to find the change it should make.",
    OUTCOME: "The coach reads this as an outcome: a change in value for somebody.",
}


class KindBadge(QLabel):
    """Shows "OUTPUT" or "OUTCOME" (or nothing while there is no text to judge)."""

    def __init__(self, kind: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        # Room for the longer word, so the row does not jump when the verdict changes.
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("OUTCOME") + 16)
        self._kind: str | None = None
        self.set_kind(kind)

    @property
    def kind(self) -> str:
        """"output", "outcome" or "" (blank)."""
        return self._kind or ""

    def set_kind(self, kind: str) -> None:
        """Show `kind` ("output" / "outcome"); any other value blanks the badge."""
        kind = kind if kind in _OBJECT_NAMES else ""
        if kind == self._kind:
            return
        self._kind = kind
        self.setText(kind.upper())
        self.setObjectName(_OBJECT_NAMES.get(kind, "badgeBlank"))
        self.setToolTip(_TOOLTIPS.get(kind, ""))
        self.setAccessibleName(f"Coach: {kind}" if kind else "Coach: not judged yet")
        set_style_state(self, "kind", kind)  # restyles for the new object name as well

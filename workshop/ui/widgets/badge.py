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
_UNSURE_TOOLTIP = ("The coach is not sure. Ask the room: is this something we do, or a "
                   "change we want to see?")
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
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("OUTCOME?") + 16)
        self._kind: str | None = None
        self.set_kind(kind)

    @property
    def kind(self) -> str:
        """"output", "outcome" or "" (blank)."""
        return self._kind or ""

    def set_kind(self, kind: str, unsure: bool = False) -> None:
        """Show `kind` ("output" / "outcome"), as a question ("OUTPUT?") in a neutral
        box when the coach is unsure, and a bare "?" when it is unsure with no kind (words it
        does not read); any other kind blanks the badge."""
        kind = kind if kind in _OBJECT_NAMES else ""
        if (kind, unsure) == (self._kind, getattr(self, "_unsure", False)):
            return
        self._kind = kind
        self._unsure = unsure
        self.setText(kind.upper() + ("?" if unsure else ""))
        self.setObjectName("badgeUnsure" if unsure else _OBJECT_NAMES.get(kind, "badgeBlank"))
        self.setToolTip(_UNSURE_TOOLTIP if unsure else _TOOLTIPS.get(kind, ""))
        self.setAccessibleName((f"Coach: perhaps {kind}" if unsure else f"Coach: {kind}")
                               if kind else "Coach: cannot tell" if unsure
                               else "Coach: not judged yet")
        set_style_state(self, "kind", "unsure" if unsure else kind)

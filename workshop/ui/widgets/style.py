"""The one way a widget shows a state (warned, kept, flagged, a badge's kind): a dynamic
property the theme styles on. Qt restyles a widget for a changed property only after a
re-polish, which is what this adds."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def set_style_state(widget: QWidget, name: str, value: object) -> None:
    """Set the dynamic property `name` the theme styles on, and re-polish so it shows."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)

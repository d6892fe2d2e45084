"""The stage pages, by stage key. "wrap_up" and "retro" are pages without a timer."""

from __future__ import annotations

import importlib

from workshop.ui.pages.base import StagePage

_PAGES = {
    "setup": ("setup", "SetupPage"),
    "strategy": ("strategy", "StrategyPage"),
    "objectives": ("objectives", "ObjectivesPage"),
    "key_results": ("key_results", "KeyResultsPage"),
    "ask_why": ("ask_why", "AskWhyPage"),
    "review": ("review", "ReviewPage"),
    "action_plan": ("action_plan", "ActionPlanPage"),
    "wrap_up": ("wrap_up", "WrapUpPage"),
    "retro": ("retro", "RetroPage"),
}

UNTIMED_PAGES = ("wrap_up", "retro")


class BreakPage(StagePage):
    """The half-day agenda's break: nothing to edit, the timer says when to be back."""

    stage_key = "break"
    heading = "Break"

    def __init__(self, controller, parent=None) -> None:
        from PySide6.QtWidgets import QLabel

        super().__init__(controller, parent)
        note = QLabel("Break. The timer above shows when the room is due back; the "
                      "projector shows the countdown.")
        note.setWordWrap(True)
        self.body_layout.addWidget(note)
        self.body_layout.addStretch(1)


def _load() -> dict[str, type[StagePage]]:
    classes: dict[str, type[StagePage]] = {"break": BreakPage}
    for key, (module, name) in _PAGES.items():
        classes[key] = getattr(importlib.import_module(f"workshop.ui.pages.{module}"), name)
    return classes


PAGE_CLASSES = _load()

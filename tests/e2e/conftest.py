"""Fixtures for the whole-app tests: a real App on a database in tmp_path, whose
questions to the user (`App._ask`) are answered by the test and recorded."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from workshop.clock import FakeClock
from workshop.ui.app import App


class Answers:
    """Answers App._ask by the label of an option, and remembers what was asked."""

    def __init__(self, *labels: str) -> None:
        self.labels = list(labels)
        self.asked: list[tuple[str, str, list[str]]] = []

    def __call__(self, title: str, text: str, options: list[str]) -> int:
        self.asked.append((title, text, list(options)))
        label = self.labels.pop(0) if self.labels else options[-1]
        return options.index(label)


@pytest.fixture
def make_app(qapp, tmp_path):
    """make_app(db_path, *answers) -> App, with `app.answers` holding what was asked."""
    made: list[App] = []

    def make(db_path, *labels: str) -> App:
        settings = QSettings(str(tmp_path / f"settings-{len(made)}.ini"),
                             QSettings.Format.IniFormat)
        app = App(qapp, db_path, FakeClock(), settings)
        app.answers = Answers(*labels)
        app._ask = app.answers
        made.append(app)
        return app

    yield make
    for app in made:
        if app.facilitator is not None:
            app.facilitator.close()
        app.shutdown()
        app.library.close()
        app.library.deleteLater()

"""The wrap-up page: the session's summary and its exports."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from workshop.demo import demo_workshop
from workshop.ui.pages.wrap_up import WrapUpPage


def texts_of(widget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel) if label.isVisible()]


def test_wrap_up_summarises_the_session(qtbot, controller, show_page):
    page = show_page(WrapUpPage, controller)
    shown = texts_of(page.summary)
    assert ("We will accelerate enterprise AI adoption, as measured by: increase enterprise "
            "sign-ups by 25%; reduce churn in the enterprise segment to below 5%; and generate "
            "200 qualified enterprise leads through events.") in shown
    assert "3 key results · 9 actions" in shown
    assert any("Lars Berg: 4 actions" in t and "Maria Jensen: 2 actions" in t for t in shown)
    assert "Check-ins: Every Monday" in shown
    assert "Mid-period review: 15 Feb 2027" in shown
    assert "Retro: 1 Apr 2027" in shown


@pytest.fixture
def exporting(qtbot, controller, tmp_path, monkeypatch, show_page):
    page = show_page(WrapUpPage, controller)
    asked: list[tuple[str, Path]] = []
    opened: list[Path] = []
    answers: dict[str, Path | None] = {}

    def choose(kind, suggested):
        asked.append((kind, suggested))
        return answers.get(kind, tmp_path / suggested.name)

    monkeypatch.setattr(page, "choose_path", choose)
    monkeypatch.setattr(page, "open_folder", lambda folder: opened.append(folder) or True)
    return page, asked, opened, answers


def test_pdf_export_says_where_it_went_and_opens_the_folder(exporting, tmp_path):
    page, asked, opened, _answers = exporting
    page.export_buttons["pdf"].click()
    assert asked[0][1].name == "q1-2027-okrs-enterprise-growth.pdf"
    target = tmp_path / "q1-2027-okrs-enterprise-growth.pdf"
    assert target.read_bytes().startswith(b"%PDF")
    assert page.result_label.text() == "Saved q1-2027-okrs-enterprise-growth.pdf"
    assert page.open_folder_button.isVisible()
    page.open_folder_button.click()
    assert opened == [tmp_path]
    # The next export is proposed in the same folder.
    assert page.suggested_path("md").parent == tmp_path


def test_csv_and_calendar_exports(exporting, tmp_path):
    page, _asked, _opened, answers = exporting
    answers["csv"] = tmp_path / "plan"  # no extension typed: the right one is added
    page.export("csv")
    assert (tmp_path / "plan-actions.csv").exists()
    assert page.result_label.text() == "Saved plan-actions.csv and plan-key-results.csv"
    page.export("ics")
    assert b"BEGIN:VCALENDAR" in (tmp_path / "q1-2027-okrs-enterprise-growth.ics").read_bytes()


def test_per_participant_export_writes_one_pdf_each(exporting, tmp_path):
    page, _asked, _opened, answers = exporting
    answers["participants"] = tmp_path / "people"
    files = page.export("participants")
    assert len(files) == 5
    assert all(f.parent == tmp_path / "people" and f.suffix == ".pdf" for f in files)
    assert page.result_label.text() == "Saved 5 participant PDFs in people"


def test_export_error_is_shown_in_the_page(exporting, tmp_path):
    page, _asked, _opened, answers = exporting
    answers["md"] = tmp_path / "missing-folder" / "notes.md"
    assert page.export("md") == []
    assert "does not exist" in page.result_label.text()
    assert page.result_label.property("warn") is True
    assert not page.open_folder_button.isVisible()
    answers["json"] = None  # the facilitator cancelled the dialog
    assert page.export("json") == []
    assert "does not exist" in page.result_label.text()


def test_suggested_names_are_safe_for_any_title(qtbot, make_controller, show_page):
    ws = demo_workshop()
    ws.title = 'Q2: "Støtte" <team>/../ أهداف'
    page = show_page(WrapUpPage, make_controller(ws))
    name = page.suggested_path("pdf").name
    assert name.endswith(".pdf")
    assert not set(name) & set('/\\:"<>|?*')
    assert "støtte" in name

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


def finish(qtbot, page) -> list[Path]:
    """Wait for the export running in the background; the files it wrote."""
    qtbot.waitUntil(lambda: not page.jobs.busy, timeout=30_000)
    return page.last_export


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


def test_pdf_export_says_where_it_went_and_opens_the_folder(qtbot, exporting, tmp_path):
    page, asked, opened, _answers = exporting
    page.export_buttons["pdf"].click()
    finish(qtbot, page)
    assert asked[0][1].name == "q1-2027-okrs-enterprise-growth.pdf"
    target = tmp_path / "q1-2027-okrs-enterprise-growth.pdf"
    assert target.read_bytes().startswith(b"%PDF")
    assert page.result_label.text() == "Saved q1-2027-okrs-enterprise-growth.pdf"
    assert page.open_folder_button.isVisible()
    page.open_folder_button.click()
    assert opened == [tmp_path]
    # The next export is proposed in the same folder.
    assert page.suggested_path("md").parent == tmp_path


def test_csv_and_calendar_exports(qtbot, exporting, tmp_path):
    page, _asked, _opened, answers = exporting
    answers["csv"] = tmp_path / "plan"  # no extension typed: the right one is added
    page.export("csv")
    finish(qtbot, page)
    assert (tmp_path / "plan-actions.csv").exists()
    assert page.result_label.text() == "Saved plan-actions.csv and plan-key-results.csv"
    page.export("ics")
    finish(qtbot, page)
    assert b"BEGIN:VCALENDAR" in (tmp_path / "q1-2027-okrs-enterprise-growth.ics").read_bytes()


def test_per_participant_export_writes_one_pdf_each(qtbot, exporting, tmp_path):
    page, _asked, _opened, answers = exporting
    answers["participants"] = tmp_path / "people"
    page.export("participants")
    files = finish(qtbot, page)
    assert len(files) == 5
    assert all(f.parent == tmp_path / "people" and f.suffix == ".pdf" for f in files)
    assert page.result_label.text() == "Saved 5 participant PDFs in people"


def test_export_error_is_shown_in_the_page(qtbot, exporting, tmp_path):
    page, _asked, _opened, answers = exporting
    answers["md"] = tmp_path / "missing-folder" / "notes.md"
    page.export("md")
    assert finish(qtbot, page) == []
    assert "does not exist" in page.result_label.text()
    assert page.result_label.property("warn") is True
    assert not page.open_folder_button.isVisible()
    answers["json"] = None  # the facilitator cancelled the dialog
    page.export("json")
    assert not page.jobs.busy
    assert "does not exist" in page.result_label.text()


def test_the_export_runs_in_the_background_on_the_session_as_it_was(qtbot, exporting,
                                                                     tmp_path):
    """Before: the window (and the projector's countdown) froze while the PDF was built,
    and an edit typed just then waited for its save. Now the export works on a copy."""
    from pypdf import PdfReader

    page, _asked, _opened, _answers = exporting
    c = page.controller
    title = c.workshop.title
    page.export_buttons["pdf"].click()
    assert page.jobs.busy and not page.export_buttons["md"].isEnabled()
    assert page.result_label.text().startswith("Exporting")
    c.set_field(("workshop", ""), "title", "Typed while the PDF was being built")
    assert c.workshop.title == "Typed while the PDF was being built"
    (pdf,) = finish(qtbot, page)
    text = " ".join(p.extract_text() or "" for p in PdfReader(str(pdf)).pages[:1])
    assert " ".join(title.split()[:2]) in text and "Typed while" not in text
    assert page.export_buttons["md"].isEnabled()


def test_suggested_names_are_safe_for_any_title(qtbot, make_controller, show_page):
    ws = demo_workshop()
    ws.title = 'Q2: "Støtte" <team>/../ أهداف'
    page = show_page(WrapUpPage, make_controller(ws))
    name = page.suggested_path("pdf").name
    assert name.endswith(".pdf")
    assert not set(name) & set('/\\:"<>|?*')
    assert "støtte" in name

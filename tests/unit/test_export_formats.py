"""Markdown, CSV, JSON and ICS exports, and export_file's choices and errors."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar

from workshop.demo import demo_workshop
from workshop.export import FORMATS, ExportError, export_file
from workshop.export.formats import (
    actions_csv,
    checkin_dates,
    escape_markdown,
    key_results_csv,
    neutralise_formula,
    to_ics,
    to_json,
    to_markdown,
    unescape_markdown,
)
from workshop.model import Cadence, objective_statement, workshop_from_dict


def read_csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


# -- the cadence --------------------------------------------------------------------------

def test_weekly_checkins_run_every_monday_of_the_period():
    dates = checkin_dates(demo_workshop())
    assert dates[0] == date(2027, 1, 4)  # the first Monday on or after 1 Jan 2027
    assert dates[-1] == date(2027, 3, 29)
    assert len(dates) == 13
    assert all(d.weekday() == 0 for d in dates)


def test_biweekly_checkins_on_thursdays_start_after_a_late_workshop():
    ws = demo_workshop()
    ws.workshop_date = date(2027, 1, 12)  # the workshop ran after the period began
    ws.cadence = Cadence("biweekly", 3)
    dates = checkin_dates(ws)
    assert dates[0] == date(2027, 1, 14)
    assert [(b - a).days for a, b in zip(dates, dates[1:], strict=False)] == [14] * (len(dates) - 1)
    assert dates[-1] <= date(2027, 3, 31)


def test_no_checkins_without_a_period_end():
    ws = demo_workshop()
    ws.period_end = None
    assert checkin_dates(ws) == []


# -- Markdown -----------------------------------------------------------------------------

def test_markdown_tells_the_whole_story():
    ws = demo_workshop()
    ws.notes = "private: budget is tight"
    md = unescape_markdown(to_markdown(ws))
    for objective in ws.selected_objectives():
        assert objective_statement(objective) in md
        for kr in objective.key_results:
            assert kr.text in md
            for step in kr.why_steps:
                assert step.question in md and step.answer in md
            for action in kr.actions:
                assert action.text in md
    assert "120 sign-ups \u2192 150 sign-ups" in md
    assert "**The output is now an action:** Launch v3.0 of our platform (Yuki Tanaka, 26 Feb 2027)" in md
    assert "4 Jan 2027" in md and "**Mid-period review:** 15 Feb 2027" in md
    assert "| Are there only a few of them (fewer than five in total)? | No |" in md
    assert ws.context.vision in md
    assert "Continue improving product quality" not in md
    assert "budget is tight" not in md


def test_markdown_user_text_cannot_make_headings_or_break_tables():
    ws = demo_workshop()
    ws.title = "# Not a heading"
    kr = ws.objectives[0].key_results[0]
    kr.text = "Sign-ups | up *25%*\n## injected"
    kr.actions[0].text = "a|b|c <script>"
    md = to_markdown(ws)
    assert md.splitlines()[0] == "# \\# Not a heading"
    assert "## injected" not in md.replace("\\#\\# injected", "")
    for line in md.splitlines():
        if line.startswith("| "):
            unescaped_pipes = len(line.replace("\\|", "").split("|")) - 1
            assert unescaped_pipes == 4, line
    assert kr.text in unescape_markdown(md)


@pytest.mark.parametrize("text", ["", "plain", "a\\b", "# x", "x|y", "<br>", "&amp;", "&#13;",
                                  "line\nbreak\r\nand\rcr", "tab\tnul\x00bell\x07", "R&D", "~~",
                                  "\u2028\x85"])
def test_markdown_escaping_gives_the_exact_text_back(text):
    escaped = escape_markdown(text)
    assert "\n" not in escaped and "\r" not in escaped
    assert unescape_markdown(escaped) == text


# -- CSV ----------------------------------------------------------------------------------

def test_actions_csv_has_one_row_per_action_with_owner_and_iso_deadline():
    ws = demo_workshop()
    rows = read_csv(actions_csv(ws))
    assert rows[0] == ["Objective", "Key result", "Task", "Owner", "Deadline"]
    assert len(rows) == 1 + len(ws.all_actions())
    assert ["Accelerate enterprise AI adoption", "Increase enterprise sign-ups by 25%",
            "Launch v3.0 of our platform", "Yuki Tanaka", "2027-02-26"] in rows


def test_key_results_csv_lists_metric_baseline_target_and_unit():
    rows = read_csv(key_results_csv(demo_workshop()))
    assert rows[0] == ["Objective", "Key result", "Metric", "Baseline", "Target", "Unit"]
    assert ["Accelerate enterprise AI adoption",
            "Reduce churn in the enterprise segment to below 5%",
            "Quarterly enterprise logo churn", "8", "5", "%"] in rows
    assert len(rows) == 6


def test_csv_cells_that_a_spreadsheet_would_run_are_made_inert():
    ws = demo_workshop()
    action = ws.objectives[0].key_results[0].actions[0]
    action.text = '=HYPERLINK("http://evil.example","click")'
    ws.objectives[0].key_results[0].baseline = "-5"
    ws.objectives[0].key_results[0].target = "+3+cmd|' /C calc'!A0"
    ws.objectives[0].key_results[0].metric = "@SUM(A1:A9)"
    actions = read_csv(actions_csv(ws))
    assert actions[1][2] == "'" + action.text
    krs = read_csv(key_results_csv(ws))
    assert krs[1][2:5] == ["'@SUM(A1:A9)", "-5", "'+3+cmd|' /C calc'!A0"]
    assert neutralise_formula("-12.5") == "-12.5" and neutralise_formula("-x") == "'-x"


# -- JSON ---------------------------------------------------------------------------------

def test_json_is_the_full_versioned_session_and_imports_back_unchanged():
    ws = demo_workshop()
    ws.notes = "Facilitator's own copy keeps the notes"
    data = json.loads(to_json(ws))
    assert data["format"] == "okr-workshop" and data["schema_version"] == 1
    assert workshop_from_dict(data) == ws
    assert "Nordlys" in to_json(ws) and "\\u" not in to_json(ws).replace("\\\\", "")


# -- ICS ----------------------------------------------------------------------------------

def test_calendar_has_a_day_per_deadline_recurring_checkins_review_and_retro():
    ws = demo_workshop()
    calendar = Calendar.from_ical(to_ics(ws))
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(ws.all_actions()) + 3
    summaries = [str(e["SUMMARY"]) for e in events]
    assert "Due: Launch v3.0 of our platform (Yuki Tanaka)" in summaries
    deadline = next(e for e in events if "Launch v3.0" in str(e["SUMMARY"]))
    assert deadline.decoded("DTSTART") == date(2027, 2, 26)  # an all-day event
    checkin = next(e for e in events if "RRULE" in e)
    rule = checkin["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"] and checkin.decoded("DTSTART") == date(2027, 1, 4)
    assert rule["UNTIL"][0] == date(2027, 3, 29)
    assert any("mid-period review" in s for s in summaries)
    assert any(s.startswith("OKR retro") for s in summaries)
    assert len({str(e["UID"]) for e in events}) == len(events)


def test_biweekly_calendar_repeats_every_other_week():
    ws = demo_workshop()
    ws.cadence.checkin_interval = "biweekly"
    checkin = next(e for e in Calendar.from_ical(to_ics(ws)).walk("VEVENT") if "RRULE" in e)
    assert checkin["RRULE"]["INTERVAL"] == [2]


# -- export_file --------------------------------------------------------------------------

def test_export_file_picks_the_format_by_extension(tmp_path):
    ws = demo_workshop()
    written = {}
    for suffix in FORMATS:
        written[suffix] = export_file(ws, tmp_path / f"handout{suffix.upper()}")
    assert written[".pdf"][0].read_bytes().startswith(b"%PDF")
    assert written[".md"][0].read_text(encoding="utf-8").startswith("# Q1 2027 OKRs")
    assert json.loads(written[".json"][0].read_text(encoding="utf-8"))["format"] == "okr-workshop"
    assert written[".ics"][0].read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert [p.name for p in written[".csv"]] == ["handout-actions.csv", "handout-key-results.csv"]
    with written[".csv"][0].open(encoding="utf-8-sig", newline="") as stream:
        assert next(csv.reader(stream))[0] == "Objective"
    assert not (tmp_path / "handout.CSV").exists()
    assert not list(tmp_path.glob(".*.part"))  # no temporary files left behind


def test_json_file_with_a_lone_surrogate_still_imports(tmp_path):
    ws = demo_workshop()
    ws.title = "broken \ud800 paste"
    path = export_file(ws, tmp_path / "session.json")[0]
    back = workshop_from_dict(json.loads(path.read_text(encoding="utf-8")))
    assert back.title == "broken ? paste"


def test_unknown_extension_names_the_supported_ones(tmp_path):
    with pytest.raises(ExportError) as caught:
        export_file(demo_workshop(), tmp_path / "handout.docx")
    assert all(suffix in str(caught.value) for suffix in FORMATS)


def test_unwritable_places_give_a_clear_error_and_no_half_file(tmp_path):
    not_a_folder = tmp_path / "plain-file"
    not_a_folder.write_text("x")
    with pytest.raises(ExportError, match="does not exist"):
        export_file(demo_workshop(), not_a_folder / "handout.pdf")
    with pytest.raises(ExportError, match="does not exist"):
        export_file(demo_workshop(), tmp_path / "missing" / "handout.md")
    taken = tmp_path / "taken.json"
    taken.mkdir()  # a folder where the file should go
    with pytest.raises(ExportError, match="Cannot write"):
        export_file(demo_workshop(), taken)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plain-file", "taken.json"]


def test_a_failed_write_keeps_the_earlier_good_file(tmp_path, monkeypatch):
    target = tmp_path / "handout.md"
    export_file(demo_workshop(), target)
    before = target.read_bytes()
    ws = demo_workshop()
    ws.title = "A newer title"

    def disk_full(_source, _target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("workshop.export.os.replace", disk_full)
    with pytest.raises(ExportError, match="No space left on device"):
        export_file(ws, target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["handout.md"]


def test_per_participant_names_are_safe_and_unique(tmp_path):
    from workshop.export import export_per_participant
    from workshop.model import Participant, Workshop

    ws = Workshop(participants=[Participant("../../etc/passwd"), Participant("CON"),
                                Participant("Ana"), Participant("ana"), Participant("")])
    names = [p.name for p in export_per_participant(ws, tmp_path / "out")]
    assert names == ["etc-passwd.pdf", "participant-2.pdf", "ana.pdf", "ana-2.pdf",
                     "participant-5.pdf"]
    assert all(p.parent == tmp_path / "out" for p in (tmp_path / "out").iterdir())
    assert Path(tmp_path / "out" / "ana-2.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("cell", [
    " =HYPERLINK(\"http://evil\")", "\n=1+1", "  +SUM(A1)", "\r\n-2+3", " @cmd",
    "\t=1", "\u00a0=1", "\u3000@x",
])
def test_formulas_behind_whitespace_are_neutralised_too(cell):
    assert neutralise_formula(cell) == "'" + cell


@pytest.mark.parametrize("cell", [" -5", " 12 %", "Reduce churn", " a = b"])
def test_plain_cells_with_leading_space_are_left_alone(cell):
    assert neutralise_formula(cell) == cell


def test_exports_follow_the_users_umask_files_and_folders(tmp_path):
    import os

    from workshop.export import export_per_participant

    old = os.umask(0o022)
    try:
        ws = demo_workshop()
        written = export_file(ws, tmp_path / "handout.md")
        written += export_file(ws, tmp_path / "plan.csv")
        written += export_file(ws, tmp_path / "session.json")
        folder = tmp_path / "people"
        written += export_per_participant(ws, folder)
    finally:
        os.umask(old)
    for path in written:
        assert path.stat().st_mode & 0o777 == 0o644, path
    assert folder.stat().st_mode & 0o777 == 0o755

"""The command line, run as a user runs it: in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def run(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop("OKR_WORKSHOP_DB", None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run([sys.executable, "-m", "workshop", *args], cwd=cwd, input=stdin,
                          capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli")
    result = run("demo", "--db", "w.db", cwd=folder)
    assert result.returncode == 0, result.stderr
    return folder, result.stdout.strip()


def test_demo_then_list_shows_the_example(demo_db):
    folder, wid = demo_db
    listing = run("list", "--db", "w.db", cwd=folder)
    assert listing.returncode == 0
    assert "Q1 2027 OKRs: Enterprise growth" in listing.stdout
    assert "Nordlys AI" in listing.stdout
    rows = json.loads(run("list", "--json", "--db", "w.db", cwd=folder).stdout)
    assert [r["id"] for r in rows] == [wid]


def test_show_prints_a_readable_summary(demo_db):
    folder, wid = demo_db
    shown = run("show", wid, "--db", "w.db", cwd=folder)
    assert shown.returncode == 0
    assert "Objective: Accelerate enterprise AI adoption" in shown.stdout
    assert "rewritten from the output: Launch v3.0 of our platform" in shown.stdout
    assert "Host 5 webinars on enterprise AI (Sofia Rossi, 2027-03-26)" in shown.stdout


def test_db_before_the_subcommand_works_too(demo_db):
    folder, wid = demo_db
    assert wid[:12] in run("--db", "w.db", "list", cwd=folder).stdout


def test_environment_variable_chooses_the_database(demo_db, monkeypatch):
    folder, wid = demo_db
    env = dict(os.environ, OKR_WORKSHOP_DB=str(folder / "w.db"))
    out = subprocess.run([sys.executable, "-m", "workshop", "list", "--json"],
                         capture_output=True, text=True, env=env, cwd=folder)
    assert [r["id"] for r in json.loads(out.stdout)] == [wid]


def test_demo_large_has_benchmark_size(tmp_path):
    wid = run("demo", "--large", "--db", "l.db", cwd=tmp_path).stdout.strip()
    shown = run("show", wid, "--db", "l.db", cwd=tmp_path).stdout
    assert shown.count("Objective: ") == 5
    assert shown.count("  KR: ") == 15
    assert shown.count("      - ") == 60


def test_junk_database_exits_2_naming_the_file_and_leaves_it(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"junk")
    result = run("list", "--db", "bad.db", cwd=tmp_path)
    assert result.returncode == 2
    assert "bad.db" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert bad.read_bytes() == b"junk"


def test_unknown_id_exits_2_with_one_line(demo_db):
    folder, _ = demo_db
    result = run("show", "does-not-exist", "--db", "w.db", cwd=folder)
    assert result.returncode == 2
    assert "no session with id 'does-not-exist'" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("content, message", [
    ("{not json", "not valid JSON"),
    ('{"format": "okr-workshop", "schema_version": 1, "workshop": {"title": 3}}',
     "expected text"),
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ('{"format": "something-else"}', "not an OKR Workshop export"),
])
def test_bad_import_files_are_rejected_and_nothing_is_written(tmp_path, content, message):
    (tmp_path / "in.json").write_text(content)
    result = run("import", "in.json", "--db", "w.db", cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert run("list", "--json", "--db", "w.db", cwd=tmp_path).stdout.strip() == "[]"


def test_export_markdown_tells_the_story(demo_db):
    folder, wid = demo_db
    result = run("export", wid, "-o", "out.md", "--db", "w.db", cwd=folder)
    assert result.returncode == 0, result.stderr
    text = (folder / "out.md").read_text(encoding="utf-8")
    for expected in ("Win the mid-size enterprise segment in the Nordics",
                     "Accelerate enterprise AI adoption",
                     "Increase enterprise sign-ups by 25%",
                     "Why do we want to launch v3.0 of our platform?",
                     "To increase enterprise adoption.",
                     "Launch v3.0 of our platform", "Yuki Tanaka", "26 Feb 2027"):
        assert expected in text, expected


def test_json_export_then_import_gives_an_equal_session(demo_db, tmp_path):
    folder, wid = demo_db
    assert run("export", wid, "-o", str(tmp_path / "s.json"), "--db", "w.db",
               cwd=folder).returncode == 0
    imported = run("import", str(tmp_path / "s.json"), "--db", "other.db", cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    new_id = imported.stdout.strip()
    assert new_id == wid  # a fresh database keeps the session's identity
    original = run("show", wid, "--db", "w.db", cwd=folder).stdout
    assert run("show", new_id, "--db", "other.db", cwd=tmp_path).stdout == original
    again = run("import", str(tmp_path / "s.json"), "--db", "w.db", cwd=folder)
    copy_id = again.stdout.strip()
    assert copy_id != wid  # the same database gets a copy, never an overwrite
    copy = run("show", copy_id, "--db", "w.db", cwd=folder).stdout
    assert copy.replace(copy_id, wid) == original


def test_export_pdf_needs_no_qt(demo_db, tmp_path):
    folder, wid = demo_db
    script = ("import sys; from workshop.cli import main; "
              f"code = main(['export', '{wid}', '-o', r'{tmp_path / 'h.pdf'}', "
              f"'--db', r'{folder / 'w.db'}']); "
              "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt loaded'; "
              "sys.exit(code)")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "h.pdf").read_bytes().startswith(b"%PDF")


def test_unknown_extension_is_a_one_line_error(demo_db):
    folder, wid = demo_db
    result = run("export", wid, "-o", "out.docx", "--db", "w.db", cwd=folder)
    assert result.returncode == 2
    assert ".pdf" in result.stderr and "Traceback" not in result.stderr


def test_coach_labels_the_worked_example(tmp_path):
    result = run("coach", "--json", cwd=tmp_path,
                 stdin="Launch v3.0 of our platform\n"
                       "Reduce churn in the enterprise segment to below 5%\n")
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert (first["kind"], second["kind"]) == ("output", "outcome")
    assert any(f["question"] == "Why do we want to launch v3.0 of our platform?"
               for f in first["findings"])
    assert all(f["message"] for f in first["findings"])


def test_export_per_participant_alone_in_letter_size(demo_db):
    from pypdf import PdfReader

    folder, wid = demo_db
    result = run("export", wid, "--per-participant", "people", "--page-size", "Letter",
                 "--db", "w.db", cwd=folder)
    assert result.returncode == 0, result.stderr
    files = [Path(line) for line in result.stdout.splitlines()]
    assert len(files) == 5 and all(f.parent.name == "people" for f in files)
    width = float(PdfReader(str(folder / files[0])).pages[0].mediabox.width)
    assert round(width) == 612  # Letter, not A4's 595
    nowhere = run("export", wid, "--db", "w.db", cwd=folder)
    assert nowhere.returncode == 2 and "-o FILE" in nowhere.stderr

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

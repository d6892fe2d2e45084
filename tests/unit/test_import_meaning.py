"""An import is checked for meaning, not only for types: a date no calendar can export,
a negative planned time, an unknown stage, a count that cannot be, are refused with one
clear line before anything is written. An export whose ids are already used (by another
session in this file) is imported with new ids instead of failing. And only a regular
file is read, never more than MAX_IMPORT_BYTES of it."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from workshop.cli import main
from workshop.demo import demo_workshop
from workshop.exchange import MAX_IMPORT_BYTES, UserError, import_session, read_import_file
from workshop.model import renew_ids, workshop_to_dict
from workshop.store import Store


def export_dict() -> dict:
    return json.loads(json.dumps(workshop_to_dict(demo_workshop())))


def write(tmp_path, data: dict):
    path = tmp_path / "in.json"
    path.write_text(json.dumps(data))
    return path


def set_path(data: dict, dotted: str, value) -> None:
    node = data["workshop"]
    parts = dotted.split(".")
    for part in parts[:-1]:
        node = node[int(part)] if part.isdigit() else node[part]
    last = parts[-1]
    node[int(last) if last.isdigit() else last] = value


@pytest.mark.parametrize("where, value, words", [
    ("workshop_date", "9999-12-31", "between 1900 and 2200"),
    ("period_end", "0001-01-01", "between 1900 and 2200"),
    ("objectives.0.key_results.0.actions.0.deadline", "9999-12-30", "between 1900 and 2200"),
    ("cadence.retro_date", "1066-10-14", "between 1900 and 2200"),
    ("stages.0.planned_minutes", -500, "planned minutes"),
    ("stages.0.planned_minutes", 10**9, "planned minutes"),
    ("stages.0.actual_seconds", -1.0, "time spent"),
    ("stages.0.key", "karaoke", "unknown stage"),
    ("current_stage", "karaoke", "unknown stage"),
    ("agenda_template", "all-night", "unknown agenda"),
    ("cadence.checkin_weekday", 9, "weekday"),
    ("objectives.0.votes", -3, "votes"),
    ("checklist.0.question", 99, "checklist"),
    ("started_at", 1e300, "start time"),
    ("stages.0.timer", {"planned_s": 1e308, "duration_s": 1e308}, "timer"),
])
def test_meaningless_values_are_refused_in_one_line(tmp_path, capsys, where, value, words):
    data = export_dict()
    if where.startswith("checklist") and not data["workshop"]["checklist"]:
        data["workshop"]["checklist"] = [{"question": 1, "answer": True, "comment": ""}]
    if where.startswith("stages") and not data["workshop"]["stages"]:
        data["workshop"]["stages"] = [{"key": "setup", "planned_minutes": 10,
                                       "actual_seconds": 0.0, "state": "pending",
                                       "timer": {}}]
    set_path(data, where, value)
    db = tmp_path / "w.db"
    assert main(["--db", str(db), "import", str(write(tmp_path, data))]) == 2
    err = capsys.readouterr().err
    assert words in err and err.count("\n") == 1 and "Traceback" not in err
    assert not db.exists() or Store.open(db, read_only=True).list() == []


def test_an_export_whose_ids_are_used_by_another_session_is_imported_with_new_ids(tmp_path):
    first = demo_workshop()
    second = renew_ids(demo_workshop())
    # The same people's ids in another session (an export edited by hand, a merge).
    same = {mine.id: theirs.id for mine, theirs in zip(second.participants,
                                                      first.participants, strict=True)}
    for person in second.participants:
        person.id = same[person.id]
    for _, _, action in second.all_actions():
        action.owner_id = same.get(action.owner_id, "")
    with Store.open(tmp_path / "w.db") as store:
        store.save(first)
        path = tmp_path / "second.json"
        path.write_text(json.dumps(workshop_to_dict(second)))
        imported = import_session(store, path)
        assert {p.id for p in imported.participants}.isdisjoint(
            {p.id for p in first.participants})
        assert len(store.list()) == 2
        assert store.load(first.id).participants == first.participants  # untouched


def test_the_cli_imports_a_clashing_export_instead_of_failing(tmp_path, capsys):
    db = tmp_path / "w.db"
    first = demo_workshop()
    with Store.open(db) as store:
        store.save(first)
    other = renew_ids(demo_workshop())
    other.objectives[0].key_results[0].id = first.objectives[0].key_results[0].id
    path = tmp_path / "other.json"
    path.write_text(json.dumps(workshop_to_dict(other)))
    assert main(["--db", str(db), "import", str(path)]) == 0, capsys.readouterr().err
    with Store.open(db, read_only=True) as store:
        assert len(store.list()) == 2


@pytest.mark.parametrize("kind", ["dev-zero", "fifo", "directory"])
def test_only_a_regular_file_is_read(tmp_path, kind):
    if kind == "dev-zero":
        target = "/dev/zero"
        if not os.path.exists(target):
            pytest.skip("no /dev/zero here")
    elif kind == "fifo":
        target = str(tmp_path / "pipe.json")
        os.mkfifo(target)
    else:
        target = str(tmp_path)
    # In a child: a FIFO with no writer would hang an open() for ever; a watchdog
    # thread of the test itself would not help a blocked child, so the child gets a
    # generous limit that only a hang reaches.
    result = subprocess.run([sys.executable, "-m", "workshop", "import", target,
                             "--db", str(tmp_path / "w.db")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2, result.stderr
    assert "not a regular file" in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert not (tmp_path / "w.db").exists()


def test_a_file_growing_past_the_cap_while_read_is_refused(tmp_path, monkeypatch):
    import workshop.exchange as exchange

    monkeypatch.setattr(exchange, "MAX_IMPORT_BYTES", 1000)
    path = tmp_path / "big.json"
    path.write_text(json.dumps(export_dict()))  # larger than the lowered cap
    with pytest.raises(UserError, match="too large"):
        read_import_file(path)
    assert MAX_IMPORT_BYTES >= 1024 * 1024


def test_the_cli_and_the_library_share_one_exchange():
    import workshop.cli as cli
    import workshop.exchange as exchange

    assert cli.UserError is exchange.UserError


def test_a_logo_that_is_not_a_png_is_refused(tmp_path):
    import base64

    ws = demo_workshop()
    data = workshop_to_dict(ws)
    data["workshop"]["logo_png"] = base64.b64encode(b"<svg onload=alert(1)>").decode()
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(data))
    with pytest.raises(UserError, match="logo"):
        read_import_file(path)

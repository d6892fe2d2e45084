"""Bad input: a JSON import that is huge, malformed or hostile is refused with a message
and leaves the session database as it was; and random workshops survive the store and
the JSON exchange format exactly."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workshop.cli import MAX_IMPORT_BYTES, main
from workshop.demo import demo_workshop
from workshop.model import (
    ACTION_ORIGINS,
    CHECKIN_INTERVALS,
    MAX_ITEMS,
    MAX_TEXT,
    STAGE_STATES,
    Action,
    Cadence,
    ChecklistAnswer,
    KeyResult,
    Objective,
    Participant,
    Retro,
    StageRecord,
    Strategy,
    StrategyContext,
    WhyStep,
    Workshop,
    validate,
    workshop_from_dict,
    workshop_to_dict,
)
from workshop.store import Store


def export_dict() -> dict:
    return json.loads(json.dumps(workshop_to_dict(demo_workshop())))


def sessions_in(db) -> list[str]:
    if not db.exists():
        return []
    with Store.open(db) as store:
        return [s.id for s in store.list()]


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def db_with_one_session(tmp_path):
    """A database holding the worked example, closed (so its bytes are settled)."""
    db = tmp_path / "w.db"
    ws = demo_workshop()
    with Store.open(db) as store:
        store.save(ws)
    return db, ws.id


def run_import(tmp_path, content: bytes | str, db, capsys) -> tuple[int, str]:
    src = tmp_path / "in.json"
    if isinstance(content, str):
        content = content.encode("utf-8", "surrogatepass")
    src.write_bytes(content)
    code = main(["import", str(src), "--db", str(db)])
    return code, capsys.readouterr().err


def _mutated(change) -> str:
    data = export_dict()
    change(data["workshop"])
    return json.dumps(data)


def _set(path: str, value):
    """A change that sets data[...] along a dotted path with list indexes."""
    def change(ws: dict) -> None:
        keys = [int(k) if k.isdigit() else k for k in path.split(".")]
        target = ws
        for k in keys[:-1]:
            target = target[k]
        target[keys[-1]] = value
    return change


HOSTILE = [
    pytest.param(b"\xff\xfe\x00garbage", "not a text file", id="not-utf8"),
    pytest.param(json.dumps(workshop_to_dict(demo_workshop()))[:900], "not valid JSON",
                 id="truncated-export"),
    pytest.param("[" * 50_000 + "]" * 50_000, "nested too deeply", id="deep-nesting"),
    pytest.param('{"format": "okr-workshop", "schema_version": 1, "workshop": {"votes": '
                 + "9" * 5000 + "}}", "not valid JSON", id="5000-digit-number"),
    pytest.param("[]", "expected a JSON object", id="top-level-list"),
    pytest.param('{"format": "okr-workshop", "schema_version": 99, "workshop": {}}',
                 "newer version", id="newer-format"),
    pytest.param(_mutated(_set("objectives.0.key_results.0.score", float("nan"))),
                 "finite number", id="nan-score"),
    pytest.param(_mutated(_set("objectives.0.key_results.0.score", 7.5)),
                 "score outside", id="score-out-of-range"),
    pytest.param(_mutated(_set("title", "x" * (MAX_TEXT + 1))), "text too long",
                 id="20k-title"),
    pytest.param(_mutated(_set("participants", [{"name": "p"}] * (MAX_ITEMS + 1))),
                 "too many items", id="2001-participants"),
    pytest.param(_mutated(lambda ws: ws["participants"].append(dict(ws["participants"][0]))),
                 "appears twice", id="duplicate-id"),
    pytest.param(_mutated(_set("objectives.0.key_results.0.actions.0.owner_id", "nobody")),
                 "unknown owner", id="dangling-owner"),
    pytest.param(_mutated(_set("objectives.0.key_results.0.actions.0.origin", "evil")),
                 "unknown origin", id="unknown-origin"),
    pytest.param(_mutated(_set("stages", [{"key": "setup", "timer": {"a": [[[[[[[[[[1]]]]]]]]]]}}])),
                 "nested too deeply", id="deep-timer"),
    pytest.param(_mutated(_set("id", "")), "invalid id", id="empty-id"),
    pytest.param(_mutated(_set("workshop_date", "2027-02-30")), "is not a date",
                 id="impossible-date"),
    pytest.param(_mutated(_set("objectives.0.votes", 10**20)), "number out of range",
                 id="number-beyond-64-bits"),
    pytest.param(_mutated(_set("title", "bad \ud800 text")), "invalid character",
                 id="lone-surrogate"),
]


@pytest.mark.parametrize("content, message", HOSTILE)
def test_hostile_import_is_refused_with_a_message_and_changes_nothing(
        tmp_path, capsys, db_with_one_session, content, message):
    db, existing = db_with_one_session
    before = digest(db)
    code, err = run_import(tmp_path, content, db, capsys)
    assert code == 2, err
    assert message in err
    assert "Traceback" not in err and err.count("\n") == 1  # one line, no stack
    assert sessions_in(db) == [existing]
    if message != "cannot be stored":
        # Refused before the database was even opened: not one byte changed.
        assert digest(db) == before


def test_huge_file_is_refused_by_its_size_without_being_read(tmp_path, capsys):
    src = tmp_path / "huge.json"
    with open(src, "wb") as fh:
        fh.truncate(MAX_IMPORT_BYTES + 1)  # sparse: costs no disk and no time
    db = tmp_path / "w.db"
    code = main(["import", str(src), "--db", str(db)])
    err = capsys.readouterr().err
    assert code == 2 and "too large" in err
    assert not db.exists()


def test_missing_file_is_a_one_line_error(tmp_path, capsys):
    code = main(["import", str(tmp_path / "nope.json"), "--db", str(tmp_path / "w.db")])
    assert code == 2 and "cannot read" in capsys.readouterr().err


def test_hostile_looking_text_is_kept_literally_and_harms_nothing(tmp_path, capsys):
    """SQL, markup and control characters are data: imported as typed, schema intact."""
    odd = ["'); DROP TABLE workshops; --", "<b>&amp;</b><script>x</script>", "a\x00b",
           "R&D \u202eevil\u202c", "🎯 Støtte 目标"]
    data = export_dict()
    data["workshop"]["title"] = odd[0]
    data["workshop"]["client"] = odd[1]
    data["workshop"]["notes"] = odd[2]
    data["workshop"]["team"] = odd[3]
    data["workshop"]["objectives"][0]["text"] = odd[4]
    db = tmp_path / "w.db"
    code, err = run_import(tmp_path, json.dumps(data), db, capsys)
    assert code == 0, err
    (wid,) = sessions_in(db)
    with Store.open(db) as store:
        ws = store.load(wid)
        assert store.integrity_ok()
    assert [ws.title, ws.client, ws.notes, ws.team, ws.objectives[0].text] == odd
    tables = {r[0] for r in sqlite3.connect(db).execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"workshops", "objectives", "actions"} <= tables


def test_importing_the_same_export_twice_gives_two_sessions(tmp_path, capsys):
    db = tmp_path / "w.db"
    text = json.dumps(workshop_to_dict(demo_workshop()))
    assert run_import(tmp_path, text, db, capsys)[0] == 0
    assert run_import(tmp_path, text, db, capsys)[0] == 0
    assert len(set(sessions_in(db))) == 2


# ---------------------------------------------------------------------------------------
# Random workshops: built from scratch (not from the example), links kept valid
# ---------------------------------------------------------------------------------------

text = st.text(max_size=40)
days = st.none() | st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))
small_int = st.integers(-(2**31), 2**31)
finite = st.floats(allow_nan=False, allow_infinity=False, width=64)
json_leaf = st.none() | st.booleans() | small_int | finite | text


@st.composite
def random_workshops(draw) -> Workshop:
    people = draw(st.lists(st.builds(Participant, text, text, text), max_size=5))
    strategies = draw(st.lists(st.builds(Strategy, text, text), max_size=3))
    owner = st.sampled_from([""] + [p.id for p in people])
    strategy_id = st.sampled_from([""] + [s.id for s in strategies])
    actions = st.lists(st.builds(Action, text, owner, days, st.sampled_from(ACTION_ORIGINS),
                                 st.booleans()), max_size=3)
    key_results = st.lists(st.builds(
        KeyResult, text=text, metric=text, baseline=text, target=text, unit=text,
        direction=text, why_steps=st.lists(st.builds(WhyStep, text, text), max_size=3),
        rewritten_from=text, keep_reason=text, actions=actions,
        score=st.none() | st.floats(0, 1), retro_note=text), max_size=3)
    objectives = draw(st.lists(st.builds(Objective, text, text, strategy_id, small_int,
                                         st.booleans(), key_results), max_size=4))
    # The store keeps the checklist in question order, as the review shows it.
    questions = sorted(draw(st.lists(st.integers(0, 50), unique=True, max_size=6)))
    checklist = [ChecklistAnswer(q, draw(st.none() | st.booleans()), draw(text))
                 for q in questions]
    stages = draw(st.lists(st.builds(
        StageRecord, text, small_int, finite, st.sampled_from(STAGE_STATES),
        st.dictionaries(st.text(max_size=8), json_leaf, max_size=4)), max_size=8))
    return Workshop(
        title=draw(text), client=draw(text), team=draw(text), facilitator=draw(text),
        workshop_date=draw(days), period_label=draw(text), period_start=draw(days),
        period_end=draw(days), first_time=draw(st.booleans()), agenda_template=draw(text),
        current_stage=draw(text), started_at=draw(st.none() | finite), participants=people,
        context=StrategyContext(draw(text), draw(text), draw(st.lists(text, max_size=4)),
                                strategies),
        objectives=objectives, checklist=checklist,
        cadence=Cadence(draw(st.sampled_from(CHECKIN_INTERVALS)), draw(st.integers(0, 6)),
                        draw(days), draw(days)),
        stages=stages,
        retro=Retro(draw(text), draw(text), draw(text), draw(text), draw(days)),
        notes=draw(text))


@settings(max_examples=60, deadline=None)
@given(ws=random_workshops())
def test_random_workshops_round_trip_exactly_through_json(ws):
    validate(ws)  # the strategy only builds workshops the app itself could hold
    wire = json.dumps(workshop_to_dict(ws), ensure_ascii=False)
    assert workshop_from_dict(json.loads(wire)) == ws


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ws=random_workshops())
def test_random_workshops_round_trip_exactly_through_the_store(tmp_path_factory, ws):
    db = tmp_path_factory.mktemp("rt") / "w.db"
    with Store.open(db) as store:
        store.save(ws, touch=False)
    # A fresh connection: nothing is answered from the writer's memory.
    with Store.open(db) as store:
        assert store.load(ws.id) == ws

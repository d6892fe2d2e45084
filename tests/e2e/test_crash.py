"""The crash test: a child process runs the real facilitator window offscreen, is typed
into, and is killed with SIGKILL at a random moment. Reopened, the database passes
`PRAGMA integrity_check` and holds every edit made more than the autosave delay (plus
a margin for the save itself) before the kill. Two kinds of typing: the set-up page's
fields in turn, and one why-answer typed a character every 200 ms without a pause.
A few trials of each here, twenty in `make stress`."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from workshop.ui.session import AUTOSAVE_DELAY_MS

CHILD = Path(__file__).with_name("crash_child.py")
MARGIN_S = 0.3
COLUMNS = {"Title": "title", "Client": "client", "Team": "team"}
WHY_INTERVAL_MS = 200  # a character every 200 ms: a steady typist, never a pause


@dataclass
class Edit:
    field: str
    value: str
    at: float


def read_log(path: Path) -> tuple[str, list[Edit]]:
    """The workshop id and the edits; a line cut short by the kill is ignored."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    lines = [line for line in text.split("\n")[:-1]]  # the last piece has no newline
    workshop_id = ""
    edits = []
    for line in lines:
        field, value, at = line.split("\t")
        if field == "ready":
            workshop_id = value
        else:
            edits.append(Edit(field, value, float(at)))
    return workshop_id, edits


def wait_until_ready(log: Path, child: subprocess.Popen, timeout_s: float = 60.0) -> str:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        workshop_id, _ = read_log(log)
        if workshop_id:
            return workshop_id
        if child.poll() is not None:
            raise AssertionError(f"the child exited early: {child.stderr.read()}")
        time.sleep(0.02)
    raise AssertionError("the child never became ready")


def kill_at_random(tmp_path: Path, seed: int, *child_args: str) -> tuple[float, Path]:
    """Start the child typing, SIGKILL it at a random moment; (when, the database)."""
    rng = random.Random(seed)
    db, log = tmp_path / "workshops.db", tmp_path / "typed.log"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen([sys.executable, str(CHILD), str(db), str(log), *child_args],
                             env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             text=True)
    try:
        wait_until_ready(log, child)
        # The random moment of the crash; late enough that the first, slower keystrokes
        # (the coach and the pages warm up) leave a few edits old enough to prove anything.
        time.sleep(rng.uniform(2.0, 3.5))
        killed_at = time.monotonic()
        os.kill(child.pid, signal.SIGKILL)
        child.wait(10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(10)
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL
    return killed_at, db


def must_be_saved_before(killed_at: float) -> float:
    return killed_at - AUTOSAVE_DELAY_MS / 1000 - MARGIN_S


def run_trial(tmp_path: Path, seed: int) -> None:
    killed_at, db = kill_at_random(tmp_path, seed)
    workshop_id, edits = read_log(tmp_path / "typed.log")
    conn = sqlite3.connect(db)  # the raw file, as any SQLite tool would see it
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        row = conn.execute("SELECT title, client, team FROM workshops WHERE id = ?",
                           [workshop_id]).fetchone()
    finally:
        conn.close()
    stored = dict(zip(COLUMNS, row, strict=True))
    old_enough = [e for e in edits if e.at < must_be_saved_before(killed_at)]
    assert len(old_enough) >= 3, "the trial typed too little to prove anything"
    for field in COLUMNS:
        typed = [e.value for e in edits if e.field == field]
        required = [e.value for e in old_enough if e.field == field]
        value = stored[field]
        if required:
            # Typing only appends, so a later save extends the required text.
            assert value.startswith(required[-1]), (
                f"{field}: lost an edit made {killed_at - old_enough[-1].at:.2f} s "
                f"before the kill; file has {value[-30:]!r}, "
                f"typed {required[-1][-30:]!r}")
        # Never a half-applied or invented value: the file holds what was typed.
        assert not typed or value in typed or not required


def run_why_trial(tmp_path: Path, seed: int) -> None:
    """A why-answer typed a character every 200 ms, never pausing: every character older
    than the autosave delay (plus the margin) is in the file."""
    killed_at, db = kill_at_random(tmp_path, seed, str(WHY_INTERVAL_MS), "why")
    _, edits = read_log(tmp_path / "typed.log")
    assert edits, "the child typed nothing"
    kr_id = edits[0].field
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        row = conn.execute("SELECT answer FROM why_steps WHERE key_result_id = ? "
                           "AND position = 0", [kr_id]).fetchone()
    finally:
        conn.close()
    stored = row[0] if row else ""
    old_enough = [e for e in edits if e.at < must_be_saved_before(killed_at)]
    assert len(old_enough) >= 3, "the trial typed too little to prove anything"
    required = old_enough[-1].value
    assert stored.startswith(required), (
        f"lost {len(required) - len(os.path.commonprefix([stored, required]))} characters "
        f"of the answer, the newest of them typed {killed_at - old_enough[-1].at:.2f} s before "
        f"the kill; file has {stored!r}, typed {required!r}")
    assert stored in [e.value for e in edits], "the file holds an answer nobody typed"


@pytest.mark.parametrize("trial", range(3))
def test_killed_while_typing_loses_nothing_older_than_the_autosave_delay(tmp_path, trial):
    run_trial(tmp_path, seed=trial)


@pytest.mark.stress
@pytest.mark.parametrize("trial", range(20))
def test_twenty_kills_while_typing_lose_nothing(tmp_path, trial):
    run_trial(tmp_path, seed=1000 + trial)


@pytest.mark.parametrize("trial", range(3))
def test_killed_while_typing_a_why_answer_loses_nothing_older_than_the_autosave_delay(
        tmp_path, trial):
    run_why_trial(tmp_path, seed=trial)


@pytest.mark.stress
@pytest.mark.parametrize("trial", range(20))
def test_twenty_kills_while_typing_a_why_answer_lose_nothing(tmp_path, trial):
    run_why_trial(tmp_path, seed=2000 + trial)

"""The real app in its own process on a real X display (Xvfb), driven by real key
presses (xdotool) the way a facilitator and a presentation clicker drive it, and its
database read back from disk. Skipped where Xvfb, xdotool or xwd is missing; CI installs
them (scripts/setup-system.sh)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from real_app import (
    Picture,
    RealApp,
    create_demo,
    read_db,
    real_app_session,
    run_cli,
    wait_until,
)

from workshop.ui.session import AUTOSAVE_DELAY_MS

LIBRARY = "^OKR Workshop$"
FACILITATOR = " · OKR Workshop$"
PROJECTOR = " · Projector"
# Bookkeeping the app rightly changes while it runs: when it saved, which stage is live
# and when the workshop started. Everything else in the file is the client's content.
BOOKKEEPING = {"workshops": {"updated_at", "current_stage", "started_at"}}
RUN_TABLES = {"stage_records"}  # the stages' timers: the run, not content
# A room key acts at once (each one saves at once); this is only how long to wait for
# a key that did not act before calling it broken.
KEY_ACTS_WITHIN_S = 4.0
# Keys reach the app and the save finishes this long at most after the autosave delay.
SAVE_MARGIN_S = 0.3


def open_from_library(app: RealApp) -> str:
    """Select the session in the library (the newest is selected) and press Enter;
    returns the facilitator window, holding the keyboard."""
    library = app.wait_window(LIBRARY)
    app.focus(library)
    app.key("Return")
    window = app.wait_window(FACILITATOR)
    app.focus(window)
    return window


# What names a row, whatever order a save wrote the rows in.
IDENTITY = ("id", "workshop_id", "key_result_id", "question", "position")


def content(db: dict[str, list[dict]]) -> dict[tuple[str, str, str], object]:
    """Every value of the client's content, by (table, row identity, column)."""
    values = {}
    for table, rows in db.items():
        if table in RUN_TABLES:
            continue
        skip = BOOKKEEPING.get(table, set())
        for row in rows:
            identity = "/".join(str(row[c]) for c in IDENTITY if c in row)
            for column, value in row.items():
                if column not in skip:
                    values[(table, identity, column)] = value
    return values


def content_changes(before: dict, after: dict) -> list[str]:
    old, new = content(before), content(after)
    return [f"{table}.{column} (row {row}): {old.get((table, row, column))!r} -> "
            f"{new.get((table, row, column))!r}"
            for table, row, column in sorted(old.keys() | new.keys(), key=str)
            if old.get((table, row, column)) != new.get((table, row, column))]


def live_timer(db_path: Path) -> dict:
    """The saved timer of the live stage ({} before the run saved one)."""
    db = read_db(db_path)
    stage = db["workshops"][0]["current_stage"]
    for record in db["stage_records"]:
        if record["key"] == stage:
            return json.loads(record["timer"] or "{}")
    return {}


def wait_saved_and_quiet(db_path: Path, timeout_s: float = 10) -> dict:
    """Wait until the file stops changing for longer than the autosave delay: every
    edit the app holds is then on disk."""
    quiet_s = AUTOSAVE_DELAY_MS / 1000 + SAVE_MARGIN_S
    last = {"db": read_db(db_path), "since": time.monotonic()}

    def quiet() -> dict | None:
        now = read_db(db_path)
        if now != last["db"]:
            last.update(db=now, since=time.monotonic())
            return None
        return now if time.monotonic() - last["since"] >= quiet_s else None

    return wait_until(quiet, timeout_s, "the database to be saved and quiet")


def test_a_clicker_drives_the_room_and_never_types_into_the_clients_text(tmp_path):
    """Issue 13, point 9: open the worked example from the library and press what a
    clicker and the facilitator press: the timer runs, the projector goes black and
    back, the minutes change, and not one character of the session changes."""
    db = tmp_path / "workshops.db"
    create_demo(db)
    before = read_db(db)
    with real_app_session(tmp_path) as (display, start):
        app = start(db)
        window = open_from_library(app)
        app.key("F5")
        projector = app.wait_window(PROJECTOR)
        # Beside the laptop's window, so both show on the screen (no window manager).
        app.move_resize(projector, display.width - 1024, 0, 1024, 768)
        app.raise_(projector)
        app.focus(window)

        def projector_shot() -> Picture:
            return display.screenshot(projector)

        wait_until(lambda: projector_shot().dark_fraction() < 0.5, 10,
                   "the projector to show the session")
        stage_before = read_db(db)["workshops"][0]["current_stage"]
        broken: list[str] = []

        def expect(condition, what: str) -> None:
            try:
                wait_until(condition, KEY_ACTS_WITHIN_S, what)
            except AssertionError as exc:
                broken.append(str(exc))

        app.key("ctrl+Next")
        wait_until(lambda: read_db(db)["workshops"][0]["current_stage"] != stage_before,
                   10, "Ctrl+PgDn to make the next stage live")
        timer = live_timer(db)
        assert timer.get("duration_s"), f"the live stage's timer was not saved: {timer}"

        app.key("space")
        expect(lambda: live_timer(db).get("running"), "Space to start the timer")
        # B and '.' each toggle the black screen; + and - each move the minutes. Each
        # is judged against the state just before it, so one broken key is one finding.
        def black() -> bool:
            return projector_shot().dark_fraction() > 0.95

        for key, name in (("b", "B"), ("period", "'.'")):
            was_black = black()
            app.key(key)
            expect(lambda was_black=was_black: black() != was_black,
                   f"{name} to {'bring back' if was_black else 'black out'} the projector")
            display.screenshot().save_png(tmp_path / f"after-{key}.png")
        for key, minutes in (("plus", +1), ("minus", -1)):
            duration = live_timer(db).get("duration_s")
            app.key(key)
            expect(lambda duration=duration, minutes=minutes:
                   live_timer(db).get("duration_s") == duration + 60 * minutes,
                   f"{'+' if minutes > 0 else '-'} to {'add' if minutes > 0 else 'take off'}"
                   " a minute")
        app.key("ctrl+s")
        after = wait_saved_and_quiet(db)
        display.screenshot().save_png(tmp_path / "end.png")
        assert app.process.poll() is None, f"the app died:\n{app.output()}"

    changed = content_changes(before, after)
    assert not broken and not changed, (
        "the room keys did not act as keys"
        + "".join(f"\n  - {b}" for b in broken)
        + ("\nand the session's content changed (typed into a field?):"
           + "".join(f"\n  - {c}" for c in changed) if changed else "")
        + f"\nscreenshots: {tmp_path}")


def find_text_box(shot: Picture) -> tuple[int, int]:
    """Where to click to type into the page's first text box: the topmost white box
    wider than a quarter of the window and narrower than its whole width (the menu bar
    is white from edge to edge; the stage list is narrower). Text boxes are white on
    the light theme's grey page; a fresh home starts in the light theme."""

    def white(x: int, y: int) -> bool:
        return min(shot.pixel(x, y)) >= 252

    for y in range(40, shot.height - 10, 2):
        x = 0
        while x < shot.width:
            if not white(x, y):
                x += 1
                continue
            start = x
            while x < shot.width and white(x, y):
                x += 1
            if shot.width // 4 <= x - start < shot.width * 4 // 5 and all(
                    white(start + 4, y + dy) for dy in range(1, 10)):
                return start + 12, y + 6
    raise AssertionError("found no text box to click in the facilitator window")


def start_typing_in_first_text_box(app: RealApp, display, db: Path) -> dict:
    """Open the session from the library, let it settle on disk, then click into the
    page's first text box (End keeps what the field held); the file as it was."""
    window = open_from_library(app)
    before = wait_saved_and_quiet(db)
    x, y = find_text_box(display.screenshot(window))
    app.xdotool("mousemove", "--window", window, str(x), str(y), "click", "1")
    app.key("End")
    return before


def test_b_typing_survives_kill_9(tmp_path):
    """A sentence typed at a human pace into a field of the open session, then SIGKILL:
    the file holds everything typed longer than the autosave delay before the kill."""
    db = tmp_path / "workshops.db"
    create_demo(db)
    sentence = "Grow recurring revenue in the Nordics by a third"
    with real_app_session(tmp_path) as (display, start):
        app = start(db)
        before = start_typing_in_first_text_box(app, display, db)
        sent_at: list[float] = []
        started = time.monotonic()
        for char in sentence:
            app.type(char, delay_ms=0)
            sent_at.append(time.monotonic())
            if sent_at[-1] - started > 3.0:
                break
            # A typist's pace, one key at a time so each key's moment is known.
            time.sleep(0.15)
        display.screenshot().save_png(tmp_path / "typed.png")
        killed_at = time.monotonic()
        app.kill()
    after = read_db(db)
    safe = killed_at - AUTOSAVE_DELAY_MS / 1000 - SAVE_MARGIN_S
    must_have = sentence[:sum(t < safe for t in sent_at)]
    assert len(must_have) >= 5, "too few keys were old enough to prove anything"
    changed = {key: value for key, value in content(after).items()
               if content(before).get(key) != value}
    assert len(changed) == 1, f"the typing should change one field, not: {changed}"
    (where, typed_into), = changed.items()
    old = content(before)[where]
    assert isinstance(typed_into, str) and typed_into.startswith(old), (where, typed_into)
    kept = typed_into[len(old):]
    assert sentence.startswith(kept), f"{where} holds {typed_into!r}"
    assert kept.startswith(must_have), (
        f"lost typing: {where} holds {kept!r} after {old!r}, but {must_have!r} was typed "
        f"more than {AUTOSAVE_DELAY_MS} ms (+{SAVE_MARGIN_S} s) before the kill")
    assert after["workshops"][0]["title"], "the session must still be readable"


@pytest.mark.parametrize("back", ["ctrl+w", "close button"])
def test_c_starts_opens_the_worked_example_and_quits_cleanly(tmp_path, back):
    """A first start in an empty home: the library (empty, offering the worked example),
    the example added and opened with the keyboard, back to the library (Ctrl+W, or the
    session window's close button), and the library's window closed as a window manager
    closes it: exit status 0."""
    with real_app_session(tmp_path) as (display, start):
        app = start(None, home=tmp_path / "fresh-home")
        library = app.wait_window(LIBRARY)
        app.focus(library)
        # Only "Try the worked example" follows the empty list in the tab order.
        wait_until(app.db.exists, 15, "the app to create its database")
        app.key("Tab", "space")
        wait_until(lambda: read_db(app.db).get("workshops"), 10, "the worked example to be added")
        app.key("Return")
        window = app.wait_window(FACILITATOR)
        assert "Enterprise growth" in app.title(window)
        display.screenshot().save_png(tmp_path / "opened.png")
        if back == "ctrl+w":
            app.focus(window)
            app.key("ctrl+w")
        else:
            app.close_window(window)
        app.wait_gone(window)
        library = app.wait_window(LIBRARY)
        app.close_window(library)
        status = app.wait_exit()
        output = app.output()
    assert status == 0, output
    assert "Traceback" not in output, output
    saved = read_db(app.db)
    assert [w["title"] for w in saved["workshops"]] == ["Q1 2027 OKRs: Enterprise growth"]
    # Nothing of the app's went outside the home it was given.
    assert app.db.is_relative_to(tmp_path / "fresh-home")


def test_d_fast_typing_with_the_projector_open_on_ten_times_the_large_session(tmp_path):
    """The lag a room notices first: 50 objectives and 150 key results, the projector
    open beside the laptop's window on the stage being typed into, its clock running,
    and a sentence typed at about 33 keys a second. Every key lands, in order, in the
    field and in the file; the screenshot taken right after the last key is kept."""
    from workshop.demo import large_workshop
    from workshop.store import Store

    db = tmp_path / "workshops.db"
    session = large_workshop(10)
    session.current_stage = "key_results"
    with Store.open(db) as store:
        store.save(session)
    sentence = " Raise weekly active teams from 40 to 65 percent"
    with real_app_session(tmp_path, width=3840, height=1080) as (display, start):
        app = start(db)
        window = open_from_library(app)
        app.move_resize(window, 0, 0, 1920, 1080)
        app.key("F5")
        projector = app.wait_window(PROJECTOR)
        app.move_resize(projector, 1920, 0, 1920, 1080)
        app.focus(window)
        app.key("space")  # the stage's clock runs: the room sees the key results
        wait_until(lambda: live_timer(db).get("running"), 10, "the stage's clock to run")
        x, y = find_text_box(display.screenshot(window))
        app.xdotool("mousemove", "--window", window, str(x), str(y), "click", "1")
        app.key("End")
        app.type(sentence, delay_ms=30)
        display.screenshot().save_png(tmp_path / "typed.png")
        saved = wait_saved_and_quiet(db, timeout_s=20)
        app.key("ctrl+q")
        assert app.wait_exit() == 0
    typed = [r["text"] for r in saved["key_results"] if r["text"].endswith(sentence)]
    assert len(typed) == 1, "every key, in order, in one key result"


def test_e_emoji_and_arabic_typed_on_the_keyboard_reach_the_handout(tmp_path):
    """A facilitator types an emoji and Arabic into the open session (xdotool types them
    as a keyboard layout would), the app saves them, and the handout made from the file
    draws them: the emoji in the symbols face, the Arabic joined and in reading order
    (boxes and backwards letters before)."""
    import arabic_reshaper
    from pypdf import PdfReader

    db = tmp_path / "workshops.db"
    session_id = create_demo(db)
    typed = " 🚀 زيادة رضا العملاء"
    with real_app_session(tmp_path) as (display, start):
        app = start(db)
        before = start_typing_in_first_text_box(app, display, db)
        app.type(typed, delay_ms=60)
        after = wait_saved_and_quiet(db)
        display.screenshot().save_png(tmp_path / "typed.png")
        app.key("ctrl+q")
    changed = [value for key, value in content(after).items()
               if content(before).get(key) != value]
    assert len(changed) == 1 and str(changed[0]).endswith(typed), changed
    pdf = tmp_path / "handout.pdf"
    run_cli("export", "--db", str(db), session_id, "-o", str(pdf))
    reader = PdfReader(pdf)
    fonts = {str(f.get_object()["/BaseFont"]).split("+")[-1]
             for page in reader.pages for f in page["/Resources"].get("/Font", {}).values()}
    assert "Symbola" in fonts
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert arabic_reshaper.reshape("زيادة رضا العملاء") in text

"""One whole workshop through the real windows, as a facilitator runs it.

The library creates the session through its New dialog; the facilitator window takes
the room through every stage with the timer running on a FakeClock; the session is
closed, reopened from a fresh connection to the same file, and the handout is exported
from the wrap-up page and read back.
"""

from __future__ import annotations

from datetime import date

from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialog

from workshop.clock import FakeClock
from workshop.model import ORIGIN_FROM_OUTPUT, Workshop
from workshop.store import Store
from workshop.ui.facilitator import FacilitatorWindow
from workshop.ui.library import LibraryWindow
from workshop.ui.new_workshop import NewWorkshopDialog
from workshop.ui.session import SessionController

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier

PEOPLE = (("Maria Jensen", "Head of support"), ("Yuki Tanaka", "Team lead"),
          ("Ola Nordmann", "Agent"))
STRATEGIES = ("Win the mid-size segment in the Nordics", "Make self-service the default")
CANDIDATES = (
    ("Make first-contact resolution the norm", 5),
    ("Keep the office tidy", 1),
    ("Turn webinars into a pipeline of real demand", 4),
    ("Try a new ticket tool", 2),
)
# (objective index, text, metric, from, to, unit); the two outputs have no numbers.
KEY_RESULTS = (
    (0, "Launch the new self-service portal", "", "", "", ""),
    (0, "Raise first-contact resolution from 61% to 75%", "First-contact resolution",
     "61", "75", "%"),
    (1, "Host 4 customer webinars", "", "", "", ""),
    (1, "Cut average handling time from 9 to 6 minutes", "Average handling time",
     "9", "6", "min"),
)
PORTAL_WHYS = ("So customers can solve simple problems themselves",
               "Fewer simple tickets reach the support team")
PORTAL_REWRITE = ("Increase the share of requests solved in the portal",
                  "Requests solved in the portal", "20", "45", "%")
WEBINAR_WHYS = ("To generate qualified leads from existing customers",)
WEBINAR_REWRITE = ("Generate 150 qualified leads from webinar attendees",
                   "Qualified leads", "0", "150", "leads")
# Minutes the room spends on each timed stage (the 2-hour agenda).
MINUTES = {"setup": 4, "strategy": 12, "objectives": 27, "key_results": 22,
           "ask_why": 18, "review": 9, "action_plan": 20}


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed where the keyboard focus is, as on the real laptop."""
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key, modifier)


def type_here(qtbot, text: str) -> None:
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClicks(target, text)


def open_session(open_facilitator, workshop_id: str, store: Store, clock: FakeClock,
                 timers) -> tuple[SessionController, FacilitatorWindow]:
    """What App.open_session does, with a FakeClock and hand-fired autosave timers."""
    controller = SessionController(store.load(workshop_id), store, clock,
                                   timer_factory=timers)
    return controller, open_facilitator(controller)


def page_down_to(qtbot, controller, window, key: str) -> int:
    """PageDown until the stage `key` is current; PageDown first steps through the
    page's items (candidates, key results, questions). Returns the presses needed."""
    for presses in range(1, 15):
        press(qtbot, Qt.Key.Key_PageDown)
        if controller.current_stage == key:
            assert window.current_page_key() == key
            return presses
    raise AssertionError(f"PageDown never reached {key}; stuck on {controller.current_stage}")


def context_is_empty(controller) -> bool:
    context = controller.workshop.context
    return not (context.vision or context.mission or context.values)


def pdf_text(path) -> str:
    return " ".join(" ".join((page.extract_text() or "").split())
                    for page in PdfReader(str(path)).pages)


def test_a_whole_workshop_from_the_library_to_the_handout(qtbot, tmp_path, monkeypatch,
                                                          timers, open_facilitator):
    db_path = tmp_path / "workshops.db"
    clock = FakeClock()

    # -- the library: a new session through the New dialog ----------------------------------
    store = Store.open(db_path)
    library = LibraryWindow()
    qtbot.addWidget(library)
    library.templates = [("90min", "90 minutes"), ("2h", "2 hours")]
    library.today = lambda: date(2027, 3, 10)
    library.attach_store(store)
    library.show()
    library.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is library, timeout=3000)

    def fill_and_accept(dialog: NewWorkshopDialog) -> int:
        dialog.title.clear()
        qtbot.keyClicks(dialog.title, "Q2 2027 OKRs: Support team")
        qtbot.keyClicks(dialog.client, "Kommune Nord")
        qtbot.keyClicks(dialog.team, "Customer support")
        qtbot.keyClicks(dialog.facilitator, "Anna Berg")
        dialog.template.setCurrentIndex(dialog.template.findData("2h"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(NewWorkshopDialog, "exec", fill_and_accept)
    created: list[Workshop] = []
    library.new_requested.connect(created.append)
    qtbot.keyClick(library.table, Qt.Key.Key_N, CTRL)
    assert len(created) == 1
    ws_id = created[0].id
    assert [r.title for r in library.model.rows] == ["Q2 2027 OKRs: Support team"]
    # The next quarter after 10 March 2027, as the dialog proposes it.
    assert (created[0].period_label, created[0].period_start, created[0].period_end) == \
        ("Q2 2027", date(2027, 4, 1), date(2027, 6, 30))

    controller, window = open_session(open_facilitator, ws_id, store, clock, timers)
    library.hide()
    undo = controller.undo_stack
    assert controller.current_stage == "setup"

    # -- set-up: the people in the room, typed in; the timer starts ------------------------
    window.start_button.click()
    assert controller.run.timer.running
    setup = window.pages["setup"]
    setup.add_participant_button.click()
    for number, (name, role) in enumerate(PEOPLE, start=1):
        type_here(qtbot, name)
        press(qtbot, Qt.Key.Key_Tab)
        type_here(qtbot, role)
        if number < len(PEOPLE):
            press(qtbot, Qt.Key.Key_Return)  # Enter in the last row adds the next person
    assert [(p.name, p.role) for p in controller.workshop.participants] == list(PEOPLE)
    clock.advance(MINUTES["setup"] * 60)
    page_down_to(qtbot, controller, window, "strategy")

    # -- strategy ------------------------------------------------------------------------
    strategy = window.pages["strategy"]
    # After a stage change the keyboard is on the page: the room's keys act, nothing
    # types into the client's text until Enter.
    assert QApplication.focusWidget() is strategy
    press(qtbot, Qt.Key.Key_Space)
    assert not controller.run.timer.running and context_is_empty(controller)
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Return)
    assert strategy.vision_edit.hasFocus()
    type_here(qtbot, "Every customer helped the first time they ask")
    strategy.add_button.click()
    type_here(qtbot, STRATEGIES[0])
    press(qtbot, Qt.Key.Key_Return)
    type_here(qtbot, STRATEGIES[1])
    context = controller.workshop.context
    assert context.vision == "Every customer helped the first time they ask"
    assert [s.text for s in context.strategies] == list(STRATEGIES)
    assert not strategy.no_strategy_hint.isVisible()
    clock.advance(MINUTES["strategy"] * 60)
    page_down_to(qtbot, controller, window, "objectives")

    # -- objectives: four candidates, dot votes, two kept, each linked to a strategy ------
    objectives_page = window.pages["objectives"]
    objectives_page.add_button.click()
    for number, (text, _votes) in enumerate(CANDIDATES, start=1):
        type_here(qtbot, text)
        if number < len(CANDIDATES):
            press(qtbot, Qt.Key.Key_Return)
    rows = objectives_page._rows
    assert len(rows) == 4
    # "Keep ..." is business as usual: the coach says so under the candidate.
    assert rows[1].hint.isVisible() and rows[1].hint.text().startswith("Coach:")
    for row, (_text, votes) in zip(rows, CANDIDATES, strict=True):
        row.text_edit.setFocus()
        for _ in range(votes):
            qtbot.keyClick(row.text_edit, Qt.Key.Key_Up, CTRL)
    assert [o.votes for o in controller.workshop.objectives] == [v for _, v in CANDIDATES]
    assert rows[0].votes_label.text() == "5 votes"
    for index, strategy_number in ((0, 1), (2, 2)):
        row = rows[index]
        row.keep_box.setFocus()
        qtbot.keyClick(row.keep_box, Qt.Key.Key_Return)  # Space belongs to the room
        row.strategy_combo.setFocus()
        for _ in range(strategy_number):
            qtbot.keyClick(row.strategy_combo, Qt.Key.Key_Down)
    kept = controller.workshop.selected_objectives()
    assert [o.text for o in kept] == [CANDIDATES[0][0], CANDIDATES[2][0]]
    assert [controller.workshop.strategy(o.strategy_id).text for o in kept] == \
        list(STRATEGIES)
    assert "We will make first-contact resolution the norm" in \
        objectives_page.statements_label.text()
    rows[0].text_edit.setFocus()
    clock.advance(MINUTES["objectives"] * 60)
    # PageDown visits the candidates below the first, then moves on.
    assert page_down_to(qtbot, controller, window, "key_results") == 4

    # -- key results: typed; the outputs get their badge as they are typed ----------------
    kr_page = window.pages["key_results"]
    for objective_index, text, metric, baseline, target, unit in KEY_RESULTS:
        objective = kept[objective_index]
        kr_page.add_buttons[objective.id].click()
        kr_id = controller.workshop.objectives[
            [o.id for o in controller.workshop.objectives].index(objective.id)
        ].key_results[-1].id
        row = kr_page.rows[kr_id]
        assert row.text_edit.hasFocus()
        type_here(qtbot, text[:4])
        assert row.badge.text() in ("", "OUTPUT", "OUTCOME", "OUTPUT?", "OUTCOME?")
        type_here(qtbot, text[4:])
        expected = "OUTCOME" if metric else "OUTPUT"
        assert row.badge.text() == expected, text
        timers.fire_all()  # the pause in typing: the coach's line under the row follows
        assert row.reason_label.isVisible() == (expected == "OUTPUT")
        for value in (metric, baseline, target, unit):
            press(qtbot, Qt.Key.Key_Tab)
            type_here(qtbot, value)
    ws = controller.workshop
    assert [kr.text for _, kr in ws.all_key_results()] == [k[1] for k in KEY_RESULTS]
    assert ws.all_key_results()[1][1].unit == "%"
    outputs = [row.text_edit.text() for row in kr_page.rows.values()
               if row.badge.text() == "OUTPUT"]
    assert outputs == ["Launch the new self-service portal", "Host 4 customer webinars"]
    clock.advance(MINUTES["key_results"] * 60)
    page_down_to(qtbot, controller, window, "ask_why")

    # -- ask why: both outputs rewritten through the ladder -------------------------------
    why_page = window.pages["ask_why"]
    assert why_page.queue_list.count() == 2
    portal_id = ws.all_key_results()[0][1].id
    webinar_id = ws.all_key_results()[2][1].id
    assert why_page.selected_kr_id == portal_id
    press(qtbot, Qt.Key.Key_Return)
    assert why_page.answer_edits[0].hasFocus()
    assert why_page.question_labels[0].text() == \
        "1. Why do we want to launch the new self-service portal?"
    for number, answer in enumerate(PORTAL_WHYS):
        type_here(qtbot, answer)
        if number < len(PORTAL_WHYS) - 1:
            press(qtbot, Qt.Key.Key_Return, CTRL)  # why again
            assert len(why_page.answer_edits) == number + 2
            assert why_page.answer_edits[-1].hasFocus()
    press(qtbot, Qt.Key.Key_Return, CTRL_SHIFT)  # the measuring question
    assert why_page.measure_box.isVisible()
    assert why_page.rewrite_edits["text"].hasFocus()
    for value in PORTAL_REWRITE:
        type_here(qtbot, value)
        press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Return, CTRL)  # accept
    portal = ws.find_key_result(portal_id)[1]
    assert portal.text == PORTAL_REWRITE[0]
    assert portal.rewritten_from == "Launch the new self-service portal"
    assert [s.answer for s in portal.why_steps] == list(PORTAL_WHYS)
    assert [(a.text, a.origin) for a in portal.actions] == \
        [("Launch the new self-service portal", ORIGIN_FROM_OUTPUT)]
    # The chain is on the page, and the ladder moved on to the webinars.
    assert any(PORTAL_WHYS[1] in label.text() for label in
               why_page.done_widget.findChildren(type(why_page.original_label)))
    assert why_page.selected_kr_id == webinar_id

    # Ctrl+Z takes the rewrite back (the output and its answers return), Ctrl+Shift+Z
    # restores it; the focus sits in a text field, which must not swallow the keys.
    assert undo.undoText() == "Rewrite key result"
    assert type(QApplication.focusWidget()).__name__ == "QLineEdit"
    press(qtbot, Qt.Key.Key_Z, CTRL)
    portal = controller.workshop.find_key_result(portal_id)[1]
    assert (portal.text, portal.rewritten_from) == ("Launch the new self-service portal", "")
    assert [s.answer for s in portal.why_steps] == list(PORTAL_WHYS)
    assert portal.actions == []
    assert why_page.queue_list.count() == 2
    press(qtbot, Qt.Key.Key_Z, CTRL_SHIFT)
    portal = controller.workshop.find_key_result(portal_id)[1]
    assert portal.rewritten_from == "Launch the new self-service portal"
    assert why_page.queue_list.count() == 1

    why_page.select_kr(webinar_id)
    assert why_page.answer_edits[0].hasFocus()
    type_here(qtbot, WEBINAR_WHYS[0])
    why_page.measure_button.click()
    for value in WEBINAR_REWRITE:
        type_here(qtbot, value)
        press(qtbot, Qt.Key.Key_Tab)
    why_page.accept_button.click()
    assert why_page.queue_list.count() == 0 and why_page.queue_empty.isVisible()
    clock.advance(MINUTES["ask_why"] * 60)
    page_down_to(qtbot, controller, window, "review")

    # -- review: the six questions, Y or N each --------------------------------------------
    review = window.pages["review"]
    for number, row in enumerate(review._rows, start=1):
        row.yes_button.setFocus()
        qtbot.keyClick(row.yes_button, Qt.Key.Key_N if number == 5 else Qt.Key.Key_Y)
    review._rows[4].comment_edit.setFocus()
    type_here(qtbot, "Agents were not in the room; Yuki takes it to them")
    answers = {c.question: c.answer for c in controller.workshop.checklist}
    assert answers == {1: True, 2: True, 3: True, 4: True, 5: False, 6: True}
    assert "6 of 6 questions answered, 1 “no”" in review.summary_label.text()
    clock.advance(MINUTES["review"] * 60)
    review._rows[-1].yes_button.setFocus()
    page_down_to(qtbot, controller, window, "action_plan")

    # A stage move is undone by Ctrl+Z too, and redone.
    assert undo.undoText() == "Go to Action planning"
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert controller.current_stage == "review"
    assert window.current_page_key() == "review"
    press(qtbot, Qt.Key.Key_Z, CTRL_SHIFT)
    assert controller.current_stage == "action_plan"

    # -- action plan: owners by combo, deadlines, one new task ----------------------------
    plan = window.pages["action_plan"]
    ws = controller.workshop
    people = {p.name: p.id for p in ws.participants}
    portal_action = ws.find_key_result(portal_id)[1].actions[0]
    webinar_action = ws.find_key_result(webinar_id)[1].actions[0]
    for action_id, owner_index, day in ((portal_action.id, 1, QDate(2027, 5, 14)),
                                        (webinar_action.id, 2, QDate(2027, 4, 30))):
        row = plan.rows[action_id]
        assert row.origin_label.isVisible()
        row.owner_combo.setFocus()
        for _ in range(owner_index):
            qtbot.keyClick(row.owner_combo, Qt.Key.Key_Down)
        row.deadline_edit.setFocus()
        row.deadline_edit.setDate(day)
    fcr_id = ws.all_key_results()[1][1].id
    plan.add_buttons[fcr_id].click()
    type_here(qtbot, "Map the ten most common first-contact failures")
    press(qtbot, Qt.Key.Key_Tab)
    for _ in range(3):
        press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Tab)
    QApplication.focusWidget().setDate(QDate(2027, 4, 16))
    new_task = ws.find_key_result(fcr_id)[1].actions[0]
    assert (new_task.text, new_task.owner_id, new_task.deadline) == \
        ("Map the ten most common first-contact failures", people["Ola Nordmann"],
         date(2027, 4, 16))
    clock.advance(MINUTES["action_plan"] * 60)
    # From the last stage PageDown steps through the key results, then to wrap-up.
    for _ in range(6):
        press(qtbot, Qt.Key.Key_PageDown)
        if window.current_page_key() == "wrap_up":
            break
    assert window.current_page_key() == "wrap_up"
    nav_text = window.nav.item(0).text()
    assert "4 of 5 min" in nav_text

    # -- close; reopen from the library on a new connection to the file ------------------
    window.close()
    store.close()
    library.close()

    store2 = Store.open(db_path)
    library2 = LibraryWindow()
    qtbot.addWidget(library2)
    library2.attach_store(store2)
    opened: list[str] = []
    library2.open_requested.connect(opened.append)
    library2.show()
    library2.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is library2, timeout=3000)
    qtbot.keyClick(library2.table, Qt.Key.Key_Return)
    assert opened == [ws_id]
    controller2, window2 = open_session(open_facilitator, ws_id, store2, clock, timers)
    again = controller2.workshop
    assert again.title == "Q2 2027 OKRs: Support team"
    assert [(p.name, p.role) for p in again.participants] == list(PEOPLE)
    assert [s.text for s in again.context.strategies] == list(STRATEGIES)
    assert [o.text for o in again.selected_objectives()] == \
        [CANDIDATES[0][0], CANDIDATES[2][0]]
    assert [o.votes for o in again.objectives] == [v for _, v in CANDIDATES]
    portal = again.find_key_result(portal_id)[1]
    webinar = again.find_key_result(webinar_id)[1]
    assert (portal.text, portal.metric, portal.baseline, portal.target, portal.unit) == \
        PORTAL_REWRITE
    assert portal.rewritten_from == "Launch the new self-service portal"
    assert [s.answer for s in portal.why_steps] == list(PORTAL_WHYS)
    assert portal.why_steps[0].question == \
        "Why do we want to launch the new self-service portal?"
    assert webinar.rewritten_from == "Host 4 customer webinars"
    assert [s.answer for s in webinar.why_steps] == list(WEBINAR_WHYS)
    from_output = [(a.text, again.participant_name(a.owner_id), a.deadline)
                   for _, _, a in again.all_actions() if a.origin == ORIGIN_FROM_OUTPUT]
    assert from_output == [
        ("Launch the new self-service portal", "Maria Jensen", date(2027, 5, 14)),
        ("Host 4 customer webinars", "Yuki Tanaka", date(2027, 4, 30)),
    ]
    assert {c.question: c.answer for c in again.checklist}[5] is False
    assert again.current_stage == "action_plan"
    for key, minutes in MINUTES.items():
        recorded = again.stage(key).actual_seconds / 60
        assert abs(recorded - minutes) < 0.1, (key, recorded)
    assert "22 of 25 min" in window2.nav.item(3).text()

    # -- the handout, exported from the wrap-up page and read back ------------------------
    press(qtbot, Qt.Key.Key_E, CTRL)
    assert window2.current_page_key() == "wrap_up"
    wrap_up = window2.pages["wrap_up"]
    handout = tmp_path / "handout.pdf"
    monkeypatch.setattr(wrap_up, "choose_path", lambda kind, suggested: handout)
    wrap_up.export_buttons["pdf"].click()
    qtbot.waitUntil(lambda: not wrap_up.jobs.busy, timeout=30_000)  # built off the GUI thread
    assert wrap_up.result_label.text() == "Saved handout.pdf"
    text = pdf_text(handout)
    for expected in ("Make first-contact resolution the norm",
                     "Turn webinars into a pipeline of real demand",
                     PORTAL_REWRITE[0], WEBINAR_REWRITE[0],
                     "Raise first-contact resolution from 61% to 75%",
                     "Launch the new self-service portal", "Host 4 customer webinars",
                     *PORTAL_WHYS, *WEBINAR_WHYS,
                     "Map the ten most common first-contact failures",
                     "Maria Jensen", "Yuki Tanaka", "Ola Nordmann", "Kommune Nord"):
        assert expected in text, expected
    assert "14 May 2027" in text and "30 Apr 2027" in text and "16 Apr 2027" in text
    window2.close()
    store2.close()

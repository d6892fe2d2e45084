"""The SessionController: undo/redo of edits and stage moves, and autosave."""

from __future__ import annotations

from workshop.model import KeyResult


def test_typing_merges_into_one_undo_step(controller):
    kr = controller.workshop.objectives[0].key_results[0]
    for text in ("I", "In", "Inc", "Increase sign-ups"):
        controller.set_field(("kr", kr.id), "text", text)
    assert controller.undo_stack.count() == 1
    controller.undo_stack.undo()
    assert controller.get(("kr", kr.id)).text == "Increase enterprise sign-ups by 25%"
    controller.undo_stack.redo()
    assert controller.get(("kr", kr.id)).text == "Increase sign-ups"


def test_structural_edit_undoes_as_one_step(controller):
    objective = controller.workshop.objectives[0]
    before = len(objective.key_results)
    added = controller.apply("Add key result",
                             lambda ws: ws.objectives[0].key_results.append(
                                 KeyResult("Raise NPS from 20 to 35")) or "done")
    assert added == "done"
    assert len(controller.workshop.objectives[0].key_results) == before + 1
    controller.undo_stack.undo()
    assert len(controller.workshop.objectives[0].key_results) == before
    controller.undo_stack.redo()
    assert controller.workshop.objectives[0].key_results[-1].text == "Raise NPS from 20 to 35"


def test_stage_change_is_undoable_and_restores_the_timer(controller, clock):
    controller.toggle_timer()
    clock.advance(90)
    remaining = controller.run.timer.remaining()
    controller.next_stage()
    assert controller.current_stage == "strategy"
    controller.undo_stack.undo()
    assert controller.current_stage == "setup"
    assert abs(controller.run.timer.remaining() - remaining) < 1e-6


def test_autosave_waits_for_the_debounce_then_writes(controller, timers):
    ws = controller.workshop
    controller.set_field(("workshop", ""), "title", "Typed but not yet saved")
    assert controller.store.load(ws.id).title != "Typed but not yet saved"
    assert timers.timers[0].interval_ms <= 500
    timers.fire_all()
    assert controller.store.load(ws.id).title == "Typed but not yet saved"
    assert controller.last_saved


def test_stage_change_saves_at_once(controller):
    controller.next_stage()
    assert controller.store.load(controller.workshop.id).current_stage == "strategy"


def test_failed_save_keeps_edits_and_retries(controller, timers, tmp_path):
    messages = []
    controller.save_failed.connect(messages.append)
    controller.store.read_only = True  # behaves as a file that cannot be written
    controller.set_field(("workshop", ""), "client", "Kept in memory")
    timers.fire_all()
    assert messages and "read-only" in messages[0]
    assert controller.workshop.client == "Kept in memory"
    controller.store.read_only = False
    assert timers.fire_all() >= 1  # the retry
    assert controller.store.load(controller.workshop.id).client == "Kept in memory"
    assert controller.save_error == ""


def test_typing_saves_only_what_changed_and_structure_saves_everything(make_controller,
                                                                      timers, store):
    controller = make_controller()
    whole, partial = [], []
    real_save, real_changes = store.save, store.save_changes
    store.save = lambda ws, **kw: whole.append(1) or real_save(ws, **kw)
    store.save_changes = lambda ws, changed: partial.append(list(changed)) or \
        real_changes(ws, changed)
    controller.save_now()  # the first save after opening is a whole one
    assert (len(whole), len(partial)) == (1, 0)
    kr = controller.workshop.all_key_results()[0][1]
    controller.set_field(("kr", kr.id), "text", "Typed")
    timers.fire_all()
    assert len(whole) == 1 and [k for k, _ in partial[-1]] == ["kr"]
    from workshop import edits

    controller.edit(edits.add_participant)
    timers.fire_all()
    assert len(whole) == 2
    assert store.load(controller.workshop.id).all_key_results()[0][1].text == "Typed"


def test_the_stage_order_runs_on_to_the_wrap_up_but_not_the_retro(make_controller):
    """Both windows (PageDown on the laptop, the strip of presentation mode) page through
    the same order, kept by the controller."""
    controller = make_controller()
    last = controller.workshop.stages[-1].key
    controller.go_to_stage(last)
    assert controller.next_stage() and controller.live_stage_key == "wrap_up"
    assert not controller.next_stage()  # the retro is opened on purpose, at the period's end
    assert controller.previous_stage() and controller.live_stage_key == last

"""The projector window: follows the facilitator at once, shows the room only what is
meant for the room, signals time-up once per phase, answers the clicker, and reads from
1024x768 to 3840x2160 without cutting any text off."""

from __future__ import annotations

import wave
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel

from workshop.coach import assess_kr
from workshop.demo import demo_workshop
from workshop.flows.slides import Row
from workshop.flows.stages import slide_rows, stage_by_key
from workshop.model import Action, KeyResult, Objective, Participant, WhyStep
from workshop.ui.audience import (
    FLASH_MS,
    MAX_ITEMS_PER_PAGE,
    AudienceWindow,
    elide_words,
    paginate,
    projector_screen,
)
from workshop.ui.widgets.chime import write_chime_wav

SIZES = [(1024, 768), (1920, 1080)]


class FakeChime:
    def __init__(self) -> None:
        self.played = 0

    def play(self) -> None:
        self.played += 1


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def chime():
    return FakeChime()


@pytest.fixture
def audience(qtbot, controller, chime):
    window = AudienceWindow(controller, chime=chime, motion=False)
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    controller.show_stage()  # past the title slide
    return window


def all_label_texts(window) -> str:
    """Every text in any label of the window, shown or not."""
    return "\n".join(label.text().replace("\u200b", "") for label in window.findChildren(QLabel))


def clipped_labels(window) -> list[str]:
    """Visible labels whose text does not fit their box, or whose box leaves the window."""
    bad = []
    for label in window.findChildren(QLabel):
        if not label.isVisibleTo(window) or not label.text():
            continue
        bottom_right = label.mapTo(window, label.rect().bottomRight())
        if bottom_right.y() > window.height() or bottom_right.x() > window.width():
            bad.append(f"outside the window: {label.text()[:40]!r}")
        if label.wordWrap():
            if label.heightForWidth(label.width()) > label.height():
                bad.append(f"wrapped text cut: {label.text()[:40]!r} "
                           f"{label.heightForWidth(label.width())} > {label.height()}")
        elif label.fontMetrics().horizontalAdvance(label.text()) > label.contentsRect().width():
            bad.append(f"line cut: {label.text()[:40]!r}")
    return bad


def hostile_workshop():
    """300-character objectives with emoji and right-to-left text, 12 KRs, 40 actions."""
    ws = demo_workshop()
    long_text = ("Make every 🚀 customer conversation count, across every team and "
                 "every channel, so that people who call us — مرحبا بالعالم، هذا نص "
                 "طويل — leave with their problem solved the first time and tell their "
                 "colleagues about it: Donaudampfschifffahrtsgesellschaftskapitänsmütze "
                 "and more words to reach three hundred characters in total here!!")
    assert len(long_text) >= 300
    ws.title = "A very long session title " * 12
    ws.participants = [Participant(f"Participant {i} with a long family name 👩‍💼")
                       for i in range(20)]
    ws.notes = "Private facilitator note"
    ws.objectives = []
    for o in range(4):
        krs = []
        for k in range(3):
            krs.append(KeyResult(
                text=f"{long_text[:200]} key result {o}.{k}", baseline="12", target="40",
                unit="%",
                why_steps=[WhyStep(f"Why do we want {long_text[:120]}?", long_text)] * 3,
                rewritten_from=long_text,
                actions=[Action(f"{long_text[:150]} action {a}", ws.participants[a].id,
                                date(2027, 2, a + 1)) for a in range(4 if k else 2)]))
        ws.objectives.append(Objective(text=f"{long_text} {o}", votes=o, selected=True,
                                       key_results=krs))
    assert sum(len(kr.actions) for o in ws.objectives for kr in o.key_results) == 40
    ws.context.vision = long_text
    ws.context.mission = "x" * 400  # one enormous word
    return ws


# -- following the facilitator -------------------------------------------------------------

def test_follows_stage_changes_without_waiting(audience, controller):
    assert audience.stage_label.text() == stage_by_key("setup").title
    controller.next_stage()
    assert audience.stage_label.text() == stage_by_key("strategy").title
    assert audience.question_label.text() == stage_by_key("strategy").audience_question
    assert audience.progress_label.text() == f"Stage 2 of {controller.run.stage_count}"
    assert controller.workshop.context.vision in audience.visible_texts()
    controller.undo_stack.undo()
    assert audience.stage_label.text() == stage_by_key("setup").title


def test_timer_phases_show_in_colour_and_in_words(audience, controller, clock):
    controller.toggle_timer()
    duration = controller.run.timer.duration
    assert audience.timer_label.text() == "05:00" or audience.timer_label.text().count(":")
    assert audience.timer_label.property("phase") == "normal"
    clock.advance(duration - 30)
    controller.tick()
    assert audience.timer_label.property("phase") == "warning"
    assert audience.caption_label.text() == "Almost time"
    assert audience.timer_label.text() == "00:30"
    clock.advance(95)
    controller.tick()
    assert audience.timer_label.property("phase") == "overtime"
    assert audience.timer_label.text() == "+01:05"
    assert audience.caption_label.text() == "Over time"
    controller.toggle_timer()
    assert audience.timer_label.text() == "+01:05"  # overtime stays visible while paused


def test_the_slides_countdown_reads_from_the_back_and_leaves_room(qtbot, controller):
    """The slide's countdown shares the header with the question (the timer-only view
    is the one that fills the screen): large, but never more than a sixth."""
    window = AudienceWindow(controller, chime=FakeChime(), motion=False)
    qtbot.addWidget(window)
    controller.show_stage()
    for width, height in SIZES + [(3840, 2160)]:
        window.resize(width, height)
        window.show()
        assert height / 9 <= window.timer_label.fontMetrics().ascent() <= height / 6
        assert window.question_label.font().pixelSize() >= 36 * height / 768 - 1
        assert window.body_font.pixelSize() >= 24 * height / 768 - 1


def test_content_edits_show_at_once(audience, controller):
    controller.go_to_stage("objectives")
    objective = controller.workshop.objectives[0]
    controller.set_field(("objective", objective.id), "text", "Delight first-time callers")
    assert "Delight first-time callers" in audience.visible_texts()
    controller.set_field(("objective", objective.id), "votes", 11)
    assert "11 votes" in audience.visible_texts()


def test_objectives_show_votes_as_bars_and_the_laptops_word_keep(audience, controller):
    from workshop.ui.projector_widgets import Bar

    controller.go_to_stage("objectives")
    texts = audience.visible_texts()
    assert "7 votes" in texts and "1 vote" in texts
    assert texts.count("KEEP") == 2 and "SELECTED" not in texts
    bars = sorted(b.fraction for b in audience.findChildren(Bar) if b.isVisibleTo(audience))
    assert bars == pytest.approx([1 / 7, 3 / 7, 5 / 7, 1.0])


def test_key_results_carry_output_or_outcome_in_words(audience, controller):
    controller.go_to_stage("key_results")
    objective = controller.workshop.objectives[0]
    controller.apply("Add", lambda ws: ws.objectives[0].key_results.insert(
        0, KeyResult("Launch the new partner portal")))
    assert objective.text in audience.visible_texts()
    texts = audience.visible_texts()
    assert "OUTPUT" in texts and "OUTCOME" in texts


def test_ask_why_shows_the_focused_ladder_step_by_step(audience, controller):
    controller.go_to_stage("ask_why")
    kr = controller.workshop.objectives[0].key_results[1]
    controller.set_focus_item(("kr", kr.id))
    texts = audience.visible_texts()
    assert kr.rewritten_from in texts
    assert kr.why_steps[0].question in texts and kr.why_steps[0].answer in texts
    assert any(t.startswith(kr.text) for t in texts)
    steps = list(kr.why_steps) + [WhyStep("Why does less churn matter?", "Renewals pay us.")]
    controller.set_field(("kr", kr.id), "why_steps", steps)
    assert "Renewals pay us." in audience.visible_texts()


def test_ask_why_shows_the_question_as_soon_as_a_kr_is_on_the_ladder(audience, controller):
    controller.go_to_stage("ask_why")
    controller.apply("Add output", lambda ws: ws.objectives[0].key_results.append(
        KeyResult("Launch the new partner portal")))
    kr = controller.workshop.objectives[0].key_results[-1]
    controller.set_focus_item(("kr", kr.id))
    texts = audience.visible_texts()
    assert "Launch the new partner portal" in texts
    assert "Why do we want to launch the new partner portal?" in texts  # nothing typed yet


def test_review_shows_answers_in_words_and_marks_the_question_discussed(audience,
                                                                       controller):
    from workshop.ui.projector_widgets import RowWidget

    controller.go_to_stage("review")
    texts = audience.visible_texts()
    assert texts.count("YES") == 5 and texts.count("NO") == 1
    controller.set_focus_item(("checklist", "4"))
    marked = [w.row.text for w in audience.findChildren(RowWidget)
              if w.isVisibleTo(audience) and w.property("discussed") == "true"]
    assert marked == ["Are there only a few of them (fewer than five in total)?"]


def test_action_table_has_owners_and_deadlines(audience, controller):
    controller.go_to_stage("action_plan")
    kr = controller.workshop.objectives[0].key_results[0]
    controller.set_focus_item(("kr", kr.id))
    texts = audience.visible_texts()
    assert "Launch v3.0 of our platform" in texts
    assert "Yuki Tanaka" in texts and "26 Feb 2027" in texts
    # Only the KR under discussion: the room reads one table, not the whole plan.
    assert "Call every enterprise account with falling usage" not in texts


def test_break_says_when_the_room_is_back(qtbot, make_controller, clock):
    ws = demo_workshop()
    ws.agenda_template = "halfday"
    controller = make_controller(ws)
    window = AudienceWindow(controller, chime=FakeChime(), motion=False)
    qtbot.addWidget(window)
    window.show()
    controller.show_stage()
    controller.go_to_stage("break")
    remaining = controller.run.timer.remaining()
    back = datetime.fromtimestamp(clock.wall() + remaining).strftime("%H:%M")
    assert f"Back at {back}" in window.visible_texts()
    controller.extend_timer(600)  # ten more minutes: the room is told the new time
    later = (datetime.fromtimestamp(clock.wall() + remaining) + timedelta(minutes=10))
    assert f"Back at {later:%H:%M}" in window.visible_texts()


# -- what the room must never see ------------------------------------------------------------

def test_facilitator_only_text_never_reaches_the_projector(audience, controller):
    controller.set_field(("workshop", ""), "notes", "Maria is sceptical, handle gently")
    controller.apply("Add output", lambda ws: ws.objectives[0].key_results.append(
        KeyResult("Launch the new partner portal")))
    finding = assess_kr("Launch the new partner portal").findings[0].message
    assert finding
    for record in controller.workshop.stages:
        controller.go_to_stage(record.key)
        stage = stage_by_key(record.key)
        shown = all_label_texts(audience)
        assert "Maria is sceptical" not in shown
        assert finding not in shown
        for private in stage.tips + stage.prompts + (stage.goal,):
            assert private not in shown, (record.key, private)
    controller.set_projected_finding(finding)
    assert f"Coach: {finding}" in [t.replace("\u200b", "") for t in audience.visible_texts()]
    controller.set_projected_finding("")
    assert finding not in all_label_texts(audience)


def test_a_projected_finding_about_one_objective_names_it_to_the_room(audience, controller):
    # Three routine objectives get the same question: the room must see which one it is.
    question = "What would be different at the end of the period if we did this well?"
    controller.set_projected_finding(question, "Keep the website up to date",
                                     "objective.business_as_usual", "o1")
    shown = " ".join(t.replace("\u200b", "") for t in audience.visible_texts())
    assert "Keep the website up to date" in shown and question in shown


def test_black_screen_hides_everything(audience, controller):
    controller.toggle_black()
    assert audience.black_overlay.isVisible()
    assert audience.black_overlay.geometry() == audience.rect()
    assert audience.visible_texts() == []
    controller.toggle_black()
    assert not audience.black_overlay.isVisible()


# -- time-up signal --------------------------------------------------------------------------

def test_flash_and_chime_fire_once_per_phase(audience, controller, clock, chime):
    controller.toggle_timer()
    duration = controller.run.timer.duration
    clock.advance(duration - 10)
    for _ in range(3):
        controller.tick()
    assert audience.flashes == ["warning"] and chime.played == 1
    assert audience.flash_overlay.isVisible()
    assert audience._flash_timer.isActive() and audience._flash_timer.interval() == FLASH_MS
    audience._flash_timer.timeout.emit()  # the flash is over
    assert not audience.flash_overlay.isVisible()
    clock.advance(20)
    for _ in range(3):
        controller.tick()
        clock.advance(1)
    assert audience.flashes == ["warning", "time_up"] and chime.played == 2
    audience._flash_timer.timeout.emit()
    assert not audience.flash_overlay.isVisible()  # no blinking after the flash


def test_sound_can_be_switched_off_the_flash_stays(audience, controller, clock, chime):
    audience.sound_on = False
    controller.toggle_timer()
    clock.advance(controller.run.timer.duration + 5)
    controller.tick()
    assert audience.flashes == ["warning", "time_up"]
    assert chime.played == 0


def test_chime_is_a_short_valid_wav(tmp_path):
    path = write_chime_wav(tmp_path / "chime.wav")
    with wave.open(str(path)) as sound:
        seconds = sound.getnframes() / sound.getframerate()
        assert sound.getnchannels() == 1 and sound.getsampwidth() == 2
    assert 0.2 < seconds < 1.0


# -- keys and screens ------------------------------------------------------------------------

@pytest.fixture
def both_windows(qtbot, controller, settings):
    from workshop.ui.facilitator import FacilitatorWindow

    facilitator = FacilitatorWindow(controller, tick_timer=False)
    qtbot.addWidget(facilitator)
    facilitator.show()
    window = facilitator.open_projector(settings)
    qtbot.addWidget(window)
    window.chime = FakeChime()
    window.motion = False
    controller.show_stage()
    return facilitator, window


@pytest.mark.parametrize("which", ["audience", "facilitator"])
def test_clicker_keys_act_in_both_windows(qtbot, both_windows, controller, which):
    facilitator, audience = both_windows
    target = audience if which == "audience" else facilitator.centralWidget()
    assert controller.current_stage == "setup"
    qtbot.keyClick(target, Qt.Key.Key_PageDown)
    assert controller.current_stage == "strategy"
    assert audience.stage_label.text() == stage_by_key("strategy").title
    qtbot.keyClick(target, Qt.Key.Key_PageUp)
    assert controller.current_stage == "setup"
    qtbot.keyClick(target, Qt.Key.Key_Space)
    assert controller.run.timer.running
    qtbot.keyClick(target, Qt.Key.Key_Space)
    assert not controller.run.timer.running
    qtbot.keyClick(target, Qt.Key.Key_B)
    assert controller.projector_black and audience.black_overlay.isVisible()
    qtbot.keyClick(target, Qt.Key.Key_Period)
    assert not controller.projector_black


def test_page_down_shows_the_next_page_before_the_next_stage(qtbot, make_controller,
                                                             settings):
    from workshop.ui.facilitator import FacilitatorWindow

    controller = make_controller(hostile_workshop())
    facilitator = FacilitatorWindow(controller, tick_timer=False)
    qtbot.addWidget(facilitator)
    window = facilitator.open_projector(settings)
    qtbot.addWidget(window)
    window.motion = False
    controller.show_stage()
    controller.go_to_stage("key_results")
    assert len(window.pages) > 1
    assert controller.room.page_count == len(window.pages)  # the laptop's PAGE n/m
    count = len(window.pages)
    shown = {window.page_index}
    presses = 0
    while controller.current_stage == "key_results" and presses < 40:
        qtbot.keyClick(window, Qt.Key.Key_PageDown)
        presses += 1
        if controller.current_stage == "key_results":
            shown.add(window.page_index)
            assert controller.room.page == window.page_index
    # Every page was on screen (following the item under discussion, or page by page)
    # before the clicker moved the room on to the next stage.
    assert shown == set(range(count))
    assert controller.current_stage == "ask_why"


@pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen cannot raise()
def test_one_screen_opens_a_window_and_points_to_presentation_mode(both_windows, settings):
    facilitator, audience = both_windows
    assert audience.isVisible() and not audience.isFullScreen()
    assert "Presentation mode" in facilitator.statusBar().currentMessage()
    again = facilitator.open_projector(settings)
    assert again is audience  # F5 again raises the same window


def test_view_menu_lists_screens_theme_and_sound(both_windows, settings):
    from PySide6.QtGui import QGuiApplication

    facilitator, audience = both_windows
    controls = facilitator.projector_controls(settings)
    controls.fill_screen_menu()
    names = [a.text() for a in controls.screen_menu.actions()]
    screen = QGuiApplication.primaryScreen()
    size = screen.geometry().size()
    assert len(names) == len(QGuiApplication.screens())
    assert names[0].endswith(f" · {size.width()}×{size.height()}")
    controls.sound_action.setChecked(False)
    assert audience.sound_on is False
    controls.set_theme("dark")
    assert audience.theme.key == "dark"
    assert "#16191d" in audience.styleSheet()


def test_the_room_shows_the_wrap_up_once_it_is_live(both_windows, controller):
    facilitator, audience = both_windows
    first = controller.current_stage
    controller.go_to_stage("wrap_up")
    texts = audience.visible_texts()
    # The closing summary: one objective per slide, its KRs, owners and the next dates.
    assert "Accelerate enterprise AI adoption" in texts
    assert "Make onboarding effortless for new enterprise customers" not in texts
    assert "Owners: Yuki Tanaka, Ahmed Khan, Sofia Rossi" in texts
    assert "Next: first check-in Monday 4 January 2027, then weekly" in texts
    controller.go_to_stage(first)
    assert audience.stage_label.text() == stage_by_key(first).title


class _Screen:
    def __init__(self, name: str) -> None:
        self._name = name

    def name(self) -> str:
        return self._name


def test_projector_goes_on_the_other_screen_or_the_chosen_one():
    laptop, beamer, tv = _Screen("eDP-1"), _Screen("HDMI-1"), _Screen("DP-2")
    assert projector_screen(laptop, [laptop]) is None
    assert projector_screen(laptop, [laptop, beamer]) is beamer
    assert projector_screen(laptop, [laptop, beamer, tv], "DP-2") is tv
    assert projector_screen(laptop, [laptop, beamer], "gone") is beamer


# -- legibility --------------------------------------------------------------------------------

def stage_views(controller) -> list[str]:
    return [s.key for s in controller.workshop.stages] + ["wrap_up"]


@pytest.mark.parametrize("theme", ["projector", "light", "dark"])
@pytest.mark.parametrize("size", SIZES)
def test_hostile_text_is_never_cut_off(qtbot, make_controller, size, theme, tmp_path):
    controller = make_controller(hostile_workshop())
    window = AudienceWindow(controller, theme, chime=FakeChime(), motion=False)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    controller.show_stage()
    for view in stage_views(controller):
        controller.go_to_stage(view)
        controller.set_projected_finding("A projected finding " * 8)
        for page in range(len(window.pages)):
            window.page_index = page
            window._show_page()
            counted = [i for i in window.pages[page].rows
                       if window._units[i][0].row.style in ("item", "step", "ask")]
            assert len(counted) <= MAX_ITEMS_PER_PAGE
            assert clipped_labels(window) == [], (view, page)
        assert sorted(i for p in window.pages for i in p.rows) == \
            list(range(len(window._units)))


def test_text_scales_with_the_window(qtbot, controller):
    window = AudienceWindow(controller, chime=FakeChime(), motion=False)
    qtbot.addWidget(window)
    window.show()
    controller.show_stage()
    window.resize(1024, 768)
    small = window.body_font.pixelSize()
    window.resize(3840, 2160)
    assert window.body_font.pixelSize() >= small * 2.5
    assert clipped_labels(window) == []


def test_paginate_never_overfills_a_page():
    heights = [40, 200, 30, 30, 30, 30, 30, 30, 120]
    pages = paginate(heights, 250, 10)
    assert sorted(i for p in pages for i in p.rows) == list(range(len(heights)))
    for page in pages:
        assert len(page.rows) <= MAX_ITEMS_PER_PAGE
        assert sum(heights[i] for i in page.rows) + 10 * (len(page.rows) - 1) <= 250
    # A heading is carried to the next page rather than left alone at the foot.
    pages = paginate([30, 100, 30, 100], 200, 10, headings=[False, False, True, False],
                     groups=[None, None, None, 2])
    assert [p.rows for p in pages] == [[0, 1], [2, 3]]


def test_pages_fill_before_they_break_and_say_continued():
    # Two objectives (headings) with three KRs each: one page of six KRs, not 4 + 2.
    heights = [30, 40, 40, 40, 30, 40, 40, 40]
    headings = [True, False, False, False, True, False, False, False]
    groups = [None, 0, 0, 0, None, 4, 4, 4]
    pages = paginate(heights, 1000, 10, headings=headings, groups=groups,
                     counts=[not h for h in headings])
    assert [p.rows for p in pages] == [list(range(8))]
    # A full page (six items) does not end with the next objective's heading.
    more = [True, False, False, False]
    pages = paginate(heights + heights[4:], 1000, 10, headings=headings + more,
                     groups=groups + [None, 8, 8, 8],
                     counts=[not h for h in headings + more])
    assert [p.rows for p in pages] == [list(range(8)), [8, 9, 10, 11]]
    # Too little room: the second page repeats the heading it continues.
    pages = paginate(heights[:4], 100, 10, headings=headings[:4], groups=groups[:4],
                     continued_heights={0: 30})
    assert [p.rows for p in pages] == [[0, 1], [2], [3]]
    assert [p.continued for p in pages] == [None, 0, 0]


def test_a_kept_heading_takes_two_of_its_rows_along():
    heights = [30, 40, 40, 30, 40, 40]
    headings = [True, False, False, True, False, False]
    groups = [None, 0, 0, None, 3, 3]
    # Room for the heading and one row at the foot of page 1: not enough for a KR.
    pages = paginate(heights, 225, 10, headings=headings, groups=groups,
                     keep=headings, counts=[False] * 6)
    assert [p.rows for p in pages] == [[0, 1, 2], [3, 4, 5]]
    # Without `keep` the page fills, and the next one says which KR it continues.
    pages = paginate(heights, 225, 10, headings=headings, groups=groups,
                     counts=[False] * 6)
    assert [p.rows for p in pages] == [[0, 1, 2, 3, 4], [5]]
    assert pages[1].continued == 3


def test_elision_happens_at_word_boundaries(qapp):
    from PySide6.QtGui import QFont, QFontMetrics

    metrics = QFontMetrics(QFont())
    text = "Accelerate enterprise adoption across the Nordic region"
    width = metrics.horizontalAdvance("Accelerate enterprise adop")
    short = elide_words(text, metrics, width)
    assert short == "Accelerate enterprise …"
    assert elide_words("x" * 500, metrics, 100).endswith("…")
    assert elide_words(text, metrics, 10_000) == text


def test_rows_never_include_private_fields():
    ws = demo_workshop()
    ws.notes = "secret"
    for view in ("setup", "strategy", "objectives", "key_results", "ask_why", "review",
                 "action_plan", "wrap_up", "retro"):
        rows = slide_rows(ws, view)
        assert rows and all(isinstance(r, Row) for r in rows)
        assert not any("secret" in r.text for r in rows)


# -- the title slide, the timer alone, messages ------------------------------------------------

def _png(width: int = 120, height: int = 60) -> bytes:
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QColor, QImage

    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#d22f27"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def test_the_room_first_sees_the_title_slide_then_the_timer(qtbot, make_controller):
    ws = demo_workshop()
    ws.logo_png = _png()  # the client's logo, when the session has one
    controller = make_controller(ws)
    window = AudienceWindow(controller, chime=FakeChime(), motion=False)
    qtbot.addWidget(window)
    window.show()
    texts = window.visible_texts()
    assert "Nordlys AI · Leadership team" in texts
    assert "Q1 2027 OKRs: Enterprise growth" in texts
    assert "10 December 2026 · Q1 2027 · Facilitator: Kari Nilsen" in texts
    assert "Welcome and set-up · 5 min" in texts and "End" in texts
    assert not window.timer_label.isVisibleTo(window)  # no countdown before the start
    assert window.logo_label.isVisible() and not window.logo_label.pixmap().isNull()
    controller.toggle_timer()  # the stage starts: the slide and its countdown
    assert stage_by_key("setup").audience_question in window.visible_texts()
    assert window.timer_label.isVisible()


def test_timer_only_view_fills_the_screen_and_returns(audience, controller):
    controller.toggle_timer()
    controller.toggle_timer_view()
    assert audience.big_clock.isVisible()
    assert audience.big_clock.height() > audience.height() * 0.5
    texts = audience.visible_texts()
    assert stage_by_key("setup").title in texts
    assert f"Stage 1 of {controller.run.stage_count}" in texts
    assert audience.t_time.text().count(":") == 1  # the time of day
    controller.toggle_timer_view()
    assert not audience.big_clock.isVisible()
    assert stage_by_key("setup").audience_question in audience.visible_texts()


def test_messages_to_the_room_as_a_banner_or_full_screen(audience, controller):
    from workshop.flows.room import MESSAGE_BANNER, MESSAGE_FULL

    controller.show_message("Welcome back", MESSAGE_BANNER)
    texts = audience.visible_texts()
    assert "Welcome back" in texts and stage_by_key("setup").title in texts
    controller.show_message("Break until 10:40", MESSAGE_FULL)
    texts = audience.visible_texts()
    assert "Break until 10:40" in texts and stage_by_key("setup").title not in texts
    assert audience.message_label.font().pixelSize() > audience.body_font.pixelSize() * 2
    controller.clear_message()
    texts = audience.visible_texts()
    assert "Break until 10:40" not in texts and "Welcome back" not in texts


def test_the_item_under_discussion_is_highlighted_and_its_page_shown(qtbot,
                                                                     make_controller):
    from workshop.demo import large_workshop

    controller = make_controller(large_workshop())
    window = AudienceWindow(controller, chime=FakeChime(), motion=False)
    qtbot.addWidget(window)
    window.show()
    controller.show_stage()
    controller.go_to_stage("key_results")
    assert len(window.pages) > 1 and window.page_index == 0
    kr = controller.workshop.objectives[-1].key_results[-1]
    controller.set_focus_item(("kr", kr.id))
    assert window.page_index == len(window.pages) - 1
    marked = [w.row.text for w, _, _ in window._units
              if w.isVisible() and w.property("discussed") == "true"]
    assert marked == [kr.text]
    assert controller.room.page == window.page_index  # the laptop's PAGE n/m follows


def test_a_page_inside_an_objective_repeats_its_heading_continued(qtbot, make_controller):
    from workshop.demo import large_workshop

    ws = large_workshop()
    for objective in ws.objectives:
        objective.key_results += [KeyResult(f"Raise metric {i} from 1 to 2 percent")
                                  for i in range(5)]
    controller = make_controller(ws)
    window = AudienceWindow(controller, chime=FakeChime(), motion=False)
    qtbot.addWidget(window)
    window.show()
    controller.show_stage()
    controller.go_to_stage("key_results")
    window.page_step(+1)
    assert window.continued.isVisible()
    assert window.continued.main.text() == \
        "Objective 1: make customers measurably more successful (continued)"


def test_an_edit_reuses_the_row_widgets_and_measures_only_what_changed(audience,
                                                                       controller):
    from workshop.ui.projector_widgets import RowWidget

    controller.go_to_stage("key_results")
    widgets = list(audience._widgets)
    measured = [w.measured for w in widgets]
    kr = controller.workshop.objectives[0].key_results[1]
    controller.set_field(("kr", kr.id), "text", kr.text + " fast")
    assert audience._widgets == widgets  # the same widgets, one text changed
    changed = [i for i, w in enumerate(widgets) if w.measured != measured[i]]
    assert changed == [2]  # the heading is row 0, this KR row 2
    before = len(audience.findChildren(RowWidget))
    relayouts = audience.relayouts
    controller.set_field(("workshop", ""), "notes", "nothing the room sees")
    assert audience.relayouts == relayouts  # nothing the room sees: nothing redone
    controller.set_field(("cadence", ""), "checkin_weekday", 3)
    assert audience.relayouts == relayouts
    assert len(audience.findChildren(RowWidget)) == before


def test_cross_fade_between_stages_unless_no_motion(audience, controller):
    audience.motion = True
    controller.go_to_stage("strategy")
    assert audience.fade_overlay.isVisible()
    audience.fade_overlay.stop()
    audience.motion = False
    controller.go_to_stage("objectives")
    assert not audience.fade_overlay.isVisible()


def test_presentation_mode_has_public_controls_and_changes_no_setting(qtbot, controller,
                                                                      settings):
    window = AudienceWindow(controller, presentation=True, chime=FakeChime(), motion=False)
    qtbot.addWidget(window)
    window.show()
    controller.show_stage()
    keys_before = settings.allKeys()
    buttons = window.strip_buttons
    qtbot.mouseClick(buttons["next"], Qt.MouseButton.LeftButton)
    assert controller.current_stage == "strategy"
    qtbot.mouseClick(buttons["timer"], Qt.MouseButton.LeftButton)
    assert controller.run.timer.running
    qtbot.mouseClick(buttons["timer_view"], Qt.MouseButton.LeftButton)
    assert controller.room.view == "timer"
    qtbot.mouseClick(buttons["previous"], Qt.MouseButton.LeftButton)
    assert controller.current_stage == "setup"
    assert settings.allKeys() == keys_before
    strip_texts = [b.text() for b in buttons.values()]
    for stage in (stage_by_key("setup"), stage_by_key("strategy")):
        assert not any(t in strip_texts for t in stage.tips + stage.prompts)
    assert all(b.focusPolicy() == Qt.FocusPolicy.NoFocus for b in buttons.values())


@pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen cannot raise()
def test_presentation_window_opens_on_the_facilitators_screen(qtbot, controller, settings):
    from workshop.ui.facilitator import FacilitatorWindow

    facilitator = FacilitatorWindow(controller, tick_timer=False)
    qtbot.addWidget(facilitator)
    facilitator.show()
    settings.setValue("projector_theme", "dark")
    before = {k: settings.value(k) for k in settings.allKeys()}
    window = facilitator.open_presentation(settings)
    qtbot.addWidget(window)
    assert window.presentation and window.strip is not None and window.strip.isVisible()
    assert window.theme.key == "dark"
    assert {k: settings.value(k) for k in settings.allKeys()} == before
    assert window.screen() is facilitator.screen()


def test_typing_into_a_row_that_keeps_its_height_lays_nothing_out_again(audience,
                                                                         controller):
    # Each key re-measured every row of the slide and paginated it again: at 150 key
    # results most of the projector's cost of a keystroke.
    controller.go_to_stage("key_results")
    kr = controller.workshop.objectives[0].key_results[1]
    row = audience._widgets[2]
    relayouts = audience.relayouts
    controller.set_field(("kr", kr.id), "text", kr.text + " x")
    assert audience.relayouts == relayouts
    assert "5% x (from" in row.main.text()
    height = row.height_px
    controller.set_field(("kr", kr.id), "text", kr.text + " and much more" * 30)
    assert audience.relayouts == relayouts + 1  # it wraps: the pages are made again
    assert row.height_px > height

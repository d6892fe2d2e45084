"""What the room reads, as plain rows: ranges that add something and never break,
votes with their count in words, the why-question from the first moment, the review
question under discussion, a summary slide per objective, a retro scoreboard."""

from __future__ import annotations

from datetime import date

from workshop.demo import demo_workshop, large_workshop
from workshop.flows.slides import (
    NBSP,
    ask_why_slide,
    clock_text,
    first_checkin,
    kr_kind,
    kr_line,
    objectives_slide,
    range_text,
    retro_slide,
    review_slide,
    wrap_up_slide,
)
from workshop.flows.stages import ALL_STAGES, slide_rows
from workshop.flows.title_slide import title_slide
from workshop.method import RETRO_QUESTIONS
from workshop.model import KeyResult, WhyStep


def test_range_never_repeats_the_krs_own_numbers():
    kr = KeyResult("Cut time to first value from 21 to 7 days", baseline="21", target="7",
                   unit="days")
    assert range_text(kr) == ""
    kr = KeyResult("Reduce churn to below 5%", baseline="8", target="5", unit="%")
    assert range_text(kr) == f"from{NBSP}8%"
    kr = KeyResult("Increase sign-ups by 25%", baseline="120", target="150",
                   unit="sign-ups")
    assert range_text(kr) == f"120{NBSP}→{NBSP}150{NBSP}sign-ups"
    assert " " not in range_text(kr)  # one unbreakable unit: never split over lines
    # "2" inside "25%" or "120" is not the number 2.
    assert range_text(KeyResult("Grow 25% to 120", baseline="2", target="12")) == \
        f"2{NBSP}→{NBSP}12"
    assert range_text(KeyResult("No numbers")) == ""


def test_votes_read_as_votes_not_as_list_numbers():
    rows = objectives_slide(demo_workshop())
    assert [r.bar_label for r in rows] == ["7 votes", "5 votes", "3 votes", "1 vote"]
    assert rows[0].bar == 1.0 and rows[3].bar == 1 / 7
    assert [r.badge for r in rows] == ["KEEP", "KEEP", "", ""]  # the laptop's word
    assert not any(r.lead for r in rows)


def test_the_why_question_shows_before_anything_is_typed():
    ws = demo_workshop()
    kr = KeyResult("Launch the partner portal")
    ws.objectives[0].key_results.append(kr)
    rows = ask_why_slide(ws, ("kr", kr.id))
    assert rows[0].text == "Launch the partner portal"
    asked = [r for r in rows if r.style == "ask"]
    assert [r.text for r in asked] == ["Why do we want to launch the partner portal?"]
    assert asked[0].focus
    kr.why_steps = [WhyStep("Why do we want to launch the partner portal?",
                            "To win more partners.")]
    rows = ask_why_slide(ws, ("kr", kr.id))
    assert "To win more partners." in [r.text for r in rows]
    assert [r for r in rows if r.style == "ask"][0].text != asked[0].text  # next rung


def test_review_marks_the_question_under_discussion():
    ws = demo_workshop()
    rows = review_slide(ws, ("checklist", "3"))
    assert [r.focus for r in rows] == [False, False, True, False, False, False]
    assert [r.badge for r in rows] == ["YES", "YES", "YES", "NO", "YES", "YES"]
    ws.checklist[4].answer = None  # nothing chosen: the first open question
    assert [r.focus for r in review_slide(ws)].index(True) == 4


def test_summary_is_a_slide_per_objective_with_owners_and_the_first_checkin():
    ws = demo_workshop()
    rows = wrap_up_slide(ws)
    headings = [r for r in rows if r.style == "headline"]
    assert [h.new_page for h in headings] == [False, True]
    assert "Owners: Yuki Tanaka, Ahmed Khan, Sofia Rossi" in [r.note for r in rows]
    assert first_checkin(ws) == date(2027, 1, 4)  # the first Monday of the period
    assert rows[-1].text == "Next: first check-in Monday 4 January 2027, then weekly"


def test_retro_scoreboard_has_a_bar_and_words_per_kr():
    ws = demo_workshop()
    krs = [kr for _, kr in ws.all_key_results()]
    krs[0].score, krs[1].score, krs[2].score = 0.8, 0.5, 0.2
    rows = retro_slide(ws)
    board = [r for r in rows if r.key and r.key[0] == "kr"]
    assert [(r.bar, r.bar_label, r.badge) for r in board[:4]] == [
        (0.8, "0.8", "GOOD"), (0.5, "0.5", "PROGRESS"), (0.2, "0.2", "SHORT"),
        (0.0, "–", "NOT SCORED")]
    assert rows[0].text.startswith("Average 0.5 over 3 scored key results")
    questions = [r for r in rows if r.lead == "?"]
    assert len(questions) == 4 and questions[0].new_page


def test_title_slide_has_the_agenda_with_clock_times():
    ws = demo_workshop()
    slide = title_slide(ws, 1_800_000_000.0)
    assert slide.client == "Nordlys AI · Leadership team"
    assert "Facilitator: Kari Nilsen" in slide.details
    assert slide.agenda[0].title == "Welcome and set-up"
    assert slide.agenda[-1].title == "End"
    assert all(len(line.time) == 5 and line.time[2] == ":" for line in slide.agenda)


def test_the_timer_reads_00_00_at_zero_then_counts_up():
    assert clock_text(300) == "05:00"
    assert clock_text(0.0) == "00:00"
    assert clock_text(-0.4) == "00:00"
    assert clock_text(-1.0) == "+00:01"
    assert clock_text(-65) == "+01:05"


def test_the_coachs_verdict_is_remembered_per_text():
    ws = large_workshop()
    kr = ws.objectives[0].key_results[0]
    first = kr_kind(kr)
    from workshop.flows import slides

    hits = slides._verdict_of.cache_info().hits
    for _ in range(5):
        assert kr_kind(kr) == first
    assert slides._verdict_of.cache_info().hits >= hits + 5


def test_no_stage_shows_notes_prompts_or_keyboard_hints():
    ws = demo_workshop()
    ws.notes = "secret note"
    for stage in ALL_STAGES:
        for row in slide_rows(ws, stage.key, None, "10:40"):
            text = " ".join((row.text, row.lead, row.note, *row.cells))
            assert "secret note" not in text
            assert "PgDn" not in text
            for private in stage.tips + stage.prompts:
                if private in [q for _, q in RETRO_QUESTIONS]:
                    continue  # the retro's questions are the room's, on purpose
                assert private not in text


def test_every_stage_says_what_its_slide_reads():
    from workshop.flows.slides import SLIDE_READS, slide_reads

    assert set(SLIDE_READS) == {s.key for s in ALL_STAGES}
    assert slide_reads("key_results", "kr") and not slide_reads("key_results", "cadence")
    assert slide_reads("review", "workshop")  # a structural edit may be anything
    ws = demo_workshop()
    before = slide_rows(ws, "key_results")
    ws.cadence.checkin_weekday = 3  # an edit the slide does not read changes nothing
    ws.retro.noise = "x"
    assert slide_rows(ws, "key_results") == before


def test_a_range_after_right_to_left_text_keeps_its_own_order():
    # After Arabic, "(120 → 150 sign-ups)" was laid out right to left on the projector:
    # the arrow pointed from 150 to 120.
    arabic = KeyResult(text="رفع مؤشر صافي الترويج", baseline="120", target="150",
                       unit="sign-ups")
    line = kr_line(arabic)
    assert line.startswith("رفع مؤشر صافي الترويج ")
    assert line.endswith("\u2066(120\u00a0→\u00a0150\u00a0sign-ups)\u2069")
    latin = KeyResult(text="Grow sign-ups", baseline="120", target="150", unit="sign-ups")
    assert "\u2066" not in kr_line(latin)

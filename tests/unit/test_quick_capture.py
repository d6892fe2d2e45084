"""Quick capture: a typed line read into owner, text and deadline."""

from __future__ import annotations

from datetime import date

from workshop.quick_capture import parse_action

PEOPLE = [("p1", "Maria Lopez"), ("p2", "Jon Berg"), ("p3", "Jonas Field")]
WEDNESDAY = date(2027, 4, 14)


def test_owner_text_and_deadline_are_read_from_one_line():
    got = parse_action("Maria: call five customers by Friday", PEOPLE, WEDNESDAY)
    assert (got.owner_id, got.owner_name) == ("p1", "Maria Lopez")
    assert got.text == "Call five customers"
    assert got.deadline == date(2027, 4, 16)  # the coming Friday, not last week's
    assert got.notes == ()


def test_a_full_name_and_a_date_with_a_month():
    got = parse_action("Jon Berg: draft the survey before 3 May", PEOPLE, WEDNESDAY)
    assert got.owner_id == "p2" and got.deadline == date(2027, 5, 3)


def test_an_unknown_owner_is_said_not_guessed():
    got = parse_action("Zed: book the room by Monday", PEOPLE, WEDNESDAY)
    assert got.owner_id == "" and got.text == "Book the room"
    assert any("Zed" in n for n in got.notes)


def test_a_first_name_two_people_share_matches_nobody():
    people = PEOPLE + [("p4", "Maria Chen")]
    assert parse_action("Maria: x", people, WEDNESDAY).owner_id == ""


def test_a_deadline_after_the_period_is_kept_and_flagged():
    got = parse_action("Jonas: write it up by 1 September", PEOPLE, WEDNESDAY,
                       period_end=date(2027, 6, 30))
    assert got.deadline == date(2027, 9, 1)
    assert any("after the period" in n for n in got.notes)


def test_a_line_without_owner_or_date_is_just_the_text():
    got = parse_action("  set up the dashboard  ", PEOPLE, WEDNESDAY)
    assert (got.text, got.owner_id, got.deadline) == ("Set up the dashboard", "", None)


def test_words_that_are_not_a_date_stay_in_the_text():
    got = parse_action("Maria: decide on the vendor", PEOPLE, WEDNESDAY)
    assert got.text == "Decide on the vendor" and got.deadline is None


def test_hostile_text_is_kept_as_text():
    line = "Maria: <b>x</b> & ‮rtl‬ 😀 " + "a" * 10_000
    got = parse_action(line, PEOPLE, WEDNESDAY)
    assert got.owner_id == "p1" and got.text.startswith("<b>x</b> &")
    assert len(got.text) <= 2001 and got.notes

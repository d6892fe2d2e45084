"""Reading the numbers a key result states in its own words."""

from __future__ import annotations

import pytest

from workshop.kr_numbers import StatedNumbers, fields_to_offer, read_stated_numbers


@pytest.mark.parametrize(("text", "expected"), [
    ("Raise onboarding satisfaction from 3.8 to 4.5 out of 5",
     StatedNumbers("3.8", "4.5", "/ 5", "increase")),
    ("Cut time to first value for new enterprise customers from 21 to 7 days",
     StatedNumbers("21", "7", "days", "decrease")),
    ("First-contact resolution from 61% to 75%", StatedNumbers("61", "75", "%", "increase")),
    ("Monthly recurring revenue from $40k to $55k", StatedNumbers("40k", "55k", "$", "increase")),
    ("NPS 31 → 45", StatedNumbers("31", "45", "", "increase")),
    ("Grow active communities from 1.2m to 900k members",
     StatedNumbers("1.2m", "900k", "members", "increase")),
    ("Reduce churn in the enterprise segment to below 5%",
     StatedNumbers("", "5", "%", "decrease")),
    ("Keep p95 latency under 300 ms", StatedNumbers("", "300", "ms", "stay_below")),
    ("Support tickets answered within the day at least 90 percent",
     StatedNumbers("", "90", "%", "stay_above")),
])
def test_what_the_text_states_is_read(text, expected):
    assert read_stated_numbers(text) == expected


@pytest.mark.parametrize("text", [
    "Launch v3.0 of our platform", "Host 5 webinars on enterprise AI", "",
    "Increase enterprise sign-ups by 25%",  # a change, but no baseline or target level
])
def test_nothing_is_made_up(text):
    assert not read_stated_numbers(text).found


def test_only_what_differs_is_offered():
    stated = read_stated_numbers("Raise onboarding satisfaction from 3.8 to 4.5 out of 5")
    assert fields_to_offer(stated, {"baseline": "3.8", "unit": "/ 5"}) == \
        {"target": "4.5", "direction": "increase"}
    assert fields_to_offer(stated, {"baseline": "3.8", "target": "4.5", "unit": "/ 5",
                                    "direction": "increase"}) == {}

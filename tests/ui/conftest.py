"""What the page tests share: the worked example before asking why, and what a
reopened session would hold."""

from __future__ import annotations

from datetime import date

import pytest

from workshop.model import KeyResult, Objective, Participant, Workshop


@pytest.fixture
def outputs() -> Workshop:
    """The worked example before asking why: three output KRs and one outcome."""
    people = [Participant("Maria Jensen"), Participant("Yuki Tanaka")]
    objective = Objective(
        text="Become a leader in enterprise AI", selected=True,
        key_results=[
            KeyResult("Launch v3.0 of our platform"),
            KeyResult("Migrate 100% of customers to the new version"),
            KeyResult("Raise NPS from 31 to 45", metric="NPS", baseline="31", target="45"),
            KeyResult("Host 5 webinars on enterprise AI"),
        ])
    return Workshop(title="Q1 2027 OKRs", period_label="Q1 2027",
                    period_start=date(2027, 1, 1), period_end=date(2027, 3, 31),
                    participants=people, objectives=[objective])


@pytest.fixture
def reloaded(timers):
    """What a reopened session would hold after the autosave fired."""
    def load(controller) -> Workshop:
        timers.fire_all()
        return controller.store.load(controller.workshop.id)
    return load

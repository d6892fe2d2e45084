"""The page registry: every stage of flows/stages.py has exactly one page, found by its
stage key, without a list of pages kept by hand."""

from __future__ import annotations

from workshop.flows.stages import ALL_STAGES
from workshop.ui.pages import PAGE_CLASSES
from workshop.ui.pages.base import StagePage


def test_every_stage_has_its_page_and_every_page_a_stage():
    assert sorted(PAGE_CLASSES) == sorted(stage.key for stage in ALL_STAGES)
    for key, cls in PAGE_CLASSES.items():
        assert issubclass(cls, StagePage) and cls.stage_key == key

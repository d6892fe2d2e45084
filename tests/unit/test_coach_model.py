"""The key-result model ships as data inside the package and needs nothing at run time."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

from workshop.coach.model import FLAG_NAMES, MODEL_FILE, KRModel, model, stem

COACH = Path(__file__).resolve().parents[2] / "workshop" / "coach"


def test_the_model_file_is_plain_json_inside_the_package() -> None:
    assert MODEL_FILE.parent == COACH
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    assert {"bias", "weights", "rule_weight", "calibration", "unsure_below"} <= set(data)
    assert 0.5 < data["unsure_below"] < 1.0
    assert len(data["weights"]) > 100
    # Flags the scorer knows are the flags training wrote (no silent feature drift).
    known = {f for f in data["weights"] if "=" not in f}
    assert known <= set(FLAG_NAMES) | {"done"}


def test_no_numerical_library_or_network_at_run_time() -> None:
    for source in COACH.glob("*.py"):
        text = source.read_text(encoding="utf-8")
        for banned in ("import numpy", "import sklearn", "import requests", "urllib",
                       "PySide6"):
            assert banned not in text, (source.name, banned)


def test_stems_join_forms_of_a_word() -> None:
    assert stem("posts") == stem("post") == "post"
    assert stem("launched") == "launch"
    assert stem("12") == stem("40%") == stem("$3M") == "#"


def _evidence(tokens: list[str], role: str = "none", verb: str = "") -> SimpleNamespace:
    """The evidence the model reads, with every flag off."""
    return SimpleNamespace(tokens=tokens, role=role, verb=verb, done=[], count_class="",
                           **dict.fromkeys(FLAG_NAMES, False))


def test_the_model_is_loaded_once_and_scores_both_ways() -> None:
    assert model() is model()
    m = KRModel({"bias": 0.0, "weights": {"w=launch": 3.0}, "rule_weight": 1.0,
                 "calibration": [1.0, 0.0], "unsure_below": 0.8})

    evidence = _evidence(["launch", "the", "portal"], role="task", verb="launch")
    says_output, confidence, weighted = m.assess(evidence, rules_say_output=True)
    assert says_output and confidence > 0.95
    assert m.driving(weighted, says_output) == ("launch",)
    says_output, confidence, _ = m.assess(evidence, rules_say_output=False)
    assert says_output and confidence < 0.9  # the rules disagree: less sure


def test_verdicts_that_restate_the_labelling_rules_weigh_more_than_the_rest() -> None:
    # The words lean to an outcome; a plain rule verdict of "output" does not outweigh
    # them, a verdict the labelling rules define (a count of the team's own work) does.
    m = KRModel({"bias": -1.0, "weights": {}, "rule_weight": 0.5,
                 "rule_weights": {"own_count": 2.0},
                 "calibration": [1.0, 0.0], "unsure_below": 0.8})

    evidence = _evidence(["200", "survey", "responses"])
    assert not m.assess(evidence, True, "task")[0]
    assert m.assess(evidence, True, "own_count")[0]
    assert m.rule_vote(False, "own_count") == -2.0 and m.rule_vote(True, "") == 0.5


def test_the_shipped_model_weighs_the_defined_verdicts_by_their_reason() -> None:
    from workshop.coach.key_results import DEFINED_BY_THE_LABELLING_RULES, WORK_NAMED

    shipped = model()
    assert set(shipped.rule_weights) == set(DEFINED_BY_THE_LABELLING_RULES) | set(WORK_NAMED)
    work = [shipped.rule_weights[r] for r in WORK_NAMED]
    defined = [shipped.rule_weights[r] for r in DEFINED_BY_THE_LABELLING_RULES]
    assert shipped.rule_weight < min(work) and max(work) < min(defined)

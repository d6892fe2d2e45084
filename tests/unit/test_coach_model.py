"""The key-result model ships as data inside the package and needs nothing at run time."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

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


def test_a_word_never_trained_on_counts_through_words_of_like_meaning() -> None:
    # Before word similarity, a word without a weight of its own counted for nothing:
    # "webinars" learnt nothing from "workshops". Its similarity score now counts.
    data = {"bias": 0.0, "weights": {"w=run": 0.2}, "rule_weight": 0.0,
            "calibration": [1.0, 0.0], "unsure_below": 0.8,
            "similar_weight": 2.0, "word_scores": {"webinars": 1.5, "run": 0.5}}
    m = KRModel(data)
    evidence = _evidence(["run", "4", "webinars"], verb="run")
    says_output, confidence, weighted = m.assess(evidence, rules_say_output=False)
    # 0.2 + 2.0 * (1.5 + 0.5) / 2 = 2.2 toward an output.
    assert says_output and confidence > 0.85
    assert m.driving(weighted, says_output) == ("webinars", "run")
    without = KRModel(data | {"word_scores": {}})
    assert without.assess(evidence, rules_say_output=False)[1] < 0.6


def test_a_compound_missing_from_the_word_list_is_read_by_its_parts() -> None:
    m = KRModel({"bias": 0.0, "weights": {}, "rule_weight": 0.0,
                 "calibration": [1.0, 0.0], "unsure_below": 0.8,
                 "similar_weight": 1.0, "word_scores": {"signed": -1.0, "up": -0.5}})
    assert m.similarity("signed-up") == -0.75
    assert m.similarity("signed") == -1.0
    assert m.similarity("xyzzy") is None


def test_training_reads_the_words_as_the_model_scores_them() -> None:
    from workshop.coach.model import distinct_words

    # Each stem once, in the order written: "posts" and "post" are one word.
    assert distinct_words(["publish", "posts", "and", "post", "again"]) == [
        "publish", "posts", "and", "again"]


def test_the_shipped_model_scores_words_it_has_no_weight_for() -> None:
    shipped = model()
    assert shipped.similar_weight > 0
    unweighted = [w for w in shipped.word_scores if "w=" + stem(w) not in shipped.weights]
    assert len(unweighted) > 10_000  # the common-word list reaches past the training words
    assert all(isinstance(s, float) for s in list(shipped.word_scores.values())[:100])


def test_abbreviations_that_explain_nothing_are_never_quoted_back() -> None:
    m = KRModel({"bias": 0.0, "weights": {}, "rule_weight": 0.0,
                 "calibration": [1.0, 0.0], "unsure_below": 0.8,
                 "similar_weight": 1.0, "word_scores": {"e.g": 2.0, "concepts": 1.0}})
    says_output, _, weighted = m.assess(_evidence(["3", "concepts", "e.g"]), False)
    assert says_output and m.driving(weighted, says_output) == ("concepts",)


def test_the_words_alone_and_the_rules_vote_make_the_verdict() -> None:
    m = model()
    evidence = _evidence(["host", "4", "webinars", "for", "partners"], role="task",
                         verb="host")
    words, _ = m.words_logit(evidence)
    for says_output in (True, False):
        combined = words + m.rule_vote(says_output, "task")
        assert m.assess(evidence, says_output, "task")[0] == (combined >= 0)


def test_the_model_scores_the_words_training_reads() -> None:
    from workshop.coach.model import distinct_words

    scores = {"publish": 1.0, "posts": -1.0, "post": 5.0, "again": 0.5}
    m = KRModel({"bias": 0.0, "weights": {}, "rule_weight": 0.0,
                 "calibration": [1.0, 0.0], "unsure_below": 0.8,
                 "similar_weight": 1.0, "word_scores": scores})
    tokens = ["publish", "posts", "and", "post", "again"]
    words = [w for w in distinct_words(tokens) if w in scores]
    assert m.words_logit(_evidence(tokens))[0] == pytest.approx(
        sum(scores[w] for w in words) / len(words))

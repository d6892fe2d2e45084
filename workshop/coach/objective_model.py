"""A small word model for business-as-usual objectives, beside the rules in objectives.py.

Each round of published objectives writes routine in words of its own, and the rules,
written while reading the rounds before, caught under half of it on the next round. This
logistic model over an objective's words (single words, pairs, its first two words) was
trained on the development part of the published objectives (objective_training.py); it
ships as plain JSON next to this file. An objective reads as business as usual when the
rules say so, or when the model does and the rules see no change, deliverable, slogan,
number to reach or one-off in it (objectives.check_objective); the finding then quotes
the words that weighed most.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

from workshop.coach.model import QUIET_WORDS

MODEL_FILE = Path(__file__).with_name("objective_model.json")
_TOKEN_RE = re.compile(r"[a-z][a-z'-]*|\d+")


def features(norm: str) -> list[str]:
    """The model's features of an objective's normalised text (key_results.normalise)."""
    tokens = _TOKEN_RE.findall(norm)
    found = {f"w={t}" for t in tokens}
    found.update(f"b={a}_{b}" for a, b in zip(tokens, tokens[1:], strict=False))
    if tokens:
        found.add(f"first={tokens[0]}")
    if len(tokens) > 1:
        found.add(f"second={tokens[1]}")
    if any(c.isdigit() for c in norm):
        found.add("digit")
    return sorted(found)


def _words_of(feature: str) -> str:
    """The words a feature stands for, as a facilitator would read them ("" for a number
    or for words too common to explain anything, such as "the" or "to the")."""
    words = feature.split("=", 1)[-1].split("_")
    if feature == "digit" or all(w in QUIET_WORDS or w.isdigit() for w in words):
        return ""
    return " ".join(words)


class ObjectiveModel:
    def __init__(self, data: dict) -> None:
        self.bias = float(data["bias"])
        self.weights: dict[str, float] = data["weights"]
        self.threshold = float(data["threshold"])

    def probability(self, norm: str) -> tuple[float, tuple[str, ...]]:
        """How likely the objective is business as usual, and the words (at most three)
        that pushed most towards it."""
        present = [(self.weights[f], f) for f in features(norm) if f in self.weights]
        z = self.bias + sum(w for w, _ in present)
        p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
        words: list[str] = []
        for weight, feature in sorted(present, reverse=True):
            text = _words_of(feature)
            if weight <= 0 or len(words) == 3:
                break
            if text and not any(text in w or w in text for w in words):
                words.append(text)
        return p, tuple(words)

    def routine(self, norm: str) -> tuple[bool, tuple[str, ...]]:
        p, words = self.probability(norm)
        return p >= self.threshold, words


@lru_cache(maxsize=1)
def objective_model() -> ObjectiveModel:
    with open(MODEL_FILE, encoding="utf-8") as f:
        return ObjectiveModel(json.load(f))

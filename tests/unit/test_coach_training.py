"""Training's word-similarity step: the sums behind it and the vectors it reads."""

from __future__ import annotations

import gzip

import pytest

from workshop.coach.training import RidgeSums, dot, load_word_vectors, mean_vector


def test_the_ridge_regression_solves_the_normal_equations() -> None:
    sums = RidgeSums(2)
    rows = [((1.0, 0.0), 1), ((0.0, 1.0), 0), ((1.0, 1.0), 1), ((0.5, 0.0), 0)]
    for vector, label in rows:
        sums.add(vector, label)
    beta = sums.solve(1.0)
    # (V'V + I) beta = V'(t - mean t), with t = +1/-1 and mean t = 0.
    gram = [[2.25 + 1.0, 1.0], [1.0, 2.0 + 1.0]]
    rhs = [1.0 + 1.0 - 0.5, -1.0 + 1.0]
    for row, want in zip(gram, rhs, strict=True):
        assert dot(tuple(row), beta) == pytest.approx(want)


def test_leaving_rows_out_solves_as_if_they_were_never_added() -> None:
    rows = [((1.0, 0.5), 1), ((0.2, 1.0), 0), ((1.0, 1.0), 1), ((0.5, -0.3), 0)]
    everything = RidgeSums(2)
    for vector, label in rows:
        everything.add(vector, label)
    everything.add(*rows[1], sign=-1.0)
    fresh = RidgeSums(2)
    for vector, label in rows[:1] + rows[2:]:
        fresh.add(vector, label)
    assert everything.solve(3.0) == pytest.approx(fresh.solve(3.0))


def test_a_key_result_is_the_average_of_its_words_found(tmp_path) -> None:
    path = tmp_path / "vectors.tsv.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write("launch\t1.00 0.00\nportal\t0.00 1.00\nsigned\t0.50 0.50\nup\t-0.50 0.50\n")
    vectors = load_word_vectors(path)
    assert vectors["portal"] == (0.0, 1.0)
    # "the" is not in the list, so it takes no part in the average.
    assert mean_vector("Launch the portal", vectors) == (0.5, 0.5)
    assert mean_vector("Signed-up users", vectors) == (0.0, 0.5)
    assert mean_vector("nothing known", vectors) is None


def test_the_word_vectors_cover_the_common_words() -> None:
    vectors = load_word_vectors()
    assert len(vectors) > 15_000
    assert {"revenue", "launch", "webinars", "churn"} <= set(vectors)
    assert len({len(v) for v in vectors.values()}) == 1

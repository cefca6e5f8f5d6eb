"""Two-stage candidate search: rarest features first within a budget, then full cosines for the names found."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse

from labortrace.matching import search as search_module
from labortrace.matching.search import full_cosines, rarest_features, search


def normalised(rows: np.ndarray) -> sparse.csr_matrix:
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return sparse.csr_matrix((rows / norms).astype(np.float32))


def example(seed: int = 7, names: int = 300, features: int = 60, queries: int = 40) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
    """Names and queries over features of very unequal frequency (a few common ones, many rare ones)."""
    rng = np.random.default_rng(seed)
    share = np.geomspace(0.6, 0.005, features)
    ref = (rng.random((names, features)) < share) * rng.uniform(1, 3, (names, features))
    qry = (rng.random((queries, features)) < share) * rng.uniform(1, 3, (queries, features))
    return normalised(qry), normalised(ref)


def exact_top(q: sparse.csr_matrix, ref: sparse.csr_matrix, limit: int) -> list[list[tuple[int, float]]]:
    dense = (q @ ref.T).toarray()
    out = []
    for row in dense:
        order = np.lexsort((np.arange(len(row)), -row))[:limit]
        out.append([(int(i), float(row[i])) for i in order if row[i] > 0])
    return out


def test_with_room_for_every_posting_search_is_the_exact_top_cosines() -> None:
    q, ref = example()
    found = search(q, ref.T.tocsr(), ref, limit=10, budget=10**9, rescore=10**6)
    expected = exact_top(q, ref, 10)
    assert [[p for p, _ in row] for row in found] == [[p for p, _ in row] for row in expected]
    for got, want in zip(found, expected):
        assert np.allclose([c for _, c in got], [c for _, c in want], atol=1e-6)


def test_a_tight_budget_keeps_the_rarest_features_and_still_gives_full_cosines() -> None:
    q, ref = example(seed=11)
    by_feature = ref.T.tocsr()
    postings = np.diff(by_feature.indptr)
    pruned = rarest_features(q, postings, budget=40)
    for i in range(q.shape[0]):
        cols = q.indices[q.indptr[i] : q.indptr[i + 1]]
        kept = pruned.indices[pruned.indptr[i] : pruned.indptr[i + 1]]
        if len(cols):
            assert postings[cols].min() in postings[kept]  # the rarest feature, whatever its postings
            assert postings[kept].sum() <= max(40, postings[cols].min())
            left_out = np.setdiff1d(cols, kept)
            assert not len(left_out) or postings[left_out].min() >= postings[kept].max()
    found = search(q, by_feature, ref, limit=10, budget=40, rescore=50)
    dense = (q @ ref.T).toarray()
    for i, row in enumerate(found):
        assert all(abs(cos - dense[i, pos]) < 1e-6 for pos, cos in row)  # full cosines, not the first stage's
        assert [c for _, c in row] == sorted((c for _, c in row), reverse=True)


def test_full_cosines_of_pairs_with_nothing_in_common_are_zero() -> None:
    q = normalised(np.array([[1.0, 0, 0], [0, 0, 0]]))
    ref = normalised(np.array([[0, 1.0, 0], [1.0, 1.0, 0]]))
    got = full_cosines(q, ref, np.array([0, 0, 1]), np.array([0, 1, 1]))
    assert np.allclose(got, [0.0, np.sqrt(0.5), 0.0])
    assert search(q, ref.T.tocsr(), ref, limit=5)[1] == []  # a query without features has no candidates


def test_a_query_whose_rare_features_find_little_is_searched_again_with_every_feature() -> None:
    ref = normalised(np.array([[1.0, 0, 0]] * 4 + [[0, 1.0, 1.0]]))  # four names of a common word, one of a rare one
    q = normalised(np.array([[1.0, 0.3, 0]]))
    found = search(q, ref.T.tocsr(), ref, limit=3, budget=1, rescore=10)  # the budget leaves only the rare word
    assert [pos for pos, _ in found[0]] == [0, 1, 2]
    assert found[0][0][1] > 0.9


def test_the_second_search_reads_its_rarest_features_within_its_own_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [[1.0, 0, 0]] + [[0, 1.0, 0]] * 3 + [[0, 0, 1.0]] * 10  # a rare, a middling and a common feature
    ref = normalised(np.array(rows))
    q = normalised(np.array([[0.1, 0.5, 0.9]]))  # shares most with the common feature's names
    unbounded = search(q, ref.T.tocsr(), ref, limit=3, budget=1, rescore=10)
    assert [pos for pos, _ in unbounded[0]] == [4, 5, 6]
    monkeypatch.setattr(search_module, "FALLBACK_BUDGET", 4)  # room for the rare and middling features only
    bounded = search(q, ref.T.tocsr(), ref, limit=3, budget=1, rescore=10)
    assert [pos for pos, _ in bounded[0]] == [1, 2, 3]
    assert abs(bounded[0][0][1] - float((q @ ref.T).toarray()[0, 1])) < 1e-6  # full cosines still

"""Candidate search in two stages, so that its cost follows the rare features of a query, not the size of the index.

A query's cosine with every reference name is one sparse product over the posting lists of its features; at a
million names the lists of common trigrams ('han', 'ng ') hold tens of thousands of names each and the product
costs milliseconds per query. Here a query first searches with its rarest features only, as many as fit in a
budget of postings (the rarest one always), which finds the names that share something distinctive with it;
the best `RESCORE` of those are then given their full cosine, every feature counted, from their own rows of
the index, and ranked by it. A query whose features all fit in the budget is searched in full at once. When
the best name found this way shares little with the query (full cosine under `FALLBACK_COSINE`: a typo in the
brand, a name of common words), the names that share only common features with it may rank higher: that
query is searched again the same way with ten times the budget and more names rescored (about one query in ten
at a million). At a million names these settings cut the search's CPU time by about 40% against a budget of 30,000 postings with a
fallback over every feature (2.3 to 1.4 ms a query, noisy) and find as many right entities among the first 10
(candidate recall@10 0.9842 against 0.9839).
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

#: Postings a query may read in the first stage (its rarest features first; the rarest one always).
POSTING_BUDGET = 10000
#: Names the first stage passes to the second, which gives them their full cosine.
RESCORE = 200
#: A query whose best candidate's full cosine is below this is searched again with a larger budget.
FALLBACK_COSINE = 0.4
#: Postings the second search may read, and the names it rescores (0: every feature, as one sparse product).
FALLBACK_BUDGET = 100000
FALLBACK_RESCORE = 600

Candidates = list[list[tuple[int, float]]]


def rarest_features(queries: sparse.csr_matrix, postings: np.ndarray, budget: int = POSTING_BUDGET) -> sparse.csr_matrix:
    """The queries with only their rarest features: fewest postings first, while their postings fit in the budget."""
    rows = np.repeat(np.arange(queries.shape[0]), np.diff(queries.indptr))
    length = postings[queries.indices].astype(np.int64)
    order = np.lexsort((queries.indices, length, rows))  # by query, then rarest first (ties: by column)
    length = length[order]
    total = np.cumsum(length)
    first = queries.indptr[:-1]
    has = np.diff(queries.indptr) > 0
    before = np.zeros(queries.shape[0], dtype=np.int64)
    before[has] = total[first[has]] - length[first[has]]  # postings of earlier queries, taken off each row's sum
    within = total - np.repeat(before, np.diff(queries.indptr))
    keep = within <= budget
    keep[first[has]] = True  # the rarest feature of every query, whatever its postings
    kept = order[keep]
    kept.sort()  # back in CSR order
    counts = np.bincount(rows[kept], minlength=queries.shape[0])
    indptr = np.concatenate(([0], np.cumsum(counts)))
    return sparse.csr_matrix((queries.data[kept], queries.indices[kept], indptr), shape=queries.shape)


def full_cosines(queries: sparse.csr_matrix, names: sparse.csr_matrix, query_of: np.ndarray,
                 name_pos: np.ndarray) -> np.ndarray:
    """Cosine of each (query row, name row) pair given, over every feature both have (queries' indices sorted)."""
    if not len(name_pos) or not queries.nnz:
        return np.zeros(len(name_pos), dtype=np.float32)
    starts, ends = names.indptr[name_pos], names.indptr[name_pos + 1]
    sizes = (ends - starts).astype(np.int64)
    owner = np.repeat(np.arange(len(name_pos)), sizes)
    flat = np.arange(int(sizes.sum()), dtype=np.int64) - np.repeat(np.cumsum(sizes) - sizes - starts, sizes)
    cols = names.indices[flat].astype(np.int64)
    width = np.int64(queries.shape[1])
    keys = np.repeat(np.arange(queries.shape[0], dtype=np.int64), np.diff(queries.indptr)) * width + queries.indices
    wanted = query_of[owner].astype(np.int64) * width + cols
    at = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
    products = np.where(keys[at] == wanted, queries.data[at].astype(np.float64) * names.data[flat], 0.0)
    return np.bincount(owner, weights=products, minlength=len(name_pos)).astype(np.float32)


def search(queries: sparse.csr_matrix, by_feature: sparse.csr_matrix, by_name: sparse.csr_matrix, limit: int,
           budget: int = POSTING_BUDGET, rescore: int = RESCORE) -> Candidates:
    """For each query row, the best (name position, cosine) pairs, best first (ties: lower position first)."""
    queries.sort_indices()
    postings = np.diff(by_feature.indptr)
    out, pruned = _two_stage(queries, by_feature, by_name, postings, limit, budget, rescore)
    again = [qi for qi, row in enumerate(out) if pruned[qi] and (not row or row[0][1] < FALLBACK_COSINE)]
    if again:
        found, _ = _two_stage(queries[again], by_feature, by_name, postings, limit, FALLBACK_BUDGET or 2**62,
                              FALLBACK_RESCORE)
        for qi, row in zip(again, found):
            out[qi] = row
    return out


def _two_stage(queries: sparse.csr_matrix, by_feature: sparse.csr_matrix, by_name: sparse.csr_matrix,
               postings: np.ndarray, limit: int, budget: int, rescore: int) -> tuple[Candidates, np.ndarray]:
    """The best names of each query by the rarest features within the budget, rescored in full; and which
    queries left features out (`pruned`)."""
    rare = rarest_features(queries, postings, budget)
    pruned = np.diff(rare.indptr) < np.diff(queries.indptr)
    first = (rare @ by_feature).tocsr()
    picked: list[np.ndarray] = []
    for qi in range(first.shape[0]):
        idx = first.indices[first.indptr[qi] : first.indptr[qi + 1]]
        picked.append(idx[_top(first.data[first.indptr[qi] : first.indptr[qi + 1]], rescore)] if pruned[qi] else idx)
    cosines = _rescored(queries, by_name, first, picked, pruned)
    return [_ranked(idx, data, limit) for idx, data in zip(picked, cosines)], pruned


def _top(data: np.ndarray, n: int) -> np.ndarray:
    """Positions of the n largest values (all of them when there are no more than n), in no order."""
    return np.argpartition(-data, n)[:n] if len(data) > n else np.arange(len(data))


def _rescored(queries: sparse.csr_matrix, by_name: sparse.csr_matrix, first: sparse.csr_matrix,
              picked: list[np.ndarray], pruned: np.ndarray) -> list[np.ndarray]:
    """Each query's cosines with its picked names: the first stage's where nothing was left out, else full ones."""
    redo = [qi for qi in range(len(picked)) if pruned[qi]]
    query_of = np.repeat(np.asarray(redo, dtype=np.int64), [len(picked[qi]) for qi in redo])
    name_pos = np.concatenate([picked[qi] for qi in redo]) if redo else np.zeros(0, dtype=np.int32)
    full = full_cosines(queries, by_name, query_of, name_pos)
    out: list[np.ndarray] = []
    start = 0
    for qi, idx in enumerate(picked):
        if pruned[qi]:
            out.append(full[start : start + len(idx)])
            start += len(idx)
        else:
            out.append(first.data[first.indptr[qi] : first.indptr[qi + 1]])
    return out


def _ranked(idx: np.ndarray, data: np.ndarray, limit: int) -> list[tuple[int, float]]:
    """The best `limit` (name position, cosine) pairs, best first, ties by position (at the cut too)."""
    top = _top(data, limit)
    if len(top) < len(data):
        cut = data[top].min()
        above, tied = np.flatnonzero(data > cut), np.flatnonzero(data == cut)
        top = np.concatenate((above, tied[np.argsort(idx[tied], kind="stable")][: limit - len(above)]))
    order = top[np.lexsort((idx[top], -data[top]))]
    return [(int(idx[o]), float(data[o])) for o in order if data[o] > 0]

"""Candidate search in two stages, so that its cost follows the rare features of a query, not the size of the index.

A query's cosine with every reference name is one sparse product over the posting lists of its features; at a
million names the lists of common trigrams ('han', 'ng ') hold tens of thousands of names each and the product
costs milliseconds per query. Here a query first searches with its rarest features only, as many as fit in a
budget of postings (the rarest one always), which finds the names that share something distinctive with it;
the best `RESCORE` of those are then given their full cosine, every feature counted, from their own rows of
the index, and ranked by it. A name that shares only common words with the query is found only when the
query has nothing rarer: such pairs carry too little weight to be the best candidates.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

#: Postings a query may read in the first stage (its rarest features first; the rarest one always).
POSTING_BUDGET = 20000
#: Names the first stage passes to the second, which gives them their full cosine.
RESCORE = 100

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
    first = (rarest_features(queries, postings, budget) @ by_feature).tocsr()
    picked: list[np.ndarray] = []
    for qi in range(first.shape[0]):
        lo, hi = first.indptr[qi], first.indptr[qi + 1]
        data, idx = first.data[lo:hi], first.indices[lo:hi]
        if len(data) > rescore:
            idx = idx[np.argpartition(-data, rescore)[:rescore]]
        picked.append(idx)
    query_of = np.repeat(np.arange(len(picked)), [len(p) for p in picked])
    name_pos = np.concatenate(picked) if picked else np.zeros(0, dtype=np.int32)
    cosines = full_cosines(queries, by_name, query_of, name_pos)
    out: Candidates = []
    start = 0
    for idx in picked:
        data, start = cosines[start : start + len(idx)], start + len(idx)
        order = np.lexsort((idx, -data))[:limit]
        out.append([(int(idx[o]), float(data[o])) for o in order if data[o] > 0])
    return out

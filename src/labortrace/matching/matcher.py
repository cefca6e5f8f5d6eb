"""Match query records (supplier rows) to indexed reference entities, best first, each with its explanation."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from labortrace.matching.features import identifier_match
from labortrace.matching.index import NameIndex, normalize_identifier
from labortrace.matching.scorer import ALGORITHM, PairScore, score_names
from labortrace.matching.vectors import fork_pool, warm_analysis, workers
from labortrace.model import Match, QueryRecord
from labortrace.names.normalize import NameAnalysis, analyze_name

BATCH = 500
#: At least this many batches are spread over worker processes.
PARALLEL_CHUNKS = 4
#: Candidates whose cosine is below this share of the query's best candidate are not scored.
COSINE_FLOOR = 0.6

_Scored = tuple[PairScore, NameAnalysis, NameAnalysis]
_WORKER_MATCHER: Matcher | None = None


@dataclass(frozen=True)
class MatchOptions:
    threshold: float = 0.8
    review_threshold: float = 0.6
    max_matches: int = 5
    candidates: int = 30


class Matcher:
    """Scores the candidates the index proposes; never compares every pair."""

    algorithm = ALGORITHM

    def __init__(self, index: NameIndex, options: MatchOptions | None = None) -> None:
        self.index = index
        self.options = options or MatchOptions()
        self.pairs_scored = 0  #: how many name pairs were scored: bounded by candidates per query name

    def match_all(
        self, queries: Sequence[QueryRecord], progress: Callable[[int], None] | None = None
    ) -> list[list[Match]]:
        """Every query's matches, in query order; many queries are spread over forked worker processes."""
        global _WORKER_MATCHER
        chunks = [queries[start : start + BATCH] for start in range(0, len(queries), BATCH)]
        _WORKER_MATCHER = self  # forked workers inherit it: the index is shared, not pickled
        pool = fork_pool(workers(), self._warm) if len(chunks) >= PARALLEL_CHUNKS else None
        out: list[list[Match]] = []
        results: Iterable[tuple[list[list[Match]], int]]
        results = map(self._scored_chunk, chunks) if pool is None else pool.imap(_worker_chunk, chunks)
        try:
            for chunk, (found, pairs) in zip(chunks, results):
                out.extend(found)
                if pool is not None:  # a worker counted in its own copy of the matcher
                    self.pairs_scored += pairs
                if progress:
                    progress(len(chunk))
        finally:
            _WORKER_MATCHER = None
            if pool is not None:
                pool.terminate()
        return out

    def _warm(self) -> None:
        """Score a few names, so that what analysis and scoring load lazily is loaded before workers fork."""
        analyses = warm_analysis()
        idf = self.index.idf_lookup()
        for a in analyses:
            score_names(a, analyses[0], idf).explain(a, analyses[0])

    def match(self, query: QueryRecord) -> list[Match]:
        return self._match_chunk([query])[0]

    def _scored_chunk(self, queries: Sequence[QueryRecord]) -> tuple[list[list[Match]], int]:
        before = self.pairs_scored
        found = self._match_chunk(queries)
        return found, self.pairs_scored - before

    def _match_chunk(self, queries: Sequence[QueryRecord]) -> list[list[Match]]:
        owners: list[list[int]] = []
        texts: dict[str, int] = {}  # identical names in a batch are analysed and searched once
        for query in queries:
            owners.append([texts.setdefault(text, len(texts)) for text in _query_names(query)])
        analyses = [analyze_name(t) for t in texts]
        hits = self.index.candidates(analyses, self.options.candidates)
        scored = [self._scored(analyses[pos], candidates) for pos, candidates in enumerate(hits)]
        out: list[list[Match]] = []
        for query, names in zip(queries, owners):
            best: dict[int, _Scored] = {}
            for pos in names:
                for ent_pos, item in scored[pos].items():
                    if ent_pos not in best or item[0].score > best[ent_pos][0].score:
                        best[ent_pos] = item
            out.append(self._ranked(best, query))
        return out

    def _scored(self, q: NameAnalysis, candidates: list[tuple[int, float]]) -> dict[int, _Scored]:
        """A query name's candidates scored, the best pair per entity kept (by entity position)."""
        index = self.index
        idf = index.idf_lookup()
        found: dict[int, _Scored] = {}
        floor = candidates[0][1] * COSINE_FLOOR if candidates else 0.0
        for name_pos, cosine in candidates:
            if cosine < floor:
                break  # candidates come best first: the rest share too little with the query
            ref = index.analysis(name_pos)
            pair = score_names(q, ref, idf)
            self.pairs_scored += 1
            ent_pos = int(index.name_entity[name_pos])
            current = found.get(ent_pos)
            if current is None or pair.score > current[0].score:
                found[ent_pos] = (pair, q, ref)
        return found

    def _ranked(self, best: dict[int, _Scored], query: QueryRecord) -> list[Match]:
        """The query's best matches; explanations are built only for the ones returned."""
        review = self.options.review_threshold
        ids = self._identifier_hits(query)
        keys = [(1.0 if pos in ids else item[0].score, pos) for pos, item in best.items()]
        keys.extend((1.0, pos) for pos in ids if pos not in best)
        keys = [k for k in keys if k[0] >= review]
        keys.sort(key=lambda k: (-k[0], self.index.entity_id(k[1])))
        out: list[Match] = []
        for _, pos in keys[: self.options.max_matches]:
            item = best.get(pos)
            match = self._match(pos, *item) if item is not None and item[0].score >= review else None
            out.append(self._identifier_match(pos, ids[pos], match) if pos in ids else match)  # type: ignore[arg-type]
        return out

    def _match(self, ent_pos: int, pair: PairScore, q: NameAnalysis, ref: NameAnalysis) -> Match:
        """A match with its explanation: built only for pairs that are kept."""
        entity_id, caption, datasets = self.index.entity_summary(ent_pos)
        return Match(
            entity_id=entity_id,
            caption=caption,
            score=pair.score,
            datasets=datasets,
            explanation=pair.explain(q, ref),
            features={f.name: round(f.score, 4) for f in pair.features},
            query_name=q.original,
            matched_name=ref.original,
        )

    def _identifier_hits(self, query: QueryRecord) -> dict[int, tuple[str, set[str]]]:
        """Entities holding one of the query's identifiers: (the first shared identifier in sorted order, all the
        query's); sorted, so that the explanation does not depend on the order of a set."""
        ids = {normalize_identifier(v) for v in query.identifiers} - {""}
        hits: dict[int, tuple[str, set[str]]] = {}
        for ident in sorted(ids):
            for ent_pos in self.index.by_identifier.get(ident, []):
                hits.setdefault(ent_pos, (ident, ids))
        return hits

    def _identifier_match(self, ent_pos: int, hit: tuple[str, set[str]], current: Match | None) -> Match:
        ident, ids = hit
        ent = self.index.entities[ent_pos]
        feat = identifier_match(ids, set(ent.identifiers))
        explanation = f"Supplier identifier {ident} equals the entity's identifier: {feat.detail}"
        if current is not None:
            explanation = f"{explanation}; name: {current.explanation}"
        return Match(
            entity_id=ent.id, caption=ent.caption, score=1.0, datasets=tuple(ent.datasets),
            explanation=explanation,
            features={**(current.features if current else {}), "identifier": 1.0},
            query_name=ident, matched_name=ident,
        )

    def entity_similarity(self, first: str, second: str) -> float:
        """How alike two indexed entities' names are (best pair): tells one company held twice from two companies."""
        a, b = self.index.position(first), self.index.position(second)
        if a is None or b is None:
            return 0.0
        ea, eb = self.index.entities[a], self.index.entities[b]
        if set(ea.identifiers) & set(eb.identifiers):
            return 1.0
        return max(
            (score_names(analyze_name(x), analyze_name(y), self.index.token_idf).score for x in ea.names for y in eb.names),
            default=0.0,
        )

def _worker_chunk(queries: Sequence[QueryRecord]) -> tuple[list[list[Match]], int]:
    assert _WORKER_MATCHER is not None
    return _WORKER_MATCHER._scored_chunk(queries)


def _query_names(query: QueryRecord) -> list[str]:
    names = [query.name, *query.aliases]
    seen: list[str] = []
    for name in names:
        name = name.strip()
        if name and name not in seen:
            seen.append(name)
    return seen

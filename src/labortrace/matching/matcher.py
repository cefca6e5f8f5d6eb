"""Match query records (supplier rows) to indexed reference entities, best first, each with its explanation."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from labortrace.matching.features import identifier_match
from labortrace.matching.index import NameIndex, normalize_identifier
from labortrace.matching.scorer import ALGORITHM, PairScore, score_names
from labortrace.model import Match, QueryRecord
from labortrace.names.normalize import NameAnalysis, analyze_name

BATCH = 500
#: Candidates whose cosine is below this share of the query's best candidate are not scored.
COSINE_FLOOR = 0.6


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
        self._by_id: dict[str, int] | None = None

    def match_all(
        self, queries: Sequence[QueryRecord], progress: Callable[[int], None] | None = None
    ) -> list[list[Match]]:
        out: list[list[Match]] = []
        for start in range(0, len(queries), BATCH):
            chunk = queries[start : start + BATCH]
            out.extend(self._match_chunk(chunk))
            if progress:
                progress(len(chunk))
        return out

    def match(self, query: QueryRecord) -> list[Match]:
        return self._match_chunk([query])[0]

    def _match_chunk(self, queries: Sequence[QueryRecord]) -> list[list[Match]]:
        owners: list[int] = []
        texts: list[str] = []
        for qi, query in enumerate(queries):
            for text in _query_names(query):
                owners.append(qi)
                texts.append(text)
        analyses = [analyze_name(t) for t in texts]
        hits = self.index.candidates(analyses, self.options.candidates)
        best: list[dict[int, tuple[PairScore, NameAnalysis, NameAnalysis]]] = [{} for _ in queries]
        for pos, candidates in enumerate(hits):
            floor = candidates[0][1] * COSINE_FLOOR if candidates else 0.0
            for name_pos, cosine in candidates:
                if cosine < floor:
                    break  # candidates come best first: the rest share too little with the query
                self._consider(best[owners[pos]], analyses[pos], name_pos)
        out: list[list[Match]] = []
        for qi, query in enumerate(queries):
            found = {pos: self._match(pos, *scored) for pos, scored in best[qi].items()
                     if scored[0].score >= self.options.review_threshold}
            self._consider_identifiers(found, query)
            out.append(self._ranked(found))
        return out

    def _consider(self, found: dict[int, tuple[PairScore, NameAnalysis, NameAnalysis]], q: NameAnalysis,
                  name_pos: int) -> None:
        ent_pos = self.index.name_entity[name_pos]
        ref = analyze_name(self.index.name_text[name_pos])
        pair = score_names(q, ref, self.index.token_idf)
        self.pairs_scored += 1
        current = found.get(ent_pos)
        if current is None or pair.score > current[0].score:
            found[ent_pos] = (pair, q, ref)

    def _match(self, ent_pos: int, pair: PairScore, q: NameAnalysis, ref: NameAnalysis) -> Match:
        """A match with its explanation: built only for pairs that are kept."""
        ent = self.index.entities[ent_pos]
        return Match(
            entity_id=ent.id,
            caption=ent.caption,
            score=pair.score,
            datasets=tuple(ent.datasets),
            explanation=pair.explain(q, ref),
            features={f.name: round(f.score, 4) for f in pair.features},
            query_name=q.original,
            matched_name=ref.original,
        )

    def _consider_identifiers(self, found: dict[int, Match], query: QueryRecord) -> None:
        ids = {normalize_identifier(v) for v in query.identifiers} - {""}
        for ident in ids:
            for ent_pos in self.index.by_identifier.get(ident, []):
                ent = self.index.entities[ent_pos]
                feat = identifier_match(ids, set(ent.identifiers))
                current = found.get(ent_pos)
                explanation = f"Supplier identifier {ident} equals the entity's identifier: {feat.detail}"
                if current is not None:
                    explanation = f"{explanation}; name: {current.explanation}"
                found[ent_pos] = Match(
                    entity_id=ent.id, caption=ent.caption, score=1.0, datasets=tuple(ent.datasets),
                    explanation=explanation,
                    features={**(current.features if current else {}), "identifier": 1.0},
                    query_name=ident, matched_name=ident,
                )

    def entity_similarity(self, first: str, second: str) -> float:
        """How alike two indexed entities' names are (best pair): tells one company held twice from two companies."""
        by_id = self._positions()
        a, b = by_id.get(first), by_id.get(second)
        if a is None or b is None:
            return 0.0
        ea, eb = self.index.entities[a], self.index.entities[b]
        if set(ea.identifiers) & set(eb.identifiers):
            return 1.0
        return max(
            (score_names(analyze_name(x), analyze_name(y), self.index.token_idf).score for x in ea.names for y in eb.names),
            default=0.0,
        )

    def _positions(self) -> dict[str, int]:
        if self._by_id is None:
            self._by_id = {e.id: i for i, e in enumerate(self.index.entities)}
        return self._by_id

    def _ranked(self, found: dict[int, Match]) -> list[Match]:
        kept = [m for m in found.values() if m.score >= self.options.review_threshold]
        kept.sort(key=lambda m: (-m.score, m.entity_id))
        return kept[: self.options.max_matches]


def _query_names(query: QueryRecord) -> list[str]:
    names = [query.name, *query.aliases]
    seen: list[str] = []
    for name in names:
        name = name.strip()
        if name and name not in seen:
            seen.append(name)
    return seen

"""The name scorer: a named, versioned combination of features with documented weights."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from labortrace.matching.features import (
    Feature,
    industry_conflict,
    place_conflict,
    spelling_similarity,
    token_overlap,
)
from labortrace.names.normalize import NameAnalysis

ALGORITHM = "lt-name-v2"

#: base = 1.0 when the distinctive words are identical, else W_TOKENS * token_overlap + W_SPELLING * spelling;
#: score = base, times PLACE_FACTOR when the names start with different places, times INDUSTRY_FACTOR when
#: they name different lines of business. A different place or trade usually means a different company.
W_TOKENS = 0.6
W_SPELLING = 0.4
PLACE_FACTOR = 0.55
INDUSTRY_FACTOR = 0.75


@dataclass(frozen=True)
class PairScore:
    score: float
    features: tuple[Feature, ...]

    def explain(self, query: NameAnalysis, matched: NameAnalysis) -> str:
        parts = []
        for f in self.features:
            if not f.name.endswith("_conflict"):
                parts.append(f"{f.detail} ({f.score:.2f})")
            elif f.score or f.detail.startswith("same "):
                parts.append(f.detail)
        return (
            f"'{query.original}' (read as «{' '.join(query.tokens)}») matched "
            f"'{matched.original}' (read as «{' '.join(matched.tokens)}»): " + "; ".join(parts)
        )


def score_names(q: NameAnalysis, r: NameAnalysis, idf: Callable[[str], float]) -> PairScore:
    """Score two analysed names 0..1 with the features that explain it."""
    tokens = token_overlap(q, r, idf)
    spelling = spelling_similarity(q, r)
    place = place_conflict(q, r)
    industry = industry_conflict(q, r)
    if q.core_tokens and q.core_tokens == r.core_tokens:
        base = 1.0
    else:
        base = W_TOKENS * tokens.score + W_SPELLING * spelling.score
    if place.score:
        base *= PLACE_FACTOR
    if industry.score:
        base *= INDUSTRY_FACTOR
    return PairScore(max(0.0, min(1.0, base)), (tokens, spelling, place, industry))

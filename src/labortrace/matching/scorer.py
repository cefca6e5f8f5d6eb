"""The name scorer: a named, versioned combination of features with documented weights."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from labortrace.matching.features import (
    Feature,
    brand_conflict,
    industry_conflict,
    place_conflict,
    spelling_similarity,
    token_overlap,
)
from labortrace.names.normalize import NameAnalysis

ALGORITHM = "lt-name-v3"

#: base = 1.0 when the distinctive words are identical, else the larger of W_TOKENS * token_overlap +
#: W_SPELLING * spelling and spelling - SPELLING_MARGIN;
#: score = base, times PLACE_FACTOR when the names start with different places, times INDUSTRY_FACTOR when
#: they name different lines of business, times BRAND_FACTOR when both brands are clean pinyin that differ.
#: A different place, trade or brand syllable usually means a different company.
W_TOKENS = 0.6
W_SPELLING = 0.4
PLACE_FACTOR = 0.55
INDUSTRY_FACTOR = 0.75
BRAND_FACTOR = 0.6
#: Nearly the same letters, however the words were split ('Changj iYukun' vs 'Changji Yukun'), score at least
#: the spelling similarity less this margin.
SPELLING_MARGIN = 0.1


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
    brand = brand_conflict(q, r)
    if q.core_tokens and q.core_tokens == r.core_tokens:
        base = 1.0
    else:
        base = max(W_TOKENS * tokens.score + W_SPELLING * spelling.score, spelling.score - SPELLING_MARGIN)
    if place.score:
        base *= PLACE_FACTOR
    if industry.score:
        base *= INDUSTRY_FACTOR
    if brand.score:
        base *= BRAND_FACTOR
    return PairScore(max(0.0, min(1.0, base)), (tokens, spelling, place, industry, brand))

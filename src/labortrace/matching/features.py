"""Match features: small pure functions over two analysed names.

Each returns a `Feature` with a score in 0..1, a detail sentence and the two values it compared.
The docstring of each function is the explanation users see in the documentation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from functools import lru_cache

from rapidfuzz import fuzz

from labortrace.names.normalize import NameAnalysis
from labortrace.names.translate import is_pinyin_syllable, lexicon

#: Lexicon words that say nothing about what a company does.
GENERIC_WORDS = frozenset({"china", "international", "group", "holding", "development", "investment", "industrial", "industry", "trading", "import", "export", "products", "co"})


@lru_cache(maxsize=1)
def industry_words() -> frozenset[str]:
    """Canonical lexicon tokens naming a line of business (chemical, textile …), not places or pinyin."""
    lex = lexicon()
    words = {tok for toks in (*lex.han.values(), *lex.english.values()) for tok in toks}
    places = {tok for toks in lex.places for tok in toks}
    return frozenset(w for w in words - places - GENERIC_WORDS if not is_pinyin_syllable(w))


@dataclass(frozen=True)
class Feature:
    name: str
    score: float
    detail: str


def _typo_apart(a: str, b: str) -> bool:
    """Two different tokens still agree when both are long enough that one typo apart is the same word."""
    return len(a) >= 5 and len(b) >= 5 and fuzz.ratio(a, b) >= 80


def token_overlap(q: NameAnalysis, r: NameAnalysis, idf: Callable[[str], float]) -> Feature:
    """Share of the distinctive words (legal forms and leading place left out) that both names contain, weighted by how rare each word is among reference names."""
    qt, rt = q.core_tokens, r.core_tokens
    if not qt or not rt:
        return Feature("token_overlap", 0.0, "no words to compare")
    unmatched = list(rt)
    shared: list[str] = []
    rest: list[str] = []
    for tok in qt:  # equal words first, then words a typo apart
        if tok in unmatched:
            unmatched.remove(tok)
            shared.append(tok)
        else:
            rest.append(tok)
    for tok in rest:
        hit = next((u for u in unmatched if _typo_apart(tok, u)), None)
        if hit is not None:
            unmatched.remove(hit)
            shared.append(tok)
    total = sum(map(idf, qt)) + sum(map(idf, rt))
    score = 2 * sum(map(idf, shared)) / total if total else 0.0
    detail = f"shared words: {' '.join(shared)}" if shared else "no shared words"
    return Feature("token_overlap", min(score, 1.0), detail)


@lru_cache(maxsize=262144)
def _parts(core: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...], bool]:
    """A name's line-of-business words, its brand syllables, and whether all its other words are clean pinyin."""
    words = industry_words()
    industry = frozenset(t for t in core if t in words)
    brand = tuple(t for t in core if is_pinyin_syllable(t))
    clean = all(is_pinyin_syllable(t) for t in core if t not in words and t not in GENERIC_WORDS)
    return industry, brand, clean


def spelling_similarity(q: NameAnalysis, r: NameAnalysis) -> Feature:
    """Similarity of the two names written together without spaces or legal forms, with or without their leading place (catches typos, joined or split syllables)."""
    pairs = [("".join(q.core_tokens), "".join(r.core_tokens)), (q.key, r.key)]
    scored = [(fuzz.ratio(a, b) / 100.0, a, b) for a, b in pairs if a and b]
    if not scored:
        return Feature("spelling", 0.0, "nothing to compare")
    score, a, b = max(scored)
    return Feature("spelling", score, f"'{a}' vs '{b}'")


def brand_words(analysis: NameAnalysis) -> tuple[str, ...]:
    """The pinyin syllables that name this company rather than its trade or place (the brand: 'zhong tai')."""
    return _parts(analysis.core_tokens)[1]


def brand_conflict(q: NameAnalysis, r: NameAnalysis) -> Feature:
    """Both brands are written in clean pinyin syllables and the syllables differ: 'Jinkun' is not 'Jiakun', even though the spelling is one letter apart."""
    _, qb, q_clean = _parts(q.core_tokens)
    _, rb, r_clean = _parts(r.core_tokens)
    if not qb or not rb or qb == rb:
        return Feature("brand_conflict", 0.0, f"same brand '{' '.join(qb)}'" if qb and qb == rb else "brand on one side only")
    if not (q_clean and r_clean):
        return Feature("brand_conflict", 0.0, "brand not in clean pinyin: left to spelling similarity")
    return Feature("brand_conflict", 1.0, f"brands differ: '{' '.join(qb)}' vs '{' '.join(rb)}'")


def place_conflict(q: NameAnalysis, r: NameAnalysis) -> Feature:
    """Both names start with a place, and the places differ (a company of the same name in another city is another company)."""
    qp, rp = q.tokens[: q.place_prefix], r.tokens[: r.place_prefix]
    if not qp or not rp:
        return Feature("place_conflict", 0.0, "place named on one side only" if qp or rp else "no place prefix")
    if qp == rp:
        return Feature("place_conflict", 0.0, f"same place '{' '.join(qp)}'")
    return Feature("place_conflict", 1.0, f"places differ: '{' '.join(qp)}' vs '{' '.join(rp)}'")


def industry_conflict(q: NameAnalysis, r: NameAnalysis) -> Feature:
    """Both names say what the company does, and they say different things (a '… Chemical' is not the '… Textile' sibling)."""
    qi, ri = _parts(q.core_tokens)[0], _parts(r.core_tokens)[0]
    if not qi or not ri:
        return Feature("industry_conflict", 0.0, "line of business named on one side only" if qi or ri else "no line of business named")
    if qi & ri:
        return Feature("industry_conflict", 0.0, f"same line of business '{' '.join(sorted(qi & ri))}'")
    return Feature("industry_conflict", 1.0, f"lines of business differ: '{' '.join(sorted(qi))}' vs '{' '.join(sorted(ri))}'")


def identifier_match(query_ids: set[str], entity_ids: set[str]) -> Feature:
    """The supplier's registration code (e.g. a USCC) equals one the entity holds."""
    common = sorted(query_ids & entity_ids)
    if common:
        return Feature("identifier", 1.0, f"same identifier {common[0]}")
    return Feature("identifier", 0.0, "no identifier in common")


FEATURES = (token_overlap, spelling_similarity, place_conflict, industry_conflict, brand_conflict, identifier_match)

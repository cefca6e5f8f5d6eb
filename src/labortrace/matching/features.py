"""Match features: the model's inputs for two analysed names, computed once, and explained from the same parts.

`pair_details` takes two names apart (nameparts.py: place, core words, brand), pairs their words (`align`)
and computes every feature value in one pass; the scorer weighs the values with fitted weights (scorer.py).
The explanation texts are built from the same parts only when asked (`PairDetails.features`): each Feature
function below reads its value and says what it compared. The docstring of each function is the explanation
users see in the documentation.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA, Levenshtein

from labortrace.matching.nameparts import Alignment, NameParts, align, parts
from labortrace.names.normalize import NameAnalysis
from labortrace.names.translate import is_pinyin_syllable

FEATURE_NAMES = ("token_overlap", "coverage", "rare_shared", "brand_rarity", "words_differ", "extra_word", "spelling", "spelling_with_place", "same_core",
                 "place_conflict", "same_place", "place_one_side", "industry_conflict", "brand_conflict", "cross_script", "common_brand",
                 "word_added", "slip", "foreign", "syllable_conflict", "industry_added")
#: Products of two features the model also weighs (agreement on words and letters together).
INTERACTIONS = (("token_overlap", "spelling"), ("coverage", "rare_shared"), ("spelling", "cross_script"),
                ("words_differ", "rare_shared"), ("same_core", "rare_shared"), ("place_one_side", "rare_shared"),
                ("place_one_side", "brand_rarity"), ("place_one_side", "common_brand"), ("slip", "brand_conflict"), ("word_added", "foreign"))
VALUE_NAMES = FEATURE_NAMES + tuple(f"{a}*{b}" for a, b in INTERACTIONS)
_PAIRS = tuple((FEATURE_NAMES.index(a), FEATURE_NAMES.index(b)) for a, b in INTERACTIONS)
_AT = {name: i for i, name in enumerate(FEATURE_NAMES)}
#: A brand whose syllables stand together in at least this share of reference names is a common brand.
COMMON_BRAND_SHARE = 0.001


@dataclass(frozen=True)
class Feature:
    name: str
    score: float
    detail: str


class PairDetails:
    """Two names' parts, their alignment and the model's inputs (`values`, in the order of VALUE_NAMES), computed once.

    `features()` builds the explained features from these same objects, so explaining a scored pair repeats
    none of the comparison; the values of `features()` are `values[:len(FEATURE_NAMES)]`.
    """

    __slots__ = ("query", "matched", "alignment", "values")

    def __init__(self, query: NameParts, matched: NameParts, alignment: Alignment, values: tuple[float, ...]) -> None:
        self.query = query
        self.matched = matched
        self.alignment = alignment
        self.values = values

    def value(self, name: str) -> float:
        return self.values[_AT[name]]

    def features(self) -> tuple[Feature, ...]:
        """Every name feature with its explanation text, in the order of FEATURE_NAMES."""
        return tuple(f(self) for f in NAME_FEATURES)


def pair_details(q: NameAnalysis, r: NameAnalysis, idf: Callable[[str], float]) -> PairDetails:
    """The parts, alignment and model inputs of a pair (one computation; texts built later by `features()`)."""
    qp, rp = _initials_as_place(parts(q), parts(r))
    rp, qp = _initials_as_place(rp, qp)
    al = align(qp, rp, idf)
    return PairDetails(qp, rp, al, _values(qp, rp, al, idf))


def pair_values(q: NameAnalysis, r: NameAnalysis, idf: Callable[[str], float]) -> tuple[float, ...]:
    """The model's inputs for one pair (the trainer's fast path: `pair_details(q, r, idf).values` without the object)."""
    qp, rp = _initials_as_place(parts(q), parts(r))
    rp, qp = _initials_as_place(rp, qp)
    return _values(qp, rp, align(qp, rp, idf), idf)


def pair_features(q: NameAnalysis, r: NameAnalysis, idf: Callable[[str], float]) -> tuple[Feature, ...]:
    """Every name feature of a pair, with its explanation, in the order of FEATURE_NAMES."""
    return pair_details(q, r, idf).features()


def values(features: tuple[Feature, ...]) -> tuple[float, ...]:
    """The model's inputs from explained features: each feature's value, then the interactions."""
    base = tuple(f.score for f in features)
    return base + tuple(base[i] * base[j] for i, j in _PAIRS)


def _values(qp: NameParts, rp: NameParts, al: Alignment, idf: Callable[[str], float]) -> tuple[float, ...]:
    """Every feature value, in the order of FEATURE_NAMES, then the interactions: the one place they are computed."""
    # The scorer's hot path: the small helpers are written out here (each call costs as much as its work).
    q_only, r_only = al.q_only, al.r_only
    differ = 1.0 - fuzz.ratio("".join(q_only), "".join(r_only)) / 100.0 if q_only and r_only else 0.0
    both_places = bool(qp.place) and bool(rp.place)
    qi, ri = qp.industry, rp.industry
    same_trade = qi & ri
    qb, rb = qp.brand, rp.brand
    conflict = bool(qb) and bool(rb) and qb != rb and _brands_comparable(qp, rp) and not _extends(qb, rb)
    base = (
        al.dice, min(al.q_share, al.r_share), al.rarest, al.brand_rarity, differ, al.extra, _spelling(qp, rp), _with_place(qp, rp),
        float(_same_core(qp, rp)), float(both_places and qp.place != rp.place), float(both_places and qp.place == rp.place),
        float(bool(qp.place) != bool(rp.place)), float(bool(qi) and bool(ri) and not same_trade), float(conflict),
        float(qp.han != rp.han), float(_common_brand(qp, rp, idf)), al.extra if bool(q_only) != bool(r_only) else 0.0,
        float(_slip(al)), float(not (qp.han or rp.han or qp.clean or rp.clean)),
        float(conflict and _syllable_swap(qb, rb)), float(bool(same_trade) and qi != ri),
    )
    return base + tuple(base[i] * base[j] for i, j in _PAIRS)


def token_overlap(d: PairDetails) -> Feature:
    """Share of the distinctive words (legal forms and place left out) that both names contain, weighted by how rare each word is among reference names; word order does not matter."""
    shared = d.alignment.shared
    return Feature("token_overlap", d.value("token_overlap"), f"shared words: {' '.join(shared)}" if shared else "no shared words")


def coverage(d: PairDetails) -> Feature:
    """How much of the less covered name the other one contains (rarity-weighted): low when either name has words the other lacks."""
    value = d.value("coverage")
    return Feature("coverage", value, f"{value:.0%} of the less covered name found in the other")


def rare_shared(d: PairDetails) -> Feature:
    """How rare the rarest shared brand word is among reference names: sharing only common words ('United', 'Oriental') says little."""
    value = d.value("rare_shared")
    return Feature("rare_shared", value, f"rarest shared brand word scores {value:.2f} of the rarest possible")


def brand_rarity(d: PairDetails) -> Feature:
    """How rare the shared brand words are together (their rarities summed): a brand of common syllables ('Dong Fang', 'Hua Xia') is shared by many companies in many cities."""
    value = d.value("brand_rarity")
    return Feature("brand_rarity", value, f"shared brand words score {value:.2f} for rarity together")


def words_differ(d: PairDetails) -> Feature:
    """Each name has a word the other lacks, spelt unlike it (a substitution, as in 'Woźniak Sápáro Odzież' vs 'Woźniak Sápáro Handel'), not just a word added or dropped."""
    al = d.alignment
    if al.q_only and al.r_only:
        return Feature("words_differ", d.value("words_differ"), f"each has words the other lacks: '{' '.join(al.q_only)}' vs '{' '.join(al.r_only)}'")
    return Feature("words_differ", 0.0, "no word replaced by another")


def extra_word(d: PairDetails) -> Feature:
    """How rare the rarest word is that only one name has: a distinctive word added ('Al Iman Tariq Yusuf' vs 'Al Iman Tariq') suggests another company."""
    words = " ".join((*d.alignment.q_only, *d.alignment.r_only))
    return Feature("extra_word", d.value("extra_word"), f"words on one side only: {words}" if words else "no word on one side only")


def spelling_similarity(d: PairDetails) -> Feature:
    """Similarity of the two names' distinctive words written together without spaces, legal forms or place, OCR confusions folded, in the names' order or in alphabetical order (catches typos, joined or split syllables, words moved)."""
    a, b = d.query.joined, d.matched.joined
    return Feature("spelling", d.value("spelling"), f"'{a}' vs '{b}'" if a and b else "nothing to compare")


def _spelling(qp: NameParts, rp: NameParts) -> float:
    a, b = qp.joined, rp.joined
    if not a or not b:
        return 0.0
    score = fuzz.ratio(a, b) / 100.0
    if score < 1.0 and len(qp.core) > 1:
        score = max(score, fuzz.ratio(qp.joined_sorted, rp.joined_sorted) / 100.0)
    return score


def spelling_with_place(d: PairDetails) -> Feature:
    """Similarity of the whole names written together, place included (for places the gazetteer does not know), in the names' order or in alphabetical order."""
    return Feature("spelling_with_place", d.value("spelling_with_place"), f"'{d.query.whole}' vs '{d.matched.whole}'")


def _with_place(qp: NameParts, rp: NameParts) -> float:
    a, b = qp.whole, rp.whole
    if not a or not b:
        return 0.0
    score = fuzz.ratio(a, b) / 100.0
    if score < 1.0 and _moved(qp.core, rp.core):
        return max(score, fuzz.ratio(qp.whole_sorted, rp.whole_sorted) / 100.0)
    return score


def _moved(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """The same words, the words at one end swapped with those at the other ('Gesu Handel' / 'Handel Gesu', 'S.L.U. Nóká Peña' / 'Peña Nóká S.L.U.'); words swapped inside ('Hassan Zayed' / 'Zayed Hassan' between others) are not moved."""
    n = len(a)
    if n != len(b) or n < 2 or sorted(a) != sorted(b):
        return False
    # b = X + M + Y where a = Y + M + X, X and Y not empty
    return any(b[:i] == a[n - i :] and b[n - j :] == a[:j] and b[i : n - j] == a[j : n - i]
               for i in range(1, n) for j in range(1, n - i + 1))


def same_core(d: PairDetails) -> Feature:
    """The distinctive words are the same (legal form and place aside), in order, or with words moved from one end to the other as long as the brand's syllables keep their order ('Gesu Handel' = 'Handel Gesu'; 'Hua Xin' ≠ 'Xin Hua', 'Hassan Zayed' ≠ 'Zayed Hassan' inside a name)."""
    same = d.value("same_core")
    return Feature("same_core", same, "same distinctive words" if same else "distinctive words differ")


def _same_core(qp: NameParts, rp: NameParts) -> bool:
    return qp.core == rp.core or (qp.brand == rp.brand and _moved(qp.core, rp.core))


def place_conflict(d: PairDetails) -> Feature:
    """Both names name a place, and the places differ (a company of the same name in another city is another company); a place on one side only is no conflict."""
    qp, rp = d.query, d.matched
    if d.value("place_conflict"):
        return Feature("place_conflict", 1.0, f"places differ: '{' '.join(qp.place)}' vs '{' '.join(rp.place)}'")
    return Feature("place_conflict", 0.0, "place named on one side only" if qp.place or rp.place else "no place named")


def same_place(d: PairDetails) -> Feature:
    """Both names name the same place."""
    same = d.value("same_place")
    return Feature("same_place", same, f"same place '{' '.join(d.query.place)}'" if same else "no common place")


def place_one_side(d: PairDetails) -> Feature:
    """Only one of the names names a place: weak evidence either way, weaker still when the shared brand is common."""
    one = d.value("place_one_side")
    return Feature("place_one_side", one, "place named on one side only" if one else "place on both sides or neither")


def industry_conflict(d: PairDetails) -> Feature:
    """Both names say what the company does, and they say different things (a '… Chemical' is not the '… Textile' sibling)."""
    qi, ri = d.query.industry, d.matched.industry
    if d.value("industry_conflict"):
        return Feature("industry_conflict", 1.0, f"lines of business differ: '{' '.join(sorted(qi))}' vs '{' '.join(sorted(ri))}'")
    if qi & ri:
        return Feature("industry_conflict", 0.0, f"same line of business '{' '.join(sorted(qi & ri))}'")
    return Feature("industry_conflict", 0.0, "line of business named on one side only" if qi or ri else "no line of business named")


def brand_conflict(d: PairDetails) -> Feature:
    """Both brands are written in pinyin syllables (and the names' other words agree) and the syllables differ: 'Jinkun' is not 'Jiakun', even though the spelling is one letter apart."""
    qb, rb = d.query.brand, d.matched.brand
    if d.value("brand_conflict"):
        return Feature("brand_conflict", 1.0, f"brands differ: '{' '.join(qb)}' vs '{' '.join(rb)}'")
    if not qb or not rb or qb == rb:
        return Feature("brand_conflict", 0.0, f"same brand '{' '.join(qb)}'" if qb and qb == rb else "brand on one side only")
    return Feature("brand_conflict", 0.0, "brand not in clean pinyin: left to spelling similarity")


def _extends(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One brand is the other with two or more syllables before or after it (most likely a place the gazetteer lacks)."""
    short, long = sorted((a, b), key=len)
    return len(long) - len(short) >= 2 and (long[: len(short)] == short or long[-len(short) :] == short)


def _brands_comparable(a: NameParts, b: NameParts) -> bool:
    """Brands can be compared syllable by syllable when both names are clean pinyin, or their other words agree."""
    return (a.clean and b.clean) or a.other == b.other


def cross_script(d: PairDetails) -> Feature:
    """One name is written in Han characters and the other is not (compared through pinyin and the translation lexicon)."""
    cross = d.value("cross_script")
    return Feature("cross_script", cross, "compared across scripts" if cross else "same script")


def common_brand(d: PairDetails) -> Feature:
    """The shared brand is common as a whole: its syllables stand together in at least 1 in 1,000 reference names, and more often than chance would put them together ('Hua Xia', 'Chang Cheng' for Great Wall), even though each syllable alone is no commoner than those of 'Fei Shan'; such a brand with a place on one side only names many companies."""
    common = d.value("common_brand")
    return Feature("common_brand", common, f"brand '{' '.join(d.query.brand)}' is common among reference names" if common else "brand not common as a whole")


def _common_brand(qp: NameParts, rp: NameParts, idf: Callable[[str], float]) -> bool:
    qb, rb = qp.brand, rp.brand
    if not qb or qb != rb or not (qp.clean and rp.clean):
        return False  # in a name that is not Chinese, pinyin-like syllables ('Chimie' read 'chi mie') are no brand
    # IDF is ln((1 + n) / (1 + count)) + 1: the share of names that hold a token (pair) is exp(1 - IDF).
    if len(qb) == 1:
        return idf(qb[0]) - 1.0 <= -math.log(COMMON_BRAND_SHARE)
    pair_idf, x, y = max((idf(f"b:{x}_{y}"), x, y) for x, y in zip(qb, qb[1:]))
    # Together more often than chance (pointwise mutual information >= 0): a brand, not a place's last syllable
    # before any brand's first ('…zhou Feng…' is common only because '…zhou' ends many places).
    cohesive = idf(x) + idf(y) - pair_idf - 1.0 >= 0.0
    return cohesive and pair_idf - 1.0 <= -math.log(COMMON_BRAND_SHARE)


def word_added(d: PairDetails) -> Feature:
    """How rare a word is that one name adds while the other has no word of its own ('Al Fajr Rashid Mansour' vs 'Al Fajr Rashid'): another company more often than a slip, which changes a word on both sides."""
    value = d.value("word_added")
    words = " ".join((*d.alignment.q_only, *d.alignment.r_only))
    return Feature("word_added", value, f"only one name has words of its own: {words}" if value else "no word added on one side only")


def slip(d: PairDetails) -> Feature:
    """Each name has words the other lacks, and written together they are one slip apart (two in long words): a letter dropped, doubled, swapped or replaced ('Tnogji' for 'Tong Ji', 'Lieli' for 'Li Lei')."""
    al = d.alignment
    found = d.value("slip")
    return Feature("slip", found, f"'{''.join(al.q_only)}' and '{''.join(al.r_only)}' are a slip apart" if found else "no slip between the names' own words")


def _slip(al: Alignment) -> bool:
    if not al.q_only or not al.r_only:
        return False
    a, b = "".join(al.q_only), "".join(al.r_only)
    limit = 1 if min(len(a), len(b)) < 9 else 2
    return OSA.distance(a, b, score_cutoff=limit) <= limit


def foreign(d: PairDetails) -> Feature:
    """Neither name reads as a Chinese name (no Han, and words that are neither pinyin nor the lexicon's): a word added to such a name ('Al Fajr Rashid Mansour' vs 'Al Fajr Rashid') is a family name, not a legal form or a line of business."""
    value = d.value("foreign")
    return Feature("foreign", value, "names not Chinese" if value else "a Chinese name on at least one side")


def identifier_match(query_ids: set[str], entity_ids: set[str]) -> Feature:
    """The supplier's registration code (e.g. a USCC) equals one the entity holds."""
    common = sorted(query_ids & entity_ids)
    if common:
        return Feature("identifier", 1.0, f"same identifier {common[0]}")
    return Feature("identifier", 0.0, "no identifier in common")


def _initials_as_place(a: NameParts, b: NameParts) -> tuple[NameParts, NameParts]:
    """'SZ Tianhong Packaging' for 'Suzhou Tianhong Packaging': a first word that spells the other's place initials is that place."""
    if a.place or not b.place or len(a.core) < 2 or len(a.core[0]) > 3 or is_pinyin_syllable(a.core[0]):
        return a, b
    if a.core[0] != "".join(s[0] for s in b.place):
        return a, b
    core = a.core[1:]
    joined = "".join(core)
    return replace(a, place=b.place, core=core, joined=joined, joined_sorted="".join(sorted(core)),
                   whole="".join(b.place) + joined, whole_sorted="".join(sorted(b.place + core))), b


def syllable_conflict(d: PairDetails) -> Feature:
    """The brands differ in one syllable only, and that syllable is one letter from the other's ('Jin Kun' vs 'Jia Kun'): a character that sounds alike, so another company more often than a typo, which seldom leaves every syllable a syllable ('Yun Wu' written 'Yunu')."""
    if d.value("syllable_conflict"):
        return Feature("syllable_conflict", 1.0, f"one brand syllable replaced by a like-sounding one: '{' '.join(d.query.brand)}' vs '{' '.join(d.matched.brand)}'")
    return Feature("syllable_conflict", 0.0, "no brand syllable replaced by a like-sounding one")


def _syllable_swap(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if len(a) != len(b):
        return False
    changed = [(x, y) for x, y in zip(a, b) if x != y]
    return len(changed) == 1 and Levenshtein.distance(*changed[0], score_cutoff=1) <= 1


def industry_added(d: PairDetails) -> Feature:
    """Both names say what the company does and agree on part of it, but one says more ('… Chemical' vs '… Petrochemical', '… Textile' vs '… Cotton Textile'): often a sibling company in a related trade."""
    qi, ri = d.query.industry, d.matched.industry
    if d.value("industry_added"):
        return Feature("industry_added", 1.0, f"line of business added on one side: '{' '.join(sorted(qi ^ ri))}'")
    return Feature("industry_added", 0.0, "no line of business added on one side")


#: The explained name features, in the order of FEATURE_NAMES (each reads its value from PairDetails).
NAME_FEATURES = (token_overlap, coverage, rare_shared, brand_rarity, words_differ, extra_word, spelling_similarity, spelling_with_place, same_core,
                 place_conflict, same_place, place_one_side, industry_conflict, brand_conflict, cross_script, common_brand, word_added, slip, foreign,
                 syllable_conflict, industry_added)
FEATURES = (*NAME_FEATURES, identifier_match)

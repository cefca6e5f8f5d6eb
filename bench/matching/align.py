"""Align the words of two analysed names across scripts: pinyin syllables to brand spellings, concepts to concepts.

A Han name read as ('wan', 'ke', 'property') and its English name read as ('vanke', 'property') share only
'property' as tokens, yet 'vanke' is the syllables 'wan ke' spelt the way the company chose. `align_names`
finds the best in-order alignment of the two token sequences, where a run of pinyin syllables may meet a
run of unknown Latin words or syllables by the similarity of their letters (raw, and after folding the
usual romanisation differences: Wade-Giles t/d, k/g, Cantonese king/jing, v/w, -ng/-n …), or by initials
('xj' = xu ji). Equal concept tokens (technology, pharmaceutical) meet whole. The score is the weighted
share of both names' units that found a partner (a Dice coefficient), with an explanation of each pairing.

Only the SZSE rerank prototype (bench/matching/szse_dev.py --rerank) uses it, so it lives in the bench; the
matcher pairs words with labortrace.matching.nameparts.align.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Indel

from labortrace.names.normalize import NameAnalysis
from labortrace.names.lexicon import concepts
from labortrace.names.translate import is_pinyin_syllable

__all__ = ["Alignment", "align_names", "fold_romanisation", "spelling_similarity"]

#: Concept tokens that many names share: they count for less than a brand syllable or a trade word.
WEAK_CONCEPTS = frozenset({"china", "international", "holding", "development", "investment", "industry",
                           "technology", "group", "trading", "co", "enterprise", "company"})
WEAK_WEIGHT = 0.3
#: A pairing of spellings below this similarity is no pairing at all (chance agreement of a few letters).
MIN_SIMILARITY = 0.6
#: Single syllables that, at the head of a state or group name, stand for a word (中钨 = China Tungsten, 华润 =
#: China Resources): a pairing of the syllable with the word, and how much it counts.
SYLLABLE_MEANINGS = {("zhong", "china"): 0.8, ("hua", "china"): 0.7, ("guo", "china"): 0.6, ("guo", "national"): 0.7,
                     ("zhong", "central"): 0.8}
MAX_HAN_RUN = 4  # syllables a brand word may spell
MAX_LATIN_RUN = 3  # Latin words (or syllables) one run of syllables may be spelt as
# Romanisation folding, applied in order: digraphs first, then letters to one class each.
_DIGRAPHS = (("zh", "j"), ("ch", "q"), ("sh", "x"), ("ng", "n"), ("ts", "c"), ("ph", "f"), ("ck", "k"), ("ee", "i"))
_LETTERS = str.maketrans({"p": "b", "t": "d", "k": "g", "q": "j", "c": "j", "z": "j", "x": "s", "v": "w",
                          "y": "i", "r": "l", "h": ""})
_REPEATS = re.compile(r"(.)\1+")


@dataclass(frozen=True)
class Alignment:
    """How well two names' words pair up (0..1) and which words paired with which."""

    score: float
    pairs: tuple[tuple[str, str, float], ...]

    @property
    def explanation(self) -> str:
        """One line: each pairing with its similarity, e.g. "'wan ke'~'vanke' 0.90; 'property'='property'"."""
        if not self.pairs:
            return "no words pair up"
        return "; ".join(f"'{a}'={b!r}" if s >= 1.0 else f"'{a}'~'{b}' {s:.2f}" for a, b, s in self.pairs)


@lru_cache(maxsize=262144)
def fold_romanisation(text: str) -> str:
    """Fold spellings that romanisations disagree on to one form ('tungkong' and 'donggang' both give 'dunon'-like keys)."""
    for a, b in _DIGRAPHS:
        text = text.replace(a, b)
    return _REPEATS.sub(r"\1", text.translate(_LETTERS))


@lru_cache(maxsize=262144)
def spelling_similarity(pinyin: str, latin: str) -> float:
    """Similarity of joined pinyin syllables and a Latin spelling: letters as written or folded, or initials."""
    if pinyin == latin:
        return 1.0
    raw = Indel.normalized_similarity(pinyin, latin)
    folded = 0.95 * Indel.normalized_similarity(fold_romanisation(pinyin), fold_romanisation(latin))
    best = max(raw, folded)
    # A brand spelling usually keeps the first sound: 'vanke' ~ 'wanke' yes, 'anke' ~ 'wanke' less so.
    if fold_romanisation(pinyin)[:1] != fold_romanisation(latin)[:1]:
        best *= 0.85
    return best


def _initials(pinyin_run: tuple[str, ...], latin: str) -> float:
    return 0.9 if len(pinyin_run) >= 2 and latin == "".join(s[0] for s in pinyin_run) else 0.0


def _weight(token: str) -> float:
    if token in WEAK_CONCEPTS:
        return WEAK_WEIGHT
    if token in concepts() or is_pinyin_syllable(token):
        return 1.0
    # An unknown word (a brand spelling) weighs as many syllables as it has vowel groups.
    return float(max(1, min(4, len(re.findall(r"[aeiouy]+", token)))))


def _spellable(token: str) -> bool:
    """Pinyin syllables and unknown words can be spelt differently; concept tokens cannot."""
    return token not in concepts() and token.isalpha()


def _run_similarity(han: tuple[str, ...], latin: tuple[str, ...]) -> float:
    joined = "".join(latin)
    sim = spelling_similarity("".join(han), joined)
    if len(latin) == 1:
        sim = max(sim, _initials(han, joined))
    return sim if sim >= MIN_SIMILARITY else 0.0


def _align(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[float, list[tuple[str, str, float]]]:
    """Best in-order pairing of a's tokens with b's: dynamic programming over both sequences."""
    n, m = len(a), len(b)
    wa, wb = [_weight(t) for t in a], [_weight(t) for t in b]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    step: list[list[tuple[int, int, float]]] = [[(0, 0, 0.0)] * (m + 1) for _ in range(n + 1)]
    for i in range(n, -1, -1):
        for j in range(m, -1, -1):
            options = [(best[i + 1][j] if i < n else -1.0, (i + 1, j, 0.0)), (best[i][j + 1] if j < m else -1.0, (i, j + 1, 0.0))]
            if i < n and j < m:
                meaning = 1.0 if a[i] == b[j] else SYLLABLE_MEANINGS.get((a[i], b[j]), SYLLABLE_MEANINGS.get((b[j], a[i]), 0.0))
                if meaning:
                    options.append((best[i + 1][j + 1] + meaning * (wa[i] + wb[j]), (i + 1, j + 1, meaning)))
            for k in range(i + 1, min(n, i + MAX_HAN_RUN) + 1):
                if not _spellable(a[k - 1]):
                    break
                for l in range(j + 1, min(m, j + MAX_LATIN_RUN) + 1):
                    if not _spellable(b[l - 1]):
                        break
                    sim = _run_similarity(a[i:k], b[j:l]) if (k - i, l - j) != (1, 1) or a[i] != b[j] else 1.0
                    if sim:
                        gain = sim * (sum(wa[i:k]) + sum(wb[j:l]))
                        options.append((best[k][l] + gain, (k, l, sim)))
            if i == n and j == m:
                continue
            value, move = max(options, key=lambda o: o[0])
            best[i][j], step[i][j] = value, move
    pairs: list[tuple[str, str, float]] = []
    i = j = 0
    while i < n or j < m:
        k, l, sim = step[i][j]
        if sim:
            pairs.append((" ".join(a[i:k]), " ".join(b[j:l]), round(sim, 4)))
        i, j = k, l
    total = sum(wa) + sum(wb)
    return (best[0][0] / total if total else 0.0), pairs


def align_names(first: NameAnalysis, second: NameAnalysis) -> Alignment:
    """Align two names' distinctive words (legal forms and leading place left out) and score the pairing 0..1."""
    score, pairs = _align(first.core_tokens, second.core_tokens)
    return Alignment(min(1.0, score), tuple(pairs))

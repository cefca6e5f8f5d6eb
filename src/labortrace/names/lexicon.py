"""The translation lexicon: Han words, English phrases and typed pinyin mapped to canonical tokens.

Loaded once from the package data (data/lexicon.tsv: industry and organisation words; data/lexicon_han_only.tsv:
general words whose pinyin is too often a brand to be read as the word; data/lexicon_foreign.tsv: trade words
of Cyrillic and Arabic names as transliterated; data/lexicon_places.tsv: provinces
and major cities). Every entry is a general-language translation or a place name, never a company.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from labortrace.names.pinyin import PIECE_MAX, han_syllables, is_pinyin_syllable, piece_prefixes, read_pinyin

__all__ = ["FOREIGN", "HAN_ONLY", "Lexicon", "concepts", "lexicon"]

#: Rows read like lexicon.tsv's, except that their pinyin typed in Latin stays syllables.
HAN_ONLY = "lexicon_han_only.tsv"
#: Trade words of Cyrillic and Arabic names as transliterated: read like lexicon.tsv's, and also one slip away.
FOREIGN = "lexicon_foreign.tsv"
#: Shorter words are read exactly only: one slip away from a short word is too many other words.
NEAR_MIN = 5


@dataclass(frozen=True)
class Lexicon:
    """Canonical tokens for Han words, English phrases and pinyin spellings, plus the places among them."""

    han: dict[str, tuple[str, ...]]
    english: dict[tuple[str, ...], tuple[str, ...]]
    pinyin: dict[str, tuple[str, ...]]
    places: frozenset[tuple[str, ...]]
    place_han: frozenset[str]
    t2s: dict[int, str]
    pinyin_prefixes: frozenset[str]  #: piece_prefixes(pinyin), for read_pinyin
    place_starts: frozenset[str]  #: first tokens of the places
    english_starts: frozenset[str]  #: first words of the English phrases
    foreign: dict[str, tuple[str, ...]]  #: one-word foreign trade spellings of NEAR_MIN - 1 letters or more (FOREIGN)


def _rows(name: str) -> Iterable[list[str]]:
    text = resources.files("labortrace.names").joinpath(f"data/{name}").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield (line.split("\t") + ["", ""])[:3]


def _traditional_map(chars: Iterable[str]) -> dict[int, str]:
    """Traditional → simplified for the characters our lexicon uses (ICU, present through normality)."""
    try:
        import icu  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError:  # pragma: no cover - pyicu ships with normality
        return {}
    to_trad = icu.Transliterator.createInstance("Simplified-Traditional")
    return {ord(t): c for c in set(chars) if len(t := to_trad.transliterate(c)) == 1 and t != c}


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon, loaded once from the package data."""
    han: dict[str, tuple[str, ...]] = {}
    english: dict[tuple[str, ...], tuple[str, ...]] = {}
    typed: dict[str, tuple[str, ...]] = {}  # pinyin spellings a row lists among its variants ('jiaju', 'lvye')
    han_only: set[str] = set()  # words whose pinyin typed in Latin is more often a brand ('shenghua' 盛华, not 生化)
    foreign = list(_rows(FOREIGN))
    rows = [(False, row) for row in [*_rows("lexicon.tsv"), *foreign]] + [(True, row) for row in _rows(HAN_ONLY)]
    for only, (word, canonical, variants) in rows:
        tokens = tuple(canonical.split())
        if only and word not in han:
            han_only.add(word)
        if word:
            han.setdefault(word, tokens)
            spelling = "".join(han_syllables(word))
            typed.update({v: tokens for v in variants.split("|") if v.replace("v", "u") == spelling})
        for variant in [canonical, *variants.split("|")]:
            key = tuple(variant.split())
            # A variant shared by rows belongs to the row it names ('power' is 动力, not 电力).
            if key and (key not in english or key == tokens):
                english[key] = tokens
    places: set[tuple[str, ...]] = set()
    for word, variants, _ in _rows("lexicon_places.tsv"):
        syllables = han_syllables(word)
        tokens = read_pinyin("".join(syllables), {}) or tuple(syllables)
        places.add(tokens)
        han.setdefault(word, tokens)
        for variant in filter(None, variants.split("|")):
            english.setdefault(tuple(variant.split()), tokens)
    pinyin = _pinyin_spellings({w: t for w, t in han.items() if w not in han_only})
    for variant, tokens in typed.items():  # a row naming its own pinyin settles a homophone clash
        pinyin[variant] = pinyin[variant.replace("v", "u")] = tokens
    # English spellings that already read as the same pinyin ('beijing') are left to the pinyin reader.
    prefixes = piece_prefixes(pinyin)
    english = {k: v for k, v in english.items() if read_pinyin("".join(k), pinyin, prefixes=prefixes) != v}
    t2s = _traditional_map("".join(han))
    place_han = frozenset(w for w, _, _ in _rows("lexicon_places.tsv"))
    return Lexicon(han, english, pinyin, frozenset(places), place_han, t2s, prefixes,
                   frozenset(p[0] for p in places if p), frozenset(k[0] for k in english), _near_spellings(foreign))


def _near_spellings(rows: list[list[str]]) -> dict[str, tuple[str, ...]]:
    """The foreign rows' one-word spellings long enough to be read one slip away (a word of NEAR_MIN letters from one
    of a letter less at least), in the file's order."""
    return {v: tuple(canonical.split()) for _, canonical, variants in rows
            for v in variants.split("|") if len(v) >= NEAR_MIN - 1 and " " not in v}


def _pinyin_spellings(han: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """Lexicon words by their pinyin typed in Latin ('huaxue' → chemical).

    Homophones with different meanings are trusted only where one meaning contains the other: 'zhizao'
    (制造 manufacturing, 智造 intelligent manufacturing) reads as manufacturing; 'shipin' (食品 food, 视频 video)
    reads as syllables.
    """
    readings: dict[str, set[tuple[str, ...]]] = {}
    for word, tokens in han.items():
        if len(word) == 1:
            continue  # one syllable typed in Latin ('chang') is far more often part of a brand or place than 厂
        readings.setdefault("".join(han_syllables(word)), set()).add(tokens)
    pinyin: dict[str, tuple[str, ...]] = {}
    for spelling, options in readings.items():
        shortest = min(options, key=len)
        if len(spelling) <= PIECE_MAX and all(set(shortest) <= set(o) for o in options):
            pinyin[spelling] = shortest
    return pinyin


@lru_cache(maxsize=1)
def concepts() -> frozenset[str]:
    """Canonical tokens that translate a word (technology, pharmaceutical, strait), as opposed to pinyin syllables."""
    lex = lexicon()
    words = {t for toks in (*lex.han.values(), *lex.english.values()) for t in toks}
    return frozenset(w for w in words if not is_pinyin_syllable(w))


"""Turn Han and Latin text into canonical tokens: English concept words for industry words, pinyin otherwise.

Han words found in the lexicon (data/lexicon.tsv, data/lexicon_places.tsv) become their canonical tokens
(化学 → chemical, 新疆 → xin jiang); other characters become toneless pinyin. Latin words become the same
tokens: English variants ('chemicals' → chemical), lexicon pinyin ('huaxue' → chemical) and words that read
as pinyin ('zhongtai' → zhong tai). A run of pinyin is always re-read from its letters alone, by pinyin's
apostrophe rule (a syllable starting with a, o or e does not follow another without an apostrophe), so
'Ping An', 'PingAn' and 平安 all give ('pin', 'gan'): tokens do not depend on spacing, at the price of an
occasional reading that differs from the characters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import cast

from normality import ascii_text
from pypinyin import lazy_pinyin
from pypinyin.pinyin_dict import pinyin_dict
from pypinyin.seg.simpleseg import seg as pypinyin_seg

__all__ = ["han_to_tokens", "is_pinyin_syllable", "latin_to_tokens", "lexicon", "Lexicon", "scrub", "segment_han"]

#: Words dropped from Latin names: Chinese names have no counterpart ("Bank of China" = 中国银行).
STOP_WORDS = frozenset({"and", "of", "the", "for"})
#: English words that read as pinyin but stay whole words (chosen from words seen in real English names).
ENGLISH_WORDS = frozenset(
    "age anne bio data diana edan elite eye gene game guide huge lane line lee made mega media nebula nine "
    "one ocean panda piano pile pioneer range risen sailing ceiling sea silver tea titan tune women".split()
)
#: Syllables that are rare in Chinese names but end many English words ('sunshine', 'house', 'career'):
#: a word whose reading has one after its first syllable is taken as English.
ENGLISH_SYLLABLES = frozenset({"se", "me", "ne", "re", "a", "o", "e", "ei", "en", "ca"})
_HAN_CHAR = re.compile(r"[\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3038-\u303b\u3400-\u4dbf\u4e00-\u9fff"
                       r"\uf900-\ufaff\U00020000-\U0003134f]")
_PIECE_MAX = 16  # longest pinyin spelling of a lexicon entry, in letters

Piece = str | tuple[str, ...]  # a pinyin spelling still to be read, or finished tokens


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def scrub(text: str) -> str:
    """Replace lone surrogates (which no encoder accepts) with spaces."""
    return _SURROGATE.sub(" ", text)


def _strip_marks(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _syllables() -> dict[str, str]:
    """Every toneless pinyin syllable in pypinyin's data, mapped to its canonical spelling (ü is u)."""
    out: dict[str, str] = {}
    for readings in pinyin_dict.values():
        for reading in readings.split(","):
            syl = _strip_marks(reading)
            # 'm', 'n', 'ng', 'hm' are interjections; as syllables they would make any text "pinyin".
            if syl.isascii() and syl.isalpha() and any(v in syl for v in "aeiou"):
                out[syl] = syl
    out.update({"lv": "lu", "nv": "nu", "lve": "lue", "nve": "nue"})
    return out


def is_pinyin_syllable(word: str) -> bool:
    """Whether a lowercase word is one toneless pinyin syllable."""
    return word in _syllables()


def _unknown(chunk: str) -> list[str]:
    return [f"u{ord(c):x}" for c in chunk]


# pypinyin accepts a list from the errors callback (one item per character); its stubs say str.
_ON_ERROR = cast(Callable[[str], str], _unknown)


@lru_cache(maxsize=131072)
def _word_syllables(word: str) -> tuple[str, ...]:
    """Readings of one word of pypinyin's segmentation: names repeat words (有限, 科技, 深圳), so each is read once."""
    readings = lazy_pinyin(word, errors=_ON_ERROR)
    if len(readings) != len(word):  # pypinyin grouped characters: read them one at a time instead
        readings = [r for c in word for r in lazy_pinyin(c, errors=_ON_ERROR)[:1]]
    return tuple(_syllables().get(r, r) for r in (_strip_marks(r).lower() for r in readings))


def _han_syllables(text: str) -> list[str]:
    """One pinyin reading per character (phrase-aware); characters without one get 'u' + hex code point."""
    # pypinyin segments the text into its phrases and reads each: the same split, with each word read once.
    return [r for word in pypinyin_seg(text) for r in _word_syllables(word)]


@dataclass(frozen=True)
class Lexicon:
    """Canonical tokens for Han words, English phrases and pinyin spellings, plus the places among them."""

    han: dict[str, tuple[str, ...]]
    english: dict[tuple[str, ...], tuple[str, ...]]
    pinyin: dict[str, tuple[str, ...]]
    places: frozenset[tuple[str, ...]]
    place_han: frozenset[str]
    t2s: dict[int, str]


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
    for word, canonical, variants in _rows("lexicon.tsv"):
        tokens = tuple(canonical.split())
        if word:
            han.setdefault(word, tokens)
            spelling = "".join(_han_syllables(word))
            typed.update({v: tokens for v in variants.split("|") if v.replace("v", "u") == spelling})
        for variant in [canonical, *variants.split("|")]:
            key = tuple(variant.split())
            # A variant shared by rows belongs to the row it names ('power' is 动力, not 电力).
            if key and (key not in english or key == tokens):
                english[key] = tokens
    places: set[tuple[str, ...]] = set()
    for word, variants, _ in _rows("lexicon_places.tsv"):
        syllables = _han_syllables(word)
        tokens = _read_pinyin("".join(syllables), {}) or tuple(syllables)
        places.add(tokens)
        han.setdefault(word, tokens)
        for variant in filter(None, variants.split("|")):
            english.setdefault(tuple(variant.split()), tokens)
    pinyin = _pinyin_spellings(han)
    for variant, tokens in typed.items():  # a row naming its own pinyin settles a homophone clash
        pinyin[variant] = pinyin[variant.replace("v", "u")] = tokens
    # English spellings that already read as the same pinyin ('beijing') are left to the pinyin reader.
    english = {k: v for k, v in english.items() if _read_pinyin("".join(k), pinyin) != v}
    t2s = _traditional_map("".join(han))
    place_han = frozenset(w for w, _, _ in _rows("lexicon_places.tsv"))
    return Lexicon(han, english, pinyin, frozenset(places), place_han, t2s)


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
        readings.setdefault("".join(_han_syllables(word)), set()).add(tokens)
    pinyin: dict[str, tuple[str, ...]] = {}
    for spelling, options in readings.items():
        shortest = min(options, key=len)
        if len(spelling) <= _PIECE_MAX and all(set(shortest) <= set(o) for o in options):
            pinyin[spelling] = shortest
    return pinyin


@lru_cache(maxsize=65536)
def _read_pinyin_cached(
    spelling: str, use_lexicon: bool, bounds: tuple[int, ...] = ()
) -> tuple[str, ...] | None:
    return _read_pinyin(spelling, lexicon().pinyin if use_lexicon else {}, frozenset(bounds))


def _read_pinyin(
    spelling: str, words: dict[str, tuple[str, ...]], bounds: frozenset[int] = frozenset()
) -> tuple[str, ...] | None:
    """Read letters as pinyin; None if not pinyin.

    Fewest pieces wins, then fewest inner vowel-initial syllables, then a reading that ends in a
    lexicon word (trade words close Chinese company names: 'mingfeng dianzi' is … electronic, not
    … wind power zi). A lexicon word may not straddle a space the writer typed (`bounds`) unless it
    spans whole words ('Hua Xue').
    """
    syllables, n = _syllables(), len(spelling)
    best: list[tuple[int, int, int] | None] = [None] * n + [(0, 0, 0)]
    step: list[tuple[int, tuple[str, ...]]] = [(n, ())] * (n + 1)
    for i in range(n - 1, -1, -1):
        penalty = int(i > 0 and spelling[i] in "aeo")
        for j in range(min(n, i + _PIECE_MAX), i, -1):  # longest first: ties go to the longer piece
            after = best[j]
            piece = spelling[i:j]
            word = words.get(piece)
            if word is not None and bounds and any(i < b < j for b in bounds) and not (
                (i == 0 or i in bounds) and (j == n or j in bounds)
            ):
                word = None
            tokens = word or ((syllables[piece],) if piece in syllables else None)
            if after is None or tokens is None:
                continue
            ends_plain = after[2] if j < n else int(word is None)
            cost = (after[0] + 1, after[1] + penalty, ends_plain)
            if best[i] is None or cost < best[i]:  # type: ignore[operator]
                best[i], step[i] = cost, (j, tokens)
    if best[0] is None:
        return None
    out: list[str] = []
    i = 0
    while i < n:
        i, tokens = step[i]
        out.extend(tokens)
    return tuple(out)


def _resolve(pieces: Sequence[Piece], use_lexicon: bool) -> list[str]:
    """Read each run of consecutive pinyin spellings as one string; keep finished tokens as they are."""
    out: list[str] = []
    run: list[str] = []
    for piece in [*pieces, ()]:
        if isinstance(piece, str):
            run.append(piece)
            continue
        if run:
            spelling = "".join(run)
            bounds = tuple(sum(len(w) for w in run[:k]) for k in range(1, len(run)))
            out.extend(_read_pinyin_cached(spelling, use_lexicon, bounds) or run)
            run = []
        out.extend(piece)
    return out


@lru_cache(maxsize=65536)
def segment_han(text: str) -> tuple[str, ...]:
    """Split Han text into lexicon words and single characters, covering as many characters by words as can be.

    Greedy longest match would read 阳光电源 as 阳 + 光电 (optoelectronic) + 源; covering most characters reads
    阳光 (sunshine) + 电源 (power supply). Ties go to fewer pieces, then to the word further right.
    """
    han, n = lexicon().han, len(text)
    best: list[tuple[int, int]] = [(0, 0)] * (n + 1)  # (characters covered by words, -pieces) from i on
    size = [1] * (n + 1)
    for i in range(n - 1, -1, -1):
        best[i], size[i] = (best[i + 1][0], best[i + 1][1] - 1), 1
        for k in range(min(8, n - i), 1, -1):
            if text[i : i + k] in han:
                cand = (best[i + k][0] + k, best[i + k][1] - 1)
                if cand > best[i]:
                    best[i], size[i] = cand, k
    out: list[str] = []
    i = 0
    while i < n:
        out.append(text[i : i + size[i]])
        i += size[i]
    return tuple(out)


def _han_pieces(text: str) -> list[Piece]:
    lex = lexicon()
    text = text.translate(lex.t2s)
    readings = _han_syllables(text)
    pieces: list[Piece] = []
    i = 0
    for word in segment_han(text):
        if len(word) > 1:
            pieces.append(lex.han[word])
        else:
            reading = readings[i]
            pieces.append(reading if reading in _syllables() else (reading,))
        i += len(word)
    return pieces


def han_to_tokens(text: str) -> list[str]:
    """Han text to canonical tokens: lexicon words as concept tokens, other characters as pinyin syllables."""
    tokens: list[str] = []
    for part in re.split(f"((?:{_HAN_CHAR.pattern})+)", scrub(text)):
        if part and _HAN_CHAR.match(part):
            tokens.extend(_resolve(_han_pieces(part), use_lexicon=False))
        elif part.strip():
            tokens.extend(latin_to_tokens(part))
    return tokens


def _ascii_words(text: str) -> list[str]:
    if not text.isascii():
        text = ascii_text(text)
    return re.findall(r"[a-z0-9]+", text.lower())


def _singular(word: str) -> list[str]:
    if word.endswith("ies"):
        return [word[:-3] + "y"]
    if word.endswith("es"):
        return [word[:-1], word[:-2]]
    return [word[:-1]] if word.endswith("s") else []


def _english_at(words: list[str], i: int) -> tuple[int, tuple[str, ...]]:
    """The longest English lexicon phrase starting at word i: (word count, tokens), or (0, ())."""
    english = lexicon().english
    for size in range(min(6, len(words) - i), 0, -1):
        key = tuple(words[i : i + size])
        for candidate in [key, *((*key[:-1], s) for s in _singular(key[-1]))]:
            if candidate in english:
                return size, english[candidate]
    return 0, ()


def _reads_as_pinyin(word: str) -> bool:
    if word in ENGLISH_WORDS:
        return False
    reading = _read_pinyin_cached(word, True)
    return reading is not None and not ENGLISH_SYLLABLES.intersection(reading[1:])


def latin_to_tokens(text: str) -> list[str]:
    """Latin (or any non-Han) text to canonical tokens; other scripts are transliterated to ASCII first."""
    words = _ascii_words(scrub(text))
    pieces: list[Piece] = []
    i = 0
    while i < len(words):
        size, tokens = _english_at(words, i)
        if size:
            pieces.append(tokens)
            i += size
            continue
        word = words[i]
        i += 1
        if word in STOP_WORDS:
            continue
        pieces.append(word if _reads_as_pinyin(word) else (word,))
    return _resolve(pieces, use_lexicon=True)

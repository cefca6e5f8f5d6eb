"""Toneless pinyin: the syllables pypinyin knows, Han characters read as syllables, and Latin letters read as pinyin.

Kept apart from translate.py so that the lexicon loader (lexicon.py) and the token reader share one reader
of pinyin: `read_pinyin` splits letters into syllables and lexicon words by the fewest pieces, pinyin's
apostrophe rule deciding ties.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import cast

from pypinyin import lazy_pinyin
from pypinyin.pinyin_dict import pinyin_dict
from pypinyin.seg.simpleseg import seg as pypinyin_seg

__all__ = ["han_syllables", "is_pinyin_syllable", "piece_prefixes", "read_pinyin", "syllables", "PIECE_MAX"]

PIECE_MAX = 16  # longest pinyin spelling of a lexicon entry, in letters


def _strip_marks(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def syllables() -> dict[str, str]:
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
    return word in syllables()


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
    return tuple(syllables().get(r, r) for r in (_strip_marks(r).lower() for r in readings))


def han_syllables(text: str) -> list[str]:
    """One pinyin reading per character (phrase-aware); characters without one get 'u' + hex code point."""
    # pypinyin segments the text into its phrases and reads each: the same split, with each word read once.
    return [r for word in pypinyin_seg(text) for r in _word_syllables(word)]


@lru_cache(maxsize=1)
def _syllable_prefixes() -> frozenset[str]:
    return frozenset(s[:k] for s in syllables() for k in range(1, len(s) + 1))


def piece_prefixes(words: dict[str, tuple[str, ...]]) -> frozenset[str]:
    """Every prefix of a syllable or of one of the words: a piece that is none of them starts no longer piece."""
    return _syllable_prefixes().union(w[:k] for w in words for k in range(1, len(w) + 1))


def read_pinyin(
    spelling: str, words: dict[str, tuple[str, ...]], bounds: frozenset[int] = frozenset(),
    prefixes: frozenset[str] | None = None,
) -> tuple[str, ...] | None:
    """Read letters as pinyin; None if not pinyin.

    Fewest pieces wins, then fewest inner vowel-initial syllables, then a reading that ends in a
    lexicon word (trade words close Chinese company names: 'mingfeng dianzi' is … electronic, not
    … wind power zi). A lexicon word may not straddle a space the writer typed (`bounds`) unless it
    spans whole words ('Hua Xue'). `prefixes` is piece_prefixes(words), passed by callers that read
    often with the same words.
    """
    known, n = syllables(), len(spelling)
    if prefixes is None:
        prefixes = piece_prefixes(words) if words else _syllable_prefixes()
    best: list[tuple[int, int, int] | None] = [None] * n + [(0, 0, 0)]
    step: list[tuple[int, tuple[str, ...]]] = [(n, ())] * (n + 1)
    for i in range(n - 1, -1, -1):
        penalty = int(i > 0 and spelling[i] in "aeo")
        limit = i + PIECE_MAX if i + PIECE_MAX < n else n
        end = i + 1  # pieces from i stop before the first one that starts no syllable or word
        while end <= limit and spelling[i:end] in prefixes:
            end += 1
        for j in range(end - 1, i, -1):  # longest first: ties go to the longer piece
            after = best[j]
            if after is None:
                continue
            piece = spelling[i:j]
            word = words.get(piece)
            if word is not None and bounds and any(i < b < j for b in bounds) and not (
                (i == 0 or i in bounds) and (j == n or j in bounds)
            ):
                word = None
            tokens = word or ((known[piece],) if piece in known else None)
            if tokens is None:
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

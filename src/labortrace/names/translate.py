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
from collections.abc import Sequence
from functools import lru_cache


from labortrace.names.lexicon import Lexicon, lexicon
from labortrace.names.pinyin import han_syllables, is_pinyin_syllable, read_pinyin, syllables
from labortrace.names.translit import ascii_words, near_foreign_word

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

Piece = str | tuple[str, ...]  # a pinyin spelling still to be read, or finished tokens


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def scrub(text: str) -> str:
    """Replace lone surrogates (which no encoder accepts) with spaces."""
    return _SURROGATE.sub(" ", text)


@lru_cache(maxsize=65536)
def _read_pinyin_cached(
    spelling: str, use_lexicon: bool, bounds: tuple[int, ...] = ()
) -> tuple[str, ...] | None:
    if use_lexicon:
        lex = lexicon()
        return read_pinyin(spelling, lex.pinyin, frozenset(bounds), lex.pinyin_prefixes)
    return read_pinyin(spelling, {}, frozenset(bounds))


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
            # Bounds only keep lexicon words from straddling spaces: without the lexicon they would only split the cache.
            bounds = tuple(sum(len(w) for w in run[:k]) for k in range(1, len(run))) if use_lexicon else ()
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
    """Lexicon words as their tokens; each run of other characters read on its own.

    pypinyin reads by its own phrases, and a phrase that straddles a lexicon word reads wrongly: in 仁和药业
    it finds 和药 (huo yao), where the name is 仁和 (ren he) + 药业 (pharmaceutical).
    """
    lex = lexicon()
    words = segment_han(text.translate(lex.t2s))
    pieces: list[Piece] = []
    run: list[str] = []
    for word in [*words, ""]:
        if len(word) == 1:
            run.append(word)
            continue
        if run:
            pieces.extend(r if r in syllables() else (r,) for r in han_syllables("".join(run)))
            run = []
        if word:
            pieces.append(lex.han[word])
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


def _singular(word: str) -> list[str]:
    if word.endswith("ies"):
        return [word[:-3] + "y"]
    if word.endswith("es"):
        return [word[:-1], word[:-2]]
    return [word[:-1]] if word.endswith("s") else []


def _english_at(words: list[str], i: int) -> tuple[int, tuple[str, ...]]:
    """The longest English lexicon phrase starting at word i: (word count, tokens), or (0, ())."""
    lex = lexicon()
    english, first = lex.english, words[i]
    if first not in lex.english_starts:  # no phrase starts with the word: only its singular can be one
        return next(((1, english[(s,)]) for s in _singular(first) if (s,) in english), (0, ()))
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
    words = ascii_words(scrub(text))
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
        pieces.append(word if _reads_as_pinyin(word) else near_foreign_word(word) or (word,))
    return _resolve(pieces, use_lexicon=True)

"""Other scripts in ASCII letters: Cyrillic as English-language lists spell it, Arabic by its letters, the rest by ICU.

Cyrillic is romanised by ICU's BGN/PCGN transform (Жибы → zhiby, Химпром → khimprom), the spelling of the UN,
US and UK lists; ICU's default Cyrillic-Latin (ISO 9) gives ziby and himprom, which no supplier list writes.
Arabic keeps its consonants and long vowels (ICU), its article ال stays on the word (a slip in a short brand
stays one letter of a longer word), the prefix لل ('for the') goes, and ع and hamza are dropped (Saeed, Omar). A trade word of
such a name that is one typing slip from a known one (data/lexicon_foreign.tsv) is read as that word: a
Cyrillic slip is judged letter for letter (ISO 9), since BGN's digraphs turn one slip into several letters.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from normality import ascii_text
from rapidfuzz.distance import OSA

from labortrace.names.lexicon import NEAR_MIN, lexicon

__all__ = ["ascii_words", "near_foreign_spelling", "near_foreign_word"]

_ARABIC = re.compile(r"[\u0600-\u06ff]")
_CYRILLIC_RUN = re.compile(r"[\u0400-\u04ff]+")
_PRIMES = str.maketrans("", "", "\u02b9\u02ba\u00b7")  # BGN's ь, ъ and the dot of т·с (not ц): English spellings leave them out
# English spellings write ع and hamza as a vowel or not at all ('Saeed' سعيد, 'Omar' عمر, 'Zahraa' الزهراء).
_ARABIC_SILENT = str.maketrans({"\u0639": None, "\u0621": None, "\u0654": None, "\u0655": None})


def _arabic_word(word: str) -> str:
    """An Arabic word made ready for transliteration: 'لل' (for the) dropped, so that للتجارة is the trade word."""
    word = word.translate(_ARABIC_SILENT)
    return word[2:] if len(word) > 3 and word.startswith("لل") else word


@lru_cache(maxsize=1)
def _russian_latin() -> Any:
    """ICU's BGN/PCGN romanisation of Russian."""
    import icu  # type: ignore[import-untyped,import-not-found,unused-ignore]

    return icu.Transliterator.createInstance("Russian-Latin/BGN")


@lru_cache(maxsize=65536)
def _cyrillic(run: str) -> str:
    """A run of Cyrillic letters in ASCII by BGN/PCGN, or the foreign trade word it misspells by one letter."""
    latin = ascii_text(_russian_latin().transliterate(run).translate(_PRIMES)).lower()
    if len(latin) < NEAR_MIN or latin in lexicon().foreign:
        return latin
    return near_foreign_spelling(ascii_text(run).lower()) or latin


@lru_cache(maxsize=65536)
def _ascii_word(word: str) -> str:
    """One whitespace-separated word in ASCII."""
    if _CYRILLIC_RUN.search(word):
        word = _CYRILLIC_RUN.sub(lambda m: _cyrillic(m.group()), word)
    elif _ARABIC.search(word):
        word = _arabic_word(word)
    return ascii_text(word)


def ascii_words(text: str) -> list[str]:
    """The text's words in lowercase ASCII letters and digits, other scripts transliterated."""
    if not text.isascii():
        text = " ".join(map(_ascii_word, text.split()))
    return re.findall(r"[a-z0-9]+", text.lower())


@lru_cache(maxsize=65536)
def near_foreign_spelling(word: str) -> str | None:
    """The foreign trade spelling (data/lexicon_foreign.tsv) one typing slip from the word, if any."""
    if len(word) < NEAR_MIN:
        return None
    size = len(word)
    return next((spelling for spelling in lexicon().foreign
                 if abs(len(spelling) - size) <= 1 and OSA.distance(word, spelling, score_cutoff=1) <= 1), None)


def near_foreign_word(word: str) -> tuple[str, ...] | None:
    """The tokens of the foreign trade word one typing slip from the word ('elektronkia' → electronic), if any."""
    spelling = near_foreign_spelling(word)
    return None if spelling is None else lexicon().foreign[spelling]

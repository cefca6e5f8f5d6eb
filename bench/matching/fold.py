"""The preprocessing the string-similarity peers (rapidfuzz, Splink) get: every name folded to plain Latin.

Han -> toneless pinyin syllables separated by spaces (pypinyin.lazy_pinyin); then normality.ascii_text
(ICU transliteration of Cyrillic, Arabic and full-width forms, diacritics removed); then
rapidfuzz.utils.default_process (lower case, non-alphanumerics to spaces, trimmed). No legal-form
removal, no translation of industry words: that is the naive baseline the issue names.
"""

from __future__ import annotations

from functools import lru_cache

from normality import ascii_text
from pypinyin import lazy_pinyin
from rapidfuzz.utils import default_process


@lru_cache(maxsize=200_000)
def fold(name: str) -> str:
    """A name as the string-similarity peers see it: 'Shenzhen Jinkun Textile Co Ltd' / 'shen zhen jin kun fang zhi …'."""
    spaced = " ".join(lazy_pinyin(name))
    return " ".join(default_process(ascii_text(spaced) or "").split())

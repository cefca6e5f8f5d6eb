"""Invariants of name analysis on arbitrary text (hypothesis)."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from labortrace.names.normalize import analyze_name, fold_text
from labortrace.names.translate import ENGLISH_SYLLABLES, ENGLISH_WORDS, is_pinyin_syllable, lexicon
from pypinyin.pinyin_dict import pinyin_dict

CJK = st.characters(min_codepoint=0x3400, max_codepoint=0x9FFF)
NAMES = st.text(max_size=40) | st.text(alphabet=CJK | st.sampled_from(" （）有限公司集团Co.Ltd"), max_size=30)


@settings(max_examples=300, deadline=None)
@given(NAMES)
def test_analyze_name_never_raises_and_tokens_are_lowercase_ascii(name: str) -> None:
    result = analyze_name.__wrapped__(name)
    assert all(re.fullmatch(r"[a-z0-9]+", t) for t in result.tokens)
    assert 0 <= result.place_prefix <= len(result.tokens)
    assert result.key == "".join(result.tokens)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_fold_text_is_idempotent(text: str) -> None:
    assert fold_text(fold_text(text)) == fold_text(text)


def _all_syllables() -> set[str]:
    out = set()
    for readings in pinyin_dict.values():
        for reading in readings.split(","):
            syl = "".join(c for c in unicodedata.normalize("NFD", reading) if not unicodedata.combining(c))
            if is_pinyin_syllable(syl):
                out.add(syl)
    return out


ALL_SYLLABLES = frozenset(_all_syllables())
# Pinyin as written: a syllable starting with a, o or e after another one needs an apostrophe.
SYLLABLES = st.lists(st.sampled_from(sorted(s for s in ALL_SYLLABLES if s[0] not in "aoe" and s not in ENGLISH_SYLLABLES)),
                     min_size=1, max_size=6)


def _readings(joined: str) -> int:
    """How many ways the joined letters split into syllables: 'jijinou' is ji-ji-nou or ji-jin-ou."""
    ways = [1] + [0] * len(joined)
    for end in range(1, len(joined) + 1):
        ways[end] = sum(ways[start] for start in range(max(0, end - 6), end) if joined[start:end] in ALL_SYLLABLES)
    return ways[-1]


@settings(max_examples=300, deadline=None)
@given(SYLLABLES, st.lists(st.booleans(), min_size=6, max_size=6))
def test_tokens_do_not_depend_on_spaces_between_pinyin_syllables(syllables: list[str], cuts: list[bool]) -> None:
    spaced = " ".join(syllables)
    joined = "".join(syllables)
    mixed = "".join(s + (" " if cut else "") for s, cut in zip(syllables, cuts))
    words = {w for text in (spaced, joined, mixed) for w in text.split()}
    english = {w for key in lexicon().english for w in key}
    assume(not words & (english | ENGLISH_WORDS))
    assume(_readings(joined) == 1)  # joined pinyin that reads two ways may rightly split the other way
    results = [analyze_name.__wrapped__(text) for text in (spaced, joined, mixed)]
    assume(all(not r.legal_forms for r in results))
    assert results[0].tokens == results[1].tokens
    # A lexicon word may not straddle a typed space that cuts it mid-word ('bagou wu' is not 'ba gouwu').
    if not any(k in joined for k in lexicon().pinyin):
        assert results[2].tokens == results[0].tokens

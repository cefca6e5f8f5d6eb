"""Han and Latin text to canonical tokens: lexicon concepts, pinyin syllables and English words."""

from __future__ import annotations

import re

import pytest

from labortrace.names.translate import han_to_tokens, latin_to_tokens, lexicon


def test_lexicon_is_large_and_clean() -> None:
    lex = lexicon()
    assert len(lex.han) >= 150
    tokens = {t for group in [*lex.han.values(), *lex.english.values()] for t in group}
    assert all(re.fullmatch(r"[a-z0-9]+", t) for t in tokens)


@pytest.mark.parametrize(
    ("han", "tokens"),
    [
        ("化学", ["chemical"]),
        ("化工", ["chemical"]),
        ("纺织", ["textile"]),
        ("科技", ["technology"]),
        ("银行", ["bank"]),
        ("进出口", ["import", "export"]),
        ("中泰化学", ["zhong", "tai", "chemical"]),
        ("光伏硅业", ["photovoltaic", "silicon"]),
        ("中国", ["china"]),
        ("中华", ["china"]),
        ("中華", ["china"]),
    ],
)
def test_han_words(han: str, tokens: list[str]) -> None:
    assert han_to_tokens(han) == tokens


@pytest.mark.parametrize(
    ("latin", "tokens"),
    [
        ("chemicals", ["chemical"]),
        ("chem", ["chemical"]),
        ("tech", ["technology"]),
        ("textiles", ["textile"]),
        ("science and technology", ["technology"]),
        ("hi tech", ["high", "technology"]),
        ("import and export", ["import", "export"]),
        ("industries", ["industry"]),
        ("huaxue", ["chemical"]),
        ("hua xue", ["chemical"]),
        ("fangzhi", ["textile"]),
        ("keji", ["technology"]),
        ("zhongguo", ["china"]),
        ("chinese", ["china"]),
        ("zhongtai", ["zhong", "tai"]),
        ("zhong tai", ["zhong", "tai"]),
        ("urumqi", ["wu", "lu", "mu", "qi"]),
        ("wulumuqi", ["wu", "lu", "mu", "qi"]),
        ("bank of china", ["bank", "china"]),
        ("new energy", ["xin", "energy"]),
    ],
)
def test_latin_words(latin: str, tokens: list[str]) -> None:
    assert latin_to_tokens(latin) == tokens


def test_pinyin_is_read_by_the_apostrophe_rule() -> None:
    # Without an apostrophe 'pingan' reads pin-gan; the Han side is read the same way.
    assert latin_to_tokens("ping an") == latin_to_tokens("pingan") == han_to_tokens("平安") == ["pin", "gan"]
    assert latin_to_tokens("jinan") == ["ji", "nan"]


def test_umlaut_u_is_written_u() -> None:
    assert han_to_tokens("绿") == latin_to_tokens("lv") == latin_to_tokens("lü") == ["lu"]


def test_han_without_a_reading_gets_a_code_point_token() -> None:
    tokens = han_to_tokens("\u2e80")
    assert tokens == ["u2e80"]


def test_place_names_stay_whole_before_a_vowel_syllable() -> None:
    assert latin_to_tokens("beijinganxin") == han_to_tokens("北京安信") == ["bei", "jing", "an", "xin"]

"""The Han-only lexicon rows: a Han word and its English translation meet, its pinyin typed in Latin stays syllables."""

from __future__ import annotations

import pytest

from labortrace.names.lexicon import lexicon
from labortrace.names.normalize import analyze_name
from labortrace.names.translate import latin_to_tokens


@pytest.mark.parametrize(
    ("han", "english", "word"),
    [
        ("海南海峡航运股份有限公司", "Hainan Strait Shipping Co., Ltd.", ("strait", "shipping")),
        ("北京利德曼生化股份有限公司", "Beijing Leadman Biochemistry Co., Ltd.", ("biochemical",)),
        ("许昌远东传动轴股份有限公司", "Xuchang Yuandong Drive Shaft Co., Ltd.", ("drive", "shaft")),
        ("山东道恩高分子材料股份有限公司", "Shandong Dawn Polymer Materials Co., Ltd.", ("polymer", "material")),
    ],
)
def test_translated_word_is_shared_across_scripts(han: str, english: str, word: tuple[str, ...]) -> None:
    for name in (han, english):
        assert analyze_name(name).tokens[-len(word) :] == word


@pytest.mark.parametrize(("latin", "tokens"), [("Shenghua", ["sheng", "hua"]), ("Huayuan", ["hua", "yuan"])])
def test_pinyin_of_han_only_words_stays_syllables(latin: str, tokens: list[str]) -> None:
    assert latin_to_tokens(latin) == tokens
    assert "生化" in lexicon().han and "shenghua" not in lexicon().pinyin  # the Han-only row is loaded, its pinyin is not


def test_pinyin_of_ordinary_rows_still_reads_as_the_word() -> None:
    assert latin_to_tokens("Gaofenzi") == ["polymer"]

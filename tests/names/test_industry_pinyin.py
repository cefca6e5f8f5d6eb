"""Industry words typed in pinyin, craft words and CamelCase pinyin joins read like their Han and English forms."""

from __future__ import annotations

import pytest

from labortrace.names.normalize import analyze_name
from labortrace.names.translate import latin_to_tokens


def core(name: str) -> tuple[str, ...]:
    return analyze_name(name).core_tokens


@pytest.mark.parametrize(
    ("pinyin", "han", "english"),
    [
        ("Shenzhen Zhizao Co Ltd", "深圳制造有限公司", "Shenzhen Manufacturing Co Ltd"),
        ("Foshan Jiaju Co Ltd", "佛山家具有限公司", "Foshan Furniture Co Ltd"),
        ("Dongguan Lvye Co Ltd", "东莞铝业有限公司", "Dongguan Aluminium Co Ltd"),
        ("Dongguan Lüye Co Ltd", "东莞铝业有限公司", "Dongguan Aluminum Co Ltd"),
        ("Xuchang Fazhipin Co Ltd", "许昌发制品有限公司", "Xuchang Hair Products Co Ltd"),
        ("Shanghai Dianqi Co Ltd", "上海电气有限公司", "Shanghai Electric Co Ltd"),
    ],
)
def test_industry_pinyin_reads_as_the_industry_word(pinyin: str, han: str, english: str) -> None:
    assert core(pinyin) == core(han) == core(english)


def test_joined_industry_pinyin_is_read_too() -> None:
    assert latin_to_tokens("JiajuZhizao") == ["furniture", "manufacturing"]


def test_homophones_of_unrelated_meaning_stay_syllables() -> None:
    # 纸业 paper / 置业 property: neither meaning contains the other and neither row claims 'zhiye'.
    assert latin_to_tokens("zhiye") == ["zhi", "ye"]


def test_a_row_listing_its_pinyin_settles_a_homophone_clash() -> None:
    # 食品 food / 视频 video: the food row lists 'shipin'.
    assert latin_to_tokens("Qianqiao Shipin") == ["qian", "qiao", "food"]


def test_handicrafts_and_crafts_are_one_word() -> None:
    assert core("Ningbo Crafts Co Ltd") == core("Ningbo Handicrafts Co Ltd") == core("Ningbo Arts and Crafts Co Ltd")
    assert core("宁波工艺品有限公司") == core("Ningbo Handicrafts Co Ltd") == ("crafts",)


def test_camelcase_pinyin_join_is_split() -> None:
    assert analyze_name("ChangChunHuie Trading Co").tokens == analyze_name("Changchun Huie Trading Co").tokens
    assert analyze_name("ChangChunHuie Trading Co").place_prefix == 2


def test_camelcase_english_join_is_left_whole() -> None:
    assert analyze_name("PetroChina Co Ltd").tokens == analyze_name("PETROCHINA CO LTD").tokens

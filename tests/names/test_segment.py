"""Han word segmentation, the industry lexicon across scripts, and trailing places."""

from __future__ import annotations

import pytest

from labortrace.names.normalize import analyze_name
from labortrace.names.translate import han_to_tokens, segment_han


def test_segmentation_covers_most_characters_by_words() -> None:
    # Greedy longest match would take 光电 (optoelectronic) out of 阳光 + 电源.
    assert segment_han("阳光电源") == ("阳光", "电源")
    assert han_to_tokens("阳光电源") == ["yang", "guang", "power", "supply"]


def test_segmentation_keeps_brand_characters_single() -> None:
    assert segment_han("中泰化学") == ("中", "泰", "化学")


def test_polyphones_are_read_in_their_phrase() -> None:
    # Read word by word (cached), the phrase readings still win: 重庆 chong, 银行 hang.
    assert han_to_tokens("重庆三峡银行") == ["chong", "qing", "san", "xia", "bank"]


@pytest.mark.parametrize(
    ("han", "english"),
    [
        ("深圳中华自行车股份有限公司", "Shenzhen China Bicycle Co., Ltd."),
        ("江铃汽车股份有限公司", "Jiangling Motors Co., Ltd."),
        ("东北证券股份有限公司", "Northeast Securities Co., Ltd."),
        ("北方铜业股份有限公司", "North Copper Co., Ltd."),
        ("青海盐湖工业股份有限公司", "Qinghai Salt Lake Industry Co., Ltd."),
        ("深圳市机场股份有限公司", "Shenzhen Airport Co., Ltd."),
        ("合肥百货大楼集团股份有限公司", "Hefei Department Store Dalou Group Co., Ltd."),
        ("中国长城科技集团股份有限公司", "China Greatwall Technology Group Co., Ltd."),
        ("浙江英特国际集团股份有限公司", "Zhejiang Yingte Int'l Group Co., Ltd."),
    ],
)
def test_industry_words_meet_across_scripts(han: str, english: str) -> None:
    assert analyze_name(han).tokens == analyze_name(english).tokens


def test_trailing_place_moves_to_the_front() -> None:
    latin = analyze_name("Bank of Beijing Co., Ltd.")
    assert latin.tokens == analyze_name("北京银行股份有限公司").tokens == ("bei", "jing", "bank")
    assert latin.place_prefix == 2
    assert analyze_name("Hongmian Technology Co., Ltd. Guangzhou").core_tokens == ("hong", "mian", "technology")


def test_a_name_that_is_only_a_place_stays_as_it_is() -> None:
    assert analyze_name("Shanghai").tokens == ("shang", "hai")

"""Han word segmentation, the industry lexicon across scripts, trailing places, and cross-script alignment."""

from __future__ import annotations

import pytest

from labortrace.names.align import align_names, fold_romanisation, spelling_similarity
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


def test_fold_romanisation_joins_wade_giles_and_pinyin() -> None:
    assert fold_romanisation("shengtong") == fold_romanisation("senton")
    assert fold_romanisation("vanke") == fold_romanisation("wanke")


def test_spelling_similarity_prefers_close_spellings() -> None:
    assert spelling_similarity("wanke", "vanke") >= 0.9
    assert spelling_similarity("wanke", "vanke") > spelling_similarity("wanke", "konka")


def test_alignment_pairs_brand_spelling_with_pinyin() -> None:
    aligned = align_names(analyze_name("深圳市盛通能源股份有限公司"), analyze_name("Senton Energy Co., Ltd."))
    assert aligned.score > 0.9
    assert "'sheng tong'~'senton'" in aligned.explanation
    assert "'energy'='energy'" in aligned.explanation


def test_alignment_reads_initials() -> None:
    aligned = align_names(analyze_name("许继电气股份有限公司"), analyze_name("XJ Electric Co., Ltd."))
    assert aligned.score > 0.9
    assert "'xu ji'~'xj'" in aligned.explanation


def test_alignment_ranks_the_right_brand_above_another() -> None:
    query = analyze_name("万科企业股份有限公司")
    right = align_names(query, analyze_name("China Vanke Co., Ltd."))
    wrong = align_names(query, analyze_name("China Konka Co., Ltd."))
    assert right.score > 0.7 > wrong.score


def test_alignment_of_unrelated_names_is_low() -> None:
    aligned = align_names(analyze_name("康佳集团股份有限公司"), analyze_name("Tellus Holding Co., Ltd."))
    assert aligned.score < 0.2
    assert aligned.explanation == "no words pair up"


def test_alignment_is_order_preserving() -> None:
    # 'te li' pairs with 'tellus' once: the same syllables cannot pair with two words.
    aligned = align_names(analyze_name("特力特力"), analyze_name("Tellus"))
    assert len(aligned.pairs) == 1


def test_alignment_reads_zhong_as_china() -> None:
    aligned = align_names(analyze_name("中钨高新材料股份有限公司"), analyze_name("China Tungsten Hightech Materials Co., Ltd."))
    assert "'zhong'~'china' 0.80" in aligned.explanation

"""Cross-script alignment of two analysed names (bench.matching.align, the SZSE rerank prototype)."""

from __future__ import annotations

from bench.matching.align import align_names, fold_romanisation, spelling_similarity
from labortrace.names.normalize import analyze_name


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

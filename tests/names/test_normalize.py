"""Name analysis: the same company in Han, English and pinyin gives the same tokens."""

from __future__ import annotations

import pytest

from labortrace.names.normalize import analyze_name, detect_scripts, fold_text, leading_place

ZHONGTAI_FORMS = [
    "新疆中泰化学股份有限公司",
    "Xinjiang Zhongtai Chemical Co., Ltd.",
    "XINJIANG ZHONGTAI CHEMICAL CO LTD",
    "Xinjiang Zhong Tai Huaxue",
]


@pytest.mark.parametrize("name", ZHONGTAI_FORMS)
def test_zhongtai_forms_share_core_tokens_after_a_two_token_place(name: str) -> None:
    result = analyze_name(name)
    assert result.tokens == ("xin", "jiang", "zhong", "tai", "chemical")
    assert result.place_prefix == 2
    assert result.core_tokens == ("zhong", "tai", "chemical")
    assert result.key == "xinjiangzhongtaichemical"


def test_zhongtai_legal_forms_differ_by_script() -> None:
    assert analyze_name(ZHONGTAI_FORMS[0]).legal_forms == ("joint_stock_co_ltd",)
    assert analyze_name(ZHONGTAI_FORMS[1]).legal_forms == ("co_ltd",)
    assert analyze_name(ZHONGTAI_FORMS[2]).legal_forms == ("co_ltd",)
    assert analyze_name(ZHONGTAI_FORMS[3]).legal_forms == ()


def test_full_width_text_folds_to_ascii() -> None:
    assert fold_text("ＸＩＮＪＩＡＮＧ　ＺＨＯＮＧＴＡＩ，") == "xinjiang zhongtai"
    assert analyze_name("ＸＩＮＪＩＡＮＧ").tokens == ("xin", "jiang")


def test_fold_text_drops_punctuation_case_and_invisible_characters() -> None:
    assert fold_text("  Co.,Ltd.\u200b (Group)  ") == "co ltd group"
    assert fold_text("Zhong\u00adtai") == "zhongtai"


# Rule: a Latin word is split into pinyin only if it reads completely as pinyin, is not a common English
# word, and its reading has no syllable that is rare in Chinese names but ends English words ('se', 'ne').
@pytest.mark.parametrize(
    ("name", "tokens"),
    [
        ("Apple Inc.", ("apple",)),
        ("Lenovo Group Limited", ("lenovo",)),
        ("China Ocean Shipping", ("china", "ocean", "shipping")),
        ("Sealing Parts", ("sealing", "parts")),
        ("Hunan Silver", ("hu", "nan", "silver")),
        ("Guide Infrared", ("guide", "infrared")),
    ],
)
def test_english_words_stay_whole(name: str, tokens: tuple[str, ...]) -> None:
    assert analyze_name(name).tokens == tokens


def test_brand_word_kept_after_place() -> None:
    result = analyze_name("Shenzhen Vanke Co., Ltd.")
    assert result.tokens == ("shen", "zhen", "vanke")
    assert result.core_tokens == ("vanke",)


def test_cyrillic_is_transliterated_and_its_legal_form_stripped() -> None:
    result = analyze_name("ООО Газпром")
    assert result.tokens == ("gazprom",)
    assert result.legal_forms == ("ooo",)
    assert result.scripts == frozenset({"cyrillic"})


def test_arabic_becomes_ascii_tokens() -> None:
    tokens = analyze_name("بنك ملي").tokens
    assert tokens and all(t.isascii() and t.isalnum() for t in tokens)


@pytest.mark.parametrize(
    ("han", "latin"),
    [
        ("深圳市某某电子有限公司", "Shenzhen City Moumou Electronics Co., Ltd."),
        (
            "新疆维吾尔自治区乌鲁木齐市某某纺织品有限公司",
            "Xinjiang Uygur Autonomous Region Urumqi Moumou Textile Co",
        ),
        ("平安银行股份有限公司", "PingAn Bank"),
        ("中国银行", "Bank of China"),
        ("某某进出口贸易有限公司", "Moumou Import & Export Trading Co., Ltd."),
        ("某某科技集团股份有限公司", "Moumou Science and Technology Group Co., Ltd."),
    ],
)
def test_han_and_english_names_give_the_same_token_set(han: str, latin: str) -> None:
    assert set(analyze_name(han).tokens) == set(analyze_name(latin).tokens)


def test_place_suffix_is_dropped_but_a_following_word_is_kept() -> None:
    assert analyze_name("深圳市场开发有限公司").tokens == ("shen", "zhen", "market", "development")


def test_traditional_characters_reach_the_lexicon() -> None:
    assert analyze_name("新疆中泰化學股份有限公司").tokens == analyze_name(ZHONGTAI_FORMS[0]).tokens


def test_core_tokens_keep_a_name_that_is_only_a_place() -> None:
    result = analyze_name("新疆")
    assert result.place_prefix == 2
    assert result.core_tokens == ("xin", "jiang")


def test_leading_place_counts_nested_places() -> None:
    assert leading_place(("xin", "jiang", "wu", "lu", "mu", "qi", "zhong", "tai")) == 6
    assert leading_place(("zhong", "tai", "xin", "jiang")) == 0


def test_detect_scripts_names_each_script() -> None:
    assert detect_scripts("TCL科技集团") == frozenset({"han", "latin"})
    assert detect_scripts("ＸＩＮ 123") == frozenset({"latin"})
    assert detect_scripts("123 -") == frozenset()


def test_mixed_script_name() -> None:
    result = analyze_name("TCL科技集团股份有限公司")
    assert result.tokens == ("tcl", "technology")
    assert result.legal_forms == ("group", "joint_stock_co_ltd")


def test_place_in_brackets_is_the_place_prefix() -> None:
    bracketed = analyze_name("嘉邦硅业（山东）股份有限公司")
    prefixed = analyze_name("山东嘉邦硅业股份有限公司")
    assert bracketed.tokens == prefixed.tokens and bracketed.place_prefix == prefixed.place_prefix == 2
    english = analyze_name("Lichuan Textile (Xinjiang)")
    assert english.tokens[: english.place_prefix] == ("xin", "jiang")
    assert analyze_name("Acme (Holdings) Ltd").place_prefix == 0  # a bracketed word that is no place stays put


def test_korla_in_han_english_and_pinyin_agree() -> None:
    forms = [analyze_name(n) for n in ("库尔勒岚帆化工有限公司", "Korla Lanfan Chemical Co., Ltd.", "Kuerle Lanfan Huagong")]
    assert len({f.tokens for f in forms}) == 1
    assert forms[0].place_prefix == 3

"""Features of lt-name-v6: places on one side, word order, OCR, transliteration, rarity, substitutions; the fitted model."""

from __future__ import annotations

import json

from labortrace.matching import features as ft
from labortrace.matching import nameparts
from labortrace.matching.scorer import ALGORITHM, MODEL_PATH, score_names
from labortrace.names.normalize import analyze_name
from labortrace.names.translate import latin_to_tokens


def flat(_token: str) -> float:
    return 1.0


def feats(q: str, r: str, idf=flat) -> dict[str, ft.Feature]:  # type: ignore[no-untyped-def]
    return {f.name: f for f in ft.pair_features(analyze_name(q), analyze_name(r), idf)}


def test_gazetteer_city_on_one_side_is_no_conflict() -> None:
    f = feats("东贵软件", "Shantou Donggui Software Co., Ltd.")
    assert f["place_conflict"].score == 0.0
    assert f["same_core"].score == 1.0 and f["brand_conflict"].score == 0.0


def test_different_cities_still_conflict() -> None:
    f = feats("Shantou Donggui Software Co., Ltd.", "Xiangyang Donggui Software Co., Ltd.")
    assert f["place_conflict"].score == 1.0
    assert "shan tou" in f["place_conflict"].detail


def test_place_written_last_or_in_brackets_is_the_place() -> None:
    last = nameparts.parts(analyze_name("Ansui Machinery, Guangzhou"))
    assert last.place == ("guang", "zhou") and last.core == ("an", "sui", "machinery")
    f = feats("Feili Semiconductor (Taizhou) Co., Ltd.", "Taizhou Feili Semiconductor Co., Ltd.")
    assert f["same_core"].score == 1.0 and f["same_place"].score == 1.0


def test_han_city_suffix_read_as_syllable_is_dropped() -> None:
    assert nameparts.parts(analyze_name("株洲市富德工艺品有限公司")).core[0] == "fu"


def test_ocr_confusions_and_legal_leftovers_fold_away() -> None:
    f = feats("Wuhan Changsai Techn0logy Co., Ltcl.", "Wuhan Changsai Technology Co., Ltd.")
    assert f["same_core"].score == 1.0
    assert f["spelling"].score == 1.0


def test_transliteration_variants_share_the_word() -> None:
    f = feats("Kotekh Chemical LLC", "ООО «Котех Химпром»")
    assert "kotekh" in f["token_overlap"].detail
    assert f["token_overlap"].score > 0.0


def test_word_replaced_by_another_is_a_substitution() -> None:
    near = feats("Woźniak Sápáro Odzież Sp. z o.o.", "Woźniak Sápáro Handel Sp. z o.o.")
    assert near["words_differ"].score > 0.5 and "odziez" in near["words_differ"].detail
    typo = feats("Jilin Fnegzao Software Co.,Ltd.", "Jilin Fengzao Software Co.,Ltd.")
    assert typo["words_differ"].score < near["words_differ"].score
    dropped = feats("Woźniak Sápáro Sp. z o.o.", "Woźniak Sápáro Handel Sp. z o.o.")
    assert dropped["words_differ"].score == 0.0


def test_sharing_only_a_common_word_is_not_rare() -> None:
    def idf(token: str) -> float:
        return {"united": 1.5, "petroleum": 1.5, "chemical": 1.5}.get(token, 10.0)

    common = feats("Huizhou United Petrochemical Co", "Ningbo United Petrochemical Co", idf)
    rare = feats("Zhongtai Petrochemical Co", "Zhongtai Petrochemical Co Ltd", idf)
    assert common["rare_shared"].score < 0.2 < 0.9 < rare["rare_shared"].score


def test_pinyin_brands_one_letter_apart_conflict_but_an_unknown_prefix_does_not() -> None:
    assert feats("Jinkun Chemical", "Jiakun Chemical")["brand_conflict"].score == 1.0
    assert feats("Donggui Software", "Baba Donggui Software")["brand_conflict"].score == 0.0


def test_every_feature_function_is_documented_and_named_in_order() -> None:
    names = [f.name for f in ft.pair_features(analyze_name("A B"), analyze_name("A C"), flat)]
    assert tuple(names) == ft.FEATURE_NAMES
    assert len(ft.values(ft.pair_features(analyze_name("A"), analyze_name("A"), flat))) == len(ft.VALUE_NAMES)


def test_model_is_fitted_on_training_seeds_only() -> None:
    meta = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert 20261123 not in meta["train_seeds"] and meta["holdout_seed"] != 20261123
    assert set(meta["weights"]) == set(ft.VALUE_NAMES)
    assert ALGORITHM == "lt-name-v6"


def test_score_is_a_probability_with_weighed_reasons() -> None:
    same = score_names(analyze_name("Feili Semiconductor (Taizhou) Co., Ltd."),
                       analyze_name("Taizhou Feili Semiconductor Co., Ltd."), flat)
    sibling = score_names(analyze_name("Taizhou Feili Textile Co., Ltd."),
                          analyze_name("Taizhou Feili Semiconductor Co., Ltd."), flat)
    assert same.score >= 0.8 > 0.6 > sibling.score
    text = same.explain(analyze_name("Feili Semiconductor (Taizhou) Co., Ltd."), analyze_name("Taizhou Feili Semiconductor Co., Ltd."))
    top, added = same.contributions()[0]
    assert added > 0 and f"weighed: {top} +" in text and "same place 'tai zhou'" in text


def test_fast_values_equal_the_explained_features() -> None:
    def idf(token: str) -> float:
        return 1.0 + len(token) % 4

    names = ["Shantou Donggui Software Co., Ltd.", "东贵软件", "Ansui Machinery, Guangzhou", "SZ Tianhong Packaging Ltd.",
             "Suzhou Tianhong Packaging Co., Ltd.", "Woźniak Sápáro Odzież Sp. z o.o.", "Woźniak Sápáro Handel Sp. z o.o.",
             "Jinkun Chemical", "Jiakun Chemical", "Wuhan Changsai Techn0logy Co., Ltcl.", "ООО «Котех Химпром»", "",
             "S.A. Handel Gesu", "Gesu Handel S.A.", "Hefei Huaxia Chemical Co.", "Huaxia Chemical Co., Ltd.", "Al Fajr Rashid Mansour"]
    for q in names:
        for r in names:
            qa, ra = analyze_name(q), analyze_name(r)
            assert ft.pair_values(qa, ra, idf) == ft.values(ft.pair_features(qa, ra, idf)), (q, r)


def test_county_level_city_and_pinyin_legal_form_are_not_brand() -> None:
    yiwu = nameparts.parts(analyze_name("Yiwu Mantai Apparel Co., Ltd."))
    assert yiwu.place == ("yi", "wu") and yiwu.core == ("man", "tai", "apparel")
    tokens = ("zhu", "hai", "long", "bao", "zhi", "zao", "gu", "fen", "you", "xian", "gong", "si")  # as if not stripped
    pinyin = nameparts._parts(tokens, 2, False, "Zhuhai Longbao Zhizao Gufen Youxian Gongsi")
    assert pinyin.core == ("long", "bao", "zhi", "zao")


def test_second_place_is_kept_as_brand_when_nothing_else_would_be_left() -> None:
    assert nameparts.parts(analyze_name("洛阳东莞陶瓷股份有限公司")).core[:2] == ("dong", "guan")
    assert nameparts.parts(analyze_name("Xinjiang Urumqi Zhongtai Chemical")).core == ("zhong", "tai", "chemical")


def test_a_longer_foreign_brand_is_not_a_typo() -> None:
    f = feats("АО «Секом Электроника»", "АО «Щасеком Электроника»")
    assert f["words_differ"].score > 0.0 and f["coverage"].score < 1.0
    assert feats("Brüstta Bekleidung GmbH", "Brüsta Bekleidung GmbH")["coverage"].score == 1.0


def test_rare_word_on_one_side_only_is_measured() -> None:
    def idf(token: str) -> float:
        return {"sharika": 1.0}.get(token, 8.0)

    added = feats("Al Iman Tariq Yusuf Logistics", "Al Iman Tariq Logistics", idf)["extra_word"]
    assert added.score > 0.5 and "yusuf" in added.detail
    assert feats("Al Iman Tariq Logistics", "Al Iman Tariq Logistics", idf)["extra_word"].score == 0.0


def test_brand_of_common_syllables_is_less_rare_than_a_distinct_one() -> None:
    def idf(token: str) -> float:
        return {"dong": 2.0, "fang": 2.0}.get(token, 9.0)

    common = feats("Qingdao Dongfang Industrial Co", "Dongfang Industrial Co", idf)["brand_rarity"].score
    distinct = feats("Qingdao Tairun Toys Co", "Tairun Toys Co", idf)["brand_rarity"].score
    assert common < distinct


def test_words_in_another_order_are_the_same_words_but_brand_syllables_keep_theirs() -> None:
    moved = feats("S.A. Handel Gesu", "Gesu Handel S.A.")
    assert moved["same_core"].score == 1.0 and moved["spelling_with_place"].score == 1.0
    assert feats("Xinhua Textile", "Huaxin Textile")["same_core"].score == 0.0
    assert feats("S.L.U. Nóká Confecciones Peña", "Peña Nóká Confecciones S.L.U.")["same_core"].score == 1.0
    shuffled = feats("شركة الزهراء حسن زايد للنسيج", "شركة الزهراء زايد حسن للنسيج")  # two family names swapped: another company
    assert shuffled["same_core"].score == 0.0 and shuffled["spelling_with_place"].score < 1.0


def test_letters_misread_by_ocr_are_read_again_only_when_the_word_then_reads() -> None:
    assert nameparts._refold("garmcnt") == tuple(latin_to_tokens("garment"))
    assert nameparts._refold("hebci") == ("he", "bei") and nameparts._refold("hengcbu") == ("heng", "chu")
    assert nameparts._refold("furniturc") == ("furniture",)
    assert nameparts._refold("crepin") == ("crepin",)
    assert nameparts._refold("hanclel") == nameparts._refold("handel")  # folded alike on both sides
    assert nameparts._refold("bernard") == nameparts._refold("bemard")


def test_a_brand_shared_by_many_companies_is_common_as_a_whole() -> None:
    def idf(token: str) -> float:  # 'hua' 'xia' are no commoner than 'fei' 'shan', but the pair is: 1 name in 200
        return {"b:hua_xia": 1.0 + 5.3, "b:fei_shan": 1.0 + 9.0, "b:zhou_feng": 1.0 + 6.5, "zhou": 2.0}.get(token, 5.0)

    common = feats("Hefei Huaxia Chemical Co.", "Huaxia Chemical Co., Ltd.", idf)["common_brand"]
    assert common.score == 1.0 and "hua xia" in common.detail
    assert feats("Hefei Feishan Chemical Co.", "Feishan Chemical Co., Ltd.", idf)["common_brand"].score == 0.0
    assert feats("Hefei Huaxia Chemical Co.", "Hefei Feishan Chemical Co.", idf)["common_brand"].score == 0.0
    assert feats("Putrápo Chimie SARL", "Putrápo Chimie S.A.", lambda t: 1.0)["common_brand"].score == 0.0  # 'chi mie' is no brand
    # frequent only because '…zhou' ends many places: no commoner together than apart
    assert feats("Hefei Zhoufeng Chemical Co.", "Zhoufeng Chemical Co., Ltd.", idf)["common_brand"].score == 0.0


def test_own_words_one_slip_apart() -> None:
    assert feats("Xiangyang Tnogji Environmental", "Xiangyang Tongji Environmental")["slip"].score == 1.0
    assert feats("Woźniak Sápáro Odzież", "Woźniak Sápáro Handel")["slip"].score == 0.0


def test_legal_forms_of_several_words_are_not_name_words() -> None:
    assert nameparts.parts(analyze_name("Sófö Aydın Plastik San. ve Tic. A.Ş.")).core == ("sofo", "aydin", "plastik")
    assert nameparts.parts(analyze_name("Công ty TNHH May Mặc Phạm Rñbunñ")).core == ("may", "mac", "pham", "mbunn")
    moved = nameparts.parts(analyze_name("A.Ş. Breta Ticaret San. ve Tic. Ünal")).core
    assert moved == ("breta", "ticaret", "unal")
    swapped = nameparts.parts(analyze_name("Nguyễn ty Cổ phần Thương Mại Dçlo Công")).core
    assert "cong" not in swapped and "ty" not in swapped
    assert sorted(swapped) == sorted(nameparts.parts(analyze_name("Công ty Cổ phần Thương Mại Dçlo Nguyễn")).core)


def test_a_word_added_on_one_side_is_told_from_a_word_changed() -> None:
    added = feats("Al Fajr Rashid Mansour Industries", "Al Fajr Rashid Industries")
    assert added["word_added"].score > 0.0 and "mansour" in added["word_added"].detail
    assert added["foreign"].score == 1.0 and feats("Jinkun Textile", "金坤纺织")["foreign"].score == 0.0
    changed = feats("Al Fajr Rashid Mansour Industries", "Al Fajr Rashid Nasser Industries")
    assert changed["word_added"].score == 0.0 and changed["words_differ"].score > 0.0


def test_a_lexicon_word_one_slip_off_is_read_as_that_word() -> None:
    assert nameparts.parts(analyze_name("Wuxi Jiqian Garmet Co")).core == nameparts.parts(analyze_name("Wuxi Jiqian Garment Co")).core
    assert nameparts.parts(analyze_name("Judu Biologcial Co")).core == nameparts.parts(analyze_name("Judu Biological Co")).core
    assert nameparts._misspelt("elektronik") is None  # two slips: a word of another language, kept as written
    assert nameparts._misspelt("crepin") is None and nameparts._misspelt("yunwu") is None


def test_one_brand_syllable_replaced_by_a_like_sounding_one_is_told_from_a_typo() -> None:
    swapped = feats("Jinkun Chemical", "Jiakun Chemical")
    assert swapped["syllable_conflict"].score == 1.0 and "jia kun" in swapped["syllable_conflict"].detail
    typo = feats("Hubei Yunu Garment", "Hubei Yunwu Garment")
    assert typo["brand_conflict"].score == 1.0 and typo["syllable_conflict"].score == 0.0


def test_a_line_of_business_added_on_one_side() -> None:
    added = feats("Zhuhai Yangqianye Chemical Co., Ltd.", "Zhuhai Yangqianye Petrochemical Co., Ltd.")["industry_added"]
    assert added.score == 1.0 and "petroleum" in added.detail
    assert feats("Zhuhai Yangqianye Chemical", "珠海扬千叶化学")["industry_added"].score == 0.0


def test_explained_features_carry_the_values_the_model_weighs() -> None:
    d = ft.pair_details(analyze_name("Jinkun Chemical (Taizhou)"), analyze_name("台州金坤化学有限公司"), flat)
    assert tuple(f.score for f in d.features()) == d.values[: len(ft.FEATURE_NAMES)]
    assert [f.name for f in d.features()] == list(ft.FEATURE_NAMES)


def test_a_word_of_another_language_is_not_read_as_a_misspelt_english_one() -> None:
    assert feats("Stulu Tentil S.L.", "Stulu Textil S.L.")["coverage"].score == 1.0  # 'Textil' stays itself, one slip from 'Tentil'


def test_a_legal_form_left_in_a_name_is_no_word_after_its_place_but_lhasa_keeps_its_sa() -> None:
    ocr = nameparts.parts(analyze_name("Shihezi Beijing Photovoltaic Co.,Ltcl."))
    assert ocr.core == nameparts.parts(analyze_name("Shihezi Beijing Photovoltaic Co., Ltd.")).core == ("bei", "jing", "photovoltaic")
    assert nameparts.parts(analyze_name("Lhasa Cidao Technology Co., Ltd.")).place == ("la", "sa")

"""The matching benchmark's generator: deterministic, labelled consistently, homophones tracked."""

from __future__ import annotations

from bench.matching import companies as co
from bench.matching.generate import build
from bench.matching.variants import full_width, ocr, typo

import random


def test_same_seed_same_data_and_other_seed_other_data() -> None:
    first, again, other = build(400, seed=7, n_queries=300), build(400, seed=7, n_queries=300), build(400, seed=8, n_queries=300)
    assert first.references == again.references
    assert first.queries == again.queries
    assert [r.names for r in first.references] != [r.names for r in other.references]


def test_labels_point_into_the_reference_and_non_matches_are_new_companies() -> None:
    data = build(500, seed=3, n_queries=400)
    ids = {r.id for r in data.references}
    assert len(ids) == 500
    positives = [q for q in data.queries if q.gold]
    assert positives and all(q.gold in ids for q in positives)
    assert all(q.family.startswith("neg_") for q in data.queries if not q.gold)
    assert all(not q.family.startswith("neg_") for q in positives)
    ref_names = {n for r in data.references for n in r.names}
    assert not any(q.name in ref_names for q in data.queries if not q.gold)


def test_homophone_brands_share_a_latin_key_but_not_an_identity() -> None:
    one = co.Company("cn", "cn", "鸿达", 0, 5)
    two = co.Company("cn", "cn", "宏达", 0, 5)
    assert co.latin_key(one) == co.latin_key(two)
    assert one.key != two.key
    assert co.english_name(one) == co.english_name(two) == "Shenzhen Hongda Textile Co., Ltd."
    assert co.han_name(one) != co.han_name(two)


def test_names_render_in_each_script() -> None:
    c = co.Company("cn", "cn", "金坤", 0, 5, 0)
    assert co.han_name(c) == "深圳市金坤纺织有限公司"
    assert co.pinyin_name(c) == "Shenzhen Jinkun Fangzhi Youxian Gongsi"
    assert co.english_name(c, paren=True) == "Jinkun Textile (Shenzhen) Co., Ltd."
    cyr = co.Company("cyr", "ru", "Севертех", 0, -1, 0)
    assert co.native_name(cyr) == "ООО «Севертех Текстиль»"
    assert co.latin_name(cyr) == "OOO Severtekh Tekstil"
    assert co.fold_diacritics("Müller Groß Çelik") == "Muller Gross Celik"


def test_variant_helpers_change_the_text_as_named() -> None:
    rng = random.Random(1)
    assert full_width("AB 1") == "ＡＢ\u3000１"
    slipped = typo(rng, "Shenzhen Jinkun Textile")
    assert slipped != "Shenzhen Jinkun Textile" and abs(len(slipped) - 23) <= 1
    assert ocr(random.Random(2), "Solo") != "Solo"


def test_names_that_look_alike_in_latin_letters_share_a_latin_key() -> None:
    taizhou = [i for i, (_, en) in enumerate(co.vocab.PLACES) if en == "Taizhou"]
    chemical = [i for i, (_, en) in enumerate(co.vocab.INDUSTRIES) if en[0] == "Chemical"]
    assert len(taizhou) == 2 and len(chemical) == 2
    one = co.Company("cn", "cn", "金坤", chemical[0], taizhou[0])
    two = co.Company("cn", "cn", "金坤", chemical[1], taizhou[1])
    assert co.english_name(one) == co.english_name(two)
    assert co.latin_key(one) == co.latin_key(two) and one.key != two.key


def test_a_foreign_identity_is_what_its_names_show() -> None:
    ru = co.Company("cyr", "ru", "Сибвест", 3, -1, 0)
    kz = co.Company("cyr", "kz", "Сибвест", 3, -1, 1)
    assert co.native_name(ru).split()[1:] == co.native_name(kz).split()[1:]
    assert ru.key == kz.key  # the country is not in the name: one company, not a look-alike non-match
    assert co.Company("latin", "pl", "Mafö", 2).key == co.Company("latin", "pl", "Mafó", 2).key


def test_a_non_match_is_undecidable_when_a_reference_name_of_its_brand_and_trade_gives_no_place() -> None:
    from bench.matching.generate import QueryContext, RefEntity

    placeless = co.Company("cn", "cn", "鸿达", 0, 5)
    placed = co.Company("cn", "cn", "金坤", 0, 5)
    refs = [placeless, placed]
    entities = [RefEntity("ref-0", "cn", "cn", [co.english_name(placeless, with_place=False)]),
                RefEntity("ref-1", "cn", "cn", [co.english_name(placed)])]
    ctx = QueryContext(random.Random(1), refs, entities, set(), {})
    elsewhere = co.Company("cn", "cn", "鸿达", 0, 6)  # same brand and trade, another place
    assert ctx.placeless_twins(elsewhere, latin_only=True) == ["ref-0"]
    assert ctx.placeless_twins(co.Company("cn", "cn", "宏达", 0, 6), latin_only=True) == ["ref-0"]  # homophone, in Latin
    assert ctx.placeless_twins(co.Company("cn", "cn", "宏达", 0, 6), latin_only=False) == []  # Han tells them apart
    assert ctx.placeless_twins(co.Company("cn", "cn", "金坤", 0, 6), latin_only=True) == []  # the reference names its place
    assert ctx.placeless_twins(co.Company("cn", "cn", "鸿达", 1, 6), latin_only=True) == []  # another trade


def test_undecidable_non_matches_are_set_aside_with_the_companies_they_cannot_be_told_from() -> None:
    data = build(3000, seed=11, n_queries=1500)
    aside = [q for q in data.queries if not q.gold and q.latin_ambiguous]
    assert aside and all(q.acceptable for q in aside)
    ids = {r.id for r in data.references}
    assert all(set(q.acceptable) <= ids for q in aside)

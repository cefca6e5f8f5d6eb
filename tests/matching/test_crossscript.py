"""Cross-script candidate features: acronyms meet the pinyin initials they abbreviate; Han readings per name run."""

from __future__ import annotations

from labortrace.matching.index import IndexedEntity, NameIndex
from labortrace.matching.vectors import initials_features, name_features
from labortrace.names.normalize import analyze_name
from labortrace.names.translate import han_to_tokens


def test_acronym_and_han_brand_share_initials() -> None:
    han = name_features(analyze_name("许继电气股份有限公司"))
    latin = name_features(analyze_name("XJ ELECTRIC CO.,LTD."))
    assert "i:xj" in han and "i:xj" in latin


def test_initials_leave_translated_words_out() -> None:
    assert initials_features(("guang", "fa", "securities")) == ["i:gf"]
    assert initials_features(("zjbc", "information", "technology")) == ["i:zjbc"]
    assert initials_features(("technology",)) == []
    assert initials_features(("hua",)) == []  # one syllable abbreviates to one letter: no key


def test_acronym_query_finds_the_han_name_among_candidates() -> None:
    names = ["广发证券股份有限公司", "国泰君安证券股份有限公司", "山西证券股份有限公司"]
    names += [f"{city}{brand}证券有限公司" for city in ("北京", "上海", "深圳", "杭州") for brand in ("国信", "华泰", "东方", "中信")]
    ents = [IndexedEntity(f"e{i}", "Company", name, ["list"], names=[name]) for i, name in enumerate(names)]
    index = NameIndex(ents, "test")
    found = index.candidates([analyze_name("GF SECURITIES CO.,LTD")], 3)[0]
    assert ents[int(index.name_entity[found[0][0]])].id == "e0"


def test_characters_between_lexicon_words_are_read_on_their_own() -> None:
    # pypinyin alone reads the phrase 和药 (huo yao) across the lexicon word 药业.
    assert han_to_tokens("仁和药业") == ["ren", "he", "pharmaceutical"]

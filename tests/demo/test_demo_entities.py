"""The three FtM datasets: valid for followthemoney, fictional, consistent names and identifiers."""

from __future__ import annotations

import re
from typing import Any

import pytest
from followthemoney import model
from pypinyin import lazy_pinyin
from stdnum.cn import uscc

from labortrace.demo._tables import BRAND_FIRST, BRAND_SECOND, INDUSTRIES, LEGAL_FORMS, PLACES

Entities = dict[str, list[dict[str, Any]]]
FICTIONAL = "FICTIONAL: generated demo data, not a real company"


def _everyone(entities: Entities) -> list[dict[str, Any]]:
    return [e for group in entities.values() for e in group]


def test_sizes(entities: Entities) -> None:
    sizes = {name: len(group) for name, group in entities.items()}
    assert sizes == {"demo_forced_labour_list": 30, "demo_research": 40, "demo_companies": 300}


def test_every_line_is_valid_ftm_and_nothing_is_dropped(entities: Entities) -> None:
    for data in _everyone(entities):
        proxy = model.get_proxy(data, cleaned=False)  # cleaned=False: values are validated
        kept = proxy.to_dict()["properties"]
        given = {k: sorted(v) for k, v in data["properties"].items()}
        assert {k: sorted(v) for k, v in kept.items()} == given, data["id"]
        assert proxy.schema.name == "Company"


def test_ids_are_prefixed_and_unique(entities: Entities) -> None:
    ids = [e["id"] for e in _everyone(entities)]
    assert len(ids) == len(set(ids))
    assert all(i.startswith("demo-") for i in ids)


def test_every_entity_says_it_is_fictional(entities: Entities) -> None:
    for entity in _everyone(entities):
        assert entity["properties"]["notes"] == [FICTIONAL]
        assert "sourceUrl" not in entity["properties"]


def test_list_entities_are_chinese_and_tagged_forced_labour(entities: Entities) -> None:
    listed = entities["demo_forced_labour_list"]
    assert all(e["properties"]["topics"] == ["forced.labor"] for e in listed)
    assert all(e["properties"]["country"] == ["cn"] for e in listed)
    in_xinjiang = [e for e in listed if any("新疆" in a or "Xinjiang" in a for a in e["properties"]["address"])]
    assert len(in_xinjiang) == 24  # the other 6 are factories elsewhere receiving transferred workers


def _place_of(address: str) -> Any:
    return next(p for p in PLACES if p.address_han in address or p.address_en in address)


def test_usccs_are_valid_and_registered_where_the_address_is(entities: Entities) -> None:
    checked = 0
    for entity in _everyone(entities):
        props = entity["properties"]
        for code in props.get("uscCode", []):
            assert uscc.is_valid(code), code
            assert props["registrationNumber"] == [code]
            assert code[2:8] == _place_of(props["address"][0]).division, entity["id"]
            checked += 1
    assert checked > 100


def _parse_han(name: str) -> tuple[Any, str, Any, Any]:
    """Split a generated Han name into place, brand, industry and legal form."""
    place = next(p for p in sorted(PLACES, key=lambda p: -len(p.han)) if name.startswith(p.han))
    legal = next(f for f in sorted(LEGAL_FORMS, key=lambda f: -len(f.han)) if name.endswith(f.han))
    middle = name[len(place.han) : len(name) - len(legal.han)]
    industry = next(i for i in INDUSTRIES.values() if middle[2:] == i.han)
    return place, middle[:2], industry, legal


def test_han_alias_pinyin_gives_the_english_brand(entities: Entities) -> None:
    for entity in entities["demo_forced_labour_list"]:
        han = entity["properties"]["alias"][0]
        place, brand, industry, legal = _parse_han(han)
        syllables = lazy_pinyin(han)  # read in context, one syllable per Han character
        brand_pinyin = "".join(syllables[len(place.han) : len(place.han) + 2])
        assert brand_pinyin == "".join(lazy_pinyin(brand))
        english = f"{place.english} {brand_pinyin.capitalize()} {industry.english} {legal.english}"
        assert entity["properties"]["name"] == [english], han


def test_hand_written_pinyin_agrees_with_pypinyin() -> None:
    for syllable in BRAND_FIRST + BRAND_SECOND:
        assert lazy_pinyin(syllable.han) == [syllable.pinyin], syllable
    for industry in INDUSTRIES.values():
        assert tuple(lazy_pinyin(industry.han)) == industry.pinyin, industry
    for form in LEGAL_FORMS:
        assert tuple(lazy_pinyin(form.han)) == form.pinyin
    # pypinyin 0.55 reads 勒 in 库尔勒 (Korla) as 'lei'; the table keeps the standard 'le'.
    for place in PLACES:
        if place.han != "库尔勒":
            assert tuple(lazy_pinyin(place.han)) == place.pinyin, place


def _names(entity: dict[str, Any]) -> list[str]:
    names: list[str] = entity["properties"]["name"] + entity["properties"].get("alias", [])
    return names


def _han_stem(entity: dict[str, Any]) -> set[str]:
    values = _names(entity)
    stems = set()
    for value in values:
        for form in sorted(LEGAL_FORMS, key=lambda f: -len(f.han)):
            value = value.removesuffix(form.han)
        if any("\u4e00" <= ch <= "\u9fff" for ch in value):
            stems.add(value)
    return stems


def test_research_respells_ten_listed_companies(entities: Entities) -> None:
    listed = {stem for e in entities["demo_forced_labour_list"] for stem in _han_stem(e)}
    research = entities["demo_research"]
    overlapping = [e for e in research if _han_stem(e) & listed]
    assert len(overlapping) == 10
    listed_names = {n for e in entities["demo_forced_labour_list"] for n in _names(e)}
    for entity in overlapping:  # same company, spelled differently
        assert not set(entity["properties"]["name"]) & listed_names, entity["id"]


@pytest.mark.parametrize(
    "pattern", [r"[\u0400-\u04ff]", r"[\u0600-\u06ff]", r"[\u00c0-\u024f\u1e00-\u1eff]"],
    ids=["cyrillic", "arabic", "latin-diacritics"],
)
def test_registry_has_names_beyond_ascii(entities: Entities, pattern: str) -> None:
    assert any(re.search(pattern, n) for e in entities["demo_companies"] for n in e["properties"]["name"])

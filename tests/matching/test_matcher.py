from __future__ import annotations

import pytest

from labortrace.matching import Matcher, MatchOptions, NameIndex, merge_entities
from labortrace.model import QueryRecord
from labortrace.store import DatasetSpec, Store
from tests.conftest import make

ZHONGTAI = make(id="zt", name="Xinjiang Zhongtai Chemical Co., Ltd.", alias="新疆中泰化学股份有限公司",
                address="Urumqi, Xinjiang")
DISTRACTORS = [
    make(id="zt-textile", name="Xinjiang Zhongtai Textile Co., Ltd."),
    make(id="tianye", name="Xinjiang Tianye Chemical Co., Ltd.", alias="新疆天业化工有限公司"),
    make(id="zt-sec", name="Zhongtai Securities Co., Ltd.", alias="中泰证券股份有限公司"),
    make(id="sd-zt", name="Shandong Zhongtai Chemical Co., Ltd."),
    make(id="hb-chem", name="Hubei Huaxin Chemical Group"),
    make(id="acme", name="Acme Trading GmbH"),
]


def index_of(store: Store, entities: list) -> NameIndex:
    store.replace_dataset(DatasetSpec("list", "forced_labour_list", "v1", "t", "0" * 64), entities)
    return NameIndex(merge_entities(store.iter_entities()), "test")


def query(name: str, **kw: object) -> QueryRecord:
    return QueryRecord(row=1, input={"name": name}, name=name, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "name",
    ["新疆中泰化学股份有限公司", "XINJIANG ZHONGTAI CHEMICAL CO LTD", "Xinjiang Zhong Tai Huaxue",
     "Xinjiang Zhongtai Chemical Co., Ltd."],
)
def test_cross_script_forms_find_zhongtai_first(store: Store, name: str) -> None:
    matcher = Matcher(index_of(store, [ZHONGTAI, *DISTRACTORS]))
    matches = matcher.match(query(name))
    assert matches, f"no match for {name}"
    assert matches[0].entity_id == "zt"
    assert matches[0].score >= matcher.options.threshold
    assert name in matches[0].explanation


def test_sibling_company_is_not_a_match(store: Store) -> None:
    matcher = Matcher(index_of(store, [ZHONGTAI, *DISTRACTORS]))
    matches = {m.entity_id: m.score for m in matcher.match(query("Xinjiang Zhongtai Textile Co Ltd"))}
    assert max(matches, key=matches.__getitem__) == "zt-textile"
    assert matches.get("zt", 0.0) < matcher.options.threshold


def test_other_city_same_brand_scores_below_the_listed_one(store: Store) -> None:
    matcher = Matcher(index_of(store, [ZHONGTAI, *DISTRACTORS]))
    matches = matcher.match(query("Shandong Zhongtai Chemical"))
    assert matches[0].entity_id == "sd-zt"
    assert all(m.score < matches[0].score for m in matches[1:])


def test_identifier_alone_matches_with_certainty(store: Store) -> None:
    listed = make(id="x", name="Some Listed Co", registrationNumber="91650100MA786G142T")
    matcher = Matcher(index_of(store, [listed, *DISTRACTORS]))
    (match, *_) = matcher.match(query("Totally Different Name", identifiers=("91650100ma786g142t",)))
    assert match.entity_id == "x" and match.score == 1.0
    assert "91650100MA786G142T" in match.explanation


def test_candidates_are_bounded_not_every_pair(store: Store) -> None:
    many = [make(id=f"c{i}", name=f"Company Number {i} Trading Co") for i in range(3000)]
    options = MatchOptions(candidates=20)
    matcher = Matcher(index_of(store, [ZHONGTAI, *many]), options)
    matcher.match_all([query("Xinjiang Zhongtai Chemical"), query("Company Number 17 Trading")])
    assert 0 < matcher.pairs_scored <= 2 * options.candidates


def test_unrelated_name_has_no_match(store: Store) -> None:
    matcher = Matcher(index_of(store, [ZHONGTAI, *DISTRACTORS]))
    assert matcher.match(query("Nordic Timber AB")) == []


def test_empty_name_gives_no_match_and_no_error(store: Store) -> None:
    matcher = Matcher(index_of(store, [ZHONGTAI]))
    assert matcher.match(query("")) == []

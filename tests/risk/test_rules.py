from __future__ import annotations

from datetime import datetime, timezone

from labortrace.matching.index import IndexedEntity
from labortrace.model import DatasetInfo, Match, QueryRecord
from labortrace.risk import RULES, Context, assess

NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)
DATASETS = {
    name: DatasetInfo(name, kind, "v7", "src", "0" * 64, NOW, 1, title=f"{name} title")
    for name, kind in (("uflpa", "forced_labour_list"), ("shu", "research"), ("reg", "registry"), ("ofac", "sanctions"))
}


def match(entity: str, score: float, *datasets: str) -> Match:
    return Match(entity, f"{entity} Co", score, datasets, "because")


def ctx(query: QueryRecord, matches: list[Match], similarity: float = 0.0,
        entities: dict[str, IndexedEntity] | None = None) -> Context:
    return Context(query, matches, entities or {}, DATASETS, 0.8, 0.6, lambda _a, _b: similarity)


def q(name: str = "Supplier", **kw: object) -> QueryRecord:
    return QueryRecord(row=1, input={"name": name}, name=name, **kw)  # type: ignore[arg-type]


def test_every_rule_has_a_docstring_users_can_read() -> None:
    assert all((rule.__doc__ or "").strip() for rule in RULES.values())


def test_forced_labour_list_match_is_high_and_names_dataset_and_version() -> None:
    risk = assess(ctx(q(), [match("a", 0.93, "uflpa")]))
    assert risk.level == "high"
    assert "uflpa title (uflpa, version v7, forced-labour list)" in risk.reasons[0] and "0.93" in risk.reasons[0]


def test_research_and_sanctions_matches_are_elevated() -> None:
    assert assess(ctx(q(), [match("a", 0.9, "shu")])).level == "elevated"
    assert assess(ctx(q(), [match("a", 0.9, "ofac")])).level == "elevated"


def test_registry_match_alone_is_no_risk() -> None:
    assert assess(ctx(q(), [match("a", 1.0, "reg")])) .level == "none"


def test_weak_listed_match_is_review() -> None:
    risk = assess(ctx(q(), [match("a", 0.7, "uflpa")]))
    assert risk.level == "review" and "review before relying" in risk.reasons[0]


def test_equal_fit_to_a_distinct_unlisted_company_makes_a_listed_match_ambiguous() -> None:
    risk = assess(ctx(q(), [match("reg-twin", 1.0, "reg"), match("listed", 1.0, "uflpa")], similarity=0.5))
    assert risk.level == "review"
    assert "reg-twin Co" in risk.reasons[0] and "different company" in risk.reasons[0]


def test_the_same_company_held_by_a_registry_does_not_hide_a_listing() -> None:
    risk = assess(ctx(q(), [match("reg-copy", 1.0, "reg"), match("listed", 1.0, "uflpa")], similarity=1.0))
    assert risk.level == "high"


def test_weak_listed_match_is_explained_away_by_a_confident_other_company() -> None:
    risk = assess(ctx(q(), [match("other", 1.0, "reg"), match("listed", 0.66, "uflpa")], similarity=0.3))
    assert risk.level == "none"


def test_address_in_xinjiang_is_elevated_with_the_place_named() -> None:
    risk = assess(ctx(q(address="新疆喀什地区疏附县"), []))
    assert risk.level == "elevated" and "Kashgar" in risk.reasons[0]


def test_uscc_issued_in_xinjiang_is_elevated_without_an_address() -> None:
    risk = assess(ctx(q(identifiers=("91650100MA786G142T",)), []))
    assert risk.level == "elevated" and "650100" in risk.reasons[0]


def test_address_outside_xinjiang_is_no_risk() -> None:
    assert assess(ctx(q(address="湖北省武汉市江岸区"), [])).level == "none"


def test_matched_entity_at_a_xinjiang_address_is_elevated() -> None:
    entity = IndexedEntity("a", "Company", "a Co", ["reg"], ["a Co"], ["Aksu, Xinjiang"])
    risk = assess(ctx(q(), [match("a", 0.95, "reg")], entities={"a": entity}))
    assert risk.level == "elevated" and "Aksu" in risk.reasons[0]


def test_empty_name_is_reported_for_review() -> None:
    risk = assess(ctx(q(""), []))
    assert risk.level == "review" and "no supplier name" in risk.reasons[0]

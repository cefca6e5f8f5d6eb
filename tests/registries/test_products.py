"""Product categories in product names and business scopes, Chinese and English."""

from __future__ import annotations

import pytest

from labortrace.registries.products import categories, load_terms, product_categories


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("口罩", ["mask"]),
        ("一次性医用口罩", ["mask"]),
        ("防护口罩、医用外科口罩", ["mask"]),
        ("Face masks and N95 respirators", ["mask"]),
        ("KN95", ["mask"]),
        ("surgical mask", ["mask"]),
        ("防护服、隔离衣", ["protective_clothing"]),
        ("disposable protective coveralls", ["protective_clothing"]),
        ("防護服", ["protective_clothing"]),  # traditional script
        ("销售：口罩、防护服、医用手套", ["mask", "protective_clothing", "gloves"]),
        ("nitrile gloves", ["gloves"]),
        ("84消毒液、免洗洗手液", ["disinfectant"]),
        ("新冠病毒核酸检测试剂盒", ["test_kit"]),
        ("Melt-blown fabric", ["meltblown"]),
        ("呼吸机设备", ["ventilator"]),  # a ventilator is a machine already
    ],
)
def test_categories_in_both_languages(text: str, expected: list[str]) -> None:
    assert product_categories(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("口罩机的生产与销售", ["mask_machinery"]),
        ("医用口罩机、口罩", ["mask_machinery", "mask"]),  # a firm making both gets both
        ("KN95口罩生产线", ["mask_machinery"]),
        ("Mask making machine", ["mask_machinery"]),
        ("口罩、手套机", ["mask", "gloves_machinery"]),
    ],
)
def test_mask_machines_are_not_masks(text: str, expected: list[str]) -> None:
    assert product_categories(text) == expected


@pytest.mark.parametrize(
    "text",
    ["面膜、化妆品", "gas mask", "masking tape", "facial masks", "手套箱", "eye mask", "口罩带"],
)
def test_look_alikes_are_no_products(text: str) -> None:
    assert product_categories(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("医疗器械（不含口罩、防护服）；劳保用品", ["medical_device", "ppe"]),
        ("除口罩外的劳保用品", ["ppe"]),
        ("口罩除外；手套", ["gloves"]),
        ("excluding masks; gloves", ["gloves"]),
        ("禁止进出口的商品及技术除外；口罩", ["mask"]),  # the exclusion ends at its clause
        ("口罩（不含医用卫生口罩）", ["mask"]),  # non-medical masks are still masks
    ],
)
def test_excluded_clauses_count_for_nothing(text: str, expected: list[str]) -> None:
    assert product_categories(text) == expected


def test_terms_table_is_well_formed() -> None:
    terms = load_terms()
    assert {"mask", "protective_clothing", "gloves", "disinfectant", "ventilator", "test_kit"} <= set(categories())
    assert all(t.lang in ("zh", "en") and t.term.strip() == t.term and t.term for t in terms)
    folded = [t.term.casefold() for t in terms]
    assert len(folded) == len(set(folded)), "a term is listed twice"
    for term in terms:  # every term finds its own category (or nothing, for look-alikes)
        assert product_categories(term.term) == ([] if term.category == "-" else [term.category]), term


@pytest.mark.parametrize("value", [None, "", "   ", 42])
def test_non_text_gives_nothing(value: object) -> None:
    assert product_categories(value) == []  # type: ignore[arg-type]


def test_mentions_agrees_with_product_categories() -> None:
    from labortrace.registries.products import mentions

    texts = ["口罩", "口罩机", "gas mask", "FACE MASKS", "不含口罩", "防护服", "", "ＭＡＳＫ"]
    for text in texts:
        for category in ("mask", "mask_machinery", "protective_clothing"):
            assert mentions(text, category) == (category in product_categories(text)), (text, category)

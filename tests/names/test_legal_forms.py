"""Legal forms: found at the end (or as whole words), reported as one id per meaning."""

from __future__ import annotations

import pytest
from rigour.names.org_types import extract_org_types

from labortrace.names.legal_forms import strip_legal_forms


def ids(text: str) -> tuple[str, ...]:
    return strip_legal_forms(text)[1]


@pytest.mark.parametrize(
    "name",
    ["Acme Co., Ltd.", "Acme Co Ltd", "ACME CO.,LTD", "Acme Company Limited", "Acme Limited", "Acme有限公司"],
)
def test_limited_company_forms_share_one_id(name: str) -> None:
    assert ids(name) == ("co_ltd",)


def test_group_in_chinese_and_english_share_one_id() -> None:
    assert ids("某某集团") == ids("Acme Group") == ("group",)


def test_forms_are_reported_in_text_order() -> None:
    assert ids("Acme Group Co., Ltd.") == ("group", "co_ltd")
    assert ids("某某集团股份有限公司") == ("group", "joint_stock_co_ltd")
    assert ids("某某（集团）股份有限公司") == ("group", "joint_stock_co_ltd")


def test_joint_stock_forms() -> None:
    assert ids("新疆中泰化学股份有限公司") == ("joint_stock_co_ltd",)
    assert ids("Acme Joint-Stock Co., Ltd.") == ("joint_stock_co_ltd",)
    assert ids("Acme JSC") == ("joint_stock_co",)


def test_rest_keeps_the_name() -> None:
    rest, found = strip_legal_forms("Xinjiang Zhongtai Chemical Co., Ltd.")
    assert rest.strip() == "xinjiang zhongtai chemical"
    assert found == ("co_ltd",)


@pytest.mark.parametrize("name", ["Altd", "Zinc", "Lincoln", "Megroup", "Pinc Trading"])
def test_forms_never_match_inside_a_word(name: str) -> None:
    assert ids(name) == ()


def test_a_name_that_is_only_a_legal_form_is_kept() -> None:
    assert strip_legal_forms("Limited") == ("limited", ())
    assert strip_legal_forms("有限公司") == ("有限公司", ())


def test_branch_names_lose_the_parent_form_inside() -> None:
    rest, found = strip_legal_forms("某某有限公司乌鲁木齐分公司")
    assert found == ("co_ltd", "branch")
    assert "有限公司" not in rest


def test_rigour_covers_other_countries() -> None:
    assert ids("Acme GmbH") == ("gmbh",)
    assert ids("ООО Газпром") == ("ooo",)


def test_pinyin_syllables_are_not_taken_for_foreign_forms() -> None:
    # rigour knows 'SA' and 'AO'; in a romanised Chinese name they are syllables.
    assert ids("Zhongtai Pu Sa") == ()
    assert ids("Acme S.A.") == ("sa",)


def test_traditional_chinese_forms() -> None:
    assert ids("某某集團有限責任公司") == ("group", "co_ltd")


def test_rigour_lacks_chinese_forms_written_without_spaces() -> None:
    # Why legal_forms.tsv exists: rigour needs a word boundary that Chinese text does not have.
    assert extract_org_types("新疆中泰化学股份有限公司") == []
    assert extract_org_types("acme 有限公司") == [("有限公司", "ltd")]
    assert extract_org_types("acme co., ltd.") == [("co., ltd.", "coltd")]

"""Registry fields in header guessing and --map, without changing what supplier lists map to."""

from __future__ import annotations

import pytest

from labortrace.errors import ConfigError
from labortrace.sources.headers import guess_mapping, parse_map_options


def test_chinese_registration_export_headers() -> None:
    columns = ["企业名称", "统一社会信用代码", "注册日期", "企业类型", "注册资金", "经营范围", "所在省份", "地区", "注册地址"]
    assert guess_mapping(columns) == {
        "name": "企业名称", "identifier": "统一社会信用代码", "registered": "注册日期", "entity_type": "企业类型",
        "capital": "注册资金", "scope": "经营范围", "region": "所在省份", "address": "注册地址",
    }


def test_product_registration_headers_in_both_languages() -> None:
    assert guess_mapping(["企业名称", "注册证编号", "产品名称", "住所", "批准日期"]) == {
        "name": "企业名称", "licence": "注册证编号", "product": "产品名称", "address": "住所", "registered": "批准日期"}
    assert guess_mapping(["Company", "Licence No", "Product Category", "Business Scope", "Date Registered"]) == {
        "name": "Company", "licence": "Licence No", "product": "Product Category", "scope": "Business Scope",
        "registered": "Date Registered"}
    assert guess_mapping(["Company Name", "成立日期", "Registered Capital", "Company Type"])["registered"] == "成立日期"


def test_supplier_headers_keep_their_fields() -> None:
    mapping = guess_mapping(["Supplier Name", "Registered Address", "Registration No", "Country"])
    assert mapping == {"name": "Supplier Name", "address": "Registered Address", "identifier": "Registration No",
                       "country": "Country"}


def test_map_options_accept_registry_fields() -> None:
    assert parse_map_options(["registered=成立时间", "product=品名", "licence=证号"]) == {
        "registered": "成立时间", "product": "品名", "licence": "证号"}
    with pytest.raises(ConfigError, match="unknown field 'founded'"):
        parse_map_options(["founded=成立时间"])

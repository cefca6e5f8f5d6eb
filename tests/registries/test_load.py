"""Registry rows as FtM Company entities."""

from __future__ import annotations

from pathlib import Path

from labortrace.registries import registry_entity
from labortrace.sources.tables import open_table
from labortrace.store import StoredEntity
from tests.registries.conftest import uscc


def by_name(entities: list[StoredEntity], name: str) -> list[StoredEntity]:
    return [e for e in entities if name in e.properties["name"]]


def test_row_becomes_a_company_with_registry_properties(registry: list[StoredEntity]) -> None:
    first = by_name(registry, "新疆天山示例防护用品有限公司")[0]
    assert first.schema == "Company"
    props = first.properties
    assert props["uscCode"] == [uscc("650102")] and props["registrationNumber"] == [uscc("650102")]
    assert props["licenseNumber"] == ["新械注准20190001"]
    assert props["incorporationDate"] == ["2019-11-05"]
    assert props["sector"] == ["医用口罩"]
    assert props["description"] == ["生产：医用口罩、防护服"]
    assert props["address"] == ["新疆乌鲁木齐市天山区示例路1号"]
    assert props["country"] == ["cn"]


def test_dates_of_every_format_are_iso(registry: list[StoredEntity]) -> None:
    dates = {e.properties["name"][0]: e.properties.get("incorporationDate") for e in registry}
    assert dates["Kashgar Example Mask Co., Ltd."] == ["2020-02-03"]
    assert dates["喀什示例医疗科技有限公司"] == ["2020-02-20"]
    assert dates["阿克苏示例机械有限公司"] == ["2020-03-15"]
    assert dates["和田示例服装有限公司"] == ["2020-04-01"]  # Excel serial 43922
    assert dates["新疆示例未注明日期有限公司"] is None


def test_each_licence_is_its_own_record_and_nameless_rows_are_skipped(registry: list[StoredEntity]) -> None:
    assert len(registry) == 9  # 10 rows, one without a name
    assert len(by_name(registry, "新疆天山示例防护用品有限公司")) == 2  # two licences, one company


def test_unreadable_date_is_reported_with_its_row(registry_csv: Path) -> None:
    problems: list[str] = []
    for row in open_table(registry_csv):
        registry_entity(row, "ds", problems)
    assert problems == ["row 9: Date Registered 'soon' is not a date labortrace reads; left empty"]


def test_city_and_region_columns_fill_in_a_placeless_address(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("企业名称,注册地址,城市,所在省份,成立日期\n示例贸易有限公司,人民路8号,喀什,新疆,2020-02-01\n", encoding="utf-8")
    entity = registry_entity(next(iter(open_table(path))), "ds")
    assert entity is not None
    assert entity.get("address") == ["人民路8号, 喀什, 新疆"]
    assert entity.get("country") == ["cn"]
    assert entity.get("incorporationDate") == ["2020-02-01"]


def test_foreign_company_gets_no_chinese_country(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("Company,Address,Country,Date Registered\nExample Gloves Sdn Bhd,Klang,MY,2020-01-01\n"
                    "Example Masks LLC,Atlanta GA,,2020-01-01\n", encoding="utf-8")
    entities = [registry_entity(row, "ds") for row in open_table(path)]
    assert [e.get("country") for e in entities if e] == [["my"], []]

"""Reading shipment files: header variants, messy dates, weights and HS codes, per-row problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from labortrace.errors import ConfigError, InputError
from labortrace.sources.shipment_values import parse_hs_codes, parse_shipment_date, parse_weight_kg
from labortrace.sources.shipments import open_shipments, parse_shipment_map, read_shipments
from tests.graph.conftest import SHIPMENTS


@pytest.mark.parametrize(("text", "unit", "kg"), [
    ("12,500 KG", "", 12500.0), ("12.5 t", "", 12500.0), ("800 lb", "", 362.873896), ("1.234,5 kg", "", 1234.5),
    ("12 500", "", 12500.0), ("800", "LBS", 362.873896), ("3 吨", "", 3000.0), ("0.5", "", 0.5),
])
def test_weights_with_units_are_kilograms(text: str, unit: str, kg: float) -> None:
    value, note = parse_weight_kg(text, unit)
    assert value == pytest.approx(kg) and note == ""


@pytest.mark.parametrize("text", ["heavy", "5 oz"])
def test_unreadable_weights_are_reported(text: str) -> None:
    value, note = parse_weight_kg(text)
    assert value is None and repr(text) in note


@pytest.mark.parametrize(("text", "codes"), [
    ("6210.10.50", ["621010"]), ("6210 10", ["621010"]), ("621010", ["621010"]), ("90111", ["090111"]),
    ("901.11", ["090111"]), ("6210.10, 6211.43", ["621010", "621143"]),
])
def test_hs_codes_keep_six_digits(text: str, codes: list[str]) -> None:
    assert parse_hs_codes(text) == (tuple(codes), "")


def test_invalid_hs_codes_are_named() -> None:
    codes, note = parse_hs_codes("6210.10; ABC; 12")
    assert codes == ("621010",) and "'ABC'" in note and "'12'" in note


@pytest.mark.parametrize(("text", "iso"), [
    ("2020-03-15", "2020-03-15"), ("15-Mar-2020", "2020-03-15"), ("March 15, 2020", "2020-03-15"),
    ("03/15/2020", "2020-03-15"), ("20200315", "2020-03-15"), ("2020/3/15 10:00", "2020-03-15"),
    ("2020年3月15日", "2020-03-15"), ("15 Sept 2020", "2020-09-15"), ("01/02/2020", None), ("soon", None),
])
def test_dates_in_several_formats(text: str, iso: str | None) -> None:
    assert parse_shipment_date(text) == iso


def test_messy_file_reads_with_problems_per_row(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_text(SHIPMENTS, encoding="utf-8")
    table = open_shipments(path)
    assert table.header_index == 1  # the title row above the header is skipped
    assert table.mapping["shipper"] == "Shipper Name" and table.mapping["consignee"] == "Consignee Name"
    assert table.mapping["origin_country"] == "Country of Origin" and table.mapping["weight"] == "Gross Weight"
    rows = list(read_shipments(path))
    first = rows[0]
    assert (first.date, first.weight_kg, first.hs_code, first.bill_of_lading) == ("2020-03-15", 12500.0, "630790", "BL001")
    assert (first.origin_port, first.destination_port, first.product) == ("Shanghai", "Savannah", "Face masks")
    assert rows[1].weight_kg == 12500.0 and rows[1].hs_code == "621010" and rows[1].date == "2020-04-02"
    assert rows[3].weight_kg == 5.443 and rows[2].date == "2020-04-20"
    bad = rows[4]
    assert not bad.skipped and bad.date is None and bad.hs_code == "" and bad.consignee
    assert any("'Arrival Date'" in p and "not a date" in p for p in bad.problems)
    assert any("'HS Code'" in p and "ABC" in p for p in bad.problems)
    assert any("'Shipper Name'" in p and "row 5" in p for p in bad.problems)
    assert rows[5].skipped and "row 6" in rows[5].problems[0]
    assert len({r.id for r in rows}) == len(rows)


def test_chinese_headers_are_recognised(tmp_path: Path) -> None:
    path = tmp_path / "cn.csv"
    path.write_text("提单号,日期,发货人,收货人,货物描述,HS编码,毛重\nB1,2020年5月1日,和田泰达服装有限公司,金桥贸易,口罩,6307.90,1 吨\n",
                    encoding="utf-8")
    (row,) = read_shipments(path)
    assert (row.shipper, row.consignee, row.product) == ("和田泰达服装有限公司", "金桥贸易", "口罩")
    assert (row.date, row.hs_code, row.weight_kg, row.bill_of_lading) == ("2020-05-01", "630790", 1000.0, "B1")


def test_exporter_importer_and_hts_spellings(tmp_path: Path) -> None:
    path = tmp_path / "us.csv"
    path.write_text("Exporter,Importer,Commodity,HTS,Shipment Date,Weight,Weight Unit\nA Co,B Inc,Masks,6307.90.9845,"
                    "2020-01-02,1000,LB\n", encoding="utf-8")
    (row,) = read_shipments(path)
    assert (row.shipper, row.consignee, row.product, row.hs_code) == ("A Co", "B Inc", "Masks", "630790")
    assert row.weight_kg == pytest.approx(453.59237)


def test_no_party_columns_is_fatal_until_mapped(tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("From,To,Goods\nA Co,B Inc,Masks\n", encoding="utf-8")
    with pytest.raises(InputError, match="'From', 'To'"):
        list(read_shipments(path))
    (row,) = read_shipments(path, parse_shipment_map(["shipper=From", "consignee=To", "product=Goods"]))
    assert (row.shipper, row.consignee, row.product) == ("A Co", "B Inc", "Masks")
    with pytest.raises(ConfigError, match="no such column"):
        list(read_shipments(path, {"shipper": "Sender", "consignee": "To"}))
    with pytest.raises(ConfigError, match="FIELD=COLUMN"):
        parse_shipment_map(["name=From"])

"""open_table on real files: encodings, delimiters, header guessing, XLSX, JSON and mappings."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from openpyxl import Workbook  # type: ignore[import-untyped]

from labortrace.errors import ConfigError
from labortrace.sources.tables import guess_mapping, open_table, parse_map_options

SIMPLIFIED = (
    "企业名称,统一社会信用代码,注册地址\n"
    "新疆洪波龙鑫机电设备有限公司,91650100MA786G142T,新疆乌鲁木齐经济技术开发区头屯河公路2201号\n"
    "宁波申洲针织有限公司,91330200610265987D,浙江省宁波经济技术开发区甬江路18号\n"
)
TRADITIONAL = (
    "供應商名稱,統一編號,地址\n"
    "台灣積體電路製造股份有限公司,22099131,新竹科學工業園區力行六路8號\n"
    "儒鴻企業股份有限公司,22397562,新北市五股區五權路\n"
)


def rows(path: Path, **kwargs: object) -> list[dict[str, str]]:
    table = open_table(path, **kwargs)  # type: ignore[arg-type]
    return [{f: r.field(f) for f in table.mapping} for r in table]


@pytest.mark.parametrize(
    ("encoding", "data"),
    [
        ("utf-8", SIMPLIFIED.encode("utf-8")),
        ("utf-8-sig", codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8")),
        ("utf-16", codecs.BOM_UTF16_LE + SIMPLIFIED.encode("utf-16-le")),
        ("utf-16", codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be")),
        ("gb18030", SIMPLIFIED.encode("gbk")),
        ("gb18030", SIMPLIFIED.encode("gb18030")),
    ],
)
def test_simplified_chinese_in_every_encoding(tmp_path: Path, encoding: str, data: bytes) -> None:
    path = tmp_path / "suppliers.csv"
    path.write_bytes(data)
    table = open_table(path)
    assert table.encoding == encoding
    assert table.mapping == {"name": "企业名称", "identifier": "统一社会信用代码", "address": "注册地址"}
    first = next(iter(table))
    assert first.field("name") == "新疆洪波龙鑫机电设备有限公司"
    assert first.field("address").endswith("公路2201号")
    assert (first.row, first.line) == (1, 2)


def test_big5_traditional(tmp_path: Path) -> None:
    path = tmp_path / "suppliers.csv"
    path.write_bytes(TRADITIONAL.encode("big5"))
    table = open_table(path)
    assert table.encoding == "big5"
    assert [r["name"] for r in rows(path)] == ["台灣積體電路製造股份有限公司", "儒鴻企業股份有限公司"]
    assert table.mapping["identifier"] == "統一編號"


@pytest.mark.parametrize(("suffix", "delimiter"), [(".csv", ";"), (".tsv", "\t"), (".txt", "\t"), (".csv", "|")])
def test_delimiters(tmp_path: Path, suffix: str, delimiter: str) -> None:
    path = tmp_path / f"list{suffix}"
    lines = ["Supplier Name,Address,Country", "Acme, Inc.,1 Main St, Springfield,US", "Foo Ltd,2 High St,GB"]
    path.write_text("\n".join(line.replace(",", "§").replace("§ ", ", ").replace("§", delimiter) for line in lines))
    table = open_table(path)
    assert table.delimiter == delimiter
    assert rows(path)[0] == {"name": "Acme, Inc.", "address": "1 Main St, Springfield", "country": "US"}


def test_guess_mapping_english() -> None:
    columns = ["Factory Name", "Supplier Group", "Address", "City", "State", "Country/Region", "Region", "Notes"]
    assert guess_mapping(columns) == {
        "name": "Factory Name", "address": "Address", "city": "City", "region": "State",
        "country": "Country/Region", "notes": "Notes",
    }
    assert guess_mapping(["Vendor", "Street", "USCC", "Web Site", "AKA"]) == {
        "name": "Vendor", "address": "Street", "identifier": "USCC", "website": "Web Site", "alias": "AKA",
    }


def test_guess_mapping_case_width_punctuation_and_contains() -> None:
    assert guess_mapping(["  SUPPLIER_NAME ", "ｃｏｕｎｔｒｙ", "Addr."])["name"] == "  SUPPLIER_NAME "
    assert guess_mapping(["Supplier ID", "Main Supplier (legal)", "Email Address", "Factory Address"]) == {
        "name": "Main Supplier (legal)", "address": "Factory Address",
    }
    assert "identifier" not in guess_mapping(["Leisure Category", "Name"])


def test_guess_mapping_chinese() -> None:
    columns = ["公司全称", "英文名称", "注册地址", "地区", "省份", "城市", "公司网址", "备注"]
    assert guess_mapping(columns) == {
        "name": "公司全称", "alias": "英文名称", "address": "注册地址", "region": "省份",
        "city": "城市", "website": "公司网址", "notes": "备注",
    }
    assert guess_mapping(["供应商", "住所", "国家/地区", "统一社会信用代码"]) == {
        "name": "供应商", "address": "住所", "country": "国家/地区", "identifier": "统一社会信用代码",
    }


def test_header_after_title_and_blank_rows(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("供应商名单 2024年\n\n导出日期,2024-05-01\n供应商名称,地址\n甲公司,上海市\n", encoding="utf-8")
    table = open_table(path)
    assert table.header_index == 3 and table.columns == ["供应商名称", "地址"]
    [row] = list(table)
    assert (row.row, row.line, row.field("name")) == (1, 5, "甲公司")


def test_xlsx_title_rows_numbers_and_codes(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Suppliers"
    sheet.append(["Supplier list FY2024"])
    sheet.append([])
    sheet.append(["Company Name", "Registration No", "Postcode", "Employees", "Share"])
    sheet.append(["Acme Co", "0012345", 8123, 250.0, 0.5])
    sheet.append(["  Foo Ltd  ", None, 42, 10, None])
    sheet.cell(row=5, column=3).number_format = "000000"
    sheet.append([None, None, None, None, None])
    sheet.append([None, "91650100MA786G142T", None, None, None])
    path = tmp_path / "suppliers.xlsx"
    book.save(path)
    table = open_table(path)
    assert (table.format, table.encoding, table.header_index) == ("xlsx", None, 2)
    found = list(table)
    assert found[0].values == {"Company Name": "Acme Co", "Registration No": "0012345", "Postcode": "8123",
                               "Employees": "250", "Share": "0.5"}
    assert found[1].values["Company Name"] == "Foo Ltd" and found[1].values["Postcode"] == "000042"
    assert (found[1].line, [r.row for r in found]) == (None, [1, 2, 4])
    assert found[2].field("name") == "" and found[2].field("identifier") == "91650100MA786G142T"


def test_xlsx_named_sheet(tmp_path: Path) -> None:
    book = Workbook()
    book.create_sheet("Second").append(["Vendor"])
    book["Second"].append(["Acme"])
    path = tmp_path / "book.xlsx"
    book.save(path)
    assert rows(path, sheet="Second") == [{"name": "Acme"}]


def test_json_list_and_json_lines(tmp_path: Path) -> None:
    records = [{"name": "Acme", "country": "CN", "employees": 12}, {"name": "Foo", "tags": ["a"], "extra": None}]
    listed = tmp_path / "list.json"
    listed.write_text(json.dumps(records))
    lines = tmp_path / "list.jsonl"
    lines.write_text("\n".join(json.dumps(r) for r in records) + "\n\n")
    for path, line in ((listed, None), (lines, 2)):
        table = open_table(path)
        first, second = list(table)
        assert table.columns == ["name", "country", "employees", "tags", "extra"]
        assert first.values == {"name": "Acme", "country": "CN", "employees": "12", "tags": "", "extra": ""}
        assert second.values["tags"] == '["a"]' and second.line == line


def test_mapping_override(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Supplier,Legal entity,Addr\nShort,Acme Trading Co Ltd,Shenzhen\n")
    table = open_table(path, parse_map_options(["name=Legal entity", "alias=supplier"]))
    assert table.mapping == {"name": "Legal entity", "alias": "Supplier", "address": "Addr"}
    assert next(iter(table)).field("name") == "Acme Trading Co Ltd"


def test_wrong_mapping_lists_columns(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Supplier,Addr\nAcme,Shenzhen\n")
    with pytest.raises(ConfigError, match=r"name='企业名称'.*'Supplier', 'Addr'"):
        open_table(path, {"name": "企业名称"})


@pytest.mark.parametrize("item", ["name", "=x", "name=", "colour=Red"])
def test_parse_map_options_rejects(item: str) -> None:
    with pytest.raises(ConfigError):
        parse_map_options([item])


def test_parse_map_options() -> None:
    assert parse_map_options(["name=企业名称", " Address = 住所 "]) == {"name": "企业名称", "address": "住所"}
    with pytest.raises(ConfigError, match="twice"):
        parse_map_options(["name=a", "name=b"])


def test_empty_name_row_is_yielded_and_blank_row_counted(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("name,address\nAcme,  Shenzhen  \n,,\n,Guangzhou\n")
    found = list(open_table(path))
    assert [(r.row, r.line, r.field("name"), r.field("address")) for r in found] == [
        (1, 2, "Acme", "Shenzhen"), (3, 4, "", "Guangzhou"),
    ]


def test_quoted_multiline_cell_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text('name,address,country\n"Acme","Room 5,\nBuilding 3",CN\nFoo,Bar,GB\n')
    found = list(open_table(path))
    assert found[0].field("address") == "Room 5,\nBuilding 3"
    assert [(r.row, r.line) for r in found] == [(1, 2), (2, 4)]


def test_crlf_and_bom_tsv(tmp_path: Path) -> None:
    path = tmp_path / "list.tsv"
    path.write_bytes(codecs.BOM_UTF8 + "供应商\t国家\r\n甲公司\tCN\r\n乙公司\t\r\n".encode())
    table = open_table(path)
    assert table.columns == ["供应商", "国家"]
    assert [(r.line, r.field("name"), r.field("country")) for r in table] == [(2, "甲公司", "CN"), (3, "乙公司", "")]


REAL = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "real"


@pytest.mark.skipif(not REAL.exists(), reason="real evaluation data not present")
def test_real_supplier_lists() -> None:
    nike = open_table(REAL / "nike_factory_list_2021" / "nike_factories.csv")
    assert nike.mapping["name"] == "Factory Name" and nike.mapping["country"] == "Country/Region"
    assert sum(1 for _ in nike) == 498
    szse = open_table(REAL / "cn_listed_company_names" / "szse_a_share_list_2025-12.xlsx")
    first = next(iter(szse))
    assert (first.field("name"), first.values["A股代码"]) == ("平安银行股份有限公司", "000001")

"""The fictional supplier list (CSV and XLSX) and its known answers."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from typing import Any

import pytest
from openpyxl import load_workbook
from stdnum.cn import uscc

from labortrace.demo import DemoFiles
from labortrace.demo._tables import XINJIANG_PLACES

HEADERS = ["Vendor No.", "Supplier Name / 供应商名称", "Addr.", "Country/Region", "USCC", "Category",
           "Annual spend (USD)"]
#: Every way the demo writes a Xinjiang place: Han, English exonym, pinyin.
XINJIANG_TERMS = [t for p in XINJIANG_PLACES for t in (p.han, p.english, "".join(p.pinyin))] + ["Hetian", "Akesu"]


def _csv_cells(demo: DemoFiles) -> list[list[str]]:
    text = demo.suppliers_csv.read_bytes().decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline="")))


def _rows(demo: DemoFiles) -> list[dict[str, str]]:
    cells = _csv_cells(demo)
    return [dict(zip(cells[1], row, strict=True)) for row in cells[2:]]


def _xinjiang_signal(row: dict[str, str]) -> bool:
    text = f"{row['Supplier Name / 供应商名称']} {row['Addr.']}".lower()
    return any(term.lower() in text for term in XINJIANG_TERMS) or row["USCC"][2:4] == "65"


def test_csv_is_utf8_with_bom_title_row_and_header(demo: DemoFiles) -> None:
    raw = demo.suppliers_csv.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    cells = _csv_cells(demo)
    assert "FICTIONAL" in cells[0][0]
    assert cells[1] == HEADERS
    assert {len(row) for row in cells} == {len(HEADERS)}
    assert len(cells) - 2 == 40


def test_xlsx_rows_equal_csv_rows(demo: DemoFiles) -> None:
    workbook = load_workbook(demo.suppliers_xlsx, read_only=True)
    sheet = workbook.active
    assert sheet is not None
    xlsx = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    workbook.close()
    assert xlsx == _csv_cells(demo)


def test_expected_covers_every_data_row(demo: DemoFiles, expected: dict[str, Any]) -> None:
    rows = _rows(demo)
    answers = expected["rows"]
    assert [a["row"] for a in answers] == list(range(1, len(rows) + 1))
    for answer, row in zip(answers, rows, strict=True):
        assert answer["name"] == row["Supplier Name / 供应商名称"]
        assert answer["vendor"] == row["Vendor No."]
        assert answer["note"]


def test_level_counts_are_as_documented(expected: dict[str, Any]) -> None:
    counts = Counter(a["level"] for a in expected["rows"])
    assert counts == {"high": 8, "elevated": 8, "review": 5, "none": 19}
    assert expected["counts"] == dict(counts)
    assert set(expected["levels"]) == set(counts)


def test_entity_ids_exist_in_the_named_dataset(
    expected: dict[str, Any], entities: dict[str, list[dict[str, Any]]]
) -> None:
    ids = {name: {e["id"] for e in group} for name, group in entities.items()}
    for answer in expected["rows"]:
        if answer["entity_id"] is None:
            assert answer["dataset"] is None
        else:
            assert answer["entity_id"] in ids[answer["dataset"]], answer
        if answer["level"] == "high":
            assert answer["dataset"] == "demo_forced_labour_list"
        if answer["level"] == "review" and answer["name"]:
            assert answer["dataset"] in ("demo_forced_labour_list", "demo_research")


def test_high_rows_with_a_uscc_carry_the_listed_one(demo: DemoFiles, expected: dict[str, Any],
                                                    entities: dict[str, list[dict[str, Any]]]) -> None:
    by_id = {e["id"]: e for e in entities["demo_forced_labour_list"]}
    pairs = zip(expected["rows"], _rows(demo), strict=True)
    with_uscc = [(a, r) for a, r in pairs if a["level"] == "high" and r["USCC"]]
    assert with_uscc
    for answer, row in with_uscc:
        assert by_id[answer["entity_id"]]["properties"]["uscCode"] == [row["USCC"]]


def test_every_uscc_in_the_list_is_valid(demo: DemoFiles) -> None:
    codes = [r["USCC"] for r in _rows(demo) if r["USCC"]]
    assert len(codes) >= 3 and all(uscc.is_valid(c) for c in codes)


def test_elevated_rows_have_a_research_match_or_a_xinjiang_signal(demo: DemoFiles, expected: dict[str, Any]) -> None:
    reasons: Counter[str] = Counter()
    for answer, row in zip(expected["rows"], _rows(demo), strict=True):
        if answer["level"] == "elevated":
            research = answer["dataset"] == "demo_research"
            assert research or _xinjiang_signal(row), answer
            reasons["research" if research else "region"] += 1
    assert reasons == {"research": 4, "region": 4}


@pytest.mark.parametrize("level", ["none", "review"])
def test_none_and_review_rows_carry_no_xinjiang_signal(demo: DemoFiles, expected: dict[str, Any], level: str) -> None:
    for answer, row in zip(expected["rows"], _rows(demo), strict=True):
        if answer["level"] == level:
            assert not _xinjiang_signal(row), answer


def test_the_list_is_messy_like_a_real_export(demo: DemoFiles) -> None:
    names = [r["Supplier Name / 供应商名称"] for r in _rows(demo)]
    assert "" in names
    assert any(re.search("[\uff01-\uff5e]", n) for n in names)  # full-width forms
    assert any(re.fullmatch("[\u4e00-\u9fff（）]+", n) for n in names)  # Han only
    assert any(n.isupper() for n in names)
    assert any(n.endswith(("Co Ltd", "Ltd.")) for n in names)
    no_address_xinjiang_uscc = [r for r in _rows(demo) if r["USCC"].startswith("9165") and not r["Addr."]]
    assert no_address_xinjiang_uscc

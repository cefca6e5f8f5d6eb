"""The demo's accused companies must not carry real company names (checked when real data is present)."""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

import pytest
from pypinyin import lazy_pinyin

from labortrace.demo._tables import INDUSTRIES, PLACES

REAL = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "real"
REGISTRATIONS = REAL / "cn_enterprise_registration_2019_sample"
LISTED = REAL / "cn_listed_company_names"

pytestmark = pytest.mark.skipif(not (REGISTRATIONS.is_dir() and LISTED.is_dir()), reason="real name data absent")


def _column(path: Path, *columns: str) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [row[c] for row in csv.DictReader(handle) for c in columns if row.get(c)]


@pytest.fixture(scope="module")
def real_names() -> tuple[str, str, list[str]]:
    han = [n for p in sorted(REGISTRATIONS.glob("*.csv")) for n in _column(p, "企业名称")]
    han += _column(LISTED / "szse_a_share_list_2025-12.csv", "公司全称")
    short = _column(LISTED / "szse_a_share_list_2025-12.csv", "A股简称")
    short += _column(LISTED / "sse_main_board_GPLIST_2025-12.csv", "证券简称", "扩位证券简称")
    english = _column(LISTED / "szse_a_share_list_2025-12.csv", "英文名称")
    english += _column(LISTED / "sse_main_board_GPLIST_2025-12.csv", "公司英文全称")
    return "\n".join(han), "\n".join(english).lower(), short


def _parts(han: str) -> tuple[str, str, str]:
    place = next(p for p in sorted(PLACES, key=lambda p: -len(p.han)) if han.startswith(p.han))
    rest = han[len(place.han) :]
    industry = next(i for i in INDUSTRIES.values() if rest[2:].startswith(i.han))
    return place.han, rest[:2], industry.han


def test_accused_companies_share_no_brand_with_real_names(
    entities: dict[str, list[dict[str, Any]]], real_names: tuple[str, str, list[str]]
) -> None:
    han_blob, english_blob, short = real_names
    accused = entities["demo_forced_labour_list"] + entities["demo_research"]
    for entity in accused:
        han = next(v for v in entity["properties"]["name"] + entity["properties"].get("alias", [])
                   if re.match("[\u4e00-\u9fff]", v))
        place, brand, industry = _parts(han)
        assert place + brand not in han_blob and brand + industry not in han_blob, entity["id"]
        assert not any(s.startswith(brand) for s in short), entity["id"]
        assert not re.search(rf"\b{''.join(lazy_pinyin(brand))}\b", english_blob), entity["id"]
        english = re.sub(r"\W", " ", entity["properties"]["name"][0]).lower()
        assert english not in english_blob, entity["id"]

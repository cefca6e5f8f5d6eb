"""Counting registrations by period, region and product."""

from __future__ import annotations

from pathlib import Path
import xml.etree.ElementTree as ET

import pytest

from labortrace.errors import ConfigError
from labortrace.registries import chart_svg, count_registrations, write_chart
from labortrace.store import StoredEntity

MONTHS = ["2019-11", "2019-12", "2020-01", "2020-02", "2020-03", "2020-04", "2020-05"]


def test_masks_in_xinjiang_by_month_without_gaps(registry: list[StoredEntity]) -> None:
    counts = count_registrations(registry, product="mask", region="Xinjiang", by="month")
    assert counts.periods == MONTHS
    assert counts.rows == [(m, "Xinjiang", n) for m, n in zip(MONTHS, [1, 0, 0, 2, 0, 0, 1])]
    assert counts.total == 4  # the mask-machine maker and the 不含口罩 tailor are not mask makers
    assert counts.undated == 1
    assert counts.title() == "Mask registrations per month, Xinjiang"


@pytest.mark.parametrize("region", ["Xinjiang", "新疆", "新疆维吾尔自治区", "Xinjiang Uyghur Autonomous Region", "xinjiang"])
def test_region_in_any_script_gives_the_same_counts(registry: list[StoredEntity], region: str) -> None:
    assert count_registrations(registry, product="mask", region=region).total == 4


def test_prefecture_filter_and_product_terms(registry: list[StoredEntity]) -> None:
    for region in ("Kashgar", "喀什", "Kashi"):
        assert count_registrations(registry, product="口罩", region=region).rows == [("2020-02", "Kashgar Prefecture", 2)]
    assert count_registrations(registry, product="mask_machinery").total == 1


def test_without_region_counts_each_province(registry: list[StoredEntity]) -> None:
    counts = count_registrations(registry, product="mask", by="quarter")
    assert counts.regions == ["Xinjiang", "Guangdong"]
    assert counts.series("Xinjiang") == [1, 2, 1] and counts.series("Guangdong") == [0, 1, 0]
    assert counts.periods == ["2019-Q4", "2020-Q1", "2020-Q2"]
    everything = count_registrations(registry, by="year")
    assert everything.rows == [("2019", "Xinjiang", 1), ("2019", "Guangdong", 0), ("2019", "Zhejiang", 0),
                               ("2020", "Xinjiang", 5), ("2020", "Guangdong", 1), ("2020", "Zhejiang", 1)]


def test_cumulative_and_companies(registry: list[StoredEntity]) -> None:
    cumulative = count_registrations(registry, product="mask", region="新疆", cumulative=True)
    assert [c for _, _, c in cumulative.rows] == [1, 1, 1, 3, 3, 3, 4]
    companies = count_registrations(registry, product="mask", region="新疆", companies=True)
    assert companies.total == 3  # the second licence of the Tianshan company counts no second company
    assert companies.periods == MONTHS[:4]


def test_uscc_decides_when_the_address_names_another_province() -> None:
    entity = {"schema": "Company", "properties": {
        "name": ["示例贸易有限公司"], "address": ["北京市朝阳区示例路1号"],
        "uscCode": ["91650102MA0000001X"], "incorporationDate": ["2020-01-02"]}}
    from tests.registries.conftest import uscc

    entity["properties"]["uscCode"] = [uscc("650102")]
    assert count_registrations([entity]).regions == ["Xinjiang"]
    entity["properties"].pop("uscCode")
    assert count_registrations([entity]).regions == ["Beijing"]


def test_non_legal_entities_are_ignored() -> None:
    rows = [{"schema": "Ownership", "properties": {"startDate": ["2020-01-01"]}},
            {"schema": "Person", "properties": {"name": ["A"], "birthDate": ["1980-01-01"]}}]
    assert count_registrations(rows).total == 0


@pytest.mark.parametrize(("option", "value"), [("product", "bananas"), ("region", "Atlantis"), ("by", "week")])
def test_bad_options_say_what_to_use(registry: list[StoredEntity], option: str, value: str) -> None:
    with pytest.raises(ConfigError, match=value):
        count_registrations(registry, **{option: value})  # type: ignore[arg-type]


def test_csv_png_and_svg(registry: list[StoredEntity], tmp_path: Path) -> None:
    counts = count_registrations(registry, product="mask")
    csv_text = counts.to_csv(tmp_path / "c.csv").read_text(encoding="utf-8-sig")
    assert csv_text.splitlines()[:3] == ["period,region,count", "2019-11,Xinjiang,1", "2019-11,Guangdong,0"]
    png = write_chart(counts, tmp_path / "out" / "chart.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = ET.fromstring(chart_svg(counts))
    assert svg.tag == "svg" and len(svg.findall("polyline")) == 2
    assert chart_svg(counts) == chart_svg(counts)

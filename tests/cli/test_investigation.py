"""`labortrace demo --scenario investigation`: the 2020 PPE investigation's shape, end to end, as a real process."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.cli.test_cli import run


@pytest.fixture(scope="module")
def investigation(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any, str]:
    out = tmp_path_factory.mktemp("investigation")
    res = run("demo", "--scenario", "investigation", "--out", str(out), db=f"sqlite:///{out / 'unused.db'}", cwd=out)
    assert res.returncode == 0, res.stderr
    expected = json.loads((out / "data" / "expected.json").read_text(encoding="utf-8"))
    return out, expected, res.stdout


def test_registrations_rise_from_4_to_51_by_june_2020(investigation: tuple[Path, Any, str]) -> None:
    out, expected, _ = investigation
    assert expected["xinjiang_mask_makers_before_2020"] == 4 and expected["xinjiang_mask_makers_by_2020_06_30"] == 51
    # an independent count over the generated registry file: Xinjiang address, masks in the business scope
    # ('服装加工（不含口罩）', garments excluding masks, is no mask maker: labortrace must leave those out too)
    with (out / "data" / "mask_registrations.csv").open(encoding="utf-8") as fh:
        xinjiang = [r for r in csv.DictReader(fh) if r["住所"].startswith("新疆")]
    rows = [r for r in xinjiang if "口罩" in r["经营范围"] and "不含口罩" not in r["经营范围"]]
    assert any("不含口罩" in r["经营范围"] for r in xinjiang)
    def by(day: date) -> int:
        return sum(1 for r in rows if date.fromisoformat(r["成立日期"]) <= day)
    assert (by(date(2019, 12, 31)), by(date(2020, 6, 30))) == (4, 51)
    with (out / "results" / "registrations.csv").open(encoding="utf-8-sig") as fh:
        counted = {r["period"]: int(r["cumulative_count"]) for r in csv.DictReader(fh) if r["region"] == "Xinjiang"}
    assert (counted["2019-12"], counted["2020-06"]) == (4, 51)
    assert counted["2020-12"] == expected["xinjiang_mask_makers_by_2020_12_31"]
    assert (out / "results" / "registrations.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_trace_from_the_us_buyer_reaches_the_listed_maker_through_hubei(investigation: tuple[Path, Any, str]) -> None:
    out, expected, stdout = investigation
    paths = json.loads((out / "results" / "trace.json").read_text(encoding="utf-8"))["paths"]
    routes = {tuple(n["caption"] for n in p["nodes"]): p for p in paths}
    def find(stems: list[str]) -> dict[str, Any]:
        (hit,) = [p for names, p in routes.items() if len(names) == 3 and all(s in n for s, n in zip(stems, names))]
        return hit
    listed, research = find(expected["path"]), find(expected["research_path"])
    assert listed["nodes"][-1]["risk"] == "high" and research["nodes"][-1]["risk"] == "elevated"
    first, second = listed["edges"]
    assert first["kind"] == second["kind"] == "shipment"
    assert first["evidence"][0]["hs_codes"] == ["630790"] and "Savannah, GA" in json.dumps(first["evidence"])
    assert "Upstream of the US buyer" in stdout and expected["path"][2] in stdout
    html = (out / "results" / "trace.html").read_text(encoding="utf-8")
    assert expected["path"][2] in html and "<script src" not in html


def test_screening_the_buyers_list_flags_the_intermediary_with_the_path(investigation: tuple[Path, Any, str]) -> None:
    out, expected, _ = investigation
    results = json.loads((out / "results" / "results.json").read_text(encoding="utf-8"))["results"]
    flagged, *others = results
    assert flagged["row"] == expected["flagged_supplier"]["row"]
    assert flagged["risk"]["level"] == "elevated"
    reason = next(r for r in flagged["risk"]["reasons"] if r.startswith("Upstream"))
    assert expected["flagged_supplier"]["reaches"] in reason and "shipment" in reason and "630790" in reason
    assert [r["risk"]["level"] for r in others] == ["none"] * len(others) and len(others) == 4
    assert "Upstream of" in (out / "results" / "report.html").read_text(encoding="utf-8")


def test_the_scenario_is_reproducible(tmp_path: Path) -> None:
    from labortrace.demo.investigation import generate_investigation

    one, two = generate_investigation(tmp_path / "a"), generate_investigation(tmp_path / "b")
    for name in ("registrations", "research", "forced_labour_list", "shipments", "suppliers", "expected"):
        assert getattr(one, name).read_bytes() == getattr(two, name).read_bytes()
    assert "FICTIONAL" in one.research.read_text(encoding="utf-8")

"""One company held by a registry (Han name, USCC) and a list (English name, same USCC): screening and traces
treat the two records as one company, and say which identifier joins them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from labortrace.graph import paths_json, render_text
from labortrace.matching.identity import IdentityPeers, strong
from labortrace.service import Workspace
from labortrace.store.judgements import Judgement
from tests.graph.conftest import write_ftm

USCC = "91653100MA78ABCD1X"
LISTED = [{"id": "lst-tianshan", "schema": "Company", "properties": {
    "name": ["Tianshan Cotton Processing Co., Ltd."], "registrationNumber": [USCC]}}]
REGISTRY = [
    {"id": "reg-tianshan", "schema": "Company", "properties": {
        "name": ["喀什天山棉业加工有限公司"], "registrationNumber": [USCC.lower()], "address": ["新疆喀什市"]}},
    {"id": "reg-short-a", "schema": "Company", "properties": {"name": ["Alpha Paper Co"], "registrationNumber": ["12"]}},
    {"id": "reg-short-b", "schema": "Company", "properties": {"name": ["Omega Steel Co"], "registrationNumber": ["12"]}},
]
SHIPMENTS = (
    "Bill of Lading Number,Arrival Date,Shipper Name,Consignee Name,Country of Origin,Description of Goods,HS Code\n"
    "BL1,2021-03-01,喀什天山棉业加工有限公司,Harbor Yarn Trading Ltd,China,Cotton yarn,520512\n"
    "BL2,2021-04-01,Harbor Yarn Trading Ltd,Lakeside Apparel Inc,China,Cotton yarn,520512\n"
)


@pytest.fixture
def ws(tmp_path: Path, db_url: str) -> Iterator[Workspace]:
    ws = Workspace(db_url)
    ws.load(write_ftm(tmp_path / "listed.ftm.json", LISTED), dataset="listed", kind="forced_labour_list")
    ws.load(write_ftm(tmp_path / "registry.ftm.json", REGISTRY), dataset="registry", kind="registry")
    yield ws
    ws.close()


def test_only_long_identifiers_with_digits_join_records() -> None:
    assert strong("91653100MA78ABCD1X") and strong("12345678")
    assert not strong("12") and not strong("ABCDEFGHIJ") and not strong("1234567")


def test_peers_are_found_by_a_shared_strong_identifier_only(ws: Workspace) -> None:
    peers = IdentityPeers(ws.index())
    assert peers("reg-tianshan") == [("lst-tianshan", USCC)]
    assert peers("lst-tianshan") == [("reg-tianshan", USCC)]
    assert peers("reg-short-a") == []  # '12' is shared, but no company is known by it
    assert peers("no-such-entity") == []


def _screen(ws: Workspace, tmp_path: Path) -> tuple[str, tuple[str, ...], list[str]]:
    suppliers = tmp_path / "suppliers.csv"
    suppliers.write_text("Supplier\n喀什天山棉业加工有限公司\n", encoding="utf-8")
    (result,) = ws.screen(suppliers).results
    return result.risk.level, result.risk.reasons, [m.entity_id for m in result.matches]


def test_a_supplier_matching_the_registry_record_is_the_listed_company(ws: Workspace, tmp_path: Path) -> None:
    level, reasons, matched = _screen(ws, tmp_path)
    assert matched[:2] == ["lst-tianshan", "reg-tianshan"] or matched[:2] == ["reg-tianshan", "lst-tianshan"]
    assert level == "high"
    assert any("Tianshan Cotton Processing" in r and "forced-labour list" in r for r in reasons)
    assert not any(r.startswith("Upstream") for r in reasons)  # the listed match says it; no path repeats it


def test_a_rejected_registry_match_brings_no_peer(ws: Workspace, tmp_path: Path) -> None:
    ws.judge(Judgement(query_name="喀什天山棉业加工有限公司", entity_id="reg-tianshan", judgement="reject",
                       reviewer="Ana", comment="another Tianshan"))
    level, _, matched = _screen(ws, tmp_path)
    assert "lst-tianshan" not in matched and "reg-tianshan" not in matched
    assert level != "high"


def test_a_trace_crosses_from_the_registry_record_to_the_listed_one_without_spending_a_tier(
        ws: Workspace, tmp_path: Path) -> None:
    bills = tmp_path / "bills.csv"
    bills.write_text(SHIPMENTS, encoding="utf-8")
    ws.load(bills, dataset="bills", kind="shipments")
    result = ws.trace(["Lakeside Apparel Inc"], depth=2)
    (path,) = [p for p in result.paths if p.target.id == "lst-tianshan"]
    assert [e.kind for e in path.edges] == ["shipment", "shipment", "same_identifier"]
    assert path.nodes[2].id == "reg-tianshan" and path.target.risk == "high"
    assert path.edges[-1].evidence == ({"type": "same_identifier", "identifier": USCC},)
    assert "is the same company as" in render_text([path]) and USCC in json.dumps(paths_json([path]))

"""A small workspace for graph tests: a forced-labour list, ownership links and a messy shipments file."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from labortrace.graph import ShipmentLoad, load_shipments, matcher_resolver
from labortrace.matching import Matcher
from labortrace.service import Workspace
from labortrace.sources.shipments import read_shipments
from labortrace.store import DatasetSpec, file_sha256

LISTED = [
    {"id": "hetian-taida", "schema": "Company", "properties": {
        "name": ["Hetian Taida Apparel Co., Ltd."], "alias": ["和田泰达服装有限公司"], "country": ["cn"]}},
    {"id": "xj-group", "schema": "Company", "properties": {"name": ["Xinjiang Production Group"]}},
]
LINKS = [
    {"id": "kashgar-cotton", "schema": "Company", "properties": {"name": ["Kashgar Cotton Textile Co"]}},
    {"id": "own-1", "schema": "Ownership", "properties": {
        "owner": ["xj-group"], "asset": ["kashgar-cotton"], "percentage": ["51%"], "startDate": ["2018-04-01"]}},
    {"id": "alpha", "schema": "Company", "properties": {"name": ["Alpha Holdings"]}},
    {"id": "beta", "schema": "Company", "properties": {"name": ["Beta Holdings"]}},
    {"id": "own-ab", "schema": "Ownership", "properties": {"owner": ["alpha"], "asset": ["beta"], "percentage": ["60"]}},
    {"id": "own-ba", "schema": "Ownership", "properties": {"owner": ["beta"], "asset": ["alpha"], "percentage": ["40"]}},
    {"id": "own-xb", "schema": "Ownership", "properties": {"owner": ["xj-group"], "asset": ["beta"], "percentage": ["5"]}},
]
SHIPMENTS = (
    "Shipments export, fictional,,,,,,,,,,\n"
    "Bill of Lading Number,Arrival Date,Shipper Name,Shipper Address,Consignee Name,Notify Party,"
    "Country of Origin,Port of Lading,Port of Unlading,Description of Goods,HS Code,Gross Weight\n"
    "BL001,15-Mar-2020,HETIAN TAIDA APPAREL CO LTD,Hotan,Gold Bridge Trading Ltd,,China,Shanghai,Savannah,"
    "Face masks,6307.90.98,\"12,500 KG\"\n"
    "BL002,2020/04/02,\"Hetian Taida Apparel Co., Ltd.\",,GOLD BRIDGE TRADING LIMITED,,China,Shanghai,Savannah,"
    "Protective clothing,6210 10 50,12.5 t\n"
    "BL003,04/20/2020,Gold Bridge Trading Limited,,Peach State Medical Supply Inc,,China,Busan,Savannah,"
    "Face masks,6307.90,2.5 t\n"
    "BL004,2020-05-01,GOLD BRIDGE TRADING LTD.,,\"Peach State Medical Supply, Inc.\",,China,Busan,Savannah,"
    "Face masks,630790,12 lb\n"
    "BL005,not a date,,,Peach State Medical Supply Inc,,China,Busan,Savannah,Gloves,ABC,100\n"
    "BL006,2020-06-01,,,,,China,,,,,\n"
    "BL007,2020-06-02,Nordic Timber AB,,Peach State Medical Supply Inc,,Sweden,Gothenburg,Savannah,"
    "Timber,44.07,800 lb\n"
)


def write_ftm(path: Path, lines: list[dict[str, Any]]) -> Path:
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    return path


def load_file(ws: Workspace, path: Path, dataset: str, kind: str) -> ShipmentLoad:
    """Load a shipments file the way the lead's `labortrace load --kind shipments` will."""
    spec = DatasetSpec(dataset, kind, f"v-{file_sha256(path)[:8]}", str(path), file_sha256(path))
    resolve = matcher_resolver(Matcher(ws.index()))
    return load_shipments(ws.store, spec, read_shipments(path), resolve)[1]


@pytest.fixture
def world(tmp_path: Path, db_url: str) -> Iterator[Workspace]:
    ws = Workspace(db_url)
    ws.load(write_ftm(tmp_path / "listed.ftm.json", LISTED), dataset="listed", kind="forced_labour_list")
    ws.load(write_ftm(tmp_path / "links.ftm.json", LINKS), dataset="links", kind="user")
    shipments = tmp_path / "shipments.csv"
    shipments.write_text(SHIPMENTS, encoding="utf-8")
    load_file(ws, shipments, "ship", "shipments")
    yield ws
    ws.close()

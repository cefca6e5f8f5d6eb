"""`labortrace load --kind shipments` then `labortrace trace`, as real processes on a real workspace file."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_cli import run, write_list

SHIPMENTS = """Bill of Lading Export — FICTIONAL
Shipper,Consignee,Product Description,HS Code,Arrival Date,Gross Weight,Country of Origin
XINJIANG ZHONGTAI CHEMICAL CO LTD,Wuhan Hengda Trading Co Ltd,PVC resin,3904.10,2020-03-01,"12,500 KG",CN
新疆中泰化学股份有限公司,WUHAN HENGDA TRADING CO.,PVC resin,3904 10,01/04/2020,11 t,CN
Wuhan Hengda Trading Co Ltd,Peachtree Gloves Inc,nitrile gloves,4015.19,2020-06-30,800 kg,CN
"""


def _load_list_and_shipments(tmp_path: Path, db_url: str) -> None:
    assert run("load", str(write_list(tmp_path / "l.ftm.json")), "--dataset", "us_dhs_uflpa", db=db_url,
               cwd=tmp_path).returncode == 0
    bol = tmp_path / "bol.csv"
    bol.write_text(SHIPMENTS, encoding="utf-8")
    res = run("load", str(bol), "--dataset", "bol", "--kind", "shipments", db=db_url, cwd=tmp_path)
    assert res.returncode == 0, res.stderr


def test_shipments_load_and_trace_to_the_listed_maker(tmp_path: Path, db_url: str) -> None:
    _load_list_and_shipments(tmp_path, db_url)
    res = run("trace", "Peachtree Gloves", "--depth", "2", "--format", "json", db=db_url, cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    paths = json.loads(res.stdout)["paths"]
    assert paths, res.stdout
    nodes = paths[0]["nodes"]
    assert nodes[-1]["id"] == "zt" and nodes[-1]["risk"] == "high"
    assert len(nodes) == 3  # buyer, one intermediary (two spellings resolved to one node), the listed maker
    evidence = json.dumps(paths[0]["edges"], ensure_ascii=False)
    assert "390410" in evidence and "401519" in evidence
    res = run("trace", "Peachtree Gloves", "--depth", "1", "--format", "json", db=db_url, cwd=tmp_path)
    assert json.loads(res.stdout)["paths"] == []


def test_screening_flags_the_intermediary_with_the_path(tmp_path: Path, db_url: str) -> None:
    _load_list_and_shipments(tmp_path, db_url)
    suppliers = tmp_path / "suppliers.csv"
    suppliers.write_text("Supplier Name\nWuhan Hengda Trading Company Limited\nNordic Timber AB\n", encoding="utf-8")
    res = run("screen", str(suppliers), "--out", str(tmp_path / "out"), db=db_url, cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    hengda, nordic = json.loads((tmp_path / "out" / "results.json").read_text(encoding="utf-8"))["results"]
    assert hengda["risk"]["level"] == "elevated"
    reason = next(r for r in hengda["risk"]["reasons"] if r.startswith("Upstream"))
    assert "Xinjiang Zhongtai Chemical" in reason and "shipment" in reason and "390410" in reason
    assert nordic["risk"]["level"] == "none"
    assert "Upstream of" in (tmp_path / "out" / "report.html").read_text(encoding="utf-8")


def test_trace_from_every_supplier_of_a_list(tmp_path: Path, db_url: str) -> None:
    _load_list_and_shipments(tmp_path, db_url)
    suppliers = tmp_path / "suppliers.csv"
    suppliers.write_text("Vendor;Land\nPeachtree Gloves Inc;US\nWuhan Hengda Trading Company Limited;CN\n"
                         "Nordic Timber AB;SE\n", encoding="utf-8")
    res = run("trace", "--suppliers", str(suppliers), "--format", "json", db=db_url, cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    doc = json.loads(res.stdout)
    buyer, hengda, nordic = doc["suppliers"]
    assert (buyer["row"], buyer["name"]) == (1, "Peachtree Gloves Inc")
    assert [n["id"] for n in buyer["paths"][0]["nodes"]][-1] == "zt" and len(buyer["paths"][0]["nodes"]) == 3
    assert [len(p["nodes"]) for p in hengda["paths"]] == [2]  # the intermediary is one step from the maker
    assert nordic["starts"] == [] and nordic["paths"] == []
    assert len(doc["paths"]) == 2  # every supplier's paths, each once
    text = run("trace", "--suppliers", str(suppliers), db=db_url, cwd=tmp_path).stdout
    assert "3 suppliers" in text and "2 reach an entity with risk" in text
    assert "Row 3: Nordic Timber AB -> no entity in the workspace" in text
    both = run("trace", "Peachtree", "--suppliers", str(suppliers), db=db_url, cwd=tmp_path)
    assert both.returncode == 2 and "not both" in both.stderr

"""What keeps a trace fast on millions of shipments: tiers read together, shortest paths first, parties once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from labortrace.graph import RiskLevels, build, trace
from labortrace.graph.shipments import _Parties
from labortrace.service import Workspace
from tests.graph.conftest import load_file, write_ftm

HEADER = "Shipper,Consignee,Product Description,HS Code,Arrival Date,Gross Weight\n"


def _world(tmp_path: Path, db_url: str) -> Workspace:
    """A buyer with five listed suppliers (one tier up) and, behind an intermediary, three more (two tiers)."""
    ws = Workspace(db_url)
    listed = [{"id": f"maker-{i}", "schema": "Company", "properties": {"name": [f"Listed Maker Number {w} Ltd"]}}
              for i, w in enumerate(("One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight"))]
    ws.load(write_ftm(tmp_path / "list.ftm.json", listed), dataset="fl", kind="forced_labour_list")
    rows = [f"Listed Maker Number {w} Ltd,Harbor Buyer Inc,masks,6307.90,2020-0{1 + k % 9}-01,1 t"
            for k, w in enumerate(("One", "Two", "Three", "Four", "Five"))]
    rows += [f"Listed Maker Number {w} Ltd,Bridge Middleman Trading Co,masks,6307.90,2020-02-0{k + 1},2 t"
             for k, w in enumerate(("Six", "Seven", "Eight"))]
    rows += [f"Bridge Middleman Trading Co,Harbor Buyer Inc,masks,6307.90,2020-0{m}-15,{m} t" for m in range(3, 9)]
    (tmp_path / "bol.csv").write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    load_file(ws, tmp_path / "bol.csv", "bol", "shipments")
    return ws


def _buyer(ws: Workspace) -> str:
    from labortrace.graph.parties import party_id
    return party_id("Harbor Buyer Inc")


def test_a_limit_keeps_the_shortest_paths(tmp_path: Path, db_url: str) -> None:
    ws = _world(tmp_path, db_url)
    graph, risky = build(ws.store), RiskLevels(ws.store)
    every = trace(graph, [_buyer(ws)], risky, depth=2)
    assert sorted(len(p.edges) for p in every) == [1] * 5 + [2] * 3
    first = trace(build(ws.store), [_buyer(ws)], RiskLevels(ws.store), depth=2, limit=4)
    assert [len(p.edges) for p in first] == [1, 1, 1, 1]  # the five one-tier paths fill the limit: no second tier
    ws.close()


def test_edge_evidence_counts_every_shipment_and_lists_the_newest(tmp_path: Path, db_url: str) -> None:
    ws = _world(tmp_path, db_url)
    graph = build(ws.store)
    (path,) = [p for p in trace(graph, [_buyer(ws)], RiskLevels(ws.store), depth=2) if p.target.id == "maker-5"]
    to_buyer = path.edges[0]
    summary, *samples = to_buyer.evidence
    assert summary["count"] == 6 and summary["first_date"] == "2020-03-15" and summary["last_date"] == "2020-08-15"
    assert summary["weight_kg"] == 33000.0 and summary["hs_codes"] == ["630790"]
    assert [s["date"] for s in samples] == [f"2020-0{m}-15" for m in range(8, 2, -1)]  # newest first
    json.dumps(path.to_json())  # evidence is plain JSON
    ws.close()


def test_risk_levels_read_per_tier_only_count_the_asked_levels(tmp_path: Path, db_url: str) -> None:
    ws = _world(tmp_path, db_url)
    high_only = RiskLevels(ws.store, ("high",))
    high_only.prefetch(["maker-1", "nobody"])
    assert high_only.get("maker-1") == "high" and high_only.get("nobody") is None
    assert RiskLevels(ws.store, ("elevated",)).get("maker-1") is None
    ws.close()


def test_spellings_with_one_key_ask_the_matcher_once() -> None:
    asked: list[str] = []

    def resolve(name: str) -> str | None:
        asked.append(name)
        return None

    parties = _Parties("bol", resolve)
    ids = {parties.id(n, "CN") for n in ("Gold Bridge Trading Ltd", "GOLD BRIDGE TRADING LIMITED",
                                          "Gold Bridge Trading Co., Ltd.")}
    assert len(ids) == 1 and asked == ["Gold Bridge Trading Ltd"]
    (party,) = parties.new.entities()
    assert sorted(party.get("alias")) == ["GOLD BRIDGE TRADING LIMITED", "Gold Bridge Trading Co., Ltd."]


def _index_names(ws: Workspace) -> set[str]:
    from sqlalchemy import inspect

    return {i["name"] for i in inspect(ws.store.engine).get_indexes("shipments")}


def test_a_bulk_load_rebuilds_the_party_indexes_and_a_failed_one_keeps_them(tmp_path: Path, db_url: str) -> None:
    from labortrace.graph import load_shipments, matcher_resolver
    from labortrace.errors import InputError
    from labortrace.matching import Matcher
    from labortrace.sources.shipments import read_shipments
    from labortrace.store import DatasetSpec, file_sha256

    ws = _world(tmp_path, db_url)
    wanted = {"ix_shipments_consignee_shipper", "ix_shipments_edge"}
    path = tmp_path / "bol.csv"
    spec = DatasetSpec("bol", "shipments", "v-bulk", str(path), file_sha256(path))
    load_shipments(ws.store, spec, read_shipments(path), matcher_resolver(Matcher(ws.index())), bulk=True)
    assert wanted <= _index_names(ws)
    assert len(trace(build(ws.store), [_buyer(ws)], RiskLevels(ws.store), depth=2)) == 8
    broken = tmp_path / "broken.csv"
    broken.write_text(path.read_text(encoding="utf-8") + 'A,"B unclosed,C,D,E,F\n', encoding="utf-8")
    spec = DatasetSpec("bol", "shipments", "v-broken", str(broken), file_sha256(broken))
    with pytest.raises(InputError):  # the unclosed quote is found after every other row was inserted
        load_shipments(ws.store, spec, read_shipments(broken), matcher_resolver(Matcher(ws.index())), bulk=True)
    assert wanted <= _index_names(ws) and ws.store.dataset("bol").version == "v-bulk"
    assert len(trace(build(ws.store), [_buyer(ws)], RiskLevels(ws.store), depth=2)) == 8
    ws.close()


def test_a_new_spelling_finds_its_party_among_many_sharing_common_words() -> None:
    from labortrace.graph import NewParties

    parties = NewParties("bol")
    brands = ("Amber Birch Cobalt Dune Falcon Fjord Garnet Harbor Indigo Juniper Kestrel Lagoon Marble Nectar Onyx "
              "Pebble Quartz Raven Saffron Tundra Orchid Velvet Willow Xenon Yarrow Zephyr Quinetta Basalt Cinder "
              "Delta").split()
    first = {brand: parties.add(f"{brand} Textile Trading Co., Ltd.") for brand in brands}
    assert len(set(first.values())) == len(brands)  # thirty companies sharing 'textile trading'
    assert parties.add("QUINETTA TEXTILE TRADING CO LTD") == first["Quinetta"]
    assert parties.add("Quinetta Textil Trading Company") == first["Quinetta"]  # a slip, same company

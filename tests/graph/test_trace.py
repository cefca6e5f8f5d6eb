"""Tracing upstream: ownership to a listed owner, buyer -> intermediary -> listed maker, cycles, JSON shape."""

from __future__ import annotations

from followthemoney import model

from labortrace.graph import build, entity_risk, parse_share, party_id, paths_json, trace
from labortrace.service import Workspace
from labortrace.store import DatasetSpec

BUYER = party_id("Peach State Medical Supply Inc")
GOLD = party_id("Gold Bridge Trading Ltd")


def test_risk_comes_from_the_dataset_kind(world: Workspace) -> None:
    assert entity_risk(world.store) == {"hetian-taida": "high", "xj-group": "high"}


def test_ownership_path_to_a_listed_owner(world: Workspace) -> None:
    graph = build(world.store)
    (path,) = trace(graph, ["kashgar-cotton"], entity_risk(world.store), depth=1)
    assert [n.id for n in path.nodes] == ["kashgar-cotton", "xj-group"] and path.target.risk == "high"
    (edge,) = path.edges
    assert (edge.source, edge.target, edge.kind) == ("xj-group", "kashgar-cotton", "ownership")
    (evidence,) = edge.evidence
    assert evidence["share"] == "51%" and evidence["share_percent"] == 51.0
    assert (evidence["dataset"], evidence["link"], evidence["start_date"]) == ("links", "own-1", "2018-04-01")


def test_min_share_skips_small_known_stakes(world: Workspace) -> None:
    graph, risky = build(world.store), entity_risk(world.store)
    assert [p.nodes[-1].id for p in trace(graph, ["beta"], risky, depth=1)] == ["xj-group"]  # a 5% stake
    assert trace(graph, ["beta"], risky, depth=1, min_share=10) == []
    assert trace(graph, ["kashgar-cotton"], risky, depth=1, min_share=50) != []


def test_buyer_to_intermediary_to_listed_maker(world: Workspace) -> None:
    graph, risky = build(world.store), entity_risk(world.store)
    assert trace(graph, [BUYER], risky, depth=1) == []
    (path,) = trace(graph, [BUYER], risky, depth=2)
    assert [n.id for n in path.nodes] == [BUYER, GOLD, "hetian-taida"]
    assert [n.risk for n in path.nodes] == ["none", "none", "high"]
    last = path.edges[1]
    assert (last.source, last.target, last.kind) == ("hetian-taida", GOLD, "shipment")
    summary, *shipped = last.evidence
    assert summary["count"] == 2 and summary["hs_codes"] == ["621010", "630790"]
    assert (summary["first_date"], summary["last_date"]) == ("2020-03-15", "2020-04-02")
    assert [s["bill_of_lading"] for s in shipped] == ["BL002", "BL001"]  # newest first
    assert shipped[0]["product"] == "Protective clothing" and shipped[0]["id"]


def test_ownership_cycles_end(world: Workspace) -> None:
    graph, risky = build(world.store), entity_risk(world.store)
    paths = trace(graph, ["alpha"], risky, depth=10)
    # alpha <- beta <- alpha is a cycle: the only way out is beta's listed owner
    assert [[n.id for n in p.nodes] for p in paths] == [["alpha", "beta", "xj-group"]]
    assert trace(graph, ["alpha"], {}, depth=50) == []


def test_symmetric_links_are_walked_both_ways(world: Workspace) -> None:
    link = model.make_entity("Associate")
    link.id = "assoc-1"
    link.add("person", "hetian-taida")
    link.add("associate", "alpha")
    spec = DatasetSpec("assoc", "user", "1", "test", "0" * 64)
    world.store.replace_dataset(spec, [link])
    (path,) = [p for p in trace(build(world.store), ["alpha"], entity_risk(world.store), depth=1)]
    assert path.edges[0].kind == "associate" and path.target.id == "hetian-taida"


def test_shortest_first_and_json_shape(world: Workspace) -> None:
    graph, risky = build(world.store), entity_risk(world.store)
    paths = trace(graph, ["alpha", BUYER, "kashgar-cotton"], risky, depth=3)
    assert [len(p.edges) for p in paths] == sorted(len(p.edges) for p in paths)
    doc = paths_json(paths)
    assert set(doc) == {"paths"} and len(doc["paths"]) == 3
    for p in doc["paths"]:
        assert set(p) == {"nodes", "edges"}
        assert all(set(n) == {"id", "caption", "risk"} for n in p["nodes"])
        assert all(set(e) == {"source", "target", "kind", "evidence"} for e in p["edges"])
        assert len(p["edges"]) == len(p["nodes"]) - 1


def test_parse_share() -> None:
    assert parse_share(["51%"]) == 51.0 and parse_share(["33,3 %", "10"]) == 33.3 and parse_share(["most"]) is None

"""The workspace as a graph: FtM link entities and shipments as edges between entities.

Edges point the way the relation reads: owner -> asset, director -> organization, shipper -> consignee
(the way the goods go). Tracing walks them backwards, "upstream", from a buyer toward its suppliers,
their owners and the producers. The graph is a networkx MultiDiGraph keyed by kind: all Ownership
entities between one owner and one asset are one edge whose evidence lists each of them with its share,
dates and dataset; all shipments between two parties are one edge whose evidence summarises them and
lists the newest few. Nodes carry caption, schema and datasets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

import networkx as nx  # type: ignore[import-untyped]  # no stubs shipped; types-networkx not pinned

from labortrace.graph.shipments import shipment_rows
from labortrace.store import Store, StoredEntity

#: FtM link schema -> (source property, target property, edge kind).
LINKS: dict[str, tuple[str, str, str]] = {
    "Ownership": ("owner", "asset", "ownership"),
    "Directorship": ("director", "organization", "directorship"),
    "Membership": ("member", "organization", "membership"),
    "Employment": ("employee", "employer", "employment"),
    "Representation": ("agent", "client", "representation"),
    "Family": ("person", "relative", "family"),
    "Associate": ("person", "associate", "associate"),
    "UnknownLink": ("subject", "object", "link"),
}
#: Kinds without a direction that matters for risk: traced both ways.
SYMMETRIC = frozenset({"family", "associate", "link"})
SHIPMENT = "shipment"
#: Shipments listed one by one per edge; the summary counts them all.
MAX_SAMPLES = 10
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
SAMPLE_FIELDS = ("id", "dataset", "date", "product", "hs_code", "weight_kg", "origin_country",
                 "destination_country", "origin_port", "destination_port", "bill_of_lading", "shipper_name",
                 "consignee_name")


def parse_share(values: Iterable[str]) -> float | None:
    """The largest percentage among FtM `percentage` values ('51', '51.5%', '33,3 %'); None when none is readable."""
    found = [float(m.group().replace(",", ".")) for v in values if (m := _NUMBER.search(v))]
    return max(found) if found else None


def build(store: Store, *, shipments: bool = True) -> nx.MultiDiGraph:
    """The graph of every link entity in the workspace and, unless told not to, every shipment in force."""
    graph = nx.MultiDiGraph()
    captions: dict[str, tuple[str, str, list[str]]] = {}
    for ent in store.iter_entities():
        if ent.schema in LINKS:
            for source, target, evidence in _link_edges(ent):
                _add(graph, source, target, LINKS[ent.schema][2], evidence)
        else:
            _remember(captions, ent)
    if shipments:
        for source, target, evidence in _shipment_edges(store):
            _add(graph, source, target, SHIPMENT, evidence)
    for node, attrs in graph.nodes(data=True):
        caption, schema, datasets = captions.get(node, (node, "", []))
        attrs.update(caption=caption, schema=schema, datasets=datasets)
    return graph


def _remember(captions: dict[str, tuple[str, str, list[str]]], ent: StoredEntity) -> None:
    known = captions.get(ent.id)
    if known is None:
        captions[ent.id] = (ent.caption or ent.id, ent.schema, [ent.dataset])
    elif ent.dataset not in known[2]:
        known[2].append(ent.dataset)


def _add(graph: nx.MultiDiGraph, source: str, target: str, kind: str, evidence: list[dict[str, Any]]) -> None:
    if graph.has_edge(source, target, key=kind):
        data = graph.edges[source, target, kind]
        data["evidence"].extend(evidence)
    else:
        graph.add_edge(source, target, key=kind, kind=kind, evidence=list(evidence), share=None)
        data = graph.edges[source, target, kind]
    shares = [e["share_percent"] for e in data["evidence"] if e.get("share_percent") is not None]
    data["share"] = max(shares) if shares else None


def _link_edges(ent: StoredEntity) -> Iterator[tuple[str, str, list[dict[str, Any]]]]:
    """One edge per (source, target) pair a link entity names (FtM allows several of each)."""
    src_prop, dst_prop, kind = LINKS[ent.schema]
    props = ent.properties
    evidence: dict[str, Any] = {"type": kind, "link": ent.id, "dataset": ent.dataset}
    if ent.schema == "Ownership":
        evidence["share"] = "; ".join(props.get("percentage", [])) or None
        evidence["share_percent"] = parse_share(props.get("percentage", []))
    for key, prop in (("role", "role"), ("start_date", "startDate"), ("end_date", "endDate"),
                      ("relationship", "relationship")):
        if props.get(prop):
            evidence[key] = "; ".join(props[prop])
    for source in props.get(src_prop, []):
        for target in props.get(dst_prop, []):
            if source != target:
                yield source, target, [evidence]


def _shipment_edges(store: Store) -> Iterator[tuple[str, str, list[dict[str, Any]]]]:
    """Shipments grouped by (shipper, consignee): a summary first, then the newest MAX_SAMPLES shipments."""
    pair: tuple[str, str] | None = None
    rows: list[dict[str, Any]] = []
    for row in shipment_rows(store.engine):
        key = (row["shipper_entity"], row["consignee_entity"])
        if key != pair and rows and pair is not None:
            yield pair[0], pair[1], _summarise(rows)
            rows = []
        pair = key
        rows.append(row)
    if rows and pair is not None:
        yield pair[0], pair[1], _summarise(rows)


def _summarise(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    dates = sorted(r["date"] for r in rows if r["date"])
    summary: dict[str, Any] = {
        "type": "shipments",
        "count": len(rows),
        "datasets": sorted({r["dataset"] for r in rows}),
        "first_date": dates[0] if dates else None,
        "last_date": dates[-1] if dates else None,
        "hs_codes": sorted({c for r in rows for c in (r["hs_code"] or "").split()}),
        "products": _distinct(r["product"] for r in rows)[:5],
        "weight_kg": round(sum(r["weight_kg"] or 0.0 for r in rows), 3),
    }
    samples = [{"type": SHIPMENT, **{k: r[k] for k in SAMPLE_FIELDS if r[k] is not None}} for r in rows[:MAX_SAMPLES]]
    return [summary, *samples]


def _distinct(values: Iterable[str | None]) -> list[str]:
    out: list[str] = []
    for v in values:
        if v and v not in out:
            out.append(v)
    return out

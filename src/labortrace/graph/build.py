"""The workspace as a graph: FtM link entities and shipments as edges between entities, read as a trace needs them.

Edges point the way the relation reads: owner -> asset, director -> organization, shipper -> consignee
(the way the goods go). Tracing walks them backwards, "upstream", from a buyer toward its suppliers,
their owners and the producers. Link entities are few and are read into a networkx MultiDiGraph keyed by kind
when the graph is opened: all Ownership entities between one owner and one asset are one edge whose evidence
lists each of them with its share, dates and dataset. Shipments may be tens of millions of rows, so they are
never read whole: the shippers of a node are looked up (one indexed query) when a trace reaches it, and the
evidence of a shipper -> consignee edge (a summary of all its shipments and the newest few) only for the
edges of the paths a trace returns.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import networkx as nx  # type: ignore[import-untyped]  # no stubs shipped; types-networkx not pinned

from labortrace.graph.shipments import live_batches, shipment_evidence, shippers_of_many
from labortrace.model import LINKS, SAME_IDENTIFIER, SHIPMENT
from labortrace.store import Store, StoredEntity

#: Kinds without a direction that matters for risk: traced both ways.
SYMMETRIC = frozenset({"family", "associate", "link"})
#: (peer id, shared identifier) pairs of an entity id.
Identities = Callable[[str], list[tuple[str, str]]]
#: Shipments listed one by one per edge; the summary counts them all.
MAX_SAMPLES = 10
#: Nodes whose shippers one query asks for (SQLite allows 32,766 parameters; PostgreSQL more).
PREFETCH_CHUNK = 500
#: One step upstream: (next node, relation source, relation target, kind).
Step = tuple[str, str, str, str]
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def parse_share(values: Iterable[str]) -> float | None:
    """The largest percentage among FtM `percentage` values ('51', '51.5%', '33,3 %'); None when none is readable."""
    found = [float(m.group().replace(",", ".")) for v in values if (m := _NUMBER.search(v))]
    return max(found) if found else None


def build(store: Store, *, shipments: bool = True, identities: Identities | None = None) -> WorkspaceGraph:
    """The workspace's graph: every link entity now, shipments (unless told not to) and entities sharing a strong
    identifier (when `identities` says which) as a trace reaches them."""
    return WorkspaceGraph(store, shipments=shipments, identities=identities)


class WorkspaceGraph:
    """Upstream steps, captions and edge evidence of the workspace's graph; shipments read on demand."""

    def __init__(self, store: Store, *, shipments: bool = True, identities: Identities | None = None) -> None:
        self.store = store
        self._identities = identities
        self.links = nx.MultiDiGraph()
        for ent in store.iter_entities(schemata=list(LINKS)):
            for source, target, evidence in _link_edges(ent):
                _add(self.links, source, target, LINKS[ent.schema][2], evidence)
        self.batches = live_batches(store.engine) if shipments else []
        self._shippers: dict[str, list[str]] = {}
        self._captions: dict[str, str] = {}
        self._evidence: dict[tuple[str, str], list[dict[str, Any]]] = {}

    def steps(self, node: str, min_share: float | None = None) -> list[Step]:
        """The edges a trace may follow from a node, sorted for a deterministic order: (next, source, target, kind)."""
        steps: set[Step] = set()
        if node in self.links:
            for source, _, kind, data in self.links.in_edges(node, keys=True, data=True):
                if (min_share is not None and kind == "ownership" and data["share"] is not None
                        and data["share"] < min_share):
                    continue  # a known share below the threshold; an unknown share is kept: it may be any size
                steps.add((source, source, node, kind))
            for _, target, kind in self.links.out_edges(node, keys=True):
                if kind in SYMMETRIC:
                    steps.add((target, node, target, kind))
        for shipper in self.shippers(node):
            steps.add((shipper, shipper, node, SHIPMENT))
        return sorted(steps)

    def same_as(self, node: str) -> list[Step]:
        """Steps to the entities that share a strong identifier with a node (peer -> node), sorted."""
        if self._identities is None:
            return []
        return [(peer, peer, node, SAME_IDENTIFIER) for peer, _ in self._identities(node)]

    def prefetch(self, nodes: Iterable[str]) -> None:
        """Read the shippers of many nodes at once (a trace's whole tier): one query per PREFETCH_CHUNK nodes."""
        todo = sorted({n for n in nodes if n not in self._shippers})
        if not self.batches or not todo:
            return
        for i in range(0, len(todo), PREFETCH_CHUNK):
            chunk = todo[i:i + PREFETCH_CHUNK]
            found = shippers_of_many(self.store.engine, self.batches, chunk)
            for node in chunk:
                self._shippers[node] = found.get(node, [])

    def shippers(self, consignee: str) -> list[str]:
        self.prefetch([consignee])
        return self._shippers.get(consignee, [])

    def caption(self, node: str) -> str:
        if node not in self._captions:
            stored = self.store.entity(node)
            self._captions[node] = (stored[0].caption if stored else "") or node
        return self._captions[node]

    def evidence(self, source: str, target: str, kind: str) -> list[dict[str, Any]]:
        """What an edge rests on: the link entities, or a summary of the shipments and the newest MAX_SAMPLES."""
        if kind == SAME_IDENTIFIER:  # the step from peer `source` to `target` (same_as)
            return [{"type": SAME_IDENTIFIER, "identifier": identifier}
                    for peer, identifier in (self._identities(target) if self._identities else []) if peer == source]
        if kind != SHIPMENT:
            return list(self.links.edges[source, target, kind]["evidence"])
        if (source, target) not in self._evidence:
            self._evidence[source, target] = shipment_evidence(self.store.engine, self.batches, source, target,
                                                               MAX_SAMPLES)
        return self._evidence[source, target]



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

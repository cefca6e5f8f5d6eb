"""Upstream paths from a buyer to entities with risk, shortest first, each edge with its evidence.

Upstream means against the relation: from a consignee to its shippers, from an asset to its owners, from an
organisation to its directors; family, associate and unknown links, and two records of one company (a shared
strong identifier), are walked both ways. A path never visits
a node twice (ownership cycles end there) and stops at the first risky entity it reaches: that entity is
what the path explains. Edges keep the direction of their relation (shipper -> consignee, owner -> asset),
so a path's edges may point against the order of its nodes, which run from the start to the risky entity.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from labortrace.graph.build import Step, WorkspaceGraph
from labortrace.graph.risk import TRACE_LEVELS
from labortrace.risk.rules import SEVERITY

DEFAULT_DEPTH = 2
#: Paths returned at most: beyond, a hub would make the answer unreadable and slow.
MAX_PATHS = 200


@dataclass(frozen=True)
class Node:
    id: str
    caption: str
    risk: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "caption": self.caption, "risk": self.risk}


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    kind: str
    evidence: tuple[dict[str, Any], ...]

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source, "target": self.target, "kind": self.kind, "evidence": list(self.evidence)}


@dataclass(frozen=True)
class Path:
    """Nodes from the start to a risky entity; edges[i] joins nodes[i] and nodes[i + 1]."""

    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]

    @property
    def target(self) -> Node:
        return self.nodes[-1]

    def to_json(self) -> dict[str, Any]:
        return {"nodes": [n.to_json() for n in self.nodes], "edges": [e.to_json() for e in self.edges]}


class RiskLookup(Protocol):
    def get(self, key: str, default: None = None, /) -> str | None: ...


#: Partial paths extended per tier at most: a hub with thousands of suppliers must not exhaust memory.
MAX_FRONTIER = 100_000


def trace(
    graph: WorkspaceGraph,
    start_ids: Iterable[str],
    risky: RiskLookup,
    depth: int = DEFAULT_DEPTH,
    *,
    min_share: float | None = None,
    limit: int = MAX_PATHS,
) -> list[Path]:
    """Upstream paths of at most `depth` tiers from each start to an entity whose level is high, elevated or review.

    A step between two entities sharing a strong identifier (`graph.same_as`: two records of one company) costs
    no tier, so a registry's record of a company reaches the list's record of it at any depth.

    Breadth first, one tier at a time: the shippers and risk levels of a whole tier are read in one go, and
    once a tier has brought the paths found to `limit`, longer paths are not looked for (shortest come first).
    """
    found: dict[tuple[str, ...], list[Step]] = {}
    frontier = _arrive(graph, risky, [([start], []) for start in dict.fromkeys(start_ids)], found)
    for _ in range(depth):
        if len(found) >= limit or not frontier:
            break
        graph.prefetch([nodes[-1] for nodes, _ in frontier])
        moves = [([*nodes, step[0]], [*taken, step]) for nodes, taken in frontier
                 for step in graph.steps(nodes[-1], min_share)
                 if step[0] not in nodes]  # a node already on the path closes a cycle: not followed
        frontier = _arrive(graph, risky, moves, found)
    order = sorted(found, key=lambda k: (len(found[k]), -SEVERITY.get(risky.get(k[len(found[k])]) or "none", 0),
                                         k[: len(found[k]) + 1], k[len(found[k]) + 1:]))
    return [_path(graph, risky, key, found[key]) for key in order[:limit]]


Partial = tuple[list[str], list[Step]]


def _arrive(graph: WorkspaceGraph, risky: RiskLookup, arrivals: list[Partial],
            found: dict[tuple[str, ...], list[Step]]) -> list[Partial]:
    """Sort paths that reached a node: those ending at a risky entity go into `found`; the others continue, as
    they are and through the node's identity peers (one company: no tier spent), as the next frontier."""
    onward = _settle(risky, arrivals, found)
    peers = [([*nodes, step[0]], [*taken, step]) for nodes, taken in onward
             for step in graph.same_as(nodes[-1]) if step[0] not in nodes]
    return (onward + _settle(risky, peers, found))[:MAX_FRONTIER]


def _settle(risky: RiskLookup, partials: list[Partial], found: dict[tuple[str, ...], list[Step]]) -> list[Partial]:
    """Put the paths that end at a risky entity into `found`; return the others."""
    _prefetch(risky, {nodes[-1] for nodes, _ in partials})
    rest: list[Partial] = []
    for nodes, taken in partials:
        if taken and risky.get(nodes[-1]) in TRACE_LEVELS:
            found.setdefault((*nodes, *(s[3] for s in taken)), taken)
        else:
            rest.append((nodes, taken))
    return rest


def _prefetch(risky: RiskLookup, ids: Iterable[str]) -> None:
    prefetch = getattr(risky, "prefetch", None)
    if prefetch is not None:
        prefetch(ids)


def _path(graph: WorkspaceGraph, risky: RiskLookup, key: tuple[str, ...], taken: list[Step]) -> Path:
    ids = key[: len(taken) + 1]
    nodes = tuple(Node(i, graph.caption(i), risky.get(i) or "none") for i in ids)
    edges = tuple(Edge(src, dst, kind, tuple(graph.evidence(src, dst, kind))) for _, src, dst, kind in taken)
    return Path(nodes, edges)


def paths_json(paths: Iterable[Path]) -> dict[str, Any]:
    """The JSON document of a trace: {"paths": [{"nodes": [...], "edges": [...]}]}."""
    return {"paths": [p.to_json() for p in paths]}

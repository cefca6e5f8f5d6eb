"""Trace from what a user types: an entity id, or a name the matcher resolves to entities."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from labortrace.errors import InputError
from labortrace.graph.build import build
from labortrace.graph.risk import RiskLevels
from labortrace.graph.trace import DEFAULT_DEPTH, Path, trace
from labortrace.matching import Matcher, MatchOptions, NameIndex
from labortrace.matching.identity import IdentityPeers
from labortrace.model import QueryRecord
from labortrace.store import Store


@dataclass(frozen=True)
class Start:
    """An entity a trace starts from, and why it was chosen."""

    id: str
    caption: str
    how: str  #: 'entity id' or the match explanation


@dataclass
class TraceResult:
    query: str
    depth: int
    starts: list[Start] = field(default_factory=list)
    paths: list[Path] = field(default_factory=list)
    row: int | None = None  #: the supplier list's data row, when the trace started from one


@dataclass
class ListTrace:
    """A trace from every supplier of a list: one result per supplier row, in file order."""

    source: str
    depth: int
    suppliers: list[TraceResult]

    @property
    def paths(self) -> list[Path]:
        """Every supplier's paths, each once (two suppliers matched to one entity share its paths)."""
        seen: dict[tuple[tuple[str, ...], tuple[str, ...]], Path] = {}
        for result in self.suppliers:
            for p in result.paths:
                seen.setdefault(((*(n.id for n in p.nodes),), (*(e.kind for e in p.edges),)), p)
        return list(seen.values())


def find_starts(store: Store, index: NameIndex, text: str, options: MatchOptions | None = None) -> list[Start]:
    """The entity with this id, else every entity the matcher matches the name to at its threshold."""
    stored = store.entity(text)
    if stored:
        return [Start(text, stored[0].caption, "entity id")]
    matcher = Matcher(index, options)
    found = matcher.match(QueryRecord(row=0, input={}, name=text))
    return [Start(m.entity_id, m.caption, m.explanation) for m in found if m.score >= matcher.options.threshold]


def trace_entities(
    store: Store,
    index: NameIndex,
    queries: Sequence[str],
    *,
    depth: int = DEFAULT_DEPTH,
    min_share: float | None = None,
    options: MatchOptions | None = None,
) -> TraceResult:
    """Upstream paths to risky entities from the entities the queries name; InputError when none is found."""
    if depth < 1:
        raise InputError(f"--depth must be 1 or more, not {depth}")
    starts = [s for q in queries for s in find_starts(store, index, q, options)]
    label = ", ".join(queries)
    if not starts:
        raise InputError(f"no entity in the workspace has the id or name {label!r}; "
                         "check the spelling or `labortrace evidence NAME` to see what matches")
    graph = build(store, identities=IdentityPeers(index))
    paths = trace(graph, [s.id for s in starts], RiskLevels(store), depth, min_share=min_share)
    return TraceResult(label, depth, starts, paths)


def trace_suppliers(
    store: Store,
    index: NameIndex,
    suppliers: Sequence[QueryRecord],
    source: str,
    *,
    depth: int = DEFAULT_DEPTH,
    min_share: float | None = None,
    options: MatchOptions | None = None,
) -> ListTrace:
    """Upstream paths from every supplier of a list: each is matched (as screening does) and traced from the
    entities it matches at the threshold; a supplier that matches nothing is listed with no start."""
    if depth < 1:
        raise InputError(f"--depth must be 1 or more, not {depth}")
    matcher = Matcher(index, options)
    found = matcher.match_all(list(suppliers))
    graph, risky = build(store, identities=IdentityPeers(index)), RiskLevels(store)
    results = []
    for supplier, matches in zip(suppliers, found):
        starts = [Start(m.entity_id, m.caption, m.explanation) for m in matches
                  if m.score >= matcher.options.threshold]
        paths = trace(graph, [s.id for s in starts], risky, depth, min_share=min_share) if starts else []
        results.append(TraceResult(supplier.name, depth, starts, paths, row=supplier.row))
    return ListTrace(source, depth, results)

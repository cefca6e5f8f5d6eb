"""Trace from what a user types: an entity id, or a name the matcher resolves to entities."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from labortrace.errors import InputError
from labortrace.graph.build import build
from labortrace.graph.risk import entity_risk
from labortrace.graph.trace import DEFAULT_DEPTH, Path, trace
from labortrace.matching import Matcher, MatchOptions, NameIndex
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
    graph = build(store)
    paths = trace(graph, [s.id for s in starts], entity_risk(store), depth, min_share=min_share)
    return TraceResult(label, depth, starts, paths)

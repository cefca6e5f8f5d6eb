"""The risk of a graph node from the datasets that hold it: the level a trace leads to.

An entity on a forced-labour list is `high`, one in a sanctions list or a research dataset `elevated`
(labortrace.risk.rules.list_level over KIND_LEVEL, the table screening's listed-entity rule uses too); the most
severe wins.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import Any

from sqlalchemy import Select, select

from labortrace.model import LINKS
from labortrace.risk.rules import KIND_LEVEL, list_level
from labortrace.store import Store
from labortrace.store import schema as s

#: Levels a trace looks for, most severe first.
TRACE_LEVELS = ("high", "elevated", "review")


def _risk_query(ids: Sequence[str] | None = None) -> Select[Any]:
    e, d = s.entities, s.datasets
    query = (select(e.c.id, d.c.kind).join(d, d.c.name == e.c.dataset)
             .where(d.c.kind.in_(list(KIND_LEVEL)), e.c.schema.not_in(list(LINKS))))
    return query if ids is None else query.where(e.c.id.in_(list(ids)))


def _levels(rows: Iterable[Any]) -> dict[str, str]:
    kinds: dict[str, list[str]] = {}
    for entity_id, kind in rows:
        kinds.setdefault(entity_id, []).append(kind)
    return {entity_id: level for entity_id, ks in kinds.items() if (level := list_level(ks)) is not None}


def entity_risk(store: Store) -> dict[str, str]:
    """Entity id -> level for every non-link entity in a dataset whose kind carries risk."""
    with store.engine.connect() as conn:
        return _levels(conn.execute(_risk_query()))


class RiskLevels:
    """The level of one entity at a time, asked of the store as a trace reaches it (a large list is never read
    whole); only the given levels count, the others read as none."""

    def __init__(self, store: Store, levels: Collection[str] = TRACE_LEVELS) -> None:
        self.store = store
        self.levels = frozenset(levels)
        self._known: dict[str, str | None] = {}

    def prefetch(self, ids: Iterable[str]) -> None:
        """Ask for many entities' levels at once (a trace's whole tier)."""
        todo = sorted({i for i in ids if i not in self._known})
        for start in range(0, len(todo), 500):
            chunk = todo[start:start + 500]
            with self.store.engine.connect() as conn:
                levels = _levels(conn.execute(_risk_query(chunk)))
            for key in chunk:
                level = levels.get(key)
                self._known[key] = level if level in self.levels else None

    def get(self, key: str, default: None = None, /) -> str | None:
        self.prefetch([key])
        return self._known[key]

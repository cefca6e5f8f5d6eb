"""The risk of a graph node from the datasets that hold it: the level a trace leads to.

A stand-in the lead will unify with the risk rules: an entity on a forced-labour list is `high`, one in a
sanctions list or a research dataset `elevated` (labortrace.risk.rules.KIND_LEVEL); the most severe wins.
"""

from __future__ import annotations

from sqlalchemy import select

from labortrace.graph.build import LINKS
from labortrace.risk.rules import KIND_LEVEL, SEVERITY
from labortrace.store import Store
from labortrace.store import schema as s

#: Levels a trace looks for, most severe first.
TRACE_LEVELS = ("high", "elevated", "review")


def entity_risk(store: Store) -> dict[str, str]:
    """Entity id -> level for every non-link entity in a dataset whose kind carries risk."""
    e, d = s.entities, s.datasets
    query = (select(e.c.id, d.c.kind).join(d, d.c.name == e.c.dataset)
             .where(d.c.kind.in_(list(KIND_LEVEL)), e.c.schema.not_in(list(LINKS))))
    levels: dict[str, str] = {}
    with store.engine.connect() as conn:
        for entity_id, kind in conn.execute(query):
            level = KIND_LEVEL[kind]
            if SEVERITY[level] > SEVERITY.get(levels.get(entity_id, "none"), 0):
                levels[entity_id] = level
    return levels

"""Reviewer judgements applied to a screening's matches, and evidence attached to them."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from labortrace.model import Match, QueryRecord
from labortrace.store.judgements import Judgement, decided, query_key


def add_confirmed(
    query: QueryRecord, matches: list[Match], judged: dict[tuple[str, str], Judgement], entities: dict[str, Any]
) -> list[Match]:
    """The matches plus every entity a reviewer confirmed for this supplier that the matcher did not propose."""
    have = {m.entity_id for m in matches}
    extra = [Match(e.id, e.caption, 1.0, tuple(e.datasets), "")
             for entity_id in decided(query.name, judged, "confirm")
             if entity_id not in have and (e := entities.get(entity_id))]
    return [*matches, *extra]


def apply_judgements(
    query: QueryRecord, matches: list[Match], judged: dict[tuple[str, str], Judgement]
) -> tuple[list[Match], list[tuple[Match, Judgement]]]:
    """Rejected pairs leave the matches; confirmed ones become certain; each says who decided and when."""
    if not query.name.strip():
        return matches, []
    key = query_key(query.name)
    kept: list[Match] = []
    rejected: list[tuple[Match, Judgement]] = []
    for m in matches:
        j = judged.get((key, m.entity_id))
        if j is None:
            kept.append(m)
        elif j.judgement == "reject":
            rejected.append((m, j))
        else:
            score = 1.0 if j.judgement == "confirm" else m.score
            note = f"Reviewer decision: {j.describe()}."
            kept.append(replace(m, score=score, judgement=j.judgement, decided=j.describe(),
                                explanation=f"{note} {m.explanation}".strip()))
    kept.sort(key=lambda m: (-m.score, m.entity_id))
    return kept, rejected


def attach_evidence(matches: list[Match], evidence: dict[str, list[dict[str, Any]]]) -> list[Match]:
    """Each match with the evidence held about its entity."""
    return [replace(m, evidence=tuple(evidence.get(m.entity_id, ()))) for m in matches]

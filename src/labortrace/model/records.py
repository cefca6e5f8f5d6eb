"""Records shared by sources, matching, risk and reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from collections.abc import Iterable, Mapping
from typing import Any

#: Kinds of dataset a workspace holds; risk rules read these.
DATASET_KINDS = ("forced_labour_list", "sanctions", "research", "registry", "shipments", "user")

#: Risk levels, most severe first.
RISK_LEVELS = ("high", "elevated", "review", "none")

#: Edge kinds besides the FtM links: a summary of shipments, and two records of one company (a shared strong
#: identifier, matching.identity).
SHIPMENT = "shipment"
SAME_IDENTIFIER = "same_identifier"

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


@dataclass(frozen=True)
class DatasetInfo:
    """One loaded version of a dataset."""

    name: str
    kind: str
    version: str
    source: str
    sha256: str
    loaded_at: datetime
    entity_count: int
    title: str | None = None
    license: str | None = None


@dataclass(frozen=True)
class QueryRecord:
    """One row of a supplier list, as the matcher sees it."""

    row: int  #: 1-based data row in the input file
    input: dict[str, str]  #: the original columns, untouched
    name: str  #: may be empty: reported, never dropped
    aliases: tuple[str, ...] = ()
    address: str = ""
    country: str = ""
    identifiers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Match:
    """A candidate reference entity for a query, with its score and why."""

    entity_id: str
    caption: str
    score: float
    datasets: tuple[str, ...]
    explanation: str
    features: dict[str, float] = field(default_factory=dict)
    query_name: str = ""
    matched_name: str = ""
    judgement: str | None = None  #: confirm / reject / unsure, when a reviewer decided
    decided: str = ""  #: who decided and when ('confirmed by Ana on 2026-11-23: same USCC')
    evidence: tuple[dict[str, Any], ...] = ()  #: claims about the entity from ingested documents, both sides


@dataclass(frozen=True)
class RiskAssessment:
    """A level and the sentences that justify it."""

    level: str
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class ScreeningResult:
    """The outcome for one query row."""

    query: QueryRecord
    risk: RiskAssessment
    matches: tuple[Match, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "row": self.query.row,
            "input": dict(self.query.input),
            "risk": {"level": self.risk.level, "reasons": list(self.risk.reasons)},
            "matches": [
                {
                    "entity_id": m.entity_id,
                    "caption": m.caption,
                    "score": round(m.score, 4),
                    "datasets": list(m.datasets),
                    "explanation": m.explanation,
                    "judgement": m.judgement,
                    "evidence": [dict(e) for e in m.evidence],
                }
                for m in self.matches
            ],
        }


def independent_sources(items: Iterable[Mapping[str, Any]]) -> int:
    """Distinct outlets (or documents, when the outlet is unknown) among evidence items: how many sources say it."""
    return len({str(i.get("outlet") or i.get("source") or i.get("document_id") or "").strip().lower() for i in items})

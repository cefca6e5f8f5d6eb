"""Risk rules, registered by name: each turns what screening found into reasons with a level.

A reason is a sentence a person reads; it names the dataset and version (or the gazetteer)
it rests on. The level of a supplier is the most severe level among its reasons.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from labortrace.matching.index import IndexedEntity
from labortrace.model import SAME_IDENTIFIER, SHIPMENT, DatasetInfo, Match, QueryRecord, independent_sources
from labortrace.names.regions import Place, locate
from labortrace.names.uscc import find_usccs, parse_uscc

#: The level that a confident match to an entity of each dataset kind gives.
KIND_LEVEL = {"forced_labour_list": "high", "sanctions": "elevated", "research": "elevated"}
KIND_LABEL = {
    "forced_labour_list": "forced-labour list",
    "sanctions": "sanctions list",
    "research": "research dataset",
    "registry": "registry",
    "user": "user dataset",
}
SEVERITY = {"high": 3, "elevated": 2, "review": 1, "none": 0}
#: A rival match this close to a listed one makes the identification ambiguous.
AMBIGUITY_MARGIN = 0.05
#: A weak match is explained away by a confident match this much better to a different, unlisted company.
EXPLAINED_MARGIN = 0.15
GAZETTEER = "labortrace gazetteer of Chinese administrative divisions (GB/T 2260)"


def list_level(kinds: Iterable[str]) -> str | None:
    """The level that being listed in datasets of these kinds gives: the most severe of KIND_LEVEL, else None."""
    levels = [KIND_LEVEL[k] for k in kinds if k in KIND_LEVEL]
    return max(levels, key=SEVERITY.__getitem__) if levels else None


@dataclass(frozen=True)
class Reason:
    level: str
    text: str
    rule: str


@dataclass
class Context:
    """What a rule sees about one supplier."""

    query: QueryRecord
    matches: list[Match]
    entities: dict[str, IndexedEntity]
    datasets: dict[str, DatasetInfo]
    threshold: float
    review_threshold: float
    #: how alike two entities are (0..1); tells one company held in two datasets from two companies
    similarity: Callable[[str, str], float] = lambda _a, _b: 0.0
    #: matches a reviewer rejected, with the decision: they never flag again
    rejected: list[tuple[Match, Any]] = field(default_factory=list)
    #: upstream paths (graph.trace.Path) from a matched entity to high-risk entities
    upstream: dict[str, list[Any]] = field(default_factory=dict)


Rule = Callable[[Context], list[Reason]]
RULES: dict[str, Rule] = {}


def rule(name: str) -> Callable[[Rule], Rule]:
    def register(func: Rule) -> Rule:
        RULES[name] = func
        return func

    return register


def dataset_label(info: DatasetInfo) -> str:
    title = info.title or info.name
    return f"{title} ({info.name}, version {info.version}, {KIND_LABEL.get(info.kind, info.kind)})"


def _is_risky(ctx: Context, m: Match) -> bool:
    return any(ds in ctx.datasets and ctx.datasets[ds].kind in KIND_LEVEL for ds in m.datasets)


def _rival(ctx: Context, m: Match, margin: float = -AMBIGUITY_MARGIN) -> Match | None:
    """Another company, on no list, that the supplier's name fits at least as well as m (score >= m's + margin)."""
    if m.judgement == "confirm":
        return None  # a reviewer decided which company the supplier is
    for other in ctx.matches:
        if other.entity_id == m.entity_id or _is_risky(ctx, other) or other.score < m.score + margin:
            continue
        if ctx.similarity(m.entity_id, other.entity_id) < ctx.threshold:
            return other
    return None


def _labels(ctx: Context, m: Match) -> str:
    return "; ".join(dataset_label(ctx.datasets[d]) for d in m.datasets if d in ctx.datasets)


@rule("listed_entity")
def listed_entity(ctx: Context) -> list[Reason]:
    """A confident match to an entity on a forced-labour list (high), a sanctions list or a research dataset (elevated); review when an unlisted company fits the name as well."""
    out: list[Reason] = []
    for m in ctx.matches:
        if m.score < ctx.threshold:
            continue
        for ds in m.datasets:
            info = ctx.datasets.get(ds)
            level = list_level([info.kind]) if info else None
            if info is None or level is None:
                continue
            found = f"Matches '{m.caption}' on the {dataset_label(info)} with score {m.score:.2f}"
            if m.decided:
                found += f" ({m.decided})"
            rival = _rival(ctx, m)
            if rival is None:
                out.append(Reason(level, found + ".", "listed_entity"))
            else:
                out.append(Reason("review", f"{found}, but fits '{rival.caption}' ({_labels(ctx, rival)}) as well "
                                  f"(score {rival.score:.2f}), a different company on no list: review which one the supplier is.", "ambiguous_match"))
    return out


@rule("weak_match")
def weak_match(ctx: Context) -> list[Reason]:
    """A weaker match to an entity on a list or research dataset: a reviewer should look at it, unless the supplier is confidently another, unlisted company."""
    out: list[Reason] = []
    for m in ctx.matches:
        if not ctx.review_threshold <= m.score < ctx.threshold:
            continue
        better = _rival(ctx, m, EXPLAINED_MARGIN)
        if better is not None and better.score >= ctx.threshold:
            continue  # the supplier is confidently another company, one on no list
        for ds in m.datasets:
            info = ctx.datasets.get(ds)
            if info is not None and info.kind in KIND_LEVEL:
                out.append(Reason("review", f"Possible match (score {m.score:.2f}) with '{m.caption}' on the {dataset_label(info)}: review before relying on it.", "weak_match"))
    return out


def _place_reason(subject: str, place: Place) -> str:
    return f"{subject} lies in {place.describe()} (matched '{place.matched}'; {GAZETTEER})."


@rule("xinjiang_location")
def xinjiang_location(ctx: Context) -> list[Reason]:
    """The supplier's address or name lies in the Xinjiang Uyghur Autonomous Region (elevated)."""
    out: list[Reason] = []
    q = ctx.query
    for label, text in (("Address", q.address), ("Name", q.name), *(("Alias", a) for a in q.aliases)):
        place = locate(text) if text else None
        if place is not None and place.is_xinjiang:
            out.append(Reason("elevated", _place_reason(f"{label} '{text}'", place), "xinjiang_location"))
            break
    return out


@rule("xinjiang_uscc")
def xinjiang_uscc(ctx: Context) -> list[Reason]:
    """The supplier's Unified Social Credit Code was issued by a registration authority in Xinjiang (elevated)."""
    codes = [c for c in (parse_uscc(v) for v in ctx.query.identifiers) if c is not None]
    if not codes:
        codes = find_usccs(" ".join(ctx.query.input.values()))
    for code in codes:
        if code.place is not None and code.place.is_xinjiang:
            return [Reason("elevated", f"Unified Social Credit Code {code.code} was issued in division {code.division_code}, {code.place.describe()} ({GAZETTEER}).", "xinjiang_uscc")]
    return []


@rule("matched_entity_in_xinjiang")
def matched_entity_in_xinjiang(ctx: Context) -> list[Reason]:
    """A confidently and unambiguously matched reference entity has an address in Xinjiang (elevated)."""
    for m in ctx.matches:
        ent = ctx.entities.get(m.entity_id)
        if m.score < ctx.threshold or ent is None or _rival(ctx, m) is not None:
            continue
        for address in ent.addresses:
            place = locate(address)
            if place is not None and place.is_xinjiang:
                sources = ", ".join(dataset_label(ctx.datasets[d]) for d in m.datasets if d in ctx.datasets)
                return [Reason("elevated", _place_reason(f"Matched entity '{m.caption}' ({sources}) is at '{address}', which", place), "matched_entity_in_xinjiang")]
    return []


@rule("evidence_alleges")
def evidence_alleges(ctx: Context) -> list[Reason]:
    """Ingested documents allege forced labour involving a confidently matched entity (elevated); denials are shown, never used to lower a level."""
    for m in ctx.matches:
        if m.score < ctx.threshold or not m.evidence or _rival(ctx, m) is not None:
            continue
        alleging = [e for e in m.evidence if e["stance"] == "alleges"]
        if not alleging:
            continue
        denying = [e for e in m.evidence if e["stance"] == "denies"]
        titles = "; ".join(sorted({f"{e['title']}" + (f" ({e['outlet']})" if e.get("outlet") else "") for e in alleging})[:3])
        text = (f"{len(alleging)} claim(s) in {independent_sources(alleging)} independent source(s) allege forced labour "
                f"involving '{m.caption}' ({titles})")
        if denying:
            text += f"; {len(denying)} claim(s) in {independent_sources(denying)} source(s) deny it"
        return [Reason("elevated", text + ".", "evidence_alleges")]
    return []


@rule("reviewer_rejections")
def reviewer_rejections(ctx: Context) -> list[Reason]:
    """Matches a reviewer rejected are listed, without raising the level: they never flag again."""
    return [
        Reason("none", f"A match with '{m.caption}' was {j.describe()}; it is not counted.", "reviewer_rejections")
        for m, j in ctx.rejected
    ]


def describe_path(path: Any) -> str:
    """'Buyer ← Intermediary (shipments: 2, HS 390410) ← Maker [high]': a path as a person reads it."""
    parts = [path.nodes[0].caption]
    for edge, node in zip(path.edges, path.nodes[1:]):
        summary = edge.evidence[0] if edge.evidence else {}
        detail = edge.kind
        if edge.kind == SHIPMENT or "count" in summary:
            hs = ", ".join(summary.get("hs_codes", [])[:3])
            detail = f"{summary.get('count', len(edge.evidence))} shipment(s)" + (f", HS {hs}" if hs else "")
        elif edge.kind == SAME_IDENTIFIER:
            detail = f"same company, identifier {summary.get('identifier')}"
        elif summary.get("share") is not None:
            detail = f"{edge.kind} {summary['share']}%"
        parts.append(f"← ({detail}) {node.caption}")
    return " ".join(parts) + f" [{path.nodes[-1].risk}]"


@rule("upstream_risk")
def upstream_risk(ctx: Context) -> list[Reason]:
    """A confidently matched supplier reaches an entity of a forced-labour list upstream, by shipments or ownership (any share, or at least min_ownership_share percent), within upstream_tiers tiers (default 2) (elevated)."""
    for m in ctx.matches:
        if m.score < ctx.threshold or _rival(ctx, m) is not None:
            continue
        paths = ctx.upstream.get(m.entity_id, [])
        if paths:
            shown = "; ".join(describe_path(p) for p in paths[:3])
            more = f" (and {len(paths) - 3} more)" if len(paths) > 3 else ""
            return [Reason("elevated", f"Upstream of '{m.caption}' within {len(paths[0].edges)} tier(s): {shown}{more}.", "upstream_risk")]
    return []

"""A trace as text for people and as Graphviz DOT: one result, formats chosen by the caller."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from labortrace.graph.trace import Edge, Path
from labortrace.model import SAME_IDENTIFIER, SHIPMENT

RISK_COLOURS = {"high": "#f4c7c3", "elevated": "#fce8b2", "review": "#d2e3fc", "none": "#ffffff"}


def describe_evidence(edge: Edge) -> str:
    """A short account of an edge's evidence: counts, dates, HS codes and products, or shares and sources."""
    if edge.kind == SHIPMENT:
        summary = next((e for e in edge.evidence if e.get("type") == "shipments"), {})
        parts = [f"{summary.get('count', 0)} shipment{'s' if summary.get('count', 0) != 1 else ''}"]
        if summary.get("first_date"):
            last = summary.get("last_date")
            parts.append(summary["first_date"] + (f" to {last}" if last and last != summary["first_date"] else ""))
        if summary.get("hs_codes"):
            parts.append("HS " + ", ".join(summary["hs_codes"][:4]))
        if summary.get("products"):
            parts.append(", ".join(repr(p) for p in summary["products"][:2]))
        if summary.get("datasets"):
            parts.append("dataset " + ", ".join(summary["datasets"]))
        return "; ".join(parts)
    if edge.kind == SAME_IDENTIFIER:
        return "; ".join(f"both hold identifier {e.get('identifier')}" for e in edge.evidence)
    items = []
    for e in edge.evidence:
        bits = [f"{e['share']} share" if e.get("share") else "", e.get("role", ""),
                f"since {e['start_date']}" if e.get("start_date") else "",
                f"until {e['end_date']}" if e.get("end_date") else ""]
        text = ", ".join(b for b in bits if b)
        items.append(f"{text + ' ' if text else ''}({e.get('link')} in dataset {e.get('dataset')})")
    return "; ".join(items)


def edge_sentence(edge: Edge, captions: dict[str, str]) -> str:
    verbs = {SHIPMENT: "shipped to", "ownership": "owns", "directorship": "is a director of",
             "membership": "is a member of", "employment": "is employed by", "representation": "represents",
             "family": "is family of", "associate": "is an associate of", "link": "is linked to",
             SAME_IDENTIFIER: "is the same company as"}
    src, dst = captions.get(edge.source, edge.source), captions.get(edge.target, edge.target)
    return f"{src} {verbs.get(edge.kind, edge.kind)} {dst}: {describe_evidence(edge)}"


def render_text(paths: Sequence[Path], header: str = "") -> str:
    """Numbered paths, each from the start upstream to the risky entity, one evidence line per edge."""
    lines = [header] if header else []
    if not paths:
        lines.append("No upstream path reaches an entity with risk.")
    for number, path in enumerate(paths, start=1):
        captions = {n.id: n.caption for n in path.nodes}
        route = " <- ".join(n.caption for n in path.nodes)
        steps = len(path.edges)
        lines.append(f"{number}. [{path.target.risk}] {path.target.caption} ({steps} step{'s' if steps != 1 else ''})")
        lines.append(f"   {route}")
        lines.extend(f"   - {edge_sentence(edge, captions)}" for edge in path.edges)
    return "\n".join(lines) + "\n"


def _dot_id(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid DOT quoted id


def render_dot(paths: Sequence[Path]) -> str:
    """A Graphviz digraph of every node and edge on the paths; edges in the direction of their relation."""
    nodes: dict[str, Any] = {}
    edges: dict[tuple[str, str, str], Edge] = {}
    for path in paths:
        nodes.update({n.id: n for n in path.nodes})
        edges.update({(e.source, e.target, e.kind): e for e in path.edges})
    out = ["digraph trace {", '  rankdir=LR;',
           '  node [shape=box, style="rounded,filled", fontname="Helvetica", fillcolor="#ffffff"];']
    for node in nodes.values():
        label = f"{node.caption}\n({node.risk})" if node.risk != "none" else node.caption
        colour = RISK_COLOURS.get(node.risk, RISK_COLOURS["none"])
        out.append(f"  {_dot_id(node.id)} [label={_dot_id(label)}, fillcolor={_dot_id(colour)}];")
    for edge in edges.values():
        label = f"{edge.kind}\n{describe_evidence(edge)[:80]}"
        out.append(f"  {_dot_id(edge.source)} -> {_dot_id(edge.target)} [label={_dot_id(label)}];")
    out.append("}")
    return "\n".join(out) + "\n"

"""A trace as one self-contained HTML page: an SVG drawing laid out here, in Python, and the evidence per path.

Nothing is fetched: columns by distance from the start (the start on the right, the risky entities on the left,
so goods and control flow left to right), boxes coloured by risk, tooltips with the full evidence. The package's
own small graph view (static/graphview.js, inlined) makes the drawing interactive: drag the background to pan,
the wheel to zoom, double-click to reset, drag a node to move it (its edges follow), click a node to highlight
every path through it, hover a path's entry to highlight it. Without JavaScript the drawing is still complete.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from importlib import resources

from labortrace.graph.render_text import RISK_COLOURS, edge_sentence
from labortrace.graph.trace import Edge, Node, Path
from labortrace.model import SAME_IDENTIFIER, SHIPMENT

W, H = 240, 58  # node box
COL_GAP, ROW_GAP, MARGIN = 190, 34, 24
CAPTION_CHARS = 32
STYLE = """
body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:24px;color:#202124;max-width:1400px}
h1{font-size:20px;margin:0 0 4px}.meta{color:#5f6368;margin:0 0 12px}
.legend span{display:inline-block;padding:1px 8px;margin-right:6px;border:1px solid #9aa0a6;border-radius:4px}
svg{border:1px solid #dadce0;border-radius:6px;background:#fafafa;max-width:100%;height:auto;touch-action:none;cursor:grab}.node{cursor:move}
.node rect{stroke:#5f6368;stroke-width:1.2}.node text{font-size:13px}.node .risk{font-size:11px;fill:#5f6368}
.edge path{fill:none;stroke:#5f6368;stroke-width:1.6}.edge text{font-size:11px;fill:#3c4043}
.edge rect{fill:#fafafa;opacity:.9}
svg.focus .node,svg.focus .edge{opacity:.15}svg.focus .hl{opacity:1}svg.focus .edge.hl path{stroke:#c5221f;stroke-width:2.4}
ol.paths>li{margin:10px 0;padding:8px 12px;border:1px solid #dadce0;border-radius:6px}
ol.paths>li:hover{border-color:#c5221f}.route{color:#3c4043}
table{border-collapse:collapse;margin:6px 0;font-size:12px}td,th{border:1px solid #dadce0;padding:2px 6px;text-align:left}
.badge{padding:0 6px;border-radius:4px;border:1px solid #9aa0a6;font-size:12px}
"""
#: The bundled graph view, inlined into every page.
SCRIPT = (resources.files("labortrace.graph") / "static" / "graphview.js").read_text(encoding="utf-8")


def _layout(paths: Sequence[Path]) -> tuple[dict[str, tuple[int, int]], dict[str, Node], int, int]:
    """Node -> (column, row): the column is the node's fewest steps from a start, drawn right to left."""
    hop: dict[str, int] = {}
    nodes: dict[str, Node] = {}
    for path in paths:
        for i, node in enumerate(path.nodes):
            hop[node.id] = min(i, hop.get(node.id, i))
            nodes.setdefault(node.id, node)
    deepest = max(hop.values(), default=0)
    rows: dict[int, int] = {}
    place: dict[str, tuple[int, int]] = {}
    for node_id, h in hop.items():
        col = deepest - h
        place[node_id] = (col, rows.get(col, 0))
        rows[col] = rows.get(col, 0) + 1
    return place, nodes, deepest + 1, max(rows.values(), default=1)


def _xy(pos: tuple[int, int]) -> tuple[int, int]:
    return MARGIN + pos[0] * (W + COL_GAP), MARGIN + pos[1] * (H + ROW_GAP)


def _short(text: str, limit: int = CAPTION_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _node_svg(node: Node, pos: tuple[int, int], classes: str) -> str:
    x, y = _xy(pos)
    fill = RISK_COLOURS.get(node.risk, RISK_COLOURS["none"])
    risk = f"risk: {node.risk}" if node.risk != "none" else node.id
    return (f'<g class="node {classes}" data-id="{escape(node.id)}" data-x="{x}" data-y="{y}"><title>{escape(node.caption)}\n{escape(node.id)}\nrisk: {escape(node.risk)}'
            f'</title><rect x="{x}" y="{y}" width="{W}" height="{H}" rx="8" fill="{fill}"/>'
            f'<text x="{x + 10}" y="{y + 24}">{escape(_short(node.caption))}</text>'
            f'<text class="risk" x="{x + 10}" y="{y + 44}">{escape(_short(risk, 38))}</text></g>')


def _edge_label(edge: Edge) -> str:
    if edge.kind == SHIPMENT:
        summary = next((e for e in edge.evidence if e.get("type") == "shipments"), {})
        codes = summary.get("hs_codes") or []
        return f"{summary.get('count', 0)} shipments" + (f" · HS {codes[0]}" if codes else "")
    if edge.kind == SAME_IDENTIFIER:
        return "same company: " + ", ".join(str(e.get("identifier")) for e in edge.evidence)
    shares = [e["share"] for e in edge.evidence if e.get("share")]
    return f"{edge.kind} {shares[0]}" if shares else edge.kind


def _edge_svg(edge: Edge, place: dict[str, tuple[int, int]], classes: str, sentence: str) -> str:
    (sx, sy), (tx, ty) = _xy(place[edge.source]), _xy(place[edge.target])
    sy, ty = sy + H // 2, ty + H // 2
    if sx < tx:
        x1, x2 = sx + W, tx
    elif sx > tx:
        x1, x2 = sx, tx + W
    else:  # same column: loop out to the right
        x1 = x2 = sx + W
    bend = max(60, abs(x2 - x1) // 2) * (1 if x2 >= x1 else -1)
    c1, c2 = (x1 + bend, x2 - bend) if sx != tx else (x1 + 80, x2 + 80)
    label = _edge_label(edge)
    mx, my = (x1 + x2) // 2 + (80 if sx == tx else 0), (sy + ty) // 2
    width = 7 * len(label) + 10
    return (f'<g class="edge {classes}" data-source="{escape(edge.source)}" data-target="{escape(edge.target)}">'
            f'<title>{escape(sentence)}</title>'
            f'<path d="M{x1},{sy} C{c1},{sy} {c2},{ty} {x2},{ty}" marker-end="url(#arrow)"/>'
            f'<rect x="{mx - width // 2}" y="{my - 13}" width="{width}" height="16" rx="3"/>'
            f'<text x="{mx}" y="{my}" text-anchor="middle">{escape(label)}</text></g>')


def _svg(paths: Sequence[Path]) -> str:
    place, nodes, cols, rows = _layout(paths)
    member: dict[str, list[str]] = {}
    edges: dict[tuple[str, str, str], Edge] = {}
    captions = {n.id: n.caption for n in nodes.values()}
    for i, path in enumerate(paths, start=1):
        for node in path.nodes:
            member.setdefault(node.id, []).append(f"p{i}")
        for e in path.edges:
            edges[(e.source, e.target, e.kind)] = e
            member.setdefault("|".join((e.source, e.target, e.kind)), []).append(f"p{i}")
    width, height = 2 * MARGIN + cols * W + (cols - 1) * COL_GAP + 80, 2 * MARGIN + rows * H + (rows - 1) * ROW_GAP
    parts = [f'<svg class="graph" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" data-node-width="{W}" data-node-height="{H}">',
             '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" '
             'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#5f6368"/></marker></defs>']
    parts += [_edge_svg(e, place, " ".join(member["|".join(k)]), edge_sentence(e, captions)) for k, e in edges.items()]
    parts += [_node_svg(n, place[n.id], " ".join(member[n.id])) for n in nodes.values()]
    return "\n".join(parts) + "</svg>"


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:,.1f}"
    return "" if value is None else str(value)


def _evidence_table(edge: Edge) -> str:
    rows = [e for e in edge.evidence if e.get("type") == "shipment"]
    if not rows:
        return ""
    cols = ("date", "product", "hs_code", "weight_kg", "origin_port", "destination_port", "bill_of_lading", "id")
    head = "".join(f"<th>{c.replace('_', ' ')}</th>" for c in cols)
    body = "".join("<tr>" + "".join(f"<td>{escape(_cell(r.get(c)))}</td>" for c in cols) + "</tr>" for r in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def _path_item(i: int, path: Path) -> str:
    captions = {n.id: n.caption for n in path.nodes}
    route = " ← ".join(escape(n.caption) for n in path.nodes)
    steps = "".join(f"<li>{escape(edge_sentence(e, captions))}{_evidence_table(e)}</li>" for e in path.edges)
    colour = RISK_COLOURS.get(path.target.risk, RISK_COLOURS["none"])
    return (f'<li data-path="p{i}"><span class="badge" style="background:{colour}">{escape(path.target.risk)}</span> '
            f'<b>{escape(path.target.caption)}</b> in {len(path.edges)} step(s)<div class="route">{route}</div>'
            f"<ul>{steps}</ul></li>")


def render_html(paths: Sequence[Path], title: str, meta: str = "") -> str:
    """The page: heading, legend, the drawing, then each path with the evidence of its edges."""
    legend = "".join(f'<span style="background:{c}">{k}</span>' for k, c in RISK_COLOURS.items())
    body = (_svg(paths) + '<p id="graph-info" class="meta" aria-live="polite"></p><ol class="paths">' + "".join(_path_item(i, p) for i, p in enumerate(paths, 1)) + "</ol>"
            if paths else "<p>No upstream path reaches an entity with risk.</p>")
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f"<style>{STYLE}</style></head><body><h1>{escape(title)}</h1><p class='meta'>{escape(meta)}</p>"
            f"<p class='legend'>Risk: {legend} Arrows point the way goods or control go (shipper → consignee, "
            f"owner → asset). Drag to pan, wheel to zoom, double-click to reset; drag a node to move it, click it "
            f"to highlight its paths; hover a path to highlight it.</p>{body}<script>{SCRIPT}</script></body></html>\n")

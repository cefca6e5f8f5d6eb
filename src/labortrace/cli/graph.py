"""Commands over the graph: trace, from names or ids or from every supplier of a supplier list."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from labortrace.cli.app import app, console, workspace_url
from labortrace.cli.data import MapOption
from labortrace.errors import ConfigError
from labortrace.graph import DEFAULT_DEPTH, ListTrace, TraceResult, paths_json, render_dot, render_html, render_text
from labortrace.service import Workspace
from labortrace.sources.tables import parse_map_options

FORMATS = ("text", "json", "dot", "html")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def _header(result: TraceResult) -> str:
    starts = "; ".join(f"{s.caption} ({s.id})" for s in result.starts)
    return f"Trace from {starts}, depth {result.depth}: {_plural(len(result.paths), 'path')} to an entity with risk"


def _list_header(result: ListTrace) -> str:
    reached = sum(1 for r in result.suppliers if r.paths)
    return (f"Trace from the {_plural(len(result.suppliers), 'supplier')} of {result.source}, depth {result.depth}: "
            f"{reached} reach an entity with risk upstream")


def _supplier_json(result: TraceResult) -> dict[str, Any]:
    return {"row": result.row, "name": result.query,
            "starts": [{"id": s.id, "caption": s.caption, "how": s.how} for s in result.starts],
            **paths_json(result.paths)}


def _render(result: TraceResult | ListTrace, fmt: str) -> str:
    header = _header(result) if isinstance(result, TraceResult) else _list_header(result)
    if fmt == "json":
        doc = paths_json(result.paths)
        if isinstance(result, ListTrace):
            doc["suppliers"] = [_supplier_json(r) for r in result.suppliers]
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    if fmt == "dot":
        return render_dot(result.paths)
    if fmt == "html":
        title = f"labortrace trace: {result.query if isinstance(result, TraceResult) else result.source}"
        return render_html(result.paths, title, header)
    if isinstance(result, TraceResult):
        return render_text(result.paths, header + "\n")
    blocks = [header, ""]
    for r in result.suppliers:
        matched = "; ".join(f"{s.caption} ({s.id})" for s in r.starts) or "no entity in the workspace"
        blocks.append(f"Row {r.row}: {r.query or '(no name)'} -> {matched}")
        if r.starts:
            blocks.append(render_text(r.paths).rstrip("\n").replace("\n", "\n  ").join(("  ", "")))
    return "\n".join(blocks) + "\n"


@app.command("trace")
def trace_command(
    query: Annotated[list[str] | None, typer.Argument(
        help="An entity id or a company name (several: trace from each).", show_default=False)] = None,
    suppliers: Annotated[Path | None, typer.Option(
        "--suppliers", "-s", help="Trace from every supplier of this list (CSV/XLSX/JSON), as screening reads it.")] = None,
    mapping: MapOption = None,
    depth: Annotated[int, typer.Option("--depth", "-n", help="Most steps upstream (tiers).")] = DEFAULT_DEPTH,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text, json, dot or html.")] = "text",
    min_share: Annotated[
        float | None, typer.Option("--min-share", help="Follow ownership only at or above this percent.")
    ] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write to this file instead of the screen.")] = None,
) -> None:
    """Upstream paths (shipments, ownership, directors) from a buyer to entities with risk, with evidence."""
    if fmt not in FORMATS:
        raise ConfigError(f"--format {fmt!r}: use one of {', '.join(FORMATS)}")
    if bool(query) == (suppliers is not None):
        raise ConfigError("name what to trace from: entity ids or names, or --suppliers FILE (not both)")
    ws = Workspace(workspace_url())
    result: TraceResult | ListTrace
    try:
        if suppliers is not None:
            result = ws.trace_suppliers(suppliers, mapping=parse_map_options(mapping or []), depth=depth,
                                        min_share=min_share)
        else:
            result = ws.trace(query or [], depth=depth, min_share=min_share)
    finally:
        ws.close()
    text = _render(result, fmt)
    if out is None:
        # plain print: DOT, JSON and HTML must reach a pipe byte for byte, never wrapped or styled by rich
        typer.echo(text, nl=False)
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    header = _header(result) if isinstance(result, TraceResult) else _list_header(result)
    console.print(header, markup=False, highlight=False)
    console.print(f"wrote {out}", markup=False, highlight=False)

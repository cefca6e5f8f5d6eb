"""Commands over the graph: trace."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from labortrace.cli.app import app, console, workspace_url
from labortrace.errors import ConfigError
from labortrace.graph import DEFAULT_DEPTH, paths_json, render_dot, render_html, render_text, trace_entities
from labortrace.graph.query import TraceResult
from labortrace.service import Workspace

FORMATS = ("text", "json", "dot", "html")


def _header(result: TraceResult) -> str:
    starts = "; ".join(f"{s.caption} ({s.id})" for s in result.starts)
    n = len(result.paths)
    return f"Trace from {starts}, depth {result.depth}: {n} path{'s' if n != 1 else ''} to an entity with risk"


def _render(result: TraceResult, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(paths_json(result.paths), ensure_ascii=False, indent=2) + "\n"
    if fmt == "dot":
        return render_dot(result.paths)
    if fmt == "html":
        return render_html(result.paths, f"labortrace trace: {result.query}", _header(result))
    return render_text(result.paths, _header(result) + "\n")


@app.command("trace")
def trace_command(
    query: Annotated[list[str], typer.Argument(help="An entity id or a company name (several: trace from each).")],
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
    ws = Workspace(workspace_url())
    try:
        result = trace_entities(ws.store, ws.index(), query, depth=depth, min_share=min_share)
    finally:
        ws.close()
    text = _render(result, fmt)
    if out is None:
        # plain print: DOT, JSON and HTML must reach a pipe byte for byte, never wrapped or styled by rich
        typer.echo(text, nl=False)
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    console.print(_header(result), markup=False, highlight=False)
    console.print(f"wrote {out}", markup=False, highlight=False)

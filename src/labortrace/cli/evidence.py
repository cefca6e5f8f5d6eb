"""Commands for evidence: ingest documents, show what the workspace holds about an entity."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table as RichTable
from rich.text import Text

from labortrace.cli.app import app, console, workspace_url
from labortrace.cli.progress import progress_bar
from labortrace.ingest import document_json
from labortrace.service import Workspace
from labortrace.model import independent_sources

STANCE_STYLE = {"alleges": "bold red", "denies": "bold blue", "neutral": "dim"}


@app.command()
def ingest(
    sources: Annotated[list[str], typer.Argument(help="Files, folders (.txt .md .html .pdf .docx) or http(s) URLs.")],
    dataset: Annotated[str, typer.Option("--dataset", "-d", help="Name for this collection of documents.")] = "documents",
    json_out: Annotated[Path | None, typer.Option("--json", help="Write the extracted evidence as JSON to this file.")] = None,
    timeout: Annotated[float, typer.Option(help="Seconds to wait for a URL.")] = 30.0,
) -> None:
    """Read documents for who claims what about forced labour, link them to workspace entities, store the evidence."""
    ws = Workspace(workspace_url())
    try:
        with progress_bar("Reading documents", total=None) as tick:
            done = 0

            def advance(n: int) -> None:
                nonlocal done
                done += n
                tick(done)

            outcomes = ws.ingest(sources, dataset=dataset, timeout=timeout, progress=advance)
        table = RichTable(title="Documents")
        for col in ("document", "outcome", "claims", "alleges", "denies", "quantities", "linked entities"):
            table.add_column(col, overflow="fold")
        for o in outcomes:
            doc = o.document
            stances = [c.stance for c in doc.claims]
            table.add_row(Text(doc.title or doc.source), Text(doc.outcome, style="green" if o.stored else "red"),
                          str(len(doc.claims)), str(stances.count("alleges")), str(stances.count("denies")),
                          str(len(doc.quantities)), str(len(set(o.links.values()))))
        console.print(table)
        if json_out is not None:
            payload = {"documents": [document_json(o.document, o.links) for o in outcomes]}
            json_out.write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
            console.print(Text.assemble(("json: ", "bold"), str(json_out)))
        if outcomes and not any(o.stored for o in outcomes):
            raise typer.Exit(1)
    finally:
        ws.close()


@app.command()
def evidence(entity: Annotated[str, typer.Argument(help="An entity id, or a name to match.")]) -> None:
    """Show what the workspace holds about an entity: allegations and denials, who made them, where."""
    ws = Workspace(workspace_url())
    try:
        matches, items = ws.evidence(entity)
        if not matches:
            console.print(Text(f"No entity matches {entity!r}.", style="yellow"))
            raise typer.Exit(1)
        for m in matches:
            claims = items.get(m.entity_id, [])
            sides = {s: [c for c in claims if c["stance"] == s] for s in STANCE_STYLE}
            console.print(Text.assemble((m.caption, "bold"), f"  ({m.entity_id}; {', '.join(m.datasets)})"))
            console.print(Text(f"  {len(sides['alleges'])} allegation(s) in {independent_sources(sides['alleges'])} source(s); "
                               f"{len(sides['denies'])} denial(s) in {independent_sources(sides['denies'])} source(s)"))
            table = RichTable(show_header=True)
            for col in ("stance", "claim", "speaker", "document", "date"):
                table.add_column(col, overflow="fold")
            for c in claims:
                table.add_row(Text(c["stance"], style=STANCE_STYLE[c["stance"]]), Text(c["claim"]),
                              Text(f"{c['speaker'] or '—'} ({c['speaker_type']})"),
                              Text(c["title"] + (f" — {c['outlet']}" if c["outlet"] else "")), c["date"] or "")
            console.print(table)
    finally:
        ws.close()

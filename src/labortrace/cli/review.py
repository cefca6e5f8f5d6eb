"""Commands for reviewers: list runs, walk a run's matches and record decisions, export and import decisions."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.panel import Panel
from rich.table import Table as RichTable
from rich.text import Text

from labortrace.cli.app import app, console, workspace_url
from labortrace.service import Workspace
from labortrace.store.judgements import Judgement, export_jsonl, import_jsonl

judgements_app = typer.Typer(help="Export and import reviewers' decisions as JSON lines.", no_args_is_help=True)
app.add_typer(judgements_app, name="judgements")
CHOICES = {"c": "confirm", "r": "reject", "u": "unsure", "s": "skip", "q": "quit"}


@app.command()
def runs() -> None:
    """List the screening runs in the workspace, newest first."""
    ws = Workspace(workspace_url())
    try:
        table = RichTable(title="Screening runs")
        for col in ("run", "started", "input", "rows", "levels"):
            table.add_column(col, overflow="fold")
        for r in ws.store.runs():
            levels = ", ".join(f"{k} {v}" for k, v in sorted(r["levels"].items()))
            table.add_row(r["id"], r["started_at"].strftime("%Y-%m-%d %H:%M"), Text(r["input_file"]), str(r["row_count"]), levels)
        console.print(table)
    finally:
        ws.close()


@app.command()
def review(
    run: Annotated[str, typer.Argument(help="The run id (see `labortrace runs`).")],
    reviewer: Annotated[str | None, typer.Option(envvar="LABORTRACE_REVIEWER", help="Your name, recorded with each decision.")] = None,
    level: Annotated[list[str] | None, typer.Option("--level", help="Levels to walk (default: high and review).")] = None,
) -> None:
    """Walk a run's high and review matches; confirm, reject or mark unsure, with a comment. Later screenings honour it."""
    ws = Workspace(workspace_url())
    try:
        items = ws.review_items(run, tuple(level or ("high", "review")))
        if not items:
            console.print("Nothing to review in this run.")
            return
        who = reviewer or os.environ.get("USER") or typer.prompt("Your name (recorded with each decision)")
        decided = 0
        for n, item in enumerate(items, start=1):
            _show(item, n, len(items))
            choice = typer.prompt("[c]onfirm / [r]eject / [u]nsure / [s]kip / [q]uit", default="s").strip().lower()[:1]
            action = CHOICES.get(choice, "skip")
            if action == "quit":
                break
            if action == "skip":
                continue
            comment = typer.prompt("Comment (optional)", default="", show_default=False)
            j = ws.judge(Judgement(item["name"], item["entity_id"], action, who, comment, run_id=run, row=item["row"]))
            console.print(Text(f"Recorded: {j.describe()}", style="green"))
            decided += 1
        console.print(f"{decided} decision(s) recorded. Screen again to apply them.")
    finally:
        ws.close()


def _show(item: dict[str, Any], n: int, total: int) -> None:
    body = Text()
    body.append(f"Supplier row {item['row']}: ", style="bold")
    body.append(item["name"] or "(no name)")
    body.append(f"\nMatch: {item['caption']}  [{', '.join(item['datasets'])}]  score {item['score']:.2f}\n", style="bold")
    body.append(item["explanation"] + "\n", style="dim")
    for reason in item["reasons"]:
        body.append(f"• {reason}\n")
    console.print(Panel(body, title=f"{n}/{total} · {item['level']}", expand=False))


@judgements_app.command("export")
def export(path: Annotated[Path, typer.Argument(help="JSON lines file to write.")]) -> None:
    """Write every decision (oldest first) as JSON lines."""
    ws = Workspace(workspace_url())
    try:
        console.print(f"{export_jsonl(ws.store.engine, path)} decision(s) written to {path}")
    finally:
        ws.close()


@judgements_app.command("import")
def import_(path: Annotated[Path, typer.Argument(help="JSON lines file of decisions.")]) -> None:
    """Read decisions from JSON lines; all or none (a bad line is reported with its number)."""
    ws = Workspace(workspace_url())
    try:
        console.print(f"{import_jsonl(ws.store.engine, path)} decision(s) imported from {path}")
    finally:
        ws.close()

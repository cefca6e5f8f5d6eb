"""Commands that screen: screen, demo."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table as RichTable
from rich.text import Text

from labortrace.cli.app import app, console, workspace_url
from labortrace.cli.data import MapOption
from labortrace.cli.progress import progress_bar
from labortrace.report import supplier_name
from labortrace.errors import ConfigError
from labortrace.service import ScreenOutcome, Workspace, run_demo
from labortrace.sources.tables import parse_map_options

LEVEL_STYLE = {"high": "bold white on red", "elevated": "bold black on dark_orange", "review": "black on yellow", "none": "dim"}


def print_summary(outcome: ScreenOutcome, *, limit: int = 60) -> None:
    """The summary table: one line per supplier (flagged first when long), then counts per level."""
    results = outcome.doc["results"]
    table = RichTable(title="Screening results", show_lines=False)
    for col in ("row", "supplier", "risk", "top match", "score", "why"):
        table.add_column(col, overflow="fold")
    shown = results if len(results) <= limit else [r for r in results if r["risk"]["level"] != "none"][:limit]
    for res in shown:
        name = supplier_name(res["input"], outcome.doc["run"])
        top = res["matches"][0] if res["matches"] else None
        level = res["risk"]["level"]
        table.add_row(
            str(res["row"]), Text(name), Text(f" {level} ", style=LEVEL_STYLE[level]),
            Text(top["caption"]) if top else Text("—", style="dim"),
            f"{top['score']:.2f}" if top else "",
            Text(res["risk"]["reasons"][0] if res["risk"]["reasons"] else "", style="dim"),
        )
    console.print(table)
    counts = {lvl: 0 for lvl in LEVEL_STYLE}
    for res in results:
        counts[res["risk"]["level"]] += 1
    console.print(
        Text.assemble(*(t for lvl, n in counts.items() for t in ((f" {lvl} ", LEVEL_STYLE[lvl]), f" {n}   ")))
    )
    for kind, path in outcome.paths.items():
        console.print(Text.assemble((f"{kind}: ", "bold"), str(path)))


@app.command()
def screen(
    path: Annotated[Path, typer.Argument(help="Supplier list: CSV, TSV, XLSX or JSON, any column names, any encoding.")],
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Folder for results.json, results.csv and report.html.")] = None,
    mapping: MapOption = None,
    threshold: Annotated[float | None, typer.Option(help="Match score threshold 0-1 (default 0.8).")] = None,
    review_threshold: Annotated[float | None, typer.Option(help="Weaker matches from this score are flagged for review (default 0.6).")] = None,
    tiers: Annotated[int | None, typer.Option("--tiers", help="Tiers upstream (shipments, ownership) to look for forced-labour-list entities (default: setting upstream_tiers, 2).")] = None,
    min_share: Annotated[float | None, typer.Option("--min-share", help="Follow ownership upstream only at or above this percent (default: setting min_ownership_share, else any share).")] = None,
) -> None:
    """Screen a supplier list against every dataset in the workspace and write the results."""
    ws = Workspace(workspace_url())
    try:
        with progress_bar(f"Screening {path.name}", total=None) as tick:
            count = 0

            def advance(n: int) -> None:
                nonlocal count
                count += n
                tick(count)

            outcome = ws.screen(path, mapping=parse_map_options(mapping or []), threshold=threshold,
                                review_threshold=review_threshold, out_dir=out, progress=advance, tiers=tiers,
                                min_share=min_share)
        print_summary(outcome)
    finally:
        ws.close()


@app.command()
def demo(
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the demo workspace, data and report.")] = Path("labortrace-demo"),
    scenario: Annotated[str, typer.Option(
        "--scenario", help="screening: a messy supplier list against fictional lists; investigation: mask makers "
                           "registered in Xinjiang over 2020, a labour-transfer list, shipments to a US buyer.")] = "screening",
) -> None:
    """Generate FICTIONAL demo data, load it into a demo workspace, screen a supplier list and print a summary."""
    if scenario not in SCENARIOS:
        raise ConfigError(f"--scenario {scenario!r}: use one of {', '.join(SCENARIOS)}")
    if scenario == "investigation":
        _investigation(out)
        return
    with progress_bar("Loading and screening fictional demo data") as tick:
        outcome = run_demo(out, progress=tick)
    console.print(Text("FICTIONAL DEMO DATA — the companies below do not exist.", style="bold magenta"))
    print_summary(outcome)


SCENARIOS = ("screening", "investigation")


def _investigation(out: Path) -> None:
    from labortrace.cli.registries import print_counts
    from labortrace.demo.scenario import run_investigation
    from labortrace.graph import render_text

    with progress_bar("Loading the fictional investigation: registrations, lists, bills of lading") as tick:
        found = run_investigation(out, progress=tick)
    console.print(Text("FICTIONAL DEMO DATA — the companies below do not exist.", style="bold magenta"))
    console.print(Text("1. Mask makers registered in Xinjiang (companies, running total by month)", style="bold"))
    print_counts(found.registrations)
    console.print(Text("2. Upstream of the US buyer", style="bold"))
    console.print(render_text(found.trace.paths), markup=False, highlight=False)
    console.print(Text("3. Screening the buyer's supplier list", style="bold"))
    print_summary(found.screening)
    for kind, path in found.outputs.items():
        console.print(Text.assemble((f"{kind}: ", "bold"), str(path)))

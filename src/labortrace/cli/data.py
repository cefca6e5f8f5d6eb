"""Commands that bring reference data in: load, data pull, datasets, history."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table as RichTable
from rich.text import Text

from labortrace.cli.app import app, console, err_console, workspace_url
from labortrace.cli.progress import progress_bar
from labortrace.service import LoadOutcome, Workspace
from labortrace.sources.shipments import parse_shipment_map
from labortrace.sources.tables import parse_map_options

data_app = typer.Typer(help="Download reference data from its publisher or OpenSanctions.", no_args_is_help=True)
app.add_typer(data_app, name="data")

MapOption = Annotated[
    list[str] | None,
    typer.Option("--map", help="Column mapping FIELD=COLUMN; repeatable. Fields: name, alias, address, country, identifier, city, region; for registries also registered (date), product, scope, licence, entity_type, capital; for shipments shipper, consignee, notify, product, hs_code, date, weight, origin_country, destination_country, …"),
]


def _report_load(outcome: LoadOutcome) -> None:
    ch = outcome.change
    info = ch.dataset
    console.print(
        Text.assemble(
            ("Loaded ", "green"), (info.name, "bold"), f" ({info.kind}) version {info.version}: ",
            f"{info.entity_count} entities",
            f" — {ch.added} added, {ch.removed} removed, {ch.changed} changed"
            + (f" since version {ch.previous_version}" if ch.previous_version else ""),
        )
    )
    if outcome.stats.get("problem_count"):
        err_console.print(Text(f"  {outcome.stats['problem_count']} cell(s) could not be read, e.g. {outcome.stats['problems'][0]}", style="yellow"))
    dropped = outcome.stats.get("dropped") or {}
    for prop, count in dropped.items():
        err_console.print(Text(f"  dropped {count} invalid value(s) of {prop}", style="yellow"))


@app.command()
def load(
    path: Annotated[Path, typer.Argument(help="FtM JSON lines (.ftm.json, .json, .gz) or a table (CSV, TSV, XLSX, JSON).")],
    dataset: Annotated[str, typer.Option("--dataset", "-d", help="Dataset name, e.g. us_dhs_uflpa.")],
    kind: Annotated[str | None, typer.Option(help="forced_labour_list | sanctions | research | registry | shipments | user (known dataset names set it).")] = None,
    mapping: MapOption = None,
    version: Annotated[str | None, typer.Option(help="Version label (default: date and checksum).")] = None,
    title: Annotated[str | None, typer.Option(help="A readable title shown in reasons and reports.")] = None,
) -> None:
    """Load a file as a new version of a dataset; the previous version is replaced in one transaction."""
    ws = Workspace(workspace_url())
    try:
        with progress_bar(f"Loading {path.name}") as tick:
            parse = parse_shipment_map if kind == "shipments" else parse_map_options
            outcome = ws.load(path, dataset=dataset, kind=kind, mapping=parse(mapping or []),
                              version=version, title=title, progress=tick)
        _report_load(outcome)
    finally:
        ws.close()


@data_app.command("pull")
def pull(
    name: Annotated[str, typer.Argument(help="OpenSanctions dataset name, e.g. us_dhs_uflpa.")],
    base_url: Annotated[str | None, typer.Option(envvar="LABORTRACE_OPENSANCTIONS_URL", help="Base URL of the dataset exports.")] = None,
    kind: Annotated[str | None, typer.Option(help="Dataset kind, when the name is not a known one.")] = None,
) -> None:
    """Download a dataset's FtM export from OpenSanctions (checksum verified), then load it."""
    ws = Workspace(workspace_url())
    try:
        with progress_bar(f"Downloading {name}") as tick:
            fetched, outcome, notice = ws.pull(name, base_url=base_url, kind=kind, download_progress=tick)
        err_console.print(Text(notice, style="cyan"))
        console.print(f"Downloaded {fetched.url} ({fetched.size:,} bytes, sha256 {fetched.sha256[:12]}…)")
        _report_load(outcome)
    finally:
        ws.close()


@app.command()
def datasets() -> None:
    """List the datasets in the workspace: name, kind, version, entities, loaded at."""
    ws = Workspace(workspace_url())
    try:
        table = RichTable(title="Datasets")
        for col in ("name", "kind", "version", "entities", "loaded at"):
            table.add_column(col, justify="right" if col == "entities" else "left")
        for d in ws.datasets():
            table.add_row(Text(d.name), d.kind, Text(d.version), f"{d.entity_count:,}", d.loaded_at.strftime("%Y-%m-%d %H:%M UTC"))
        console.print(table)
    finally:
        ws.close()


@app.command()
def history(name: Annotated[str | None, typer.Argument(help="Only this dataset.")] = None) -> None:
    """Every dataset version loaded, newest first, with what changed: the audit trail."""
    ws = Workspace(workspace_url())
    try:
        table = RichTable(title="Dataset versions")
        for col in ("dataset", "version", "loaded at", "entities", "added", "removed", "changed", "sha256"):
            table.add_column(col)
        for h in ws.store.history(name):
            table.add_row(Text(h["name"]), Text(h["version"]), h["loaded_at"].strftime("%Y-%m-%d %H:%M"),
                          str(h["entity_count"]), str(h["added"]), str(h["removed"]), str(h["changed"]), h["sha256"][:12])
        console.print(table)
    finally:
        ws.close()

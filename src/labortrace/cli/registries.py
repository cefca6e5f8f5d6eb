"""Commands over registry datasets: stats registrations."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.table import Table as RichTable
from rich.text import Text

from labortrace.cli.app import app, console, err_console, workspace_url
from labortrace.cli.progress import progress_bar
from labortrace.errors import ConfigError
from labortrace.registries.page import write_page
from labortrace.registries.stats import PERIODS, RegistrationCounts, count_registrations, write_chart
from labortrace.service import Workspace

stats_app = typer.Typer(help="Counts over the workspace's data.", no_args_is_help=True)
app.add_typer(stats_app, name="stats")
T = TypeVar("T")
PERIOD_COLUMNS = 5  # provinces shown as columns of the per-period table


def registry_datasets(ws: Workspace, names: list[str] | None) -> list[str]:
    """The datasets to count: those named (which must exist), else every dataset of kind registry."""
    loaded = {d.name: d.kind for d in ws.datasets()}
    if names:
        missing = [n for n in names if n not in loaded]
        if missing:
            raise ConfigError(f"no dataset {', '.join(map(repr, missing))} in the workspace; see `labortrace datasets`")
        return names
    found = [n for n, kind in loaded.items() if kind == "registry"]
    if not found:
        raise ConfigError("no registry dataset in the workspace: load one with `labortrace load FILE --kind registry -d NAME`")
    return found


def _ticking(items: Iterable[T], tick: Callable[[int], None]) -> Iterator[T]:
    count = 0
    for count, item in enumerate(items, start=1):
        if count % 1000 == 0:
            tick(count)
        yield item
    tick(count)


def print_counts(counts: RegistrationCounts, *, top: int = 10) -> None:
    """A table of counts per period (largest provinces as columns), then the provinces' totals."""
    shown = counts.regions[: 1 if counts.region else PERIOD_COLUMNS]
    console.print(Text(counts.title(), style="bold"))
    table = RichTable()
    table.add_column("period")
    if not counts.region:
        table.add_column("all", justify="right", style="bold")
    for region in shown:
        table.add_column(region, justify="right")
    series = {r: counts.series(r) for r in shown}
    for i, (period, total) in enumerate(counts.period_totals()):
        cells = [f"{series[r][i]:,}" for r in shown]
        table.add_row(period, *(cells if counts.region else [f"{total:,}", *cells]))
    console.print(table)
    if not counts.region and counts.regions:
        _print_regions(counts, top)
    console.print(Text.assemble(("total: ", "bold"), f"{counts.total:,}",
                                (f"   without a usable date (not counted): {counts.undated:,}" if counts.undated else "", "yellow")))


def _print_regions(counts: RegistrationCounts, top: int) -> None:
    table = RichTable(title=f"Top provinces ({min(top, len(counts.regions))} of {len(counts.regions)})")
    for col in ("province", "registrations", "share"):
        table.add_column(col, justify="left" if col == "province" else "right")
    for region in counts.regions[:top]:
        values = counts.series(region)
        n = values[-1] if counts.cumulative else sum(values)
        table.add_row(Text(region), f"{n:,}", f"{n / counts.total:.1%}" if counts.total else "")
    console.print(table)


@stats_app.command("registrations")
def registrations(
    dataset: Annotated[list[str] | None, typer.Option("--dataset", "-d", help="Registry dataset(s) to count (default: every dataset of kind registry); repeatable.")] = None,
    product: Annotated[str | None, typer.Option(help="Only registrations naming this product category (mask, protective_clothing, gloves, 口罩 …) in name, product or business scope.")] = None,
    region: Annotated[str | None, typer.Option(help="Only this province, prefecture or county, in Han, pinyin or English (Xinjiang, 新疆, Kashgar).")] = None,
    by: Annotated[str, typer.Option(help=f"Period: {' | '.join(PERIODS)}.")] = "month",
    cumulative: Annotated[bool, typer.Option("--cumulative", help="Running totals instead of counts per period.")] = False,
    companies: Annotated[bool, typer.Option("--companies", help="Count each company once, at its earliest matching registration.")] = False,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for registrations.png, registrations.csv and registrations.html.")] = Path("."),
    top: Annotated[int, typer.Option(help="Provinces listed when --region is not given.")] = 10,
) -> None:
    """Registrations over time by region and product: a table, a PNG chart and a CSV of the counts."""
    ws = Workspace(workspace_url())
    try:
        names = registry_datasets(ws, dataset)
        with progress_bar(f"Counting {', '.join(names)}") as tick:
            counts = count_registrations(_ticking(ws.store.iter_entities(names), tick), product=product,
                                         region=region, by=by, cumulative=cumulative, companies=companies)
    finally:
        ws.close()
    print_counts(counts, top=top)
    if not counts.rows:
        err_console.print(Text("nothing to chart: no registration matched", style="yellow"))
        return
    csv_path = counts.to_csv(out / "registrations.csv")
    png_path = write_chart(counts, out / "registrations.png")
    html_path = write_page(counts, out / "registrations.html")
    for kind, path in (("chart", png_path), ("counts", csv_path), ("page", html_path)):
        console.print(Text.assemble((f"{kind}: ", "bold"), str(path)))

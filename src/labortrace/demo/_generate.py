"""generate_demo: write the fictional datasets, supplier list and known answers into a folder."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from labortrace.demo._datasets import LIST_DATASET, REGISTRY_DATASET, RESEARCH_DATASET, Cast, build_cast
from labortrace.demo._suppliers import HEADERS, TITLE, SupplierRow, build_rows
from labortrace.demo._write import table_cells, write_csv, write_ftm, write_json, write_xlsx
from labortrace.model.records import RISK_LEVELS


@dataclass(frozen=True)
class DemoDataset:
    """A demo dataset: its name and kind in the workspace, a title, and its file name."""

    name: str
    kind: str
    title: str
    filename: str


DEMO_DATASETS: tuple[DemoDataset, ...] = (
    DemoDataset(LIST_DATASET, "forced_labour_list", "Fictional forced-labour entity list (demo)",
                "demo_forced_labour_list.ftm.json"),
    DemoDataset(RESEARCH_DATASET, "research", "Fictional research dataset: companies named in NGO reports (demo)",
                "demo_research.ftm.json"),
    DemoDataset(REGISTRY_DATASET, "registry", "Fictional company registry (demo)", "demo_companies.ftm.json"),
)

SUPPLIERS_CSV = "suppliers.csv"
SUPPLIERS_XLSX = "suppliers.xlsx"
EXPECTED_JSON = "expected.json"

#: What each expected level means, written into expected.json.
LEVEL_MEANINGS = {
    "high": "matches an entity of the forced-labour list",
    "elevated": "in Xinjiang by name, address or USCC, or matches a research entity",
    "review": "a deliberately weak or ambiguous match a reviewer must decide",
    "none": "no forced-labour signal (some are close look-alikes of listed companies)",
}


@dataclass(frozen=True)
class DemoFiles:
    """Where generate_demo wrote each file."""

    directory: Path
    datasets: dict[str, Path]  #: dataset name -> FtM JSON lines file
    suppliers_csv: Path
    suppliers_xlsx: Path
    expected: Path


def generate_demo(directory: Path, *, seed: int = 2020) -> DemoFiles:
    """Write the FICTIONAL demo data into `directory` (created if needed); same seed, same bytes."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    cast = build_cast(rng)
    rows = build_rows(cast, rng)
    datasets = _write_datasets(directory, cast)
    cells = table_cells(TITLE, HEADERS, [_cells(rng, k, row) for k, row in enumerate(rows, start=1)])
    files = DemoFiles(directory, datasets, directory / SUPPLIERS_CSV, directory / SUPPLIERS_XLSX,
                      directory / EXPECTED_JSON)
    write_csv(files.suppliers_csv, cells)
    write_xlsx(files.suppliers_xlsx, cells)
    write_json(files.expected, expected_document(rows, [c[0] for c in cells[2:]], seed))
    return files


def _write_datasets(directory: Path, cast: Cast) -> dict[str, Path]:
    members = {LIST_DATASET: cast.listed, RESEARCH_DATASET: cast.research, REGISTRY_DATASET: cast.registry}
    paths = {}
    for dataset in DEMO_DATASETS:
        paths[dataset.name] = directory / dataset.filename
        write_ftm(paths[dataset.name], members[dataset.name])
    return paths


def _cells(rng: random.Random, number: int, row: SupplierRow) -> list[str]:
    vendor = f"V{10000 + number * 37 + rng.randint(0, 30)}"  # increasing with gaps, like a real ERP
    amount = rng.randint(2_000, 3_000_000)
    spend = rng.choice((f"{amount:,}.00", str(amount), f"$ {amount:,}"))
    return [vendor, row.name, row.address, row.country, row.uscc, row.category, spend]


def expected_document(rows: list[SupplierRow], vendors: list[str], seed: int) -> dict[str, Any]:
    """The known answers: one entry per data row (1-based, counted below the header)."""
    counts = Counter(row.level for row in rows)
    return {
        "title": "Known answers for the FICTIONAL demo supplier list",
        "file": SUPPLIERS_CSV,
        "seed": seed,
        "row_numbering": "1-based data rows, below the title row and the header row",
        "entity_id": "the dataset entity the supplier is (null when in no dataset); "
                     "for 'review' rows, the candidate a reviewer must check",
        "levels": LEVEL_MEANINGS,
        "counts": {level: counts.get(level, 0) for level in RISK_LEVELS},
        "rows": [
            {"row": k, "vendor": vendor, "name": row.name, "level": row.level, "entity_id": row.entity_id,
             "dataset": row.dataset, "note": row.note}
            for k, (row, vendor) in enumerate(zip(rows, vendors, strict=True), start=1)
        ],
    }

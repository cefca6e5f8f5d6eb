"""Registrations over time: counts per period and region, filtered by product category and region.

Each entity counts once, in the period of its earliest incorporationDate; with `companies=True` each company
(by USCC, else registration number, else name) counts once, at its earliest matching record. An entity matches
a product when its name, sector, classification, description, summary or notes name the category (see
products.py). Its region is its province, from its address and USCC (see places.py). Periods run without
gaps from the first to the last one counted, so a chart's axis is honest about quiet months.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from followthemoney import model

from labortrace.errors import ConfigError
from labortrace.names.regions import Place
from labortrace.registries.places import entity_division, province_code, region_label, resolve_region, within
from labortrace.registries.products import MACHINERY_SUFFIX, categories, mentions, product_categories
from labortrace.store import StoredEntity

PERIODS = ("month", "quarter", "year")
PRODUCT_PROPS = ("name", "sector", "classification", "description", "summary", "notes")
Row = tuple[str, str, int]


@dataclass(frozen=True)
class RegistrationCounts:
    """Counts per (period, region); rows hold the full grid, periods ascending, regions by total, largest first."""

    by: str
    rows: list[Row]
    total: int  #: entities (or companies) counted in the rows
    product: str | None = None
    region: str | None = None  #: the region filter's label, when one was given
    cumulative: bool = False
    companies: bool = False
    undated: int = 0  #: matching entities without a date at this granularity: in no row
    periods: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)

    def series(self, region: str) -> list[int]:
        """One region's counts, one per period."""
        values = {p: c for p, r, c in self.rows if r == region}
        return [values.get(p, 0) for p in self.periods]

    def period_totals(self) -> list[tuple[str, int]]:
        """All regions together, one count per period."""
        sums: Counter[str] = Counter()
        for period, _, count in self.rows:
            sums[period] += count
        return [(p, sums[p]) for p in self.periods]

    def title(self) -> str:
        """'Mask registrations per month, Xinjiang (cumulative)': for tables and charts."""
        what = f"{product_label(self.product)} registrations" if self.product else "registrations"
        what = ("companies with " + what) if self.companies else what
        where = f", {self.region}" if self.region else ""
        return f"{what[:1].upper()}{what[1:]} per {self.by}{where}" + (" (cumulative)" if self.cumulative else "")

    def to_csv(self, path: Path) -> Path:
        """Write period,region,count rows (UTF-8 with BOM, so spreadsheet programs read Han names)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(["period", "region", "cumulative_count" if self.cumulative else "count"])
            writer.writerows(self.rows)
        return path


def product_label(product: str) -> str:
    """'protective_clothing' -> 'protective clothing', 'ppe' -> 'PPE'."""
    return "PPE" if product == "ppe" else product.replace("_", " ")


def period_of(iso: str, by: str) -> str | None:
    """'2019-05-17' -> '2019-05' (month), '2019-Q2' (quarter) or '2019' (year); None when the date is too coarse."""
    if by == "year":
        return iso[:4] if len(iso) >= 4 else None
    if len(iso) < 7:
        return None
    return iso[:7] if by == "month" else f"{iso[:4]}-Q{(int(iso[5:7]) - 1) // 3 + 1}"


def _next(period: str, by: str) -> str:
    if by == "year":
        return str(int(period) + 1)
    year, part = period.split("-")
    size = 12 if by == "month" else 4
    number = int(part.lstrip("Q")) + 1
    year_, number = (int(year) + 1, 1) if number > size else (int(year), number)
    return f"{year_}-{number:02d}" if by == "month" else f"{year_}-Q{number}"


def period_range(first: str, last: str, by: str) -> list[str]:
    """Every period from first to last, inclusive."""
    out = [first]
    while out[-1] < last:
        out.append(_next(out[-1], by))
    return out


def resolve_product(product: str) -> str:
    """A canonical category id for a --product value: an id ('mask', 'mask_machinery') or a term ('口罩')."""
    known = categories()
    wanted = product.strip().casefold().replace(" ", "_").replace("-", "_")
    if wanted in known or wanted.removesuffix(MACHINERY_SUFFIX) in known:
        return wanted
    found = product_categories(product)
    if len(found) == 1:
        return found[0]
    raise ConfigError(f"--product {product!r} is no product category; use one of {', '.join(known)}")


def _properties(entity: StoredEntity | Mapping[str, Any]) -> tuple[str, Mapping[str, Sequence[str]]]:
    if isinstance(entity, StoredEntity):
        return entity.schema, entity.properties
    return str(entity.get("schema", "Company")), entity.get("properties") or {}


def _company_key(props: Mapping[str, Sequence[str]]) -> str:
    for prop in ("uscCode", "registrationNumber", "name"):
        if props.get(prop):
            return f"{prop}:{sorted(props[prop])[0].casefold()}"
    return ""


def _matches_product(props: Mapping[str, Sequence[str]], product: str) -> bool:
    return any(mentions(v, product) for p in PRODUCT_PROPS for v in props.get(p, ()))


@dataclass
class _Tally:
    by: str
    region: Place | None
    product: str | None
    companies: bool
    first: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (date, region label)
    undated: int = 0

    def add(self, key: str, props: Mapping[str, Sequence[str]]) -> None:
        if self.product is not None and not _matches_product(props, self.product):
            return
        division = entity_division(props)
        if self.region is not None and not within(division, self.region):
            return
        dates = sorted(d for d in props.get("incorporationDate", ()) if period_of(d, self.by))
        if not dates:
            self.undated += 1
            return
        label = region_label(self.region.code) if self.region else region_label(province_code(division))
        if key not in self.first or dates[0] < self.first[key][0]:
            self.first[key] = (dates[0], label)


def count_registrations(
    entities: Iterable[StoredEntity | Mapping[str, Any]],
    *,
    product: str | None = None,
    region: str | None = None,
    by: str = "month",
    cumulative: bool = False,
    companies: bool = False,
) -> RegistrationCounts:
    """Count legal entities by registration period and province, optionally one product and one region."""
    if by not in PERIODS:
        raise ConfigError(f"--by {by!r}: use one of {', '.join(PERIODS)}")
    place = resolve_region(region) if region else None
    tally = _Tally(by, place, resolve_product(product) if product else None, companies)
    for number, entity in enumerate(entities):
        schema, props = _properties(entity)
        kind = model.get(schema)
        if kind is None or not kind.is_a("LegalEntity"):
            continue
        key = (_company_key(props) if companies else "") or f"#{number}"
        tally.add(key, props)
    return _grid(tally, cumulative)


def _grid(tally: _Tally, cumulative: bool) -> RegistrationCounts:
    cells = Counter((period_of(d, tally.by) or "", label) for d, label in tally.first.values())
    totals = Counter({label: 0 for _, label in cells})
    for (_, label), count in cells.items():
        totals[label] += count
    regions = sorted(totals, key=lambda r: (-totals[r], r))
    periods = period_range(min(p for p, _ in cells), max(p for p, _ in cells), tally.by) if cells else []
    rows: list[Row] = []
    running: Counter[str] = Counter()
    for period in periods:
        for label in regions:
            running[label] += cells.get((period, label), 0)
            rows.append((period, label, running[label] if cumulative else cells.get((period, label), 0)))
    return RegistrationCounts(
        by=tally.by, rows=rows, total=sum(totals.values()), product=tally.product,
        region=region_label(tally.region.code) if tally.region else None, cumulative=cumulative,
        companies=tally.companies, undated=tally.undated, periods=periods, regions=regions,
    )


def write_chart(counts: RegistrationCounts, path: Path) -> Path:
    """Draw the counts as a PNG chart (matplotlib); see registries/chart.py."""
    from labortrace.registries.chart import write_chart as draw

    return draw(counts, path)


def chart_svg(counts: RegistrationCounts) -> str:
    """The counts as an inline SVG chart for the HTML report; see registries/chart.py."""
    from labortrace.registries.chart import chart_svg as draw

    return draw(counts)

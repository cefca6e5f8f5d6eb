"""Shipment records (bills of lading) from CSV, TSV, XLSX or JSON tables, one ShipmentRow per data row.

Headers are recognised in English and Chinese (shipper / exporter / 发货人, consignee / importer / 收货人, ...);
--map FIELD=COLUMN overrides (fields: SHIPMENT_FIELDS). Values are cleaned per row and every problem is reported
with its row and column, never silently: dates in several formats (labortrace.registries.dates.parse_date,
plus '15-Mar-2020' and 'March 15, 2020'), weights with units ('12,500 KG', '12.5 t', '800 lb'; no unit means kg),
HS codes with dots or spaces ('6210.10.50' -> '621010': the six digits of the international HS; a leading zero
lost by a spreadsheet is restored), several codes in one cell kept space-separated.

Parties: a row with no shipper and no consignee is skipped and reported; a row with one party still loads (it
is evidence about that party) but gives no edge in the graph; it is reported too. A file whose header names no
shipper or consignee column is unusable: InputError before any row.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from labortrace.errors import ConfigError, InputError
from labortrace.sources.encodings import detect_encoding
from labortrace.sources.headers import header_names, normalize_header
from labortrace.sources.shipment_values import parse_hs_codes, parse_shipment_date, parse_weight_kg
from labortrace.sources.tables import SUFFIX_FORMATS, Table, TableRow
from labortrace.sources.textfile import RawRow, RowError, decoded_lines, sniff_delimiter

#: Header spellings per field, most specific first; the order of fields decides who claims a column first.
PATTERNS: dict[str, tuple[str, ...]] = {
    "id": ("shipment id", "shipment_id", "record id", "id"),
    "bill_of_lading": ("bill of lading", "bill of lading number", "bill_of_lading", "b/l", "b/l no", "bl number",
                       "bol", "master bill of lading", "提单号", "提单编号"),
    "shipper": ("shipper", "shipper name", "exporter", "exporter name", "supplier", "supplier name", "seller",
                "发货人", "发货人名称", "出口商", "托运人", "供应商"),
    "consignee": ("consignee", "consignee name", "importer", "importer name", "buyer", "buyer name", "收货人",
                  "收货人名称", "进口商", "采购商"),
    "notify": ("notify party", "notify party name", "notify", "通知人", "通知方"),
    "origin_port": ("origin_port", "port of loading", "port of lading", "loading port", "origin port",
                    "foreign port", "装货港", "起运港"),
    "destination_port": ("destination_port", "port of discharge", "port of unlading", "discharge port",
                         "destination port", "us port", "卸货港", "目的港"),
    "origin_country": ("origin_country", "country of origin", "origin country", "shipper country", "origin",
                       "原产国", "起运国"),
    "destination_country": ("destination_country", "destination country", "country of destination",
                            "consignee country", "destination", "目的国"),
    "hs_code": ("hs_code", "hs code", "hs", "hts", "hts code", "hscode", "harmonized code", "tariff code",
                "hs编码", "海关编码", "商品编码"),
    "product": ("product_description", "product description", "description of goods", "goods description",
                "commodity", "commodity description", "product", "description", "货物描述", "商品描述", "品名",
                "商品名称"),
    "date": ("date", "arrival date", "shipment date", "ship date", "departure date", "bill of lading date",
             "到港日期", "发货日期", "日期"),
    "weight_unit": ("weight unit", "weight_unit", "unit", "重量单位"),
    "weight": ("weight_kg", "weight", "gross weight", "gross weight kg", "weight (kg)", "毛重", "重量"),
}
SHIPMENT_FIELDS = tuple(PATTERNS)
REQUIRED = ("shipper", "consignee")
#: Header words that rule a column out of a field when only contained ('Shipper Address' is no shipper).
EXCLUDE: dict[str, tuple[str, ...]] = {
    "shipper": ("address", "country", "city", "port", "id", "code", "地址"),
    "consignee": ("address", "country", "city", "port", "id", "code", "地址"),
    "notify": ("address", "country", "city"),
    "origin_country": ("port", "code"),
    "destination_country": ("port", "code"),
    "product": ("code", "hs", "hts"),
    "weight": ("unit",),
    "date": ("update",),
}
HEADER_SEARCH_ROWS = 11


@dataclass(frozen=True)
class ShipmentRow:
    """One shipment as read: cleaned values, and the problems found in its row (each names the column)."""

    row: int
    id: str
    shipper: str
    consignee: str
    notify: str = ""
    origin_country: str = ""
    destination_country: str = ""
    origin_port: str = ""
    destination_port: str = ""
    product: str = ""
    hs_code: str = ""
    weight_kg: float | None = None
    date: str | None = None
    bill_of_lading: str = ""
    problems: tuple[str, ...] = ()
    skipped: bool = False  #: no party at all: reported, not stored


def parse_shipment_map(items: Sequence[str]) -> dict[str, str]:
    """['shipper=发货人', 'date=ETA'] -> {'shipper': '发货人', 'date': 'ETA'}, checked against SHIPMENT_FIELDS."""
    mapping: dict[str, str] = {}
    for item in items:
        field, sep, column = (p.strip() for p in item.partition("="))
        if not sep or not field or not column or field.lower() not in PATTERNS:
            raise ConfigError(f"--map {item!r} is not FIELD=COLUMN with a field among {', '.join(SHIPMENT_FIELDS)}")
        mapping[field.lower()] = column
    return mapping


def guess_shipment_mapping(columns: Sequence[str], user: dict[str, str] | None = None) -> dict[str, str]:
    """Field -> column: the user's choices, then exact header spellings, then headers that contain a spelling."""
    folded = [normalize_header(c) for c in columns]
    mapping: dict[str, str] = {}
    for field, wanted in (user or {}).items():
        hits = [c for c, f in zip(columns, folded) if c == wanted or f == normalize_header(wanted)]
        if len(hits) != 1:
            raise ConfigError(f"--map {field}={wanted!r}: no such column; the columns are "
                              + ", ".join(map(repr, columns)))
        mapping[field] = hits[0]
    for exact in (True, False):
        for field, patterns in PATTERNS.items():
            if field not in mapping:
                column = _find(field, patterns, columns, folded, set(mapping.values()), exact)
                if column is not None:
                    mapping[field] = column
    return mapping


def _find(field: str, patterns: Sequence[str], columns: Sequence[str], folded: list[str], used: set[str],
          exact: bool) -> str | None:
    for pattern in map(normalize_header, patterns):
        for column, header in zip(columns, folded):
            if column in used or not header:
                continue
            if exact and header == pattern:
                return column
            long_enough = len(pattern) >= (2 if not pattern.isascii() else 4)
            if not exact and long_enough and pattern in header and not _excluded(field, column):
                return column
    return None


def _excluded(field: str, column: str) -> bool:
    words = set(normalize_header(w) for w in column.replace("/", " ").replace("_", " ").split())
    folded = normalize_header(column)
    return any((w in words) if w.isascii() else (w in folded) for w in EXCLUDE.get(field, ()))


def open_shipments(path: Path, mapping: dict[str, str] | None = None) -> Table:
    """Open a shipment table: format, encoding and the header row that maps shipper and consignee."""
    path = Path(path)
    if path.suffix.lower() == ".xls":
        raise InputError("the old Excel .xls format is not supported; save it as .xlsx or .csv", file=path)
    if not path.is_file() or path.stat().st_size == 0:
        raise InputError("no such file, or it is empty", file=path)
    fmt = SUFFIX_FORMATS.get(path.suffix.lower(), "csv")
    encoding = None if fmt == "xlsx" else detect_encoding(path)
    delimiter = None
    if fmt in ("csv", "tsv"):
        lines = decoded_lines(path, encoding or "utf-8")
        try:
            delimiter = "\t" if fmt == "tsv" else sniff_delimiter([line for _, line in zip(range(50), lines)])
        finally:
            lines.close()
    table = Table(path, fmt, encoding, [], {}, delimiter)
    table.header_index, table.columns, table.mapping = _pick_header(table, mapping)
    return table


def _pick_header(table: Table, user: dict[str, str] | None) -> tuple[int, list[str], dict[str, str]]:
    """The leading row that maps shipper and consignee with the most fields; title rows above it are skipped."""
    best: tuple[int, int, list[str], dict[str, str]] | None = None
    first: list[str] = []
    raws = table.raw_rows()
    try:
        for index, raw in _leading(raws):
            cells = [c.strip() for c in raw.cells]
            if not any(cells):
                continue
            columns = header_names(cells)
            first = first or columns
            try:
                mapping = guess_shipment_mapping(columns, user)
            except ConfigError:
                continue
            if all(f in mapping for f in REQUIRED) and (best is None or len(mapping) > best[0]):
                best = (len(mapping), index, columns, mapping)
    finally:
        raws.close()
    if best is None:
        guess_shipment_mapping(first, user)  # a --map naming a missing column says so
        raise InputError("no column holds the shipper or the consignee; columns found: "
                         f"{', '.join(map(repr, first))}; say which with --map shipper=COLUMN --map consignee=COLUMN",
                         file=table.path)
    return best[1], best[2], best[3]


def _leading(raws: Iterator[RawRow]) -> Iterator[tuple[int, RawRow]]:
    """The first HEADER_SEARCH_ROWS records; a malformed one ends the search (reading the rows reports it)."""
    for index in range(HEADER_SEARCH_ROWS):
        try:
            yield index, next(raws)
        except (StopIteration, RowError):
            return


def read_shipments(path: Path, mapping: dict[str, str] | None = None) -> Iterator[ShipmentRow]:
    """Every data row of a shipment table as a ShipmentRow; a file that cannot be read raises InputError."""
    table = open_shipments(path, mapping)
    seen: dict[str, int] = {}
    count = 0
    for row in table:
        count += 1
        yield _shipment(row, seen)
    if count == 0:
        raise no_data_rows(path)


def no_data_rows(path: Path) -> InputError:
    """The error for a shipment table with a header and nothing below it (row path and bulk path alike)."""
    return InputError("no data rows: the file has a header but no shipments below it", file=path)


def _shipment(row: TableRow, seen: dict[str, int]) -> ShipmentRow:
    # one pass over the mapped cells: this runs once per row on files of millions of rows
    values, mapping = row.values, row.mapping
    cell = {f: values.get(c, "").strip() for f, c in mapping.items()}
    get = cell.get
    shipper, consignee = get("shipper", ""), get("consignee", "")
    problems: list[str] = []
    if not shipper or not consignee:
        if not shipper and not consignee:
            problems.append(_where(row, "shipper", "no shipper and no consignee: the row is skipped"))
        else:
            missing = "consignee" if shipper else "shipper"
            problems.append(_where(row, missing, "no name: the shipment is kept but gives no edge in the graph"))
    weight, note = parse_weight_kg(get("weight", ""), get("weight_unit", ""))
    if note:
        problems.append(_where(row, "weight", note))
    hs_codes, note = parse_hs_codes(get("hs_code", ""))
    if note:
        problems.append(_where(row, "hs_code", note))
    raw_date = get("date", "")
    date = parse_shipment_date(raw_date) if raw_date else None
    if raw_date and date is None:
        problems.append(_where(row, "date", f"unreadable date {raw_date!r}: use YYYY-MM-DD"))
    return ShipmentRow(
        row=row.row, id=_shipment_id(row, get("id", ""), seen), shipper=shipper, consignee=consignee,
        notify=get("notify", ""), origin_country=get("origin_country", ""),
        destination_country=get("destination_country", ""), origin_port=get("origin_port", ""),
        destination_port=get("destination_port", ""), product=get("product", ""),
        hs_code=" ".join(hs_codes), weight_kg=weight, date=date, bill_of_lading=get("bill_of_lading", ""),
        problems=tuple(problems), skipped=not shipper and not consignee,
    )


def _where(row: TableRow, field: str, message: str) -> str:
    column = row.mapping.get(field, field)
    return f"row {row.row}, column {column!r}: {message}"


def _shipment_id(row: TableRow, given: str, seen: dict[str, int]) -> str:
    """The file's shipment id, else a digest of the row's cells; a repeat gets '-2', '-3' so none is lost."""
    base = given or "shp-" + hashlib.sha1(
        "\x1f".join(row.values.values()).encode("utf-8")).hexdigest()[:16]
    seen[base] = seen.get(base, 0) + 1
    return base if seen[base] == 1 else f"{base}-{seen[base]}"

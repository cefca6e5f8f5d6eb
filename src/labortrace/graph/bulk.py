"""Bulk loads of large shipment CSV files with DuckDB: the same rows as the row-by-row reader, far faster.

The row-by-row path (sources/shipments.py, then graph/shipments.py) costs about 80 µs of Python per row: 14
minutes for 10 million bills of lading. Here DuckDB reads the CSV (all cells as text) in C++, the cell parsers
of sources/shipment_values.py run once per *distinct* date, weight and HS-code cell, parties are resolved once
per distinct name by the same _Parties as the row path, and DuckDB joins it all back into finished rows that
go to the workspace in batches. The rules are not written twice: every value is still cleaned by the Python
parsers, and problems carry the same messages, row and column.

Used for UTF-8 CSV and TSV files from BULK_BYTES that DuckDB reads in strict mode; other files, and files with
ragged rows or stray quotes, take the row path, which names the row and column of any problem. Cells are stripped
of the whitespace Python's str.strip() strips (`trimmed`). One difference, by design: row numbers count records
that are not blank (the row path also counts blank lines).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import duckdb

from labortrace.sources.shipment_values import parse_hs_codes, parse_shipment_date, parse_weight_kg
from labortrace.sources.shipments import no_data_rows
from labortrace.sources.tables import Table

#: Encodings DuckDB reads as they are.
UTF8 = frozenset({"utf-8", "utf_8", "utf8", "ascii", "utf-8-sig", "utf_8_sig"})
FETCH_ROWS = 50_000
#: Problems listed per kind (the count says how many there were in all).
MAX_LISTED = 1000
#: Party fields and the country field that goes with each (a new party's country is its first sighting's).
PARTY_FIELDS = (("shipper", "origin_country"), ("consignee", "destination_country"))


def can_bulk_load(table: Table) -> bool:
    """Whether DuckDB can read this table exactly: a delimited text file in UTF-8."""
    return table.format in ("csv", "tsv") and (table.encoding or "utf-8").lower() in UTF8


class BulkUnreadable(Exception):
    """DuckDB would not read the file exactly (ragged rows, stray quotes): the row path must, and names the row."""


def open_bulk(table: Table) -> BulkReader | None:
    """The file read into DuckDB, or None when it cannot be read exactly that way (the row path takes it)."""
    if not can_bulk_load(table):
        return None
    try:
        return BulkReader(table)
    except BulkUnreadable:
        return None


#: What Python's str.strip() strips, as an RE2 class: ASCII whitespace, \x1c-\x1f, \x85 and Unicode separators
#: (no-break and ideographic spaces).
_SPACE = r"[\t\n\v\f\r \x{1c}-\x{1f}\x{85}\pZ]"


def trimmed(column: str) -> str:
    """SQL for a cell stripped as the row path strips it ('' for a missing cell)."""
    return f"coalesce(regexp_replace({column}, '^{_SPACE}+|{_SPACE}+$', '', 'g'), '')"


class BulkReader:
    """A shipment CSV held in an in-memory DuckDB table `raw` (n = data row, c0… = cells), with the maps."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.con = duckdb.connect()
        self.con.execute("SET enable_progress_bar = false")  # the CLI has its own
        self.columns = {f: f"c{table.columns.index(c)}" for f, c in table.mapping.items()}
        names = [f"c{i}" for i in range(len(table.columns))]
        try:
            self.con.execute(
                "CREATE TABLE raw AS SELECT row_number() OVER () AS n, * FROM read_csv(?, header = false, "
                "skip = ?, all_varchar = true, delim = ?, quote = '\"', escape = '\"', names = ?, "
                "null_padding = true, strict_mode = true, parallel = false)",
                [str(table.path), table.header_index + 1, table.delimiter or ",", names])
            cells = " OR ".join(f"{trimmed(c)} <> ''" for c in names)
            self.con.execute(f"DELETE FROM raw WHERE NOT ({cells})")
        except duckdb.Error as exc:
            self.con.close()
            raise BulkUnreadable(str(exc)) from exc

    def cell(self, field: str, alias: str = "") -> str:
        """SQL for a field's trimmed cell, of table `alias` when given ('' when the field is not mapped)."""
        column = self.columns.get(field)
        return trimmed(f"{alias}.{column}" if alias else column) if column else "''"

    def distinct(self, sql: str) -> list[tuple[Any, ...]]:
        return self.con.execute(f"SELECT DISTINCT {sql} FROM raw").fetchall()

    def close(self) -> None:
        self.con.close()


def _values(reader: BulkReader) -> None:
    """Maps from each distinct date, weight and HS-code cell to its clean value and note."""
    con = reader.con
    rows = []
    for (cell,) in reader.distinct(reader.cell("date")):
        iso = parse_shipment_date(cell) if cell else None
        rows.append((cell, iso, f"unreadable date {cell!r}: use YYYY-MM-DD" if cell and iso is None else ""))
    _table(con, "date_map", {"raw": "VARCHAR", "iso": "VARCHAR", "note": "VARCHAR"}, rows)
    weights = reader.distinct(f"{reader.cell('weight')}, {reader.cell('weight_unit')}")
    _table(con, "weight_map", {"raw": "VARCHAR", "unit": "VARCHAR", "kg": "DOUBLE", "note": "VARCHAR"},
           [(w, u, *parse_weight_kg(w, u)) for w, u in weights])
    codes = [(c, *parse_hs_codes(c)) for (c,) in reader.distinct(reader.cell("hs_code"))]
    _table(con, "hs_map", {"raw": "VARCHAR", "codes": "VARCHAR", "note": "VARCHAR"},
           [(c, " ".join(h), note) for c, h, note in codes])


def _table(con: duckdb.DuckDBPyConnection, name: str, columns: dict[str, str], rows: list[tuple[Any, ...]]) -> None:
    """A DuckDB table from Python rows, passed as one list per column (executemany runs a statement per row)."""
    lists = [list(col) for col in zip(*rows)] if rows else [[] for _ in columns]
    select = ", ".join(f"unnest(?::{kind}[]) AS {col}" for col, kind in columns.items())
    con.execute(f"CREATE TABLE {name} AS SELECT {select}", lists)


def _parties(reader: BulkReader, party_id: Callable[[str, str], str | None]) -> None:
    """party_map: every distinct shipper and consignee name, in order of first appearance, to its entity id."""
    sightings = " UNION ALL ".join(f"SELECT {reader.cell(name)} AS name, {reader.cell(country)} AS country, n, "
                                   f"{k} AS k FROM raw" for k, (name, country) in enumerate(PARTY_FIELDS))
    # each name once, with the country of its first sighting (shipper before consignee within a row)
    firsts = reader.con.execute(
        f"SELECT name, arg_min(country, (n, k)) FROM ({sightings}) GROUP BY name ORDER BY min((n, k))").fetchall()
    seen: dict[str, str | None] = {}
    for name, country in firsts:
        seen[name] = party_id(name, country)
    _table(reader.con, "party_map", {"name": "VARCHAR", "id": "VARCHAR"}, list(seen.items()))


def _problems(reader: BulkReader) -> tuple[list[str], int, int]:
    """The problems of the file as the row path words them, the count of all, and the rows skipped."""
    mapping = reader.table.mapping
    shipper, consignee = reader.cell("shipper"), reader.cell("consignee")
    party = "no name: the shipment is kept but gives no edge in the graph"
    kinds: list[tuple[str, str, str]] = [  # (condition, field, SQL giving the message)
        (f"{shipper} = '' AND {consignee} = ''", "shipper", "'no shipper and no consignee: the row is skipped'"),
        (f"{shipper} = '' AND {consignee} <> ''", "shipper", f"'{party}'"),
        (f"{consignee} = '' AND {shipper} <> ''", "consignee", f"'{party}'"),
        ("w.note <> ''", "weight", "w.note"),
        ("h.note <> ''", "hs_code", "h.note"),
        ("d.note <> ''", "date", "d.note"),
    ]
    joined = _joined(reader)
    listed: list[tuple[int, int, str]] = []
    counts = []
    for order, (condition, field, message) in enumerate(kinds):
        column = mapping.get(field, field)
        counts.append(int(reader.con.execute(f"SELECT count(*) FROM {joined} WHERE {condition}").fetchone()[0]))  # type: ignore[index]
        listed += [(n, order, f"row {n}, column {column!r}: {text}") for n, text in reader.con.execute(
            f"SELECT r.n, {message} FROM {joined} WHERE {condition} ORDER BY r.n LIMIT {MAX_LISTED}").fetchall()]
    # the first kind is the skipped rows: no shipper and no consignee
    return [text for _, _, text in sorted(listed)][:MAX_LISTED], sum(counts), counts[0]


def _joined(reader: BulkReader) -> str:
    return (f"raw r LEFT JOIN date_map d ON d.raw = {reader.cell('date', 'r')} "
            f"LEFT JOIN weight_map w ON w.raw = {reader.cell('weight', 'r')} AND w.unit = {reader.cell('weight_unit', 'r')} "
            f"LEFT JOIN hs_map h ON h.raw = {reader.cell('hs_code', 'r')}")


def bulk_rows(reader: BulkReader, dataset: str, batch: int, party_id: Callable[[str, str], str | None],
              counts: dict[str, Any]) -> Iterator[list[tuple[Any, ...]]]:
    """Finished shipment rows in COLUMNS order, FETCH_ROWS at a time; `counts` receives rows, skipped, problems.
    The reader is closed at the end."""
    table = reader.table
    try:
        _values(reader)
        _parties(reader, party_id)
        problems, total, skipped = _problems(reader)
        rows = int(reader.con.execute("SELECT count(*) FROM raw").fetchone()[0])  # type: ignore[index]
        if rows == 0:
            raise no_data_rows(table.path)
        counts.update(rows=rows, skipped=skipped, problems=problems, problem_count=total)
        def cell(field: str) -> str:
            return reader.cell(field, "r")

        def none(sql: str) -> str:
            return f"nullif({sql}, '')"

        digest = "concat_ws(chr(31), " + ", ".join(trimmed(f"r.c{i}") for i in range(len(table.columns))) + ")"
        base = f"coalesce(nullif({cell('id')}, ''), 'shp-' || substr(sha1({digest}), 1, 16))"
        query = f"""
            WITH rows AS (
              SELECT r.n, {base} AS base, {cell('shipper')} AS shipper, {cell('consignee')} AS consignee,
                     {cell('notify')} AS notify, {cell('origin_country')} AS oc, {cell('destination_country')} AS dc,
                     {cell('origin_port')} AS op, {cell('destination_port')} AS dp, {cell('product')} AS product,
                     h.codes, w.kg, d.iso, {cell('bill_of_lading')} AS bl
              FROM {_joined(reader)}
              WHERE NOT ({cell('shipper')} = '' AND {cell('consignee')} = ''))
            SELECT {batch}, CASE WHEN k = 1 THEN base ELSE base || '-' || k END, '{dataset.replace("'", "''")}', n,
                   shipper, consignee, notify, ps.id, pc.id, {none('oc')}, {none('dc')}, {none('op')}, {none('dp')},
                   {none('product')}, {none('codes')}, kg, iso, {none('bl')}
            FROM (SELECT *, row_number() OVER (PARTITION BY base ORDER BY n) AS k FROM rows) x
            LEFT JOIN party_map ps ON ps.name = x.shipper
            LEFT JOIN party_map pc ON pc.name = x.consignee
            ORDER BY n"""
        result = reader.con.execute(query)
        while chunk := result.fetchmany(FETCH_ROWS):
            yield chunk
    finally:
        reader.close()

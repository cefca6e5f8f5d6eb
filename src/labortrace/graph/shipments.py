"""Shipments into the workspace, and out again as aggregated shipper -> consignee edges.

Loading is all or nothing: `store_shipments` writes every row of a load as a new batch in one transaction
(an InputError from the reader rolls it back); the batch only counts once the dataset row names its version and
sha256, which `Store.replace_dataset` writes together with the new party entities (`load_shipments` does both).
Until then, and forever when that step fails, readers keep seeing the previous batch. Older batches are pruned
afterwards; a prune that fails leaves rows nobody reads.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from followthemoney.proxy import EntityProxy
from sqlalchemy import ColumnElement, Engine, and_, delete, func, insert, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql import Select

from labortrace.graph.bulk import BulkReader, bulk_rows
from labortrace.graph.parties import ID_PREFIX, NewParties, Resolve, party_key
from labortrace.names.normalize import NameAnalysis, analyze_name
from labortrace.sources.shipments import ShipmentRow
from labortrace.store import DatasetSpec, Store, VersionChange
from labortrace.store import schema as s
from labortrace.store.graph_schema import shipment_batches, shipments

BATCH_ROWS = 5000
#: Indexes a bulk load builds after its rows instead of maintaining them row by row.
BULK_REBUILT = ("ix_shipments_consignee_shipper", "ix_shipments_edge")
#: Files from this size load in bulk (Workspace.load decides).
BULK_BYTES = 64 * 1024 * 1024
#: Problems kept in a load's stats; the count says how many there were in all.
MAX_PROBLEMS = 1000


@dataclass
class ShipmentLoad:
    """What one load of shipments did."""

    batch: int = 0
    rows: int = 0
    stored: int = 0
    skipped: int = 0
    resolved: int = 0  #: distinct party names linked to an existing entity
    problems: list[str] = field(default_factory=list)
    problem_count: int = 0
    parties: list[EntityProxy] = field(default_factory=list)  #: new party entities, for the dataset
    reader: str = "rows"  #: 'rows' (row by row) or 'duckdb' (graph/bulk.py)

    def stats(self) -> dict[str, Any]:
        return {"format": "shipments", "rows": self.rows, "shipments": self.stored, "skipped": self.skipped,
                "parties_resolved": self.resolved, "parties_new": len(self.parties),
                "problems": self.problems, "problem_count": self.problem_count, "reader": self.reader}


class _Parties:
    """Names to entity ids for one load: the resolver first, new parties for the rest; one answer per name.

    Spellings with the same normalised key ('Gold Bridge Trading Ltd', 'GOLD BRIDGE TRADING LIMITED') get the
    answer of the first one without asking the matcher again: shipping data repeats a company under a handful
    of spellings on millions of rows.
    """

    def __init__(self, dataset: str, resolve: Resolve) -> None:
        self.resolve = resolve
        self.new = NewParties(dataset)
        self.ids: dict[str, str] = {}
        self.by_key: dict[str, str] = {}
        self.resolved = 0

    def id(self, name: str, country: str) -> str | None:
        if not name:
            return None
        found = self.ids.get(name)
        if found is None:
            analysis = analyze_name(name)
            key = party_key(name, analysis)
            found = self.by_key.get(key)
            if found is None:
                found = self._first(name, country, analysis)
                self.by_key[key] = found
            elif found in self.new:
                self.new.add(name, country, known=found)  # another spelling of a new party: its alias
            self.resolved += found not in self.new
            self.ids[name] = found
        return found

    def _first(self, name: str, country: str, analysis: NameAnalysis) -> str:
        found = self.resolve(name)
        if found is None or found.startswith(ID_PREFIX):
            return self.new.add(name, country, known=found, analysis=analysis)
        return found


def store_shipments(
    engine: Engine,
    dataset: str,
    rows: Iterable[ShipmentRow] | BulkReader,
    resolve: Resolve,
    *,
    version: str,
    sha256: str,
    progress: Callable[[int], None] | None = None,
    bulk: bool = False,
) -> ShipmentLoad:
    """Write a load's shipments as a new batch in one transaction; parties resolved by `resolve` or made new.

    `rows` is either the row-by-row reader's ShipmentRows or, for a large CSV, the file read into DuckDB
    (graph/bulk.py). `bulk` (a large file) drops the party indexes first and builds them again after the last row, in the same
    transaction: building an index once from all rows is much cheaper than inserting millions of rows into it
    in random order (1M rows: 13 s of CPU against 23 s). A failed load rolls the drop back with the rows.
    """
    load = ShipmentLoad()
    parties = _Parties(dataset, resolve)
    rebuilt = [i for i in shipments.indexes if i.name in BULK_REBUILT] if bulk else []
    with engine.begin() as conn:
        load.batch = int(conn.execute(insert(shipment_batches).values(
            dataset=dataset, version=version, sha256=sha256).returning(shipment_batches.c.id)).scalar_one())
        # after the first write: Python's sqlite3 opens the transaction at a DML statement, and a DROP INDEX
        # before it would be committed on its own, surviving a failed load
        for index in rebuilt:
            index.drop(conn)
        if isinstance(rows, BulkReader):
            counts: dict[str, Any] = {}
            for block in bulk_rows(rows, dataset, load.batch, parties.id, counts):
                _flush(conn, block, load, progress)
            load.rows, load.skipped = counts["rows"], counts["skipped"]
            load.problems, load.problem_count = counts["problems"], counts["problem_count"]
            load.reader = "duckdb"
        else:
            chunk: list[tuple[Any, ...]] = []
            for row in rows:
                _count(load, row)
                if row.skipped:
                    continue
                chunk.append(_record(load.batch, dataset, row, parties))
                if len(chunk) >= BATCH_ROWS:
                    _flush(conn, chunk, load, progress)
            _flush(conn, chunk, load, progress)
        for index in rebuilt:
            index.create(conn)
    load.resolved = parties.resolved
    load.parties = parties.new.entities()
    return load


def _count(load: ShipmentLoad, row: ShipmentRow) -> None:
    load.rows += 1
    load.skipped += row.skipped
    load.problem_count += len(row.problems)
    load.problems.extend(row.problems[: max(0, MAX_PROBLEMS - len(load.problems))])


#: Columns of a shipment row in the order _record gives them.
COLUMNS = ("batch", "id", "dataset", "row", "shipper_name", "consignee_name", "notify_name", "shipper_entity",
           "consignee_entity", "origin_country", "destination_country", "origin_port", "destination_port", "product",
           "hs_code", "weight_kg", "date", "bill_of_lading")


def _record(batch: int, dataset: str, row: ShipmentRow, parties: _Parties) -> tuple[Any, ...]:
    return (batch, row.id, dataset, row.row, row.shipper, row.consignee, row.notify,
            parties.id(row.shipper, row.origin_country), parties.id(row.consignee, row.destination_country),
            row.origin_country or None, row.destination_country or None, row.origin_port or None,
            row.destination_port or None, row.product or None, row.hs_code or None, row.weight_kg, row.date,
            row.bill_of_lading or None)


def _insert_sql(conn: Connection) -> tuple[str, bool]:
    """The INSERT in the driver's own parameter style, and whether its parameters are positional (COLUMNS order).

    Rows go to the driver directly (`exec_driver_sql`): SQLAlchemy's per-row handling of dictionaries cost
    more than SQLite's own work on bulk loads of millions of shipments.
    """
    compiled = insert(shipments).values({c: None for c in COLUMNS}).compile(dialect=conn.dialect)
    if compiled.positiontup is not None and tuple(compiled.positiontup) != COLUMNS:
        raise RuntimeError(f"unexpected parameter order {compiled.positiontup}")
    return str(compiled), compiled.positiontup is not None


def _flush(conn: Connection, chunk: list[tuple[Any, ...]], load: ShipmentLoad,
           progress: Callable[[int], None] | None) -> None:
    if chunk:
        sql, positional = _insert_sql(conn)
        conn.exec_driver_sql(sql, chunk if positional else [dict(zip(COLUMNS, r)) for r in chunk])
        load.stored += len(chunk)
        chunk.clear()
        if progress:
            progress(load.stored)


def load_shipments(
    store: Store,
    spec: DatasetSpec,
    rows: Iterable[ShipmentRow] | BulkReader,
    resolve: Resolve,
    progress: Callable[[int], None] | None = None,
    *,
    bulk: bool = False,
) -> tuple[VersionChange, ShipmentLoad]:
    """Load a shipments dataset whole: the rows as a batch, then the party entities with the dataset row."""
    load = store_shipments(store.engine, spec.name, rows, resolve, version=spec.version, sha256=spec.sha256,
                           progress=progress, bulk=bulk)
    try:
        change = store.replace_dataset(dataclasses.replace(spec, stats={**spec.stats, **load.stats()}), load.parties)
    except BaseException:
        _drop_batch(store.engine, load.batch)
        raise
    prune_batches(store.engine)
    return change, load


def current_batches() -> Select[Any]:
    """The batch in force per dataset: the newest whose version and sha256 the datasets table holds."""
    b, d = shipment_batches, s.datasets
    return (select(func.max(b.c.id))
            .join(d, and_(d.c.name == b.c.dataset, d.c.version == b.c.version, d.c.sha256 == b.c.sha256))
            .group_by(b.c.dataset))


def prune_batches(engine: Engine) -> None:
    """Delete the rows of batches no longer (or never) in force."""
    with engine.begin() as conn:
        live = [r[0] for r in conn.execute(current_batches())]
        conn.execute(delete(shipments).where(shipments.c.batch.not_in(live)))
        conn.execute(delete(shipment_batches).where(shipment_batches.c.id.not_in(live)))


def _drop_batch(engine: Engine, batch: int) -> None:
    with engine.begin() as conn:
        conn.execute(delete(shipments).where(shipments.c.batch == batch))
        conn.execute(delete(shipment_batches).where(shipment_batches.c.id == batch))


def live_batches(engine: Engine) -> list[int]:
    """The ids of the shipment batches in force (one per shipments dataset)."""
    with engine.connect() as conn:
        return sorted(int(r[0]) for r in conn.execute(current_batches()) if r[0] is not None)


def _in_batches(batches: Sequence[int]) -> ColumnElement[bool]:
    """`batch IN (...)` written so that no index on batch is used: every row of a shipments dataset has the same
    batch, so SQLite's planner, without statistics, would otherwise scan a whole batch through the primary key
    instead of seeking the party indexes (0.85 s against 2 ms on 200k rows)."""
    return (shipments.c.batch + 0).in_(list(batches))


def shippers_of_many(engine: Engine, batches: Sequence[int], consignees: Sequence[str]) -> dict[str, list[str]]:
    """The distinct resolved shippers of each consignee, for many consignees in one query."""
    t = shipments
    query = (select(t.c.consignee_entity, t.c.shipper_entity).distinct()
             .where(t.c.consignee_entity.in_(list(consignees)), _in_batches(batches),
                    t.c.shipper_entity.is_not(None)))
    found: dict[str, list[str]] = {}
    with engine.connect() as conn:
        for consignee, shipper in conn.execute(query):
            found.setdefault(consignee, []).append(shipper)
    return {k: sorted(v) for k, v in found.items()}


#: Fields of a shipment listed as a sample in an edge's evidence.
SAMPLE_FIELDS = ("id", "dataset", "date", "product", "hs_code", "weight_kg", "origin_country",
                 "destination_country", "origin_port", "destination_port", "bill_of_lading", "shipper_name",
                 "consignee_name")


def shipment_evidence(engine: Engine, batches: Sequence[int], shipper: str, consignee: str,
                      samples: int) -> list[dict[str, Any]]:
    """An edge's evidence: a summary of every shipment from shipper to consignee, then the newest `samples`."""
    t = shipments
    where = (t.c.shipper_entity == shipper, t.c.consignee_entity == consignee, _in_batches(batches))
    newest = (t.c.date.desc().nulls_last(), t.c.id)
    with engine.connect() as conn:
        count, first, last, weight = conn.execute(
            select(func.count(), func.min(t.c.date), func.max(t.c.date), func.sum(t.c.weight_kg)).where(*where)).one()
        datasets = sorted(r[0] for r in conn.execute(select(t.c.dataset).distinct().where(*where)))
        hs_cells = [r[0] for r in conn.execute(select(t.c.hs_code).distinct().where(*where, t.c.hs_code.is_not(None)))]
        products = [r[0] for r in conn.execute(
            select(t.c.product).where(*where, t.c.product.is_not(None)).group_by(t.c.product)
            .order_by(func.max(t.c.date).desc().nulls_last(), t.c.product).limit(5))]
        rows = conn.execute(select(*(t.c[f] for f in SAMPLE_FIELDS)).where(*where).order_by(*newest)
                            .limit(samples)).all()
    summary: dict[str, Any] = {
        "type": "shipments", "count": int(count), "datasets": datasets, "first_date": first, "last_date": last,
        "hs_codes": sorted({c for cell in hs_cells for c in cell.split()}), "products": products,
        "weight_kg": round(float(weight or 0.0), 3),
    }
    sampled = [{"type": "shipment", **{k: v for k, v in r._mapping.items() if v is not None}} for r in rows]
    return [summary, *sampled]

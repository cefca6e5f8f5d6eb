"""Shipments into the workspace, and out again as aggregated shipper -> consignee edges.

Loading is all or nothing: `store_shipments` writes every row of a load as a new batch in one transaction
(an InputError from the reader rolls it back); the batch only counts once the dataset row names its version and
sha256, which `Store.replace_dataset` writes together with the new party entities (`load_shipments` does both).
Until then, and forever when that step fails, readers keep seeing the previous batch. Older batches are pruned
afterwards; a prune that fails leaves rows nobody reads.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from followthemoney.proxy import EntityProxy
from sqlalchemy import Engine, and_, delete, func, insert, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql import Select

from labortrace.graph.parties import ID_PREFIX, NewParties, Resolve
from labortrace.sources.shipments import ShipmentRow
from labortrace.store import DatasetSpec, Store, VersionChange
from labortrace.store import schema as s
from labortrace.store.graph_schema import shipment_batches, shipments

BATCH_ROWS = 5000
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

    def stats(self) -> dict[str, Any]:
        return {"format": "shipments", "rows": self.rows, "shipments": self.stored, "skipped": self.skipped,
                "parties_resolved": self.resolved, "parties_new": len(self.parties),
                "problems": self.problems, "problem_count": self.problem_count}


class _Parties:
    """Names to entity ids for one load: the resolver first, new parties for the rest; one answer per name."""

    def __init__(self, dataset: str, resolve: Resolve) -> None:
        self.resolve = resolve
        self.new = NewParties(dataset)
        self.ids: dict[str, str] = {}
        self.resolved = 0

    def id(self, name: str, country: str) -> str | None:
        if not name:
            return None
        if name not in self.ids:
            found = self.resolve(name)
            if found is None or found.startswith(ID_PREFIX):
                self.ids[name] = self.new.add(name, country, known=found)
            else:
                self.ids[name] = found
                self.resolved += 1
        return self.ids[name]


def store_shipments(
    engine: Engine,
    dataset: str,
    rows: Iterable[ShipmentRow],
    resolve: Resolve,
    *,
    version: str,
    sha256: str,
    progress: Callable[[int], None] | None = None,
) -> ShipmentLoad:
    """Write a load's shipments as a new batch in one transaction; parties resolved by `resolve` or made new."""
    load = ShipmentLoad()
    parties = _Parties(dataset, resolve)
    with engine.begin() as conn:
        load.batch = int(conn.execute(insert(shipment_batches).values(
            dataset=dataset, version=version, sha256=sha256).returning(shipment_batches.c.id)).scalar_one())
        chunk: list[dict[str, Any]] = []
        for row in rows:
            _count(load, row)
            if row.skipped:
                continue
            chunk.append(_record(load.batch, dataset, row, parties))
            if len(chunk) >= BATCH_ROWS:
                _flush(conn, chunk, load, progress)
        _flush(conn, chunk, load, progress)
    load.resolved = parties.resolved
    load.parties = parties.new.entities()
    return load


def _count(load: ShipmentLoad, row: ShipmentRow) -> None:
    load.rows += 1
    load.skipped += row.skipped
    load.problem_count += len(row.problems)
    load.problems.extend(row.problems[: max(0, MAX_PROBLEMS - len(load.problems))])


def _record(batch: int, dataset: str, row: ShipmentRow, parties: _Parties) -> dict[str, Any]:
    return dict(
        batch=batch, id=row.id, dataset=dataset, row=row.row, shipper_name=row.shipper,
        consignee_name=row.consignee, notify_name=row.notify,
        shipper_entity=parties.id(row.shipper, row.origin_country),
        consignee_entity=parties.id(row.consignee, row.destination_country),
        origin_country=row.origin_country or None, destination_country=row.destination_country or None,
        origin_port=row.origin_port or None, destination_port=row.destination_port or None,
        product=row.product or None, hs_code=row.hs_code or None, weight_kg=row.weight_kg, date=row.date,
        bill_of_lading=row.bill_of_lading or None,
    )


def _flush(conn: Connection, chunk: list[dict[str, Any]], load: ShipmentLoad,
           progress: Callable[[int], None] | None) -> None:
    if chunk:
        conn.execute(insert(shipments), chunk)
        load.stored += len(chunk)
        chunk.clear()
        if progress:
            progress(load.stored)


def load_shipments(
    store: Store,
    spec: DatasetSpec,
    rows: Iterable[ShipmentRow],
    resolve: Resolve,
    progress: Callable[[int], None] | None = None,
) -> tuple[VersionChange, ShipmentLoad]:
    """Load a shipments dataset whole: the rows as a batch, then the party entities with the dataset row."""
    load = store_shipments(store.engine, spec.name, rows, resolve, version=spec.version, sha256=spec.sha256,
                           progress=progress)
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


def shipment_rows(engine: Engine, entity_ids: Iterable[str] | None = None) -> Iterator[dict[str, Any]]:
    """Shipments in force with both parties resolved, by (shipper, consignee), newest first within a pair."""
    t = shipments
    query = (select(t).where(t.c.batch.in_(current_batches()), t.c.shipper_entity.is_not(None),
                             t.c.consignee_entity.is_not(None))
             .order_by(t.c.shipper_entity, t.c.consignee_entity, t.c.date.desc(), t.c.id))
    if entity_ids is not None:
        ids = list(entity_ids)
        query = query.where(t.c.shipper_entity.in_(ids) | t.c.consignee_entity.in_(ids))
    with engine.connect() as conn:
        for row in conn.execution_options(yield_per=BATCH_ROWS).execute(query):
            yield dict(row._mapping)

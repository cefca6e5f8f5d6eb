"""Upgrades of an older workspace to the current schema, one version step at a time.

`metadata.create_all` adds missing tables (and their indexes) but never changes a table that exists; a step
here changes what it must in the same transaction as the new version number, so a failed upgrade leaves the
workspace as it was.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, inspect

from labortrace.errors import StoreError
from labortrace.store import graph_schema as g

Step = Callable[[Connection], None]


def _shipment_indexes(conn: Connection) -> None:
    """Version 2: traces look shippers up by (consignee, shipper, batch) and edges by (shipper, consignee, date);
    the single-column party indexes of version 1 are replaced."""
    present = {ix["name"] for ix in inspect(conn).get_indexes(g.shipments.name)}
    for old in ("ix_shipments_shipper", "ix_shipments_consignee"):
        if old in present:
            conn.exec_driver_sql(f"DROP INDEX {old}")
    for index in g.shipments.indexes:
        if index.name not in present:
            index.create(conn)


#: STEPS[v] upgrades a workspace of version v to v + 1.
STEPS: dict[int, Step] = {1: _shipment_indexes}


def upgrade(conn: Connection, found: int, target: int) -> None:
    """Run every step from `found` up to `target`; a version no step upgrades is a StoreError."""
    for version in range(found, target):
        if version not in STEPS:
            raise StoreError(f"no upgrade from workspace schema version {version}: open it with the labortrace "
                             "that wrote it and export what you need")
        STEPS[version](conn)

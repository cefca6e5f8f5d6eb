"""Tables of the graph: shipment records (bills of lading) with the entities their parties resolved to.

Shipments are rows, not FtM entities: millions of them must load and aggregate in SQL (SQLite here, DuckDB for
bulk work), so no Python object per shipment is kept. Each load writes its rows under a new batch; the batch
counts only once the dataset row says its version and sha256 are current (see graph/shipments.py), so a load
that fails anywhere leaves the previous version in force.
"""

from __future__ import annotations

from sqlalchemy import Column, Float, Index, Integer, String, Table, Text

from labortrace.store.schema import metadata

#: One row per load of a shipments dataset: which version and file its shipment rows belong to.
shipment_batches = Table(
    "shipment_batches",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("dataset", String(255), nullable=False, index=True),
    Column("version", String(255), nullable=False),
    Column("sha256", String(64), nullable=False),
)

shipments = Table(
    "shipments",
    metadata,
    Column("batch", Integer, primary_key=True),
    Column("id", String(64), primary_key=True),
    Column("dataset", String(255), nullable=False),
    Column("row", Integer, nullable=False),  # data row in the source file
    Column("shipper_name", Text, nullable=False),
    Column("consignee_name", Text, nullable=False),
    Column("notify_name", Text, nullable=False),
    Column("shipper_entity", String(255)),
    Column("consignee_entity", String(255)),
    Column("origin_country", String(64)),
    Column("destination_country", String(64)),
    Column("origin_port", Text),
    Column("destination_port", Text),
    Column("product", Text),
    Column("hs_code", String(64)),  # HS6 codes, space-separated when a row lists several
    Column("weight_kg", Float),
    Column("date", String(10)),  # ISO date, or YYYY-MM when the day is missing
    Column("bill_of_lading", Text),
    # a trace asks for the shippers of one consignee (index only) and for one edge's shipments, newest first
    Index("ix_shipments_consignee_shipper", "consignee_entity", "shipper_entity", "batch"),
    Index("ix_shipments_edge", "shipper_entity", "consignee_entity", "date"),
)

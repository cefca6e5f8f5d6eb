"""An older workspace is upgraded when opened: the shipments indexes of version 1 give way to version 2's."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from labortrace.errors import StoreError

from labortrace.store import Store
from labortrace.store import graph_schema as g
from labortrace.store import schema as s


def _make_version_1(path: Path) -> None:
    """A workspace as session-1 labortrace wrote it: schema version 1, single-column shipment party indexes."""
    engine = create_engine(f"sqlite:///{path}")
    s.metadata.create_all(engine)
    with engine.begin() as conn:
        for index in g.shipments.indexes:
            conn.execute(text(f"DROP INDEX {index.name}"))
        conn.execute(text("CREATE INDEX ix_shipments_shipper ON shipments (shipper_entity)"))
        conn.execute(text("CREATE INDEX ix_shipments_consignee ON shipments (consignee_entity)"))
        conn.execute(text("INSERT INTO meta (key, value) VALUES ('schema_version', '1')"))
        conn.execute(text("INSERT INTO shipments (batch, id, dataset, row, shipper_name, consignee_name, notify_name)"
                          " VALUES (1, 'a', 'bl', 2, 'S', 'C', '')"))
    engine.dispose()


def test_opening_a_version_1_workspace_upgrades_its_indexes_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _make_version_1(path)
    store = Store(f"sqlite:///{path}")
    try:
        with store.engine.connect() as conn:
            names = {ix["name"] for ix in inspect(conn).get_indexes("shipments")}
            version = conn.execute(text("SELECT value FROM meta WHERE key='schema_version'")).scalar()
            rows = conn.execute(text("SELECT count(*) FROM shipments")).scalar()
    finally:
        store.close()
    assert names == {"ix_shipments_consignee_shipper", "ix_shipments_edge"}
    assert version == str(s.SCHEMA_VERSION) == "2"
    assert rows == 1


def test_a_current_workspace_is_opened_unchanged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'new.db'}"
    Store(url).close()

    def no_upgrade(*_: object) -> None:
        raise AssertionError("a current workspace was upgraded")

    monkeypatch.setattr("labortrace.store.store.upgrade", no_upgrade)
    store = Store(url)
    try:
        with store.engine.connect() as conn:
            names = {ix["name"] for ix in inspect(conn).get_indexes("shipments")}
            version = conn.execute(text("SELECT value FROM meta WHERE key='schema_version'")).scalar()
    finally:
        store.close()
    assert names == {"ix_shipments_consignee_shipper", "ix_shipments_edge"}
    assert version == str(s.SCHEMA_VERSION)


def test_a_version_no_step_upgrades_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "ancient.db"
    _make_version_1(path)
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(text("UPDATE meta SET value='0' WHERE key='schema_version'"))
    engine.dispose()
    with pytest.raises(StoreError, match="no upgrade from workspace schema version 0"):
        Store(f"sqlite:///{path}")
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT value FROM meta WHERE key='schema_version'")).scalar() == "0"
        assert {ix["name"] for ix in inspect(conn).get_indexes("shipments")} == {
            "ix_shipments_shipper", "ix_shipments_consignee"}
    engine.dispose()

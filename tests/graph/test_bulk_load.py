"""The DuckDB bulk path stores exactly what the row-by-row path stores, with the same problems."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from labortrace.errors import InputError
from labortrace.service import Workspace
from labortrace.store.graph_schema import shipments
from tests.graph.conftest import LINKS, LISTED, SHIPMENTS, write_ftm

MORE = (
    "BL008,2020-07-01,Hetian Taida Apparel Co Ltd,,GOLD BRIDGE TRADING LTD.,,China,Shanghai,Savannah,"
    "Face masks,6307.90.98,\"1,000 KG\"\n"
    "BL008,2020-07-01,Hetian Taida Apparel Co Ltd,,GOLD BRIDGE TRADING LTD.,,China,Shanghai,Savannah,"
    "Face masks,6307.90.98,\"1,000 KG\"\n"  # the same bill twice: both kept, the second id gets '-2'
    ",\"March 3, 2021\",,,,,,,,,,\n"  # no party at all: skipped and reported
    "BL010,2021-13-45,\"Nordic Timber AB\",,\"Peach State Medical Supply, Inc.\",,Sweden,,,Timber,4407.10;XYZ,5 kgs\n"
    "BL011,  2021-02-03  ,  Nordic Timber AB  ,,Peach State Medical Supply Inc,,Sweden,,,\"Timber, sawn\",4407,3 furlongs\n"
    ",\t2021-02-04\t,\tNordic Timber AB\u3000,,\tPeach State Medical Supply Inc,,Sweden,,,Timber,4407,2 t\n"  # tabs, ideographic space
)


def _load(tmp_path: Path, db_url: str, bulk: bool) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    ws = Workspace(db_url)
    ws.load(write_ftm(tmp_path / "listed.ftm.json", LISTED), dataset="listed", kind="forced_labour_list")
    ws.load(write_ftm(tmp_path / "links.ftm.json", LINKS), dataset="links", kind="user")
    path = tmp_path / "shipments.csv"
    path.write_text(SHIPMENTS + MORE, encoding="utf-8")
    stats = ws.load(path, dataset="ship", kind="shipments", bulk=bulk).stats
    with ws.store.engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(select(shipments).order_by(shipments.c.row))]
    ws.close()
    return rows, stats


def test_bulk_and_row_paths_store_the_same(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    rows, stats = _load(tmp_path / "a", f"sqlite:///{tmp_path / 'a' / 'ws.db'}", bulk=False)
    bulk_rows, bulk_stats = _load(tmp_path / "b", f"sqlite:///{tmp_path / 'b' / 'ws.db'}", bulk=True)
    assert (stats["reader"], bulk_stats["reader"]) == ("rows", "duckdb")
    drop = ("batch",)
    assert [{k: v for k, v in r.items() if k not in drop} for r in bulk_rows] == \
        [{k: v for k, v in r.items() if k not in drop} for r in rows]
    for key in ("rows", "shipments", "skipped", "parties_resolved", "parties_new", "problems", "problem_count"):
        assert bulk_stats[key] == stats[key], key
    assert any("'3 furlongs'" in p for p in stats["problems"]) and any("XYZ" in p for p in stats["problems"])
    assert sorted(r["id"] for r in bulk_rows if r["bill_of_lading"] == "BL008")[1].endswith("-2")


def test_a_file_duckdb_refuses_goes_row_by_row_and_the_error_names_the_row(tmp_path: Path, db_url: str) -> None:
    ws = Workspace(db_url)
    path = tmp_path / "broken.csv"
    path.write_text("Shipper,Consignee,Date\nA Co,B Co,2020-01-01\n\"C Co,D Co,2020-01-02\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        ws.load(path, dataset="ship", kind="shipments", bulk=True)
    assert "broken.csv" in str(err.value) and err.value.row == 2
    assert ws.store.dataset("ship") is None
    ws.close()


@pytest.mark.parametrize("bulk", [False, True])
def test_a_header_without_rows_is_refused_alike_on_both_paths(tmp_path: Path, db_url: str, bulk: bool) -> None:
    ws = Workspace(db_url)
    path = tmp_path / "empty.csv"
    path.write_text("Shipper,Consignee,Date\n,,\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        ws.load(path, dataset="ship", kind="shipments", bulk=bulk)
    assert "no data rows" in str(err.value) and "empty.csv" in str(err.value)
    assert ws.store.dataset("ship") is None
    ws.close()

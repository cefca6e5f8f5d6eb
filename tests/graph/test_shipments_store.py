"""Loading shipments: parties resolved to one node per company, all or nothing, reloads replace."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from labortrace.errors import InputError
from labortrace.graph import party_id
from labortrace.service import Workspace
from labortrace.store.graph_schema import shipment_batches, shipments
from tests.graph.conftest import SHIPMENTS, load_file


def _parties(ws: Workspace) -> dict[str, set[str]]:
    """Party name -> the entity ids it resolved to, over the shipments in force."""
    out: dict[str, set[str]] = {}
    with ws.store.engine.connect() as conn:
        for row in conn.execute(select(shipments)):
            for name, ent in ((row.shipper_name, row.shipper_entity), (row.consignee_name, row.consignee_entity)):
                if name:
                    out.setdefault(name, set()).add(ent)
    return out


def test_spellings_resolve_to_one_node(world: Workspace) -> None:
    parties = _parties(world)
    assert parties["HETIAN TAIDA APPAREL CO LTD"] == parties["Hetian Taida Apparel Co., Ltd."] == {"hetian-taida"}
    gold = {n for n in parties if "gold bridge" in n.lower()}
    assert len(gold) == 4 and len(set().union(*(parties[n] for n in gold))) == 1
    assert parties["Peach State Medical Supply Inc"] == parties["Peach State Medical Supply, Inc."]
    (gold_id,) = parties["Gold Bridge Trading Ltd"]
    assert gold_id == party_id("Gold Bridge Trading Ltd") and gold_id.startswith("ship-")
    stored = world.store.entity(gold_id)
    assert stored[0].dataset == "ship" and stored[0].schema == "Company"
    assert "GOLD BRIDGE TRADING LIMITED" in stored[0].properties["alias"]


def test_load_reports_counts_and_problems(world: Workspace) -> None:
    stats = world.store.dataset_stats("ship")
    assert (stats["rows"], stats["shipments"], stats["skipped"], stats["parties_new"]) == (7, 6, 1, 3)
    assert stats["problem_count"] == len(stats["problems"]) == 4
    assert any(p.startswith("row 6,") and "skipped" in p for p in stats["problems"])


def test_reload_replaces_and_keeps_its_own_parties(world: Workspace, tmp_path: Path) -> None:
    again = tmp_path / "again.csv"
    again.write_text(SHIPMENTS.replace("BL007", "BL008"), encoding="utf-8")
    load_file(world, again, "ship", "shipments")
    with world.store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(shipments)).scalar() == 6
        assert conn.execute(select(func.count()).select_from(shipment_batches)).scalar() == 1
        assert "BL008" in set(conn.execute(select(shipments.c.bill_of_lading)).scalars())
    # the matcher now finds the parties the first load created: they must stay in the dataset
    assert world.store.entity(party_id("Gold Bridge Trading Ltd"))


def test_a_fatal_error_leaves_the_previous_version(world: Workspace, tmp_path: Path) -> None:
    broken = tmp_path / "broken.csv"
    lines = SHIPMENTS.splitlines()
    broken.write_text("\n".join([*lines[:4], "BL9,2020-01-01,A,B,C,D,E,F,G,H,I,J,K,L,M", *lines[4:]]) + "\n",
                      encoding="utf-8")
    before = world.store.dataset("ship")
    with pytest.raises(InputError) as err:
        load_file(world, broken, "ship", "shipments")
    assert err.value.row == 3
    assert world.store.dataset("ship") == before
    with world.store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(shipments)).scalar() == 6
        assert conn.execute(select(func.count()).select_from(shipment_batches)).scalar() == 1

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import text

from labortrace.errors import StoreError
from labortrace.store import DatasetSpec, Store
from tests.conftest import make


def spec(version: str, name: str = "uflpa", kind: str = "forced_labour_list") -> DatasetSpec:
    return DatasetSpec(name, kind, version, "file.json", "a" * 64, title="Test list")


def test_replace_dataset_counts_and_reads_back(store: Store) -> None:
    change = store.replace_dataset(spec("v1"), [make(id="a", name="Alpha Co"), make(id="b", name="Beta Co")])
    assert (change.added, change.removed, change.changed, change.previous_version) == (2, 0, 0, None)
    assert [d.name for d in store.datasets()] == ["uflpa"]
    assert store.dataset("uflpa").entity_count == 2  # type: ignore[union-attr]
    assert {e.id for e in store.iter_entities()} == {"a", "b"}
    assert store.entity("a")[0].properties == {"name": ["Alpha Co"]}


def test_new_version_reports_what_changed(store: Store) -> None:
    store.replace_dataset(spec("v1"), [make(id="a", name="Alpha"), make(id="b", name="Beta"), make(id="c", name="Gamma")])
    change = store.replace_dataset(spec("v2"), [make(id="a", name="Alpha"), make(id="b", name="Beta Renamed"), make(id="d", name="Delta")])
    assert (change.added, change.removed, change.changed) == (1, 1, 1)
    assert change.previous_version == "v1"
    history = store.history("uflpa")
    assert [h["version"] for h in history] == ["v2", "v1"]
    assert history[0]["previous_version"] == "v1"
    assert {e.id for e in store.iter_entities()} == {"a", "b", "d"}


def test_failure_halfway_keeps_the_old_version(store: Store) -> None:
    store.replace_dataset(spec("v1"), [make(id=f"old{i}", name=f"Old {i}") for i in range(5)])

    def broken() -> Iterator:
        for i in range(3000):  # more than one insert batch before failing
            yield make(id=f"new{i}", name=f"New {i}")
        raise ValueError("reader failed on line 3001")

    with pytest.raises(ValueError):
        store.replace_dataset(spec("v2"), broken())
    assert store.dataset("uflpa").version == "v1"  # type: ignore[union-attr]
    assert sorted(e.id for e in store.iter_entities()) == [f"old{i}" for i in range(5)]
    assert len(store.history("uflpa")) == 1


def test_fragments_with_one_id_are_merged(store: Store) -> None:
    store.replace_dataset(spec("v1"), [make(id="a", name="Alpha"), make(id="a", alias="阿尔法")])
    (entity,) = store.entity("a")
    assert entity.properties == {"alias": ["阿尔法"], "name": ["Alpha"]}
    assert store.dataset("uflpa").entity_count == 1  # type: ignore[union-attr]


def test_same_id_in_two_datasets_is_kept_per_dataset(store: Store) -> None:
    store.replace_dataset(spec("v1"), [make(id="a", name="Alpha")])
    store.replace_dataset(spec("v1", name="research", kind="research"), [make(id="a", name="Alpha Co")])
    assert sorted(e.dataset for e in store.entity("a")) == ["research", "uflpa"]


def test_unknown_kind_is_refused(store: Store) -> None:
    with pytest.raises(StoreError, match="unknown dataset kind"):
        store.replace_dataset(spec("v1", kind="gossip"), [])
    assert store.datasets() == []


def test_newer_schema_is_refused(db_url: str) -> None:
    st = Store(db_url)
    with st.engine.begin() as conn:
        conn.execute(text("UPDATE meta SET value='999' WHERE key='schema_version'"))
    st.close()
    with pytest.raises(StoreError, match="newer than this labortrace"):
        Store(db_url)


def test_drop_dataset(store: Store) -> None:
    store.replace_dataset(spec("v1"), [make(id="a", name="Alpha")])
    assert store.drop_dataset("uflpa")
    assert store.count_entities() == 0 and store.datasets() == []

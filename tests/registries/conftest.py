"""A tiny FICTIONAL registry of mask and PPE makers, written as a real CSV and loaded into a real workspace."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from stdnum.cn import uscc as stdnum_uscc

from labortrace.registries import registry_entity
from labortrace.sources.tables import open_table
from labortrace.store import DatasetSpec, Store, StoredEntity


def uscc(division: str, serial: str = "MA0000001") -> str:
    """A valid (fictional) Unified Social Credit Code registered in a GB/T 2260 division."""
    body = f"91{division}{serial}"
    return body + stdnum_uscc.calc_check_digit(body)


HEADER = ["Company", "USCC", "Licence No", "Product Category", "Business Scope", "Address", "Date Registered"]
ROWS = [
    ["新疆天山示例防护用品有限公司", uscc("650102"), "新械注准20190001", "医用口罩", "生产：医用口罩、防护服", "新疆乌鲁木齐市天山区示例路1号", "2019-11-05"],
    ["Kashgar Example Mask Co., Ltd.", uscc("653101", "MA0000002"), "XJ-2020-0002", "face masks", "", "Kashgar City, Xinjiang", "2020/2/3"],
    ["喀什示例医疗科技有限公司", uscc("653121", "MA0000003"), "新械注准20200003", "口罩", "口罩、隔离衣", "新疆喀什地区疏附县工业园", "2020年2月20日"],
    ["阿克苏示例机械有限公司", uscc("652901", "MA0000004"), "", "", "口罩机、熔喷布设备的制造", "新疆阿克苏市示例大道9号", "20200315"],
    ["和田示例服装有限公司", uscc("653201", "MA0000005"), "", "", "服装、劳保用品（不含口罩）", "新疆和田市", "43922"],
    ["广东示例卫生用品有限公司", uscc("440300", "MA0000006"), "粤械注准20200006", "KN95口罩", "", "广东省深圳市南山区", "2020-03-01"],
    ["浙江示例防护有限公司", uscc("330100", "MA0000007"), "", "防护服", "", "浙江省杭州市", "2020-04-10"],
    ["", uscc("650102", "MA0000008"), "", "口罩", "", "新疆乌鲁木齐市", "2020-01-01"],
    ["新疆示例未注明日期有限公司", uscc("650102", "MA0000009"), "", "口罩", "", "新疆乌鲁木齐市", "soon"],
    ["新疆天山示例防护用品有限公司", uscc("650102"), "新械注准20200010", "医用防护口罩", "", "新疆乌鲁木齐市天山区示例路1号", "2020-05-06"],
]


@pytest.fixture
def registry_csv(tmp_path: Path) -> Path:
    path = tmp_path / "registry.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        writer.writerows(ROWS)
    return path


def load_registry(store: Store, path: Path, dataset: str = "xj_registry") -> None:
    """Load a registry file the way `labortrace load --kind registry` will."""
    spec = DatasetSpec(dataset, "registry", "v1", str(path), "0" * 64)
    entities = (e for row in open_table(path) if (e := registry_entity(row, dataset)) is not None)
    store.replace_dataset(spec, entities)


@pytest.fixture
def registry(store: Store, registry_csv: Path) -> Iterator[list[StoredEntity]]:
    load_registry(store, registry_csv)
    yield list(store.iter_entities(["xj_registry"]))

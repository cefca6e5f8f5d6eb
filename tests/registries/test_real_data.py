"""Counts on one province of real 2019 registrations agree with a direct count of the CSV (skips when absent).

Data: ../shared/data/real/cn_enterprise_registration_2019_sample (CC BY-NC-SA 4.0, unverified; read there,
never copied). Zhejiang: 4,536 rows, the province with the most mask mentions in business scopes.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from labortrace.registries import count_registrations
from labortrace.store import Store
from tests.registries.conftest import load_registry

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "real" / "cn_enterprise_registration_2019_sample"
FILE = DATA / "registrations_2019_zhejiang.csv"

pytestmark = pytest.mark.skipif(not FILE.is_file(), reason=f"real data not present: {FILE}")


def test_monthly_counts_match_a_direct_count(store: Store) -> None:
    with FILE.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    by_month = Counter(r["注册日期"][:7] for r in rows)
    masks = Counter(r["注册日期"][:7] for r in rows if "口罩" in r["企业名称"] + r["经营范围"])
    load_registry(store, FILE, "cn_zj_2019")
    entities = list(store.iter_entities(["cn_zj_2019"]))

    everything = count_registrations(entities, by="month")
    assert everything.regions == ["Zhejiang"]  # every row: the USCC settles the province
    assert dict(everything.period_totals()) == dict(by_month)
    assert everything.total == len(rows) == 4536

    mask = count_registrations(entities, product="mask", region="浙江", by="month")
    assert {p: c for p, c in mask.period_totals() if c} == dict(masks)
    assert mask.total == sum(masks.values()) == 22
    assert count_registrations(entities, product="mask", region="Xinjiang").total == 0

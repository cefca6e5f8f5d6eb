"""Check registration counts on real data against pandas: `python -m bench.registrations [--record] [--charts DIR]`.

Data: ../shared/data/real/cn_enterprise_registration_2019_sample (34,215 registrations of 2019 from six
provinces, CC BY-NC-SA 4.0, unverified: read its PROVENANCE.md); read there, never copied. Each file is loaded
through labortrace.registries.registry_entity into a temporary workspace, then counted with
count_registrations; pandas (needed only here) counts the same CSVs directly: province = the file's province,
month = the first 7 characters of 注册日期, masks = 口罩 / mask / N95 / respirator in 企业名称 or 经营范围.
Checks: (a) every registration by month and province, (b) mask registrations by month in Xinjiang and in all
six. Prints both side by side with OK or MISMATCH; --record appends '## Registrations over time' to
bench/RESULTS.md. Exit status 1 on any mismatch.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from labortrace.registries import RegistrationCounts, count_registrations, registry_entity, write_chart
from labortrace.sources.tables import open_table
from labortrace.store import DatasetSpec, Store, StoredEntity, file_sha256

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "real" / "cn_enterprise_registration_2019_sample"
RESULTS = ROOT / "bench" / "RESULTS.md"
PROVINCES = ("xinjiang", "guangdong", "zhejiang", "jiangsu", "fujian", "shandong")
MASK_PATTERN = r"口罩|\bmasks?\b|\bk?n95\b|\brespirators?\b"
Cells = dict[tuple[str, str], int]


def load(store: Store) -> tuple[list[StoredEntity], float]:
    """Every province file as a registry dataset; returns the stored entities and the seconds it took."""
    started = time.perf_counter()
    names = []
    for key in PROVINCES:
        path = DATA / f"registrations_2019_{key}.csv"
        name = f"cn_registrations_2019_{key}"
        entities = (e for row in open_table(path) if (e := registry_entity(row, name)) is not None)
        store.replace_dataset(DatasetSpec(name, "registry", "2019", str(path), file_sha256(path)), entities)
        names.append(name)
    return list(store.iter_entities(names)), time.perf_counter() - started


def pandas_frame() -> object:
    import pandas as pd  # type: ignore[import-untyped]

    frames = [pd.read_csv(DATA / f"registrations_2019_{k}.csv", dtype=str, keep_default_na=False).assign(
        province=k.title()) for k in PROVINCES]
    df = pd.concat(frames, ignore_index=True)
    df["month"] = df["注册日期"].str[:7]
    df["mask"] = (df["企业名称"] + " " + df["经营范围"]).str.contains(MASK_PATTERN, case=False, regex=True)
    return df


def ours(counts: RegistrationCounts) -> Cells:
    return {(p, r): c for p, r, c in counts.rows if c}


def compare(title: str, mine: Cells, theirs: Cells) -> tuple[bool, list[str]]:
    """A markdown table, province by month, each cell 'labortrace / pandas', and whether all agree."""
    months = sorted({m for m, _ in mine} | {m for m, _ in theirs})
    provinces = sorted({p for _, p in mine} | {p for _, p in theirs})
    if not months:
        return True, [f"**{title}**: none in any month (labortrace 0 / pandas 0), OK"]
    lines = [f"**{title}** (labortrace / pandas)", "", "| province | " + " | ".join(months) + " | all | |",
             "|---" * (len(months) + 3) + "|"]
    for province in provinces:
        pairs = [(mine.get((m, province), 0), theirs.get((m, province), 0)) for m in months]
        a, b = sum(x for x, _ in pairs), sum(y for _, y in pairs)
        cells = [f"{x:,} / {y:,}" for x, y in pairs]
        status = "OK" if all(x == y for x, y in pairs) else "MISMATCH"
        lines.append(f"| {province} | " + " | ".join(cells) + f" | {a:,} / {b:,} | {status} |")
    ok = mine == theirs
    total = f"{sum(mine.values()):,} / {sum(theirs.values()):,}"
    lines.append(f"| all | " + " | ".join("" for _ in months) + f" | {total} | {'OK' if ok else 'MISMATCH'} |")
    return ok, lines


def checks(entities: list[StoredEntity], df: object, charts: Path | None) -> Iterator[tuple[bool, list[str]]]:
    import pandas as pd

    assert isinstance(df, pd.DataFrame)
    size = df.groupby(["month", "province"]).size()
    everything = count_registrations(entities, by="month")
    yield compare("(a) all registrations by month and province", ours(everything), size.to_dict())
    masks = df[df["mask"]]
    all_masks = count_registrations(entities, product="mask", by="month")
    xj_masks = count_registrations(entities, product="mask", region="Xinjiang", by="month")
    yield compare("(b) mask registrations by month, all six provinces", ours(all_masks),
                  masks.groupby(["month", "province"]).size().to_dict())
    yield compare("(b) mask registrations by month, Xinjiang", ours(xj_masks),
                  masks[masks["province"] == "Xinjiang"].groupby(["month", "province"]).size().to_dict())
    if charts is not None:
        for name, counts in (("all", everything), ("masks", all_masks)):
            print(f"chart: {write_chart(counts, charts / f'registrations_{name}.png')}")


def versions() -> str:
    import matplotlib
    import pandas as pd

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout.strip()
    return (f"{datetime.date.today()}, commit {commit or '?'}, `python -m bench.registrations --record`, "
            f"nproc {os.cpu_count()}, Python {platform.python_version()}, pandas {pd.__version__}, "
            f"matplotlib {matplotlib.__version__}")


def record(lines: list[str], load_s: float, count_s: float, n: int) -> None:
    text = [
        "", "## Registrations over time", "", versions() + ".",
        f"Data: cn_enterprise_registration_2019_sample, {n:,} registrations of Jan–May 2019 in six provinces, "
        "loaded through `registry_entity` into a temporary SQLite workspace; region from address and USCC; "
        f"pandas counts the CSVs directly (province = the file's, masks = `{MASK_PATTERN}` in name or scope).",
        f"Load {load_s:.1f} s ({n / load_s:,.0f} rows/s); the three counts {count_s:.1f} s.", "", *lines,
    ]
    with RESULTS.open("a", encoding="utf-8") as fh:
        fh.write("\n".join(text) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--record", action="store_true", help="append the results to bench/RESULTS.md")
    parser.add_argument("--charts", type=Path, help="also write PNG charts to this folder")
    args = parser.parse_args()
    if not all((DATA / f"registrations_2019_{k}.csv").is_file() for k in PROVINCES):
        print(f"skipped: real data not found in {DATA}")
        return
    with tempfile.TemporaryDirectory() as tmp:
        store = Store("sqlite:///" + str(Path(tmp) / "bench.db"))
        try:
            entities, load_s = load(store)
        finally:
            store.close()
    started = time.perf_counter()
    results = list(checks(entities, pandas_frame(), args.charts))
    count_s = time.perf_counter() - started
    lines = [line for _, block in results for line in (*block, "")]
    print("\n".join(lines))
    ok = all(good for good, _ in results)
    print(f"{'OK' if ok else 'MISMATCH'}: load {load_s:.1f} s, counts and pandas {count_s:.1f} s, {len(entities):,} entities")
    if args.record:
        record(lines, load_s, count_s, len(entities))
        print(f"appended '## Registrations over time' to {RESULTS}", file=sys.stderr)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
